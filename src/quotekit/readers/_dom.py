"""The visible text of a parsed page, in reading order, with the block each line comes from.

One iterative walk over the lxml tree (no recursion, so a page nested ten thousand levels deep
is walked like a flat one): text and tails are whitespace-collapsed as a browser renders them,
block elements start a new line, ``<pre>`` keeps its breaks, and what a reader never sees —
scripts, styles, templates, ``<noscript>``, comments, ``hidden``/``display:none`` elements,
the content of players and frames — never becomes text. Each line remembers its innermost block
element and how much of it sits inside links; embeds (the blockquote codes of the social
platforms, player iframes) are recorded with their region of the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import attrs

from quotekit.posts.html import EMBED_CLASSES, Embed

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements whose content a reader never sees.
_INVISIBLE: Final = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "svg",
        "math",
        "canvas",
        "object",
        "embed",
        "iframe",
        "audio",
        "video",
        "source",
        "track",
        "textarea",
    )
)
#: Elements that start a new line of text.
BLOCKS: Final = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    )
)
#: Table cells sit side by side: a row is one line, its cells apart by a space.
_CELLS: Final = frozenset(("td", "th"))
_HIDING_STYLES: Final = ("display:none", "visibility:hidden")
#: Hosts of embedded players and posts given as an iframe, and the platform they mean.
IFRAME_HOSTS: Final = {
    "youtube.com/": "youtube",
    "youtube-nocookie.com/": "youtube",
    "youtu.be/": "youtube",
    "player.vimeo.com/": "vimeo",
    "platform.twitter.com/": "twitter",
    "bsky.app/": "bluesky",
    "embed.bsky.app/": "bluesky",
    "instagram.com/": "instagram",
    "threads.net/": "threads",
    "tiktok.com/": "tiktok",
    "/embed": "mastodon",
    "facebook.com/plugins/": "facebook",
}


@attrs.frozen(kw_only=True)
class Line:
    """One line of the page text: its extent, the block element it belongs to, its link share."""

    start: int
    end: int
    element: Any  # the innermost block element (an lxml HtmlElement)
    link_chars: int
    heading: bool


@attrs.frozen(kw_only=True)
class Rendered:
    """The visible text of a page, its lines and its embeds."""

    text: str
    lines: tuple[Line, ...]
    embeds: tuple[Embed, ...]


def _hidden(element: HtmlElement) -> bool:
    get = element.get
    if get("hidden") is not None or get("type") == "hidden":
        return True
    style = get("style")
    if style:
        flat = style.replace(" ", "").lower()
        return any(marker in flat for marker in _HIDING_STYLES)
    return False


class _Writer:
    """Assembles collapsed text and closes lines at block boundaries."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.line_start = 0
        self.at_line_start = True
        self.pending_space = False
        self.lines: list[Line] = []
        self.line_element: Any = None
        self.link_chars = 0
        self.heading = False

    def write(self, data: str, element: Any, *, link: bool, pre: bool, heading: bool) -> None:
        if pre:
            for index, piece in enumerate(data.split("\n")):
                if index:
                    self.newline()
                if piece.strip():
                    self._words(piece.rstrip() if index else piece.strip(), element, link=link, raw=True)
            return
        words = data.split()
        if not words:
            if data and not self.at_line_start:
                self.pending_space = True
            return
        if data[0].isspace() and not self.at_line_start:
            self.pending_space = True
        self._words(" ".join(words), element, link=link, raw=False, heading=heading)
        self.pending_space = data[-1].isspace()

    def _words(self, chunk: str, element: Any, *, link: bool, raw: bool, heading: bool = False) -> None:
        if self.at_line_start:
            self.line_start = self.length
            self.line_element = element
            self.link_chars = 0
            self.heading = heading
            if raw:
                chunk = chunk.lstrip()
        elif self.pending_space:
            self._emit(" ")
        self._emit(chunk)
        if link:
            self.link_chars += len(chunk)
        self.at_line_start = False
        self.pending_space = False

    def _emit(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.length += len(chunk)

    def newline(self) -> None:
        if not self.at_line_start:
            self.lines.append(
                Line(
                    start=self.line_start,
                    end=self.length,
                    element=self.line_element,
                    link_chars=self.link_chars,
                    heading=self.heading,
                )
            )
            self._emit("\n")
            self.at_line_start = True
        self.pending_space = False


class _OpenEmbed:
    __slots__ = ("lang", "links", "platform", "source", "start")

    def __init__(self, platform: str, start: int, source: str | None) -> None:
        self.platform, self.start, self.source = platform, start, source
        self.lang: str | None = None
        self.links: list[str] = []


def _embed_of(element: HtmlElement, tag: str, position: int) -> _OpenEmbed | Embed | None:
    if tag == "blockquote":
        classes = (element.get("class") or "").split()
        platform = next((EMBED_CLASSES[name] for name in classes if name in EMBED_CLASSES), None)
        if platform is None:
            return None
        source = (
            element.get("data-instgrm-permalink")
            or element.get("cite")
            or element.get("data-embed-url")
            or element.get("data-text-post-permalink")
            or element.get("data-bluesky-uri")
        )
        return _OpenEmbed(platform, position, source)
    if tag == "iframe":
        src = element.get("src") or element.get("data-src") or ""
        platform = next((name for host, name in IFRAME_HOSTS.items() if host in src), None)
        if platform is not None and src.startswith(("http", "//")):
            return Embed(platform=platform, start=position, end=position, source=src)
    return None


def render(root: HtmlElement) -> Rendered:  # noqa: C901, PLR0912, PLR0915 - one walk, every node kind
    """The visible text of the tree under ``root``, its lines and embeds."""
    writer = _Writer()
    embeds: list[Embed] = []
    open_embeds: list[tuple[Any, _OpenEmbed]] = []
    # The walk keeps its own stack: ("enter", element) or ("leave", element, state).
    # state = (block element, inside a link, inside pre, inside a heading).
    stack: list[tuple[Any, ...]] = [("enter", root, root, False, False, False)]
    while stack:
        item = stack.pop()
        if item[0] == "tail":
            _, text, block, link, pre, heading = item
            writer.write(text, block, link=link, pre=pre, heading=heading)
            continue
        if item[0] == "leave":
            element = item[1]
            tag = element.tag
            if open_embeds and open_embeds[-1][0] is element:
                _, embed = open_embeds.pop()
                embeds.append(
                    Embed(
                        platform=embed.platform,
                        start=embed.start,
                        end=writer.length,
                        lang=embed.lang,
                        links=tuple(embed.links),
                        source=embed.source,
                    )
                )
            if tag in BLOCKS:
                writer.newline()
            elif tag in _CELLS:
                writer.pending_space = not writer.at_line_start
            continue
        _, element, block, link, pre, heading = item
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions
            continue
        tag = tag.lower()
        if open_embeds:
            embed = open_embeds[-1][1]
            href = element.get("href")
            if tag == "a" and href:
                embed.links.append(href)
            lang = element.get("lang")
            if lang and embed.lang is None and tag != "blockquote":
                embed.lang = lang
        found = _embed_of(element, tag, writer.length) if tag in {"blockquote", "iframe"} else None
        if isinstance(found, Embed):
            embeds.append(found)
        if tag in _INVISIBLE or _hidden(element):
            continue
        if tag in BLOCKS:
            writer.newline()
            block = element
        elif tag in _CELLS and not writer.at_line_start:
            writer.pending_space = True
        if isinstance(found, _OpenEmbed):
            open_embeds.append((element, found))
        link = link or tag == "a"
        pre = pre or tag in {"pre", "textarea"}
        heading = heading or tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        stack.append(("leave", element))
        # Children are pushed in reverse so that they pop in document order, each followed by
        # its tail (the text after its end tag, which belongs to this element).
        for child in reversed(element):
            tail = child.tail
            if tail:
                stack.append(("tail", tail, block, link, pre, heading))
            stack.append(("enter", child, block, link, pre, heading))
        if element.text:
            writer.write(element.text, block, link=link, pre=pre, heading=heading)
    writer.newline()
    text = "".join(writer.parts)
    text = text.removesuffix("\n")
    return Rendered(text=text, lines=tuple(writer.lines), embeds=tuple(_trimmed(embeds, text)))


def _trimmed(embeds: list[Embed], text: str) -> list[Embed]:
    out = []
    for embed in embeds:
        end = min(embed.end, len(text))
        while end > embed.start and text[end - 1].isspace():
            end -= 1
        start = min(embed.start, end)
        while start < end and text[start].isspace():
            start += 1
        out.append(attrs.evolve(embed, start=start, end=end))
    return sorted(out, key=lambda e: e.start)
