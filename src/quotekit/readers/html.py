"""Whole HTML pages in: the page's visible text, the article marked in it, metadata and embeds.

``read_html(page)`` parses with lxml (libxml2's HTML parser: the fastest of the well-kept
parsers on the dev pages and the one trafilatura itself uses; see ``docs/html.md``), renders the
visible text in reading order with one line per block, decides for every line whether it is
article (:mod:`quotekit.readers._content`) and reads the page's metadata
(:mod:`quotekit.readers._meta`). ``extract_html`` turns that into a
:class:`~quotekit.model.Document`: ``text`` is all visible text, what is not article is marked
as boilerplate with a reason (never deleted), the publication date anchors relative dates
(``published_source="html"``), the metadata sits in the ``html.page`` extension layer, the
headline in ``html.headline``, and each embed's post is read from exactly its region.
"""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from quotekit.model import Annotation, BoilerplateSpan, Diagnostic, Document, parse_published
from quotekit.readers._blocks import Evidence, refine, shipped_model
from quotekit.readers._content import (
    Ancestry,
    _words,
    combine,
    decide_by_dom,
    decide_by_text,
    doubtful,
    keep_lead,
    trafilatura_text,
    widen,
)
from quotekit.readers._dom import Rendered, render
from quotekit.readers._encoding import decode_html
from quotekit.readers._meta import PageMeta, read_meta

if TYPE_CHECKING:
    from quotekit.pipeline import Pipeline

__all__ = ["Engine", "HtmlPage", "extract_html", "read_html", "run_page"]

Engine = Literal["auto", "trafilatura", "dom"]
ENGINES: Final = ("auto", "trafilatura", "dom")
_READER: Final = "html-reader"
#: Reasons the plain-text stripper gives by position or repetition; on a page the markup
#: decides those (kept, "repeated furniture" lines were two-thirds article words on the dev pages).
_POSITIONAL: Final = frozenset(("navigation", "page furniture", "repeated furniture"))


@attrs.frozen(kw_only=True)
class HtmlPage:
    """A page read: its text, the boilerplate spans the markup gives, metadata, embeds."""

    text: str
    boilerplate: tuple[BoilerplateSpan, ...]
    meta: PageMeta
    rendered: Rendered
    engine: str
    encoding: str | None
    diagnostics: tuple[Diagnostic, ...] = ()
    headline: tuple[int, int] | None = None


def _parse(source: str) -> tuple[Any, list[Diagnostic]]:
    """The page's tree, or ``None`` for a page without markup or text.

    libxml2 stops at 2048 levels of nesting (a guard against stack exhaustion) and drops the
    rest of the page; such a page is parsed again with html5lib (the ``html`` extra), which
    builds the same kind of tree without a depth limit but some hundred times slower.
    """
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True, no_network=True
    )
    data = source.encode("utf-8", errors="surrogatepass")
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, []
    if not any("Excessive depth" in error.message for error in parser.error_log):
        return root, []
    try:
        import html5lib
    except ImportError:
        return root, [
            _diagnostic(
                "warning",
                "html-too-deep",
                "the page nests elements deeper than 2048 levels; the text below that depth was "
                "not read: pip install 'quotekit[html]' (html5lib) reads it",
            )
        ]
    with warnings.catch_warnings():  # html5lib warns of every attribute name XML would not take
        warnings.simplefilter("ignore")
        tree = html5lib.parse(source, treebuilder="lxml", namespaceHTMLElements=False)
    return tree.getroot(), [
        _diagnostic("info", "html-too-deep", "the page nests deeper than 2048 levels: parsed with html5lib")
    ]


def _diagnostic(severity: Literal["info", "warning", "error"], code: str, message: str) -> Diagnostic:
    return Diagnostic(severity=severity, code=code, message=message, extractor=_READER)


