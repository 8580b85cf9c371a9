"""Which quoted strings are quotes, and of what kind: direct, partial, indirect, mixed.

Every example here is written for this file. Each one stands for a pattern of the language
(German inverted frames, quoted objects of naming verbs, names that others use, English
reported clauses holding quoted words), not for one article.
"""

from __future__ import annotations

import pytest

import quotekit
from quotekit import Document

PIPELINE = quotekit.Pipeline(autoload=False)


def extract(text: str) -> Document:
    return PIPELINE.extract(text)


#: Quotation marks and edge punctuation a quote's text may carry
EDGES = "„“»«“”\"' .,"


def kinds(doc: Document) -> dict[str, str]:
    return {quote.text.strip(EDGES): quote.kind for quote in doc.quotes}


def speaker_of(doc: Document, text: str) -> str | None:
    for quote in doc.quotes:
        if quote.text.strip(EDGES) == text:
            return quote.speaker.name if quote.speaker is not None else None
    msg = f"no quote {text!r} in {[q.text for q in doc.quotes]}"
    raise AssertionError(msg)


# ------------------------------------------------------------------ German: what is a quote


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        # a quoted object of a naming verb, with a cue noun (Gutachten) between verb and quote
        (
            "Der Landrat Paul Ebert nannte das Gutachten eine „Luftnummer“. Danach ging es weiter.",
            "Luftnummer",
            "Ebert",
        ),
        # the participle after the quote frames it (hatte … als „…“ zurückgewiesen)
        (
            "Die Landesregierung hatte den Vorwurf der Opposition umgehend als „haltlos“ zurückgewiesen. Sie blieb dabei.",
            "haltlos",
            "Landesregierung",
        ),
        # a characterisation after an indefinite article is no title, though every noun is capitalised
        (
            "Die Feuerwehrchefin Sabine Kranz sprach von einer „Lage mit Risiko für Leib und Leben“. Es regnete.",
            "Lage mit Risiko für Leib und Leben",
            "Kranz",
        ),
    ],
)
def test_german_quoted_objects_of_speech_verbs_are_direct(text: str, quoted: str, speaker: str) -> None:
    # German news annotation counts these as the speaker's own words (direct quotes).
    doc = extract(text)
    assert kinds(doc).get(quoted) == "direct"
    assert speaker in (speaker_of(doc, quoted) or "")


def test_german_inverted_frame_with_a_verb_the_lexicon_lacks() -> None:
    doc = extract(
        "Das Spiel endete spät. „Wir haben uns den Sieg in der zweiten Halbzeit hart erarbeitet“, "
        "zeigte sich Trainerin Marta Lind nach dem Abpfiff zufrieden."
    )
    assert kinds(doc).get("Wir haben uns den Sieg in der zweiten Halbzeit hart erarbeitet") == "direct"
    assert "Lind" in (speaker_of(doc, "Wir haben uns den Sieg in der zweiten Halbzeit hart erarbeitet") or "")


def test_german_quote_followed_by_its_frame_without_the_comma() -> None:
    doc = extract(
        "Der Verband legte nach. „Wer die Regeln bricht, muss mit Folgen rechnen und wird sie auch spüren“ "
        "heißt es in einer Mitteilung des Verbands."
    )
    assert (
        kinds(doc).get("Wer die Regeln bricht, muss mit Folgen rechnen und wird sie auch spüren") == "direct"
    )


def test_german_utterance_noun_before_a_quoted_statement() -> None:
    doc = extract("Die Demonstrierenden zogen mit der Parole „Wir bleiben hier“ durch die Altstadt.")
    assert kinds(doc).get("Wir bleiben hier") == "direct"


def test_german_second_statement_joined_by_und() -> None:
    doc = extract(
        "Der Kapitän sagte nach dem Spiel: „Heute hat uns das Glück gefehlt, das ist bitter.“ und "
        "„Nächste Woche zeigen wir ein anderes Gesicht, darauf könnt ihr euch verlassen.“ Dann ging er."
    )
    found = kinds(doc)
    assert found.get("Heute hat uns das Glück gefehlt, das ist bitter") == "direct"
    assert (
        found.get("Nächste Woche zeigen wir ein anderes Gesicht, darauf könnt ihr euch verlassen") == "direct"
    )


def test_german_short_spoken_sentence_standing_alone() -> None:
    doc = extract(
        "Der Saal war voll. „Ja, wir schaffen das“. Das sagte die Bürgermeisterin Ines Roth am Abend."
    )
    assert kinds(doc).get("Ja, wir schaffen das") == "direct"


# ------------------------------------------------------------------ German: what is not a quote


@pytest.mark.parametrize(
    "text",
    [
        "Der „Hafenstreit“, wie ihn die Anwohner nennen, ist damit vorerst beendet.",
        "Die neue Software trägt den Codenamen: „Nordlicht“. Sie erscheint im Mai.",
        "Das Projekt heißt kurz: „Nolo“ und startet im Herbst.",
    ],
)
def test_german_names_and_terms_are_not_quotes(text: str) -> None:
    doc = extract(text)
    assert [q for q in doc.quotes if q.kind in {"direct", "partial"}] == []


def test_german_apposition_before_the_verb_is_no_reported_clause() -> None:
    doc = extract("Der Sprecher der Initiative, Karl Brandt, lobte den Plan. Danach wurde abgestimmt.")
    for quote in doc.quotes:
        assert quote.text != "Der Sprecher der Initiative, Karl Brandt"


def test_german_past_perfect_cue_with_a_reported_clause() -> None:
    # "erklärt" is both finite and a participle; read by the auxiliary, the subject is found
    doc = extract("Der Bund hatte vorher erklärt, er stehe zu seiner Zusage.")
    (quote,) = doc.quotes
    assert quote.kind == "indirect"
    assert quote.text == "er stehe zu seiner Zusage"
    assert quote.speaker is not None
    assert "Bund" in quote.speaker.name


def test_german_quoted_words_inside_a_reported_clause_are_partial() -> None:
    doc = extract("Anna Weiß erklärte, die Verhandlungen gingen „in die richtige Richtung“.")
    found = kinds(doc)
    assert found.get("in die richtige Richtung") == "partial"
    assert "mixed" in found.values()


# ------------------------------------------------------------------ English


def test_english_quoted_words_after_a_reported_clause_subject_are_partial() -> None:
    doc = extract("Maria Lopez said they were “ready”.")
    found = kinds(doc)
    assert found.get("ready") == "partial"
    assert found.get("they were “ready") == "mixed" or "mixed" in found.values()


def test_english_quote_carrying_on_a_clause_is_partial() -> None:
    doc = extract("Dan Moore warned the project “would continue without them”.")
    assert kinds(doc).get("would continue without them") == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Ruth Adams called the proposal “a costly mistake”.",
        "Ruth Adams described the deal as “a costly mistake”.",
    ],
)
def test_english_characterisations_are_partial(text: str) -> None:
    assert kinds(extract(text)).get("a costly mistake") == "partial"


def test_english_subject_first_frame_with_an_unknown_verb() -> None:
    doc = extract("The vote was close. “This is a big win for all of us,” Dana Reyes beamed after the count.")
    assert kinds(doc).get("This is a big win for all of us") == "direct"
    assert "Reyes" in (speaker_of(doc, "This is a big win for all of us") or "")


def test_english_answer_right_after_an_earlier_quoted_term() -> None:
    doc = extract(
        "He coined a “new motto”: “We will build it ourselves, and we will build it to last.” The crowd cheered."
    )
    assert kinds(doc).get("We will build it ourselves, and we will build it to last") == "direct"


# ------------------------------------------------------------------ marks and brackets


