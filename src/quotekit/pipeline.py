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
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Protocol, TypeAlias, cast, runtime_checkable

import attrs
import pluggy

from quotekit import _contract, hookspecs
from quotekit._plugins import PluginFailure, call_each, load_entry_points, register_checked, warn_once
from quotekit.backends import Backend, BackendRegistry, SyntaxExtractor
from quotekit.lang import LanguageData, LanguageDataRegistry
from quotekit.model import Diagnostic, Document
from quotekit.syntax import BackendError

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
#: Seconds one extractor may take on one document: a floor plus a share per character, both
#: far above what the built-ins need (about 1 s per million characters for the whole chain).
#: Generous on purpose: this is a wall clock, so it must only ever catch a plugin gone wrong.
DEFAULT_TIME_BUDGET_S: Final = 120.0
DEFAULT_TIME_BUDGET_PER_CHAR_S: Final = 2e-5
#: Diagnostics of one code kept per document; the rest are counted in one summary diagnostic.
MAX_DIAGNOSTICS_PER_KIND: Final = 100
#: What ``regex`` says when its timeout fires; only that error is a ``regex-timeout``.
_REGEX_TIMEOUT_MESSAGE: Final = "regex timed out"


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

    def snapshot(self) -> object:
        """What is registered now, for :meth:`restore` to roll a failing plugin back to."""
        return dict(self._entries), set(self._disabled)

    def restore(self, snapshot: object) -> None:
        """Forget what was registered or disabled since :meth:`snapshot` returned ``snapshot``."""
        entries, disabled = cast("tuple[dict[str, RegisteredExtractor], set[str]]", snapshot)
        self._entries, self._disabled = dict(entries), set(disabled)

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
) -> tuple[pluggy.PluginManager, dict[str, str], list[PluginFailure]]:
    """The plugin manager, the label of each entry-point plugin, and the plugins left out.

    An installed plugin that fails to import or to register is left out (see
    :mod:`quotekit._plugins`); a plugin object passed in directly fails loudly.
    """
    from quotekit import _builtins

    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    for name in blocked:
        manager.set_blocked(name)
    manager.register(_builtins, name="quotekit.builtins")
    labels: dict[str, str] = {}
    failures: list[PluginFailure] = []
    if autoload:
        labels, failures = load_entry_points(manager, ENTRY_POINT_GROUP)
    for plugin in plugins:
        # a plugin passed by hand that its entry point already loaded is the same plugin
        if manager.is_registered(plugin):
            continue
        failure = register_checked(manager, plugin, None, repr(plugin))
        if failure is not None:
            raise PipelineError(failure.message)
    return manager, labels, failures


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
    extractor raise instead of being reported in ``Document.diagnostics``. ``backend`` names
    an NLP backend (``"stanza"``, ``"spacy"``, one a plugin registers) or is a backend object:
    it runs as the ``syntax`` extractor and the quote attributor reads its parse
    (docs/backends.md); an unknown or uninstalled one raises :class:`BackendError`.

    An installed plugin that fails to import or register is left out: every document gets a
    ``plugin-failed`` diagnostic naming its distribution and entry point, and a
    :class:`~quotekit._plugins.PluginWarning` is issued once; in strict mode the build raises
    :class:`PipelineError`. Every extractor call is checked at the door (see
    :mod:`quotekit._contract`) and timed: one that takes longer than ``time_budget`` seconds
    (plus a share per character of the document; ``None``: no limit; per extractor:
    ``options[name]["time_budget"]``) is reported and its result dropped. The check runs when
    the extractor returns: in-process nothing can stop an extractor that never returns.
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
        time_budget: float | None = DEFAULT_TIME_BUDGET_S,
        backend: str | Backend | None = None,
    ) -> None:
        self.strict = strict
        autoload = _autoload_default() if autoload is None else autoload
        manager, labels, failures = _plugin_manager(
            autoload=autoload, plugins=plugins, blocked=_blocked_default()
        )
        while True:
            language_registry = LanguageDataRegistry()
            call_each(manager, "quotekit_language_data", language_registry, labels, failures)
            self.language_data = language_registry.freeze()
            registry = ExtractorRegistry(self.language_data)
            if extractors is not None:
                break
            failed = len(failures)
            call_each(manager, "quotekit_register_extractors", registry, labels, failures)
            if len(failures) == failed:
                break
            # a plugin failed after its language data went in: build again without it
        if extractors is not None:
            for extractor in extractors:
                registry.add(extractor)
        if backend is not None:
            registry.add(SyntaxExtractor(_backend(manager, backend, labels, failures)))
        disable = tuple(disable)
        known = {entry.extractor.name for entry in registry.entries()}
        unknown = sorted(set(disable) - known)
        if unknown:
            msg = f"cannot disable {unknown}: no such extractor; the pipeline has {sorted(known)}"
            raise PipelineError(msg)
        for name in disable:
            registry.disable(name)
        configs, budgets = _split_budgets(options or {})
        entries = _configure(registry.entries(), configs)
        self.plugin_manager = manager
        self._entries = order_extractors(entries)
        self._options = options
        self._disable = tuple(disable)
        self._autoload = autoload
        self._backend = backend
        self._time_budget = time_budget
        self._budgets = budgets
        self.plugin_failures = tuple(failures)
        if failures and strict:
            raise PipelineError("; ".join(failure.message for failure in failures))
        warn_once(failures)
        self._failure_diagnostics = tuple(
            Diagnostic(
                severity="warning", code="plugin-failed", message=failure.message, plugin=failure.plugin
            )
            for failure in failures
        )

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
        if self._failure_diagnostics:
            doc = doc.evolve(diagnostics=(*doc.diagnostics, *self._failure_diagnostics))
        for entry in self._entries:
            doc = self._run_one(entry, doc)
        return doc

    def budget(self, name: str, length: int) -> float | None:
        """Seconds extractor ``name`` may take on a document of ``length`` characters."""
        seconds = self._budgets.get(name, self._time_budget)
        return None if seconds is None else seconds + DEFAULT_TIME_BUDGET_PER_CHAR_S * length

    def _run_one(self, entry: RegisteredExtractor, doc: Document) -> Document:
        extractor = entry.extractor
        before = _contract.fields_of(doc)
        started = time.perf_counter()
        try:
            result = extractor(doc)
            if not isinstance(result, Document):
                msg = f"returned {type(result).__name__}, not a Document"
                raise TypeError(msg)  # noqa: TRY301 - reported below like any extractor failure
            if result.text != doc.text:
                msg = "changed the document's text; extractors may only add layers"
                raise ValueError(msg)  # noqa: TRY301
        except BackendError:
            raise  # a missing model or library is the run's configuration, not this document's fault
        except Exception as error:
            _contract.restore(doc, before)
            if self.strict:
                raise ExtractorError(extractor.name, error) from error
            code = "regex-timeout" if _is_regex_timeout(error) else "extractor-failed"
            return self._report(entry, doc, code, f"{type(error).__name__}: {error}")
        elapsed = time.perf_counter() - started
        budget = self.budget(extractor.name, len(doc.text))
        if budget is not None and elapsed > budget:
            _contract.restore(doc, before)
            message = f"took {elapsed:.1f} s, over its budget of {budget:.1f} s; its result is left out"
            if self.strict:
                raise ExtractorError(extractor.name, TimeoutError(message))
            return self._report(entry, doc, "extractor-over-budget", message)
        problems = _contract.violations(extractor.provides, before, doc, result)
        if problems:
            _contract.restore(doc, before)
            message = "broke the extractor contract: " + "; ".join(problems) + "; its result is left out"
            if self.strict:
                raise ExtractorError(extractor.name, ValueError(message))
            return self._report(entry, doc, "contract-violation", message)
        if len(result.diagnostics) > len(doc.diagnostics):
            result = result.evolve(diagnostics=_settle(result.diagnostics, len(doc.diagnostics), entry))
        return result

    def _report(self, entry: RegisteredExtractor, doc: Document, code: str, message: str) -> Document:
        return doc.with_diagnostic(
            Diagnostic(
                severity="error",
                code=code,
                message=message,
                extractor=entry.extractor.name,
                plugin=entry.plugin,
            )
        )

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
            "time_budget": self._time_budget,
            "disable": self._disable,
            "autoload": self._autoload,
            "names": self.names,
            "backend": self._backend if isinstance(self._backend, str) else None,
        }