def read_html(
    page: str | bytes,
    *,
    url: str | None = None,
    encoding: str | None = None,
    engine: Engine = "auto",
    learned: bool = False,
) -> HtmlPage:
    """Read ``page`` (text, or bytes decoded by BOM, ``<meta charset>`` or ``encoding``).

    ``engine`` picks the article decision: ``"trafilatura"`` (needs ``quotekit[html]``),
    ``"dom"`` (quotekit's own classifier) or ``"auto"`` (trafilatura when installed).
    ``learned=True`` adds the learned second look at each line (with trafilatura's engine;
    see :mod:`quotekit.readers._blocks`). It is off by default: it raised body F1 on pages of
    the corpora it was trained on but lost on a corpus left out of training, and costs speed
    (``docs/accuracy.md``).
    """
    reading = prepare(page, url=url, encoding=encoding, engine=engine)
    if isinstance(reading, HtmlPage):
        return reading
    decisions = list(reading.decisions)
    model = shipped_model() if learned and reading.evidence is not None else None
    if model is not None and reading.evidence is not None:
        refine(
            reading.rendered,
            decisions,
            reading.evidence,
            model,
            title=reading.meta.title,
            description=reading.meta.description,
            article_body=reading.meta.article_body,
            reason_of=reading.ancestry.outside_reason,
        )
        headline = _headline(reading.rendered, decisions, reading.meta.title)
    else:
        headline = reading.headline
    _protect_embeds(reading.rendered, decisions)
    rendered = reading.rendered
    text = rendered.text
    spans = tuple(
        BoilerplateSpan(start=line.start, end=line.end, text=text[line.start : line.end], reason=reason)
        for line, reason in zip(rendered.lines, decisions, strict=True)
        if reason is not None
    )
    return HtmlPage(
        text=text,
        boilerplate=spans,
        meta=reading.meta,
        rendered=rendered,
        engine=reading.engine,
        encoding=reading.encoding,
        diagnostics=reading.diagnostics,
        headline=headline,
    )


@attrs.frozen(kw_only=True)
class Reading:
    """A page read up to the rules' decision, before the learned look and the embeds."""

    rendered: Rendered
    meta: PageMeta
    decisions: tuple[str | None, ...]
    evidence: Evidence | None
    ancestry: Ancestry
    engine: str
    encoding: str | None
    diagnostics: tuple[Diagnostic, ...]
    headline: tuple[int, int] | None


def prepare(
    page: str | bytes, *, url: str | None = None, encoding: str | None = None, engine: Engine = "auto"
) -> Reading | HtmlPage:
    """Parse, render and decide by the rules (an empty :class:`HtmlPage` for a page without markup)."""
    if engine not in ENGINES:
        msg = f"engine must be one of {ENGINES}, got {engine!r}"
        raise ValueError(msg)
    used_encoding = None
    if isinstance(page, (bytes, bytearray)):
        page, used_encoding = decode_html(bytes(page), encoding)
    elif not isinstance(page, str):
        msg = f"read_html takes the page as str or bytes, got {type(page).__name__}"
        raise TypeError(msg)
    root, parse_notes = _parse(page)
    if root is None:
        empty = Rendered(text="", lines=(), embeds=())
        return HtmlPage(
            text="",
            boilerplate=(),
            meta=PageMeta(),
            rendered=empty,
            engine="none",
            encoding=used_encoding,
            diagnostics=(_diagnostic("warning", "html-empty", "the page has no markup or text to read"),),
        )
    meta = read_meta(root)
    rendered = render(root)
    ancestry = Ancestry()
    decisions, used, diagnostics, evidence = _decide(root, rendered, meta, url, engine, ancestry)
    diagnostics[:0] = parse_notes
    headline = _headline(rendered, decisions, meta.title)
    keep_lead(rendered, decisions, meta.description)
    return Reading(
        rendered=rendered,
        meta=meta,
        decisions=tuple(decisions),
        evidence=evidence,
        ancestry=ancestry,
        engine=used,
        encoding=used_encoding,
        diagnostics=tuple(diagnostics),
        headline=headline,
    )


def _decide(
    root: Any, rendered: Rendered, meta: PageMeta, url: str | None, engine: Engine, ancestry: Ancestry
) -> tuple[list[str | None], str, list[Diagnostic], Evidence | None]:
    diagnostics: list[Diagnostic] = []
    if engine in {"auto", "trafilatura"}:
        try:
            article = trafilatura_text(root, url or meta.canonical_url, fast=True)
        except ImportError:
            if engine == "trafilatura":
                raise
            diagnostics.append(
                _diagnostic(
                    "info",
                    "html-extra-missing",
                    "the article was found by quotekit's own DOM classifier; "
                    "pip install 'quotekit[html]' (trafilatura) finds it better",
                )
            )
        else:
            by_dom, _ = decide_by_dom(rendered, meta.title, ancestry)
            if doubtful(rendered, article, by_dom):
                article = trafilatura_text(root, url or meta.canonical_url, fast=False)
            if article is not None:
                by_text = decide_by_text(rendered, article, ancestry)
                decisions = widen(rendered, by_text, combine(rendered, by_text, by_dom), ancestry)
                return decisions, "trafilatura", diagnostics, Evidence(by_text=by_text, by_dom=by_dom)
    decisions, found = decide_by_dom(rendered, meta.title, ancestry)
    if not found:
        diagnostics.append(
            _diagnostic(
                "warning",
                "html-no-article",
                "no article found on the page (a section front or index?): all its text is marked",
            )
        )
    return decisions, "dom", diagnostics, None


