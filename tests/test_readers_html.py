"""The HTML reader: visible text, article versus furniture, metadata, embeds, encodings, bad input."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

import quotekit
from quotekit.readers._content import (
    COMMENTS,
    PAGE_FURNITURE,
    Ancestry,
    combine,
    doubtful,
    element_reason,
    widen,
)
from quotekit.readers._dom import Rendered
from quotekit.readers._encoding import decode_html, looks_like_html
from quotekit.readers.html import read_html

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ENGINES = ("dom", "trafilatura")

PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>Ferry line approved | Harbor Daily</title>
<meta property="og:site_name" content="Harbor Daily">
<meta property="article:published_time" content="2026-02-03T08:00:00Z">
<meta property="article:modified_time" content="2026-02-05T10:00:00Z">
<meta name="author" content="Sam Lee">
<link rel="canonical" href="https://harbor.example/ferry">
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/city">City</a> <a href="/sports">Sports</a></nav>
<article><h1>Ferry line approved</h1>
<p>The city council voted 7-2 yesterday to fund a ferry line between the old harbor and the university.</p>
<p>"This is the cheapest way to take cars off the bridge," Mayor Dana Ortiz said after the vote.</p>
<p>Council member Paul Greene said the budget relied on optimistic ridership figures, and that the
line could lose money for a decade, a view that Ortiz rejected on the steps of city hall.</p>
</article>
<div class="related"><h3>Read next</h3><ul><li><a href="/a">Bridge tolls to rise</a></li>
<li><a href="/b">"We lost," said the coach after the derby</a></li></ul></div>
<footer><p>Copyright 2026 Harbor Daily. All rights reserved.</p></footer>
</body></html>"""


def _reasons(doc: quotekit.Document) -> dict[str, str]:
    return {span.text: span.reason for span in doc.boilerplate}


def test_invisible_content_never_becomes_text() -> None:
    page = read_html(
        "<html><head><style>p{color:red}</style><script><!-- var a = '<p>leak</p>'; --></script></head>"
        "<body><p>One</p><!-- <p>comment</p> --><template><p>template</p></template>"
        "<noscript>noscript</noscript><div hidden>hidden</div><div style='display: none'>gone</div>"
        "<p>Two <b>bold</b> and <a href='#'>linked</a></p><div><div>Three</div></div></body></html>",
        engine="dom",
    )
    assert page.text == "One\nTwo bold and linked\nThree"


def test_tables_render_a_row_per_line_and_deep_nesting_is_walked() -> None:
    page = read_html(
        "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>", engine="dom"
    )
    assert page.text == "a b\nc d"
    # libxml2 stops at 2048 levels; the reader parses such a page again with html5lib.
    deep = "<p>before</p>" + "<table><tr><td>" * 700 + "deep" + "</td></tr></table>" * 700 + "<p>after</p>"
    page = read_html(deep, engine="dom")
    assert page.text == "before\ndeep\nafter"
    assert "html-too-deep" in {d.code for d in page.diagnostics}


@pytest.mark.parametrize("engine", ENGINES)
def test_article_and_furniture_with_reasons(engine: str) -> None:
    doc = quotekit.extract_html(PAGE, engine=engine)
    reasons = _reasons(doc)
    assert reasons["Home City Sports"] == "navigation"
    assert reasons["Copyright 2026 Harbor Daily. All rights reserved."] in {"footer", "copyright"}
    assert reasons["Bridge tolls to rise"] == "related"
    body = doc.body
    assert "cheapest way to take cars off the bridge" in body
    assert "lose money for a decade" in body
    assert "Ferry line approved" in body  # the headline
    # The quote in the related box is marked, and is no quote of this article.
    assert all("We lost" not in quote.text for quote in doc.quotes)
    assert any(q.speaker is not None and q.speaker.name == "Dana Ortiz" for q in doc.quotes)
    for span in doc.boilerplate:
        assert doc.text[span.start : span.end] == span.text