def _is_regex_timeout(error: BaseException) -> bool:
    """Whether ``error`` is ``regex``'s timeout, the last guard against a pathological pattern."""
    return type(error) is TimeoutError and str(error) == _REGEX_TIMEOUT_MESSAGE


def _settle(
    diagnostics: tuple[Diagnostic, ...], given: int, entry: RegisteredExtractor
) -> tuple[Diagnostic, ...]:
    """The diagnostics after an extractor added those from index ``given`` on, settled.

    Each names the extractor and its plugin, and no code has more than
    ``MAX_DIAGNOSTICS_PER_KIND`` in the document; one ``diagnostics-capped`` diagnostic per
    code counts those left out.
    """
    counts: dict[str, int] = {}
    for diagnostic in diagnostics[:given]:
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
    kept = list(diagnostics[:given])
    left_out: dict[str, int] = {}
    for diagnostic in diagnostics[given:]:
        seen = counts.get(diagnostic.code, 0)
        if seen >= MAX_DIAGNOSTICS_PER_KIND:
            left_out[diagnostic.code] = left_out.get(diagnostic.code, 0) + 1
            continue
        counts[diagnostic.code] = seen + 1
        if diagnostic.plugin is None or diagnostic.extractor is None:
            diagnostic = attrs.evolve(  # noqa: PLW2901 - the same diagnostic, named
                diagnostic, extractor=diagnostic.extractor or entry.extractor.name, plugin=entry.plugin
            )
        kept.append(diagnostic)
    kept.extend(
        left_out_diagnostic(code, count, entry.extractor.name, entry.plugin)
        for code, count in left_out.items()
    )
    return tuple(kept)


