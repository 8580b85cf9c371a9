"""German: which quoted strings are utterances (titles, names and judgements).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit.model import Document, Quote
from quotekit.quotes import QuoteAttributor


def direct(attributor: QuoteAttributor, text: str) -> list[Quote]:
    return [q for q in attributor(Document.from_text(text, lang="de")).quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    "text",
    [
        "Den Namen der neuen Sendung gab der Sender bereits bekannt: „Das Rätsel vom Bodensee“.",
        "Auf dem Konzert stellte die Band dann ihr neues Album vor: „Have a nice day“.",
    ],
)
def test_a_title_announced_after_a_colon_is_no_quote(attributor: QuoteAttributor, text: str) -> None:
    assert direct(attributor, text) == []


def test_words_said_after_a_colon_stay_a_quote_even_near_a_title_word(attributor: QuoteAttributor) -> None:
    text = "Das Motto der Partei ist klar: „Wir schaffen das“."
    assert [q.text for q in direct(attributor, text)] == ["Wir schaffen das"]


def test_a_frame_after_the_quote_outweighs_a_title_word_in_the_lead_in(attributor: QuoteAttributor) -> None:
    text = "Nach sieben Siegen in Serie war Trainer Thomas Schaaf zufrieden: „Ein guter Start“, sagte er."
    assert [q.text for q in direct(attributor, text)] == ["Ein guter Start"]


@pytest.mark.parametrize(
    "text",
    [
        "Wie „Netzwelt heute“ berichtet, sperrten die Behörden den Zugang.",
        "Die „Abendpost“ meldete am Montag einen Rekord.",
        "Am Morgen meldete die Nachrichtenseite „Golem“, der Verein habe den Zusammenhang bestätigt.",
        "Ein Vertreter der „enerco ag“ bezeichnet die Beteiligung als wichtig.",
    ],
)
def test_a_quoted_name_that_speaks_is_no_quote(attributor: QuoteAttributor, text: str) -> None:
    assert direct(attributor, text) == []


def test_a_quoted_object_before_a_final_verb_is_still_read(attributor: QuoteAttributor) -> None:
    text = "Er sagte, dass die Regierung die Lage als „völlig unhaltbar“ bezeichnet habe."
    quoted = [
        q for q in attributor(Document.from_text(text, lang="de")).quotes if q.text == "völlig unhaltbar"
    ]
    assert quoted
