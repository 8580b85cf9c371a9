"""Views of a Document for a person: a self-contained HTML page and a plain-text table.

:func:`render` draws the text with every layer on it: each quote in its speaker's colour (the
kind told by its outline and in a text label), the cue underlined, the speaker's mention
linked to its quotes, dates with their TIMEX3 value on hover, embedded posts as cards,
boilerplate greyed out, and a side panel of speakers and diagnostics. The page loads nothing
from elsewhere (inline CSS, no script, no font) and reads without CSS: kinds and speakers are in
the text and in ARIA labels, not only in colour.

Spans of different layers overlap freely (a date inside a quote, a quote inside boilerplate), so
the text is cut at every span boundary and each piece is one element carrying the classes and
data attributes of every span over it: one pass over the sorted boundaries, linear in the text
and the spans. Concatenating the pieces that carry ``data-quote="3"`` gives quote 3's text.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator
from typing import Final

import attrs

from quotekit.model import Document, Quote

__all__ = ["render", "render_index", "render_table"]

#: Speaker colours: a qualitative palette with enough contrast for black text on each.
_PALETTE: Final = (
    "#ffd8a8",
    "#b2f2bb",
    "#a5d8ff",
    "#fcc2d7",
    "#d0bfff",
    "#ffec99",
    "#99e9f2",
    "#c0eb75",
    "#eebefa",
    "#ffc9c9",
)
_NO_SPEAKER_COLOUR: Final = "#e9ecef"
_KIND_LABELS: Final = {
    "direct": "direct quote",
    "indirect": "indirect quote",
    "mixed": "mixed quote",
    "partial": "partial quote",
}

_CSS: Final = """
.qk{font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#212529;display:flex;gap:1.5rem;
 align-items:flex-start;max-width:72rem;margin:0 auto;padding:1rem}
