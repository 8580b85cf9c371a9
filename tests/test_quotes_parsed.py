"""Parse-driven attribution: the quote attributor with a parse from stanza Documents read from CoNLL-U."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quotekit
from quotekit.backends import Segment
from quotekit.backends.stanza_backend import syntax_from_stanza
from quotekit.quotes.candidate import Candidate
from quotekit.quotes.lexicon import compile_lexicons
from quotekit.quotes.parsed import reattribute
from quotekit.syntax import Syntax

stanza_conll = pytest.importorskip(
    "stanza.utils.conll", reason="stanza is not installed: pip install 'quotekit[stanza]'"
)

DATA = Path(__file__).parent / "data" / "conllu"


def _parsed(lang: str) -> tuple[str, Syntax]:
    """The text of a CoNLL-U file, one sentence a paragraph, and its parse."""
    blocks = (DATA / f"{lang}.conllu").read_text(encoding="utf-8").strip().split("\n\n")
    docs = [stanza_conll.CoNLL.conll2doc(input_str=block + "\n\n", reconstruct_text=True) for block in blocks]
    text = "\n\n".join(doc.text for doc in docs)
    offsets = [sum(len(d.text) + 2 for d in docs[:i]) for i in range(len(docs))]
    return text, syntax_from_stanza(text, zip(offsets, docs, strict=True))


class ParsedBackend:
    """A backend that hands out one parse made beforehand."""

    name = "conllu"
    install = "nothing to install"

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax

    def check(self) -> None:
        pass

    def languages(self) -> frozenset[str] | None:
        return None

    def annotate(self, text: str, segments: list[Segment]) -> Syntax:
        return self.syntax


def _quotes(lang: str, *, parse: bool) -> list[Any]:
    text, syntax = _parsed(lang)
    pipeline = quotekit.Pipeline(backend=ParsedBackend(syntax) if parse else None)
    doc = pipeline.extract(text, lang=lang)
    assert (doc.syntax is not None) == parse
    return list(doc.quotes)


def _speaker(quotes: list[Any], quoted: str) -> str | None:
    quote = next(q for q in quotes if quoted in q.text)
    return None if quote.speaker is None else quote.speaker.name


def test_the_name_in_apposition_to_the_subject_speaks() -> None:
    # The minister, Nora Blake, smiled and told reporters that …: nsubj of 'smiled', shared by 'told'
    quotes = _quotes("en", parse=True)
    assert _speaker(quotes, "the plan was sound") == "Nora Blake"
    quote = next(q for q in quotes if "the plan was sound" in q.text)
    assert quote.cue is not None
    assert quote.cue.text == "told"


def test_a_relative_clause_speaks_for_its_noun() -> None:
    # … welcomed by the mayor, who said the plan was sound: 'who' stands for 'the mayor'
    text, syntax = _parsed("en")
    start = text.rindex("the plan was sound")
    cue = text.rindex("said")
    candidate = Candidate(
        start=start, end=start + len("the plan was sound"), kind="indirect", cue=(cue, cue + 4)
    )
    lexicon = compile_lexicons(quotekit.Pipeline().language_data)["en"]
    assert reattribute(text, [candidate], syntax, lambda _: lexicon) == 1
    assert candidate.mention is not None
    assert text[candidate.mention.start : candidate.mention.end] == "the mayor"


def test_a_pronoun_resolved_by_the_rules_speaks_as_before() -> None:
    # "We are ready," she said: the parse's subject is the rules' pronoun; the name comes from
    # the rules' coreference, which now finds Nora Blake named in the sentence before
    quotes = _quotes("en", parse=True)
    quote = next(q for q in quotes if "We are ready" in q.text)
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "she"
    assert quote.speaker.name == "Nora Blake"


def test_german_apposition_and_coordinated_verb() -> None:
    quotes = _quotes("de", parse=True)
    assert _speaker(quotes, "dass die Brücke") == "Anna Berg"
    assert _speaker(quotes, "Wir kommen zum Ende") == "Anna Berg"


def test_where_rules_and_parse_agree_the_output_is_the_rules() -> None:
    for lang in ("de", "en"):
        with_parse, rules = _quotes(lang, parse=True), _quotes(lang, parse=False)
        assert [(q.start, q.end, q.kind, q.cue) for q in with_parse] == [
            (q.start, q.end, q.kind, q.cue) for q in rules
        ]
        same = [q for q in with_parse if "zum Ende" in q.text]
        assert all(q in rules for q in same)


def test_the_json_has_the_same_shape_with_a_parse() -> None:
    text, syntax = _parsed("en")
    doc = quotekit.Pipeline(backend=ParsedBackend(syntax)).extract(text, lang="en")
    data = quotekit.to_dict(doc)
    assert "syntax" not in data
    assert set(data) == set(quotekit.to_dict(quotekit.extract(text, lang="en")))
    assert quotekit.from_dict(data) == doc
