# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The tense of a clause, read faster, is the one the plain reading gives.

Two fast paths: the tense words found by one scan of lower-cased text
(``_lowered.TenseWords``) where the case-insensitive search of them (``_hits`` over the
resolver's pattern) finds them, or the scan declines (None); and the English past forms read
only from the last tense word on, whose last hit with the tense words is the last of all hits.
Both are compared with the plain readings on sentences written in English and German shapes
and on hypothesis' mixtures of tense words, case changes, -ed words and the characters where
lower case and case-insensitive matching disagree.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotekit.dates import DateNormalizer
from quotekit.dates._found import _hits
from quotekit.dates._lexicon import key
from quotekit.dates._resolve import Resolver
from quotekit.lang import LanguageDataRegistry, load_builtin_tables


def _normalizer() -> DateNormalizer:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return DateNormalizer(registry.freeze())


NORMALIZER = _normalizer()


def resolver(lang: str) -> Resolver:
    found = NORMALIZER.resolver(lang)
    assert found is not None
    return found


def tense_words(lang: str) -> list[str]:
    lexicon = resolver(lang).lex
    return [w for w in lexicon.surface.get("date_tense", ()) if key(w) in lexicon.tense]


def agrees(lang: str, text: str, start: int = 0, end: int | None = None) -> bool:
    stop = len(text) if end is None else end
    spans = resolver(lang)._tense_words.spans(text, start, stop)
    plain = [hit.span() for hit in _hits(resolver(lang)._tense, text, start, stop)]
    return spans is None or list(spans) == plain


def last_of_all(lang: str, text: str, start: int, end: int) -> object:
    """The plain reading: every tense word and past form listed, the last one's tense."""
    hits = sorted(hit for hits in resolver(lang)._tense_searches(text, start, end) for hit in hits)
    return hits[-1][1] if hits else None


SENTENCES = (
    ("en", "The company said it planned to expand, and officials expected more talks next week."),
    ("en", "He'll be named on Monday; they’ll report what was scheduled, Prices ROSE and Fell."),
    ("en", "Officials warned that the United States will not be affected, the minister added."),
    ("de", "Die Regierung kündigte an, die Pläne im kommenden Jahr vorzulegen, teilte sie mit."),
    ("de", "Der Minister SAGTE am Freitag, das Treffen werde verschoben; es hieß, man plane weiter."),
)


def test_written_sentences() -> None:
    for lang, text in SENTENCES:
        spans = resolver(lang)._tense_words.spans(text, 0, len(text))
        assert spans is not None, text
        found = list(spans)
        assert found, text
        assert found == [hit.span() for hit in _hits(resolver(lang)._tense, text, 0, len(text))]
        for start in range(0, len(text), 5):
            for end in range(start, len(text) + 1, 9):
                assert agrees(lang, text, start, end), (start, end)
                assert resolver(lang)._last_tense_before(text, start, end) == last_of_all(
                    lang, text, start, end
                ), text[start:end]


def test_characters_that_match_otherwise_send_the_text_to_the_search() -> None:
    # the long s matches "s" case-insensitively; a combining mark is a word character for regex
    for text in ("he ſaid", "he said\u0301 so", "er SAGTE \u5ef6"):
        lang = "de" if "SAGTE" in text else "en"
        assert resolver(lang)._tense_words.spans(text, 0, len(text)) is None
    # the Kelvin sign lower-cases to "k" and matches "k": the scan reads it
    assert resolver("en")._tense_words.spans("he \u212aNEW", 0, 7) is not None


def pieces(lang: str) -> list[str]:
    words = tense_words(lang)
    return [
        *words[:40],
        *(w.upper() for w in words[:15]),
        *(w.title() for w in words[:15]),
        "walked",
        "United",
        "be",
        "was",
        "had been",
        "not",
        "next to",
        "Monday",
        "ſ",
        "\u212a",
        "İ",
        "ß",
        "\u0301",
        "'",
        "’",
        ",",
        ";",
        "-",
        "x",
        "\n",
    ]


@given(st.sampled_from(["en", "de"]), st.data())
def test_mixtures_agree(lang: str, data: st.DataObject) -> None:
    text = data.draw(st.lists(st.sampled_from(pieces(lang)), max_size=14).map(" ".join))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert agrees(lang, text, start, end)
    assert resolver(lang)._last_tense_before(text, start, end) == last_of_all(lang, text, start, end)


@given(st.text(max_size=30), st.sampled_from(["en", "de"]))
def test_any_text_agrees(text: str, lang: str) -> None:
    assert agrees(lang, text)
