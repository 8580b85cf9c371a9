"""Regressions a second reader found in the sixth session's rules, pinned.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit import extract


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # a negation inside a noun phrase, in "nicht nur … sondern" or "nicht oft genug" denies nothing
        (
            "Der Minister ließ über einen nicht namentlich genannten Sprecher mitteilen, er sei gesund.",
            "er sei gesund",
        ),
        (
            "Der Trainer konnte nach dem nicht gegebenen Elfmeter nur sagen, dass er enttäuscht sei.",
            "dass er enttäuscht sei",
        ),
        ("Sie kann nicht oft genug betonen, dass Impfungen sicher sind.", "dass Impfungen sicher sind"),
    ],
)
def test_a_negation_that_is_part_of_a_phrase_leaves_the_report(text: str, report: str) -> None:
    assert report in [q.text for q in extract(text).quotes]


@pytest.mark.parametrize(
    "text",
    [
        # "und" between two objects ends no clause: the negation at the end still denies
        "Er kritisierte Merkel und Scholz nicht.",
        "Die Ministerin lobte die Polizei und die Feuerwehr nicht.",
        # a causative before a verb of organising, and a clause of concession after the comma
        "Der Verband ließ die WM in Katar ausrichten, obwohl es Kritik gab.",
    ],
)
def test_no_report(text: str) -> None:
    assert extract(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Es ist vorbei.“ Mit diesen Worten verabschiedete sich der Trainer von den Fans.", "der Trainer"),
        # a passive, a prepositional phrase, a thing, someone else's words: no speaker named
        ("„Ich danke allen.“ Mit diesen Worten wurde der Trainer von den Fans begrüßt.", None),
        ("„Wir kommen wieder.“ Mit diesen Worten im Ohr fuhren die Fans nach Hause.", None),
        ("„Wir kommen wieder.“ Mit diesen Worten endete die Pressekonferenz.", None),
        ("„Wir sehen uns.“ Mit diesen Worten verabschiedete sich Merkel.", "Merkel"),
    ],
)
def test_mit_diesen_worten_needs_someone_who_spoke(text: str, speaker: str | None) -> None:
    quotes = extract(text).quotes
    assert quotes
    mention = quotes[0].speaker.mention if quotes[0].speaker else None
    assert (mention.text if mention else None) == speaker


def test_a_role_in_the_genitive_before_a_surname_introduces_a_person() -> None:
    text = "Die Rede des Kanzlers Scholz war kurz. Er sagte, man habe viel erreicht."
    assert _speakers(text) == [("man habe viel erreicht", "Scholz")]


def test_the_full_name_wins_over_a_surname_after_a_role() -> None:
    text = (
        "Der Grünen-Politiker Jerzy Montag äußerte sich am Abend. Abgeordneter Montag kam später. "
        "Er sagte, man müsse handeln."
    )
    assert _speakers(text)[-1] == ("man müsse handeln", "Jerzy Montag")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # "von den" opens no noble name (van den Berg does)
        (
            "Stadtrat Lorenz Zirngibl von den Freien Wählern forderte, die Stadt solle sparen.",
            "Stadtrat Lorenz Zirngibl",
        ),
        ("„Wir kämpfen weiter“, sagte Jan van den Berg.", "Jan van den Berg"),
        ("„Wir kämpfen weiter“, sagte Ursula von der Leyen.", "Ursula von der Leyen"),
    ],
)
def test_particles_and_prepositions(text: str, mention: str) -> None:
    quotes = extract(text).quotes
    assert len(quotes) == 1
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == mention


def test_they_never_means_one_woman_or_man() -> None:
    text = (
        "The residents met Jane Smith on Monday. She said the noise was unbearable. They said they would sue."
    )
    speakers = _speakers(text)
    assert speakers[0] == ("the noise was unbearable", "Jane Smith")
    assert speakers[1][1] != "Jane Smith"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Police arrested Daniel Frost, 34, on Tuesday. The former teacher told officers he had acted alone.",
            "Daniel Frost",
        ),
        (
            "Die Polizei nahm Daniel Frost fest. Der frühere Lehrer sagte, er habe allein gehandelt.",
            "Daniel Frost",
        ),
    ],
)
def test_an_occupation_refers_back_to_the_person_named(text: str, name: str) -> None:
    assert [speaker for _, speaker in _speakers(text)] == [name]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role on a body is a person's, and the surname after it is the name
        ("Umweltministerin Lemke sagte, die Lage sei ernst.", "Lemke"),
        ("Lisa Paus legte den Entwurf vor. Das Gesetz komme, sagte Ministerin Paus.", "Lisa Paus"),
        # a trade is a person's, not a firm's
        (
            "Der Kunsthändler Bernd Schultz eröffnete die Messe. Die Preise seien gestiegen, sagte der Kunsthändler.",
            "Bernd Schultz",
        ),
        # a name after a preposition alone is a person's
        (
            "Die Ermittlungen gegen Ayodele Okafor laufen. Der 45-Jährige sagte, er sei unschuldig.",
            "Ayodele Okafor",
        ),
    ],
)
def test_people_stay_people(text: str, speaker: str) -> None:
    assert _speakers(text)[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # "der" after a preposition is the dative's: no gender for the pronoun
        (
            "Die Arbeiten dauern an, hieß es aus der Stadtverwaltung. Er sagte, die Arbeiten dauerten an.",
            "der Stadtverwaltung",
        ),
        # a person named before the organisation goes first
        (
            "Anna Schmidt trat zurück. Der Rücktritt sei richtig, erklärte die Partei. Sie sagte, sie bereue nichts.",
            "die Partei",
        ),
        # the article says the description's gender
        ("Die 30-Jährige sagte, sie sei unschuldig. Er sagte, er wisse von nichts.", "Die 30-Jährige"),
    ],
)
def test_pronouns_that_do_not_mean_the_organisation_or_description(text: str, not_speaker: str) -> None:
    assert _speakers(text)[-1][1] != not_speaker


def test_a_bare_group_noun_stays_in_the_name() -> None:
    text = "Der Sender Freies Berlin berichtete. Die Lage sei ernst, sagte der Sender. Er bleibe dabei."
    assert "Freies Berlin" not in [speaker for _, speaker in _speakers(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke sei gesperrt, sagte der Landrat. Jetzt gerade läuft die Sitzung.",
        "The council said the road would stay closed. Then came the rain.",
    ],
)
def test_an_adverb_and_a_word_in_e_is_no_konjunktiv(text: str) -> None:
    assert len(extract(text).quotes) == 1
