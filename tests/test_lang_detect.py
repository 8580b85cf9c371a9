"""The function-word language detector: block verdicts, ties, and the document's language."""

from __future__ import annotations

import heapq
from operator import itemgetter

from hypothesis import given
from hypothesis import strategies as st

import quotekit
from quotekit.lang import LanguageDataRegistry
from quotekit.lang.detect import (
    _MAX_WORDS,
    LanguageDetector,
    _Lexicon,
    _lexicon_of,
    detect_language,
)

#: Function words of several languages (some shared, with marks), and words of none.
_WORDS = (
    "der",
    "die",
    "the",
    "and",
    "in",
    "an",
    "an,",
    "„die",
    "the,",
    "de",
    "la",
    "et",
    "und",
    "of",
    "x",
    "zeit",
    "",
)


def _detector() -> LanguageDetector:
    return LanguageDetector(quotekit.default_pipeline().language_data)


def test_each_block_gets_its_own_language_when_it_has_evidence() -> None:
    text = (
        "Die Regierung hat am Montag in Berlin gesagt, dass sie die neue Regel nicht mehr will.\n"
        "The minister said on Monday that the new rule would not be kept by the government.\n"
        "Der Minister sagte, die Regel werde nicht mehr gelten, und das sei auch gut so.\n"
        "Und dann?\n"
    )
    doc = _detector()(quotekit.Document.from_text(text))
    assert [span.lang for span in doc.languages] == ["de", "en", "de", "de"]
    # the short last block has too little evidence of its own: it takes the document's language
    assert doc.languages[3].confidence == 0.0
    assert all(text[span.start : span.end] == span.text for span in doc.languages)


def test_a_tie_goes_to_the_language_the_text_shows_first() -> None:
    assert detect_language("the der") == "en"
    assert detect_language("der the") == "de"
    assert detect_language("der the und and") == "de"


def test_no_function_word_is_undetermined() -> None:
    assert detect_language("Xylofon Quarz 123") == "und"
    doc = _detector()(quotekit.Document.from_text("Xylofon Quarz"))
    assert doc.lang == "und"


def _lexicon() -> _Lexicon:
    return _lexicon_of(quotekit.default_pipeline().language_data)


@given(st.lists(st.sampled_from(_WORDS), max_size=500))
def test_votes_counted_by_language_equal_votes_counted_by_word(words: list[str]) -> None:
    # the fast path counts hits by language in C; counting word by word is the plain path
    lexicon = _lexicon()
    assert lexicon.keys is not None  # the built-in tables: no word has three languages
    fast = lexicon.tokens_votes(list(words))
    plain = lexicon._votes_by_word(words[:_MAX_WORDS])
    assert list(fast.items()) == list(plain.items())


def test_a_word_of_three_languages_takes_the_plain_path() -> None:
    registry = LanguageDataRegistry()
    for lang in ("aa", "bb", "cc"):
        registry.add(lang, "function_words", ["zz", f"only{lang}"])
    lexicon = _Lexicon.from_data(registry.freeze())
    assert lexicon.keys is None
    votes = lexicon.tokens_votes(["zz", "onlyaa", "zz", "onlybb"])
    assert list(votes.items()) == [("aa", 2 / 3 + 1), ("bb", 2 / 3 + 1), ("cc", 2 / 3)]


def test_the_detector_reads_the_blocks_it_lists() -> None:
    text = "  \nDie Regierung und der Minister.\n\n   \nThe minister and the rule.  \r\nx"
    detector = _detector()
    doc = detector(quotekit.Document.from_text(text))
    assert [(span.start, span.end) for span in doc.languages] == list(detector.blocks(text))
    assert all(span.text == text[span.start : span.end] for span in doc.languages)


def _plain_verdict(votes: dict[str, float]) -> tuple[str, float, float]:
    """The verdict by ranking alone (Counter.most_common's order), without the one-language short cut."""
    if not votes:
        return "und", 0.0, 0.0
    ranked = heapq.nlargest(2, votes.items(), key=itemgetter(1))
    best, best_count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(votes.values())
    return best, float(best_count - runner_up) / total if total else 0.0, float(best_count)


def _plain_layer(detector: LanguageDetector, text: str) -> list[tuple[int, int, str, float]]:
    """The languages layer as blocks() and the word-by-word votes give it."""
    lexicon = detector._lexicon
    block_votes = [
        (
            start,
            end,
            lexicon._votes_by_word(text[start : min(end, start + 4000)].lower().split()[:_MAX_WORDS]),
        )
        for start, end in detector.blocks(text)
    ]
    total: dict[str, float] = {}
    for _, _, votes in block_votes:
        for lang, count in votes.items():
            total[lang] = total.get(lang, 0.0) + count
    doc_lang = _plain_verdict(total)[0]
    layer = []
    for start, end, votes in block_votes:
        lang, confidence, evidence = _plain_verdict(votes)
        if evidence < 3 or lang == "und":
            lang, confidence = doc_lang, 0.0
        layer.append((start, end, lang, round(confidence, 3)))
    return layer


@given(st.lists(st.sampled_from([*_WORDS, "\n", "\n\n", " \n", "  "]), max_size=80).map(" ".join))
def test_the_detector_gives_the_plain_reading(text: str) -> None:
    detector = _detector()
    doc = detector(quotekit.Document.from_text(text))
    assert [(span.start, span.end, span.lang, span.confidence) for span in doc.languages] == _plain_layer(
        detector, text
    )