def test_a_closing_mark_after_a_space_before_a_comma_closes() -> None:
    # scraped text: „… stellt ", zitiert X — the ASCII mark closes the quote, it opens nothing
    doc = extract(
        '„Das ist mehr Andrang, als wir an einem Sonntag je gesehen haben ", zitiert die Zeitung den Wirt. '
        "Später wurde es ruhiger, und die Stadt nannte die Lage „entspannt“."
    )
    texts = [quote.text for quote in doc.quotes]
    assert any(text.startswith("Das ist mehr Andrang") and "Später" not in text for text in texts)


def test_german_quote_in_brackets_after_a_name() -> None:
    doc = extract(
        "Viele gratulierten, darunter die Ministerin Petra Albers („Wir freuen uns mit ihr über diesen Preis.“) "
        "und der Bürgermeister."
    )
    assert kinds(doc).get("Wir freuen uns mit ihr über diesen Preis") == "direct"
    assert "Albers" in (speaker_of(doc, "Wir freuen uns mit ihr über diesen Preis") or "")


def test_german_source_phrase_naming_who_speaks_before_the_quote() -> None:
    doc = extract("Das Problem wird laut Weber „auch im nächsten Jahr bestehen bleiben“.")
    assert kinds(doc).get("auch im nächsten Jahr bestehen bleiben") == "direct"


def test_german_slogans_after_an_utterance_noun_and_joined_by_oder() -> None:
    doc = extract(
        "Die Menge zog mit Transparenten durch die Stadt und rief Sprechchöre wie „Hände weg vom Stadtpark“ "
        "oder „Bäume statt Beton“. Danach löste sich der Zug auf."
    )
    found = kinds(doc)
    assert found.get("Hände weg vom Stadtpark") == "direct"
    assert found.get("Bäume statt Beton") == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "The plant closed in May.\n\n'Nobody Saw It Coming.'\n\nWorkers gathered at the gate on Monday.",
        "In his memoir, “A Long Road Home,” the senator described his childhood on a farm.",
        "She told the hosts of “Good Morning Valley,” that the vote was close.",
    ],
)
def test_english_subheadings_and_titles_are_not_direct_quotes(text: str) -> None:
    assert "direct" not in kinds(extract(text)).values()


def test_english_relative_clause_between_speaker_and_cue_is_no_report() -> None:
    doc = extract(
        "Board member Ann Ruiz, who voted against the plan, said the budget rested on hopeful numbers."
    )
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text == "the budget rested on hopeful numbers"
    assert quote.speaker is not None
    assert "Ruiz" in quote.speaker.name


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Lena Ortiz told reporters after the council meeting on Tuesday.",
        "The senator assured the two donors at a dinner in the capital.",
    ],
)
def test_english_addressee_without_a_clause_reports_nothing(text: str) -> None:
    # the phrase after "told" or "assured" is whom it was said to, not what was said
    assert [q for q in extract(text).quotes if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Mayor Lena Ortiz told reporters she would not run again.", "she would not run again"),
        (
            "Mayor Lena Ortiz told the city's reporters they’d get the figures soon.",
            "they’d get the figures soon",
        ),
        ("Mayor Lena Ortiz told reporters that the bridge would reopen.", "that the bridge would reopen"),
    ],
)
def test_english_report_after_the_addressee(text: str, reported: str) -> None:
    (quote,) = [q for q in extract(text).quotes if q.kind == "indirect"]
    assert quote.text == reported
    assert speaker_of(extract(text), reported) == "Lena Ortiz"


def test_english_headline_verb_of_showing_after_a_comma_frames_nothing() -> None:
    # "…, signals cuts" has no subject: the comma joins two predicates of one headline
    doc = extract("Central bank holds rates steady, signals cuts later this year")
    assert doc.quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "The port authority said on Monday it would close the pier.",
        "The port authority said in a statement it would close the pier.",
        "The port authority said Tuesday it would close the pier.",
        "The port authority said last week it would close the pier.",
    ],
)
def test_english_report_after_a_time_or_place_phrase(text: str) -> None:
    (quote,) = [q for q in extract(text).quotes if q.kind == "indirect"]
    assert quote.text == "it would close the pier"
    assert quote.speaker is not None
    assert quote.speaker.name == "The port authority"


def test_english_inverted_frame_after_a_quote_reports_nothing_more() -> None:
    doc = extract('"We think the plan is sound," said Nora Blake, an analyst at Brightwater. "It will work."')
    assert {q.kind for q in doc.quotes} == {"direct"}
    assert {q.speaker.name for q in doc.quotes if q.speaker is not None} == {"Nora Blake"}


def test_english_quoted_words_in_a_report_speak_with_its_speaker() -> None:
    doc = extract('Chief executive Nora Blake told analysts that the firm had to "get leaner" soon.')
    (partial,) = [q for q in doc.quotes if q.kind == "partial"]
    assert partial.speaker is not None
    assert partial.speaker.name == "Nora Blake"


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        (
            "Wie die Polizei am Abend berichtete, wurden bei dem Unfall zwei Menschen verletzt.",
            "wurden bei dem Unfall zwei Menschen verletzt",
            "die Polizei",
        ),
        (
            "As the harbour master said on Monday, the pier will stay closed until spring.",
            "the pier will stay closed until spring",
            "the harbour master",
        ),
    ],
)
def test_an_as_frame_before_the_main_clause_reports_it(text: str, reported: str, speaker: str) -> None:
    (quote,) = [q for q in extract(text).quotes if q.kind == "indirect"]
    assert quote.text == reported
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == speaker


def test_an_as_frame_needs_a_speech_verb() -> None:
    assert extract("Wie erwartet, fiel die Entscheidung im Stadtrat am Ende knapp aus.").quotes == ()


def test_german_particle_verbs_written_as_one_word_at_the_clause_end() -> None:
    doc = extract("Wie ein Sprecher der Stadtwerke mitteilte, bleibt die Brücke bis Freitag gesperrt.")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text == "bleibt die Brücke bis Freitag gesperrt"
    assert quote.cue is not None
    assert quote.cue.text == "mitteilte"


def test_english_apposition_before_the_verb_is_no_reported_clause() -> None:
    doc = extract("Brown, the governor of the state, hinted that he would sign the bill.")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.text == "that he would sign the bill"


@pytest.mark.parametrize(
    ("text", "kinds_found"),
    [
        ("In a statement, the ministry said it regretted the delay.", {"it regretted the delay": "indirect"}),
        ("Asked whether he would run again, Biden said: “Watch me.”", {"Watch me": "direct"}),
    ],
)
def test_english_fronted_phrase_before_a_frame_that_opens_its_report(
    text: str, kinds_found: dict[str, str]
) -> None:
    assert kinds(extract(text)) == kinds_found


@pytest.mark.parametrize(
    ("text", "kinds_found"),
    [
        # a subject, a name in apposition, the verb and its object: no inverted frame
        (
            "Der Leiter des Gesundheitsamts, Jens Albrecht, nannte die Zahlen „besorgniserregend“.",
            {"besorgniserregend": "direct"},
        ),
        (
            "Die Sprecherin der Stadtwerke in Kassel, Ilse Brandt, sagte am Dienstag: „Wir bauen weiter.“",
            {"Wir bauen weiter": "direct"},
        ),
        # … with a relative clause instead of the name
        (
            "Paula Kern, die seit Jahren im Stadtrat sitzt, sagte am Montag: „Das reicht nicht.“",
            {"Das reicht nicht": "direct"},
        ),
        (
            "Tom Reyes, the mayor of Eastbrook, said the pool would reopen in June.",
            {"the pool would reopen in June": "indirect"},
        ),
        (
            "Mira Osei, who chairs the water board, said the pipes were sound.",
            {"the pipes were sound": "indirect"},
        ),
    ],
)
def test_a_subject_with_its_apposition_is_no_reported_clause(text: str, kinds_found: dict[str, str]) -> None:
    assert kinds(extract(text)) == kinds_found


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        # the clause before the tail frame has its own predicate: the inverted frame stands
        (
            "Der Mann, der geflohen sei, habe das Geld genommen, sagte die Zeugin.",
            "Der Mann, der geflohen sei, habe das Geld genommen",
            "die Zeugin",
        ),
        (
            "The bridge, which opened in May, will close again, the council said.",
            "The bridge, which opened in May, will close again",
            "the council",
        ),
        (
            "Mehr Geld, mehr Personal, bessere Schulen, forderte die Gewerkschaft.",
            "Mehr Geld, mehr Personal, bessere Schulen",
            "Gewerkschaft",
        ),
    ],
)
def test_an_inverted_frame_after_a_clause_with_commas_stands(text: str, reported: str, speaker: str) -> None:
    (quote,) = [q for q in extract(text).quotes if q.kind == "indirect"]
    assert quote.text == reported
    assert quote.speaker is not None
    assert speaker in quote.speaker.name


