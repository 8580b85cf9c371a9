"""Values the resolver gives in context: years of future clauses, deadlines, participles.

Every sentence here is written for the test; the anchor is a Wednesday.
"""

from __future__ import annotations

import pytest

import quotekit
from quotekit.dates import DateNormalizer, normalize
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.model import Document

#: A Wednesday.
ANCHOR = "2024-10-30"


@pytest.fixture(scope="module")
def normalizer() -> DateNormalizer:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return DateNormalizer(registry.freeze())


def values(normalizer: DateNormalizer, text: str, lang: str = "en") -> dict[str, str]:
    doc = normalizer(Document.from_text(text, lang=lang, published=ANCHOR))
    return {t.text: t.value for t in doc.timexes}


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a future clause never points at a month that is over
        ("The new terminal will open in August.", "August", "2025-08"),
        ("The ferry line will start again in September, the port said.", "September", "2025-09"),
        # ... but a report may lag an event by days
        ("The club will hold its vote on Oct. 25, as planned.", "Oct. 25", "2024-10-25"),
        # without a tense word the nearest year still wins, the past leaning
        ("The plant closed its gates in August.", "August", "2024-08"),
    ],
)
def test_the_year_of_a_month_follows_a_future_clause(
    normalizer: DateNormalizer, sentence: str, expression: str, expected: str
) -> None:
    assert values(normalizer, sentence)[expression] == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("The bonds are payable Aug. 1 to holders of record.", "Aug. 1", "2025-08-01"),
        ("The new rules become effective Sept. 1.", "Sept. 1", "2025-09-01"),
        ("Bids are due by Oct. 2, the city said.", "Oct. 2", "2025-10-02"),
        ("The runoff is set for Sept. 8 in most districts.", "Sept. 8", "2025-09-08"),
        ("The trial is slated to open Aug. 4.", "Aug. 4", "2025-08-04"),
    ],
)
def test_a_deadline_lies_ahead(
    normalizer: DateNormalizer, sentence: str, expression: str, expected: str
) -> None:
    assert values(normalizer, sentence)[expression] == expected


def test_a_participle_after_be_is_no_past_tense(normalizer: DateNormalizer) -> None:
    # "held" after "be" is passive: the clause looks ahead ("will"), so the next Saturday
    assert values(normalizer, "The concert will be held Saturday in the park.")["Saturday"] == "2024-11-02"
    # "held" as a past form still counts
    assert values(normalizer, "The union held a rally Saturday in the park.")["Saturday"] == "2024-10-26"


def test_a_capitalised_ed_word_is_a_name_not_a_past_verb(normalizer: DateNormalizer) -> None:
    # "United" must not turn the clause to the past: "will" governs, so the next Thursday
    sentence = "The delegation will fly to the United States Thursday with the minister."
    assert values(normalizer, sentence)["Thursday"] == "2024-10-31"


def test_plans_as_a_noun_does_not_look_ahead(normalizer: DateNormalizer) -> None:
    # "vacation plans" is a noun: the past verb after it decides, so the Friday just past
    sentence = "On Friday, the mayor's vacation plans fell through after the storm."
    assert values(normalizer, sentence)["Friday"] == "2024-10-25"


def test_the_latest_period_is_the_quarter_under_discussion(normalizer: DateNormalizer) -> None:
    text = "The retailer reported a loss for its fiscal second quarter. The latest period included a charge."
    assert values(normalizer, text)["The latest period"] == "2024-Q2"


