"""The extractor chain: discovery through plugins, ordering by declared needs, and the fold.

An extractor is any object with a ``name``, the layers it ``requires`` and ``provides``, and a
``__call__(doc) -> Document`` (see :class:`Extractor`). Plugins hand extractors to an
:class:`ExtractorRegistry` through the ``quotekit_register_extractors`` hook; the
:class:`Pipeline` orders them so every extractor runs after the ones providing what it needs
(registration order breaks ties only), then folds the document through them. An extractor that
raises never loses the document: its error becomes a diagnostic naming it, unless the pipeline
is strict, in which case :class:`ExtractorError` is raised.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Protocol, TypeAlias, runtime_checkable

import attrs
import pluggy

from quotekit import hookspecs
from quotekit.lang import LanguageData, LanguageDataRegistry
from quotekit.model import Diagnostic, Document

__all__ = [
    "ENTRY_POINT_GROUP",
    "Extractor",
    "ExtractorError",
    "ExtractorRegistry",
    "Pipeline",
    "PipelineError",
    "RegisteredExtractor",
    "default_pipeline",
]

ENTRY_POINT_GROUP: Final = "quotekit"
AUTOLOAD_ENV: Final = "QUOTEKIT_DISABLE_PLUGIN_AUTOLOAD"
DISABLE_ENV: Final = "QUOTEKIT_DISABLE_PLUGINS"
#: What every document has before any extractor runs (``lang`` may be "und" until detected):
#: requiring one orders an extractor after its providers, and is no error when there are none.
BASE_LAYERS: Final = frozenset({"text", "published", "id", "lang"})


@runtime_checkable
class Extractor(Protocol):
    """What the pipeline runs.

    ``requires`` and ``provides`` name layers (``"quotes"``, ``"timexes"``, ``"lang"``, or an
    extension layer such as ``"example.shouting"``). Optional attributes: ``after`` and
    ``before``, names of extractors or layers this one should run after or before when they are
    present (a soft order, unlike ``requires``), and ``configure(options) -> Extractor``, which
    returns a copy configured by the ``options[name]`` mapping given to ``extract``.
    """

    @property
    def name(self) -> str:
        """A unique name; a plugin replaces or disables an extractor by it."""
        ...

    @property
    def requires(self) -> Sequence[str]:
        """Layers that must exist before this extractor runs."""
        ...

    @property
    def provides(self) -> Sequence[str]:
        """Layers this extractor adds."""
        ...

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with this extractor's layers added; never mutate ``doc``."""
        ...


class PipelineError(RuntimeError):
    """The extractors cannot form a pipeline: a name clash, an unmet need, a cycle."""


class ExtractorError(RuntimeError):
    """An extractor failed in strict mode; ``extractor`` names it, ``__cause__`` is its error."""

    def __init__(self, extractor: str, error: BaseException) -> None:
        super().__init__(f"extractor {extractor!r} failed: {type(error).__name__}: {error}")
        self.extractor = extractor

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in a worker process, it crosses back to the caller: rebuilt from its message.
        return (_extractor_error, (self.extractor, str(self)))


def _extractor_error(extractor: str, message: str) -> ExtractorError:
    error = ExtractorError(extractor, RuntimeError())
    error.args = (message,)
    return error


@attrs.frozen
class RegisteredExtractor:
    """An extractor and the plugin that registered it."""

    extractor: Extractor
    plugin: str