@pytest.mark.parametrize(
    "text",
    [
        # the frame's colon announces the quote after it: the clause before it reports nothing
        "Als der Zug endlich mit drei Stunden Verspätung einfuhr, rief der Schaffner laut: „Alles aussteigen!“",
        "When the lights finally came back on after an hour, the manager said calmly: “Stay seated.”",
    ],
)
def test_a_frame_with_a_colon_after_it_is_no_inverted_tail_frame(text: str) -> None:
    assert {q.kind for q in extract(text).quotes} == {"direct"}


@pytest.mark.parametrize(
    "text",
    [
        # the speech verb of a relative or subordinate clause reports no speech act of the sentence
        (
            "Landrätin Ute Brink, die nach dem Sturm im vorigen Herbst monatelang in der Kritik gestanden"
            " hatte, eröffnete die Brücke."
        ),
        (
            "Die Polizei fand den Mann, der die Tat nach langem Schweigen vor dem Richter in Lyon gestand, in"
            " einem Hotel."
        ),
    ],
)
def test_a_speech_verb_in_an_embedded_clause_reports_nothing(text: str) -> None:
    assert extract(text).quotes == ()


def test_a_speech_verb_of_the_main_clause_still_reports_the_act() -> None:
    doc = extract("Die Ärztin, die das Haus verlassen hatte, warnte vor einer neuen Welle.")
    (quote,) = doc.quotes
    assert quote.kind == "indirect"
    assert quote.speaker is not None
    assert "Ärztin" in quote.speaker.name


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        # the source behind a document (from / by) speaks; phrases attached to it are no report
        (
            "The pool stays shut until June, according to a notice from the Eastbrook parks office.",
            "The pool stays shut until June",
            "Eastbrook parks office",
        ),
        (
            "According to a survey by the Harbour Trust, most boats are insured.",
            "most boats are insured",
            "Harbour Trust",
        ),
        (
            "The ferry will run twice a day, according to a spokeswoman for the operator.",
            "The ferry will run twice a day",
            "spokeswoman",
        ),
    ],
)
def test_english_source_phrase_reads_the_source_behind_a_document(
    text: str, reported: str, speaker: str
) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported
    assert quote.speaker is not None
    assert speaker in quote.speaker.name


@pytest.mark.parametrize(
    ("text", "reported", "source"),
    [
        # a source phrase that names no one: an article or adjectives, then the noun
        (
            "Laut offiziellen Zahlen kamen im Sommer mehr Touristen als je zuvor.",
            "kamen",
            "offiziellen Zahlen",
        ),
        (
            "Laut einer Umfrage unter Lehrern fehlen an vielen Schulen Informatiker.",
            "fehlen",
            "einer Umfrage unter Lehrern",
        ),
        # a genitive or "von" phrase belongs to the source
        (
            "Laut einer Erhebung des Statistikamts stiegen die Mieten um vier Prozent.",
            "stiegen die Mieten",
            "einer Erhebung des Statistikamts",
        ),
        (
            "According to early estimates, the storm cut power to 40,000 homes.",
            "the storm cut power",
            "early estimates",
        ),
        (
            "Turnout fell to a record low, according to provisional results.",
            "Turnout fell",
            "provisional results",
        ),
    ],
)
def test_a_source_phrase_naming_no_one_still_reports(text: str, reported: str, source: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.kind == "indirect"
    assert quote.text.startswith(reported)
    assert quote.speaker is not None
    assert quote.speaker.name == source


@pytest.mark.parametrize(
    ("text", "parts", "source"),
    [
        (
            "Drei Gebäude wurden laut ersten Berichten schwer beschädigt.",
            ["Drei Gebäude wurden", "schwer beschädigt"],
            "ersten Berichten",
        ),
        ("Alle sind laut BBC britische Staatsbürger.", ["Alle sind", "britische Staatsbürger"], "BBC"),
        # the subject before the source is report, not who speaks
        (
            "Der Verdächtige wurde nach Angaben von Interpol in Spanien gefasst.",
            ["Der Verdächtige wurde", "in Spanien gefasst"],
            "Interpol",
        ),
        # a compound source names itself; the phrase after it is the report's object
        (
            "Die Saison hat nach Polizeiangaben einen weiteren Toten gefordert.",
            ["Die Saison hat", "einen weiteren Toten gefordert"],
            "Polizeiangaben",
        ),
    ],
)
def test_a_source_phrase_inside_the_clause_reports_both_parts(
    text: str, parts: list[str], source: str
) -> None:
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == parts
    assert all(q.speaker is not None and q.speaker.name == source for q in quotes)


@pytest.mark.parametrize(
    ("text", "reported", "holder"),
    [
        # a view held: the noun after its article, a comma, a dass-clause or a clause in Konjunktiv
        (
            "Der Mieterbund ist der Auffassung, dass die Nebenkosten zu hoch angesetzt wurden.",
            "dass die Nebenkosten zu hoch angesetzt wurden",
            "Mieterbund",
        ),
        (
            "Die Bürgermeisterin vertritt die Ansicht, der Neubau sei nicht mehr zu stoppen.",
            "der Neubau sei nicht mehr zu stoppen",
            "Bürgermeisterin",
        ),
    ],
)
def test_a_view_held_reports_its_clause(text: str, reported: str, holder: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported
    assert quote.speaker is not None
    assert holder in quote.speaker.name


@pytest.mark.parametrize(
    "text",
    [
        "Meiner Meinung nach ist der Neubau zu teuer geraten.",
        "Die Meinung der Anwohner spielte bei der Planung des Neubaus keine Rolle.",
    ],
)
def test_an_opinion_noun_without_its_clause_reports_nothing(text: str) -> None:
    assert extract(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        # verbs in -ern and strong participles, as German writes them
        (
            "Die Pflegekräfte fordern, dass die Zuschläge steigen.",
            "dass die Zuschläge steigen",
            "Pflegekräfte",
        ),
        (
            "Die Anwohner äußern, der Lärm sei kaum noch zu ertragen.",
            "der Lärm sei kaum noch zu ertragen",
            "Anwohner",
        ),
        (
            "Der Landrat hatte versprochen, die Kreisstraße bis zum Herbst zu sanieren.",
            "die Kreisstraße bis zum Herbst zu sanieren",
            "Landrat",
        ),
        (
            "Die Direktorin hatte betont, die Schule bleibe geöffnet.",
            "die Schule bleibe geöffnet",
            "Direktorin",
        ),
    ],
)
def test_german_cue_verb_forms(text: str, reported: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported
    assert quote.speaker is not None
    assert speaker in quote.speaker.name


def test_german_subject_before_the_verb_after_a_comma_is_no_tail_frame() -> None:
    (quote,) = extract("Der Trainer sagte, er glaube fest an den Klassenerhalt.").quotes
    assert quote.text == "er glaube fest an den Klassenerhalt"
    assert quote.speaker is not None
    assert "Trainer" in quote.speaker.name


def test_german_separable_holen_wieder_is_no_cue() -> None:
    assert extract("Am Abend holte der Nachbar seine Leiter wieder.").quotes == ()


@pytest.mark.parametrize(
    ("text", "parts", "speaker"),
    [
        # a frame between commas inside the report: both parts are reported, each a quote
        (
            "Der Ausbau der Strecke, so der Verkehrsminister am Montag, werde mindestens drei Jahre dauern.",
            ["Der Ausbau der Strecke", "werde mindestens drei Jahre dauern"],
            "Verkehrsminister",
        ),
        (
            "The new stadium, the mayor said on Friday, will open in the spring of next year.",
            ["The new stadium", "will open in the spring of next year"],
            "mayor",
        ),
        # a part may be short: the frame vouches for it
        ("Die Lage, so Müller, sei ernst.", ["Die Lage", "sei ernst"], "Müller"),
        (
            "Paris, London und Rom, sagte er, seien zu teuer geworden.",
            ["Paris, London und Rom", "seien zu teuer geworden"],
            "er",
        ),
    ],
)
def test_an_inserted_frame_reports_both_parts(text: str, parts: list[str], speaker: str) -> None:
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == parts
    for quote in quotes:
        assert quote.speaker is not None
        assert speaker in quote.speaker.name


@pytest.mark.parametrize(
    "text",
    [
        # after a direct quote's frame, an apposition or a clause of the narrative is no report
        "“We will appeal,” said Nora Quist, the firm's lawyer, after the hearing.",
        "„Wir gehen in Berufung“, sagte Nora Quist, die Anwältin der Firma, nach der Anhörung.",
        # a relative clause between commas is no frame
        "The clerk, who said nothing at all, closed the office early on Monday.",
    ],
)
def test_no_inserted_frame_after_a_quote_or_in_a_relative_clause(text: str) -> None:
    assert {q.kind for q in extract(text).quotes} <= {"direct"}


@pytest.mark.parametrize(
    ("text", "reported", "source"),
    [
        # an impersonal frame: the source phrase before it speaks, or no one
        (
            "Aus dem Rathaus hieß es, man prüfe noch die Kosten.",
            "man prüfe noch die Kosten",
            "dem Rathaus",  # who speaks, without the preposition (as after the verb)
        ),
        ("Am Abend hieß es dann, der Zug sei ausgefallen.", "der Zug sei ausgefallen", None),
    ],
)
def test_an_impersonal_frame_reports_its_clause(text: str, reported: str, source: str | None) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported
    if source is None:
        assert quote.speaker is None
    else:
        assert quote.speaker is not None
        assert quote.speaker.name.startswith(source)


def test_an_impersonal_frame_does_not_take_the_last_speaker() -> None:
    doc = extract("„Wir fahren morgen“, sagte die Sprecherin. Später hieß es, der Zug sei ausgefallen.")
    (quote,) = [q for q in doc.quotes if q.kind == "indirect"]
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # Konjunktiv I of a verb the table does not list: its -e form after er/sie/es/man
        ("Der Stadtrat erklärte am Abend, man prüfe alle Einsprüche.", "man prüfe alle Einsprüche"),
        ("Die Reederei teilte mit, sie plane keine weiteren Fahrten.", "sie plane keine weiteren Fahrten"),
    ],
)
def test_konjunktiv_of_any_verb_after_a_pronoun(text: str, reported: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a quantity right after "said" opens the clause
        ("Fire officials said nearly 300 homes were without power.", "nearly 300 homes were without power"),
        ("The agency said about a third of the loans had failed.", "about a third of the loans had failed"),
        # an addressee, then a clause opened by an article
        ("The coach told players the season was over.", "the season was over"),
    ],
)
def test_english_clause_after_said_opened_by_a_quantity_or_after_an_addressee(
    text: str, reported: str
) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported


