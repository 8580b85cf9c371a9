# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The built-in boilerplate stripper: what it marks, what it never marks, and that it is stable."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotekit.boilerplate import BoilerplateStripper
from quotekit.hookspecs import hookimpl
from quotekit.lang import LanguageData, LanguageDataRegistry, load_builtin_tables
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Author, Document, Post, Quote
from quotekit.pipeline import Pipeline
from quotekit.testing import Planted
from quotekit.testing import strategies as qst

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _data() -> LanguageData:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return registry.freeze()


DATA = _data()
DETECT = LanguageDetector(DATA)
STRIP = BoilerplateStripper(DATA)
PIPELINE = Pipeline(autoload=False)


def run(text: str, **layers: Any) -> Document:
    return STRIP(DETECT(Document(text=text, **layers)))


def marked(doc: Document) -> list[str]:
    return [span.text for span in doc.boilerplate]


def reasons(doc: Document) -> dict[str, str]:
    return {span.text: span.reason for span in doc.boilerplate}


# An article of our own making, shaped like the seed: prose, an agency credit, a disclaimer.
ARTICLE_DE = "\n".join(  # noqa: FLY002 - one item per page line
    [
        (
            "Die Stadt will den Nahverkehr bis zum Jahr 2030 deutlich ausbauen, wie der Bürgermeister am "
            "Dienstag im Rathaus mitteilte. Dafür sollen neue Buslinien entstehen und die Takte auf den "
            "wichtigsten Strecken verdichtet werden."
        ),
        (
            "Die Kosten schätzt die Verwaltung auf rund 40 Millionen Euro. Ein Teil davon soll aus "
            "Fördermitteln des Landes kommen, den Rest müsse die Stadt aus dem eigenen Haushalt bezahlen."
        ),
        (
            "Ob der Stadtrat dem Plan zustimmt, ist noch offen. Die Opposition kritisierte, dass die "
            "Anwohner der Außenbezirke zu wenig von den neuen Linien hätten."
        ),
        "dpa",
        (
            "Dieser Text gibt ausschließlich die Meinung des Autors wieder. Er ersetzt keine Beratung "
            "durch Fachleute."
        ),
    ]
)


def test_credit_line_and_disclaimer_are_marked_and_nothing_else() -> None:
    doc = run(ARTICLE_DE)
    assert reasons(doc) == {
        "dpa": "source credit",
        ARTICLE_DE.splitlines()[-1]: "disclaimer",
    }
    assert doc.body.strip().endswith("Linien hätten.")


def test_spans_are_whole_lines_without_their_newline() -> None:
    doc = run(ARTICLE_DE)
    for span in doc.boilerplate:
        assert doc.text[span.start : span.end] == span.text
        assert "\n" not in span.text
        assert span.start == 0 or doc.text[span.start - 1] == "\n"
        assert span.end == len(doc.text) or doc.text[span.end] == "\n"


PAGE_EN = "\n".join(  # noqa: FLY002 - one item per page line
    [
        "Home",
        "World",
        "Politics",
        "Business",
        "Sign up for our newsletter",
        "Council approves new bus lines for the city centre",
        (
            "The city council voted on Tuesday to add four bus lines to the centre of the city, a plan that "
            "the mayor said would cut the number of cars on the busiest roads by a fifth within two years."
        ),
        "Photo: Jane Doe / Example Agency",
        (
            "The plan will cost about 40 million dollars, most of which is to come from a state fund that "
            "was set up last year for projects of this kind, according to the city's own figures."
        ),
        "Yes.",
        (
            "Critics said that the outer districts would see little of the new service and that the money "
            "should have gone to the roads that they use every day instead of to the centre."
        ),
        "Share this article",
        "Facebook Twitter Email",
        "Read more: Why the city wants fewer cars",
        "Related stories",
        "Privacy policy",
        "Terms of use",
        "© 2026 Example Media. All rights reserved.",
    ]
)


def test_page_furniture_around_an_english_article() -> None:
    doc = run(PAGE_EN)
    found = reasons(doc)
    lines = PAGE_EN.splitlines()
    for line in [*lines[:5], *lines[-7:]]:
        assert line in found, line
    assert found["Photo: Jane Doe / Example Agency"] == "photo credit"
    assert found["Facebook Twitter Email"] == "share bar"
    assert found["Sign up for our newsletter"] == "newsletter"
    assert found["© 2026 Example Media. All rights reserved."] == "copyright"
    for line in (lines[6], lines[8], lines[10]):
        assert line in doc.body
    # A one-word line inside the article is content, not boilerplate because it is short.
    assert "Yes." not in found


