"""Shapes of German and English news the eighth session's reading found wrong, pinned in sentences of other shapes.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit import extract


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # a tail frame whose speaker carries an apposition, a time or place after it, or a relative clause
        (
            "Der Zeitplan sei nicht zu halten, sagte Miriam Oldenhove, die Leiterin des Bauamts.",
            "Der Zeitplan sei nicht zu halten",
            "Miriam Oldenhove",
        ),
        (
            "Die Kasse müsse nachverhandeln, so Theo Brandauer, Sprecher der Ärztekammer, am Dienstag in Linz.",
            "Die Kasse müsse nachverhandeln",
            "Theo Brandauer",
        ),
        (
            "Der Umbau habe sich gelohnt, erklärte Sabine Welk, die den Verein seit 2019 führt.",
            "Der Umbau habe sich gelohnt",
            "Sabine Welk",
        ),
        (
            "The depot will close by spring, said Dana Okoro, a spokeswoman for the operator.",
            "The depot will close by spring",
            "Dana Okoro",
        ),
        (
            "Fares had to rise, said Ray Kettle, who chairs the transport board at the county council.",
            "Fares had to rise",
            "Ray Kettle",
        ),
    ],
)
def test_a_tail_frame_with_phrases_about_its_speaker(text: str, report: str, speaker: str) -> None:
    # the phrases after the speaker tell who speaks: no second report, and the report ends at the frame
    assert _quotes(text) == [("indirect", report, speaker)]


def test_a_mixed_report_before_a_frame_with_an_apposition() -> None:
    text = "Die Stadt habe „jahrelang weggeschaut“, sagte Jonas Pirker, der Obmann des Mietervereins."
    kinds = {(kind, quoted) for kind, quoted, _ in _quotes(text)}
    assert ("mixed", "Die Stadt habe „jahrelang weggeschaut“") in kinds


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # a clause after the frame's speaker is reported too, not an apposition
        (
            "Die Lage sei ernst, sagte Nora Veit, die Stadt müsse sparen.",
            ["Die Lage sei ernst", "die Stadt müsse sparen"],
        ),
        # a relative clause with a speech verb reports for its own part
        (
            "„Wir bleiben“, sagte Ole Marten, der betonte, dass der Verein nicht umziehe.",
            ["Wir bleiben", "dass der Verein nicht umziehe"],
        ),
        # the part after an inserted frame that opens with a preposition is the report's
        (
            "The plan would be helped, Ortiz said, by the new timetable.",
            ["The plan would be helped", "by the new timetable"],
        ),
    ],
)
def test_what_follows_a_frame_that_is_no_apposition(text: str, reports: list[str]) -> None:
    assert [quoted for _, quoted, _ in _quotes(text)] == reports