def test_english_addressee_then_a_place_reports_nothing() -> None:
    assert extract("The coach told players at the club about his plans for the summer.").quotes == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an auxiliary ends the speaker's phrase before its verb
        ("The nurses are warning that the wards will close.", "The nurses"),
        ("Both councils were arguing that the road was unsafe.", "Both councils"),
    ],
)
def test_english_auxiliary_ends_the_speaker_phrase(text: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        # an impersonal frame before a zu-infinitive or a clause in the indicative is an idiom
        "Nun heißt es, die Daumen zu drücken.",
        "Das heißt es eben, wenn man älter wird.",
        # a pronoun that does not open the clause marks no Konjunktiv
        "Er glaubt, weil sie müde war, an einen Zufall.",
        # a view the subject does not hold
        "Sie widmete sich der Meinung, dass alles gut werde, nur am Rande.",
    ],
)
def test_idioms_and_views_not_held_report_nothing(text: str) -> None:
    assert extract(text).quotes == ()


def test_english_said_with_a_counted_object_reports_nothing() -> None:
    assert extract("He spoke for hours and said only two words.").quotes == ()


def test_english_source_phrase_of_one_word_is_no_source() -> None:
    assert extract("According to tradition, the bride wears white.").quotes == ()


def test_german_adverb_da_before_the_verb_is_a_main_clause() -> None:
    (quote,) = extract("Da warnte Ilse Brandt vor einem harten Winter.").quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "Ilse Brandt"


@pytest.mark.parametrize(
    "text",
    [
        # a cue verb with an object, not a clause, reports nothing
        "The dairy recalled its cheeses on Monday after a routine test.",
        "Mara Lind saw the new museum for the first time in 2004.",
    ],
)
def test_english_cue_verb_with_a_bare_object_reports_nothing(text: str) -> None:
    assert extract(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # contracted and irregular finite verbs make a clause
        ("He said there’s no money left for the project.", "there’s no money left for the project"),
        ("She said he’d back the plan in a vote.", "he’d back the plan in a vote"),
        ("Officials said the bridge reopened on Monday.", "the bridge reopened on Monday"),
        ("The coach said the team won without its captain.", "the team won without its captain"),
    ],
)
def test_english_clause_after_said_with_any_finite_verb(text: str, reported: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        (
            "Der Stausee wird im Frühjahr abgelassen. Das kündigte die Betreibergesellschaft am Dienstag an.",
            "Der Stausee wird im Frühjahr abgelassen",
            "die Betreibergesellschaft",
        ),
        (
            "Die Schule bleibt bis Ostern geschlossen. Dies bestätigte Schulleiterin Ines Vogt am Abend.",
            "Die Schule bleibt bis Ostern geschlossen",
            "Ines Vogt",
        ),
        (
            "Der Prozess beginnt erst im Herbst. Das hat ein Gerichtssprecher inzwischen bestätigt.",
            "Der Prozess beginnt erst im Herbst",
            "ein Gerichtssprecher",
        ),
        (
            "Hamburg (dpa) - Die Fähre fällt wegen Sturms aus. Das teilte die Reederei mit.",
            "Die Fähre fällt wegen Sturms aus",
            "die Reederei",
        ),
    ],
)
def test_german_back_reference_makes_the_sentence_before_a_report(
    text: str, reported: str, speaker: str
) -> None:
    (quote,) = extract(text).quotes
    assert (quote.text, quote.kind) == (reported, "indirect")
    assert speaker_of(extract(text), reported) is not None
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text.endswith(speaker.rsplit(maxsplit=1)[-1])