class ExtractorRegistry:
    """Handed to ``quotekit_register_extractors``: add, replace or disable extractors."""

    def __init__(self, language_data: LanguageData) -> None:
        self.language_data = language_data
        self._entries: dict[str, RegisteredExtractor] = {}
        self._disabled: set[str] = set()
        self.current_plugin = "<direct>"

    def add(self, extractor: Extractor) -> None:
        """Add ``extractor``; its name must be new (use :meth:`replace` for a built-in)."""
        _check_extractor(extractor)
        if extractor.name in self._entries:
            owner = self._entries[extractor.name].plugin
            msg = (
                f"plugin {self.current_plugin!r} adds an extractor named {extractor.name!r}, "
                f"which plugin {owner!r} registered already; call registry.replace() to replace it"
            )
            raise PipelineError(msg)
        self._entries[extractor.name] = RegisteredExtractor(extractor, self.current_plugin)

    def replace(self, extractor: Extractor) -> None:
        """Put ``extractor`` in place of the registered extractor of the same name."""
        _check_extractor(extractor)
        if extractor.name not in self._entries:
            msg = f"plugin {self.current_plugin!r} replaces {extractor.name!r}, which is not registered"
            raise PipelineError(msg)
        self._entries[extractor.name] = RegisteredExtractor(extractor, self.current_plugin)

    def disable(self, name: str) -> None:
        """Leave out the extractor ``name``, whoever registers it."""
        self._disabled.add(name)

    def entries(self) -> list[RegisteredExtractor]:
        """What was registered and not disabled, in registration order."""
        return [entry for name, entry in self._entries.items() if name not in self._disabled]


def _check_extractor(extractor: object) -> None:
    missing = [attr for attr in ("name", "requires", "provides") if not hasattr(extractor, attr)]
    if missing or not callable(extractor):
        what = f"lacks {', '.join(missing)}" if missing else "is not callable"
        msg = f"{extractor!r} is not an extractor: it {what} (see quotekit.Extractor)"
        raise PipelineError(msg)
    name = extractor.name  # type: ignore[attr-defined]
    if not isinstance(name, str) or not name:
        msg = f"{extractor!r}: an extractor's name must be a non-empty str"
        raise PipelineError(msg)
    for attr in ("requires", "provides", "after", "before"):
        value = getattr(extractor, attr, ())
        if isinstance(value, str) or not all(isinstance(item, str) for item in value):
            msg = f"extractor {name!r}: {attr} must be a sequence of names, got {value!r}"
            raise PipelineError(msg)


def _predecessors(entries: Sequence[RegisteredExtractor]) -> list[set[int]]:
    """For each entry, the indices of the entries that must run before it."""
    providers: dict[str, list[int]] = {}
    names = {entry.extractor.name: index for index, entry in enumerate(entries)}
    for index, entry in enumerate(entries):
        for layer in entry.extractor.provides:
            providers.setdefault(layer, []).append(index)

    def targets(name: str) -> list[int]:
        return [names[name]] if name in names else providers.get(name, [])

    predecessors: list[set[int]] = [set() for _ in entries]
    for index, entry in enumerate(entries):
        extractor = entry.extractor
        for layer in extractor.requires:
            if layer not in providers and layer not in BASE_LAYERS:
                msg = (
                    f"extractor {extractor.name!r} (plugin {entry.plugin!r}) requires {layer!r}, "
                    "which no registered extractor provides"
                )
                raise PipelineError(msg)
            predecessors[index].update(providers.get(layer, ()))
        for name in getattr(extractor, "after", ()):
            predecessors[index].update(targets(name))
        for name in getattr(extractor, "before", ()):
            for target in targets(name):
                predecessors[target].add(index)
    for index, before in enumerate(predecessors):
        before.discard(index)  # providing what one requires is no dependency on oneself
    return predecessors


def order_extractors(entries: Sequence[RegisteredExtractor]) -> list[RegisteredExtractor]:
    """Entries in an order where each runs after what it requires (and its ``after`` names).

    Raises :class:`PipelineError` for a layer nobody provides or a cycle. Among extractors free
    to run, the one registered first goes first, so the order is deterministic.
    """
    predecessors = _predecessors(entries)
    ordered: list[int] = []
    done: set[int] = set()
    while len(ordered) < len(entries):
        ready = [i for i in range(len(entries)) if i not in done and predecessors[i] <= done]
        if not ready:
            stuck = sorted(entries[i].extractor.name for i in range(len(entries)) if i not in done)
            msg = f"extractors depend on each other in a cycle: {', '.join(stuck)}"
            raise PipelineError(msg)
        ordered.append(ready[0])
        done.add(ready[0])
    return [entries[i] for i in ordered]


# ---------------------------------------------------------------- plugins


