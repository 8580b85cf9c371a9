"""Relative dates inside an embedded post are read from the day it was posted."""

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