@pytest.mark.parametrize(
    "text",
    [
        # no speech verb, or the demonstrative is an article, or a paragraph lies between
        "Die Brücke bleibt gesperrt. Das sagte nichts über die Kosten aus.",
        "Die Brücke bleibt gesperrt. Das gefiel nicht allen Anwohnern.",
        "Die Brücke bleibt gesperrt.\n\nDas teilte die Stadt am Montag mit.",
    ],
)
def test_german_back_reference_without_a_report(text: str) -> None:
    assert [q.text for q in extract(text).quotes if q.text.startswith("Die Brücke")] == []
    assert all(
        q.speaker is None or q.speaker.name.casefold() not in {"das", "dies"} for q in extract(text).quotes
    )


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "WASHINGTON (Reuters) - The bridge will stay closed until May, the mayor said.",
            "The bridge will stay closed until May",
        ),
        (
            "BEDFORD, N.H. (AP) — The ferry will not run this week, officials said.",
            "The ferry will not run this week",
        ),
        (
            "Wien (APA) – Die Fähre fällt bis Freitag aus, sagte ein Sprecher der Reederei.",
            "Die Fähre fällt bis Freitag aus",
        ),
    ],
)
def test_an_agency_dateline_is_not_part_of_the_report(text: str, reported: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported


@pytest.mark.parametrize(
    ("text", "reported", "speaker"),
    [
        # "wonach" refers back to the source before its comma; the words after it are the report
        (
            "Der Verband verwies auf eine Umfrage, wonach die meisten Mitglieder den Plan ablehnen.",
            "die meisten Mitglieder den Plan ablehnen",
            None,
        ),
        # hieß es aus/vom X: X speaks (the preposition is no part of the speaker)
        (
            "Die Lage sei unter Kontrolle, hieß es vom Landratsamt.",
            "Die Lage sei unter Kontrolle",
            "Landratsamt",
        ),
        (
            "Die Gespräche seien gescheitert, hieß es aus Verhandlungskreisen.",
            "Die Gespräche seien gescheitert",
            "Verhandlungskreisen",
        ),
    ],
)
def test_german_source_words_that_point_elsewhere(text: str, reported: str, speaker: str | None) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == reported
    if speaker is not None:
        assert speaker_of(extract(text), reported) == speaker


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Parteivize Jonas Kramer sagte, die Lage sei ernst.", "Jonas Kramer", "Parteivize"),
        ("Die Virologin Karla Neumann sagte, die Welle sei vorbei.", "Karla Neumann", "Virologin"),
        ("Historiker Paul Brandt sagte, der Vergleich sei schief.", "Paul Brandt", "Historiker"),
    ],
)
def test_german_role_words_by_their_ending(text: str, name: str, role: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert quote.speaker.role is not None
    assert quote.speaker.role.endswith(role)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # a second verb of the same subject frames a report of its own; the first ends before it
        (
            "The weather service said the worst was over, but warned that more rain could fall on Monday.",
            ["the worst was over", "that more rain could fall on Monday"],
        ),
        (
            "The council said the bridge was safe and added that repairs would start in May.",
            ["the bridge was safe", "that repairs would start in May"],
        ),
        # a clause after "said his neighbour" is the neighbour's street, not an inverted frame
        ("Resident Tom Hale, 67, said his street had been badly hit.", ["his street had been badly hit"]),
    ],
)
def test_english_reports_of_coordinated_verbs_and_clauses_after_said(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text).quotes] == reports


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an adjective of a body's name comes with it (des Deutschen Bauernverbands)
        (
            "Man habe ein faires Angebot vorgelegt, sagte ein Sprecher des Kommunalen Arbeitgeberverbands.",
            "ein Sprecher des Kommunalen Arbeitgeberverbands",
        ),
        (
            "Eine Sprecherin der Europäischen Zentralbank sagte, die Zinsen blieben vorerst hoch.",
            "Eine Sprecherin der Europäischen Zentralbank",
        ),
        # a name in apposition still names the person
        (
            "Die Sprecherin der Europäischen Zentralbank, Anna Roth, sagte, die Zinsen blieben hoch.",
            "Anna Roth",
        ),
    ],
)
def test_german_role_with_the_genitive_of_a_named_body(text: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a role subject right after the fronted verb reports the speech act, as a name does
        ("Da warnte die Ministerin vor einem harten Winter.", "die Ministerin"),
        ("Am Abend sprach der Kanzler von einem großen Erfolg.", "der Kanzler"),
    ],
)
def test_german_speech_act_with_a_role_after_a_fronted_verb(text: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == text.rstrip(".")
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a source phrase of the subject's own names the subject, wherever the phrase stands
        ("Die Feuerwehr hat nach eigenen Angaben die halbe Halle abgesucht.", "Feuerwehr"),
        ("Nach eigenen Angaben verkaufte der Konzern mehr Autos als je zuvor.", "der Konzern"),
        ("The bakery sold more bread than ever, according to its own figures.", "The bakery"),
        ("According to its own count, the union lost members for a third year.", "the union"),
    ],
)
def test_a_source_of_ones_own_is_the_subject(text: str, speaker: str) -> None:
    quotes = extract(text).quotes
    assert quotes
    for quote in quotes:
        assert quote.speaker is not None
        assert quote.speaker.mention is not None
        assert quote.speaker.mention.text.endswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        # a back reference with a verb that disputes, explains or is negated reports nothing before it
        "Der Minister hat Geld angenommen. Das bestritt der Minister am Abend.",
        "Die Halle bleibt geschlossen. Das sagte er nicht.",
        "Die Halle bleibt geschlossen. Das bestätigte sich am Abend.",
        "Müller lehnte den Vorschlag ab. Das begründete er mit den hohen Kosten.",
    ],
)
def test_german_back_reference_that_does_not_repeat_what_was_said(text: str) -> None:
    first = text.split(". ", 1)[0]
    assert all(not q.text.startswith(first[:12]) for q in extract(text).quotes)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # the back-reference sentence keeps what it reports after its own cue
        (
            "Die Lage ist ernst.\n\nDas sagte der Minister am Montag und fügte hinzu, die Steuern würden steigen.",
            ["die Steuern würden steigen"],
        ),
        # a second verb inside the report is no second report of the outer speaker
        (
            "Police said the gunman entered the store and told customers to lie on the floor.",
            ["the gunman entered the store and told customers to lie on the floor"],
        ),
        (
            "Die Polizei sagte, der Täter schrie die Kunden an und drohte, die Bank anzuzünden.",
            ["der Täter schrie die Kunden an und drohte, die Bank anzuzünden"],
        ),
        (
            "Witnesses said the driver left the car and shouted that he had a gun.",
            ["the driver left the car and shouted that he had a gun"],
        ),
    ],
)
def test_coordinated_verbs_inside_and_outside_a_report(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text).quotes] == reports


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Experten sagten, die Lage sei ernst, und warnten, die Regierung habe versagt.",
            ["Experten", "Experten"],
        ),
        (
            "Anwohner berichteten, der Keller sei überflutet, und fügten hinzu, sie hätten Angst.",
            ["Anwohner", "Anwohner"],
        ),
    ],
)
def test_the_first_of_two_coordinated_reports_keeps_its_subject(text: str, speakers: list[str]) -> None:
    assert [speaker_of(extract(text), q.text) for q in extract(text).quotes] == speakers


def test_a_paragraph_break_hands_a_quote_only_to_a_name_opening_its_sentence() -> None:
    text = (
        "„Wir sind bereit“, sagte Trainerin Anna Müller.\n\n"
        "Ihr Team schlug in der letzten Saison Real Madrid. „Das schaffen wir wieder.“"
    )
    assert speaker_of(extract(text), "Das schaffen wir wieder") == "Anna Müller"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a neuter demonstrative opening the sentence is a fact, not a speaker
        ("Das erklärt, warum die Preise so stark steigen.", []),
        ("Dies zeigt, dass die Reform tatsächlich wirkt.", []),
        # the demonstrative before an inverted subject is the back reference, not the speaker
        ("Die Lage ist ernst. Das sagte die Ministerin am Montag.", ["Die Lage ist ernst"]),
    ],
)
def test_german_demonstratives_as_speakers(text: str, expected: list[str]) -> None:
    assert [q.text for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [
        # a naming verb's quoted noun is the speaker's word for the thing, not its name
        ("Müller nannte die Pläne „Geldverschwendung“.", "Geldverschwendung", "Müller"),
        (
            "Die Grünen nannten den Entwurf „Mogelpackung“ und kündigten Widerstand an.",
            "Mogelpackung",
            "Grünen",
        ),
    ],
)
def test_german_naming_verb_with_a_quoted_noun(text: str, word: str, speaker: str) -> None:
    assert speaker_of(extract(text), word) == speaker