.qk main{flex:3;min-width:0}.qk aside{flex:1;min-width:14rem;position:sticky;top:1rem;font-size:14px}
.qk .qk-text{white-space:pre-wrap;overflow-wrap:anywhere}
.qk h1{font-size:1.2rem;margin:0 0 .5rem}.qk h2{font-size:1rem;margin:1rem 0 .3rem}
.qk .meta{color:#495057;font-size:14px;margin-bottom:1rem}
.qk .q{border-radius:2px}.qk .q-direct{box-shadow:inset 0 -2px 0 #343a40}
.qk .q-indirect{box-shadow:inset 0 -2px 0 #868e96;font-style:italic}
.qk .q-mixed{box-shadow:inset 0 -2px 0 #495057}.qk .q-partial{box-shadow:inset 0 -1px 0 #adb5bd}
.qk .label{font-size:11px;font-weight:600;border:1px solid #868e96;border-radius:3px;padding:0 3px;
 margin-right:2px;background:#fff;white-space:nowrap}
.qk .cue{text-decoration:underline 2px}
.qk a.mention{color:inherit;font-weight:700;text-decoration:none;border-bottom:2px solid #495057}
.qk .timex{border-bottom:2px dotted #1971c2;cursor:help}
.qk .bp{color:#adb5bd}.qk .post{background:#f8f9fa;outline:1px solid #dee2e6}
.qk .card{display:inline-block;font-size:12px;border:1px solid #ced4da;border-radius:4px;
 padding:0 4px;margin:2px 0;background:#fff}
.qk ul{padding-left:1.1rem;margin:.2rem 0}.qk .swatch{display:inline-block;width:.8em;height:.8em;
 border-radius:2px;margin-right:4px;vertical-align:middle}
.qk .diag-error{color:#c92a2a}.qk .diag-warning{color:#e67700}
"""


@attrs.frozen
class _Mark:
    """One span of one layer as the view draws it: its extent and what the pieces over it carry."""

    start: int
    end: int
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...] = ()
    style: str = ""
    #: HTML put before the span's first piece (a quote's label, a post's card)
    prefix: str = ""
    #: The element that wraps the pieces: a mention is a link to its quote
    link: str | None = None


def render(doc: Document, *, title: str | None = None, full_page: bool = True) -> str:
    """Return ``doc`` as one self-contained HTML page (or, with ``full_page=False``, a fragment).

    The fragment is what Jupyter shows for a Document (``Document._repr_html_``); it carries
    its own ``<style>`` scoped to the ``.qk`` class.
    """
    colours = _speaker_colours(doc)
    marks = list(_marks(doc, colours))
    body = "".join(_pieces(doc.text, marks))
    heading = html.escape(title or doc.id or "Document")
    meta = html.escape(
        " · ".join(
            part
            for part in (
                f"language {doc.lang}",
                f"published {doc.published.isoformat()}" if doc.published else "",
                f"{len(doc.text):,} characters",
                f"{len(doc.quotes)} quotes",
                f"{len(doc.timexes)} dates",
                f"{len(doc.posts)} posts",
            )
            if part
        )
    )
    fragment = (
        f'<div class="qk" lang="{html.escape(doc.lang)}"><style>{_CSS}</style>'
        f'<main><h1>{heading}</h1><p class="meta">{meta}</p>'
        f'<div class="qk-text">{body}</div></main>'
        f'<aside aria-label="summary">{_panel(doc, colours)}</aside></div>'
    )
    if not full_page:
        return fragment
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(doc.lang)}"><head><meta charset="utf-8">'
        # nothing may load from elsewhere: the policy makes a browser refuse it, too
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{heading} · quotekit</title></head><body>{fragment}</body></html>\n"
    )


def _speaker_key(quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    if quote.speaker.entity is not None:
        return f"e{quote.speaker.entity}"
    return f"n:{quote.speaker.name}"


def _speaker_colours(doc: Document) -> dict[str, str]:
    colours: dict[str, str] = {}
    for quote in doc.quotes:
        key = _speaker_key(quote)
        if key is not None and key not in colours:
            colours[key] = _PALETTE[len(colours) % len(_PALETTE)]
    return colours


def _quote_label(quote: Quote) -> str:
    who = quote.speaker.name if quote.speaker else "speaker unknown"
    return f"{_KIND_LABELS[quote.kind]}, {who}"


def _marks(doc: Document, colours: dict[str, str]) -> Iterator[_Mark]:
    for boilerplate in doc.boilerplate:
        yield _Mark(
            start=boilerplate.start,
            end=boilerplate.end,
            classes=("bp",),
            attributes=(
                ("title", f"boilerplate: {boilerplate.reason}"),
                ("data-boilerplate", boilerplate.reason),
            ),
        )
    for index, post in enumerate(doc.posts):
        author = post.author.name or ""
        handle = f" @{post.author.handle}" if post.author.handle else ""
        date = f" · {post.date}" if post.date else ""
        link = (
            f' · <a href="{html.escape(post.status_url)}" rel="nofollow noreferrer">link</a>'
            if post.status_url and post.status_url.startswith(("https://", "http://"))
            else ""
        )
        card = (
            f'<span class="card" role="note" aria-label="embedded post">{html.escape(post.platform)} post: '
            f"{html.escape(author + handle + date)}{link}</span>"
        )
        yield _Mark(
            start=post.start,
            end=post.end,
            classes=("post",),
            attributes=(("data-post", str(index)),),
            prefix=card,
        )
    for index, quote in enumerate(doc.quotes):
        key = _speaker_key(quote)
        colour = colours.get(key, _NO_SPEAKER_COLOUR) if key is not None else _NO_SPEAKER_COLOUR
        label = _quote_label(quote)
        attributes = [("data-quote", str(index)), ("data-kind", quote.kind)]
        if quote.speaker is not None:
            attributes.append(("data-speaker", quote.speaker.name))
        yield _Mark(
            start=quote.start,
            end=quote.end,
            classes=("q", f"q-{quote.kind}"),
            attributes=tuple(attributes),
            style=f"background:{colour}",
            prefix=f'<span class="label" id="quote-{index}">[{html.escape(label)}]</span>',
        )
        if quote.cue is not None:
            yield _Mark(
                start=quote.cue.start,
                end=quote.cue.end,
                classes=("cue",),
                attributes=(("data-cue", str(index)),),
            )
        mention = quote.speaker.mention if quote.speaker else None
        if mention is not None:
            yield _Mark(
                start=mention.start,
                end=mention.end,
                classes=("mention",),
                attributes=(("data-mention", str(index)), ("title", f"speaker of quote {index + 1}")),
                link=f"#quote-{index}",
            )
    for index, timex in enumerate(doc.timexes):
        yield _Mark(
            start=timex.start,
            end=timex.end,
            classes=("timex",),
            attributes=(
                ("data-timex", str(index)),
                ("data-value", timex.value),
                ("title", f"{timex.type} {timex.value}"),
            ),
        )


def _pieces(text: str, marks: list[_Mark]) -> Iterator[str]:
    """The text cut at every span boundary, each piece wrapped in the marks over it."""
    events: list[tuple[int, int, int]] = []  # (offset, 0 = ends before 1 = starts, mark)
    for number, mark in enumerate(marks):
        if mark.end > mark.start:
            events.append((mark.start, 1, number))
            events.append((mark.end, 0, number))
    events.sort()
    active: dict[int, _Mark] = {}
    started: set[int] = set()
    position = 0
    for offset, kind, number in events:
        if offset > position:
            yield _piece(text[position:offset], active, started)
            position = offset
        if kind == 1:
            active[number] = marks[number]
        else:
            active.pop(number, None)
    if position < len(text):
        yield _piece(text[position:], active, started)


def _piece(chunk: str, active: dict[int, _Mark], started: set[int]) -> str:
    escaped = html.escape(chunk, quote=False)
    if not active:
        return escaped
    prefix = "".join(active[n].prefix for n in sorted(active) if n not in started and active[n].prefix)
    started.update(active)
    classes: list[str] = []
    attributes: dict[str, str] = {}
    styles: list[str] = []
    link = None
    for number in sorted(active):
        mark = active[number]
        classes.extend(mark.classes)
        for name, value in mark.attributes:
            # two quotes over one piece (a partial inside a mixed): keep both indexes
            attributes[name] = f"{attributes[name]} {value}" if name in attributes else value
        if mark.style:
            styles.append(mark.style)
        if mark.link is not None:
            link = mark.link
    parts = [f'class="{" ".join(dict.fromkeys(classes))}"']
    parts.extend(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    if styles:
        parts.append(f'style="{html.escape(styles[-1])}"')
    element = "a" if link is not None else "span"
    if link is not None:
        parts.append(f'href="{html.escape(link)}"')
    return f"{prefix}<{element} {' '.join(parts)}>{escaped}</{element}>"


def _panel(doc: Document, colours: dict[str, str]) -> str:
    counts: Counter[str] = Counter()
    names: dict[str, tuple[str, tuple[str, ...]]] = {}
    for quote in doc.quotes:
        key = _speaker_key(quote)
        if key is None or quote.speaker is None:
            counts["?"] += 1
            continue
        counts[key] += 1
        roles = doc.entities[quote.speaker.entity].roles if quote.speaker.entity is not None else ()
        names.setdefault(key, (quote.speaker.name, tuple(roles)))
    rows = []
    for key, (name, roles) in names.items():
        role = f" ({html.escape(', '.join(roles))})" if roles else ""
        rows.append(
            f'<li data-speaker-row="{html.escape(name)}">'
            f'<span class="swatch" style="background:{colours[key]}" aria-hidden="true"></span>'
            f"{html.escape(name)}{role}: {counts[key]} "
            f"quote{'s' if counts[key] != 1 else ''}</li>"
        )
    if counts["?"]:
        rows.append(f"<li>speaker unknown: {counts['?']}</li>")
    speakers = f"<h2>Speakers</h2><ul>{''.join(rows) or '<li>none</li>'}</ul>"
    kinds: Counter[str] = Counter(quote.kind for quote in doc.quotes)
    kind_rows = "".join(
        f"<li>{html.escape(label)}: {kinds[kind]}</li>" for kind, label in _KIND_LABELS.items() if kinds[kind]
    )
    quotes = f"<h2>Quotes</h2><ul>{kind_rows or '<li>none</li>'}</ul>"
    diagnostics = "".join(
        f'<li class="diag-{html.escape(d.severity)}">{html.escape(d.severity)} {html.escape(d.code)}'
        f"{' (' + html.escape(d.extractor) + ')' if d.extractor else ''}: {html.escape(d.message)}</li>"
        for d in doc.diagnostics
    )
    diag = f"<h2>Diagnostics</h2><ul>{diagnostics or '<li>none</li>'}</ul>"
    return speakers + quotes + diag


def render_index(pages: list[tuple[str, Document]]) -> str:
    """An HTML page listing ``(file name, document)`` pages with their counts, linked."""
    rows = "".join(
        f'<tr><td><a href="{html.escape(name)}">{html.escape(doc.id or name)}</a></td>'
        f"<td>{html.escape(doc.lang)}</td><td>{len(doc.quotes)}</td><td>{len(doc.entities)}</td>"
        f"<td>{len(doc.timexes)}</td><td>{len(doc.posts)}</td></tr>"
        for name, doc in pages
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>quotekit pages</title>'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        "<style>body{font:15px system-ui,sans-serif;margin:2rem}"
        "td,th{padding:2px 10px;text-align:left}</style>"
        "</head><body><h1>quotekit pages</h1><table><tr><th>document</th><th>language</th>"
        f"<th>quotes</th><th>speakers</th><th>dates</th><th>posts</th></tr>{rows}</table></body></html>\n"
    )


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_table(doc: Document) -> str:
    """A plain-text summary of ``doc`` for a person: quotes with speakers, dates, posts, boilerplate."""
    lines = [
        f"== {doc.id or 'document'}  lang={doc.lang}  published={doc.published or '?'}"
        + (f" ({doc.published_source})" if doc.published_source else "")
    ]
    lines.append(f"-- quotes ({len(doc.quotes)})")
    for quote in doc.quotes:
        speaker = quote.speaker.name if quote.speaker else "?"
        mention = (
            f" [{quote.speaker.mention.text}]"
            if quote.speaker and quote.speaker.mention and quote.speaker.mention.text != speaker
            else ""
        )
        cue = f" ({quote.cue.text})" if quote.cue else ""
        when = f" @{quote.date}" if quote.date else ""
        where = f" in post {quote.post}" if quote.source == "post" else ""
        lines.append(f"  {quote.kind:8} {speaker}{mention}{cue}{when}{where}: «{_clip(quote.text, 90)}»")
    lines.append(f"-- dates ({len(doc.timexes)})")
    lines.extend(f"  {t.type:8} {t.value:16} {t.text!r}" for t in doc.timexes)
    lines.append(f"-- posts ({len(doc.posts)})")
    for post in doc.posts:
        author = post.author.name or ""
        handle = f" (@{post.author.handle})" if post.author.handle else ""
        lines.append(f"  {post.platform} {author}{handle} {post.date or ''}: «{_clip(post.text, 80)}»")
    lines.append(f"-- boilerplate ({len(doc.boilerplate)})")
    lines.extend(f"  {b.reason:24} {_clip(b.text, 70)!r}" for b in doc.boilerplate)
    if doc.diagnostics:
        lines.append(f"-- diagnostics ({len(doc.diagnostics)})")
        lines.extend(f"  {d.severity} {d.code} {d.extractor or ''}: {d.message}" for d in doc.diagnostics)
    return "\n".join(lines) + "\n\n"
