"""The quote attributor reads the shared segmentation: ordinals, dates and abbreviations split no report."""

from __future__ import annotations

import pytest

import quotekit


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Merkel sagte am 3. Oktober, die Einheit sei ein Geschenk.",
            "die Einheit sei ein Geschenk",
            "Merkel",
        ),
        (
            "Ab 1. Januar gelte die Regel für alle, sagte Scholz.",
            "Ab 1. Januar gelte die Regel für alle",
            "Scholz",
        ),
        ("Der 2. Weltkrieg habe alles verändert, sagte die Historikerin Anna Weber.", None, "Anna Weber"),
        ("Im 18. Jahrhundert sei die Stadt reich gewesen, sagte Dr. Jonas Krause.", None, "Jonas Krause"),
        ("Die Sitzung am 14.03.2025 sei abgesagt, teilte Bürgermeister Uwe Lang mit.", None, "Uwe Lang"),
        (
            "Mr. Smith said on Jan. 5 that the U.S. economy would grow.",
            "that the U.S. economy would grow",
            "Smith",
        ),
    ],
)
def test_one_report_per_sentence(text: str, content: str | None, speaker: str) -> None:
    quotes = quotekit.extract(text).quotes
    assert len(quotes) == 1
    assert quotes[0].kind == "indirect"
    assert quotes[0].speaker is not None
    assert speaker in quotes[0].speaker.name
    if content is not None:
        assert quotes[0].text == content


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the frame after the quote runs to the sentence's end, past the ordinal
        ("„Die Einheit ist ein Geschenk“, sagte Merkel am 3. Oktober in Berlin. Sie lächelte.", ["Merkel"]),
        ("Der Minister sagte am 2. Juni: „Die Reform kommt.“", ["Der Minister"]),
        # the sentence before a quote standing alone names its speaker, past Dr. and the date
        ("Am 3. Oktober sprach Dr. Anna Weber im Bundestag. „Wir haben viel erreicht.“", ["Anna Weber"]),
        (
            "\u201cWe will win,\u201d Mr. Smith said on Jan. 5. \u201cThe U.S. is ready.\u201d",
            ["Smith", "Smith"],
        ),
    ],
)
def test_direct_frames_read_whole_sentences(text: str, speakers: list[str]) -> None:
    direct = [q for q in quotekit.extract(text).quotes if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in direct] == speakers
