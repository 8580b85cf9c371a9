"""The stanza backend: one stanza ``Pipeline`` per language and process, read into ``Syntax``.

Install with ``pip install 'quotekit[stanza]'``; models live in stanza's own resources
directory (``STANZA_RESOURCES_DIR``, else stanza's default) and are fetched only by
``quotekit models download LANG...`` (which calls ``stanza.download``), never implicitly.
The text is cut into paragraphs (line breaks), and each language's paragraphs go through its
pipeline in one bulk call; offsets are shifted back to the whole text.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from quotekit.backends import Segment, parse_paragraphs, require_modules
from quotekit.syntax import BackendError, NamedEntity, Sentence, Syntax, Word

__all__ = ["PROCESSORS", "StanzaBackend", "download", "syntax_from_stanza"]

INSTALL: Final = "pip install 'quotekit[stanza]'"
#: What the attributor reads; mwt is asked for only where the language has multi-word tokens.
PROCESSORS: Final = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
_RESOURCES: Final = "resources.json"

#: One pipeline per (resources dir, language, loader) in this process: loading one takes seconds.
_pipelines: dict[tuple[str, str, Callable[..., Any]], Any] = {}
_lock = threading.Lock()


def resources_dir(configured: str | os.PathLike[str] | None = None) -> Path:
    """Where stanza keeps its models: ``configured``, ``$STANZA_RESOURCES_DIR`` or stanza's default."""
    chosen = configured or os.environ.get("STANZA_RESOURCES_DIR")
    if not chosen:
        from stanza.resources.common import DEFAULT_MODEL_DIR

        chosen = DEFAULT_MODEL_DIR
    return Path(chosen).expanduser()


def _missing(lang: str, directory: Path, what: str) -> BackendError:
    return BackendError(
        f"no stanza model for {lang!r} in {directory} ({what}): run `quotekit models download {lang}` "
        "(it calls stanza.download; set STANZA_RESOURCES_DIR to keep models elsewhere)"
    )


def processors_for(lang: str, directory: Path) -> tuple[str, ...]:
    """The processors to load for ``lang``, checked against the resources in ``directory``.

    Raises :class:`BackendError` naming ``quotekit models download LANG`` when the resources
    index, the language or one of its processors' files is missing.
    """
    index_path = directory / _RESOURCES
    if not index_path.is_file():
        raise _missing(lang, directory, f"no {_RESOURCES}")
    try:
        resources = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _missing(lang, directory, f"{_RESOURCES} is unreadable: {error}") from error
    entry = resources.get(lang)
    if isinstance(entry, dict) and "alias" in entry:
        lang = str(entry["alias"])
        entry = resources.get(lang)
    if not isinstance(entry, dict):
        raise _missing(lang, directory, f"{lang!r} is not in {_RESOURCES}")
    defaults = entry.get("default_processors", {})
    wanted = tuple(p for p in PROCESSORS if p != "mwt" or "mwt" in defaults)
    for processor in wanted:
        folder = directory / lang / processor
        if not folder.is_dir() or not any(folder.glob("*.pt")):
            raise _missing(lang, directory, f"no {processor} model in {folder}")
    return wanted


def _stanza_pipeline(**kwargs: Any) -> Any:
    import stanza

    return stanza.Pipeline(**kwargs)


class StanzaBackend:
    """stanza (tokenize, mwt, pos, lemma, depparse, ner) as a quotekit backend.

    ``resources`` overrides the models directory; ``use_gpu`` is passed to stanza (``None``:
    stanza decides); ``loader`` builds a pipeline from stanza.Pipeline's keyword arguments
    (tests pass a fake one).
    """

    name = "stanza"
    install = INSTALL

    def __init__(
        self,
        *,
        resources: str | os.PathLike[str] | None = None,
        use_gpu: bool | None = None,
        loader: Callable[..., Any] = _stanza_pipeline,
    ) -> None:
        self._resources = resources
        self._use_gpu = use_gpu
        self._loader = loader

    def check(self) -> None:
        """Raise :class:`BackendError` naming the install command when stanza is missing."""
        if self._loader is _stanza_pipeline:
            require_modules(self.name, ["stanza"], INSTALL)

    def languages(self) -> frozenset[str] | None:
        """Any language stanza has a model for: a missing one raises when it is met."""
        return None

    def pipeline(self, lang: str) -> Any:
        """This process's stanza pipeline for ``lang``, loaded on first use."""
        directory = resources_dir(self._resources)
        key = (str(directory), lang, self._loader)
        with _lock:
            if key not in _pipelines:
                processors = processors_for(lang, directory)
                options: dict[str, Any] = {
                    "lang": lang,
                    "dir": str(directory),
                    "processors": ",".join(processors),
                    "download_method": None,  # never fetch behind the user's back
                    "logging_level": "WARN",
                }
                if self._use_gpu is not None:
                    options["use_gpu"] = self._use_gpu
                _pipelines[key] = self._loader(**options)
            return _pipelines[key]

    def annotate(self, text: str, segments: Sequence[Segment]) -> Syntax:
        """Parse each segment's paragraphs with its language's pipeline, in one bulk call per language."""
        parsed = parse_paragraphs(text, segments, lambda lang, texts: self.pipeline(lang).bulk_process(texts))
        return syntax_from_stanza(text, parsed)


def syntax_from_stanza(text: str, docs: Iterable[tuple[int, Any]]) -> Syntax:
    """The neutral parse of stanza ``Document``s, each given with the offset of its text in ``text``.

    The words of a multi-word token share the token's span; heads become indices into the
    whole list of words.
    """
    words: list[Word] = []
    sentences: list[Sentence] = []
    entities: list[NamedEntity] = []
    for offset, doc in docs:
        for sentence in doc.sentences:
            first = len(words)
            index = len(sentences)
            for token in sentence.tokens:
                start, end = offset + token.start_char, offset + token.end_char
                words.extend(
                    Word(
                        start=start,
                        end=end,
                        text=text[start:end],
                        form=word.text,
                        lemma=word.lemma,
                        upos=word.upos,
                        feats=_features(word.feats),
                        head=first + word.head - 1 if word.head else None,
                        relation=word.deprel,
                        sentence=index,
                    )
                    for word in token.words  # a multi-word token's words share its span
                )
            found = Sentence.over(text, words, first)
            if found is not None:
                sentences.append(found)
        for entity in doc.ents:
            named = NamedEntity.labelled(
                text, offset + entity.start_char, offset + entity.end_char, entity.type
            )
            if named is not None:
                entities.append(named)
    return Syntax(backend="stanza", sentences=sentences, words=words, entities=entities)


def _features(feats: str | None) -> list[tuple[str, str]]:
    if not feats:
        return []
    pairs = (item.partition("=") for item in feats.split("|"))
    return [(name, value) for name, _, value in pairs if name]


def download(languages: Sequence[str], *, resources: str | os.PathLike[str] | None = None) -> Path:
    """Fetch stanza's models for ``languages`` into the resources directory; returns it."""
    require_modules("stanza", ["stanza"], INSTALL)
    import stanza

    directory = resources_dir(resources)
    lang = ""
    try:
        for lang in languages:
            stanza.download(lang, model_dir=str(directory), processors=",".join(PROCESSORS))
    except (OSError, ValueError) as error:  # no network, no such language: stanza's own words
        msg = f"stanza could not download the models for {lang!r} into {directory}: {error}"
        raise BackendError(msg) from error
    return directory