def test_metadata_anchors_dates_and_is_kept_in_the_page_layer() -> None:
    doc = quotekit.extract_html(PAGE, engine="dom")
    assert doc.published == dt.date(2026, 2, 3)
    assert doc.published_source == "html"
    assert any(t.text == "yesterday" and t.value == "2026-02-02" for t in doc.timexes)
    (page,) = doc.extensions["html.page"]
    assert page.data["modified"].startswith("2026-02-05")
    assert page.data["title"] == "Ferry line approved | Harbor Daily"
    assert list(page.data["authors"]) == ["Sam Lee"]
    assert page.data["site_name"] == "Harbor Daily"
    assert page.data["canonical_url"] == "https://harbor.example/ferry"
    assert page.data["lang"] == "en-GB"
    (headline,) = doc.extensions["html.headline"]
    assert headline.text == "Ferry line approved"
    # A date the caller gives wins over the page's.
    given = quotekit.extract_html(PAGE, engine="dom", published="2026-03-01")
    assert (given.published, given.published_source) == (dt.date(2026, 3, 1), "given")


def test_json_ld_date_wins_over_meta_and_graph_is_read() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "headline": "Headline from JSON-LD",
                "datePublished": "2024-05-03",
                "dateModified": "2024-05-04",
                "author": [{"@type": "Person", "name": "A. Writer"}, {"name": "B. Writer"}],
            },
        ],
    }
    html = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script>"
        "<script type='application/ld+json'>{not json</script>"
        "<meta name='date' content='2020-01-01'></head><body><p>Text.</p></body></html>"
    )
    meta = read_html(html, engine="dom").meta
    assert (meta.published, meta.published_from, meta.modified) == ("2024-05-03", "json-ld", "2024-05-04")
    assert meta.title == "Headline from JSON-LD"
    assert meta.authors == ("A. Writer", "B. Writer")


def test_time_element_is_the_last_resort_for_the_date() -> None:
    meta = read_html("<p>By Ann <time datetime='2023-07-09T10:00'>9 July</time></p>", engine="dom").meta
    assert (meta.published, meta.published_from) == ("2023-07-09T10:00", "time")


def test_bytes_are_decoded_as_declared_sniffed_or_told() -> None:
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Grüße aus Köln</p></body></html>"
    assert read_html(latin.encode("latin-1"), engine="dom").text == "Grüße aus Köln"
    utf16 = "\ufeff<p>Straße</p>".encode("utf-16-le")
    assert decode_html(utf16) == ("<p>Straße</p>", "utf-16-le")
    assert read_html("<p>Grüße</p>".encode(), engine="dom").text == "Grüße"
    assert read_html("<p>Grüße</p>".encode("cp1252"), engine="dom").text == "Grüße"  # not UTF-8
    assert read_html("<p>Grüße</p>".encode("latin-1"), encoding="latin-1", engine="dom").text == "Grüße"
    assert (
        quotekit.extract_html(latin.encode("latin-1"), engine="dom")
        .extensions["html.page"][0]
        .data["encoding"]
        == "cp1252"
    )


def test_looks_like_html() -> None:
    assert looks_like_html("<!DOCTYPE html>\n<html>")
    assert looks_like_html("  <!-- saved --> <html lang='de'>")
    assert not looks_like_html("The mayor said <b> is a tag.")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<",
        "<html></html>",
        "<p>unclosed <b>bold <i>both",
        "</div></div><p>x",
        "\x00\x01<p>a\udcff</p>",
    ],
)
def test_bad_markup_gives_a_document(html: str) -> None:
    doc = quotekit.extract_html(html, engine="dom")
    assert isinstance(doc, quotekit.Document)
    assert not doc.errors


