"""The quotes extractor on sentences written for these tests (German and English)."""

from __future__ import annotations

import pytest

import quotekit
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Author, Document, Post, Quote, Timex
from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(Pipeline(autoload=False).language_data)


def run(attributor: QuoteAttributor, text: str, lang: str = "de", **layers: object) -> Document:
    doc = Document.from_text(text, lang=lang)
    if layers:
        doc = doc.evolve(**layers)
    return attributor(doc)


def only(doc: Document, kind: str) -> list[Quote]:
    return [q for q in doc.quotes if q.kind == kind]


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


# ---------------------------------------------------------------- direct quotes and frames


def test_german_inverted_frame_names_the_speaker(attributor: QuoteAttributor) -> None:
    text = (
        "Die Ministerin Anna Becker besuchte das Werk. „Wir bauen hier die Zukunft“, sagte Becker am Montag."
    )
    doc = run(attributor, text)
    [quote] = only(doc, "direct")
    assert quote.text == "Wir bauen hier die Zukunft"
    assert speaker_name(quote) == "Anna Becker"
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Becker"
    assert quote.cue is not None
    assert quote.cue.text == "sagte"


def test_separable_cue_verb_and_pronoun(attributor: QuoteAttributor) -> None:
    text = (
        "„Der Plan steht“, sagte Bürgermeister Jan Ohlsen. "
        "„Wir beginnen im Frühjahr mit dem Bau“, fügte er hinzu."
    )
    doc = run(attributor, text)
    first, second = only(doc, "direct")
    assert speaker_name(first) == "Jan Ohlsen"
    assert second.cue is not None
    assert second.cue.text == "fügte er hinzu"
    assert second.speaker is not None
    assert second.speaker.mention is not None
    assert second.speaker.mention.text == "er"
    assert speaker_name(second) == "Jan Ohlsen"
    assert second.speaker.entity == first.speaker.entity if first.speaker else False


def test_colon_frame_before_the_quote(attributor: QuoteAttributor) -> None:
    doc = run(attributor, "Auf die Frage nach dem Termin antwortete Ohlsen: „Im Mai, wenn alles gut geht.“")
    [quote] = only(doc, "direct")
    assert quote.text == "Im Mai, wenn alles gut geht."
    assert speaker_name(quote) == "Ohlsen"


def test_english_frames_and_appositions(attributor: QuoteAttributor) -> None:
    text = (
        '"We are not there yet," said Hugh Hill, a doctor at the clinic. '
        '"The numbers keep rising," Hill, who has worked there for years, told reporters. '
        "“It is hard,” the minister said."
    )
    doc = run(attributor, text, lang="en")
    quotes = only(doc, "direct")
    assert [q.text for q in quotes] == ["We are not there yet,", "The numbers keep rising,", "It is hard,"]
    assert speaker_name(quotes[0]) == "Hugh Hill"
    assert speaker_name(quotes[1]) == "Hugh Hill"
    assert quotes[2].speaker is not None
    assert quotes[2].speaker.mention is not None
    assert quotes[2].speaker.mention.text == "the minister"


def test_quote_split_by_a_frame_is_one_group(attributor: QuoteAttributor) -> None:
    doc = run(attributor, "„Wir sind bereit“, sagte Ohlsen, „und wir fangen morgen an.“")
    first, second = only(doc, "direct")
    assert first.group == second.group
    assert speaker_name(second) == "Ohlsen"


def test_standalone_quote_inherits_the_last_speaker(attributor: QuoteAttributor) -> None:
    text = "„Es wird teuer“, sagte Ohlsen. „Aber es lohnt sich, das verspreche ich.“"
    doc = run(attributor, text)
    first, second = only(doc, "direct")
    assert speaker_name(second) == speaker_name(first) == "Ohlsen"


# ---------------------------------------------------------------- not every quoted string is a quote


def test_scare_quotes_titles_and_nicknames_are_not_quotes(attributor: QuoteAttributor) -> None:
    text = (
        "Der Trainer, der oft als „Feuerwehrmann“ bezeichnet wird, kam mit der Zeitung „Nordkurier“. "
        "Die sogenannte „Wende“ blieb aus."
    )
    assert run(attributor, text).quotes == ()


