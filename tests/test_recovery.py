"""Planted quotes, speakers, dates, posts and boilerplate come back out of ``extract``.

The frames are plain and unambiguous („…“, sagte NAME. / NAME said that … / 14. März 2025 /
``text — Name (@handle) Date``): any decent extractor handles them. A failure prints what was
planted and what came back instead (``Planted.missing_in``), and hypothesis shrinks it to the
smallest article that shows it.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotekit
from quotekit.testing import Planted
from quotekit.testing import strategies as qst

PIPELINE = quotekit.Pipeline(autoload=False)
#: The everyday pairs of each language (the rarer ones are in test_recovery_all_marks below).
DE_MARKS = [("„", "“"), ("»", "«")]
EN_MARKS = [("“", "”"), ('"', '"')]


def assert_recovered(planted, **kwargs):
    doc = PIPELINE.extract(planted.text, **kwargs)
    assert planted.missing_in(doc) == [], planted.text


# ------------------------------------------------------------------ worked examples


def test_german_direct_quote_with_speaker():
    doc = PIPELINE.extract("„Wir sind bereit“, sagte Anna Berger.")
    (quote,) = doc.quotes
    assert quote.kind == "direct"
    assert quote.text.strip("„“") == "Wir sind bereit"
    assert quote.speaker is not None
    assert quote.speaker.name == "Anna Berger"


def test_english_direct_quote_with_speaker():
    doc = PIPELINE.extract("“We are ready,” Jonas Keller said.")
    (quote,) = doc.quotes
    assert quote.kind == "direct"
    assert quote.text.strip("“”,") == "We are ready"
    assert quote.speaker is not None
    assert quote.speaker.name == "Jonas Keller"


def test_german_date_value():
    doc = PIPELINE.extract("Die Entscheidung fiel am 14. März 2025.")
    (timex,) = doc.timexes
    assert timex.text == "14. März 2025"
    assert timex.type == "DATE"
    assert timex.value == "2025-03-14"


def test_english_date_value():
    doc = PIPELINE.extract("The decision was made on March 14, 2025.")
    (timex,) = doc.timexes
    assert timex.text == "March 14, 2025"
    assert timex.value == "2025-03-14"


def test_flattened_post():
    text = "Wir bleiben dran. #Verkehr\n— Lena Novak (@LenaNovak) 14. März 2025"
    doc = PIPELINE.extract(text)
    (post,) = doc.posts
    assert post.text == "Wir bleiben dran. #Verkehr"
    assert post.author.handle in {"LenaNovak", "@LenaNovak"}
    assert post.author.name == "Lena Novak"
    assert post.hashtags in {("#Verkehr",), ("Verkehr",)}
    assert post.date == "2025-03-14"


def test_boilerplate_line_is_marked_and_body_kept():
    body = (
        "Die Sitzung des Stadtrats dauerte am Donnerstag mehrere Stunden, weil die Opposition eine "
        "Abstimmung über den Haushalt verlangte und die Verwaltung ihre Zahlen erst spät vorlegte. "
        "Vor dem Rathaus warteten zahlreiche Menschen, die sich über die Pläne für den Nahverkehr "
        "informieren wollten."
    )
    text = f"Teilen auf Facebook\n{body}\nAnzeige"
    doc = PIPELINE.extract(text)
    assert doc.body.strip() == body


# ------------------------------------------------------------------ properties


@given(qst.texts_with_quotes(lang="de", kinds=["direct"], marks=DE_MARKS))
def test_german_direct_quotes_and_speakers_are_recovered(planted):
    assert_recovered(planted)


@given(qst.texts_with_quotes(lang="en", kinds=["direct"], marks=EN_MARKS))
def test_english_direct_quotes_and_speakers_are_recovered(planted):
    assert_recovered(planted)


@given(qst.texts_with_quotes(kinds=["indirect"]))
def test_indirect_quotes_and_speakers_are_recovered(planted):
    assert_recovered(planted)


@given(qst.texts_with_quotes(kinds=["mixed"], marks=DE_MARKS + EN_MARKS))
def test_mixed_quotes_are_recovered(planted):
    assert_recovered(planted)


@given(qst.texts_with_quotes(kinds=["partial"], marks=DE_MARKS + EN_MARKS))
def test_partial_quotes_are_recovered(planted):
    assert_recovered(planted)


@pytest.mark.parametrize("lang", ["de", "en"])
@given(data=st.data())
def test_direct_quotes_with_every_mark_convention_are_recovered(lang, data):
    # Including single marks and reversed guillemets (»…« and «…»).
    assert_recovered(data.draw(qst.texts_with_quotes(lang=lang, kinds=["direct"])))


@given(qst.dates())
def test_dates_in_every_format_are_recovered_with_their_value(planted):
    assert_recovered(planted)


@given(qst.posts())
def test_posts_are_recovered_with_text_and_author(planted):
    assert_recovered(planted)


@given(qst.articles(kinds=["direct", "indirect"], marks=DE_MARKS + EN_MARKS))
def test_whole_articles_are_recovered(planted):
    assert_recovered(planted, published="2025-03-14")


@given(qst.articles(with_posts=False))
def test_boilerplate_lines_are_marked_and_article_text_is_not(planted):
    doc = PIPELINE.extract(planted.text)
    furniture = Planted(text=planted.text, lang=planted.lang, boilerplate=planted.boilerplate)
    assert furniture.missing_in(doc) == []
    for item in (*planted.quotes, *planted.timexes):
        assert not doc.is_boilerplate(item.start, item.end), item.text
