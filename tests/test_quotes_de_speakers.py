"""German speakers: collective subjects, reported lead-ins and the other frames of German news.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit.model import Document, Quote
from quotekit.quotes import QuoteAttributor


def direct(attributor: QuoteAttributor, text: str) -> list[Quote]:
    return [q for q in attributor(Document.from_text(text, lang="de")).quotes if q.kind == "direct"]


def mention_of(quote: Quote) -> str | None:
    assert quote.speaker is not None, quote.text
    return None if quote.speaker.mention is None else quote.speaker.mention.text


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Die Anwohner sehen die Baupläne gelassen: „Das sind Leute wie du und ich, die sollen ruhig bauen.“",
            "Die Anwohner",
        ),
        (
            "Die Menge skandierte vor dem Rathaus Parolen wie „Weg mit dem Gesetz“!",
            "Die Menge",
        ),
        (
            "Die Pendler zogen vom Bahnhof zum Rathaus und riefen dabei Parolen wie „Wir wollen Züge“.",
            "Die Pendler",
        ),
        (
            (
                "Nach der Sitzung veröffentlichte der Vorstand folgende Erklärung: „Wir bedauern den "
                "Vorfall zutiefst und prüfen alle Schritte.“"
            ),
            "der Vorstand",
        ),
    ],
)
def test_a_common_noun_subject_speaks(attributor: QuoteAttributor, text: str, mention: str) -> None:
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == mention


def test_an_abstract_noun_subject_does_not_speak(attributor: QuoteAttributor) -> None:
    text = "Die Stimmung im Saal war gereizt: „Das lassen wir uns nicht länger gefallen, niemals.“"
    (quote,) = direct(attributor, text)
    assert quote.speaker is None or mention_of(quote) != "Die Stimmung"


def test_a_genitive_attribute_is_no_subject(attributor: QuoteAttributor) -> None:
    text = (
        "Die Kapsel landete im Meer der Stille, und er meldete sich bei der Bodenstation: "
        "„Wir sind gut angekommen, alles in Ordnung.“"
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) != "der Stille"


def test_a_lead_in_in_konjunktiv_continues_the_last_speaker(attributor: QuoteAttributor) -> None:
    text = (
        "Die Ministerin Karla Wendtberg sagte am Montag, man prüfe alle Angebote. "
        "Die Hilfe der Nachbarn sei dabei entscheidend gewesen: „Sie haben uns Helfer geschickt, "
        "und wir werden ihnen genauso helfen.“"
    )
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Karla Wendtberg"


def test_a_dass_clause_in_the_lead_in_keeps_its_own_subject(attributor: QuoteAttributor) -> None:
    text = (
        "Der Landrat Peter Quandtmeier sprach zuerst. Die Innenministerin zeigte sich besorgt, dass "
        "die Fehden nun auch ins Ausland getragen würden: „Das hat es so noch nicht gegeben.“"
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "Die Innenministerin"


def test_sie_after_the_verb_is_the_object_when_a_role_opens_the_clause(attributor: QuoteAttributor) -> None:
    (quote,) = direct(attributor, "Der Sprecher des Vereins nannte sie „völlig überzogen“.")
    assert mention_of(quote) == "Der Sprecher des Vereins"


def test_a_subject_after_the_comma_starts_a_new_clause_not_a_frame(attributor: QuoteAttributor) -> None:
    text = (
        "Anna Berger, die im Spiel zweimal gefoult wurde, nannte die Rote Karte „überzogen“, "
        "Trainer Max Kölbel bezeichnete die Leistung des Schiedsrichters als „schwach“."
    )
    first, second = direct(attributor, text)
    assert mention_of(first) == "Anna Berger"
    assert mention_of(second) == "Trainer Max Kölbel"


def test_the_inverted_frame_after_a_quote_still_names_the_speaker(attributor: QuoteAttributor) -> None:
    (quote,) = direct(attributor, "Die Lage ist ernst. „Wir kommen wieder, ganz sicher“, sagte Müllerbach.")
    assert mention_of(quote) == "Müllerbach"


def test_mit_diesen_worten_frames_the_quote_before_it(attributor: QuoteAttributor) -> None:
    text = "„Wir wollen endlich Ruhe“, mit diesen Worten verabschiedete sich die Trainerin Anna Kolbe."
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "die Trainerin Anna Kolbe"
    assert quote.cue is not None
    assert quote.cue.text == "verabschiedete"


def test_letztere_is_a_speaker_mention(attributor: QuoteAttributor) -> None:
    text = (
        "Die Sängerin Eva Roth stand vor dem Käfig, daneben die Moderatorin Lea Sand. "
        "„Das Leiden der Tiere geht weiter, Tag für Tag“, so letztere."
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "letztere"


def test_a_name_closing_an_apposition_before_the_verb_is_the_subject(attributor: QuoteAttributor) -> None:
    text = (
        "Der Vorsitzende der Gewerkschaft, Karl Brenner, würdigte Weber in einer Mitteilung als "
        "„einen großen Kämpfer“."
    )
    (quote,) = direct(attributor, text)
    # the mention as written, with the role phrase the name closes (docs: speaker conventions)
    assert mention_of(quote) == "Der Vorsitzende der Gewerkschaft, Karl Brenner"
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == ("Karl Brenner", "Der Vorsitzende der Gewerkschaft")


def test_a_name_after_a_comma_clause_with_parenthesis_frames_the_colon(attributor: QuoteAttributor) -> None:
    text = (
        "Die Ministerin lehnte ab, die Sprecherin der Fraktion, Sandra Boll (SPD), erklärte: "
        "„Das ist völlig fehl am Platz und schadet allen.“"
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "die Sprecherin der Fraktion, Sandra Boll"
    assert quote.speaker is not None
    assert quote.speaker.name == "Sandra Boll"


def test_a_quoted_newspaper_after_the_verb_is_the_speaker(attributor: QuoteAttributor) -> None:
    text = "„Er war der kreative Kopf der Band, der früh ging“, schrieb „Die Zeit“ in einem Nachruf."
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "„Die Zeit“"


def test_a_quoted_slogan_after_the_verb_is_no_speaker(attributor: QuoteAttributor) -> None:
    text = "Die neue Version verspricht „Suche ohne Werbung“: Störende Seiten sollen verschwinden."
    (quote,) = direct(attributor, text)
    assert quote.text == "Suche ohne Werbung"
    assert mention_of(quote) == "Die neue Version"


def test_a_sentence_introducing_someone_by_apposition_gives_the_next_quote_its_speaker(
    attributor: QuoteAttributor,
) -> None:
    text = (
        "„Wir bleiben bei unserem Kurs“, sagte die Ministerin Karla Wendt. Der ältere Bruder der "
        "Ministerin, Georg Hanfmann, war seit langem eingeweiht. „Meine Schwester wünscht sich mehr Ruhe.“"
    )
    first, second = direct(attributor, text)
    assert first.speaker is not None
    assert first.speaker.name == "Karla Wendt"
    assert second.speaker is not None
    assert second.speaker.name == "Georg Hanfmann"


def test_the_colon_frame_names_whom_a_pronoun_after_the_quote_means(attributor: QuoteAttributor) -> None:
    text = (
        "Der Verband Union Générale hatte zum Protest aufgerufen. Die Sängerin Hanna Kolb sagte dazu "
        "gegenüber dem Radio: „Frauen haben sich gestellt, und nun wollen sie mehr“, betont sie."
    )
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Hanna Kolb"


def test_a_leading_subordinate_clause_does_not_name_the_speaker(attributor: QuoteAttributor) -> None:
    text = (
        "Da Frankfurt die letzten Spiele gewann, war Trainer Thomas Schaaf zufrieden: "
        "„Ein guter Start für uns, wirklich.“"
    )
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Thomas Schaaf"


@pytest.mark.parametrize(
    ("text", "quoted", "mention"),
    [
        (
            "Für den Gesundheitsminister Paulo Ramos ist die Lage in der Stadt „alarmierend“.",
            "alarmierend",
            "den Gesundheitsminister Paulo Ramos",
        ),
        (
            "Was für die Ministerin eine „flexible Regelung“ ist, war für die Lehrerverbände „Wortbruch“.",
            "Wortbruch",
            "die Lehrerverbände",
        ),
    ],
)
def test_fuer_x_ist_names_whose_judgement_the_quote_is(
    attributor: QuoteAttributor, text: str, quoted: str, mention: str
) -> None:
    found = {q.text: q for q in direct(attributor, text)}
    assert mention_of(found[quoted]) == mention


@pytest.mark.parametrize(
    "text",
    [
        "Für die Region ist das „ein Glücksfall“.",
        "Das Video für Ok Go „Here it goes again“ war ein Erfolg.",
        "Ebenso prägend war für viele „Kassettenkinder“ die Musik.",
    ],
)
def test_fuer_before_a_thing_a_title_or_the_quote_itself_names_no_holder(
    attributor: QuoteAttributor, text: str
) -> None:
    assert direct(attributor, text) == []


def test_a_pronoun_after_the_quote_keeps_its_mention_and_means_the_colon_frames_name(
    attributor: QuoteAttributor,
) -> None:
    text = (
        "Der Verband Union Générale hatte zum Protest aufgerufen. Die Sängerin Hanna Kolb sagte dazu "
        "gegenüber dem Radio: „Frauen haben sich gestellt, und nun wollen sie mehr“, betont sie."
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "sie"
    assert quote.speaker is not None
    assert quote.speaker.name == "Hanna Kolb"


def test_a_pronoun_in_the_frame_means_the_masculine_subject_opening_the_sentence(
    attributor: QuoteAttributor,
) -> None:
    text = (
        "Der Student verbrachte die Nacht in Gewahrsam, schlief immer wieder ein, nur ab und zu war er "
        "hochgeschreckt und hatte gefragt: „Was ist mit dem Radler passiert?“"
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "er"
    assert quote.speaker is not None
    assert quote.speaker.name == "Der Student"


def test_a_fronted_neuter_object_is_not_what_the_pronoun_means(attributor: QuoteAttributor) -> None:
    text = (
        "„Wir bleiben hart“, sagte der Minister Karl Brandt. Das Angebot der Nachbarn, Verletzte "
        "aufzunehmen, lehnt er jedoch ab: „Das lasse ich so nicht zu, niemals.“"
    )
    second = direct(attributor, text)[-1]
    assert mention_of(second) == "er"
    assert second.speaker is not None
    assert second.speaker.name == "Karl Brandt"


def test_a_place_after_a_preposition_is_stepped_over_for_the_common_subject(
    attributor: QuoteAttributor,
) -> None:
    text = (
        "Der Frankfurter Hauptbahnhof war gesperrt. Unter dem Motto „Freiheit statt Angst“ zogen die "
        "Demonstranten vom Frankfurter Hauptbahnhof zum Rathaus und skandierten dabei Parolen wie "
        "„Stoppt den Wahn“ oder „Speicherung ist teuer, sinnlos und dumm“."
    )
    found = direct(attributor, text)
    assert [q.text for q in found] == ["Stoppt den Wahn", "Speicherung ist teuer, sinnlos und dumm"]
    assert all(mention_of(q) == "die Demonstranten" for q in found)


def test_a_bare_plural_opening_the_clause_is_the_subject_of_a_second_verb(
    attributor: QuoteAttributor,
) -> None:
    text = (
        "Datenschützer äußerten Bedenken an den Plänen und warfen der Regierung unter anderem "
        "„Wortbruch“ vor."
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "Datenschützer"


def test_a_bare_plural_opening_a_colon_lead_in_speaks(attributor: QuoteAttributor) -> None:
    text = "Anwohner sehen die Pläne gelassen: „Das sind Leute wie du und ich, die sollen ruhig bauen.“"
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "Anwohner"


def test_a_decimal_comma_opens_no_reported_clause(attributor: QuoteAttributor) -> None:
    text = "Ein Vertreter der Firma bezeichnet die Beteiligung von 5,57 Prozent als „strategisch“."
    (quote,) = direct(attributor, text)
    assert quote.text == "strategisch"


def test_commas_after_a_naming_verb_enclose_an_apposition(attributor: QuoteAttributor) -> None:
    text = (
        "Angesichts der Alternativen nannte Reinhard Jungholz, Geschäftsführer des Bauernbundes, "
        "die Kartoffel „überflüssig wie ein Kropf“."
    )
    (quote,) = direct(attributor, text)
    assert quote.text == "überflüssig wie ein Kropf"


def test_the_particle_the_clause_holds_picks_the_verb_reading(attributor: QuoteAttributor) -> None:
    text = (
        "Die Justizministerin Beate Merkling wies dies am Rande einer Tagung in Bad Staffelstein "
        "als „Unverschämtheit“ zurück."
    )
    (quote,) = direct(attributor, text)
    assert quote.cue is not None
    assert quote.cue.text.startswith("wies")
    assert quote.cue.text.endswith("zurück")
    assert quote.speaker is not None
    assert quote.speaker.name == "Beate Merkling"


def test_a_quoted_name_inside_the_subject_does_not_hide_it(attributor: QuoteAttributor) -> None:
    text = (
        "Ein nicht genannter Vertreter der „Enerco AG“ bezeichnet die Beteiligung als „strategisch“ "
        "und nimmt Bezug auf das Auto."
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "Ein nicht genannter Vertreter"


def test_a_quoted_whole_dass_clause_is_direct(attributor: QuoteAttributor) -> None:
    text = (
        "Theo Zwangholz nannte die Bewerbung „sehr respektabel“, stellte aber gleichzeitig fest, "
        "dass „Europa jetzt dran ist.“"
    )
    first, second = direct(attributor, text)
    assert first.speaker is not None
    assert first.speaker.name == "Theo Zwangholz"
    assert second.text == "Europa jetzt dran ist."
    assert second.speaker is not None
    assert second.speaker.name == "Theo Zwangholz"


def test_a_quoted_word_inside_a_dass_clause_stays_partial(attributor: QuoteAttributor) -> None:
    text = "Er sagte, dass er die „Sackgasse“ durchbrochen habe."
    kinds = {q.text: q.kind for q in attributor(Document.from_text(text, lang="de")).quotes}
    assert kinds["Sackgasse"] == "partial"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Der oberste Führer des Landes, der zunächst den Wahlsieg als „Fest“ bezeichnete, ordnete "
                "inzwischen eine Untersuchung an."
            ),
            "Der oberste Führer des Landes",
        ),
        (
            (
                "In der Zeitung erschien ein Kommentar, der die Entscheidung des Komitees als "
                "„nicht nachzuvollziehende Verirrung“ bezeichnet."
            ),
            "ein Kommentar",
        ),
    ],
)
def test_the_relative_pronoun_of_a_naming_clause_speaks_for_its_antecedent(
    attributor: QuoteAttributor, text: str, name: str
) -> None:
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "der"
    assert quote.speaker is not None
    assert quote.speaker.name == name


def test_a_relative_pronoun_before_another_subject_does_not_speak(attributor: QuoteAttributor) -> None:
    text = "Das war der Plan, den der Minister Karl Brandt als „alternativlos“ bezeichnete."
    found = direct(attributor, text)
    assert all(mention_of(q) != "den" for q in found)


@pytest.mark.parametrize(
    ("text", "mention", "cue"),
    [
        ("„Wir sind am Ende.“ Das sagte der Trainer nach dem Spiel.", "der Trainer", "sagte"),
        (
            "„Ja, es gibt Zumutungen.“ Das musste Finanzminister Peer Steinholz in der Debatte einräumen.",
            "Finanzminister Peer Steinholz",
            "einräumen",
        ),
    ],
)
def test_a_sentence_pointing_back_at_the_quote_names_its_speaker(
    attributor: QuoteAttributor, text: str, mention: str, cue: str
) -> None:
    (quote,) = direct(attributor, text)
    assert (mention_of(quote) or "").startswith(mention)
    assert quote.cue is not None
    assert quote.cue.text == cue


def test_a_sentence_starting_with_das_but_no_speech_verb_names_no_one(attributor: QuoteAttributor) -> None:
    (quote,) = direct(attributor, "„Wir sind am Ende.“ Das Spiel war schlecht.")
    assert quote.speaker is None


def test_so_with_a_statement_noun_names_its_genitive_owner(attributor: QuoteAttributor) -> None:
    text = (
        "Die Behörde kündigte den Vertrag. „Offenbar sind öffentliche Anfragen dann doch zu lästig.“ "
        "so das Fazit der Betreiber von Abgeordnetenwatch."
    )
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == "der Betreiber von Abgeordnetenwatch"


def test_a_role_with_its_genitive_is_named_as_a_whole(attributor: QuoteAttributor) -> None:
    (quote,) = direct(attributor, "„Das ist ein guter Tag für uns alle“, so der Sprecher des Ministeriums.")
    assert quote.speaker is not None
    assert quote.speaker.name == "der Sprecher des Ministeriums"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            (
                "Einige Demonstranten trugen Bänder am Mund. Auf dem Fronttransparent war die Parole "
                "„Wir bleiben hier, wir weichen nicht“ zu lesen."
            ),
            "Auf dem Fronttransparent",
        ),
        (
            "Auf dem Plakat an der Wand stand geschrieben: „Wir bleiben hier, egal was kommt.“",
            "Auf dem Plakat",
        ),
        ("In der Sitzung sagte er: „Wir bleiben hier, egal was kommt.“", "er"),
    ],
)
def test_a_fronted_place_is_the_source_when_no_one_speaks(
    attributor: QuoteAttributor, text: str, mention: str
) -> None:
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == mention


def quotes_of(attributor: QuoteAttributor, text: str) -> tuple[Quote, ...]:
    return attributor(Document.from_text(text, lang="de")).quotes


def test_the_speaker_after_the_verb_stops_before_a_dative_object(attributor: QuoteAttributor) -> None:
    # "den" is a name particle only after another one (van den Berg): here it opens the object
    doc_quotes = quotes_of(
        attributor,
        "Die Regierung habe das Vertrauen der Bürger verspielt, sagte Merz den Zeitungen der Mediengruppe.",
    )
    (quote,) = [q for q in doc_quotes if q.kind == "indirect"]
    assert quote.speaker is not None
    assert quote.speaker.name == "Merz"


def test_a_colon_opens_the_clause_whose_subject_speaks(attributor: QuoteAttributor) -> None:
    doc_quotes = quotes_of(attributor, "Streit um das Heizungsgesetz: Habeck verteidigt Kompromiss")
    speakers = {q.speaker.name for q in doc_quotes if q.speaker is not None}
    assert speakers == {"Habeck"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "„Das darf uns nicht passieren“, sagte Sportvorstand Jonas Brandt.",
            "Jonas Brandt",
            "Sportvorstand",
        ),
        ("„Ich habe nie gezweifelt“, sagte Torschütze Lukas Wendt.", "Lukas Wendt", "Torschütze"),
    ],
)
def test_a_compound_role_before_the_name_is_not_part_of_it(
    attributor: QuoteAttributor, text: str, name: str, role: str
) -> None:
    (quote,) = quotes_of(attributor, text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            "„Wir haben alles geprüft“, sagte Ursula von der Leyen am Montag in Brüssel.",
            "Ursula von der Leyen",
            "Ursula von der Leyen",
        ),
        ("„Das ist nicht akzeptabel“, sagte von der Leyen.", "von der Leyen", "von der Leyen"),
        ("„Die Gefahr ist real“, sagte de Maizière am Abend.", "de Maizière", "de Maizière"),
        ("„Ich habe Fehler gemacht“, sagte Karl-Theodor zu Guttenberg.", "Karl-Theodor zu Guttenberg", None),
        ("„Wir bleiben dabei“, sagte Jan van Aken dem Sender.", "Jan van Aken", "Jan van Aken"),
    ],
)
def test_name_particles_stay_in_the_name(
    attributor: QuoteAttributor, text: str, name: str, mention: str | None
) -> None:
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == name
    if mention is not None:
        assert mention_of(quote) == mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Wir müssen sparen“, sagte Allendorf der FAZ.", "Allendorf"),
        ("„Es läuft gut“, sagte Tanja Brück zu den Verhandlungen über die Fusion.", "Tanja Brück"),
        ("„Die Lage ist ernst“, sagte Karel de Decker der Nachrichtenagentur Belga.", "Karel de Decker"),
        ("„Wir sind zufrieden“, sagte Sabine Roth der Deutschen Presse-Agentur.", "Sabine Roth"),
        (
            "„Wir bleiben wachsam“, sagte die Grünen-Politikerin Marie-Luise Beck der Zeitung.",
            "Marie-Luise Beck",
        ),
        (
            "Die Ökonomin Lisa Allendorf ist skeptisch. „Wir müssen sparen“, sagte Allendorf der FAZ.",
            "Lisa Allendorf",
        ),
    ],
)
def test_a_dative_addressee_is_not_part_of_the_name(
    attributor: QuoteAttributor, text: str, name: str
) -> None:
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == name


def test_a_genitive_attribute_stays_with_its_noun(attributor: QuoteAttributor) -> None:
    """die Haltung der Regierung: der after a common noun is a genitive, not a dative addressee."""
    text = "„Wir protestieren“, verurteilte die Haltung der Regierung scharf."
    for quote in direct(attributor, text):
        assert quote.speaker is None or quote.speaker.name != "Haltung der"


@pytest.mark.parametrize(
    "text",
    [
        "„Wir haben nichts bekommen“, sagt Niemand.",
        "„Wir haben nichts bekommen“, sagte Takt.",
    ],
)
def test_a_bare_common_noun_beside_the_cue_is_no_speaker(attributor: QuoteAttributor, text: str) -> None:
    (quote,) = direct(attributor, text)
    assert quote.speaker is None


def test_a_surname_that_is_also_a_noun_still_speaks(attributor: QuoteAttributor) -> None:
    """Heinz Takt is a name: the document uses "Takt" in a full name."""
    text = "Heinz Takt leitet den Chor. „So geht es nicht weiter“, sagte Takt dem Radiosender."
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Heinz Takt"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("„Die Versorgung ist gesichert“, hieß es nach Angaben des Ministeriums.", "Ministeriums"),
        ("Nach Angaben des Ministeriums ist „die Versorgung gesichert“.", "Ministeriums"),
        ("Dem Bericht zufolge sind „die Mängel gravierend“.", "Bericht"),
        ("„Die Lage ist unter Kontrolle“, so die Polizei.", "die Polizei"),
        ("„Es gab keine Verletzten“, laut Polizei.", "Polizei"),
    ],
)
def test_source_phrases_name_a_body_or_document(attributor: QuoteAttributor, text: str, mention: str) -> None:
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == mention


def test_a_name_in_apposition_after_the_cue_is_the_speaker(attributor: QuoteAttributor) -> None:
    text = (
        "„Die Versorgung ist gesichert“, sagte der Präsident der Bundesnetzagentur, Klaus Müller, am Montag."
    )
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == ("Klaus Müller", "der Präsident der Bundesnetzagentur")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            (
                "Die Gewerkschaft, die seit Wochen mit den Arbeitgebern über höhere Löhne für die "
                "Beschäftigten verhandelt, erklärte: „Wir streiken weiter.“"
            ),
            "Die Gewerkschaft",
        ),
        (
            (
                "Anna Berger, die seit zwanzig Jahren in dem kleinen Dorf am Rande des Schwarzwalds "
                "lebt und dort eine Bäckerei betreibt, sagte: „Hier hält mich nichts mehr.“"
            ),
            "Anna Berger",
        ),
        ("„Die Werte liegen im Normalbereich“, teilte die Behörde mit.", "die Behörde"),
        ("„Das ist ein fauler Kompromiss“, kritisierten die Grünen.", "die Grünen"),
    ],
)
def test_bodies_and_subjects_far_from_their_cue_speak(
    attributor: QuoteAttributor, text: str, mention: str
) -> None:
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moskau wies die Vorwürfe zurück: „Das ist eine Lüge.“", "Moskau"),
        ("Berlin warnte: „Jede Eskalation hat Folgen.“", "Berlin"),
    ],
)
def test_a_place_opening_the_clause_speaks_for_its_government(
    attributor: QuoteAttributor, text: str, name: str
) -> None:
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Besser AfD als gar nichts. „Wir sind die Alternative“, teilte die AfD mit.",
        "Besser AfD als die anderen, finden viele. „Wir sind die Alternative“, sagte die AfD.",
    ],
)
def test_an_acronym_ends_no_full_name(attributor: QuoteAttributor, text: str) -> None:
    """Besser AfD at a sentence start is an adjective and a party, not a person called Besser AfD."""
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "AfD"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Die Musik spielte im Takt. „So geht es nicht weiter.“", None),
        ("Die Behörde prüft den Fall. „Wir äußern uns später.“", "Die Behörde"),
        ("Der Bericht ist eindeutig. „Die Mängel sind gravierend.“", "Der Bericht"),
    ],
)
def test_a_quote_alone_takes_the_previous_subject_only_if_it_can_speak(
    attributor: QuoteAttributor, text: str, mention: str | None
) -> None:
    (quote,) = direct(attributor, text)
    if mention is None:
        assert quote.speaker is None
    else:
        assert mention_of(quote) == mention


def test_the_owner_of_a_source_noun_after_laut_speaks(attributor: QuoteAttributor) -> None:
    (quote,) = direct(attributor, "Laut einer Mitteilung der Stadt ist „der Zugang gesperrt“.")
    assert mention_of(quote) == "Stadt"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "„Der Lehrermangel bleibt“, teilte die Gewerkschaft Erziehung und Wissenschaft am Montag mit.",
            "die Gewerkschaft Erziehung und Wissenschaft",
        ),
        (
            "„Wir fördern das“, sagte ein Sprecher des Bundesministeriums für Bildung und Forschung.",
            "ein Sprecher des Bundesministeriums für Bildung und Forschung",
        ),
        ("„Wir kommen“, sagte die Polizei und zog ab.", "die Polizei"),
    ],
)
def test_a_bodys_name_keeps_its_und(attributor: QuoteAttributor, text: str, mention: str) -> None:
    (quote,) = direct(attributor, text)
    assert mention_of(quote) == mention


def test_an_article_phrase_ends_before_a_preposition(attributor: QuoteAttributor) -> None:
    text = "„Ich bin zufrieden“, sagte die 22-Jährige nach dem Wettkampf."
    (quote,) = direct(attributor, text)
    assert quote.speaker is None or "Wettkampf" not in quote.speaker.name


def test_a_name_in_apposition_before_a_long_relative_clause_speaks(attributor: QuoteAttributor) -> None:
    text = (
        "Die Vorsitzende des Betriebsrats, Gisela Maurer, die seit mehr als zwanzig Jahren in dem "
        "Werk arbeitet und die Verhandlungen fast allein geführt hat, sagte am Abend: „Wir haben "
        "das Beste herausgeholt.“"
    )
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Gisela Maurer"
