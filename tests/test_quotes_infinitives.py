"""A cue verb as an infinitive: the modal or causative before it says who speaks, and whether.

German puts a modal or a form of "lassen" in second place and the infinitive at the clause's
end (Der Minister ließ über seinen Sprecher mitteilen, …), so the phrase right before the
infinitive is the channel, not the speaker. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit import extract


def _reports(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.speaker.mention.text if q.speaker and q.speaker.mention else None)
        for q in extract(text).quotes
    ]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # a causative with the channel between it and the infinitive
        (
            "Der Minister ließ über seinen Sprecher mitteilen, er werde sich nicht äußern.",
            "er werde sich nicht äußern",
            "Der Minister",
        ),
        (
            "Der Angeklagte ließ über seine Verteidigerin erklären, er bedauere die Tat.",
            "er bedauere die Tat",
            "Der Angeklagte",
        ),
        # the subject after the fronted causative
        (
            "Am Montag ließ die Trainerin durch den Verein erklären, sie trete zurück.",
            "sie trete zurück",
            "die Trainerin",
        ),
        # no channel: the causative alone stood between subject and cue
        (
            "Der Verein ließ mitteilen, dass der Trainer freigestellt sei.",
            "dass der Trainer freigestellt sei",
            "Der Verein",
        ),
        # a verb that reports speech only under a causative
        (
            "Die Sängerin ließ ausrichten, sie sei erkrankt und könne nicht auftreten.",
            "sie sei erkrankt und könne nicht auftreten",
            "Die Sängerin",
        ),
        ("Die Band ließ wissen, dass die Tour abgesagt sei.", "dass die Tour abgesagt sei", "Die Band"),
        # perfect with a second infinitive: the auxiliary governs
        (
            "Er hat über seinen Anwalt mitteilen lassen, er sei unschuldig.",
            "er sei unschuldig",
            "Er",
        ),
        # a modal, far from its infinitive
        (
            "Der Bürgermeister wollte nach der Sitzung im Rathaus wissen, wer die Kosten trage.",
            "wer die Kosten trage",
            "Der Bürgermeister",
        ),
        (
            "Die Ministerin konnte bestätigen, dass drei Menschen verletzt wurden.",
            "dass drei Menschen verletzt wurden",
            "Die Ministerin",
        ),
    ],
)
def test_the_governing_verbs_subject_speaks(text: str, report: str, speaker: str) -> None:
    assert (report, speaker) in _reports(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Minister ließ über seinen Sprecher mitteilen: „Ich äußere mich nicht.“", "Der Minister"),
        ("„Wir helfen gern“, ließ ein Sprecher aus Washington kurz verlauten.", "ein Sprecher"),
    ],
)
def test_direct_quotes_under_a_causative(text: str, speaker: str) -> None:
    assert [name for _, name in _reports(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # a modal's clause negates the infinitive: nothing was said
        "Ich kann nicht wirklich erklären, was mich inspiriert.",
        "Der Sprecher wollte nicht bestätigen, dass drei Menschen verletzt wurden.",
        "Die Behörde konnte bislang noch nicht vorhersagen, in welchem Gebiet die Trümmer niedergehen.",
        # an intent or an ability is no speech act reported whole
        "Die Regierung will die Bevölkerung künftig über das Radio informieren.",
        "Das Landgericht will am Freitag sein Urteil verkünden.",
        "Die Bank wollte das auf Anfrage weder bestätigen noch dementieren.",
        "Das Gerät muss jede Störung akustisch melden.",
        # "ausrichten" without a causative is no speech
        "Die Stadt richtet ihre Politik darauf aus, dass mehr Wohnungen entstehen.",
        "Der Verein richtet im Sommer das Turnier aus.",
        # a reflexive causative governs nothing
        "Das lässt sich so nicht sagen.",
    ],
)
def test_no_report(text: str) -> None:
    assert extract(text).quotes == ()


def test_a_negation_after_und_belongs_to_the_second_verb() -> None:
    text = "Die Polizei verwies auf das schlechte Wetter und wollte keine Ursache ausschließen."
    assert _reports(text) == [(text[:-1], "Die Polizei")]