def test_german_reflexive_naming_is_a_name() -> None:
    assert extract("Der Verein nennt sich seit Jahren „Die Blauen“.").quotes == ()


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # a clause in Konjunktiv after a colon is what the subject before it said
        (
            "Die Senatorin zeigte sich zuversichtlich: Der Hafen habe eine Zukunft.",
            ["Der Hafen habe eine Zukunft"],
        ),
        (
            "Der Minister erklärte: Man werde die Steuern nicht erhöhen.",
            ["Man werde die Steuern nicht erhöhen"],
        ),
        # in the indicative it is the writer's
        ("Die Lage ist klar: Der Hafen hat eine Zukunft.", []),
    ],
)
def test_german_konjunktiv_after_a_colon(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text).quotes] == reports


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # verbs of speaking with a mood (schimpfte, witzelte, bedauerte) frame quotes too
        ("„Das ist ein Skandal“, schimpfte Anwohner Karl Huber (67).", "Karl Huber", "Anwohner"),
        ("„Wir schaffen das“, witzelte Trainerin Eva Roth.", "Eva Roth", "Trainerin"),
        ("Die Lage sei ernst, bedauerte Händlerin Ina Scholz.", "Ina Scholz", "Händlerin"),
    ],
)
def test_german_verbs_of_speaking_with_a_mood(text: str, speaker: str, role: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # a name set off by commas after the speaker's role: the clause opens after the name
        (
            "Am Montag sagte der Leiter der Kriminalpolizei, Andreas Huber, dass der Wagen gefunden worden sei.",
            "dass der Wagen gefunden worden sei",
            "Andreas Huber",
        ),
        (
            "Am Montag sagte die Sprecherin des Amtes, Maria von Berg, die Lage sei ernst.",
            "die Lage sei ernst",
            "Maria von Berg",
        ),
        # … and a separable verb's particle after it (gab …, Andreas Huber, bekannt, dass …)
        (
            "Jetzt gab der Leiter der Kriminalpolizei, Andreas Huber, bekannt, dass der Wagen gefunden wurde.",
            "dass der Wagen gefunden wurde",
            "Andreas Huber",
        ),
        (
            "Am Dienstag teilte die Sprecherin der Stadt, Anna Maria Schulz, mit, die Brücke bleibe gesperrt.",
            "die Brücke bleibe gesperrt",
            "Anna Maria Schulz",
        ),
    ],
)
def test_german_speaker_with_a_name_in_apposition(text: str, report: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == report
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


def test_german_single_capitalised_word_after_the_role_is_no_apposition() -> None:
    # one word between commas may open a list that is the report's subject
    (quote,) = extract("Gestern erklärte der Chef, Paris, Berlin und Rom seien sich einig.").quotes
    assert quote.text == "Paris, Berlin und Rom seien sich einig"


@pytest.mark.parametrize(
    "text",
    [
        "Die Gewerkschaft bekundete, dass die Daten leicht zugänglich gewesen seien.",
        "Der Konzern stritt ab, dass Kunden betroffen seien.",
        "Die Ministerin deutete an, dass sie erneut kandidieren werde.",
        "Der Trainer räumte ein und gestand ein, dass die Mannschaft müde gewesen sei.",
        "Der Anwalt plädierte dafür, dass das Verfahren eingestellt werde.",
        "Die Opposition rügte, dass der Haushalt zu spät vorgelegt worden sei.",
    ],
)
def test_german_further_verbs_of_speaking(text: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.kind == "indirect"
    assert quote.text.startswith("dass ")


@pytest.mark.parametrize(
    "text",
    [
        # the same verbs in their other senses report nothing
        "Zum Zeitpunkt des Unglücks befand sich die Künstlerin in New York.",
        "Der Pilot entschied sich daher für eine Notlandung.",
        "Onkel Paul hielt ihre Hand fest.",
    ],
)
def test_german_verbs_of_other_senses_report_nothing(text: str) -> None:
    assert extract(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # after a report, a sentence of hearsay (soll … haben / sein) goes on reporting
        (
            "Die Polizei teilte mit, der Fahrer sei geflohen. Er soll zuvor getrunken haben.",
            ["der Fahrer sei geflohen", "Er soll zuvor getrunken haben"],
        ),
        # … and so does a Konjunktiv II plural standing in for the indicative (hätten for haben)
        (
            "Laut einem Sprecher sollen 50 Menschen verletzt worden sein. Viele Bewohner hätten angestanden.",
            ["sollen 50 Menschen verletzt worden sein", "Viele Bewohner hätten angestanden"],
        ),
        # right after a report, "soll" among a sentence's first words goes on with it: the plan is
        # the speaker's (wikinews-de: most such sentences are annotated as the report's)
        (
            "Der Minister sagte, die Brücke sei marode. Sie soll 2027 fertig werden.",
            ["die Brücke sei marode", "Sie soll 2027 fertig werden"],
        ),
        # … but on its own, or after a sentence of narration, "soll" of a plan reports nothing
        ("Die Brücke soll 2027 fertig werden.", []),
        (
            "Der Minister sagte, die Brücke sei marode. Sie wurde 1962 gebaut. Sie soll 2027 fertig werden.",
            ["die Brücke sei marode"],
        ),
        # a Konjunktiv I opening a sentence goes on after one sentence of narration …
        (
            "Der Trainer sagte, die Mannschaft sei bereit. Am Samstag spielt sie in Köln. Das Stadion sei ausverkauft.",
            ["die Mannschaft sei bereit", "Das Stadion sei ausverkauft"],
        ),
        # … not after two, nor across a paragraph
        (
            "Der Trainer sagte, die Mannschaft sei bereit. Sie spielt in Köln. Dort regnet es. Das Stadion sei voll.",
            ["die Mannschaft sei bereit"],
        ),
        (
            "Der Trainer sagte, die Mannschaft sei bereit. Am Samstag spielt sie in Köln.\n\nDas Stadion sei ausverkauft.",
            ["die Mannschaft sei bereit"],
        ),
    ],
)
def test_german_hearsay_and_konjunktiv_ii_go_on_reporting(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text).quotes] == reports


