"""Loading plugins so that one broken plugin cannot break every call.

pluggy's ``load_setuptools_entrypoints`` imports every entry point in one loop: the first module
that fails to import ends it with that error, and a registration hook that raises later makes
every pipeline build raise. Here each plugin is loaded, checked and called on its own. One that
fails is left out with a :class:`PluginFailure` naming its distribution and entry point; the
pipeline reports it on every document (and raises it in strict mode), and warns once per
process (``PluginWarning``, shown on stderr by Python's warnings machinery).
"""

from __future__ import annotations

import importlib.metadata
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import pluggy

__all__ = ["PluginFailure", "PluginWarning", "call_each", "load_entry_points", "warn_once"]


class PluginWarning(UserWarning):
    """An installed plugin is broken and was left out of the pipeline."""


@attrs.frozen
class PluginFailure:
    """A plugin left out of the pipeline: who (``plugin``), when (``stage``) and why."""

    plugin: str
    stage: str
    error: str

    @property
    def message(self) -> str:
        """One line for a person: the plugin, what failed, the error."""
        return f"plugin {self.plugin} is left out: {self.stage} failed: {self.error}"


def entry_point_label(dist: importlib.metadata.Distribution | None, entry_point: Any) -> str:
    """``"dist 1.0 (entry point name = module:attr)"``: enough to find and uninstall it."""
    name = f"{dist.metadata['Name']} {dist.version}" if dist is not None else "<unknown distribution>"
    return f"{name} (entry point {entry_point.name} = {entry_point.value})"


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def load_entry_points(
    manager: pluggy.PluginManager, group: str
) -> tuple[dict[str, str], list[PluginFailure]]:
    """Import and register every plugin of the entry-point ``group``, each on its own.

    Returns the label (distribution and entry point) of each registered plugin by its
    registered name, and the plugins left out. Blocked names and names registered already are
    skipped, as pluggy does.
    """
    labels: dict[str, str] = {}
    failures: list[PluginFailure] = []
    for dist in importlib.metadata.distributions():
        for entry_point in dist.entry_points:
            if (
                entry_point.group != group
                or entry_point.name in labels
                or manager.is_blocked(entry_point.name)
                or manager.get_plugin(entry_point.name) is not None
            ):
                continue
            label = entry_point_label(dist, entry_point)
            try:
                plugin = entry_point.load()
            except Exception as error:  # noqa: BLE001 - any import failure leaves the plugin out
                failures.append(PluginFailure(label, "import", _describe(error)))
                continue
            failure = register_checked(manager, plugin, entry_point.name, label)
            if failure is not None:
                failures.append(failure)
                continue
            labels[entry_point.name] = label
    return labels, failures


def register_checked(
    manager: pluggy.PluginManager, plugin: object, name: str | None, label: str
) -> PluginFailure | None:
    """Register ``plugin`` and check its hooks; on any problem unregister it and say why."""
    try:
        manager.register(plugin, name=name)
        # A misspelt hook name fails here, loudly, instead of never being called.
        manager.check_pending()
    except Exception as error:  # noqa: BLE001 - a bad hook leaves only this plugin out
        if manager.is_registered(plugin):
            manager.unregister(plugin)
        return PluginFailure(label, "registration", _describe(error))
    return None


def call_each(
    manager: pluggy.PluginManager,
    hook_name: str,
    registry: Any,
    labels: dict[str, str],
    failures: list[PluginFailure],
    argname: str = "registry",
) -> None:
    """Call every implementation of a registry hook in registration order, built-ins first.

    pluggy would call them last-registered-first; a registry wants the opposite, so that a
    plugin sees the built-ins it replaces. The registry learns which plugin is calling. A
    plugin installed through an entry point (one in ``labels``) whose hook raises has what it
    registered rolled back and is unregistered, so its other hooks are not called either. The
    built-ins' failure, and that of a plugin object the caller passed in, propagates: the
    caller wrote it and is there to read the error.
    """
    hook = getattr(manager.hook, hook_name)
    for impl in hook.get_hookimpls():
        name = manager.get_name(impl.plugin) or repr(impl.plugin)
        label = labels.get(name, name)
        registry.current_plugin = label
        kwargs = {argname: registry}
        saved = registry.snapshot() if name in labels else None
        try:
            impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
        except Exception as error:
            if name not in labels:
                raise
            registry.restore(saved)
            manager.unregister(impl.plugin)
            failures.append(PluginFailure(label, hook_name, _describe(error)))
    registry.current_plugin = "<direct>"


_warned: set[PluginFailure] = set()


def warn_once(failures: list[PluginFailure], warn: Callable[..., None] = warnings.warn) -> None:
    """Warn about each failure once per process, however many pipelines are built."""
    for failure in failures:
        if failure not in _warned:
            _warned.add(failure)
            warn(failure.message, PluginWarning, stacklevel=4)