@pytest.mark.parametrize(
    "aside",
    [
        # a forecast speaks of a quarter to come
        "The storm will lead to a fourth-quarter charge.",
        # a quarter still running, in a clause not in the past
        "The bank has no estimate of the effect on fourth-quarter results.",
    ],
)
def test_a_quarter_not_reported_does_not_become_the_reference(normalizer: DateNormalizer, aside: str) -> None:
    text = f"The bank posted third-quarter net income of $2 million. {aside} In the latest quarter, deposits rose."
    assert values(normalizer, text)["the latest quarter"] == "2024-Q3"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # right after a figure or "from", last year is the reported quarter a year back
        ("Net fell to $4 million from $6.5 million last year.", "2023-Q3"),
        ("Sales rose 8% from last year's $90 million.", "2023-Q3"),
        # elsewhere it is the year
        ("Last year, the bank opened nine branches.", "2023"),
    ],
)
def test_last_year_beside_quarterly_figures(normalizer: DateNormalizer, sentence: str, expected: str) -> None:
    text = f"The bank reported third-quarter profit of $4 million. {sentence}"
    found = values(normalizer, text)
    assert found.get("last year", found.get("Last year")) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # stretches of decades and centuries are written in years
        ("for almost three decades", "P30Y"),
        ("for two centuries", "P200Y"),
        ("for decades", "PXY"),
        # "couple of" counts two, with or without its article
        ("over the next couple of months", "P2M"),
        ("a couple of weeks", "P2W"),
    ],
)
def test_duration_values(expression: str, expected: str) -> None:
    found = normalize(expression, anchor=ANCHOR, lang="en")
    assert found is not None
    assert found.value == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("a minute and a half", "PT1M30S"),
        ("a year and a half", "P1Y6M"),
        # a relative month with its day: the most recent or the next such day
        ("last Dec. 5", "2023-12-05"),
        ("next Oct. 31", "2024-10-31"),
        ("the week of Nov. 4", "2024-W45"),
        # the part of day says a.m. or p.m.
        ("at 5 in the morning", "2024-10-30T05:00"),
        ("at 8 o'clock in the evening", "2024-10-30T20:00"),
    ],
)
def test_english_shapes(expression: str, expected: str) -> None:
    found = normalize(expression, anchor=ANCHOR, lang="en")
    assert found is not None
    assert found.value == expected


def test_the_quarter_a_year_ago_is_one_expression(normalizer: DateNormalizer) -> None:
    text = "The bank posted a third-quarter loss. For the quarter a year ago, it earned $3 million."
    assert values(normalizer, text)["the quarter a year ago"] == "2023-Q3"


@pytest.mark.parametrize(
    "sentence",
    [
        'The senator said on NBC\'s "Meet the Press This Week" that the bill would pass.',
        'She told CBS\'s "48 Hours" that she had no regrets.',
        "Police recalled the night the bridge collapsed.",
        "He was arrested on the night of the concert.",
    ],
)
def test_names_and_event_nights_are_not_dates(normalizer: DateNormalizer, sentence: str) -> None:
    assert values(normalizer, sentence) == {}


def test_a_capitalised_unit_opening_a_sentence_is_still_time(normalizer: DateNormalizer) -> None:
    assert values(normalizer, "This week, the mill closed.")["This week"] == "2024-W44"


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # a year or month named without a day still anchors "that year", "the following ..."
        ("Exports reached $2 billion in 1996, a record for that year.", "that year", "1996"),
        ("She moved to Lisbon in May 2001 and left later that year.", "later that year", "2001"),
        ("He was promoted on June 3, 2010, and the following year he retired.", "the following year", "2011"),
        (
            "In March, the firm put itself up for sale. The following month, bids arrived.",
            "The following month",
            "2024-04",
        ),
        # a relative weekday counted from the day last mentioned
        (
            "Shares closed higher on Friday, Oct. 25, up 2% from the previous Friday.",
            "the previous Friday",
            "2024-10-18",
        ),
    ],
)
def test_anaphors_count_from_the_last_mention(
    normalizer: DateNormalizer, text: str, expression: str, expected: str
) -> None:
    assert values(normalizer, text)[expression] == expected


def test_german_following_year_counts_from_the_last_mention(normalizer: DateNormalizer) -> None:
    found = values(normalizer, "Das Werk wurde 2012 eröffnet und im folgenden Jahr erweitert.", lang="de")
    assert found.get("folgenden Jahr", found.get("im folgenden Jahr")) == "2013"


