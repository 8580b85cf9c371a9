"""Dates in embedded posts, and readings a new user met first: comparisons, short texts."""

from __future__ import annotations

import pytest

import quotekit

GERMAN = (
    "Der Rat tagte bis in die Nacht.\n\n"
    "Heute im Rat: Radwege für alle! https://t.co/abc123\n"
    "— Petra Lindner (@petralindner) November 19, 2026\n\n"
    "Morgen geht es weiter, sagte ein Sprecher."
)
ENGLISH = (
    "The council met until late.\n\n"
    "Yesterday we lost the vote, today we start again.\n"
    "— Sam Lee (@samlee) March 3, 2025\n\n"
    "The next meeting is on Monday, a spokeswoman said yesterday."
)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (GERMAN, "2026-11-21", {"Heute": "2026-11-19", "Morgen": "2026-11-22"}),
        (
            ENGLISH,
            "2025-03-05",
            {"Yesterday": "2025-03-02", "today": "2025-03-03", "yesterday": "2025-03-04"},
        ),
    ],
)
def test_a_posts_relative_dates_count_from_its_own_date(
    text: str, published: str, expected: dict[str, str]
) -> None:
    doc = quotekit.extract(text, published=published)
    assert doc.posts, "the embed is found"
    values = {timex.text: timex.value for timex in doc.timexes}
    for words, value in expected.items():
        assert values[words] == value, (words, values)


def test_a_post_of_the_publication_day_changes_nothing() -> None:
    doc = quotekit.extract(GERMAN, published="2026-11-19")
    assert {t.text: t.value for t in doc.timexes}["Heute"] == "2026-11-19"


def test_a_post_without_a_date_keeps_the_articles_anchor() -> None:
    text = "Heute im Rat: Radwege für alle! https://t.co/abc123\n— Petra Lindner (@petralindner)\n\nDer Rat tagte."
    doc = quotekit.extract(text, published="2026-11-21")
    assert {t.text: t.value for t in doc.timexes}.get("Heute") == "2026-11-21"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a word of plans after "than"/"as" compares: the past verb before it decides
        ("Inflation fell more than expected in October.", "2026-10"),
        ("The bridge opened as planned in October.", "2026-10"),
        ("Growth will be weaker than forecast in October.", "2027-10"),
        # without the comparison the word of plans still announces
        ("The vote is expected in October.", "2027-10"),
    ],
)
def test_a_word_of_plans_after_than_or_as_is_a_comparison(text: str, value: str) -> None:
    doc = quotekit.extract(text, published="2026-11-18", lang="en")
    assert [t.value for t in doc.timexes] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell in October.", ("October", "2026-10")),
        ("Die Preise fielen im Oktober.", ("Oktober", "2026-10")),
        ("Tuesday", ("Tuesday", "2026-11-17")),
    ],
)
def test_a_text_too_short_to_tell_its_language_is_read_by_every_grammar(
    text: str, expected: tuple[str, str]
) -> None:
    doc = quotekit.extract(text, published="2026-11-18")
    assert [(t.text, t.value) for t in doc.timexes] == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        # a deadline word before a weekday looks ahead, unless the clause is in the past
        ("Payment is due by Friday.", "en", "2026-06-05"),
        ("The forms must be returned by Thursday.", "en", "2026-06-04"),
        ("By Friday the river had risen again.", "en", "2026-05-29"),
        # German "bis" also closes past spans (von Montag bis Mittwoch): no deadline word
        ("Die Ausstellung lief von Montag bis Mittwoch.", "de", None),
    ],
)
def test_a_deadline_before_a_weekday(text: str, lang: str, value: str | None) -> None:
    doc = quotekit.extract(text, published="2026-06-02", lang=lang)
    if value is None:
        assert all(t.value <= "2026-06-02" for t in doc.timexes), doc.timexes
    else:
        assert [t.value for t in doc.timexes] == [value]
