"""The learned line classifier of the HTML reader: features, the model's loader and inference."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from quotekit.readers._blocks import BlockModel, Evidence, feature_names, line_features, refine, shipped_model
from quotekit.readers._content import PAGE_FURNITURE
from quotekit.readers._dom import render
from quotekit.readers.html import read_html

PAGE = """<html><head><title>Tram depot opens</title></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article class="story-body"><h1>Tram depot opens</h1>
<p>The new tram depot in the east of the city opened on Monday, two years after work began there.</p>
<figure><figcaption class="image-caption">The depot from the air.</figcaption></figure>
<p>It holds forty trams, and the operator says it will cut the time they spend driving empty.</p>
</article>
<aside class="related-stories"><ul><li><a href="/a">Bus lanes extended to the airport</a></li></ul></aside>
</body></html>"""


def _names() -> dict[str, int]:
    return {name: index for index, name in enumerate(feature_names())}


def _rendered() -> Any:
    return render(lxml.html.document_fromstring(PAGE))


def _texts(rendered: Any) -> list[str]:
    return [rendered.text[line.start : line.end] for line in rendered.lines]


def test_every_line_gets_a_row_of_named_features() -> None:
    rendered = _rendered()
    texts = _texts(rendered)
    # the rules kept the headline and the two paragraphs
    kept = {"Tram depot opens", texts[2], texts[4]}
    decisions = [None if text in kept else PAGE_FURNITURE for text in texts]
    evidence = Evidence(by_text=decisions, by_dom=decisions)
    rows = line_features(
        rendered, decisions, evidence, title="Tram depot opens", description=None, article_body=texts[4]
    )
    names = _names()
    assert len(rows) == len(rendered.lines)
    assert all(len(row) == len(names) for row in rows)
    by_text = dict(zip(texts, rows, strict=True))
    menu, caption, teaser = by_text["Home City"], by_text["The depot from the air."], by_text[texts[-1]]
    assert menu[names["link_share"]] > 0.8  # the space between the links is no link
    assert menu[names["in_nav"]] == 1.0
    assert menu[names["before_span"]] == 1.0
    assert caption[names["class_caption"]] == 1.0
    assert caption[names["self_caption"]] == 1.0
    assert caption[names["in_figure"]] == 1.0
    assert caption[names["class_story"]] == 1.0  # an ancestor's class word
    assert caption[names["prev_kept"]] == caption[names["next_kept"]] == 1.0
    assert 0.0 < caption[names["span_position"]] < 1.0
    assert teaser[names["after_span"]] == 1.0
    assert teaser[names["in_aside"]] == teaser[names["class_related"]] == 1.0
    assert teaser[names["self_related"]] == 0.0  # the class sits on the aside, not on the <li>
    assert by_text[texts[4]][names["body_share"]] == 1.0
    assert by_text["Tram depot opens"][names["title_share"]] == 1.0
    assert by_text["Tram depot opens"][names["heading"]] == 1.0


def _model(**changes: Any) -> dict[str, Any]:
    # One tree: kept lines score +2, others -2; a caption (class word) is pushed down by -5.
    names = _names()
    data: dict[str, Any] = {
        "features": list(feature_names()),
        "bias": 0.5,
        "learning_rate": 1.0,
        "mark_below": 0.0,
        "keep_from": 0.0,
        "guard": 0.0,
        "trees": [
            {
                "feature": [names["kept"], 0, 0],
                "threshold": [0.5, 0.0, 0.0],
                "left": [1, -1, -1],
                "right": [2, -1, -1],
                "value": [0.0, -2.0, 2.0],
            },
            {
                "feature": [names["class_caption"], 0, 0],
                "threshold": [0.5, 0.0, 0.0],
                "left": [1, -1, -1],
                "right": [2, -1, -1],
                "value": [0.0, 0.0, -5.0],
            },
        ],
    }
    data.update(changes)
    return data


def test_a_model_scores_as_its_trees_say() -> None:
    model = BlockModel.from_data(_model())
    row = [0.0] * len(feature_names())
    assert model.score(row) == pytest.approx(-1.5)
    row[_names()["kept"]] = 1.0
    assert model.score(row) == pytest.approx(2.5)
    row[_names()["class_caption"]] = 1.0
    assert model.score(row) == pytest.approx(-2.5)
    assert BlockModel.from_data(_model(learning_rate=0.5)).score(row) == pytest.approx(0.5 - 1.5)


def test_a_model_for_other_features_or_with_broken_trees_is_refused() -> None:
    with pytest.raises(ValueError, match="other features"):
        BlockModel.from_data(_model(features=["kept"]))
    broken = _model()
    broken["trees"][0]["left"] = [1, -1]
    with pytest.raises(ValueError, match="different lengths"):
        BlockModel.from_data(broken)


def test_refine_marks_what_the_model_rejects_with_the_markup_reason() -> None:
    rendered = _rendered()
    texts = _texts(rendered)
    decisions: list[str | None] = [None if text != "Home City" else "navigation" for text in texts]
    evidence = Evidence(by_text=list(decisions), by_dom=list(decisions))
    refine(
        rendered,
        decisions,
        evidence,
        BlockModel.from_data(_model()),
        title=None,
        description=None,
        article_body=None,
        reason_of=lambda line: "caption" if "caption" in (line.element.get("class") or "") else "other",
    )
    marked = {text: reason for text, reason in zip(texts, decisions, strict=True) if reason is not None}
    assert marked == {"Home City": "navigation", "The depot from the air.": "caption"}


def test_the_shipped_model_loads_and_reads_a_page_losslessly() -> None:
    pytest.importorskip("trafilatura")
    model = shipped_model()
    assert model is not None
    assert model.features == feature_names()
    assert model.trees
    page = read_html(PAGE, learned=True)
    assert page.engine == "trafilatura"
    for span in page.boilerplate:
        assert page.text[span.start : span.end] == span.text
        assert span.reason
    body = [
        line for line in page.text.splitlines() if not any(span.text == line for span in page.boilerplate)
    ]
    assert any(line.startswith("The new tram depot") for line in body)
    assert any(line.startswith("It holds forty trams") for line in body)
    assert "Home City" not in body
    assert read_html(PAGE).text == page.text  # the learned look is off by default


def test_extract_html_passes_learned_through_to_the_reader() -> None:
    pytest.importorskip("trafilatura")
    import quotekit

    page = read_html(PAGE, learned=True)
    doc = quotekit.extract_html(PAGE, learned=True)
    assert doc.text == page.text
    # the pipeline's stripper may mark more; what the reader marked stays marked, reason and all
    marked = {(span.start, span.end, span.reason) for span in doc.boilerplate}
    assert {(span.start, span.end, span.reason) for span in page.boilerplate} <= marked
    assert quotekit.extract_html(PAGE).text == doc.text