def test_the_day_before_an_event_in_apposition_is_the_day_named(normalizer: DateNormalizer) -> None:
    found = values(normalizer, "Prices peaked on Oct. 14, the day before the storm hit the coast.")
    assert found["the day"] == "2024-10-14"
    # standing alone, "the day before" is the day before the one last named
    found = values(normalizer, "The storm hit on Oct. 14. The day before, prices peaked.")
    assert found["The day before"] == "2024-10-13"


def test_a_quarter_not_yet_begun_is_last_years(normalizer: DateNormalizer) -> None:
    found = values(
        normalizer,
        "The carrier reported a drop in profit for the fourth quarter.",
    )
    # written in January: the fourth quarter reported is the one just ended
    doc = normalizer(
        Document.from_text(
            "The carrier reported a drop in profit for the fourth quarter.", lang="en", published="2025-01-20"
        )
    )
    assert [t.value for t in doc.timexes] == ["2024-Q4"]
    # a forecast keeps the quarter ahead
    doc = normalizer(
        Document.from_text(
            "The carrier will take a charge in the fourth quarter.", lang="en", published="2025-01-20"
        )
    )
    assert [t.value for t in doc.timexes] == ["2025-Q4"]
    assert found["the fourth quarter"] == "2024-Q4"  # on the Wednesday anchor it has begun


def test_a_past_auxiliary_turns_a_schedule_to_the_past(normalizer: DateNormalizer) -> None:
    assert values(normalizer, "The vote had been scheduled for Friday.")["Friday"] == "2024-10-25"
    assert values(normalizer, "The vote is scheduled for Friday.")["Friday"] == "2024-11-01"


def test_the_quarter_ended_on_a_day(normalizer: DateNormalizer) -> None:
    # May to July: the second quarter; Nov. to Jan.: the fourth of the year before
    assert values(normalizer, "In the quarter ended July 31, sales rose.")["the quarter"] == "2024-Q2"
    assert values(normalizer, "In the quarter ended Jan. 31, sales rose.")["the quarter"] == "2023-Q4"
    # a quarter named before keeps its (fiscal) name
    text = "The maker posted fiscal first-quarter profit. For the quarter ended Sept. 29, sales rose."
    assert values(normalizer, text)["the quarter"] == "2024-Q1"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("through the nineties", "199"),
        ("in the early seventies", "197"),
        ("the last half of 2023", "2023-H2"),
    ],
)
def test_decades_in_words_and_the_last_half(expression: str, expected: str) -> None:
    found = normalize(expression, anchor=ANCHOR, lang="en")
    assert found is not None
    assert found.value == expected


def test_a_decade_word_without_article_is_an_age(normalizer: DateNormalizer) -> None:
    assert values(normalizer, "The singer, in her nineties, still tours.") == {}
    # "the last half of" something that is no year is no half-year
    assert values(normalizer, "It grew in the last half of the '80s.") == {"the '80s": "198"}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("within weeks", "PXW"),
        ("over the years", "PXY"),
        ("for an additional year", "P1Y"),
        ("a full month", "P1M"),
    ],
)
def test_vague_and_added_stretches(expression: str, expected: str) -> None:
    found = normalize(expression, anchor=ANCHOR, lang="en")
    assert found is not None
    assert found.value == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("for a while", "PXX"),
        ("at a later date", "FUTURE_REF"),
        ("in the months ahead", "PXM"),
        ("within three business days", "P3D"),
        ("ten trading days", "P10D"),
    ],
)
def test_more_english_stretches(expression: str, expected: str) -> None:
    found = normalize(expression, anchor=ANCHOR, lang="en")
    assert found is not None
    assert found.value == expected


def test_two_days_of_one_month(normalizer: DateNormalizer) -> None:
    found = values(normalizer, "The summit meets on Nov. 12 and 13 in Vienna.")
    assert found == {"Nov. 12": "2024-11-12", "13": "2024-11-13"}
    # a number after "and" that cannot be a later day is no date
    assert values(normalizer, "On Nov. 12 and 5 others left.") == {"Nov. 12": "2024-11-12"}