def test_one_word_line_inside_a_german_article_is_kept() -> None:
    lines = ARTICLE_DE.splitlines()
    text = "\n".join([lines[0], "Ja.", lines[1], lines[2]])
    assert marked(run(text)) == []


def test_german_page_furniture_reasons() -> None:
    lines = ARTICLE_DE.splitlines()
    text = "\n".join(
        [
            lines[0],
            "Foto: Max Muster/dpa",
            lines[1],
            lines[2],
            "Lesen Sie auch: Was der neue Fahrplan bringt",
            "Anzeige",
            "Teilen",
            "Drucken",
            "Mehr zum Thema",
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        ]
    )
    found = reasons(run(text))
    assert found == {
        "Foto: Max Muster/dpa": "photo credit",
        "Lesen Sie auch: Was der neue Fahrplan bringt": "related links",
        "Anzeige": "advertisement",
        "Teilen": "share bar",
        "Drucken": "share bar",
        "Mehr zum Thema": "related links",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.": "cookie notice",
    }


def test_headline_and_lede_of_plain_article_text_are_kept() -> None:
    headline = "Stadt baut Nahverkehr aus"
    lede = "Neue Buslinien und dichtere Takte bis 2030"
    doc = run("\n".join([headline, lede, *ARTICLE_DE.splitlines()[:3]]))
    assert marked(doc) == []


def test_headline_and_lede_above_a_byline_block_in_a_page_dump_are_kept() -> None:
    headline = "Stadt baut den Nahverkehr bis 2030 aus"
    lede = (
        "Neue Buslinien und dichtere Takte: Der Bürgermeister hat am Dienstag vorgestellt, wie die "
        "Stadt die Zahl der Autos in der Innenstadt senken will."
    )
    furniture = ["Von Max Muster", "3. Mai 2024, 17:47", "Foto: Erika Beispiel/dpa", "Teilen"]
    text = "\n".join(["Startseite", "Politik", headline, lede, *furniture, *ARTICLE_DE.splitlines()[:3]])
    found = reasons(run(text))
    assert headline not in found
    assert lede not in found
    assert found["Von Max Muster"] == "byline"
    assert found["3. Mai 2024, 17:47"] == "timestamp"
    assert found["Foto: Erika Beispiel/dpa"] == "photo credit"
    assert {"Startseite", "Politik"} <= set(found)


def test_lines_inside_quotes_are_never_marked() -> None:
    text = "\n".join([*ARTICLE_DE.splitlines()[:3], "Teilen", "Mehr zum Thema"])
    start = text.index("Teilen")
    quote = Quote(start=start, end=start + len("Teilen"), text="Teilen", kind="direct")
    doc = run(text, quotes=(quote,))
    assert "Teilen" not in marked(doc)
    assert "Mehr zum Thema" in marked(doc)


def test_embedded_posts_are_never_marked() -> None:
    post_text = "We are not there yet, we have to keep the pressure on pic.twitter.com/abc123"
    attribution = "— Example News (@ExampleNews) March 14, 2025"
    lines = ARTICLE_DE.splitlines()
    # The embed closes the page, where furniture usually sits: only the posts layer saves it.
    text = "\n".join([lines[0], lines[1], lines[2], "Teilen", post_text, attribution])
    start = text.index(post_text)
    end = text.index(attribution) + len(attribution)
    post = Post(
        start=start,
        end=end,
        platform="twitter",
        text=post_text,
        text_start=start,
        text_end=start + len(post_text),
        author=Author(name="Example News", handle="ExampleNews"),
    )
    without = run(text)
    with_post = run(text, posts=(post,))
    assert attribution in marked(without)
    assert marked(with_post) == ["Teilen"]


def test_existing_boilerplate_spans_are_kept() -> None:
    doc = run(ARTICLE_DE)
    again = STRIP(doc)
    assert again.boilerplate == doc.boilerplate


# ----------------------------------------------------------------- idempotence

