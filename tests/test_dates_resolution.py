"""Resolution rules of the date normalizer: tense, reported periods, years in words, joins.

Also the pre-scan that decides where the grammar is tried: it must find what the rules can
read and nothing changes when it skips plain text.
"""

from __future__ import annotations

import pytest
import regex

from quotekit.dates import DateNormalizer, normalize
from quotekit.dates._grammar import leading
from quotekit.dates._lexicon import alternation
from quotekit.dates._resolve import Context
from quotekit.dates._scan import carriers, starts
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.model import Document

#: A Wednesday.
ANCHOR = "2024-10-30"


@pytest.fixture(scope="module")
def normalizer() -> DateNormalizer:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return DateNormalizer(registry.freeze())


def timexes(normalizer: DateNormalizer, text: str, lang: str = "en") -> list[tuple[str, str]]:
    doc = normalizer(Document.from_text(text, lang=lang, published=ANCHOR))
    return [(t.text, t.value) for t in doc.timexes]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the verb before the expression governs it, even with another tense word after it
        ("The minister will meet the union on Monday, officials said.", "2024-11-04"),
        ("The minister met the union on Monday and will report soon.", "2024-10-28"),
        # a passive participle says nothing about the time of the clause
        ("She will be named commander for a mission in December.", "2024-12"),
        # with no tense word before it, the first one after it decides
        ("On Friday, the court ruled against the company.", "2024-10-25"),
    ],
)
def test_tense_is_read_from_the_governing_verb(
    normalizer: DateNormalizer, sentence: str, expected: str
) -> None:
    values = [value for _, value in timexes(normalizer, sentence)]
    assert expected in values


def test_a_year_named_in_a_contradicting_clause_is_not_taken(normalizer: DateNormalizer) -> None:
    text = "Hungary, invited to join in July 1997, will officially join on March 12 in Missouri."
    assert ("March 12", "2025-03-12") in timexes(normalizer, text)


def test_the_year_is_the_anchor_year_unless_it_ended_on_a_date(normalizer: DateNormalizer) -> None:
    found = timexes(normalizer, "For the year, volume was flat. For the year ended March 31, it earned more.")
    assert ("the year", "2024") in found
    assert ("the year", "P1Y") in found


def test_year_earlier_figures_never_become_the_quarter_under_discussion(normalizer: DateNormalizer) -> None:
    text = (
        "Revenue rose in the third quarter from the year-earlier quarter. "
        "Unisys paid taxes during the quarter."
    )
    found = timexes(normalizer, text)
    assert ("the year-earlier quarter", "2023-Q3") in found
    assert ("the quarter", "2024-Q3") in found


def test_a_year_earlier_after_months_of_a_year_is_that_year(normalizer: DateNormalizer) -> None:
    text = "Net rose in the third quarter. Through the first nine months it earned $5 million, compared with $4 million a year earlier."
    assert ("a year earlier", "2023") in timexes(normalizer, text)


def test_a_forecast_quarter_is_not_the_reported_one(normalizer: DateNormalizer) -> None:
    text = (
        "Steel posted a drop in third-quarter profit. Analysts see losses through the third quarter "
        "of 2025. In the year-ago period, it earned more."
    )
    assert ("the year-ago period", "2023-Q3") in timexes(normalizer, text)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("in recent years", "PXY"),
        ("in the coming weeks", "PXW"),
        ("nineteen ninety-six", "1996"),
        ("January nineteen ninety-seven", "1997-01"),
        ("by the year two thousand", "2000"),
        ("for at least 20 more years", "P20Y"),
        ("by year end", "2024"),
        ("at midday", "2024-10-30T12:00"),
    ],
)
def test_english_expressions(expression: str, expected: str) -> None:
    timex = normalize(expression, anchor=ANCHOR, lang="en")
    assert timex is not None
    assert timex.value == expected


def test_number_words_that_are_not_years_stay_apart() -> None:
    assert normalize("two thousand people", anchor=ANCHOR, lang="en") is None
    assert normalize("eleven people", anchor=ANCHOR, lang="en") is None


@pytest.mark.parametrize(
    ("expression", "expected_type", "expected"),
    [
        ("April 9, 2013 at 6:11 a.m.", "TIME", "2013-04-09T06:11"),
        ("15 May 2004 23:24", "TIME", "2004-05-15T23:24"),
        ("Aug. 9, 2012 at 2:57 p.m.", "TIME", "2012-08-09T14:57"),
        ("Friday, 12 December 2014", "DATE", "2014-12-12"),
        ("18.10.2014 um 22:56 Uhr", "TIME", "2014-10-18T22:56"),
    ],
)
def test_normalize_reads_a_timestamp_as_one_expression(
    expression: str, expected_type: str, expected: str
) -> None:
    lang = "de" if "Uhr" in expression else "en"
    timex = normalize(expression, anchor=ANCHOR, lang=lang)
    assert timex is not None
    assert (timex.text, timex.type, timex.value) == (expression, expected_type, expected)


def test_the_pipeline_keeps_a_date_and_its_time_apart(normalizer: DateNormalizer) -> None:
    found = timexes(normalizer, "Am 14. März 2025 um 14 Uhr begann die Sitzung.", lang="de")
    assert [text for text, _ in found] == ["14. März 2025", "14 Uhr"]


