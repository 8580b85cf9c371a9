"""HTML input: derive the text a reader sees, extract from it, and enrich posts from the markup.

``extract_html(html)`` turns HTML into text with the standard library's ``html.parser`` (block
elements become line breaks, character references are decoded, scripts and styles dropped), runs
:func:`quotekit.extract` on that text, and then uses what only the markup has: each embed's
blockquote (``twitter-tweet``, ``bluesky-embed``, ``instagram-media``, ``mastodon-embed``,
``text-post-media``, ``tiktok-embed``) bounds its post exactly, its links give the status URL
and id, and the ``lang`` attribute of the post's paragraph its language. Every offset in the
returned :class:`~quotekit.model.Document` refers to the derived text (``Document.text``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any, Final

import attrs

from quotekit.lang import LanguageData
from quotekit.model import Document, Post
from quotekit.posts.extractor import PostParser, status_of

__all__ = ["EMBED_CLASSES", "Embed", "HtmlText", "enrich_posts", "extract_html", "html_to_text"]

_BLOCKS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
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
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "iframe",
    ]
)
_HIDDEN: Final = frozenset(("script", "style", "noscript", "template", "head", "title"))
_VOID: Final = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
#: blockquote classes of the embed codes each platform hands out, and the platform they mean.
EMBED_CLASSES: Final = {
    "twitter-tweet": "twitter",
    "twitter-video": "twitter",
    "bluesky-embed": "bluesky",
    "instagram-media": "instagram",
    "mastodon-embed": "mastodon",
    "text-post-media": "threads",
    "tiktok-embed": "tiktok",
}
_IFRAME_HOSTS: Final = {
    "youtube.com/": "youtube",
    "youtube-nocookie.com/": "youtube",
    "youtu.be/": "youtube",
    "player.vimeo.com/": "vimeo",
    "platform.twitter.com/": "twitter",
    "instagram.com/": "instagram",
    "tiktok.com/": "tiktok",
    "facebook.com/plugins/": "facebook",
}


@attrs.frozen(kw_only=True)
class Embed:
    """An embed found in the markup: its platform, its region of the derived text, its links."""

    platform: str
    start: int
    end: int
    lang: str | None = None
    links: tuple[str, ...] = ()
    source: str | None = None


@attrs.frozen(kw_only=True)
class HtmlText:
    """The text derived from HTML and the embeds found in it (offsets into ``text``)."""

    text: str
    embeds: tuple[Embed, ...] = ()


class _Deriver(HTMLParser):
    """Collects visible text and embed regions in one pass over the markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.hidden = 0
        self.pre = 0
        self.at_line_start = True
        self.pending_space = False
        self.embeds: list[Embed] = []
        # Open embeds: [platform, start, depth of blockquote nesting, lang, links, source].
        self.open: list[dict[str, Any]] = []

    # ---- text assembly

    def _emit(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.length += len(chunk)

    def _break(self) -> None:
        if not self.at_line_start:
            self._emit("\n")
            self.at_line_start = True
        self.pending_space = False

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.pre:
            self._emit(data)
            self.at_line_start = data.endswith("\n")
            return
        words = data.split()
        if not words:
            if data and not self.at_line_start:
                self.pending_space = True
            return
        if data[0].isspace() and not self.at_line_start:
            self.pending_space = True
        if self.pending_space and not self.at_line_start:
            self._emit(" ")
        self._emit(" ".join(words))
        self.at_line_start = False
        self.pending_space = data[-1].isspace()

    # ---- tags

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs_map = {name: value or "" for name, value in attributes}
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self._break()
        if self.open:
            embed = self.open[-1]
            if tag == "blockquote":
                embed["depth"] += 1
            if tag == "a" and attrs_map.get("href"):
                embed["links"].append(attrs_map["href"])
            if attrs_map.get("lang") and embed["lang"] is None and tag != "blockquote":
                embed["lang"] = attrs_map["lang"]
        if tag == "blockquote":
            classes = attrs_map.get("class", "").split()
            platform = next((EMBED_CLASSES[name] for name in classes if name in EMBED_CLASSES), None)
            if platform is not None:
                source = (
                    attrs_map.get("data-instgrm-permalink")
                    or attrs_map.get("cite")
                    or attrs_map.get("data-embed-url")
                    or attrs_map.get("data-text-post-permalink")
                )
                self.open.append(
                    {
                        "platform": platform,
                        "start": self.length,
                        "depth": 1,
                        "lang": None,
                        "links": [],
                        "source": source,
                    }
                )
        if tag == "iframe" and attrs_map.get("src"):
            src = attrs_map["src"]
            platform = next((name for host, name in _IFRAME_HOSTS.items() if host in src), None)
            if platform is not None:
                self.embeds.append(Embed(platform=platform, start=self.length, end=self.length, source=src))
        if tag in _VOID:
            self.handle_endtag(tag)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attributes)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag == "blockquote" and self.open:
            embed = self.open[-1]
            embed["depth"] -= 1
            if embed["depth"] == 0:
                self.open.pop()
                end = self.length
                self.embeds.append(
                    Embed(
                        platform=embed["platform"],
                        start=embed["start"],
                        end=end,
                        lang=embed["lang"],
                        links=tuple(embed["links"]),
                        source=embed["source"],
                    )
                )
        if tag in _BLOCKS and tag != "br":
            self._break()


