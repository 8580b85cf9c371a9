"""The built-in ``posts`` extractor (not implemented yet: it adds nothing)."""

from __future__ import annotations

from quotekit.lang import LanguageData
from quotekit.model import Document


class PostParser:
    """Embedded social-media posts: tweets and other embeds as they read in scraped text."""

    name = "posts"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("posts",)
    after: tuple[str, ...] = ()

    def __init__(self, data: LanguageData) -> None:
        self._data = data

    def __call__(self, doc: Document, /) -> Document:
        return doc
