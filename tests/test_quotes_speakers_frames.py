"""Speakers of quotes: the phrase a frame names and the person it resolves to (German and English).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit.model import Document, Quote
from quotekit.quotes import QuoteAttributor


def quotes(attributor: QuoteAttributor, text: str, lang: str) -> list[Quote]:
    return [q for q in attributor(Document.from_text(text, lang=lang)).quotes if q.kind != "indirect"]


def speaker_of(quote: Quote) -> tuple[str, str | None]:
    assert quote.speaker is not None, quote.text
    mention = quote.speaker.mention
    return quote.speaker.name, None if mention is None else mention.text


def test_german_object_first_colon_frame_names_the_subject(attributor: QuoteAttributor) -> None:
    text = (
        "Die Debatte im Landtag dauerte lange. Den Ärger der Partei über die Kürzungen brachte die "
        "Sprecherin der Fraktion zum Ausdruck: „Es gibt keinen Grund, diesen Haushalt zu beschließen.“"
    )
    (quote,) = quotes(attributor, text, "de")
    assert "Sprecherin" in speaker_of(quote)[0]


def test_german_participle_after_auxiliary_takes_the_fronted_subject(attributor: QuoteAttributor) -> None:
    text = (
        "Der Abgeordnete Karl Müllerbach sprach zuerst. Müllerbach hatte besonders die Rolle der "
        "Fraktionsvorsitzenden betont: „Die Entscheidungen fallen im Kreise der Vorsitzenden.“"
    )
    (quote,) = quotes(attributor, text, "de")
    assert speaker_of(quote) == ("Karl Müllerbach", "Müllerbach")


def test_german_abstract_noun_is_no_speaker_and_the_last_speaker_goes_on(attributor: QuoteAttributor) -> None:
    text = (
        "In einem Interview äußerte sich die Ministerin Petra Beispielhof zuversichtlich: „Ich gehe "
        "davon aus, dass eine Einigung gelingt.“ Ihre Zuversicht gründet sich auf frühere Erfahrungen: "
        "„Entscheidungen dieser Art fallen immer erst in letzter Minute.“"
    )
    first, second = quotes(attributor, text, "de")
    assert speaker_of(first)[0] == "Petra Beispielhof"
    assert second.speaker is None or second.speaker.name == "Petra Beispielhof"


def test_english_quote_after_a_frame_sentence_keeps_its_speaker(attributor: QuoteAttributor) -> None:
    text = (
        'The hearing ran long.\n\n"First sentence is here," Jane Doerty said, referring to a report by '
        'the agency. "The second sentence follows it closely."'
    )
    first, second = quotes(attributor, text, "en")
    assert speaker_of(first)[0] == speaker_of(second)[0] == "Jane Doerty"


def test_english_lower_case_modifier_starts_the_speaker_phrase(attributor: QuoteAttributor) -> None:
    text = '"We will win this state in November," said former Ohio Gov. John Examplar, a party veteran.'
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote) == ("John Examplar", "former Ohio Gov. John Examplar")


def test_english_relative_clause_verb_is_not_the_cue(attributor: QuoteAttributor) -> None:
    text = '"I am not worried about any of it," Smithers, who has not endorsed a candidate, told reporters.'
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Smithers"


def test_english_object_after_a_late_cue_is_not_the_speaker(attributor: QuoteAttributor) -> None:
    text = (
        "Maria Examplova seemed ready to joke about the incident in Iowa, telling the crowd, "
        '"Some people get a little carried away these days."'
    )
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Maria Examplova"


def test_it_speaks_for_a_document_not_for_the_last_person(attributor: QuoteAttributor) -> None:
    text = (
        '"The budget must pass this week," said Tom Samplerson.\n\n'
        'The committee sent a letter on Monday.\n\n"The plan fails the very people it should serve," it read.'
    )
    first, second = quotes(attributor, text, "en")
    assert speaker_of(first)[0] == "Tom Samplerson"
    assert speaker_of(second) == ("it", "it")
    assert first.speaker is not None
    assert second.speaker is not None
    assert first.speaker.entity != second.speaker.entity


def test_pronoun_agrees_in_gender_with_its_antecedent(attributor: QuoteAttributor) -> None:
    text = (
        '"We need more time for this," said Mrs. Anna Examplar.\n\n'
        '"The budget is far too small," said Mr. Bob Samplerton.\n\n'
        '"I disagree with him on that," she said.'
    )
    first, second, third = quotes(attributor, text, "en")
    assert speaker_of(second)[0] == "Bob Samplerton"
    assert speaker_of(third) == ("Anna Examplar", "she")
    assert first.speaker is not None
    assert third.speaker is not None
    assert third.speaker.entity == first.speaker.entity


def test_ing_cue_takes_the_subject_of_its_clause(attributor: QuoteAttributor) -> None:
    text = (
        "At the town hall meeting, Senator Rosa Examplewood urged voters to back the plan, saying, "
        '"Nobody else will fix these roads for us."'
    )
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Rosa Examplewood"


def test_ing_cue_after_a_cue_takes_that_cues_speaker(attributor: QuoteAttributor) -> None:
    text = (
        "The mayor left early, Tom Nefzison said, adding, "
        '"He did not speak to anyone at the meeting that night."'
    )
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Tom Nefzison"


def test_party_tag_apposition_is_stepped_over(attributor: QuoteAttributor) -> None:
    text = (
        '"Our assumption is that the veto will be overridden," Senator Jim Exampleton, R-Ky., said Tuesday.'
    )
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Jim Exampleton"


def test_coordinated_cue_takes_the_first_verbs_subject(attributor: QuoteAttributor) -> None:
    text = (
        "In an interview last year, Dana Lazarova said she welcomed the ruling and added, "
        '"I will accept whatever the court decides."'
    )
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Dana Lazarova"


def test_dash_line_below_a_quote_signs_it(attributor: QuoteAttributor) -> None:
    text = (
        'The debate ran late.\n\n"We will look into it, and we will report back."\n\n- Maria Signaturova.\n'
    )
    (quote,) = quotes(attributor, text, "en")
    assert speaker_of(quote)[0] == "Maria Signaturova"


def test_german_fronted_source_phrase_speaks_with_heisst_es(attributor: QuoteAttributor) -> None:
    text = (
        "Der Antrag wurde am Montag eingereicht. In dem Antrag heißt es wörtlich: "
        "„Die Gebühren sollen im kommenden Jahr nicht steigen.“"
    )
    (quote,) = quotes(attributor, text, "de")
    assert speaker_of(quote)[1] == "In dem Antrag"


def test_german_coordinated_cue_takes_the_clause_subject(attributor: QuoteAttributor) -> None:
    text = (
        "Die Ministerin Erika Beispielmann besuchte am Freitag die Baustelle und erklärte: "
        "„Wir halten den Zeitplan ein.“"
    )
    (quote,) = quotes(attributor, text, "de")
    assert speaker_of(quote)[0] == "Erika Beispielmann"


# ------------------------------------------------------------------ office nouns refer back


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        (
            (
                "Bundeskanzlerin Angela Merkel besuchte am Montag das Werk in Emden. "
                "„Wir stehen an Ihrer Seite“, sagte die Kanzlerin vor der Belegschaft."
            ),
            "de",
            "Angela Merkel",
        ),
        (
            (
                "Governor Jane Whitfield toured the flooded town of Marlow on Monday. "
                '"We will rebuild every house," the governor said.'
            ),
            "en",
            "Jane Whitfield",
        ),
    ],
)
def test_an_office_noun_refers_to_the_person_introduced_with_that_office(
    attributor: QuoteAttributor, text: str, lang: str, name: str
) -> None:
    quotes = attributor(Document.from_text(text, lang=lang)).quotes
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text.casefold().startswith(("die", "the"))


@pytest.mark.parametrize(
    "text",
    [
        # another office that merely ends alike: the Bundestag's president is not the Federal one
        (
            "Bundestagspräsident Norbert Lammert eröffnete die Sitzung. "
            "„Das Gesetz ist verfassungsgemäß“, sagte der Bundespräsident am Abend."
        ),
        # a spokesman is rarely the person just named
        "Bürgermeister Tobias Lenz eröffnete die Brücke. „Die Kosten steigen“, sagte der Sprecher.",
    ],
)
def test_a_role_without_that_office_before_it_stands_for_itself(
    attributor: QuoteAttributor, text: str
) -> None:
    quotes = attributor(Document.from_text(text, lang="de")).quotes
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker is not None
    assert quote.speaker.name.startswith("der ")