def _plugin_manager(
    *, autoload: bool, plugins: Iterable[object], blocked: Iterable[str]
) -> pluggy.PluginManager:
    from quotekit import _builtins

    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for name in blocked:
        manager.set_blocked(name)
    manager.register(_builtins, name="quotekit.builtins")
    if autoload:
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for plugin in plugins:
        # a plugin passed by hand that its entry point already loaded is the same plugin
        if not manager.is_registered(plugin):
            manager.register(plugin)
    # A misspelt hook name in any plugin fails here, loudly, instead of never being called.
    manager.check_pending()
    return manager


def _call_each(manager: pluggy.PluginManager, hook_name: str, registry: Any) -> None:
    """Call every implementation of a registry hook in registration order, built-ins first.

    pluggy would call them last-registered-first; a registry wants the opposite, so that a
    plugin sees the built-ins it replaces. The registry learns which plugin is calling.
    """
    hook = getattr(manager.hook, hook_name)
    for impl in hook.get_hookimpls():
        registry.current_plugin = manager.get_name(impl.plugin) or repr(impl.plugin)
        kwargs = {"registry": registry}
        impl.function(**{name: kwargs[name] for name in impl.argnames})
    registry.current_plugin = "<direct>"


def _autoload_default() -> bool:
    return os.environ.get(AUTOLOAD_ENV, "").strip().lower() not in {"1", "true", "yes", "on"}


def _blocked_default() -> tuple[str, ...]:
    return tuple(name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip())


# ---------------------------------------------------------------- the pipeline

Item: TypeAlias = "str | Mapping[str, Any]"


