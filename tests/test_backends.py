"""Backends as plugins: the neutral Syntax type, registration, choosing one by name, the errors."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest

import quotekit
from quotekit.backends import Segment, SyntaxExtractor
from quotekit.cli import main
from quotekit.syntax import BackendError, NamedEntity, Sentence, Syntax, Word, entity_type

TEXT = "Nora Blake said the port would close."


def _whitespace_parse(text: str, segments: Sequence[Segment], name: str = "toy") -> Syntax:
    """A parse a third party could make: every word hangs on the first, one sentence a segment."""
    words: list[Word] = []
    sentences: list[Sentence] = []
    for start, end, _lang in segments:
        first = len(words)
        at = start
        for chunk in text[start:end].split():
            at = text.index(chunk, at)
            words.append(
                Word(
                    start=at,
                    end=at + len(chunk),
                    text=chunk,
                    form=chunk,
                    head=None if len(words) == first else first,
                    relation="root" if len(words) == first else "dep",
                    sentence=len(sentences),
                )
            )
            at += len(chunk)
        if len(words) > first:
            sentences.append(
                Sentence(
                    start=words[first].start,
                    end=words[-1].end,
                    text=text[words[first].start : words[-1].end],
                    first=first,
                    last=len(words),
                )
            )
    return Syntax(backend=name, sentences=sentences, words=words)


@attrs.define
class ToyBackend:
    name: str = "toy"
    install: str = "pip install quotekit-toy"
    installed: bool = True
    calls: list[list[Segment]] = attrs.field(factory=list)

    def check(self) -> None:
        if not self.installed:
            msg = f"the toy backend is not installed: run {self.install}"
            raise BackendError(msg)

    def languages(self) -> frozenset[str] | None:
        return frozenset({"en"})

    def annotate(self, text: str, segments: Sequence[Segment]) -> Syntax:
        self.calls.append(list(segments))
        return _whitespace_parse(text, segments)


class ToyPlugin:
    def __init__(self, backend: ToyBackend) -> None:
        self.backend = backend

    @quotekit.hookimpl
    def quotekit_register_backends(self, register: object) -> None:
        register(self.backend)  # type: ignore[operator]


def test_a_third_party_backend_registers_and_is_chosen_by_name() -> None:
    backend = ToyBackend()
    pipeline = quotekit.Pipeline(plugins=[ToyPlugin(backend)], backend="toy", autoload=False)
    assert "syntax" in pipeline.names
    assert pipeline.names.index("syntax") < pipeline.names.index("quotes")
    doc = pipeline.extract(TEXT)
    assert doc.syntax is not None
    assert doc.syntax.backend == "toy"
    assert backend.calls == [[(0, len(TEXT), "en")]]
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Nora Blake"]


def test_a_backend_object_can_be_passed_directly() -> None:
    doc = quotekit.Pipeline(backend=ToyBackend(), autoload=False).extract(TEXT)
    assert doc.syntax is not None


def test_languages_the_backend_lacks_are_left_to_the_rules() -> None:
    text = "„Wir sind bereit“, sagte die Ministerin am Freitag in Berlin."
    doc = quotekit.Pipeline(backend=ToyBackend(), autoload=False).extract(text, lang="de")
    assert doc.syntax is not None
    assert doc.syntax.words == ()
    assert [d.code for d in doc.diagnostics] == ["backend-language"]
    assert doc.quotes == quotekit.extract(text, lang="de").quotes


def test_unknown_backend_names_the_installed_ones() -> None:
    with pytest.raises(BackendError, match=r"no backend named 'nltk'.*spacy, stanza"):
        quotekit.extract(TEXT, backend="nltk")


def test_a_missing_extra_names_its_install_command() -> None:
    backend = ToyBackend(installed=False)
    with pytest.raises(BackendError, match="pip install quotekit-toy"):
        quotekit.Pipeline(plugins=[ToyPlugin(backend)], backend="toy", autoload=False)


def test_builtin_backends_name_their_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name in {"stanza", "spacy"} else real(name, *a)
    )
    for name in ("stanza", "spacy"):
        with pytest.raises(BackendError, match=rf"pip install 'quotekit\[{name}\]'"):
            quotekit.Pipeline(backend=name, autoload=False)


def test_cli_reports_a_bad_backend_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--backend", "nltk", "-"]) == 2
    err = capsys.readouterr().err
    assert "no backend named 'nltk'" in err
    assert "Traceback" not in err


def test_syntax_offsets_are_checked_against_the_text() -> None:
    syntax = _whitespace_parse(TEXT, [(0, len(TEXT), "en")])
    doc = quotekit.Document.from_text(TEXT).evolve(syntax=syntax)
    assert doc.syntax is syntax
    with pytest.raises(quotekit.SpanError, match="syntax"):
        quotekit.Document.from_text(TEXT.upper()).evolve(syntax=syntax)


def test_heads_must_stay_inside_their_sentence() -> None:
    word = Word(start=0, end=4, text="Nora", form="Nora", head=5, relation="nsubj")
    with pytest.raises(ValueError, match="outside its sentence"):
        Syntax(
            backend="toy", sentences=[Sentence(start=0, end=4, text="Nora", first=0, last=1)], words=[word]
        )


def test_syntax_look_ups() -> None:
    syntax = _whitespace_parse(TEXT, [(0, len(TEXT), "en")])
    said = syntax.word_at(TEXT.index("said") + 2)
    assert said is not None
    assert syntax.words[said].text == "said"
    assert list(syntax.words_in(0, 10)) == [0, 1]
    assert syntax.governs(0, said)
    assert not syntax.governs(said, 0)
    assert set(syntax.children(0)) == set(range(1, len(syntax.words)))


def test_the_syntax_is_not_serialised_nor_compared() -> None:
    plain = quotekit.extract(TEXT)
    parsed = quotekit.Pipeline(backend=ToyBackend(), autoload=False).extract(TEXT)
    assert parsed == plain
    assert quotekit.to_json(parsed) == quotekit.to_json(plain)


def test_entity_labels_map_onto_the_neutral_types() -> None:
    assert [entity_type(label) for label in ("PERSON", "PER", "GPE", "ORG", "NORP", "DATE")] == [
        "PER",
        "PER",
        "LOC",
        "ORG",
        "MISC",
        None,
    ]
    with pytest.raises(ValueError, match="type"):
        NamedEntity(start=0, end=4, text="Nora", type="PERSON", label="PERSON")


def test_the_syntax_extractor_declares_its_layer() -> None:
    extractor = SyntaxExtractor(ToyBackend())
    assert extractor.provides == ("syntax",)
    assert extractor.requires == ("lang",)