def html_to_text(html: str) -> HtmlText:
    """The text a reader sees in ``html`` (one line per block, no blank lines) and its embeds."""
    deriver = _Deriver()
    deriver.feed(html)
    deriver.close()
    text = "".join(deriver.parts)
    length = len(text)
    embeds = []
    for embed in deriver.embeds:
        # A region ends before the line break its closing tag added.
        end = min(embed.end, length)
        while end > embed.start and text[end - 1].isspace():
            end -= 1
        start = min(embed.start, end)
        while start < end and text[start].isspace():
            start += 1
        embeds.append(attrs.evolve(embed, start=start, end=end))
    return HtmlText(text=text, embeds=tuple(sorted(embeds, key=lambda e: e.start)))


@functools.lru_cache(maxsize=4)
def _parser(data: LanguageData) -> PostParser:
    return PostParser(data)


def extract_html(
    html: str,
    *,
    lang: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
) -> Document:
    """Extract from HTML: like :func:`quotekit.extract` on the text the HTML shows.

    The returned document's ``text`` is the derived text and every offset refers to it. Posts
    embedded with their platform's embed code are bounded by their blockquote and carry the
    status URL and id from its links and the post's ``lang`` attribute; an iframe player
    (YouTube, Vimeo ...) becomes an empty post with its address as ``status_url``.
    """
    from quotekit import extract
    from quotekit.pipeline import default_pipeline

    if not isinstance(html, str):
        msg = f"extract_html takes the HTML as str, got {type(html).__name__}"
        raise TypeError(msg)
    derived = html_to_text(html)
    doc = extract(derived.text, lang=lang, published=published, options=options, strict=strict)
    if not derived.embeds:
        return doc
    parser = _parser(default_pipeline(strict=strict, options=options).language_data)
    return _enrich(doc, derived.embeds, parser)


def enrich_posts(doc: Document, embeds: tuple[Embed, ...], data: LanguageData) -> Document:
    """``doc`` with the posts in each embed's region read from exactly that region, enriched.

    The HTML reader (:mod:`quotekit.readers.html`) calls this with the embeds it found.
    """
    return _enrich(doc, embeds, _parser(data))


def _enrich(doc: Document, embeds: tuple[Embed, ...], parser: PostParser) -> Document:
    """Replace the posts inside each embed by ones read from exactly its region, enriched."""
    posts = list(doc.posts)
    replaced: dict[int, Post] = {}
    extra: list[Post] = []
    for embed in embeds:
        inside = [
            index for index, post in enumerate(posts) if post.start < embed.end and embed.start < post.end
        ]
        found = parser.find(doc.text, start=embed.start, end=embed.end) if embed.end > embed.start else []
        post = found[0] if found else _bare_post(doc.text, embed, parser)
        post = _with_markup(post, embed)
        if inside:
            replaced[inside[0]] = post
            for index in inside[1:]:
                replaced[index] = replaced.get(index, posts[index])
        else:
            extra.append(post)
    merged = [replaced.get(index, post) for index, post in enumerate(posts)]
    merged.extend(extra)
    merged.sort(key=lambda post: (post.start, post.end))
    if merged == list(doc.posts):
        return doc
    # Quotes refer to posts by index: re-point them at the same (enlarged) post.
    remap = {}
    for old_index, old in enumerate(doc.posts):
        for new_index, new in enumerate(merged):
            if (old.start < new.end and new.start < old.end) or new.start == old.start:
                remap[old_index] = new_index
                break
    quotes = [
        attrs.evolve(quote, post=remap.get(quote.post)) if quote.post is not None else quote
        for quote in doc.quotes
    ]
    return doc.evolve(posts=merged, quotes=quotes)


def _bare_post(text: str, embed: Embed, parser: PostParser) -> Post:
    """A post for an embed whose text has no attribution line we know (or no text at all)."""
    body = text[embed.start : embed.end]
    return Post(
        start=embed.start,
        end=embed.end,
        platform=embed.platform,
        text=body,
        text_start=embed.start,
        text_end=embed.end,
        lang=parser.language_of(body),
    )


def _with_markup(post: Post, embed: Embed) -> Post:
    """``post`` with the status URL, id and language that only the embed's markup has."""
    changes: dict[str, Any] = {}
    status = None
    for link in (*reversed(embed.links), embed.source or ""):
        status = status_of(link) if link else None
        if status is not None:
            break
    if status is not None and post.status_url is None:
        changes["status_url"], changes["status_id"] = status
    elif post.status_url is None and embed.source:
        changes["status_url"] = embed.source
    if embed.lang and embed.lang.lower() not in {"und", "zxx", "qme", "qht", "qam"}:
        changes["lang"] = embed.lang
    if post.platform != embed.platform:
        changes["platform"] = embed.platform
    return attrs.evolve(post, **changes) if changes else post
