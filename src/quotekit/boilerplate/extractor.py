"""The built-in ``boilerplate`` extractor (not implemented yet: it adds nothing)."""

from __future__ import annotations

from quotekit.lang import LanguageData
from quotekit.model import Document


class BoilerplateStripper:
    """Marks what is not article content, deleting nothing."""

    name = "boilerplate"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("boilerplate",)
    after: tuple[str, ...] = ("posts", "quotes")

    def __init__(self, data: LanguageData) -> None:
        self._data = data

    def __call__(self, doc: Document, /) -> Document:
        return doc
