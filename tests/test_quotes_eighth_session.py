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


@pytest.mark.parametrize(
    ("text", "continued"),
    [
        # the first constituent before the finite verb in Konjunktiv: a demonstrative, a noun
        # phrase with a genitive or "allein", a quantifier, a coordination, a phrase of time
        (
            "Die Wirtin sagte, sie schließe das Lokal. Das bedeute das Ende einer Tradition.",
            "Das bedeute das Ende einer Tradition",
        ),
        (
            (
                "Der Förster sagte, der Sturm habe viele Fichten geknickt. Die Schäden im Nordteil des "
                "Waldes lägen deutlich höher."
            ),
            "Die Schäden im Nordteil des Waldes lägen deutlich höher",
        ),
        (
            "Die Trainerin sagte, die Mannschaft sei müde. Viele Spielerinnen bräuchten eine Pause.",
            "Viele Spielerinnen bräuchten eine Pause",
        ),
        (
            "Der Bürgermeister erklärte, die Schule müsse saniert werden. Kreis und Land gäben aber kein Geld.",
            "Kreis und Land gäben aber kein Geld",
        ),
        (
            "Die Leiterin sagte, das Museum schließe im Mai. Ab sofort gelte ein neuer Eintrittspreis.",
            "Ab sofort gelte ein neuer Eintrittspreis",
        ),
    ],
)
def test_a_konjunktiv_after_its_first_constituent_goes_on_reporting(text: str, continued: str) -> None:
    quotes = extract(text).quotes
    speakers = {q.speaker.name for q in quotes if q.speaker}
    assert len(speakers) == 1
    # the sentence goes on the speaker's report, on its own or joined to the report before it
    assert any(continued in q.text for q in quotes)


@pytest.mark.parametrize(
    "text",
    [
        # past indicatives and narration after a report stay the writer's
        "Die Ministerin sagte, der Plan sei fertig. Die Bank wollte das nicht bestätigen.",
        "Der Pfarrer sagte, die Orgel sei alt. Das junge Paar ging danach nach Hause.",
        "Die Sprecherin sagte, die Lage sei ruhig. Vielleicht hätte man früher handeln können.",
    ],
)
def test_narration_after_a_report_is_not_reported(text: str) -> None:
    assert len(extract(text).quotes) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # nouns before a known first name and a surname describe the person, listed roles or not
        ("„Das Dach ist dicht“, sagte Dachdeckermeisterin Sabine Lohkamp.", "Sabine Lohkamp"),
        ("„Wir bleiben“, sagte Vereinswirt Thomas Brökel am Abend.", "Thomas Brökel"),
        ("Landeshauptfrau Monika Strasser sagte, das Land zahle.", "Monika Strasser"),
        # a title with a stop and a noun before it
        ("„Es ist ernst“, sagte Chefarzt Dr. Peter Rauschenbach.", "Peter Rauschenbach"),
        # two first names are one person's
        ("„Es ist ernst“, sagte Anna Maria Kessler.", "Anna Maria Kessler"),
    ],
)
def test_describing_nouns_before_a_first_name_are_no_part_of_the_name(text: str, name: str) -> None:
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == [name]


def test_a_body_before_a_noun_introduces_no_person() -> None:
    # "Regierung Zugeständnisse" is no role and surname: the description after finds no one there
    text = (
        "Nach Protesten hat die Regierung Zugeständnisse angekündigt. Der Vorsitzende des Verbands "
        "sagte, man werde weiter protestieren."
    )
    names = [q.speaker.name for q in extract(text).quotes if q.speaker]
    assert "Zugeständnisse" not in names


def test_a_description_with_the_noun_of_a_body_named_before_means_that_body() -> None:
    text = (
        "Das Landgericht Kessenich hat die Klage abgewiesen. Die Forderung sei verjährt, teilte "
        "das Gericht mit."
    )
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == ["Landgericht Kessenich"]


def test_a_place_after_von_and_a_role_is_no_noble_name_when_a_full_name_follows() -> None:
    text = "Die Bürgermeisterin von Wessling, Petra Ambach, sagte, die Halle sei zu teuer."
    quote = extract(text).quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.name == "Petra Ambach"


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("Die Trainerin sagte, es reiche.", "es reiche"),
        ("Der Wirt sagte, er bleibe.", "er bleibe"),
    ],
)
def test_a_pronoun_and_its_konjunktiv_make_a_whole_report(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


def test_first_names_of_every_generation_give_a_pronoun_its_person() -> None:
    # the first-name table knows the names of older and younger people alike
    text = "Elfriede Sandkühler traf am Markt Hubert Feldkamp. Sie sagte, der Laden fehle ihr."
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == ["Elfriede Sandkühler"]


def test_a_participle_after_the_speaker_is_the_part_played_not_a_report() -> None:
    text = "The driver had been under pressure from his employer, said Mark Fenwick, defending."
    assert [(q.text, q.speaker.name if q.speaker else None) for q in extract(text).quotes] == [
        ("The driver had been under pressure from his employer", "Mark Fenwick")
    ]


def test_a_second_main_clause_after_and_frames_nothing_before_it() -> None:
    # "hopes to" frames no clause, and the words before the comma are the writer's
    assert extract("Rehearsals began in March, and the choir hopes to sell out every night.").quotes == ()


def test_irish_police_speak_as_police_do() -> None:
    text = "Two cars were damaged in the car park overnight, gardaí said."
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == ["gardaí"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Die Zahl der Anträge sei gestiegen, teilte das Bundesamt für Migration und Flüchtlinge mit.",
            "das Bundesamt für Migration und Flüchtlinge",
        ),
        (
            "Das Landesamt für Umweltschutz teilte mit, die Werte seien unbedenklich.",
            "Das Landesamt für Umweltschutz",
        ),
    ],
)
def test_a_body_named_with_fuer_is_one_mention(text: str, mention: str) -> None:
    quote = extract(text).quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


