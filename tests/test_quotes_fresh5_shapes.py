"""Shapes the unseen set fresh5 showed missing (after its first run), pinned in sentences of other shapes.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit import extract


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # a "wie" frame ends in its verb however many words stand before it
        (
            "Der Gewinn sank um 38 Prozent, wie das Unternehmen am Donnerstag in Weilstetten mitteilte.",
            "Der Gewinn sank um 38 Prozent",
            "das Unternehmen",
        ),
        (
            "Drei Menschen wurden verletzt, wie ein Sprecher der Polizei am Sonntagabend in Hannover auf Anfrage mitteilte.",
            "Drei Menschen wurden verletzt",
            "ein Sprecher der Polizei",
        ),
    ],
)
def test_a_long_wie_frame_after_the_report(text: str, report: str, speaker: str) -> None:
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == [report]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == speaker


def test_a_wire_dateline_with_a_date_is_no_speaker() -> None:
    text = (
        "OSLO, May 12 (Reuters) - Nordhavn Shipping cut its profit forecast on Tuesday and said it "
        "would return less cash to shareholders."
    )
    assert _speakers(text) == [("it would return less cash to shareholders", "Nordhavn Shipping")]


def test_an_organisation_then_a_profession_then_the_name() -> None:
    text = "“Travel could be very difficult,” said Met Office meteorologist Callum Fraser. He said roads could close."
    assert [speaker for _, speaker in _speakers(text)] == ["Callum Fraser", "Callum Fraser"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Die Lage sei ernst, sagte ein Sprecher der BBC.", "ein Sprecher der BBC"),
        ("Orkanböen seien möglich, heißt es in der Warnung des DWD.", "in der Warnung des DWD"),
    ],
)
def test_the_full_stop_after_an_acronym_ends_the_sentence_not_the_speaker(text: str, mention: str) -> None:
    quotes = extract(text).quotes
    assert quotes
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == mention