def left_out_diagnostic(code: str, count: int, extractor: str, plugin: str | None = None) -> Diagnostic:
    """The ``diagnostics-capped`` summary: ``count`` more diagnostics of ``code`` were left out.

    An extractor that could report very many of one kind makes the first
    ``MAX_DIAGNOSTICS_PER_KIND`` and this summary itself, never building the rest.
    """
    return Diagnostic(
        severity="info",
        code="diagnostics-capped",
        message=f"{count} more {code!r} diagnostics left out (at most {MAX_DIAGNOSTICS_PER_KIND} per kind)",
        extractor=extractor,
        plugin=plugin,
    )


def _split_budgets(
    options: Mapping[str, Mapping[str, Any]],
) -> tuple[dict[str, Mapping[str, Any]], dict[str, float | None]]:
    """Per-extractor options without ``time_budget``, and the budgets taken out of them."""
    rest: dict[str, Mapping[str, Any]] = {}
    budgets: dict[str, float | None] = {}
    for name, config in options.items():
        if isinstance(config, Mapping) and "time_budget" in config:
            seconds = config["time_budget"]
            if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, (int, float))):
                msg = f"options[{name!r}]['time_budget'] must be seconds or None, got {seconds!r}"
                raise ValueError(msg)
            budgets[name] = None if seconds is None else float(seconds)
            config = {key: value for key, value in config.items() if key != "time_budget"}  # noqa: PLW2901
            if not config:
                continue
        rest[name] = config
    return rest, budgets


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
def _cached_pipeline(strict: bool, options_key: str, backend: str | None = None) -> Pipeline:  # noqa: FBT001 - cache key
    options = json.loads(options_key)
    disable = options.pop("disable", ())
    time_budget = options.pop("time_budget", DEFAULT_TIME_BUDGET_S)
    return Pipeline(strict=strict, disable=disable, options=options, time_budget=time_budget, backend=backend)


def _backend(
    manager: pluggy.PluginManager,
    backend: str | Backend,
    labels: dict[str, str],
    failures: list[PluginFailure],
) -> Backend:
    """The backend named ``backend`` among the registered ones (or ``backend`` itself), checked."""
    if not isinstance(backend, str):
        if not isinstance(backend, Backend):
            msg = f"backend must be a name such as 'stanza' or a quotekit Backend, got {backend!r}"
            raise BackendError(msg)
        backend.check()
        return backend
    registry = BackendRegistry()
    call_each(manager, "quotekit_register_backends", registry, labels, failures, argname="register")
    return registry.get(backend)


def default_pipeline(
    *, strict: bool = False, options: Mapping[str, Any] | None = None, backend: str | None = None
) -> Pipeline:
    """The shared pipeline of built-ins and installed plugins, built once per set of options.

    ``options`` may hold ``"disable": [names]``, ``"time_budget": seconds`` (or ``None``) for
    every extractor and, per extractor name, a mapping for that extractor's ``configure`` (its
    ``"time_budget"`` key sets that extractor's budget); ``backend`` names an NLP backend (see
    :class:`Pipeline`).
    """
    try:
        key = json.dumps(dict(options or {}), sort_keys=True)
    except TypeError as error:
        msg = f"options must be JSON-like (str keys, plain values): {error}"
        raise TypeError(msg) from error
    return _cached_pipeline(strict, key, backend)
