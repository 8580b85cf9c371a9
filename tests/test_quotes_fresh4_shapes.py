"""Shapes the unseen set fresh4 showed missing, pinned in sentences of other shapes.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit import extract


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            (
                "„Dieses Haus hat drei Kriege überstanden.“ Mit diesen Worten hat Bürgermeisterin "
                "Edeltraud Knoop am Samstag das Rathaus wiedereröffnet."
            ),
            "Edeltraud Knoop",
        ),
        (
            "„Wir sehen uns wieder.“ Mit diesen Worten verabschiedete sich Kapitän Jonas Brehm am Samstag.",
            "Jonas Brehm",
        ),
        ("“We will rebuild.” With those words, Mayor Tom Briggs closed the meeting.", "Tom Briggs"),
    ],
)
def test_mit_diesen_worten_names_who_spoke_the_quote_before(text: str, speaker: str) -> None:
    quotes = extract(text).quotes
    assert len(quotes) == 1
    assert quotes[0].kind == "direct"
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == speaker


def test_erkundigte_sich_frames_a_question() -> None:
    text = "Der Abgeordnete Kai-Uwe Tremmel erkundigte sich, ob auch Quereinsteiger eingestellt würden."
    assert _speakers(text) == [("ob auch Quereinsteiger eingestellt würden", "Kai-Uwe Tremmel")]


def test_a_quoted_name_after_a_preposition_is_no_subject() -> None:
    text = (
        "Die Zahl der Feldhamster hat sich halbiert. Das berichten Forschende im Fachjournal "
        "„Mammal Research Letters“."
    )
    assert _speakers(text) == [("Die Zahl der Feldhamster hat sich halbiert", "Forschende")]


def test_a_description_means_the_nearest_titled_person() -> None:
    # Šimić's first name says no gender; his title says he is a person, nearer than Brammer
    text = (
        "Der Verein trennt sich von Trainer Mirko Šimić. Sportdirektor Helge Brammer stellte klar: "
        "Mit der Krise habe die Entscheidung nichts zu tun. Šimić selbst meldete sich auf Instagram. "
        "„Ich gehe mit erhobenem Kopf“, schrieb der 48-Jährige."
    )
    assert ("Ich gehe mit erhobenem Kopf", "Mirko Šimić") in _speakers(text)


def test_a_role_in_apposition_does_not_make_a_firm_a_person() -> None:
    text = (
        "Pellworth Cycles, the bicycle maker, is to bring production back. Its founder, Gareth "
        "Pellworth, said shipping delays had cost the firm dearly. The 67-year-old said the move "
        "would create about 90 jobs."
    )
    assert ("the move would create about 90 jobs", "Gareth Pellworth") in _speakers(text)


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # the first clause has no "that": it is reported, and the second joins it
        (
            "The airline said the fault had been fixed but that crews were out of position.",
            "the fault had been fixed but that crews were out of position",
        ),
        ("He said prices had risen and that wages stagnated.", "prices had risen and that wages stagnated"),
        # "that" after an addressee or a time is the first clause's
        ("She told reporters on Tuesday that the talks had failed.", "that the talks had failed"),
    ],
)
def test_a_second_that_joins_the_first_clause(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


def test_a_document_after_the_comma_speaks() -> None:
    text = "Passengers would be offered refunds, the statement added."
    assert _speakers(text) == [("Passengers would be offered refunds", "the statement")]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        ("Die Lage sei ernst, sagte Anna Weber, 54, am Montag.", "Die Lage sei ernst", "Anna Weber"),
        (
            "The mill burned down in 1952, said Eleanor Voss, 91, on Saturday.",
            "The mill burned down in 1952",
            "Eleanor Voss",
        ),
        (
            "Eleanor Voss, 91, said the mill burned down in 1952.",
            "the mill burned down in 1952",
            "Eleanor Voss",
        ),
    ],
)
def test_an_age_in_apposition_is_part_of_the_speaker(text: str, report: str, speaker: str) -> None:
    assert _speakers(text) == [(report, speaker)]


def test_konjunktiv_after_an_opening_adverb_goes_on_reporting() -> None:
    text = (
        "Die Ministerin sagte, das Gesetz komme noch in diesem Jahr. Andernfalls drohe eine Klage der Länder."
    )
    assert _speakers(text) == [
        ("das Gesetz komme noch in diesem Jahr", "Die Ministerin"),
        ("Andernfalls drohe eine Klage der Länder", "Die Ministerin"),
    ]


def test_an_adjective_after_an_adverb_is_no_konjunktiv() -> None:
    text = "Der Trainer sagte, die Mannschaft sei müde. Auch große Vereine sind betroffen."
    assert _speakers(text) == [("die Mannschaft sei müde", "Der Trainer")]


def test_a_continuation_in_a_new_paragraph_is_a_quote_of_its_own() -> None:
    text = (
        "Landrat Hubertus Greiner sagte, der Kreis könne die Zuschüsse nicht tragen. "
        "Die Gemeinden müssten sich beteiligen.\n\nAndernfalls drohe eine Erhöhung der Gebühren."
    )
    assert [q.text for q in extract(text).quotes] == [
        "der Kreis könne die Zuschüsse nicht tragen",
        "Die Gemeinden müssten sich beteiligen",
        "Andernfalls drohe eine Erhöhung der Gebühren",
    ]


def test_a_compound_group_noun_refers_to_the_firm_named_before() -> None:
    text = (
        "Der Küchenhersteller Kallweit Küchen streicht rund 300 Stellen. Wie das Familienunternehmen "
        "am Mittwoch mitteilte, soll die Fertigung verlagert werden."
    )
    assert _speakers(text) == [("soll die Fertigung verlagert werden", "Kallweit Küchen")]


def test_a_description_of_someone_unnamed_is_whom_a_pronoun_means() -> None:
    text = (
        "Vor dem Amtsgericht muss sich ein 45-jähriger Handwerker verantworten. Die Anklage wirft ihm vor, "
        "in 37 Fällen Senioren Rechnungen gestellt zu haben. Der 45-Jährige räumte die Vorwürfe ein. "
        "„Bei einigen Kunden habe ich zu viel berechnet“, sagte er."
    )
    assert _speakers(text)[-1] == ("Bei einigen Kunden habe ich zu viel berechnet", "Der 45-Jährige")


def test_a_german_pronoun_takes_the_gender_of_the_organisation_just_quoted() -> None:
    text = (
        "Der Bauernverband Oberrhön schlägt Alarm. Viele Betriebe arbeiteten unter den Kosten, "
        "erklärte der Verband am Montag. Er fordert die Molkereien auf, einen Mindestpreis zu zahlen."
    )
    assert _speakers(text)[-1] == ("einen Mindestpreis zu zahlen", "Bauernverband Oberrhön")


def test_a_person_named_since_the_organisation_takes_the_pronoun() -> None:
    text = (
        "Die Lage sei ernst, erklärte die Behörde. Der Minister Hans Weber widersprach. "
        "Er sagte, man müsse handeln."
    )
    assert _speakers(text)[-1] == ("man müsse handeln", "Hans Weber")


def test_a_firm_opening_the_report_is_what_the_description_after_it_means() -> None:
    text = (
        "Brightwater Airways has cancelled more than 200 flights this week, the airline said on Wednesday. "
        "It said the fault had been fixed."
    )
    assert [speaker for _, speaker in _speakers(text)] == ["Brightwater Airways", "Brightwater Airways"]