def test_empty_page_and_page_without_article_are_diagnosed() -> None:
    assert [d.code for d in quotekit.extract_html("").diagnostics] == ["html-empty"]
    front = (
        "<body><ul>" + "".join(f"<li><a href='/{i}'>Story {i}</a></li>" for i in range(30)) + "</ul></body>"
    )
    doc = quotekit.extract_html(front, engine="dom")
    assert "html-no-article" in {d.code for d in doc.diagnostics}
    assert doc.body.strip() == ""


def test_non_html_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        quotekit.extract_html(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="engine"):
        quotekit.extract_html("<p>x</p>", engine="magic")


def test_large_page_is_read() -> None:
    paragraph = "<p>" + "Der Rat hat am Dienstag entschieden, die Brücke zu bauen. " * 20 + "</p>"
    page = "<html><body><article>" + paragraph * 900 + "</article></body></html>"
    assert len(page) > 1_000_000
    doc = read_html(page, engine="dom")
    assert doc.text.count("\n") == 899
    assert not doc.boilerplate


TWEET_PAGE = """<html lang="de"><body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Der Minister und sein Beitrag</h1>
<p>Der Minister meldete sich am Abend auf der Plattform X zu Wort, nachdem die Verhandlungen in Brüssel
ohne Ergebnis geblieben waren, und kündigte weitere Gespräche an.</p>
<blockquote class="twitter-tweet" data-lang="de"><p lang="en" dir="ltr">We are not there yet,
we have to keep going.</p>&mdash; Jane Example (@jane_example)
<a href="https://twitter.com/jane_example/status/1900000000000000001?ref_src=twsrc%5Etfw">14. März 2025</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js"></script>
<p>Danach ging es in der Sitzung weiter, wie ein Sprecher am Freitag sagte, ohne Einzelheiten zu nennen.</p>
<iframe src="https://www.youtube.com/embed/abc123XYZ" title="video"></iframe>
<p>Die nächste Runde ist für Montag angesetzt, teilte das Ministerium in Berlin mit.</p>
</article><footer><p>Impressum</p></footer></body></html>"""


@pytest.mark.parametrize("engine", ENGINES)
def test_embeds_go_through_the_post_parser(engine: str) -> None:
    doc = quotekit.extract_html(TWEET_PAGE, engine=engine)
    tweet = next(post for post in doc.posts if post.platform == "twitter")
    assert tweet.author.handle == "jane_example"
    assert tweet.status_id == "1900000000000000001"
    assert tweet.lang == "en"
    assert not doc.is_boilerplate(tweet.text_start, tweet.text_end)
    youtube = next(post for post in doc.posts if post.platform == "youtube")
    assert youtube.status_url == "https://www.youtube.com/embed/abc123XYZ"
    assert "widgets.js" not in doc.text


EMBED_BELOW_QUOTES = """<html lang="de"><body><article><h1>Streit über Radwege</h1>
<p>Der Fraktionschef der Liberalen, Tobias Kern, kritisierte die Pläne. Er sagte, die Kosten seien
viel zu hoch. „Das ist reine Symbolpolitik“, so Kern.</p>
<blockquote class="twitter-tweet"><p lang="de" dir="ltr">Heute im Rat: Radwege für alle!
<a href="https://t.co/abc123">https://t.co/abc123</a></p>&mdash; Petra Lindner (@petralindner)
<a href="https://twitter.com/petralindner/status/1234567890123456789">November 19, 2026</a></blockquote>
<p>Die Entscheidung soll im Januar fallen, sagte ein Sprecher der Stadt am Abend.</p>
</article></body></html>"""


@pytest.mark.parametrize("engine", ENGINES)
def test_an_embed_below_a_paragraph_takes_none_of_its_quotes(engine: str) -> None:
    # Plain-text reading takes the lines above a byline into the post up to a tweet's length; the
    # paragraph right above this embed is short enough. The markup bounds the post before the
    # quote attributor runs, so the paragraph's quotes keep their speaker.
    doc = quotekit.extract_html(EMBED_BELOW_QUOTES, engine=engine)
    (tweet,) = doc.posts
    assert tweet.text.startswith("Heute im Rat")
    speakers = {
        quote.text: (quote.speaker.name if quote.speaker else None, quote.post) for quote in doc.quotes
    }
    assert speakers["die Kosten seien viel zu hoch"] == ("Tobias Kern", None)
    assert speakers["Das ist reine Symbolpolitik"] == ("Tobias Kern", None)