PROSE = [
    (
        "The council voted on Tuesday to add four bus lines to the centre of the city, and the mayor said "
        "that the plan would cut traffic on the busiest roads by a fifth."
    ),
    (
        "Die Verwaltung schätzt die Kosten auf rund 40 Millionen Euro, von denen ein Teil aus den "
        "Fördermitteln des Landes kommen soll, wie es in der Vorlage heißt."
    ),
    (
        "Critics said that the outer districts would see little of the new service and that the money "
        "should have gone to the roads they use every day."
    ),
    (
        "Ob der Stadtrat dem Plan zustimmt, ist noch offen, denn die Opposition hat angekündigt, dass sie "
        "gegen die Vorlage stimmen wird."
    ),
]
SHORT = ["Ja.", "Yes.", "Why now?", "Die Kosten", "What comes next", "Nein, sagt er."]
FURNITURE = [
    "Home",
    "Teilen",
    "Share this article",
    "Facebook Twitter Email",
    "Foto: Max Muster/dpa",
    "Photo: Jane Doe",
    "Read more: Why the city wants fewer cars",
    "Lesen Sie auch: Was der Fahrplan bringt",
    "Anzeige",
    "Advertisement",
    "3. Mai 2024, 17:47",
    "By Jane Doe",
    "dpa/AFP",
    "(Reuters)",
    "Privacy policy",
    "© 2026 Example Media",
    "Sign up for our newsletter",
    "Related stories",
    "42",
]
LINES = st.one_of(st.sampled_from(PROSE), st.sampled_from(SHORT), st.sampled_from(FURNITURE))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=40), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_stripping_the_body_again_marks_nothing_new(lines: list[str], newline: str) -> None:
    doc = run(newline.join(lines))
    assert marked(run(doc.body)) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .:\n\r\t\x00©|Ja-/"), max_size=300))
def test_stripping_arbitrary_text_is_idempotent_and_exact(text: str) -> None:
    doc = run(text)
    for span in doc.boilerplate:
        assert text[span.start : span.end] == span.text
    assert marked(run(doc.body)) == []


# ----------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\x00\x00\n\x00",
        "\ud800 lone surrogate\nTeilen",
        "\u200f\u202eRTL marks\u202c\nShare",
        "line one\r\nTeilen\r\nline three\r\n",
        "x" * 1_000_000,
        "„" * 200_000 + "\n" + "Teilen",
        ("word " * 50 + "\n") * 2000,
    ],
)
def test_never_raises_and_spans_fit_the_text(text: str) -> None:
    doc = run(text)
    assert all(text[s.start : s.end] == s.text for s in doc.boilerplate)
    assert doc.body == "".join(text[a:b] for a, b in doc.body_spans())


def test_crlf_lines_are_marked_without_their_carriage_return() -> None:
    text = ARTICLE_DE.replace("\n", "\r\n") + "\r\nTeilen\r\n"
    assert "Teilen" in marked(run(text))
    assert all("\r" not in span for span in marked(run(text)))


# ----------------------------------------------------------------- plugins and the pipeline


class FrenchFurniture:
    @hookimpl
    def quotekit_language_data(self, registry: LanguageDataRegistry) -> None:
        registry.add("fr", "function_words", ["le", "la", "les", "des", "est", "une", "dans", "que", "pour"])
        registry.add("fr", "boilerplate_stopwords", ["le", "la", "les", "des", "est", "une", "dans", "que"])
        row = {"text": "Lire aussi", "match": "start", "reason": "related links"}
        registry.add("fr", "boilerplate_phrases", [row])


def test_plugins_extend_the_phrase_tables() -> None:
    prose = (
        "Le conseil municipal a voté mardi pour ajouter quatre lignes de bus dans le centre de la ville, "
        "et le maire a dit que le plan est une réponse à la circulation des voitures."
    )
    text = f"{prose}\nLire aussi : Pourquoi la ville veut moins de voitures\n{prose}"
    pipeline = Pipeline(plugins=[FrenchFurniture()], autoload=False, disable=["posts", "dates", "quotes"])
    doc = pipeline.extract(text, lang="fr")
    assert reasons(doc) == {"Lire aussi : Pourquoi la ville veut moins de voitures": "related links"}


def test_registered_in_the_default_chain_after_posts_and_quotes() -> None:
    names = Pipeline(autoload=False).names
    assert names.index("boilerplate") > names.index("quotes") > names.index("posts")
    doc = Pipeline(autoload=False).extract(ARTICLE_DE)
    assert "dpa" in marked(doc)


