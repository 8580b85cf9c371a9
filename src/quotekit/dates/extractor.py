"""The built-in ``dates`` extractor (not implemented yet: it adds nothing)."""

from __future__ import annotations

from quotekit.lang import LanguageData
from quotekit.model import Document


class DateNormalizer:
    """Temporal expressions with TimeML TIMEX3 types and normalized values."""

    name = "dates"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("timexes", "published")
    after: tuple[str, ...] = ("posts",)

    def __init__(self, data: LanguageData) -> None:
        self._data = data

    def __call__(self, doc: Document, /) -> Document:
        return doc