class Pipeline:
    """An ordered chain of extractors over :class:`Document`.

    ``Pipeline()`` discovers extractors from the built-ins and installed plugins (entry-point
    group ``quotekit``; ``autoload=False`` or ``QUOTEKIT_DISABLE_PLUGIN_AUTOLOAD=1`` skips
    those). ``plugins`` adds plugin objects directly, ``disable`` leaves extractors out by name,
    ``extractors`` builds a chain from the given extractors alone, ``strict`` makes a failing
    extractor raise instead of being reported in ``Document.diagnostics``.
    """

    def __init__(
        self,
        extractors: Iterable[Extractor] | None = None,
        *,
        plugins: Iterable[object] = (),
        autoload: bool | None = None,
        disable: Iterable[str] = (),
        strict: bool = False,
        options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.strict = strict
        autoload = _autoload_default() if autoload is None else autoload
        manager = _plugin_manager(autoload=autoload, plugins=plugins, blocked=_blocked_default())
        language_registry = LanguageDataRegistry()
        _call_each(manager, "quotekit_language_data", language_registry)
        self.language_data = language_registry.freeze()
        registry = ExtractorRegistry(self.language_data)
        if extractors is None:
            _call_each(manager, "quotekit_register_extractors", registry)
        else:
            for extractor in extractors:
                registry.add(extractor)
        disable = tuple(disable)
        known = {entry.extractor.name for entry in registry.entries()}
        unknown = sorted(set(disable) - known)
        if unknown:
            msg = f"cannot disable {unknown}: no such extractor; the pipeline has {sorted(known)}"
            raise PipelineError(msg)
        for name in disable:
            registry.disable(name)
        entries = _configure(registry.entries(), options or {})
        self.plugin_manager = manager
        self._entries = order_extractors(entries)
        self._options = options
        self._disable = tuple(disable)
        self._autoload = autoload

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        """The extractors in the order they run."""
        return tuple(entry.extractor for entry in self._entries)

    @property
    def names(self) -> tuple[str, ...]:
        """The extractors' names in the order they run."""
        return tuple(entry.extractor.name for entry in self._entries)

    def describe(self) -> list[dict[str, Any]]:
        """One row per extractor, in order: name, plugin, requires, provides."""
        return [
            {
                "name": entry.extractor.name,
                "plugin": entry.plugin,
                "requires": list(entry.extractor.requires),
                "provides": list(entry.extractor.provides),
            }
            for entry in self._entries
        ]

    def run(self, doc: Document) -> Document:
        """Fold ``doc`` through every extractor in order."""
        for entry in self._entries:
            doc = self._run_one(entry.extractor, doc)
        return doc

    def _run_one(self, extractor: Extractor, doc: Document) -> Document:
        try:
            result = extractor(doc)
            if not isinstance(result, Document):
                msg = f"returned {type(result).__name__}, not a Document"
                raise TypeError(msg)  # noqa: TRY301 - reported below like any extractor failure
            if result.text != doc.text:
                msg = "changed the document's text; extractors may only add layers"
                raise ValueError(msg)  # noqa: TRY301
        except Exception as error:
            if self.strict:
                raise ExtractorError(extractor.name, error) from error
            code = "regex-timeout" if isinstance(error, TimeoutError) else "extractor-failed"
            return doc.with_diagnostic(
                Diagnostic(
                    severity="error",
                    code=code,
                    message=f"{type(error).__name__}: {error}",
                    extractor=extractor.name,
                )
            )
        return result

    def extract(
        self,
        text: str,
        *,
        lang: str | None = None,
        published: Any = None,
        id: str | None = None,  # noqa: A002 - the record's public field name
    ) -> Document:
        """Run the chain on ``text``; see :func:`quotekit.extract`."""
        return self.run(Document.from_text(text, lang=lang, published=published, id=id))

    __call__ = extract

    def pipe(
        self,
        items: Iterable[Item],
        *,
        lang: str | None = None,
        published: Any = None,
        n_process: int = 1,
        batch_size: int = 16,
    ) -> Iterator[Document]:
        """Extract from each item, yielding documents in input order.

        An item is a ``str`` or a mapping with ``text`` and optional ``id``, ``lang`` and
        ``published`` (which override the keyword defaults). An item that cannot be read comes
        back as an empty document with an ``invalid-item`` error diagnostic (``strict`` raises).
        ``n_process > 1`` spreads the work over that many processes, in order, a worker crash
        reported on its document (see :mod:`quotekit._parallel`).
        """
        if n_process < 1:
            msg = f"n_process must be at least 1, got {n_process}"
            raise ValueError(msg)
        from quotekit import _parallel

        defaults = {"lang": lang, "published": published}
        if n_process == 1:
            for job in enumerate(items):
                yield _parallel.extract_item(self, job, defaults)
            return
        yield from _parallel.run(self, items, defaults, n_process, batch_size)

    def _spec(self) -> dict[str, Any]:
        """What a worker process needs to rebuild this pipeline from the same plugins."""
        return {
            "strict": self.strict,
            "options": self._options,
            "disable": self._disable,
            "autoload": self._autoload,
            "names": self.names,
        }


def _configure(
    entries: list[RegisteredExtractor], options: Mapping[str, Mapping[str, Any]]
) -> list[RegisteredExtractor]:
    by_name = {entry.extractor.name: entry for entry in entries}
    unknown = sorted(set(options) - set(by_name))
    if unknown:
        msg = f"options name unknown extractors {unknown}; the pipeline has {sorted(by_name)}"
        raise ValueError(msg)
    configured = []
    for entry in entries:
        config = options.get(entry.extractor.name)
        if config is None:
            configured.append(entry)
            continue
        configure: Callable[[Mapping[str, Any]], Extractor] | None = getattr(
            entry.extractor, "configure", None
        )
        if configure is None:
            msg = f"extractor {entry.extractor.name!r} takes no options"
            raise ValueError(msg)
        configured.append(RegisteredExtractor(configure(config), entry.plugin))
    return configured


@functools.cache
def _cached_pipeline(strict: bool, options_key: str) -> Pipeline:  # noqa: FBT001 - cache key
    options = json.loads(options_key)
    disable = options.pop("disable", ())
    return Pipeline(strict=strict, disable=disable, options=options)


def default_pipeline(*, strict: bool = False, options: Mapping[str, Any] | None = None) -> Pipeline:
    """The shared pipeline of built-ins and installed plugins, built once per set of options.

    ``options`` may hold ``"disable": [names]`` and, per extractor name, a mapping for that
    extractor's ``configure``.
    """
    try:
        key = json.dumps(dict(options or {}), sort_keys=True)
    except TypeError as error:
        msg = f"options must be JSON-like (str keys, plain values): {error}"
        raise TypeError(msg) from error
    return _cached_pipeline(strict, key)
