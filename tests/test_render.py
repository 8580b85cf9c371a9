"""The HTML view (``quotekit.render``), the table view, ``repr`` and the CLI's pages.

The page is read back with the standard library's parser: the pieces carrying
``data-quote="i"`` must spell quote i, and likewise for dates, mentions and cues.
"""

from __future__ import annotations

import json
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quotekit
from quotekit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class _Pieces(HTMLParser):
    """Collects the text under every ``data-*`` index attribute, and every element's attributes."""

    INDEXED = ("data-quote", "data-timex", "data-mention", "data-cue", "data-post")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str]] = []
        self.text: dict[tuple[str, str], str] = defaultdict(str)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in {"meta", "br", "img", "link"}:
            return
        self.stack.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"meta", "br", "img", "link"} and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        attributes = self.stack[-1]
        if "label" in attributes.get("class", "").split() or "card" in attributes.get("class", "").split():
            return  # the quote's label and the post's card are drawn, not part of the text
        for name in self.INDEXED:
            for index in attributes.get(name, "").split():
                self.text[name, index] += data


def _read(page: str) -> _Pieces:
    parser = _Pieces()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def german() -> quotekit.Document:
    return quotekit.extract((EXAMPLES / "article-de.txt").read_text(encoding="utf-8"), published="2025-03-14")


def test_every_quote_date_cue_and_mention_reads_back_from_the_page(german: quotekit.Document) -> None:
    pieces = _read(quotekit.render(german))
    assert german.quotes
    assert german.timexes
    for index, quote in enumerate(german.quotes):
        assert pieces.text["data-quote", str(index)] == quote.text
        if quote.cue is not None:
            assert pieces.text["data-cue", str(index)] == quote.cue.text
        if quote.speaker is not None and quote.speaker.mention is not None:
            assert pieces.text["data-mention", str(index)] == quote.speaker.mention.text
    for index, timex in enumerate(german.timexes):
        assert pieces.text["data-timex", str(index)] == timex.text
    values = [attributes.get("data-value") for _, attributes in pieces.elements if "data-timex" in attributes]
    assert set(values) <= {timex.value for timex in german.timexes}


def test_a_mention_links_to_its_quote_label(german: quotekit.Document) -> None:
    pieces = _read(quotekit.render(german))
    links = [
        attributes["href"]
        for tag, attributes in pieces.elements
        if tag == "a" and "data-mention" in attributes
    ]
    assert links
    for link in links:
        assert link.startswith("#quote-")
        assert link.removeprefix("#") in pieces.ids


def test_kind_and_speaker_are_in_the_text_not_only_in_colour() -> None:
    doc = quotekit.extract('"We are ready," said Mayor Jane Whitfield on Monday.')
    page = quotekit.render(doc)
    assert "[direct quote, Jane Whitfield]" in page
    assert 'aria-label="summary"' in page
    assert "Jane Whitfield" in page.split("<aside", 1)[1]


def test_text_is_escaped_so_markup_in_an_article_shows_as_text() -> None:
    text = 'He wrote "<script>alert(1)</script> & more" on Monday.\n<b>bold</b> <!-- no -->'
    page = quotekit.render(quotekit.extract(text))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page
    pieces = _read(page)
    spelled = "".join(pieces.text[key] for key in sorted(pieces.text) if key[0] == "data-quote")
    assert "<script>alert(1)</script> & more" in spelled


def test_the_page_loads_nothing_from_elsewhere(german: quotekit.Document) -> None:
    page = quotekit.render(german)
    assert "default-src 'none'" in page
    for tag, attributes in _read(page).elements:
        assert "src" not in attributes, tag
        if tag == "link":
            pytest.fail("a <link> element would load a resource")
    assert "@import" not in page
    assert "url(" not in page


def test_boilerplate_is_greyed_with_its_reason_and_posts_are_cards() -> None:
    text = (
        "Lesen Sie auch: Alles zum Thema\n\n"
        "„Wir sind bereit“, sagte Rutte am Freitag.\n\n"
        "The vote is on. pic.twitter.com/abc123\n— Jane Doe (@janedoe) March 14, 2025\n"
    )
    doc = quotekit.extract(text)
    page = quotekit.render(doc)
    for span in doc.boilerplate:
        assert f'data-boilerplate="{span.reason}"' in page
    assert doc.posts
    assert 'class="card"' in page
    assert "@janedoe" in page


def test_overlapping_spans_each_read_back() -> None:
    # a date inside a quote inside a post: three layers over the same characters
    doc = quotekit.extract(
        "„Am Freitag sind wir bereit“, sagte Rutte am 14. März 2025.", published="2025-03-10"
    )
    pieces = _read(quotekit.render(doc))
    for index, quote in enumerate(doc.quotes):
        assert pieces.text["data-quote", str(index)] == quote.text
    for index, timex in enumerate(doc.timexes):
        assert pieces.text["data-timex", str(index)] == timex.text


def test_an_empty_document_renders() -> None:
    page = quotekit.render(quotekit.extract(""))
    assert page.startswith("<!DOCTYPE html>")
    assert "none" in page


def test_repr_is_short_and_counts_what_is_there(german: quotekit.Document) -> None:
    shown = repr(german)
    assert shown.startswith("<Document lang='de' chars=")
    assert f"quotes={len(german.quotes)}" in shown
    assert f"speakers={len(german.entities)}" in shown
    assert len(shown) < 120


def test_jupyter_gets_the_same_view_as_a_fragment(german: quotekit.Document) -> None:
    fragment = german._repr_html_()
    assert fragment.startswith('<div class="qk"')
    assert "<html" not in fragment
    assert fragment in quotekit.render(german)


def test_render_table_is_public_and_lists_the_quotes(german: quotekit.Document) -> None:
    table = quotekit.render_table(german)
    assert f"-- quotes ({len(german.quotes)})" in table
    assert german.quotes[0].kind in table


def test_cli_writes_one_html_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["extract", "--format", "html", str(EXAMPLES / "article-de.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="q q-direct"' in page


def test_cli_html_refuses_several_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(EXAMPLES / "article-de.txt"), str(EXAMPLES / "article-en.txt")]
    assert main(["extract", "--format", "html", *files]) == 2
    assert "quotekit render" in capsys.readouterr().err


def test_cli_render_writes_pages_and_an_index_and_reports_bad_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extracted = quotekit.to_json(quotekit.extract("„Wir sind bereit“, sagte Rutte.").evolve(id="done/1"))
    records = tmp_path / "in.jsonl"
    records.write_text(
        "\n".join(
            [
                json.dumps({"id": "raw", "text": '"Hello," she said.'}),
                "{not json",
                extracted.replace("\n", " "),
                json.dumps({"id": "raw"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    folder = tmp_path / "pages"
    assert main(["render", str(records), "-o", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{records}:2:" in err
    assert f"{records}:4:" in err
    names = sorted(path.name for path in folder.iterdir())
    assert names == ["done_1.html", "index.html", "raw.html"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="raw.html"' in index
    assert 'href="done_1.html"' in index
