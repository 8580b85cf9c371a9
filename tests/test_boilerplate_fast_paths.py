# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The stripper's short cuts agree with the plain reading they stand for.

Each short cut lets most lines go before a regex runs (a piece every credit label holds, the
words every agency name is made of, a mark every always-searched phrase holds, one attempt at
the last sentence mark instead of a search). Here each is checked against the plain search on
lines written to sit on both sides of it.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotekit.boilerplate import BoilerplateStripper
from quotekit.boilerplate import lexicon as lexicon_module
from quotekit.boilerplate.lexicon import EDGE_PUNCTUATION, Lexicon, normalize, normalized_pieces
from quotekit.lang import LanguageData, LanguageDataRegistry, load_builtin_tables
from quotekit.lang.detect import LanguageDetector
from quotekit.lang.segment import segmenter_for
from quotekit.model import Document


def _data() -> LanguageData:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return registry.freeze()


DATA = _data()
LEXICON = Lexicon.of(DATA)

#: Pieces the lines below are made of: credit labels and their look-alikes, agencies, words,
#: separators and sentence marks.
PIECES = (
    "Foto:",
    "Photo by",
    "photograph by",
    "Bild: ",
    "Credit:",
    "courtesy of",
    "by",
    "von",
    "of",
    "dpa",
    "AFP",
    "Reuters",
    "AP",
    "Associated Press",
    "und",
    "and",
    "/",
    ", ",
    "; ",
    " & ",
    "(",
    ")",
    ". ",
    "! ",
    "? ",
    '" ',
    "» ",
    "the minister said",
    "Max Muster",
    "Jane Doe",
    "Berlin",
    "©",
    "Shutterstock",
    "correction:",
    "use of cookies",
    "  ",
    "-",
)
LINES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map(" ".join)


def plain_source_credit(folded: str) -> bool:
    """``Lexicon.is_source_credit`` without the word filter: split, then look every piece up."""
    if folded[:1] == "(" and lexicon_module._INITIALS.fullmatch(folded):
        return True
    bare = folded.strip(EDGE_PUNCTUATION)
    if not bare or len(bare) > 80:
        return False
    if bare in LEXICON.sources:
        return True
    pieces = [p.strip(EDGE_PUNCTUATION) for p in lexicon_module._SOURCE_SPLIT.split(bare)]
    return all(p in LEXICON.sources for p in pieces if p) and any(pieces)


def plain_label(folded: str) -> regex.Match[str] | None:
    """The last credit label in the line's tail, searched without the label-piece filter."""
    tail_start = max(0, len(folded) - lexicon_module._CREDIT_TAIL_CHARS)
    return LEXICON._last_credit_label.search(folded, tail_start)


def plain_after_sentence(folded: str) -> regex.Match[str] | None:
    """The words after the last sentence, searched from the tail's start."""
    tail_start = max(0, len(folded) - lexicon_module._CREDIT_TAIL_CHARS)
    return lexicon_module._AFTER_SENTENCE.search(folded, tail_start)


def fast_after_sentence(folded: str) -> regex.Match[str] | None:
    """What ``ends_with_credit`` does: one attempt at the tail's last sentence mark."""
    tail_start = max(0, len(folded) - lexicon_module._CREDIT_TAIL_CHARS)
    closer = max(map(folded[tail_start:].rfind, lexicon_module._SENTENCE_CLOSERS))
    return None if closer < 0 else lexicon_module._AFTER_SENTENCE.match(folded, tail_start + closer)


WRITTEN = (
    "Foto: dpa",
    "Der Minister sprach in Berlin. Foto: Max Muster/dpa",
    "The minister spoke on Monday. AP",
    "The minister spoke on Monday. (AP Photo/Jane Doe)",
    "dpa/AFP",
    "Reuters und AP",
    "dpa, Reuters; AFP",
    "dpa und die Polizei",
    "(jum)",
    "(dpa/afp)",
    "The picture was taken by the agency.",
    "Ein Bild: von oben",
    "© Shutterstock",
    "Correction: an earlier version named the wrong city",
    "We use cookies. Read about our use of cookies",
    "x" * 200 + ". AP",
)