def test_times_a_week_is_a_set() -> None:
    timex = normalize("a couple times a week", anchor=ANCHOR, lang="en")
    assert timex is not None
    assert (timex.text, timex.type, timex.value) == ("a couple times a week", "SET", "P1W")


# ---------------------------------------------------------------------- the pre-scan


def test_text_without_carriers_offers_no_start(normalizer: DateNormalizer) -> None:
    grammar = normalizer.resolver("en").grammar  # type: ignore[union-attr]
    text = "The company said that it would sell the unit to the highest bidder. " * 20
    assert carriers(grammar, text, 0, len(text)) == []
    assert list(starts(grammar, text, 0, len(text))) == []


def test_openers_before_a_carrier_are_offered_first(normalizer: DateNormalizer) -> None:
    grammar = normalizer.resolver("en").grammar  # type: ignore[union-attr]
    text = "It may take up to 10 to 12 weeks."
    offered = [text[begin : begin + 2] for begin, _ in starts(grammar, text, 0, len(text))]
    # "up" opens the duration: a number on the way stretches the reach of an opener
    assert offered.index("up") < offered.index("10") < offered.index("we")
    timex = normalize(text, anchor=ANCHOR, lang="en")
    assert timex is not None
    assert timex.text == "up to 10 to 12 weeks"


def test_date_shaped_numbers_carry_and_prices_do_not(normalizer: DateNormalizer) -> None:
    grammar = normalizer.resolver("de").grammar  # type: ignore[union-attr]
    text = "Am 14.03. um 9.30 kostete es 25 Euro, 2025 mehr als 17 Euro."
    found = {text[at : at + 4] for at in carriers(grammar, text, 0, len(text))}
    assert {"14.0", "9.30", "2025"} <= found
    assert "25 E" not in found
    assert "17 E" not in found


def test_numbers_with_letters_carry_only_date_suffixes(normalizer: DateNormalizer) -> None:
    grammar = normalizer.resolver("en").grammar  # type: ignore[union-attr]
    text = "In Q3 of the 1990s, at 10am on the 4th, a 4K screen with 16GB and 3D ran at 1080p."
    found = {text[at : text.find(" ", at)] for at in carriers(grammar, text, 0, len(text))}
    assert {"Q3", "1990s,", "10am", "4th,"} <= found
    assert not {"4K", "16GB", "3D", "1080p."} & found


def test_decimals_carry_no_date_but_dotted_days_and_times_do(normalizer: DateNormalizer) -> None:
    grammar = normalizer.resolver("de").grammar  # type: ignore[union-attr]
    text = "Um 12.15 stieg der Kurs um 4.5 Prozent auf 2.0 Punkte, am 14. 3.2025 wieder."
    found = {text[at : at + 4] for at in carriers(grammar, text, 0, len(text))}
    assert {"12.1", "14. "} <= found
    assert not {"4.5 ", "2.0 "} & found


def test_an_opener_is_not_offered_across_a_word_no_rule_holds(normalizer: DateNormalizer) -> None:
    grammar = normalizer.resolver("en").grammar  # type: ignore[union-attr]
    text = "Sales rose 12 points from a year earlier, and within 12 months."
    offered = [text[begin : begin + 6] for begin, _ in starts(grammar, text, 0, len(text))]
    # "points" is in no rule: no match starting at the first 12 can reach "year"
    assert "12 poi" not in offered
    assert "12 mon" in offered


def test_leading_reads_what_a_rule_can_begin_with() -> None:
    start = leading(r"(?:(?:about|nearly)\s+)?(?:the\s+)?(?P<x_n>\d+|a\s+few)\s+(?:to|or)\s+years")
    assert set(start.words) == {"about", "nearly", "the", "a"}
    assert start.digit
    assert not start.anything
    assert leading(r"(?<![\w])[A-Z]\w+").anything


def test_a_long_adversarial_line_stays_linear(normalizer: DateNormalizer) -> None:
    resolver = normalizer.resolver("de")
    assert resolver is not None
    digits = "12.3." * 4000
    assert resolver.scan(digits, Context(anchor=None, text=digits)) == []
    weekdays = "Freitag " * 4000
    found = resolver.scan(weekdays, Context(anchor=None, text=weekdays))
    assert len(found) == 4000
    assert {f.value for f in found} == {"XXXX-WXX-5"}


# ---------------------------------------------------------------------- prefix-tree alternations


@pytest.mark.parametrize(
    "text",
    [
        "January 5",
        "Jan. 5",
        "jan 5",
        "JANUARY",
        "last week end",
        "last weekend",
        "last  week",
        "Mitte März",
        "mitte",
        "Sept.",
        "Sep",
        "Septembre",
        "nothing",
    ],
)
def test_a_prefix_tree_matches_what_the_flat_alternation_matches(text: str) -> None:
    forms = ["Jan", "Jan.", "January", "last week", "last weekend", "Mitte", "Mitte März", "Sept.", "Sep"]
    flags = regex.IGNORECASE | regex.VERSION1
    flat = regex.compile(alternation(forms), flags)
    tree = regex.compile(alternation(forms, as_trie=True), flags)
    by_list, by_tree = flat.match(text, timeout=1.0), tree.match(text, timeout=1.0)
    assert (by_tree and by_tree.span()) == (by_list and by_list.span())
