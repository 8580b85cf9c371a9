"""The model's invariants: spans fit the text, documents are immutable, body is derived."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest

from quotekit import (
    Annotation,
    Author,
    BoilerplateSpan,
    Diagnostic,
    Document,
    Entity,
    LanguageSpan,
    Post,
    Quote,
    Span,
    SpanError,
    Speaker,
    Timex,
)

TEXT = "„Wir bleiben“, sagte Anna Berg am Montag.\nFoto: privat\n"


def quote() -> Quote:
    return Quote(
        start=1,
        end=12,
        text="Wir bleiben",
        kind="direct",
        speaker=Speaker(name="Anna Berg", mention=Span.of(TEXT, 21, 30)),
        cue=Span.of(TEXT, 15, 20),
    )


def test_valid_layers_construct() -> None:
    doc = Document(
        text=TEXT,
        quotes=[quote()],
        timexes=[Timex(start=31, end=40, text="am Montag", type="DATE", value="2025-03-10")],
        boilerplate=[BoilerplateSpan(start=42, end=54, text="Foto: privat", reason="photo credit")],
        entities=[Entity(name="Anna Berg", mentions=[Span.of(TEXT, 21, 30)])],
    )
    assert isinstance(doc.quotes, tuple)
    assert doc.quotes[0].speaker is not None
    assert doc.quotes[0].speaker.name == "Anna Berg"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(0, 12, "Wir bleiben"), (1, 12, "wir bleiben"), (50, 70, "privat\n"), (1, 12, "Wir bleiben!")],
)
def test_span_that_does_not_fit_raises(start: int, end: int, text: str) -> None:
    with pytest.raises(SpanError):
        Document(text=TEXT, quotes=[Quote(start=start, end=end, text=text, kind="direct")])


def test_nested_spans_are_checked_too() -> None:
    bad_cue = attrs.evolve(quote(), cue=Span(start=15, end=20, text="sagt!"))
    with pytest.raises(SpanError, match=r"quotes\.cue"):
        Document(text=TEXT, quotes=[bad_cue])
    bad_mention = attrs.evolve(quote(), speaker=Speaker(name="X", mention=Span(start=0, end=3, text="abc")))
    with pytest.raises(SpanError, match=r"quotes\.speaker"):
        Document(text=TEXT, quotes=[bad_mention])


def test_end_before_start_is_refused() -> None:
    with pytest.raises(SpanError):
        Span(start=5, end=4, text="")
    with pytest.raises(ValueError, match="must be >= 0"):
        Span(start=-1, end=0, text="")


def test_invalid_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        Quote(start=1, end=12, text="Wir bleiben", kind="shouted")  # type: ignore[arg-type]


def test_post_text_must_lie_inside_the_post() -> None:
    text = "Hallo Welt\n— Anna (@anna) 3. März 2025\nmehr"
    good = Post(
        start=0,
        end=38,
        platform="twitter",
        text="Hallo Welt",
        text_start=0,
        text_end=10,
        author=Author(name="Anna", handle="anna"),
    )
    Document(text=text, posts=[good])
    with pytest.raises(SpanError):
        Document(text=text, posts=[attrs.evolve(good, text_start=40, text_end=44, text="mehr")])
    with pytest.raises(SpanError):
        Document(text=text, posts=[attrs.evolve(good, text="Hallo welt")])


def test_references_between_layers_are_checked() -> None:
    with pytest.raises(SpanError, match="post 0"):
        Document(text=TEXT, quotes=[attrs.evolve(quote(), source="post", post=0)])
    with pytest.raises(SpanError, match="entity 3"):
        speaker = Speaker(name="Anna Berg", mention=Span.of(TEXT, 21, 30), entity=3)
        Document(text=TEXT, quotes=[attrs.evolve(quote(), speaker=speaker)])


def test_documents_are_frozen_and_layers_are_tuples() -> None:
    doc = Document(text=TEXT, quotes=[quote()])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert isinstance(doc.quotes, tuple)
    with pytest.raises(TypeError):
        doc.extensions["a.b"] = ()  # type: ignore[index]


def test_body_is_the_text_without_boilerplate() -> None:
    doc = Document(
        text=TEXT,
        boilerplate=[
            BoilerplateSpan(start=42, end=54, text="Foto: privat", reason="photo credit"),
            BoilerplateSpan(start=44, end=48, text="to: ", reason="overlapping"),
        ],
    )
    assert doc.body == TEXT[:42] + "\n"
    assert doc.body_spans() == [(0, 42), (54, 55)]
    assert doc.is_boilerplate(42, 54)
    assert not doc.is_boilerplate(40, 54)


def test_extension_layers_are_namespaced_and_json_only() -> None:
    note = Annotation(start=1, end=4, text="Wir", label="pronoun", data={"person": 1, "tags": ["a"]})
    doc = Document(text=TEXT).with_extension("grammar.pronouns", [note])
    assert doc.extensions["grammar.pronouns"] == (note,)
    with pytest.raises(ValueError, match="namespaced"):
        Document(text=TEXT, extensions={"pronouns": ()})
    with pytest.raises(TypeError, match="JSON"):
        Annotation(start=1, end=4, text="Wir", label="x", data={"when": dt.date(2025, 1, 1)})
    with pytest.raises(TypeError, match="JSON"):
        Annotation(start=1, end=4, text="Wir", label="x", data={"score": float("nan")})
    with pytest.raises(SpanError):
        Document(text=TEXT, extensions={"a.b": [Annotation(start=0, end=2, text="zz", label="x")]})


class TestFromText:
    def test_non_str_gets_a_type_error_saying_what_to_pass(self) -> None:
        with pytest.raises(TypeError, match=r"needs the article as str, got bytes.*decode"):
            Document.from_text(b"Hallo")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="got NoneType"):
            Document.from_text(None)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("2025-03-14", dt.date(2025, 3, 14)),
            ("2025-03-14T09:30:00+01:00", dt.date(2025, 3, 14)),
            (dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.timezone.utc), dt.date(2025, 3, 14)),
            (dt.date(2025, 3, 14), dt.date(2025, 3, 14)),
            (None, None),
        ],
    )
    def test_published_forms(self, given: object, expected: dt.date | None) -> None:
        doc = Document.from_text("x", published=given)  # type: ignore[arg-type]
        assert doc.published == expected
        assert doc.published_source == (None if expected is None else "given")

    @pytest.mark.parametrize("bad", ["14.03.2025", "yesterday", "2025-13-01", 20250314])
    def test_bad_published_is_a_value_error(self, bad: object) -> None:
        with pytest.raises(ValueError, match="is not a date"):
            Document.from_text("x", published=bad)  # type: ignore[arg-type]

    def test_diagnostics_helpers(self) -> None:
        doc = Document.from_text("x").with_diagnostic(
            Diagnostic(severity="error", code="boom", message="m", extractor="e")
        )
        assert [d.code for d in doc.errors] == ["boom"]


# ------------------------------------------------------------------ language look-ups


def _doc_with_blocks(text: str, cuts: list[int], langs: list[str]) -> Document:
    """Blocks between sorted cut points, every other stretch left without a block."""
    bounds = sorted({0, len(text), *[c % (len(text) + 1) for c in cuts]})
    blocks = [
        LanguageSpan(start=a, end=b, text=text[a:b], lang=langs[i % len(langs)], confidence=1.0)
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
        if i % 3 != 2
    ]
    return Document(text=text, lang="de", languages=blocks[::-1])  # unsorted on purpose


def test_language_lookup_and_segments_agree_with_lang_at():
    from hypothesis import given
    from hypothesis import strategies as st

    @given(
        st.text(min_size=1, max_size=60),
        st.lists(st.integers(0, 80), max_size=8),
        st.lists(st.sampled_from(["de", "en", "fr"]), min_size=1, max_size=3),
    )
    def check(text: str, cuts: list[int], langs: list[str]) -> None:
        doc = _doc_with_blocks(text, cuts, langs)
        lookup = doc.language_lookup()
        assert [lookup(i) for i in range(len(text) + 2)] == [doc.lang_at(i) for i in range(len(text) + 2)]
        segments = doc.language_segments()
        # The segments tile the text, neighbours differ, and each says what lang_at says.
        assert segments[0][0] == 0
        assert segments[-1][1] == len(text)
        for (_, end, lang), (start, _, next_lang) in itertools.pairwise(segments):
            assert end == start
            assert lang != next_lang
        for start, end, lang in segments:
            assert {doc.lang_at(i) for i in range(start, end)} == {lang}

    check()


def test_language_segments_of_a_document_without_blocks():
    doc = Document(text="Guten Tag.", lang="de")
    assert doc.language_segments() == [(0, 10, "de")]
    assert doc.language_lookup()(3) == "de"
    assert Document(text="", lang="de").language_segments() == []
