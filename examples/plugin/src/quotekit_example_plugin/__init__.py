"""An example quotekit plugin: an extractor for SHOUTED words, and a language-table row."""

from __future__ import annotations

import regex

import quotekit
from quotekit import Annotation, Document
from quotekit.lang import LanguageDataRegistry

__all__ = ["ShoutingExtractor"]

LAYER = "example.shouting"


class ShoutingExtractor:
    """Marks words of three or more capital letters (BREAKING, EXCLUSIVE) outside boilerplate."""

    name = "example.shouting"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = (LAYER,)
    after: tuple[str, ...] = ("boilerplate",)

    # Compiled once: extractors are built once per pipeline and called per document.
    _shouted = regex.compile(r"\b\p{Lu}{3,}\b")

    def __call__(self, doc: Document, /) -> Document:
        marks = [
            Annotation(start=m.start(), end=m.end(), text=m.group(), label="shouting")
            for m in self._shouted.finditer(doc.text, timeout=5.0)
            if not doc.is_boilerplate(m.start(), m.end())
        ]
        return doc.with_extension(LAYER, marks)


@quotekit.hookimpl
def quotekit_register_extractors(registry: quotekit.ExtractorRegistry) -> None:
    registry.add(ShoutingExtractor())


@quotekit.hookimpl
def quotekit_language_data(registry: LanguageDataRegistry) -> None:
    # A plugin can extend any language's tables; here, one more English cue verb, in the
    # row form the quote attributor reads (docs/quotes.md).
    registry.add(
        "en",
        "cue_verbs",
        [
            {
                "lemma": "bellow",
                "forms": ["bellow", "bellowed", "bellowing", "bellows"],
                "participles": ["bellowed"],
                "frame": "speech",
            }
        ],
    )
