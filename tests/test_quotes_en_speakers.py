"""English speakers of direct quotes: frames after nested quotes, appositions, continuations.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit.model import Document, Quote
from quotekit.quotes import QuoteAttributor


def direct(attributor: QuoteAttributor, text: str) -> list[Quote]:
    return [q for q in attributor(Document.from_text(text, lang="en")).quotes if q.kind == "direct"]


def only_quote(attributor: QuoteAttributor, text: str) -> Quote:
    """The one quote of an English ``text`` (the test fails when there is not exactly one)."""
    (quote,) = attributor(Document.from_text(text, lang="en")).quotes
    return quote


def speaker_of(quote: Quote) -> tuple[str, str | None]:
    assert quote.speaker is not None, quote.text
    mention = quote.speaker.mention
    return quote.speaker.name, None if mention is None else mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Dana Whitlock spoke first. “Voters keep telling me, ‘Fix the roads,’” Morales said.",
        "Dana Whitlock spoke first. \"Voters keep telling me, 'Fix the roads,' \" Morales said.",
        "Dana Whitlock spoke first. “Voters keep asking, ‘Who will fix the roads?’” Morales said.",
    ],
)
def test_frame_after_a_quote_ending_in_a_nested_quote(attributor: QuoteAttributor, text: str) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote) == ("Morales", "Morales")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Lena Park spoke first. "The lines were long," said retired schoolteacher Miriam Okafor. '
                '"We waited for hours."'
            ),
            "Miriam Okafor",
        ),
        (
            (
                'Lena Park spoke first. "The lines were long," said master of ceremonies Tomas Ruiz-Bell, '
                'who ran the event. "We waited for hours."'
            ),
            "Tomas Ruiz-Bell",
        ),
        (
            (
                'Lena Park spoke first. "The lines were long," said Will Brandauer, a county clerk. '
                '"We waited for hours."'
            ),
            "Will Brandauer",
        ),
    ],
)
def test_said_then_a_described_or_unusual_name(attributor: QuoteAttributor, text: str, name: str) -> None:
    first, second = direct(attributor, text)
    assert speaker_of(first)[0] == name
    assert speaker_of(second)[0] == name


def test_name_in_an_apposition_before_told_and_not_the_object(attributor: QuoteAttributor) -> None:
    text = (
        "The vote was close. “Minds will change over the summer,” the mayor’s chief of staff, "
        "Aaron Velasquez, told the Herald on Monday. “That is certain.”"
    )
    first, second = direct(attributor, text)
    assert speaker_of(first) == ("Aaron Velasquez", "Aaron Velasquez")
    assert speaker_of(second)[0] == "Aaron Velasquez"


def test_a_statement_that_speaks_after_the_quote(attributor: QuoteAttributor) -> None:
    text = (
        "The Ledger said the agency had replied in writing.\n\n"
        "“The director regrets the delay and has ordered a review,” the statement said in part."
    )
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[1] == "the statement"


def test_quote_over_paragraphs_takes_the_frame_after_its_last_paragraph(attributor: QuoteAttributor) -> None:
    text = (
        '"The bridge has been closing every winter," Ortiz said. "Nobody in the county office listens.\n\n'
        '"And the ferry is no answer," his neighbour Ruth Adeyemi said. "It runs twice a day."\n\n'
        "The council meets in May."
    )
    quotes = direct(attributor, text)
    assert [q.text for q in quotes] == [
        "The bridge has been closing every winter,",
        "Nobody in the county office listens.",
        "And the ferry is no answer,",
        "It runs twice a day.",
    ]
    assert [speaker_of(q)[0] for q in quotes] == ["Ortiz", "Ortiz", "Ruth Adeyemi", "Ruth Adeyemi"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('Paul Gray spoke first. "Where is the money?" a teacher in the back row asked.', "a teacher"),
        (
            (
                'Paul Gray spoke first. "Who pays for this?" Okafor, a retired nurse from the valley, '
                'said quietly. "Nobody knows."'
            ),
            "Okafor",
        ),
        ("Paul Gray spoke first. “We will keep the clinic open all year.” Lindqvist said.", "Lindqvist"),
    ],
)
def test_frame_after_a_question_or_a_full_stop(attributor: QuoteAttributor, text: str, mention: str) -> None:
    quote = direct(attributor, text)[0]
    assert speaker_of(quote)[1] == mention


def test_new_sentence_after_a_full_stop_is_no_frame(attributor: QuoteAttributor) -> None:
    text = (
        "Mayor Ines Calder spoke at the opening. “We built this for the children,” she said. "
        "“Every one of them deserves a library.” Her deputy added, “We are proud of it.”"
    )
    first, second, third = direct(attributor, text)
    assert second.speaker == first.speaker
    assert speaker_of(third)[1] == "Her deputy"


def test_round_up_line_names_its_author_after_a_dash(attributor: QuoteAttributor) -> None:
    text = (
        "Turnout models failed in the west - Priya Raman: “The samples were too small to catch "
        "late deciders, and the weighting made it worse.” [Blog.]"
    )
    (quote,) = direct(attributor, text)
    assert speaker_of(quote) == ("Priya Raman", "Priya Raman")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Governor Ada Whitfield spoke in March. In a radio interview later that week, Ada Whitfield "
            "went further: “If the bill passes, the state will sue.”"
        ),
        (
            "Governor Ada Whitfield spoke in March. Later on Sunday, Ada Whitfield posted a photo on "
            "her page, writing “Here is the letter they said was never sent. Still waiting.”"
        ),
        (
            "Governor Ada Whitfield spoke in March. On Monday, after staying silent through the whole "
            "session, Ada Whitfield backed the bill, saying, “It is the best we will get this year.”"
        ),
    ],
)
def test_subject_after_a_fronted_phrase(attributor: QuoteAttributor, text: str) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote) == ("Ada Whitfield", "Ada Whitfield")


def test_the_subject_issues_the_following_statement(attributor: QuoteAttributor) -> None:
    text = (
        "The flood reached the town on Friday. Hours later, Governor Elena Brandt issued the following "
        "statement:\n\n“Our thoughts are with every family that lost a home tonight.”"
    )
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[0] == "Elena Brandt"


def test_pronoun_subject_after_a_fronted_clause(attributor: QuoteAttributor) -> None:
    text = (
        "The race tightened. Two weeks ago, when I asked Marta Oyelaran whether she would run again, "
        'she smiled, shook her head and said, "Ask me in the spring."'
    )
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[1] == "she"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            (
                'Rhee spoke first.\n\n“We kept the station open through three storms and two strikes" '
                "Castellano said after the hearing on Monday."
            ),
            "Castellano",
        ),
        (
            (
                "“We were promised a bridge,” Rhee said. “Then a ferry, then a study, then nothing at all…” "
                "she said, shrugging."
            ),
            "she",
        ),
        (
            "Rhee spoke first. “Is that really all?” Castellano went on, smiling. “I expected more.”",
            "Castellano",
        ),
    ],
)
def test_frames_after_unpunctuated_quotes_and_go_on(
    attributor: QuoteAttributor, text: str, mention: str
) -> None:
    quote = direct(attributor, text)[-1 if mention == "she" else 0]
    assert speaker_of(quote)[1] == mention


def test_went_on_without_its_particle_is_no_cue(attributor: QuoteAttributor) -> None:
    text = "Ilse Varga went on television on Sunday. “The audit is finished,” her deputy said."
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[1] == "her deputy"


def test_surname_that_is_a_function_word(attributor: QuoteAttributor) -> None:
    text = 'Columnist Dana Will disagreed. "The party has lost its way on trade," Will wrote. "It will pay."'
    first, second = direct(attributor, text)
    assert speaker_of(first) == ("Dana Will", "Will")
    assert speaker_of(second)[0] == "Dana Will"


def test_reacted_is_a_cue(attributor: QuoteAttributor) -> None:
    text = 'The mayor spoke at noon. "Who is going to pay for all of this?" reacted Councillor Ben Osei.'
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[0] == "Ben Osei"


def test_elided_year_with_an_opening_mark_is_no_quote(attributor: QuoteAttributor) -> None:
    text = (
        "Rep. Nora Quist said in ‘08 that the map had changed. “We saw it in every county,” she said. "
        "“Nobody had the ‘old rules’ in mind any more.”"
    )
    first, second = direct(attributor, text)
    assert first.text == "We saw it in every county,"
    assert speaker_of(second)[1] == "she"


def test_another_starts_a_speaker_phrase(attributor: QuoteAttributor) -> None:
    text = "One parent asked about the buses. Another parent replied, “The buses are not the problem.”"
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[1] == "Another parent"


def test_quote_after_a_frame_credited_to_a_report_comes_from_the_report(attributor: QuoteAttributor) -> None:
    text = (
        "“We will not sign this budget,” Governor Tomas Ekwueme said, according to the Ledger. "
        "“It cuts the schools twice.”"
    )
    first, second = direct(attributor, text)
    assert speaker_of(first)[0] == "Tomas Ekwueme"
    assert speaker_of(second)[1] == "the Ledger"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            'The farm was sold in May. "The land was never ours to keep," my grandmother often said.',
            "my grandmother",
        ),
        (
            'The mill closed in March. "The losses were avoidable," federal auditors wrote in their report.',
            "federal auditors",
        ),
        (
            "The hearing ran late. Councilwoman Rita Abara scolded him: “You have had three years to fix this.”",
            "Councilwoman Rita Abara",
        ),
        ('The paper changed hands. "Its owners were patient," it further noted.', "it"),
    ],
)
def test_common_noun_and_adverb_frames(attributor: QuoteAttributor, text: str, mention: str) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[1] == mention


def indirect_speaker(attributor: QuoteAttributor, text: str) -> tuple[str, str | None]:
    (quote,) = [q for q in attributor(Document.from_text(text, lang="en")).quotes if q.kind == "indirect"]
    return speaker_of(quote)


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        # the phrase after "of"/"at" next to the verb says where the speaker works
        (
            "Nora Blake of the Lakeside Policy Institute said the levy would fail.",
            "Nora Blake",
            "Nora Blake of the Lakeside Policy Institute",
        ),
        (
            "Officials at the port authority said the pier would reopen.",
            "Officials at the port authority",
            "Officials at the port authority",
        ),
        (
            "A spokesman for the Harbor Board said the pier would reopen.",
            "A spokesman for the Harbor Board",
            "A spokesman for the Harbor Board",
        ),
        (
            "The head of the port authority said the pier would reopen.",
            "The head of the port authority",
            "The head of the port authority",
        ),
    ],
)
def test_the_speaker_is_the_head_before_a_prepositional_phrase(
    attributor: QuoteAttributor, text: str, name: str, mention: str
) -> None:
    assert indirect_speaker(attributor, text) == (name, mention)


def test_a_title_with_of_stays_the_role_of_the_name_after_it(attributor: QuoteAttributor) -> None:
    text = "Minister of Finance Nora Blake said the levy would fail."
    (quote,) = [q for q in attributor(Document.from_text(text, lang="en")).quotes if q.kind == "indirect"]
    assert quote.speaker is not None
    assert quote.speaker.name == "Nora Blake"
    assert quote.speaker.role == "Minister of Finance"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We have checked everything," said Ursula von der Leyen on Monday.', "Ursula von der Leyen"),
        ('"This is not acceptable," von der Leyen said.', "von der Leyen"),
        ('"This is not acceptable," said von der Leyen.', "von der Leyen"),
        ('"The city is safe," said de Blasio.', "de Blasio"),
        ('"It was a mistake," Peter van der Berg said.', "Peter van der Berg"),
    ],
)
def test_name_particles_stay_in_the_name(attributor: QuoteAttributor, text: str, name: str) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[0] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            '"Staff are exhausted," the University and College Union said in a statement.',
            "University and College Union",
        ),
        ('"We disagree," Smith and Jones said.', "Jones"),
    ],
)
def test_and_joins_only_an_organisations_name(attributor: QuoteAttributor, text: str, name: str) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote)[0] == name


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        ('"It spreads quickly," said Dr. Ali.', "Ali", "Dr. Ali"),
        ('"We won," said Lee.', "Lee", "Lee"),
    ],
)
def test_a_short_name_ending_the_sentence_loses_its_full_stop(
    attributor: QuoteAttributor, text: str, name: str, mention: str
) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote) == (name, mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('According to the report, "the failures were serious."', "the report"),
        ('"We regret the decision," the statement said.', "the statement"),
        (
            "“The prime minister has full confidence,” according to a statement from Downing Street.",
            "Downing Street",
        ),
    ],
)
def test_a_document_or_its_owner_is_the_source(attributor: QuoteAttributor, text: str, mention: str) -> None:
    quotes = attributor(Document.from_text(text, lang="en")).quotes
    (quote,) = [q for q in quotes if q.text.startswith(("the", "The", "We"))]
    assert speaker_of(quote)[1] == mention


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a title with "of" before the name: the whole title is the role
        ("“The talks will go on,” said Secretary of State Ann Porter.", "Ann Porter", "Secretary of State"),
        ("“Not this year,” said Minister of Health Tom Vance.", "Tom Vance", "Minister of Health"),
        (
            "“The border is secure,” said Secretary of Homeland Security Ann Porter.",
            "Ann Porter",
            "Secretary of Homeland Security",
        ),
    ],
)
def test_title_with_of_before_the_name(attributor: QuoteAttributor, text: str, name: str, role: str) -> None:
    (quote,) = direct(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert quote.speaker.role == role


def test_a_role_of_a_place_is_no_name(attributor: QuoteAttributor) -> None:
    doc = attributor(
        Document.from_text("According to the mayor of Eastbrook, the pool will reopen in June.", lang="en")
    )
    (quote,) = doc.quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "the mayor of Eastbrook"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The port authority's director, James Whitcombe, said the deal was fair to both sides.",
            "James Whitcombe",
            "director",
        ),
        ("Her lawyer, Nadia Osei, told reporters the ruling would be appealed.", "Nadia Osei", "lawyer"),
        ('"The deal is fair," the union\'s chief negotiator, Ray Pham, said.', "Ray Pham", "negotiator"),
    ],
)
def test_a_role_with_a_name_in_apposition_is_that_person(
    attributor: QuoteAttributor, text: str, name: str, role: str
) -> None:
    quote = only_quote(attributor, text)
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert quote.speaker.role is not None
    assert quote.speaker.role.endswith(role)


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("After the vote, James Whitcombe said the deal was fair.", "the deal was fair"),
        ("In the end, the mayor said the road would reopen in May.", "the road would reopen in May"),
    ],
)
def test_a_fronted_phrase_before_a_said_clause_is_no_report(
    attributor: QuoteAttributor, text: str, report: str
) -> None:
    assert [q.text for q in attributor(Document.from_text(text, lang="en")).quotes] == [report]


@pytest.mark.parametrize(
    "text",
    [
        "The road will reopen in May, the mayor said on Tuesday.",
        "The road will reopen in May, the mayor said in a statement released on Monday.",
        "Prices will keep rising, the governor said Tuesday.",
    ],
)
def test_a_tail_frame_with_words_after_its_verb_keeps_the_report_before_it(
    attributor: QuoteAttributor, text: str
) -> None:
    quote = only_quote(attributor, text)
    assert quote.text == text.split(",", maxsplit=1)[0]


@pytest.mark.parametrize(
    ("text", "report", "name"),
    [
        # an organisation named with "for"/"of" after an article is one name, not its head noun
        (
            "The Institute for Fiscal Studies said taxes would have to rise.",
            "taxes would have to rise",
            "Institute for Fiscal Studies",
        ),
        # a tail frame whose speaker has five words
        (
            "Prices rose again in May, the Office for National Statistics said.",
            "Prices rose again in May",
            "Office for National Statistics",
        ),
        # a person's name before "of" keeps its own name
        (
            "Jane Okoro of the Brookings Institution said rates would stay high.",
            "rates would stay high",
            "Jane Okoro",
        ),
        # an irregular past makes the clause
        (
            "The union said the talks broke down after midnight.",
            "the talks broke down after midnight",
            "The union",
        ),
    ],
)
def test_organisation_names_and_long_tail_frames(
    attributor: QuoteAttributor, text: str, report: str, name: str
) -> None:
    quote = only_quote(attributor, text)
    assert quote.text == report
    assert quote.speaker is not None
    assert quote.speaker.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                'Jo Park ran the stall. "Rents are rising," warns Daniel Kim, a trader.\n\n'
                'Park shrugs. "People will always need bread."'
            ),
            "Jo Park",
        ),
        (
            (
                'Jo Park ran the stall. "Rents are rising," warns Daniel Kim, a trader. '
                '"People will always need bread."'
            ),
            "Daniel Kim",
        ),
    ],
)
def test_a_named_subject_in_a_new_paragraph_takes_the_next_quote(
    attributor: QuoteAttributor, text: str, name: str
) -> None:
    last = direct(attributor, text)[-1]
    assert last.text.startswith("People")
    assert last.speaker is not None
    assert last.speaker.name == name


@pytest.mark.parametrize(
    ("text", "report", "name"),
    [
        # a possessive name stands where an article would, and makes the word after it a noun
        (
            "Asked about the mayor's remarks, Okafor's office said she stood by her comments.",
            "she stood by her comments",
            "Okafor's office",
        ),
        # a name in apposition after an inverted frame's role is the person
        ('"Farmers need rain," said its president, Ray Ocampo.', "Farmers need rain,", "Ray Ocampo"),
        # a contracted pronoun speaks as the pronoun
        ("Lena Voss spoke first. She's said the plan was legal.", "the plan was legal", "Lena Voss"),
    ],
)
def test_possessives_appositions_and_contractions(
    attributor: QuoteAttributor, text: str, report: str, name: str
) -> None:
    quote = only_quote(attributor, text)
    assert quote.text == report
    assert quote.speaker is not None
    assert quote.speaker.name == name


@pytest.mark.parametrize(
    "text", ["It's said the plan was legal all along.", "Let's say the plan works as intended."]
)
def test_it_s_and_let_s_name_no_speaker(attributor: QuoteAttributor, text: str) -> None:
    assert attributor(Document.from_text(text, lang="en")).quotes == ()


def test_a_relative_that_before_said_still_frames_the_quote(attributor: QuoteAttributor) -> None:
    text = 'The campaign released a video that said, "We will win in November."'
    (quote,) = direct(attributor, text)
    assert quote.text.startswith("We will win")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor insisted that the city was safe, a claim disputed by police data.",
        "The mayor said the city was safe, an assertion critics rejected.",
    ],
)
def test_an_apposition_summing_up_the_report_is_the_writers(attributor: QuoteAttributor, text: str) -> None:
    quote = only_quote(attributor, text)
    # the report opens with "that" where the text has one, as the corpora annotate it
    assert quote.text.removeprefix("that ") == "the city was safe"
    assert quote.speaker is not None
    assert quote.speaker.name == "The mayor"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a description means a person the text shows to be one, not a place or a party named nearer
        (
            (
                "Gordon Tate has fished off Carrick Point for more than forty years. "
                "“The cod have simply gone,” the 61-year-old told the Coastline Herald."
            ),
            ["Gordon Tate"],
        ),
        # a pronoun of the other gender means the person of its gender named before, titles aside
        (
            (
                "Detective Inspector Laura Finch and her deputy, Sergeant Mark Ebbs, briefed reporters. "
                "She said the investigation was far from over. He added that two more arrests were expected."
            ),
            ["Laura Finch", "Mark Ebbs"],
        ),
    ],
)
def test_descriptions_and_pronouns_mean_people(
    attributor: QuoteAttributor, text: str, speakers: list[str]
) -> None:
    doc = attributor(Document.from_text(text, lang="en"))
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == speakers


def test_a_possessive_before_a_plural_is_no_verb(attributor: QuoteAttributor) -> None:
    text = "Two runways will close in August, according to Ruth Okonkwo, the airport’s operations director."
    quote = only_quote(attributor, text)
    assert quote.text == "Two runways will close in August"
    assert quote.speaker is not None
    assert quote.speaker.name == "Ruth Okonkwo"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # quoted words ending a clause the frame after them reports: a mixed quote, not a direct one
        (
            'The fraudsters posed as utility staff and demanded "immediate cash payments," a spokeswoman said.',
            "The fraudsters",
        ),
        ('He described the plan as "a total disaster," Smith said.', "He described"),
    ],
)
def test_quoted_words_ending_a_reported_clause_are_mixed(
    attributor: QuoteAttributor, text: str, start: str
) -> None:
    doc = attributor(Document.from_text(text, lang="en"))
    assert all(q.kind != "direct" for q in doc.quotes)
    assert any(q.kind == "mixed" and q.text.startswith(start) for q in doc.quotes)


@pytest.mark.parametrize(
    "text",
    [
        # a plural after a number is no verb; a pronoun after an -ing form is its object, no subject
        "Divers found the wreck of the trawler at a depth of forty metres.",
        "The harbour authority decided against raising it, and the site was declared a protected area.",
    ],
)
def test_no_clause_after_a_verb_of_finding_or_deciding(attributor: QuoteAttributor, text: str) -> None:
    assert attributor(Document.from_text(text, lang="en")).quotes == ()
