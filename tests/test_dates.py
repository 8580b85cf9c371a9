"""The date normalizer: extents, TIMEX3 types and values, anchors, precision, robustness."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import quotekit
from quotekit.dates import DateNormalizer, normalize
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.model import Author, Document, LanguageSpan, Post

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FRIDAY = "2025-03-14"


@pytest.fixture(scope="module")
def normalizer() -> DateNormalizer:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return DateNormalizer(registry.freeze())


def value(expression: str, lang: str = "de", anchor: str | None = FRIDAY, **kwargs: object) -> str | None:
    timex = normalize(expression, anchor=anchor, lang=lang, **kwargs)  # type: ignore[arg-type]
    return None if timex is None else timex.value


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("14. März 2025", "2025-03-14"),
        ("14.03.2025", "2025-03-14"),
        ("2025-03-14", "2025-03-14"),
        ("März 2025", "2025-03"),
        ("im Jahr 2025", "2025"),
        ("Q3 2024", "2024-Q3"),
        ("im dritten Quartal", "2025-Q3"),
        ("in den 60er Jahren", "196"),
        ("im 15. Jahrhundert", "14"),
        ("um 14 Uhr", "2025-03-14T14:00"),
        ("14:30 Uhr", "2025-03-14T14:30"),
        ("heute", "2025-03-14"),
        ("gestern", "2025-03-13"),
        ("vorgestern", "2025-03-12"),
        ("morgen", "2025-03-15"),
        ("heuer", "2025"),
        ("vergangene Woche", "2025-W10"),
        ("im vergangenen Jahr", "2024"),
        ("letzten Monat", "2025-02"),
        ("derzeit", "PRESENT_REF"),
        ("damals", "PAST_REF"),
        ("im Sommer", "2025-SU"),
        ("Donnerstagabend", "2025-03-13TEV"),
        ("drei Jahre", "P3Y"),
        ("seit zwei Wochen", "P2W"),
        ("jeden Montag", "XXXX-WXX-1"),
        ("täglich", "P1D"),
    ],
)
def test_german_expressions(expression: str, expected: str) -> None:
    assert value(expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("March 14, 2025", "2025-03-14"),
        ("14 March 2025", "2025-03-14"),
        ("the 1990s", "199"),
        ("2 p.m.", "2025-03-14T14:00"),
        ("this week", "2025-W11"),
        ("last Tuesday", "2025-03-11"),
        ("next year", "2026"),
        ("the day before", "2025-03-13"),
        ("the following week", "2025-W12"),
        ("every year", "P1Y"),
        ("three years ago", "2022"),
        ("the past two months", "P2M"),
        ("the third quarter", "2025-Q3"),
    ],
)
def test_english_expressions(expression: str, expected: str) -> None:
    assert value(expression, lang="en") == expected


def test_weekday_follows_tense() -> None:
    # Friday 14 March: a reported Wednesday lies behind, an announced one ahead
    assert value("Das Treffen war am Mittwoch.") == "2025-03-12"
    assert value("Das Treffen findet am Mittwoch statt.") == "2025-03-19"
    assert value("am Freitag", tense="future") == "2025-03-14"
    assert value("Sonntag", tense="past") == "2025-03-09"


def test_extent_leaves_out_prepositions_but_keeps_determiners() -> None:
    assert normalize("am Freitag", anchor=FRIDAY).text == "Freitag"  # type: ignore[union-attr]
    assert normalize("in the third quarter", anchor=FRIDAY, lang="en").text == "the third quarter"  # type: ignore[union-attr]
    assert normalize("last year", anchor=FRIDAY, lang="en").text == "last year"  # type: ignore[union-attr]


def test_without_anchor_values_stay_underspecified() -> None:
    assert value("gestern", anchor=None) == "XXXX-XX-XX"
    assert value("vergangene Woche", anchor=None) == "XXXX-WXX"
    assert value("am Freitag", anchor=None) == "XXXX-WXX-5"
    assert value("14. März 2025", anchor=None) == "2025-03-14"


def test_anaphor_counts_from_the_reference_not_the_anchor() -> None:
    assert value("am Vortag", reference="2025-03-10") == "2025-03-09"
    assert value("am Vortag") == "2025-03-13"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("die", "de"),
        ("mit", "de"),
        ("so", "de"),
        ("Die Mannschaft gewann 2:1.", "de"),
        ("Das kostet 2025 Euro.", "de"),
        ("Er sagte, dass es so sei.", "de"),
        ("Sie hatten 1500 Besucher.", "de"),
        ("may", "en"),
        ("We may go.", "en"),
        ("a 6-year-old boy", "en"),
        ("the march began", "en"),
        ("They won 3:1 and paid $2,000.", "en"),
    ],
)
def test_function_words_and_numbers_are_not_dates(text: str, lang: str) -> None:
    assert normalize(text, anchor=FRIDAY, lang=lang) is None


def test_extractor_anchors_vortag_on_the_last_mentioned_day(normalizer: DateNormalizer) -> None:
    text = "Am Montag traf sie den Minister. Am Vortag hatte sie in Brüssel gesprochen."
    doc = normalizer(Document.from_text(text, lang="de", published=FRIDAY))
    values = {t.text: t.value for t in doc.timexes}
    assert values == {"Montag": "2025-03-10", "Vortag": "2025-03-09"}


def test_published_from_dateline(normalizer: DateNormalizer) -> None:
    text = "Berlin, 14. März 2025\nGestern traf sich der Rat zu einer Sitzung."
    doc = normalizer(Document.from_text(text, lang="de"))
    assert doc.published == dt.date(2025, 3, 14)
    assert doc.published_source == "dateline"
    assert {t.text: t.value for t in doc.timexes}["Gestern"] == "2025-03-13"


def test_given_published_wins(normalizer: DateNormalizer) -> None:
    text = "Berlin, 14. März 2025\nGestern traf sich der Rat."
    doc = normalizer(Document.from_text(text, lang="de", published="2025-03-20"))
    assert doc.published == dt.date(2025, 3, 20)
    assert doc.published_source == "given"
    assert {t.text: t.value for t in doc.timexes}["Gestern"] == "2025-03-19"


def test_published_from_an_embedded_post(normalizer: DateNormalizer) -> None:
    article = "Am Donnerstagabend hatte sich die Ministerin mit dem Kanzler getroffen.\n"
    post_text = "We met and talked about trade."
    embed = post_text + "\n— Example News (@examplenews) March 14, 2025"
    text = article + embed + "\nDas sagte sie am Freitag. Am Vortag hatte sie geschwiegen."
    post_start = len(article)
    post = Post(
        start=post_start,
        end=post_start + len(embed),
        platform="twitter",
        text=post_text,
        text_start=post_start,
        text_end=post_start + len(post_text),
        author=Author(name="Example News", handle="examplenews"),
        date="2025-03-14",
        date_text="March 14, 2025",
    )
    doc = Document.from_text(text, lang="de").evolve(
        posts=(post,),
        languages=(LanguageSpan(start=post_start, end=post_start + len(embed), text=embed, lang="en"),),
    )
    result = normalizer(doc)
    assert result.published == dt.date(2025, 3, 14)
    assert result.published_source == "post"
    values = {t.text: t.value for t in result.timexes}
    assert values["Donnerstagabend"] == "2025-03-13TEV"
    assert values["March 14, 2025"] == "2025-03-14"
    assert values["Freitag"] == "2025-03-14"
    assert values["Vortag"] == "2025-03-13"


def test_no_publication_date_is_invented(normalizer: DateNormalizer) -> None:
    doc = normalizer(Document.from_text("Gestern regnete es, vergangene Woche auch.", lang="de"))
    assert doc.published is None
    assert {t.value for t in doc.timexes} == {"XXXX-XX-XX", "XXXX-WXX"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x00",
        "\ud800 heute",
        "\u202eam Freitag\u202c",
        "a\r\nb\r\n14.03.2025",
        "9" * 100_000,
        "14. " * 20_000,
        "Freitag " * 10_000,
        "\u201e" * 50_000,
    ],
)
def test_never_raises_and_offsets_hold(normalizer: DateNormalizer, text: str) -> None:
    doc = normalizer(Document.from_text(text, lang="de", published=FRIDAY))
    for timex in doc.timexes:
        assert text[timex.start : timex.end] == timex.text


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (seed article) is not beside the project")
@pytest.mark.parametrize("published", [FRIDAY, None])
def test_seed_article_dates(normalizer: DateNormalizer, published: str | None) -> None:
    text = (SHARED / "seed" / "article-de-rutte.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "seed" / "article-de-rutte.gold.json").read_text(encoding="utf-8"))
    doc = normalizer(Document.from_text(text, lang="de", published=published))
    assert doc.published == dt.date(2025, 3, 14)
    for item in gold["timexes"]:
        hits = [t for t in doc.timexes if t.start < item["end"] and item["start"] < t.end]
        assert [t.value for t in hits] == [item["value"]], item["text"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wählen dürfen Jugendliche ab 16 Jahren.", "de"),
        ("Der 16 Jahre alte Spieler traf.", "de"),
        ("The 52-year-old mayor resigned.", "en"),
        ("She is 40 years old.", "en"),
    ],
)
def test_ages_are_not_durations(text: str, lang: str) -> None:
    assert normalize(text, anchor=FRIDAY, lang=lang) is None


def test_duration_before_an_event_marks_only_the_duration() -> None:
    timex = normalize("two days after the vote", anchor=FRIDAY, lang="en")
    assert timex is not None
    assert (timex.text, timex.type, timex.value) == ("two days", "DURATION", "P2D")


def test_seasons_months_and_fractions() -> None:
    assert value("im Frühjahr", anchor="2013-01-10") == "2013-SP"
    assert value("last winter", lang="en") == "2024-WI"
    assert value("about 5 1/2 hours", lang="en") == "PT5H30M"
    assert value("im Dezember", anchor="2025-01-20") == "2024-12"
    assert value("im Dezember findet die Wahl statt", anchor="2025-11-20") == "2025-12"


def test_day_range_gives_both_days() -> None:
    doc = Document.from_text("Die Messe läuft vom 5. bis 22. November.", lang="de", published="2013-10-11")
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    found = DateNormalizer(registry.freeze())(doc).timexes
    assert [(t.text, t.value) for t in found] == [("5.", "2013-11-05"), ("22. November", "2013-11-22")]


def test_a_language_without_date_tables_is_skipped() -> None:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    registry.add("fr", "function_words", ["le", "la"])
    normalizer = DateNormalizer(registry.freeze())
    assert "fr" not in normalizer.languages
    doc = normalizer(Document.from_text("Hier, le 14 March 2025.", lang="fr", published=FRIDAY))
    assert [t.value for t in doc.timexes] == ["2025-03-14"]  # read with the fallback grammar


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the tense word before an abbreviation or an ordinal governs the date after it: the
        # clause is the shared segmentation's sentence, not the text after the last full stop
        ("The minister will meet U.S. officials on Friday.", "2025-03-14"),
        ("Der Minister wird am 3. Oktober in Berlin sein und Dr. Weber am Freitag treffen.", "2025-03-14"),
        # "next to" is a place, not a time to come
        ("The embassy next to the U.N. office was closed on Friday.", "2025-03-07"),
    ],
)
def test_tense_reads_the_whole_sentence(text: str, value: str) -> None:
    doc = quotekit.extract(text, published="2025-03-10")
    assert doc.timexes[-1].value == value
