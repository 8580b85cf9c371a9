"""quotekit.testing.strategies: planted ground truth is exact, arguments are checked, examples shrink."""

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import quotekit
from quotekit.testing import Planted
from quotekit.testing import strategies as qst
from quotekit.testing._vocabulary import QUOTE_MARKS

ALL_MARKS = {mark for pairs in QUOTE_MARKS.values() for pair in pairs for mark in pair}


def assert_planted_fits(planted: Planted) -> None:
    for item in (*planted.quotes, *planted.timexes, *planted.boilerplate):
        assert planted.text[item.start : item.end] == item.text
    for post in planted.posts:
        assert post.start <= post.text_start <= post.text_end <= post.end <= len(planted.text)
        assert planted.text[post.text_start : post.text_end] == post.text


@given(qst.articles())
def test_every_planted_span_is_where_it_says(planted):
    assert_planted_fits(planted)
    assert planted.lang in {"de", "en"}
    # The ground truth is a valid document: offsets obey the model's span invariant.
    assert planted.as_document().text == planted.text


@given(qst.texts_with_quotes(lang="de", kinds=["direct"]))
def test_direct_quotes_are_enclosed_in_marks_and_name_their_speaker(planted):
    assert planted.quotes
    for quote in planted.quotes:
        assert quote.kind == "direct"
        assert planted.text[quote.start - 1] in ALL_MARKS
        assert planted.text[quote.end] in ALL_MARKS
        assert quote.speaker in planted.text
        assert quote.cue in planted.text


@given(qst.texts_with_quotes(lang="en", kinds=["indirect"], min_quotes=2, max_quotes=2))
def test_indirect_quotes_have_no_marks_and_the_asked_count(planted):
    assert len(planted.quotes) == 2
    for quote in planted.quotes:
        assert not set(quote.text) & ALL_MARKS
        assert planted.text[: quote.start].rstrip().endswith(("that", quote.cue or ""))


@given(qst.texts_with_quotes(kinds=["mixed"], marks=[("»", "«")]))
def test_mixed_quotes_contain_the_chosen_marks(planted):
    for quote in planted.quotes:
        assert "»" in quote.text
        assert quote.text.endswith("«")


@given(qst.texts_with_quotes(kinds=["partial"]))
def test_partial_quotes_are_short_fragments(planted):
    for quote in planted.quotes:
        assert 1 <= len(quote.text.split()) <= 3


@given(qst.dates())
def test_dates_carry_their_real_value(planted):
    (timex,) = planted.timexes
    assert_planted_fits(planted)
    if timex.format == "month-year":
        assert dt.date.fromisoformat(timex.value + "-01")
    else:
        day = dt.date.fromisoformat(timex.value)
        assert str(day.year) in timex.text
        assert str(day.day) in timex.text


@given(qst.dates(lang="de", formats=["weekday"]))
def test_weekdays_are_the_dates_real_weekdays(planted):
    (timex,) = planted.timexes
    weekdays = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
    assert timex.text.startswith(weekdays[dt.date.fromisoformat(timex.value).weekday()])


@given(qst.posts())
def test_posts_are_flattened_with_an_attribution_line(planted):
    (post,) = planted.posts
    assert_planted_fits(planted)
    attribution = planted.text[post.text_end :]
    assert attribution.startswith(f"\n— {post.name} (@{post.handle}) ")
    assert attribution.endswith(post.date_text)
    for tag in (*post.hashtags, *post.mentions, *post.urls):
        assert tag in post.text


@given(qst.boilerplate_lines())
def test_boilerplate_is_one_whole_line(planted):
    (line,) = planted.boilerplate
    assert (line.start, line.end) == (0, len(planted.text))
    assert "\n" not in planted.text


@given(qst.unicode_texts(max_size=50))
def test_unicode_texts_respect_their_size(text):
    assert isinstance(text, str)
    assert len(text) <= 50


def test_unicode_texts_reach_surrogates_and_nul():
    assert any(
        "\ud800" <= ch <= "\udfff"
        for ch in find(qst.unicode_texts(), lambda t: any("\ud800" <= c <= "\udfff" for c in t))
    )
    assert "\x00" in find(qst.unicode_texts(), lambda t: "\x00" in t)


@given(qst.documents())
def test_documents_are_valid_and_fill_layers(doc):
    assert isinstance(doc, quotekit.Document)
    for _, span in doc.spans():
        assert doc.text[span.start : span.end] == span.text


@given(qst.documents(annotated=False, texts=st.just("plain text")))
def test_documents_can_be_bare(doc):
    assert doc.text == "plain text"
    assert not doc.quotes
    assert not doc.extensions


@given(st.data())
def test_spans_fit_the_text_they_came_from(data):
    for kind in (quotekit.Quote, quotekit.Timex, quotekit.Post, quotekit.Span, quotekit.Annotation):
        span = data.draw(qst.spans(kind))
        assert isinstance(span, kind)