def _facts(
    doc: quotekit.Document,
) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, str]], list[str]]:
    body = doc.body_spans()

    def in_body(start: int, end: int) -> bool:
        return any(b_start <= start and end <= b_end for b_start, b_end in body)

    quotes = [
        (q.text, q.kind, q.speaker.name if q.speaker else None) for q in doc.quotes if in_body(q.start, q.end)
    ]
    timexes = [(t.text, t.value) for t in doc.timexes if in_body(t.start, t.end)]
    posts = [p.text for p in doc.posts]
    return quotes, timexes, posts


@pytest.mark.parametrize("engine", ENGINES)
def test_example_page_gives_what_the_plain_text_gives(engine: str) -> None:
    page = quotekit.extract_html((EXAMPLES / "article-de.html").read_bytes(), engine=engine)
    plain = quotekit.extract(
        (EXAMPLES / "article-de.txt").read_text(encoding="utf-8"), published="2025-03-12"
    )
    assert page.published == dt.date(2025, 3, 12)
    assert page.published_source == "html"
    page_quotes, page_timexes, page_posts = _facts(page)
    plain_quotes, plain_timexes, plain_posts = _facts(plain)
    assert page_quotes == plain_quotes
    assert page_posts == plain_posts
    # The page's headline adds a date of its own ("im Herbst"); the article's dates are the same.
    assert Counter(page_timexes) - Counter(plain_timexes) == Counter({("Herbst", "2025-FA"): 1})
    assert not Counter(plain_timexes) - Counter(page_timexes)
    reasons = set(_reasons(page).values())
    assert {"navigation", "related", "comments", "footer", "share bar"} <= reasons
    assert "Nur für Abonnenten" not in page.text
    assert "gpt_auto_load" not in page.text
    assert "Vorlage" not in page.text


def test_without_trafilatura_the_dom_classifier_reads_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as when not installed
    doc = quotekit.extract_html(PAGE)
    assert doc.extensions["html.page"][0].data["engine"] == "dom"
    (note,) = [d for d in doc.diagnostics if d.code == "html-extra-missing"]
    assert "quotekit[html]" in note.message
    with pytest.raises(ImportError):
        read_html(PAGE, engine="trafilatura")


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from quotekit.cli import main

    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_reads_pages_with_html_and_warns_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.replace("Harbor Daily", "Hafenblatt Köln").encode("cp1252"))
    status, out, err = _cli(["extract", "--html", "--format", "jsonl", str(path)], capsys)
    assert status == 0, err
    doc = json.loads(out)
    assert doc["published_source"] == "html"
    assert "Hafenblatt Köln" in doc["text"]  # not UTF-8: read as Windows-1252
    assert {span["reason"] for span in doc["boilerplate"]} >= {"navigation", "related"}
    status, out, err = _cli(
        ["extract", "--html", "--encoding", "latin-1", "--format", "jsonl", str(path)], capsys
    )
    assert status == 0
    assert json.loads(out)["extensions"]["html.page"][0]["data"]["encoding"] == "latin-1"
    path.write_text(PAGE, encoding="utf-8")
    status, out, err = _cli(["extract", "--format", "jsonl", str(path)], capsys)
    assert status == 0
    assert "looks like HTML; pass --html" in err


def test_cli_jsonl_records_with_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    records = [
        {"id": "page", "html": PAGE, "lang": "en"},
        {"id": "text", "text": "Sie sagte: „Wir kommen.“"},
        {"id": "bad", "html": 7},
    ]
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    status, out, err = _cli(["extract", "--jsonl", str(path)], capsys)
    assert status == 1
    page, text, bad = (json.loads(line) for line in out.splitlines())
    assert page["id"] == "page"
    assert page["lang"] == "en"
    assert any(span["reason"] == "footer" for span in page["boilerplate"])
    assert text["quotes"]
    assert "'html' must be a string" in bad["error"]
    assert ":3:" in err