def test_a_quantity_is_no_one_a_description_could_mean() -> None:
    text = "Der Schaden beträgt rund 2,4 Millionen Euro. „Ich bereue das“, sagte der 47-Jährige vor Gericht."
    names = [q.speaker.name for q in extract(text).quotes if q.speaker]
    assert names == ["der 47-Jährige"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Von der Kreisverwaltung hieß es, man prüfe den Antrag.", "der Kreisverwaltung"),
        ("Seitens der Feuerwehr hieß es, der Brand sei gelöscht.", "der Feuerwehr"),
    ],
)
def test_who_a_fronted_von_or_seitens_names_speaks(text: str, mention: str) -> None:
    quote = extract(text).quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # phrases after the speaker: a source phrase, an age, what the mention's phrase attaches
        (
            "The budget is balanced, said Mark Ellison, the city's finance director, in a statement.",
            "The budget is balanced",
            "Mark Ellison",
        ),
        (
            "Der Haushalt sei solide, sagte Jochen Wiltfang, Leiter der Finanzverwaltung, in einer Mitteilung.",
            "Der Haushalt sei solide",
            "Jochen Wiltfang",
        ),
        ("Rents are too high, said Omar Haddad, 35, a nurse.", "Rents are too high", "Omar Haddad"),
        (
            "Die Stadt habe zu spät reagiert, sagte Anna Weber, 54, Leiterin der Grundschule.",
            "Die Stadt habe zu spät reagiert",
            "Anna Weber",
        ),
        (
            (
                "Die Lage sei unter Kontrolle, sagte Einsatzleiter Jan Ole Petersen vom Roten Kreuz, der "
                "seit 20 Jahren dabei ist."
            ),
            "Die Lage sei unter Kontrolle",
            "Jan Ole Petersen",
        ),
    ],
)
def test_the_report_before_a_speaker_with_phrases_after_it(text: str, report: str, speaker: str) -> None:
    assert _quotes(text) == [("indirect", report, speaker)]


def test_a_sentence_without_words_after_a_report_breaks_nothing() -> None:
    doc = extract("Die Lage sei ernst, sagte Ursula Castrup.\n\n* * * * * * *\n\nDer Markt öffnet um neun.")
    assert [q.text for q in doc.quotes] == ["Die Lage sei ernst"]
    assert not [d for d in doc.diagnostics if d.level == "error"]


@pytest.mark.parametrize(
    "text",
    [
        # a singular Konjunktiv II after a report is as often the writer's own conditional
        "Die Entscheidung sei gefallen, sagte Trainer Markus Feldmann. Das wäre vor einem Jahr undenkbar gewesen.",
        "Die Ministerin sagte, der Plan sei finanziert. Das wäre eine Überraschung.",
    ],
)
def test_a_singular_konjunktiv_ii_after_a_report_stays_the_writers(text: str) -> None:
    assert len(extract(text).quotes) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vorstand Müller erklärte, das Werk bleibe offen.", "Müller"),
        ("Finanzvorstand Kessler sagte, die Zahlen seien gut.", "Kessler"),
        (
            "Mexikos Präsident Andrés Manuel López Obrador sagte, die Lage sei ruhig.",
            "Andrés Manuel López Obrador",
        ),
    ],
)
def test_titles_and_foreign_first_names_in_names(text: str, name: str) -> None:
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == [name]