def _headline(rendered: Rendered, decisions: list[str | None], title: str | None) -> tuple[int, int] | None:
    """The heading line that repeats the page's title, nearest above the article's first line.

    It is the article's headline: kept (unmarked) and named in the ``html.headline`` layer.
    """
    first = next((index for index, reason in enumerate(decisions) if reason is None), None)
    if first is None or not title:
        return None
    wanted = " ".join(_words(title)).lower()
    text = rendered.text
    for index in range(first, -1, -1):
        line = rendered.lines[index]
        words = " ".join(_words(text[line.start : line.end])).lower()
        if line.heading and words and words in wanted:
            decisions[index] = None
            return line.start, line.end
    return None


def _protect_embeds(rendered: Rendered, decisions: list[str | None]) -> None:
    """An embed between article lines is part of the article, whatever the engine said."""
    kept = [line.start for line, reason in zip(rendered.lines, decisions, strict=True) if reason is None]
    if not kept:
        return
    first, last = kept[0], kept[-1]
    for embed in rendered.embeds:
        if not first <= embed.start <= last:
            continue
        for index, line in enumerate(rendered.lines):
            if line.start < embed.end and embed.start < line.end:
                decisions[index] = None


def _covered_by(spans: tuple[BoilerplateSpan, ...]) -> Callable[[int, int], bool]:
    """A test whether a stretch lies wholly in ``spans`` (line breaks between them included)."""
    merged: list[list[int]] = []
    for span in spans:  # in text order, as read_html makes them
        if merged and span.start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    starts = [start for start, _ in merged]

    def covered(start: int, end: int) -> bool:
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and merged[index][1] >= end

    return covered


def page_document(page: HtmlPage, *, lang: str | None, published: Any, doc_id: str | None = None) -> Document:
    """The document to run the pipeline on: the page's text with what the markup says."""
    doc = Document.from_text(page.text, lang=lang, published=published, id=doc_id)
    changes: dict[str, Any] = {"boilerplate": page.boilerplate, "diagnostics": page.diagnostics}
    if doc.published is None and page.meta.published is not None:
        changes["published"] = parse_published(page.meta.published)
        changes["published_source"] = "html"
    data = {**page.meta.as_data(), "engine": page.engine}
    if page.encoding:
        data["encoding"] = page.encoding
    layers = {"html.page": [Annotation(start=0, end=0, text="", label="page", data=data)]}
    if page.headline is not None:
        start, end = page.headline
        layers["html.headline"] = [
            Annotation(start=start, end=end, text=page.text[start:end], label="headline")
        ]
    changes["extensions"] = layers
    return doc.evolve(**changes)


def extract_html(  # noqa: PLR0913 - keyword-only options, as quotekit.extract_html
    html: str | bytes,
    url: str | None = None,
    *,
    lang: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    encoding: str | None = None,
    engine: Engine = "auto",
    learned: bool = False,
) -> Document:
    """Extract from a whole HTML page; see :func:`quotekit.extract_html`."""
    from quotekit.pipeline import default_pipeline

    page = read_html(html, url=url, encoding=encoding, engine=engine, learned=learned)
    return run_page(default_pipeline(strict=strict, options=options), page, lang=lang, published=published)


def run_page(
    pipeline: Pipeline, page: HtmlPage, *, lang: str | None, published: Any, doc_id: str | None = None
) -> Document:
    """Run ``pipeline`` on a page read by :func:`read_html`; the embeds' posts come from the markup."""
    from quotekit.posts.html import enrich_posts

    doc = page_document(page, lang=lang, published=published, doc_id=doc_id)
    if page.rendered.embeds:
        # The embeds' posts are known from the markup before any extractor runs: the quote
        # attributor then gives a post's author only what lies inside the embed, never an
        # article paragraph that plain-text reading would take into the post above its byline.
        doc = enrich_posts(doc, page.rendered.embeds, pipeline.language_data)
    doc = pipeline.run(doc)
    # The plain-text stripper's positional and repetition verdicts are for text without markup;
    # on a page the markup has decided those lines. Its phrase verdicts (credits, disclaimers, "Read also")
    # stay: they find what is left inside the article.
    html_spans = {(span.start, span.end) for span in page.boilerplate}
    kept = [
        span
        for span in doc.boilerplate
        if (span.start, span.end) in html_spans or span.reason not in _POSITIONAL
    ]
    if len(kept) != len(doc.boilerplate):
        doc = doc.evolve(boilerplate=kept)
    # A quote in what the markup says is not the article (a comment, a teaser of another
    # story) is not the article's: the text stays, marked, but it is no quote of this page.
    inside = _covered_by(page.boilerplate)
    quotes = [quote for quote in doc.quotes if not inside(quote.start, quote.end)]
    if len(quotes) != len(doc.quotes):
        doc = doc.evolve(quotes=quotes)
    return doc