# ----------------------------------------------------------------- accuracy gate


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "tools" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Floors a little under the measured figures (docs/boilerplate.md); raise them, never lower.
FLOORS = {
    "fundus": {"F1": 0.93, "bp_line_F1": 0.88},
    "wcxb": {"F1": 0.955, "bp_line_F1": 0.69},
}


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpora" / "boilerplate").exists(), reason="needs ../shared/corpora")
def test_dev_corpus_floors() -> None:
    score = _score_module()
    path = SHARED / "corpora" / "boilerplate" / "dev.jsonl"
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predictions = []
    for record in gold:
        spans = STRIP.spans(DETECT(Document.from_text(record["text"])))
        found = [{"start": s.start, "end": s.end} for s in spans]
        predictions.append({"id": record["id"], "boilerplate": found})
    result = score.score_boilerplate(gold, predictions)
    for corpus, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert result[corpus][metric] >= floor, (corpus, metric, result[corpus][metric])
        assert result[corpus]["F1"] > result[corpus]["keep_all_F1"]


@pytest.mark.skipif(not (SHARED / "seed").exists(), reason="needs ../shared/seed")
def test_seed_article_marks_the_credit_and_the_disclaimer_only() -> None:
    text = (SHARED / "seed" / "article-de-rutte.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "seed" / "article-de-rutte.gold.json").read_text(encoding="utf-8"))
    doc = run(text)
    expected = {(g["start"], g["end"]) for g in gold["boilerplate"]}
    assert {(s.start, s.end) for s in doc.boilerplate} == expected


# ------------------------------------------------------------------ short texts and headlines


def test_a_text_of_one_short_sentence_is_not_marked() -> None:
    # No line reads like long prose, so there is no article stretch to cut the text down to.
    assert marked(run("Die Entscheidung fiel am 14. März 2025.")) == []
    assert marked(run("The council met on Tuesday.\nIt voted for the plan.")) == []


def test_short_sentence_lines_after_a_paragraph_stay_with_it() -> None:
    text = "\n".join(
        [
            "Teilen",
            ARTICLE_DE.splitlines()[0],
            "Die Sitzung dauerte mehrere Stunden.",
            "Nein, sagt er.",
            "Mehr zum Thema",
        ]
    )
    assert set(marked(run(text))) == {"Teilen", "Mehr zum Thema"}


def test_a_sentence_said_twice_is_not_repeated_furniture() -> None:
    sentence = "Die Sitzung des Stadtrats dauerte am Ende mehrere Stunden."
    text = "\n".join([ARTICLE_DE.splitlines()[0], sentence, ARTICLE_DE.splitlines()[1], sentence])
    assert marked(run(text)) == []


def test_a_teaser_block_repeated_on_the_page_is_furniture() -> None:
    lines = ARTICLE_DE.splitlines()
    teaser = ["Meistgelesen", "Neue Brücke über den Fluss eröffnet", "Max Muster"]
    text = "\n".join([lines[0], *teaser, lines[1], *teaser, lines[2]])
    found = reasons(run(text))
    assert found["Neue Brücke über den Fluss eröffnet"] == "repeated furniture"
    assert found["Max Muster"] == "repeated furniture"
    for line in lines[:3]:
        assert line not in found


def test_pros_and_cons_headings_inside_a_review_are_kept() -> None:
    # Repeated headings with different text around them are the article's structure.
    first, second, third = (line for line in PAGE_EN.splitlines() if len(line) > 150)
    text = "\n".join(  # noqa: FLY002 - one item per page line
        [
            first,
            "Pros",
            "Light and quiet",
            "Cons",
            "Expensive",
            second,
            "Pros",
            "Cheap",
            "Cons",
            "Loud",
            third,
        ]
    )
    found = reasons(run(text))
    assert "Pros" not in found
    assert "Cons" not in found


def test_caption_ending_in_an_agency_credit_is_marked() -> None:
    lines = ARTICLE_DE.splitlines()
    caption = "Der Bürgermeister stellt den Plan im Rathaus vor. (dpa)"
    found = reasons(run("\n".join([lines[0], caption, lines[1], lines[2]])))
    assert found == {caption: "photo credit"}


@pytest.mark.parametrize(
    "caption",
    [
        "Der Bürgermeister stellt den Plan im Rathaus vor. Bild: Max Muster/dpa",
        "Der Bürgermeister stellt den Plan im Rathaus vor.Foto: Max Muster",
        "The mayor presents the plan at city hall. Photo by Jane Doe/Example Agency",
        "The mayor presents the plan at city hall (AP Photo/Jane Doe)",
        "The mayor presents the plan at city hall during a press conferenceCredit: AP",
        "The mayor presents the plan at city hall on Tuesday. AP",
    ],
)
def test_caption_ending_in_a_picture_credit_is_marked(caption: str) -> None:
    lines = ARTICLE_DE.splitlines()
    found = reasons(run("\n".join([lines[0], caption, lines[1], lines[2]])))
    assert found == {caption: "photo credit"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The paper printed a photo by the agency on its front page and said the image was real.",
        "Die Polizei zeigte ein Foto von dem Wagen.",
        "The council heard from the transport office and from AP.",
    ],
)
def test_a_sentence_mentioning_a_picture_is_no_caption(sentence: str) -> None:
    lines = ARTICLE_DE.splitlines()
    assert marked(run("\n".join([lines[0], sentence, lines[1], lines[2]]))) == []