def test_a_gendered_pronoun_means_the_person_named_since_not_the_firm_quoted_last() -> None:
    text = (
        "Wie das Marktforschungsinstitut Datenhaus mitteilte, sanken die Umsätze um zehn Prozent. "
        "Die Präsidentin des Handelsverbands, Sabine Kortmann, nannte die Zahlen alarmierend. "
        "„Viele Läden halten das nicht mehr lange durch“, sagte sie."
    )
    names = [q.speaker.name for q in extract(text).quotes if q.speaker]
    assert names[-1] == "Sabine Kortmann"


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Der Sprecher sagte, die Straße bleibe gesperrt; der Verkehr staute sich bis zum Abend.",
            "die Straße bleibe gesperrt",
        ),
        ("The mayor said the bridge was safe; engineers were not so sure.", "the bridge was safe"),
    ],
)
def test_a_report_ends_at_a_semicolon_before_the_writers_clause(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


def test_a_german_report_goes_on_past_a_semicolon_in_konjunktiv() -> None:
    text = "Der Sprecher sagte, die Straße bleibe gesperrt; man müsse mit Staus rechnen."
    assert [q.text for q in extract(text).quotes] == [
        "die Straße bleibe gesperrt; man müsse mit Staus rechnen"
    ]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        (
            "Eine Sprecherin sagte, nach ersten Erkenntnissen sei das Feuer in der Küche ausgebrochen.",
            "nach ersten Erkenntnissen sei das Feuer in der Küche ausgebrochen",
            "Eine Sprecherin",
        ),
        (
            "Der Bürgermeister sagte, nach Angaben der Polizei seien drei Menschen verletzt worden.",
            "nach Angaben der Polizei seien drei Menschen verletzt worden",
            "Der Bürgermeister",
        ),
    ],
)
def test_a_source_phrase_opening_a_framed_clause_is_the_reports(text: str, report: str, speaker: str) -> None:
    # the speaker of the frame cites the source: the phrase is the report's first words
    (quote,) = extract(text).quotes
    assert quote.text == report
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the place after a preposition says where the described speaker is, no one speaks for it
        ("A farmer near Coldbrook said the flooding had ruined his crop.", "A farmer near Coldbrook"),
        ("A teacher in East Harwick said the school was full.", "A teacher in East Harwick"),
        # whose spokesman, after an indefinite article: no noble name
        ("Ein Sprecher von Hellwig sagte, das Werk bleibe offen.", "Ein Sprecher von Hellwig"),
    ],
)
def test_a_description_with_a_place_or_owner_is_the_speaker(text: str, name: str) -> None:
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lone surname the tables do not know is a person's, whoever is named after it
        (
            (
                '"The delays are unacceptable," said Okonkwo, who had met transport secretary Mark Hill. '
                '"We will keep pushing," he said.'
            ),
            "Okonkwo",
        ),
        (
            (
                "„Wir bleiben dran“, sagte Yıldırım, der am Montag Landrat Peter Brandt getroffen hatte. "
                "„Das Gespräch war gut“, sagte er."
            ),
            "Yıldırım",
        ),
    ],
)
def test_a_pronoun_keeps_the_last_speaker_named_by_surname(text: str, name: str) -> None:
    assert [q.speaker.name for q in extract(text).quotes if q.speaker][-1] == name


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # no cut before a tail frame, in a list, inside a bracket, before a repeated "that"
        (
            "Prices will keep rising next year; wages will not keep pace, the chief economist said.",
            "Prices will keep rising next year; wages will not keep pace",
        ),
        (
            "The charity said volunteers had collected food and tents; medicine; and baby formula.",
            "volunteers had collected food and tents; medicine; and baby formula",
        ),
        (
            "A spokesman said the levels (nitrogen dioxide; fine dust) were below the limit.",
            "the levels (nitrogen dioxide; fine dust) were below the limit",
        ),
        (
            "The minister said that the plan was sound; that it would be funded; and that work would start.",
            "that the plan was sound; that it would be funded; and that work would start",
        ),
    ],
)
def test_a_semicolon_inside_a_report_that_goes_on(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


def test_a_source_phrase_with_its_own_indicative_clause_speaks_for_it() -> None:
    text = "Die Polizei meldete am Abend einen schweren Unfall, laut Zeugen war der Fahrer viel zu schnell."
    (quote,) = extract(text).quotes
    assert quote.text == "war der Fahrer viel zu schnell"


def test_a_name_after_a_number_is_still_a_name() -> None:
    text = 'In 2019 John Harlow founded the company. "We had nothing," Harlow said.'
    assert [q.speaker.name for q in extract(text).quotes if q.speaker] == ["John Harlow"]


def test_a_phrase_without_a_verb_before_an_inserted_frame_is_no_report() -> None:
    assert extract("Der Grund, so die Polizei, ein technischer Defekt an der Bremsanlage.").quotes == ()


def test_a_frame_after_and_that_points_back_keeps_the_report() -> None:
    text = "The figures are simply wrong, and the union says so."
    assert [q.text for q in extract(text).quotes] == ["The figures are simply wrong"]


@pytest.mark.parametrize(
    "continued",
    [
        "Der Ofen allein koste inzwischen dreimal so viel.",
        "Ein Drittel der Fälle richte sich gegen Unbeteiligte.",
        "Er erwarte weitere Festnahmen.",
    ],
)
def test_a_konjunktiv_i_of_a_verb_whose_stem_ends_in_t_goes_on_reporting(continued: str) -> None:
    # koste, richte, erwarte: Konjunktiv I; their pasts end in -ete (kostete), so the table knows them
    text = "Die Bäckerin sagte, sie schließe den Laden. " + continued
    quotes = extract(text).quotes
    assert any(continued.rstrip(".") in q.text for q in quotes)