def test_english_so_called_and_titles_are_not_quotes(attributor: QuoteAttributor) -> None:
    text = "The so-called “deal” was discussed on “Morning Report,” where the host smiled."
    assert only(run(attributor, text, lang="en"), "direct") == []


def test_fragment_in_reported_speech_is_partial(attributor: QuoteAttributor) -> None:
    text = "Ohlsen sagte, dass der Stadtrat die „Blockade“ endlich beendet habe."
    doc = run(attributor, text)
    [partial] = only(doc, "partial")
    assert partial.text == "Blockade"
    assert speaker_name(partial) == "Ohlsen"
    [report] = [q for q in doc.quotes if q.kind in {"indirect", "mixed"}]
    assert report.text.startswith("dass der Stadtrat")
    assert speaker_name(report) == "Ohlsen"


# ---------------------------------------------------------------- indirect and mixed


def test_konjunktiv_after_an_inverted_cue(attributor: QuoteAttributor) -> None:
    doc = run(attributor, "Das bedeute noch keine Einigung, ergänzte Ohlsen am Abend.")
    [quote] = only(doc, "indirect")
    assert quote.text == "Das bedeute noch keine Einigung"
    assert speaker_name(quote) == "Ohlsen"


def test_source_phrases(attributor: QuoteAttributor) -> None:
    doc = run(attributor, "Laut Polizei wurden drei Menschen leicht verletzt.")
    [quote] = only(doc, "indirect")
    assert quote.text == "wurden drei Menschen leicht verletzt"
    assert speaker_name(quote) == "Polizei"
    doc = run(attributor, "According to the agency, the river will rise until Friday.", lang="en")
    [quote] = only(doc, "indirect")
    assert quote.text == "the river will rise until Friday"


def test_english_said_clause_and_mixed(attributor: QuoteAttributor) -> None:
    doc = run(
        attributor, 'Senator Ruth Ames said the bill was "a step backwards for everyone" and left.', lang="en"
    )
    [mixed] = only(doc, "mixed")
    assert "a step backwards" in mixed.text
    assert speaker_name(mixed) == "Ruth Ames"
    assert only(doc, "direct") == []


# ---------------------------------------------------------------- quotation marks in real text


def test_marks_that_do_not_pair_the_textbook_way(attributor: QuoteAttributor) -> None:
    doc = run(
        attributor, 'Ames said the vote was close, “but we won it fair and square" on Tuesday.', lang="en"
    )
    assert [q.text for q in only(doc, "direct")] == ["but we won it fair and square"]


def test_apostrophes_are_not_quotes(attributor: QuoteAttributor) -> None:
    doc = run(attributor, "Kohl's shop didn't open in the ’90s, she said.", lang="en")
    assert only(doc, "direct") == []
    assert only(doc, "partial") == []


def test_nested_quote_stays_inside(attributor: QuoteAttributor) -> None:
    doc = run(attributor, "„Er rief ‚Halt!‘ und lief weg“, sagte die Zeugin.")
    [quote] = only(doc, "direct")
    assert quote.text == "Er rief ‚Halt!‘ und lief weg"


def test_multi_paragraph_quote_reopened_on_each_paragraph(attributor: QuoteAttributor) -> None:
    text = "Ohlsen sagte: „Der erste Teil ist fertig.\n„Der zweite folgt im Herbst.“\nDanach war Ruhe."
    doc = run(attributor, text)
    parts = only(doc, "direct")
    assert [q.text for q in parts] == ["Der erste Teil ist fertig.", "Der zweite folgt im Herbst."]
    assert parts[0].group == parts[1].group
    assert all(speaker_name(q) == "Ohlsen" for q in parts)
    assert not [d for d in doc.diagnostics if d.code == "unclosed-quote"]


def test_unclosed_mark_is_cut_and_reported(attributor: QuoteAttributor) -> None:
    text = "Ohlsen sagte: „Das ist nicht das Ende.\nDer Rat tagt morgen wieder. Es gibt Kaffee."
    doc = run(attributor, text)
    [quote] = only(doc, "direct")
    assert quote.text == "Das ist nicht das Ende."
    assert "\n" not in quote.text
    [diagnostic] = [d for d in doc.diagnostics if d.code == "unclosed-quote"]
    assert diagnostic.start == text.index("„")