def test_captions_between_paragraphs_do_not_split_the_article() -> None:
    # Captions and ad labels sit between an article's paragraphs: the short list after them is
    # still the article's, not a tail cut off by the furniture.
    paragraphs = [line for line in PAGE_EN.splitlines() if len(line) > 150]
    captions = [f"Buses wait at the depot number {n}. Photo by Jane Doe" for n in range(4)]
    items = ["Line 4 to the harbour", "Line 7 to the stadium", "Line 9 to the airport", "Line 12 to the zoo"]
    text = "\n".join(
        [paragraphs[0], *captions, *items, paragraphs[1], "Anzeige", "Advertisement", paragraphs[2]]
    )
    found = reasons(run(text))
    assert set(found) == {*captions, "Anzeige", "Advertisement"}


def test_repeated_labels_ending_in_a_colon_are_the_articles_structure() -> None:
    first, second, third = (line for line in PAGE_EN.splitlines() if len(line) > 150)
    review = [first]
    for good, bad in (("Light and quiet", "Expensive"), ("Cheap", "Loud"), ("Small", "Slow")):
        review += ["Key Features:", "Folds flat", "Pros:", good, "Cons:", bad, second]
    found = reasons(run("\n".join([*review, third])))
    assert not {"Key Features:", "Pros:", "Cons:"} & set(found)


def test_headline_repeated_in_the_page_furniture_is_still_the_headline() -> None:
    headline = "Stadt baut den Nahverkehr bis 2030 aus"
    text = "\n".join(
        [
            "Startseite",
            "Politik",
            f"Teilen: {headline}",
            headline,
            "Von Max Muster",
            "3. Mai 2024, 17:47",
            *ARTICLE_DE.splitlines()[:3],
            "Meistgelesen",
            headline,
        ]
    )
    doc = run(text)
    first_headline = text.index(headline, text.index("Politik") + len("Politik\nTeilen: ") + len(headline))
    assert not doc.is_boilerplate(first_headline, first_headline + len(headline))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(qst.articles(with_posts=False))
def test_generated_articles_keep_their_text_and_lose_their_furniture(planted: Planted) -> None:
    doc = PIPELINE.extract(planted.text)
    furniture = Planted(text=planted.text, lang=planted.lang, boilerplate=planted.boilerplate)
    assert furniture.missing_in(doc) == []
    for item in (*planted.quotes, *planted.timexes):
        assert not doc.is_boilerplate(item.start, item.end), item.text


def test_a_line_that_ends_like_a_sentence_is_no_byline_for_its_first_word() -> None:
    lines = ARTICLE_DE.splitlines()
    # a paragraph broken inside a sentence, so that a line opens with "von"
    prose = "von Open-Source-Software ein und entwickeln gemeinsam einen Leitfaden."
    byline = "Von Anna Weber und Jonas Brandt"
    text = "\n".join([lines[0], byline, prose, lines[1], lines[2]])
    assert reasons(run(text)) == {byline: "byline"}


@pytest.mark.parametrize(
    "byline", ["By Jane Smith and John Doe, Reuters.", "Von Anna Weber und Klaus Müller, Berlin."]
)
def test_a_byline_ending_with_a_full_stop_is_still_a_byline(byline: str) -> None:
    lines = ARTICLE_DE.splitlines()
    text = "\n".join([lines[0], byline, lines[1], lines[2]])
    assert reasons(run(text)) == {byline: "byline"}
