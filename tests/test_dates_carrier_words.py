# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The carrier words found by one scan of lower-cased text are those the words give.

``CarrierWords.starts`` must give the places ``_scan.word_carriers`` (every distinct word
looked up, then found again) gives, or say that it may not run on the block (None): on
sentences written in German and English shapes, on every checked character placed inside,
before and after date words, and on hypothesis' mixtures of date words, case changes,
compounds and the characters where lower case, case folding or the word test disagree.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotekit._regex import backtrack_free
from quotekit.dates import DateNormalizer, _scan
from quotekit.dates._grammar import Grammar
from quotekit.dates._lowered import _CHECKED, CarrierWords
from quotekit.lang import LanguageDataRegistry, load_builtin_tables


def _normalizer() -> DateNormalizer:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return DateNormalizer(registry.freeze())


NORMALIZER = _normalizer()


def grammar(lang: str) -> Grammar:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    return resolver.grammar


def scanned(lang: str, text: str, start: int = 0, stop: int | None = None) -> list[int] | None:
    end = len(text) if stop is None else stop
    return grammar(lang).carrier_words.starts(text, start, end)


def by_words(lang: str, text: str, start: int = 0, stop: int | None = None) -> list[int]:
    end = len(text) if stop is None else stop
    return sorted(_scan.word_carriers(grammar(lang), text, start, end))


def agrees(lang: str, text: str, start: int = 0, stop: int | None = None) -> bool:
    found = scanned(lang, text, start, stop)
    return found is None or sorted(found) == by_words(lang, text, start, stop)


SENTENCES = (
    "Am Donnerstagabend sagte der Minister, die Sitzung beginne am 14. März um 15 Uhr.",
    "Die Straße wird seit Jahren gesperrt; im vergangenen Jahr hieß es, Montags sei frei.",
    "Officials said Tuesday that the third quarter of 2024 was weak, a year earlier strong.",
    "MONDAY'S vote (on Friday) was, as of this week, the first in decades -- Mondays/Tuesdays.",
    "„Heute“ und «morgen», x_Montag, Jahres-Ende, Quartals_Bericht, Q3 2025, 1990s.",
)


def test_written_sentences_are_scanned_and_agree() -> None:
    for text in SENTENCES:
        for lang in ("de", "en"):
            found = scanned(lang, text)
            # English strong words hold "ss" ("possible"): a "ß" sends the block to the words
            assert (found is None) == (lang == "en" and "ß" in text), (lang, text)
            assert found is None or sorted(found) == by_words(lang, text), (lang, text)
    text = SENTENCES[0]
    assert scanned("de", text) == [text.index(word) for word in ("Donnerstagabend", "März", "Uhr")]


def test_blocks_inside_a_text_cut_words_as_the_words_do() -> None:
    text = SENTENCES[2]
    for start in range(0, len(text), 3):
        for stop in range(start, len(text) + 1, 7):
            assert agrees("en", text, start, stop), (start, stop)
    # a block starting inside "Tuesday" reads "uesday": no carrier
    begin = text.index("Tuesday") + 1
    assert scanned("en", text, begin, begin + 10) == []


def test_characters_outside_the_proven_set_send_the_block_to_the_words() -> None:
    for odd in ("Montag\u0301", "M\u00e4rz\u200d", "\u00bdJahr", "Mo\u203fntag", "M\u00e4rz \u5ef6"):
        assert scanned("de", f"Am {odd} und im Mai") is None, odd
    # a joiner, a variation selector or a fraction away from letters changes no word
    for alone in (
        "\U0001f468\u200d\U0001f469",
        "\u2764\ufe0f",
        "\u00bd Jahr",
        "( \u203f )",
        "\u0418\u044e\u043d\u044c",
    ):
        text = f"Am {alone} und im Mai"
        words = [word for word in ("Jahr", "Mai") if word in text]
        assert scanned("de", text) == by_words("de", text) == [text.index(word) for word in words], alone
    # the long s folds to "s", which strong words hold: "ſunday" carries when read by words
    assert scanned("en", "on \u017funday") is None
    assert by_words("en", "on \u017funday") == [3]


def test_sharp_s_is_read_by_the_scan_where_no_strong_word_holds_ss() -> None:
    text = "Die Straße ist seit März gesperrt, heißt es am Freitag."
    assert not any("ss" in word for word in grammar("de").strong)
    assert scanned("de", text) == by_words("de", text) == [text.index("März"), text.index("Freitag")]
    # English has "possible": a word with "ß" might fold to it, so the words decide
    assert any("ss" in word for word in grammar("en").strong)
    assert scanned("en", "as soon as poßible") is None
    assert by_words("en", "as soon as poßible") == [11]


def test_every_checked_character_beside_and_inside_date_words() -> None:
    shapes = ("Montag{c} M\u00e4rz {c}monday", "Mon{c}day Frei{c}tag", "{c}Freitag{c}s J\u00c4NNER{c}")
    for low, high in _CHECKED:
        for code in range(low, high):
            char = chr(code)
            for shape in shapes:
                text = shape.format(c=char)
                assert agrees("de", text), hex(code)
                assert agrees("en", text), hex(code)


PIECES = [
    "Montag",
    "montags",
    "MONTAG",
    "Donnerstagabend",
    "Monday",
    "MONDAYS",
    "tuesday's",
    "März",
    "MÄRZ",
    "march",
    "Jahr",
    "Jahres",
    "years",
    "week",
    "weekend",
    "heute",
    "today",
    "possible",
    "Straße",
    "STRASSE",
    "ẞ",
    "ß",
    "ſ",
    "İ",
    "Σ",
    "ς",
    "²",
    "½",
    "\u0301",
    "\u200d",
    "\ufe0f",
    "\u203f",
    "_",
    "-",
    ".",
    ",",
    "(",
    ")",
    "„",
    "“",
    "'",
    "/",
    "😀",
    "→",
    "\u00a0",
    "\n",
    "14",
    "2024",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12), st.lists(st.sampled_from(["", " "]), max_size=12))
def test_mixtures_agree(pieces: list[str], gaps: list[str]) -> None:
    text = "".join(piece + (gaps[index] if index < len(gaps) else " ") for index, piece in enumerate(pieces))
    assert agrees("de", text), text
    assert agrees("en", text), text


@given(st.text(max_size=40))
def test_any_text_agrees(text: str) -> None:
    assert agrees("de", text)
    assert agrees("en", text)


def test_the_pattern_cannot_backtrack() -> None:
    for lang in ("de", "en"):
        scan = grammar(lang).carrier_words
        for pattern in (scan.word, scan.after_boundary):
            backtrack_free(pattern.pattern)  # raises if it could


def test_a_grammar_without_words_finds_none() -> None:
    empty = CarrierWords.build([], [])
    assert empty.starts("Montag und März", 0, 15) == []
    odd = CarrierWords.build(["o'clock", "march"], ["x-y"])  # no run of word characters spells these
    assert odd.starts("o'clock in march", 0, 16) == [11]
