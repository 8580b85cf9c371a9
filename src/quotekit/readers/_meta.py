"""What a page's markup says about its article: dates, title, authors, site, address, language.

Sources in order of trust, as publishers fill them: JSON-LD (``NewsArticle`` and kin, also in an
``@graph``), Open Graph and ``article:`` properties, the ``<meta name>`` conventions (Dublin Core,
``date``, ``author``, Parsely), the first ``<time datetime>`` in the page, ``<title>``. The
modification date is kept apart: an "Updated" stamp is not when the article appeared.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

import attrs

from quotekit.model import parse_published

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

#: JSON-LD types that describe the article a page shows.
_ARTICLE_TYPES: Final = frozenset(
    (
        "article",
        "newsarticle",
        "reportage",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "webpage",
        "scholarlyarticle",
        "techarticle",
        "report",
    )
)
_PUBLISHED_META: Final = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "og:published_time",
)
_MODIFIED_META: Final = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
)
_AUTHOR_META: Final = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author")
#: JSON-LD of a page is small; a longer script is data of another kind and is not read.
_MAX_JSON_LD: Final = 1_000_000


@attrs.frozen(kw_only=True)
class PageMeta:
    """What the markup says about the article (``None``/empty where it says nothing)."""

    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    canonical_url: str | None = None
    lang: str | None = None
    description: str | None = None
    article_body: str | None = None

    def as_data(self) -> dict[str, Any]:
        """The fields that are set, for the ``html.page`` extension layer."""
        data = attrs.asdict(self)
        data.pop("article_body")
        data["authors"] = list(self.authors)
        return {key: value for key, value in data.items() if value not in (None, [])}


def _walk_json(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk_json(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        if "@graph" in value:
            yield from _walk_json(value["@graph"], depth + 1)
        main = value.get("mainEntity")
        if isinstance(main, (dict, list)):
            yield from _walk_json(main, depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names


def _json_ld_article(root: HtmlElement) -> dict[str, Any] | None:
    best: dict[str, Any] | None = None
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for node in _walk_json(data):
            kinds = _types(node)
            if kinds & _ARTICLE_TYPES and (
                best is None or ("webpage" in _types(best) and "webpage" not in kinds)
            ):
                best = node
    return best


def _str(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _dated(value: str | None) -> str | None:
    """``value`` when it reads as a date (ISO 8601 or the like), else ``None``."""
    if not value:
        return None
    try:
        day = parse_published(value.strip()[:10])
    except ValueError:
        return None
    return value.strip() if day is not None else None


def read_meta(root: HtmlElement) -> PageMeta:
    """The metadata of the page whose root element is ``root``."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and content.strip() and key not in metas:
            metas[key] = " ".join(content.split())
    article = _json_ld_article(root) or {}
    published, published_from = None, None
    ld_published = _dated(_str(article.get("datePublished")) or _str(article.get("dateCreated")))
    if ld_published:
        published, published_from = ld_published, "json-ld"
    if published is None:
        for key in _PUBLISHED_META:
            found = _dated(metas.get(key))
            if found:
                published, published_from = found, f"meta {key}"
                break
    if published is None:
        for time in root.iter("time"):
            found = _dated(time.get("datetime"))
            if found:
                published, published_from = found, "time"
                break
    modified = _dated(_str(article.get("dateModified")))
    if modified is None:
        modified = next((_dated(metas.get(key)) for key in _MODIFIED_META if _dated(metas.get(key))), None)
    authors = tuple(dict.fromkeys(_names(article.get("author"))))
    if not authors:
        authors = tuple(
            dict.fromkeys(
                name
                for key in _AUTHOR_META
                for name in [metas.get(key)]
                if name and not name.startswith("http")
            )
        )
    publisher = article.get("publisher")
    site = metas.get("og:site_name") or (_names(publisher)[0] if _names(publisher) else None)
    title_element = next(root.iter("title"), None)
    title = (
        _str(article.get("headline"))
        or metas.get("og:title")
        or metas.get("twitter:title")
        or (" ".join(title_element.text_content().split()) if title_element is not None else None)
        or None
    )
    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    ) or metas.get("og:url")
    lang = (root.get("lang") or root.get("xml:lang") or metas.get("og:locale") or "").strip() or None
    body = article.get("articleBody")
    return PageMeta(
        title=title,
        published=published,
        published_from=published_from,
        modified=modified,
        authors=authors,
        site_name=site,
        canonical_url=canonical,
        lang=lang,
        description=metas.get("description") or metas.get("og:description"),
        article_body=body if isinstance(body, str) and body.strip() else None,
    )