def _lines_page() -> Rendered:
    return read_html(
        "<article><p>The first paragraph of the story tells what happened at the harbor on Monday.</p>"
        "<p>A second paragraph names <a href='/report'>the report</a> and what the council said about it.</p>"
        "<h2>What comes next</h2>"
        "<p><a href='/a'>Other story one</a> <a href='/b'>Other story two</a> and a few words more.</p>"
        "<p>The last paragraph of the story says when the ferry line will start to run.</p></article>"
        "<div class='comments'><p>A reader wrote a long comment about the ferry and the bridge.</p></div>",
        engine="dom",
    ).rendered


def test_combine_takes_back_what_the_markup_keeps_and_marks_comments() -> None:
    rendered = _lines_page()
    assert len(rendered.lines) == 6
    by_text = [None, PAGE_FURNITURE, PAGE_FURNITURE, PAGE_FURNITURE, None, None]
    by_dom = [None, None, None, None, None, COMMENTS]
    # a paragraph with a third of link text or less and a subheading between article lines are
    # taken back; the mostly-link line is not; the reader comment trafilatura kept is marked.
    assert combine(rendered, by_text, by_dom) == [None, None, None, PAGE_FURNITURE, None, COMMENTS]
    # nothing above trafilatura's first line is taken back
    by_text = [PAGE_FURNITURE, PAGE_FURNITURE, None, PAGE_FURNITURE, None, PAGE_FURNITURE]
    assert combine(rendered, by_text, by_dom)[:2] == [PAGE_FURNITURE, PAGE_FURNITURE]


def test_fast_pass_is_doubted_when_short_or_well_under_the_dom_article() -> None:
    rendered = _lines_page()
    dom_keeps_all = [None] * len(rendered.lines)
    dom_keeps_one = [None] + [PAGE_FURNITURE] * (len(rendered.lines) - 1)
    long_text = "A paragraph of the story, long enough to be an article on its own. " * 10
    assert doubtful(rendered, None, dom_keeps_one)
    assert doubtful(rendered, "Just a line.", dom_keeps_one)
    assert not doubtful(rendered, long_text, dom_keeps_all)
    longer_page = read_html("<article>" + f"<p>{long_text}</p>" * 3 + "</article>", engine="dom").rendered
    assert doubtful(longer_page, long_text, [None] * len(longer_page.lines))


def test_furniture_reason_is_found_through_any_depth() -> None:
    top = lxml.html.fromstring("<div class='comments'></div>")
    leaf = top
    for _ in range(5000):  # deeper than libxml2 parses, as html5lib builds it
        leaf = lxml.etree.SubElement(leaf, "div")
    ancestry = Ancestry()
    assert ancestry.reason(leaf) == COMMENTS
    assert ancestry.inside(leaf, top)
    assert ancestry.reason(leaf, stop=top) is None  # the container itself is not below itself
    middle = leaf.getparent().getparent()
    assert ancestry.reason(middle) == COMMENTS


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        # a content system's taxonomy classes say what the post is filed under, not its kind
        ("<article class='post hentry tag-wahlen category-politik author-jdoe'></article>", None),
        ("<div class='entry type-post status-publish format-standard'></div>", None),
        # the same words as a class of their own still name furniture
        ("<div class='author-box'></div>", "byline"),
        ("<div class='post-tags'></div>", "tags"),
    ],
)
def test_taxonomy_classes_name_no_furniture(markup: str, reason: str | None) -> None:
    assert element_reason(lxml.html.fromstring(markup)) == reason