@given(LINES)
def test_source_credit_word_filter_agrees(line: str) -> None:
    folded = normalize(line)
    assert LEXICON.is_source_credit(folded) == plain_source_credit(folded)


def test_source_credit_written_lines() -> None:
    for line in WRITTEN:
        folded = normalize(line)
        assert LEXICON.is_source_credit(folded) == plain_source_credit(folded), line
    assert LEXICON.is_source_credit(normalize("Reuters und AP"))
    assert not LEXICON.is_source_credit(normalize("dpa und die Polizei"))


@given(LINES)
def test_label_pieces_let_go_only_lines_without_a_label(line: str) -> None:
    folded = normalize(line)
    tail = folded[max(0, len(folded) - lexicon_module._CREDIT_TAIL_CHARS) :]
    if plain_label(folded) is not None:
        assert any(piece in tail for piece in LEXICON._label_pieces)


@given(LINES)
def test_one_attempt_at_the_last_sentence_mark(line: str) -> None:
    folded = normalize(line)
    plain, fast = plain_after_sentence(folded), fast_after_sentence(folded)
    assert (plain is None) == (fast is None)
    if plain is not None and fast is not None:
        assert plain.span() == fast.span()
        assert plain.group(1) == fast.group(1)


def test_written_lines_agree_with_the_plain_searches() -> None:
    for line in WRITTEN:
        folded = normalize(line)
        plain, fast = plain_after_sentence(folded), fast_after_sentence(folded)
        assert (plain is None) == (fast is None), line
        if plain is not None and fast is not None:
            assert plain.span() == fast.span(), line
    assert LEXICON.ends_with_credit(normalize("Der Minister sprach in Berlin. Foto: Max Muster/dpa"))
    assert LEXICON.ends_with_credit(normalize("The minister spoke on Monday. AP"))
    assert not LEXICON.ends_with_credit(normalize("The picture was taken by the agency."))


@given(LINES, st.sampled_from(["en", "de", "fr", "xx"]))
def test_phrase_witnesses_agree_with_every_phrase(line: str, lang: str) -> None:
    folded = normalize(line)
    tables = LEXICON._language(lang)
    holds_phrase = any(phrase in folded for phrase in tables.contains_always_phrases)
    holds_witness = any(piece in folded for piece in tables.contains_always_witnesses)
    assert holds_witness or not holds_phrase


def test_language_tables_by_code_are_the_tables_of_that_language() -> None:
    # an unknown code reads every language's phrases: the same tables under any unknown code
    assert LEXICON._language("xx") is LEXICON._language("yy")
    assert LEXICON._language("de") is not LEXICON._language("xx")
    assert LEXICON._language("de").stopwords == frozenset(
        word.casefold() for word in DATA.words("de", "boilerplate_stopwords")
    )


PAGE = (
    "Startseite",
    "Politik",
    "Sport",
    "Der Minister sprach am Montag in Berlin über die Pläne der Regierung für das Jahr.",
    "Er sagte, die Regierung werde die Pläne im Herbst vorlegen. Dr. Muster widersprach.",
    "Foto: Max Muster/dpa",
    "Teilen",
    "Impressum",
)


def test_spans_without_the_shared_segmentation_are_the_spans_with_it() -> None:
    text = "\n".join(PAGE)
    data = _data()  # a segmenter of its own: nothing else touches its cache
    stripper = BoilerplateStripper(data)
    doc = LanguageDetector(data)(Document.from_text(text))
    segmenter = segmenter_for(data)
    alone = stripper.spans(doc)
    assert segmenter.made(doc) is None  # the stripper alone did not split the sentences
    segmenter.of(doc)  # what another extractor of the pipeline does first
    assert segmenter.made(doc) is not None
    assert stripper.spans(doc) == alone
    assert alone  # the menu lines and the credit are marked


@given(st.text(alphabet=" \t\u00a0\u2009\u3000’'„“-–|:.,AaßẞİΣσςXx9\x1c", max_size=40))
def test_one_split_gives_the_normalized_line_and_its_pieces(line: str) -> None:
    folded, pieces = normalized_pieces(line)
    assert folded == normalize(line)
    assert pieces == normalize(line).split(" ")
