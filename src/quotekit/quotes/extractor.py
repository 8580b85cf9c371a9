"""The built-in ``quotes`` extractor (not implemented yet: it adds nothing)."""

from __future__ import annotations

from quotekit.lang import LanguageData
from quotekit.model import Document


class QuoteAttributor:
    """Quotations and who said them."""

    name = "quotes"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("quotes", "entities")
    after: tuple[str, ...] = ("posts", "timexes")

    def __init__(self, data: LanguageData) -> None:
        self._data = data

    def __call__(self, doc: Document, /) -> Document:
        return doc
