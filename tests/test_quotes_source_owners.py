"""Whom a source phrase names: the owner a possessive points to, an indefinite genitive.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit import extract


def _reports(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            q.text,
            q.speaker.mention.text if q.speaker and q.speaker.mention else None,
            q.speaker.name if q.speaker else None,
        )
        for q in extract(text).quotes
    ]


def test_nach_seinen_angaben_is_the_owners_account() -> None:
    text = (
        "„So etwas habe ich nicht erlebt“, sagte der Vorsitzende des Vereins, Matthias Kerber. "
        "Nach seinen Angaben hatten viele Betriebe Kerzen aufgestellt. Geholfen habe das kaum."
    )
    reports = _reports(text)
    assert ("hatten viele Betriebe Kerzen aufgestellt", "seinen", "Matthias Kerber") in reports
    # the Konjunktiv sentence after it goes on with the same source
    assert ("Geholfen habe das kaum", "seinen", "Matthias Kerber") in reports


@pytest.mark.parametrize(
    ("text", "report", "mention"),
    [
        ("Laut ihrer Aussage ist die Lage ernst.", "ist die Lage ernst", "ihrer"),
        ("Nach ihren Worten ist die Lage ernst.", "ist die Lage ernst", "ihren"),
        # a possessive before a person is that person's: the spokesman speaks
        ("Laut ihrem Sprecher ist die Lage ernst.", "ist die Lage ernst", "ihrem Sprecher"),
    ],
)
def test_possessives_before_a_source_noun(text: str, report: str, mention: str) -> None:
    assert [(r, m) for r, m, _ in _reports(text)] == [(report, mention)]


@pytest.mark.parametrize(
    ("text", "report", "mention"),
    [
        (
            "Nach Angaben eines Polizeisprechers hatte der Täter die Frau zuvor nach dem Weg gefragt.",
            "hatte der Täter die Frau zuvor nach dem Weg gefragt",
            "Polizeisprechers",
        ),
        (
            "Nach Angaben einer Sprecherin der Stadt wurden drei Menschen verletzt.",
            "wurden drei Menschen verletzt",
            "Sprecherin der Stadt",
        ),
    ],
)
def test_an_indefinite_genitive_names_the_source(text: str, report: str, mention: str) -> None:
    assert [(r, m) for r, m, _ in _reports(text)] == [(report, mention)]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Nach einer Studie der Universität Bonn schlafen Jugendliche zu wenig.",
            "schlafen Jugendliche zu wenig",
        ),
        ("Nach dem vorläufigen Endergebnis erreichte die SPD 45 Prozent.", "erreichte die SPD 45 Prozent"),
        ("Nach einem Gutachten der Stadt ist die Brücke marode.", "ist die Brücke marode"),
    ],
)
def test_studies_results_and_reports_are_sources(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


def test_after_an_examination_is_no_source() -> None:
    assert extract("Nach einer Untersuchung im Krankenhaus wurde er entlassen.").quotes == ()