# ------------------------------------------------------------------ shrinking


@pytest.mark.parametrize(
    ("lang", "kind", "minimal_text"),
    [
        ("de", "direct", "„Wir sind bereit“, sagte Anna Berger."),
        ("en", "direct", "“We are ready,” Anna Berger said."),
        ("de", "indirect", "Anna Berger sagte, man sei bereit."),
        ("en", "mixed", "Anna Berger said they were “ready”."),
        ("de", "partial", "Anna Berger sagte, der Plan sei „ein Fehler“."),
    ],
)
def test_quotes_shrink_to_a_minimal_example(lang, kind, minimal_text):
    minimal = find(qst.texts_with_quotes(lang=lang, kinds=[kind]), lambda planted: True)
    assert minimal.text == minimal_text
    assert len(minimal.quotes) == 1


def test_a_failing_quote_property_shrinks_to_two_plain_quotes():
    minimal = find(qst.texts_with_quotes(lang="de"), lambda planted: len(planted.quotes) >= 2)
    # Which frame wins depends on the search; the shape does not: two quotes, no filler, the
    # first name of the vocabulary, one sentence each.
    assert len(minimal.quotes) == 2
    assert {quote.speaker for quote in minimal.quotes} == {"Anna Berger"}
    assert minimal.text.count(".") == 2


def test_articles_shrink_to_a_single_plain_sentence():
    minimal = find(qst.articles(lang="en"), lambda planted: True)
    assert minimal.text == "The meeting lasted several hours."


def test_a_failing_property_shrinks_to_the_smallest_offending_article():
    # Any article with a planted date: shrinking leaves just the date sentence.
    minimal = find(qst.articles(lang="de", with_boilerplate=False), lambda planted: bool(planted.timexes))
    assert minimal.text.startswith("Die Entscheidung fiel am ")
    assert minimal.text.count(".") == 2  # one sentence: "am 1. Januar 2000."
    assert minimal.timexes[0].value.endswith("-01-01")


# ------------------------------------------------------------------ bad arguments


@pytest.mark.parametrize(
    "strategy",
    [
        qst.texts_with_quotes(lang="fr"),
        qst.texts_with_quotes(kinds="direct"),
        qst.texts_with_quotes(kinds=["scare"]),
        qst.texts_with_quotes(marks=[("«",)]),
        qst.texts_with_quotes(marks=[]),
        qst.texts_with_quotes(min_quotes=3, max_quotes=1),
        qst.dates(formats=["roman"]),
        qst.dates(lang="de", formats=["us-long"]),
        qst.dates(min_value=dt.date(2030, 1, 1), max_value=dt.date(2020, 1, 1)),
        qst.posts(lang=[]),
        qst.articles(min_paragraphs=-1),
        qst.unicode_texts(min_size=5, max_size=2),
        qst.documents(texts="not a strategy"),  # type: ignore[arg-type]
        qst.spans(dict),
    ],
)
def test_bad_arguments_are_reported_when_drawn(strategy):
    # Building the strategy did not raise (the parametrize list above); drawing does.
    @given(strategy)
    def inner(value):
        pass

    with pytest.raises(InvalidArgument):
        inner()


# ------------------------------------------------------------------ import hygiene and from_type


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_importing_quotekit_testing_imports_neither_pytest_nor_hypothesis():
    out = run_python(
        "import sys, quotekit, quotekit.testing; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pytest', 'hypothesis', '_pytest'}))"
    )
    assert out == "[]"


def test_quotekit_does_not_import_hypothesis():
    out = run_python("import sys, quotekit; quotekit.extract('Text'); print('hypothesis' in sys.modules)")
    assert out == "False"


def test_from_type_document_works_through_the_entry_point_alone():
    # A fresh interpreter that never imports quotekit.testing: the entry point registers it.
    out = run_python(
        "from hypothesis import HealthCheck, given, settings, strategies as st\n"
        "import quotekit\n"
        "seen = []\n"
        # what is tested is the registration; the time a whole Document takes to draw on a
        # loaded machine is no failure of it (the suite's own profiles suppress too_slow too)
        "@settings(max_examples=20, database=None, suppress_health_check=[HealthCheck.too_slow])\n"
        "@given(st.from_type(quotekit.Document), st.from_type(quotekit.Quote))\n"
        "def t(doc, quote):\n"
        "    assert isinstance(doc, quotekit.Document) and isinstance(quote, quotekit.Quote)\n"
        "    seen.append(len(doc.quotes))\n"
        "t()\n"
        "print(len(seen), max(seen) > 0)"
    )
    assert out == "20 True"


@given(st.from_type(quotekit.Document))
def test_from_type_document_in_process(doc):
    assert isinstance(doc, quotekit.Document)
