"""Every hook a quotekit plugin can implement.

A plugin is a module or object registered under the entry-point group ``quotekit`` (or passed to
:class:`quotekit.Pipeline`). It implements one or more of the hooks below, each decorated with
``quotekit.hookimpl``. An implementation may accept a subset of a hook's parameters, so hooks
grow by new parameters without breaking existing plugins.

pluggy calls every implementation of a hook with the same arguments and collects the results;
it does not chain them. quotekit's extractor chain is therefore not a hook call: plugins hand
their extractors to a registry through :func:`quotekit_register_extractors`, and the pipeline
orders them by what they require and provide and runs them as an explicit fold.

Example (a plugin module)::

    import quotekit

    @quotekit.hookimpl
    def quotekit_register_extractors(registry):
        registry.add(ShoutingExtractor())

    @quotekit.hookimpl
    def quotekit_language_data(registry):
        registry.add("fr", "cue_verbs", ["déclarer", "affirmer"])

    @quotekit.hookimpl
    def quotekit_register_backends(register):
        register(MyParserBackend())
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from quotekit.backends import BackendRegistry
    from quotekit.lang import LanguageDataRegistry
    from quotekit.pipeline import ExtractorRegistry

PROJECT_NAME = "quotekit"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def quotekit_register_extractors(registry: ExtractorRegistry) -> None:
    """Hand extractors to the pipeline.

    Called once when a pipeline is built, for every plugin, built-ins included (the built-ins
    are registered before entry-point plugins, so a plugin sees them). ``registry.add(e)`` adds
    an extractor; ``registry.replace(e)`` replaces the extractor of the same name;
    ``registry.disable(name)`` removes one. Adding a name that exists is an error: replace it
    explicitly. The return value is ignored.
    """


@hookspec
def quotekit_language_data(registry: LanguageDataRegistry) -> None:
    """Contribute language knowledge as data.

    Called once when a pipeline is built. ``registry.add(lang, table, entries)`` appends
    ``entries`` (strings, or mappings of strings) to the table ``table`` of language ``lang``
    (``"de"``, ``"en"``, ``"fr"``...). Tables are read by the extractors: ``function_words``
    drives language detection, ``quote_marks``, ``cue_*``, ``speaker_*`` and ``quote_*`` the
    quote attributor,
    ``date_*`` tables the date normalizer, ``post_*`` the embedded-post parser and
    ``boilerplate_*`` the stripper, ``segment_*`` the sentence splitter every extractor shares
    (docs/quotes.md, dates.md, posts.md, boilerplate.md and segmentation.md list the tables
    each reads and their row forms). Adding
    ``function_words`` for a new language is what makes the detector recognise it.
    The return value is ignored.
    """


@hookspec
def quotekit_register_backends(register: BackendRegistry) -> None:
    """Offer NLP backends that users choose by name (``extract(text, backend="stanza")``).

    Called once when a pipeline is built with a ``backend`` name, for every plugin, built-ins
    (``stanza``, ``spacy``) first. ``register(backend)`` offers one: an object with ``name``,
    ``install``, ``check()``, ``languages()`` and ``annotate(text, segments) -> Syntax`` (see
    :class:`quotekit.backends.Backend`); a later plugin's backend of the same name replaces an
    earlier one. Registering must be cheap: import the NLP library and load models in
    ``annotate``, not here. The return value is ignored.
    """