@pytest.mark.parametrize(
    ("text", "report", "mention", "speaker"),
    [
        # a report in a relative clause: the pronoun is the mention, its antecedent the speaker
        (
            "The plan was backed by Senator Jane Holt, who said that the cuts would hurt rural schools.",
            "that the cuts would hurt rural schools",
            "who",
            "Jane Holt",
        ),
        # inside the subject, the report ends where the main clause goes on
        (
            "Mayor Tom Reyes, who warned last week that the budget was unsustainable, voted against the plan.",
            "that the budget was unsustainable",
            "who",
            "Tom Reyes",
        ),
        # appositions between the name and the pronoun: a place is not the antecedent
        (
            "The plan was praised by Alan Berger, a doctor from Englewood, New Jersey, who said he liked it.",
            "he liked it",
            "who",
            "Alan Berger",
        ),
        (
            "Kritik kam von Ministerin Anna Roth, die am Montag sagte, dass die Kürzungen die Schulen träfen.",
            "dass die Kürzungen die Schulen träfen",
            "die",
            "Anna Roth",
        ),
        (
            "Kritik kam von Ministerin Anna Roth, die sagte, die Kürzungen träfen die Schulen.",
            "die Kürzungen träfen die Schulen",
            "die",
            "Anna Roth",
        ),
    ],
)
def test_report_in_a_relative_clause(text: str, report: str, mention: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == report
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert (quote.speaker.mention.text, quote.speaker.name) == (mention, speaker)


def test_a_relative_clause_before_the_main_frame_is_not_read() -> None:
    # the sentence's own frame speaks: its cue is the main verb, not the relative clause's
    (quote,) = extract("Warren, who has not endorsed a candidate, told reporters she was undecided.").quotes
    assert quote.text == "she was undecided"
    assert quote.speaker is not None
    assert quote.speaker.name == "Warren"


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause after a German speech verb is no report of that verb
        "Der Plan wurde von der Ministerin kritisiert, die sagte, dass sie gehen werde.",
        # a relative clause saying nothing but an object reports nothing
        "The clerk, who said nothing at all, closed the office early on Monday.",
    ],
)
def test_relative_clause_misread_as_a_report(text: str) -> None:
    assert all(not q.text.startswith(("die sagte", "nothing")) for q in extract(text).quotes)


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # a fronted source phrase fills the place before the verb: the name after its noun is its own
        (
            "Nach Angaben des Tourismusverbands Rügen kamen im vergangenen Jahr 1,3 Millionen Gäste.",
            "kamen im vergangenen Jahr 1,3 Millionen Gäste",
        ),
        (
            "Nach einem Bericht des Senders Al-Dschasira ist der Machthaber tot.",
            "ist der Machthaber tot",
        ),
        ("Nach Angaben der Polizei wurden zwei Menschen verletzt.", "wurden zwei Menschen verletzt"),
    ],
)
def test_german_fronted_source_phrase_ends_before_the_verb(text: str, report: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == report


def test_a_pronoun_of_the_other_gender_means_the_person_named_since() -> None:
    text = (
        "„Wir brauchen den Windpark“, sagte Ministerin Katrin Lemke. "
        "Das sieht der Bürgermeister von Binz, Holger Teschke, anders. "
        "Er befürchtet, dass Urlauber ausbleiben."
    )
    quotes = extract(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Katrin Lemke", "Holger Teschke"]


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # a naming verb's object is no clause: a speech verb joined to it reports on its own
        (
            "The association called the decision deeply disappointing and said it was weighing a legal challenge.",
            ["the decision deeply disappointing", "it was weighing a legal challenge"],
        ),
        (
            "Die Gewerkschaft nannte die Entscheidung enttäuschend und sagte, man werde klagen.",
            ["man werde klagen"],
        ),
        (
            "Die Gewerkschaft nannte die Entscheidung enttäuschend und kündigte an, dagegen zu klagen.",
            ["dagegen zu klagen"],
        ),
    ],
)
def test_speech_verb_after_a_naming_verb(text: str, reports: list[str]) -> None:
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == reports
    subject = text.split(" ")[1]  # association, Gewerkschaft: the naming verb's subject speaks
    assert all(q.speaker is not None and subject in q.speaker.name for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the role right after the verb of a colon frame speaks, not a pronoun of the clause before
        (
            "Auf die Frage, ob sie erneut antreten werde, antwortete die Ministerin: „Das entscheide ich im Frühjahr.“",
            "die Ministerin",
        ),
        ("Als er gefragt wurde, ob er zurücktrete, sagte der Minister: „Nein.“", "der Minister"),
    ],
)
def test_german_colon_frame_with_the_role_after_the_verb(text: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "reports", "speaker"),
    [
        # after a direct quote's frame the subject goes on reporting
        (
            '"I don\'t know," she said, adding that she would decide soon.',
            ["I don't know,", "that she would decide soon"],
            "she",
        ),
        (
            '"I don\'t know," she said, and added that she would decide soon.',
            ["I don't know,", "that she would decide soon"],
            "she",
        ),
        (
            "„Ich weiß es nicht“, sagte sie und fügte hinzu, sie werde bald entscheiden.",
            ["Ich weiß es nicht", "sie werde bald entscheiden"],
            "sie",
        ),
        # a participle clause ends the report before it and reports on its own
        (
            "He said the talks were over, adding that a deal was still possible.",
            ["the talks were over", "that a deal was still possible"],
            "He",
        ),
    ],
)
def test_reports_going_on_after_a_frame(text: str, reports: list[str], speaker: str) -> None:
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == reports
    assert all(
        q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == speaker
        for q in quotes
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the paper is the subject of "zitiert", not a title announced; whom it quotes speaks
        ("Die Zeitung zitiert einen Insider mit den Worten: „Das ist erst der Anfang.“", "Insider"),
        ("Das Blatt zitierte Innenminister Peter Roth: „Wir handeln sofort.“", "Peter Roth"),
    ],
)
def test_german_quoting_verb_gives_the_quote_to_its_object(text: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.kind == "direct"
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # a source named in quotation marks after its article belongs to the source phrase
        (
            "Laut einem Bericht der „Süddeutschen Zeitung“ will der Konzern 3000 Stellen streichen.",
            "will der Konzern 3000 Stellen streichen",
            "einem Bericht der „Süddeutschen Zeitung“",
        ),
        (
            "Laut „Spiegel“ will der Konzern 3000 Stellen streichen.",
            "will der Konzern 3000 Stellen streichen",
            "Spiegel",
        ),
    ],
)
def test_german_source_named_in_quotation_marks(text: str, report: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert (quote.kind, quote.text) == ("indirect", report)
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a source phrase right after a quote names its speaker; an apposition after it is no report
        (
            '"The numbers speak for themselves," according to Ellen Park, the agency\'s director.',
            ("direct", "The numbers speak for themselves,", "Ellen Park"),
        ),
        (
            "According to Ellen Park, the agency's director, the numbers are rising.",
            ("indirect", "the numbers are rising", "Ellen Park"),
        ),
    ],
)
def test_source_phrase_after_a_quote_and_its_apposition(text: str, quote: tuple[str, str, str]) -> None:
    assert [(q.kind, q.text, q.speaker.name if q.speaker else "") for q in extract(text).quotes] == [quote]


def test_a_quoted_name_before_wonach_is_no_direct_quote() -> None:
    text = "Ein Bericht der Agentur „Interfax“, wonach der Politiker festgenommen wurde, blieb unbestätigt."
    assert all(q.kind != "direct" for q in extract(text).quotes)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # adverbs and time phrases between a speech verb and its comma leave the clause the report
        (
            "Er erklärte dagegen, ohne Parkhaus rechne sich das Projekt nicht.",
            ["ohne Parkhaus rechne sich das Projekt nicht"],
        ),
        (
            "Der Sprecher sagte am Dienstag, die Messwerte lägen wieder unter dem Grenzwert.",
            ["die Messwerte lägen wieder unter dem Grenzwert"],
        ),
        # not after a verb at the end of a subordinate clause, nor before one
        ("Nachdem die Polizei informiert hatte, wurde eine Sonderkommission eingerichtet.", []),
    ],
)
def test_german_adverbials_between_verb_and_comma(text: str, reports: list[str]) -> None:
    assert [q.text for q in extract(text).quotes] == reports


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a particle of another verb closing the clause: absagen is no sagen
        ("Er sagte den Termin ab, weil er krank war.", 0),
        ("Die Ministerin sagte heute ihren Besuch ab.", 0),
        # … but a particle after "und" is the next verb's, and aufschreien is speech
        ("»Nicht?« sagte Johannes und horchte gespannt auf.", 1),
        ("»Zwei Monate!« schrie ich auf.", 1),
    ],
)
def test_german_particle_of_another_verb(text: str, count: int) -> None:
    assert len(extract(text).quotes) == count