def test_unclosed_mark_without_paragraphs_does_not_swallow_the_article(attributor: QuoteAttributor) -> None:
    text = "Ohlsen sagte: „Das ist nicht das Ende. " + "Der Rat tagt morgen wieder. " * 200
    doc = run(attributor, text)
    assert all(q.end - q.start < 1300 for q in doc.quotes)
    assert any(d.code == "unclosed-quote" for d in doc.diagnostics)


# ---------------------------------------------------------------- dates, posts, entities


def test_quote_gets_the_date_of_its_frame(attributor: QuoteAttributor) -> None:
    text = "„Wir sind zufrieden“, sagte Ohlsen am Freitag."
    start = text.index("am Freitag")
    timex = Timex(start=start, end=start + 10, text="am Freitag", type="DATE", value="2025-03-14")
    doc = run(attributor, text, timexes=(timex,))
    [quote] = only(doc, "direct")
    assert quote.date == "2025-03-14"
    assert only(run(attributor, text), "direct")[0].date is None


def test_speech_act_reported_whole_is_dated_by_its_own_time() -> None:
    # the whole pipeline: the dates extractor supplies the time expressions
    text = "Die Ministerin verteidigte am Donnerstag die Pläne für den Windpark vor Rügen."
    (quote,) = quotekit.extract(text, published="2026-12-03").quotes
    assert quote.date == "2026-12-03"


def test_the_same_speaker_goes_on_on_the_same_occasion() -> None:
    text = (
        "„Wir brauchen den Windpark“, sagte Ministerin Katrin Lemke am Donnerstag in Sassnitz. "
        "„Ohne ihn schaffen wir es nicht“, fügte sie hinzu.\n\n"
        "„Das ist Unsinn“, sagte Bürgermeister Holger Teschke."
    )
    quotes = quotekit.extract(text, published="2026-12-03").quotes
    assert [q.date for q in quotes] == ["2026-12-03", "2026-12-03", None]


def test_a_reference_to_now_dates_no_quote() -> None:
    text = "Der Minister sagte jetzt, die Lage sei ernst."
    (quote,) = quotekit.extract(text, published="2026-12-03").quotes
    assert quote.date is None


def test_quote_in_a_post_has_the_post_as_source(attributor: QuoteAttributor) -> None:
    article = "The station quoted the minister.\n"
    post_text = "“We will not give up on this,” she wrote."
    embed = post_text + "\n— City News (@citynews) May 2, 2025"
    text = article + embed + "\nEnd."
    post = Post(
        start=len(article),
        end=len(article) + len(embed),
        platform="twitter",
        text=post_text,
        text_start=len(article),
        text_end=len(article) + len(post_text),
        author=Author(name="City News", handle="citynews"),
    )
    doc = run(attributor, text, lang="en", posts=(post,))
    [quote] = only(doc, "direct")
    assert quote.source == "post"
    assert quote.post == 0
    assert speaker_name(quote) == "City News"


def test_entities_collect_mentions_and_roles(attributor: QuoteAttributor) -> None:
    text = (
        "Bürgermeister Jan Ohlsen eröffnete die Sitzung. „Wir fangen an“, sagte Ohlsen. "
        "„Es wird lang“, fügte er hinzu."
    )
    doc = run(attributor, text)
    [entity] = [e for e in doc.entities if e.name == "Jan Ohlsen"]
    assert [m.text for m in entity.mentions] == ["Ohlsen", "er"]
    assert "Bürgermeister" in entity.roles


def test_language_per_block_chooses_the_rules(
    attributor: QuoteAttributor, detector: LanguageDetector
) -> None:
    text = (
        "Die Ministerin sprach lange mit den Journalisten über die neuen Pläne der Regierung.\n"
        '"We will see what happens next," she said after the meeting with the other ministers.'
    )
    doc = attributor(detector(Document.from_text(text)))
    [quote] = only(doc, "direct")
    assert quote.lang == "en"
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "she"


def test_two_apostrophes_as_double_quotes(attributor: QuoteAttributor) -> None:
    text = "''The voters are angry,'' Mr. Ames said, ''and they will not forget it.''"
    doc = run(attributor, text, lang="en")
    quotes = only(doc, "direct")
    assert [q.text for q in quotes] == ["The voters are angry,", "and they will not forget it."]
    assert all(speaker_name(q) == "Ames" for q in quotes)
    assert quotes[0].group == quotes[1].group
