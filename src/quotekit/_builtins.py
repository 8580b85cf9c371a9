"""quotekit's own extractors and language tables, registered like any third-party plugin."""

from __future__ import annotations

from quotekit.backends import BackendRegistry
from quotekit.backends.spacy_backend import SpacyBackend
from quotekit.backends.stanza_backend import StanzaBackend
from quotekit.boilerplate import BoilerplateStripper
from quotekit.dates import DateNormalizer
from quotekit.hookspecs import hookimpl
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.lang.detect import LanguageDetector
from quotekit.pipeline import ExtractorRegistry
from quotekit.posts import PostParser
from quotekit.quotes import QuoteAttributor


@hookimpl
def quotekit_language_data(registry: LanguageDataRegistry) -> None:
    load_builtin_tables(registry)


@hookimpl
def quotekit_register_extractors(registry: ExtractorRegistry) -> None:
    data = registry.language_data
    for extractor in (
        LanguageDetector(data),
        PostParser(data),
        DateNormalizer(data),
        QuoteAttributor(data),
        BoilerplateStripper(data),
    ):
        registry.add(extractor)


@hookimpl
def quotekit_register_backends(register: BackendRegistry) -> None:
    # the adapters import stanza and spaCy only when they first parse
    register(StanzaBackend())
    register(SpacyBackend())