def _sections_page() -> Rendered:
    sections = "".join(
        f"<section><h2>Course {number}</h2><p>Course {number} teaches the craft over eight weeks of "
        f"evening classes, with a project each student takes home at the end.</p>"
        f"<p>Students of course {number} meet twice a week in the studio beside the library.</p></section>"
        for number in range(1, 6)
    )
    return read_html(
        f"<div class='guide'><h1>The best courses</h1>{sections}</div>"
        "<div class='sidebar'><p>A teaser of another story that runs for a dozen words or more here.</p></div>",
        engine="dom",
    ).rendered


def test_widen_takes_back_the_alike_sections_trafilatura_left_out() -> None:
    rendered = _sections_page()
    lines = [rendered.text[line.start : line.end] for line in rendered.lines]
    assert lines[0] == "The best courses"
    assert len(lines) == 17  # headline, five sections of three lines, the sidebar teaser
    # trafilatura kept the headline and the first two sections only
    by_text: list[str | None] = [None] * 7 + [PAGE_FURNITURE] * 10
    widened = widen(rendered, by_text, by_text, Ancestry())
    paragraphs = [index for index in range(7, 16) if not rendered.lines[index].heading]
    assert [widened[index] for index in paragraphs] == [None] * 6
    # subheadings are taken back between trafilatura's lines only (measured: see widen)
    assert all(widened[index] == PAGE_FURNITURE for index in (7, 10, 13))
    assert widened[16] == PAGE_FURNITURE  # the sidebar is furniture markup: never taken back
    # trafilatura kept the headline and one paragraph: the element holding it is that paragraph's,
    # so the guide that holds three paragraphs or more is the article's
    by_text = [None, PAGE_FURNITURE, None] + [PAGE_FURNITURE] * 14
    widened = widen(rendered, by_text, by_text, Ancestry())
    assert [widened[index] for index in range(2, 16) if not rendered.lines[index].heading] == [None] * 10
    # trafilatura kept four sections: the fifth's paragraphs are too little beside them to doubt it
    by_text = [None] * 13 + [PAGE_FURNITURE] * 4
    assert widen(rendered, by_text, by_text, Ancestry()) == by_text


def test_standfirst_the_page_describes_itself_with_is_kept() -> None:
    def page(description: str) -> quotekit.readers.html.HtmlPage:
        return read_html(
            f"<html><head><title>Ferry line approved</title><meta name='description' content='{description}'>"
            "</head><body><article><h1>Ferry line approved</h1>"
            "<div class='teaser'>The council funds a ferry between the old harbor and the university.</div>"
            "<p>The city council voted 7-2 yesterday to fund a ferry line, the first in forty years.</p>"
            "<p>Council member Paul Greene said the budget relied on optimistic ridership figures.</p>"
            "<div class='teaser'>Another story: the bridge tolls rise in May for cars and for trucks.</div>"
            "</article></body></html>",
            engine="dom",
        )

    described = page("The council funds a ferry between the old harbor and the university.")
    assert [span.text for span in described.boilerplate] == [
        "Another story: the bridge tolls rise in May for cars and for trucks."
    ]
    other = page("Everything about the harbor, every day.")
    assert [span.reason for span in other.boilerplate] == ["teaser", "teaser"]


def test_widen_marks_short_lines_kept_below_the_element_holding_the_article() -> None:
    story = "".join(
        f"<p>Paragraph {number} of the story about the ferry line the council voted to fund.</p>"
        for number in range(1, 9)
    )
    rendered = read_html(
        f"<div class='story'>{story}</div><div>Top stories</div>"
        "<div><h3>More from the harbor</h3></div>"
        "<div>A longer line below the story that runs for ten words or more.</div>",
        engine="dom",
    ).rendered
    assert len(rendered.lines) == 11
    kept_all: list[str | None] = [None] * 11
    decisions = widen(rendered, kept_all, kept_all, Ancestry())
    # the short label is marked; a heading and a line of ten words or more are left to trafilatura
    assert decisions == [None] * 8 + [PAGE_FURNITURE, None, None]