def test_german_description_means_the_person_not_the_party() -> None:
    text = (
        "Die Landtagsabgeordnete Cornelia Haack sitzt seit 2006 für die Freie Wählergemeinschaft im Parlament. "
        "„Nach zwanzig Jahren ist es genug“, sagte die 52-Jährige am Samstag."
    )
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "Cornelia Haack"


def test_german_role_of_an_apposition_name_means_that_person_later() -> None:
    text = (
        "Der Direktor des Tierparks, Matthias Orlowski, sagte, das Elefantenhaus werde im Mai fertig, "
        "und fügte hinzu, die Kosten seien gestiegen."
    )
    quotes = extract(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        "Matthias Orlowski",
        "Matthias Orlowski",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ein Nachfolger stehe noch nicht fest, hieß es.",
        "Der Verein gab bekannt, dass der Trainer geht. Ein Nachfolger stehe noch nicht fest, hieß es.",
    ],
)
def test_german_impersonal_tail_frame_reports_without_a_speaker(text: str) -> None:
    quote = extract(text).quotes[-1]
    assert quote.text == "Ein Nachfolger stehe noch nicht fest"
    assert quote.speaker is None


def test_german_pronoun_subject_before_an_adverb_and_konjunktiv_of_any_verb() -> None:
    text = (
        "Die Bürgermeisterin Helga Sommerfeld und der Investor Bernd Quast stellten die Pläne vor. "
        "Sie sagte, die Stadt werde nicht mitfinanzieren. "
        "Er dagegen erklärte, ohne Parkhaus rechne sich das Projekt nicht. Man prüfe nun andere Standorte."
    )
    quotes = extract(text).quotes
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("die Stadt werde nicht mitfinanzieren", "Helga Sommerfeld"),
        ("ohne Parkhaus rechne sich das Projekt nicht", "Bernd Quast"),
        ("Man prüfe nun andere Standorte", "Bernd Quast"),
    ]


def test_german_past_after_a_pronoun_does_not_go_on_reporting() -> None:
    quotes = extract("Der Minister sagte, er komme morgen. Er drehte sich um und ging.").quotes
    assert [q.text for q in quotes] == ["er komme morgen"]


def test_german_quoted_name_opening_the_sentence_is_the_subject() -> None:
    text = (
        "Der Film lief im Kino. „Muslix64“ erwähnte auch, dass er weiteren Quellcode veröffentlichen werde."
    )
    assert all(q.kind != "direct" for q in extract(text).quotes)
    # with a subject after the verb the short quote is what was said
    (quote,) = extract("„Nein“ sagte er.").quotes
    assert (quote.kind, quote.text) == ("direct", "Nein")


# ---------------------------------------------------------------- second reader's cases


@pytest.mark.parametrize(
    "text",
    [
        "Senator Holt, who said that",
        '"I don\'t know," she said, and added that',
        "She said nothing, adding that",
    ],
)
def test_a_text_ending_in_that_is_no_crash(text: str) -> None:
    doc = extract(text)
    assert not [d for d in doc.diagnostics if d.severity == "error"]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # a name right after the verb's comma opens the report: no apposition to a speaker
        ("Er sagte, Anna Maria Weber, die Leiterin, sei krank.", "Anna Maria Weber, die Leiterin, sei krank"),
        (
            "Die Polizei teilte mit, Hans Peter Müller, 45, sei festgenommen worden.",
            "Hans Peter Müller, 45, sei festgenommen worden",
        ),
    ],
)
def test_german_name_opening_the_report_is_kept(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


@pytest.mark.parametrize(
    "text",
    [
        # a negation or a manner adverb after the verb: the clause after the comma is no report
        "Sie sagte nichts mehr, der Saal blieb still.",
        "Sie rief laut, niemand hörte sie.",
    ],
)
def test_german_clause_after_a_negation_is_no_report(text: str) -> None:
    assert all(not q.text.startswith(("der Saal", "niemand")) for q in extract(text).quotes)


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "According to police, the suspect, a 34-year-old man, fled on foot.",
            "the suspect, a 34-year-old man, fled on foot",
        ),
        (
            "He said police were searching the area, asking residents to stay indoors.",
            "police were searching the area, asking residents to stay indoors",
        ),
        (
            "Mayor Reyes, who said that the plan would fail, also voted against it.",
            "that the plan would fail",
        ),
        ("Senator Holt, who said the deal was bad, did not vote.", "the deal was bad"),
        (
            "The reporter interviewed Senator Lee, who said that the vaccine was safe.",
            "that the vaccine was safe",
        ),
    ],
)
def test_english_reports_kept_whole_or_cut_at_the_main_clause(text: str, report: str) -> None:
    assert [q.text for q in extract(text).quotes] == [report]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('Then Mary turned to him "Where are you going?" she asked.', "direct"),
        ('"The numbers are rising," according to Ellen Park.', "direct"),
    ],
)
def test_english_direct_quotes_kept(text: str, kind: str) -> None:
    assert [q.kind for q in extract(text).quotes] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # (a plan in "soll" right after a report goes on with it: see the hearsay test above)
        "Der Minister sagte, er komme morgen. Sie beide gingen nach Hause.",
        "Der Minister sagte, er komme morgen. Danach gingen sie beide nach Hause.",
    ],
)
def test_german_plans_and_plurals_do_not_go_on_reporting(text: str) -> None:
    assert len(extract(text).quotes) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister kündigte Steuersenkungen für 2027 an.",
        "Die Ministerin kritisierte die Entscheidung vom 3. Mai 2019 scharf.",
    ],
)
def test_a_time_in_a_speech_acts_object_dates_nothing(text: str) -> None:
    (quote,) = quotekit.extract(text, published="2026-12-03").quotes
    assert quote.date is None


def test_german_konjunktiv_after_a_colon_with_the_subject_after_the_verb() -> None:
    (quote,) = extract("Dem widersprach die Opposition: Die Zahlen seien geschönt.").quotes
    assert quote.text == "Die Zahlen seien geschönt"
    assert quote.speaker is not None
    assert quote.speaker.name == "Opposition"


def test_german_konjunktiv_after_a_direct_quote_framed_before_it_goes_on_reporting() -> None:
    text = "Der Laborleiter erklärte: „Die Konsequenzen wären zu groß.“ Es gebe Kunden, die nicht offen sind."
    quotes = extract(text).quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "Die Konsequenzen wären zu groß."),
        ("indirect", "Es gebe Kunden, die nicht offen sind"),
    ]
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.name == "Der Laborleiter"


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # a speech verb in the passive reports the clause after its comma, by no one named
        (
            "Der Ex-Ministerpräsidentin wird vorgeworfen, einen Vertrag geschlossen zu haben.",
            "einen Vertrag geschlossen zu haben",
        ),
        ("Es wird befürchtet, dass die Brücke einstürzt.", "dass die Brücke einstürzt"),
    ],
)
def test_german_speech_verb_in_the_passive(text: str, report: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == report
    assert quote.speaker is None


def test_german_passive_of_another_verb_reports_nothing() -> None:
    assert extract("Das Urteil wurde vertagt, weil ein Zeuge fehlte.").quotes == ()


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        # an infinitive cue after a modal shares the modal's subject (wissen wollen: to ask)
        ("Ein Zuhörer wollte wissen, wann die Brücke fertig sei.", "wann die Brücke fertig sei", "Zuhörer"),
        (
            "Die Abgeordnete wollte wissen, ob die Regierung davon gewusst habe.",
            "ob die Regierung davon gewusst habe",
            "Die Abgeordnete",
        ),
    ],
)
def test_german_infinitive_cue_after_a_modal(text: str, report: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.text == report
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