def test_then_current_is_past(normalizer: DateNormalizer) -> None:
    assert values(normalizer, "He bought at the then current price.") == {"then current": "PAST_REF"}


def test_a_clock_time_takes_the_weekday_after_it(normalizer: DateNormalizer) -> None:
    found = values(normalizer, "The fire broke out at about 11:20 p.m. (0320 GMT) Monday, officials said.")
    assert found["11:20 p.m."] == "2024-10-28T23:20"
    found = values(normalizer, "The convoy will leave at 6 in the morning (6 a.m. local time Friday).")
    assert found["6 in the morning"] == "2024-11-01T06:00"


def test_a_second_before_a_noun_is_the_ordinal(normalizer: DateNormalizer) -> None:
    assert values(normalizer, "A second group of investors joined the bid.") == {}
    assert values(normalizer, "The lights went out for a second.") == {"a second": "PT1S"}


def test_vague_quarters_of_something_are_time(normalizer: DateNormalizer) -> None:
    assert values(normalizer, "It turned a profit after several quarters of losses.") == {
        "several quarters": "PXQ"
    }
    assert values(normalizer, "Holders of three quarters of the shares agreed.") == {}


def test_end_of_the_year_counts_from_the_last_year_named(normalizer: DateNormalizer) -> None:
    text = (
        "Die Brücke wurde am 3. Mai 1950 geplant. Erst 1961 wurde sie gebaut. Ab Ende des Jahres fuhren Züge."
    )
    found = values(normalizer, text, lang="de")
    assert found["Ende des Jahres"] == "1961"


@pytest.mark.parametrize(
    ("sentence", "lang", "holiday", "date"),
    [
        ("The storm hit the coast on Christmas Eve.", "en", "Christmas Eve", "Dec. 24"),
        ("The store will close early on Christmas Eve.", "en", "Christmas Eve", "Dec. 24"),
        ("Heiligabend blieb das Geschäft geschlossen.", "de", "Heiligabend", "24. Dezember"),
    ],
)
@pytest.mark.parametrize("published", ["2025-03-14", "2024-10-30"])
def test_the_year_of_a_holiday_is_read_like_that_of_its_date(
    normalizer: DateNormalizer, sentence: str, lang: str, holiday: str, date: str, published: str
) -> None:
    # "on Christmas Eve" and "on Dec. 24" in the same clause name the same day
    def value(text: str, expression: str) -> str:
        doc = normalizer(Document.from_text(text, lang=lang, published=published))
        return next(t.value for t in doc.timexes if t.text == expression)

    assert value(sentence, holiday) == value(sentence.replace(holiday, date), date)


def test_a_holiday_in_a_past_clause_written_in_spring_is_last_years(normalizer: DateNormalizer) -> None:
    doc = normalizer(Document.from_text("The storm hit on Christmas Eve.", lang="en", published="2025-03-14"))
    assert [t.value for t in doc.timexes] == ["2024-12-24"]


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # the strong dative after a preposition without an article
        ("Das Gesetz gilt ab nächstem Monat.", "nächstem Monat", "2024-11"),
        ("Seit vergangenem Jahr wohnt sie in der Stadt.", "vergangenem Jahr", "2023"),
        ("Ab kommendem Montag gilt die neue Regel.", "kommendem Montag", "2024-11-04"),
    ],
)
def test_german_relative_words_in_the_strong_dative(
    normalizer: DateNormalizer, sentence: str, expression: str, expected: str
) -> None:
    assert values(normalizer, sentence, "de")[expression] == expected


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Das Gesetz wurde am 14 März 2025 verabschiedet.", "14 März 2025", "2025-03-14"),
        ("Am 14. März 2025 tagte der Rat.", "14. März 2025", "2025-03-14"),
        ("Er kam am 3 Oktober zurück.", "3 Oktober", "2024-10-03"),
    ],
)
def test_a_day_before_a_month_name_needs_no_full_stop(sentence: str, text: str, value: str) -> None:
    doc = quotekit.extract(sentence, lang="de", published="2025-03-20")
    assert [(t.text, t.value) for t in doc.timexes] == [(text, value)]
