"""Opt-in pytest fixtures for testing quotekit extractors.

Enable them in your ``conftest.py`` (or a test module)::

    pytest_plugins = ["quotekit.testing.pytest_plugin"]

Fixtures (all session-scoped and stateless, so they combine with hypothesis' ``@given``):

- ``quotekit_pipeline`` - the built-in chain alone, without installed plugins, so a test sees
  the same pipeline on every machine.
- ``quotekit_pipeline_factory`` - ``factory(*extractors, plugins=(), **options)`` builds a
  :class:`quotekit.Pipeline` of the built-ins plus your extractors or plugin modules (plugin
  autoloading off unless you pass ``autoload=True``).
- ``quotekit_document`` - ``make(text, **kwargs)``: the document the built-in chain makes of
  ``text``, i.e. what an extractor placed after the built-ins receives.
- ``check_extractor`` - :func:`quotekit.testing.check_extractor`.
- ``quotekit_hostile_texts`` - :data:`quotekit.testing.HOSTILE_TEXTS`, by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from quotekit.hookspecs import hookimpl
from quotekit.model import Document
from quotekit.pipeline import Extractor, ExtractorRegistry, Pipeline
from quotekit.testing import contract

__all__ = [
    "check_extractor_fixture",
    "quotekit_document",
    "quotekit_hostile_texts",
    "quotekit_pipeline",
    "quotekit_pipeline_factory",
]

PipelineFactory = Callable[..., Pipeline]


class _Extractors:
    """A plugin object adding the given extractors (replacing built-ins of the same name)."""

    def __init__(self, extractors: Iterable[Extractor]) -> None:
        self.extractors = tuple(extractors)

    @hookimpl
    def quotekit_register_extractors(self, registry: ExtractorRegistry) -> None:
        present = {entry.extractor.name for entry in registry.entries()}
        for extractor in self.extractors:
            if extractor.name in present:
                registry.replace(extractor)
            else:
                registry.add(extractor)


def _build(
    *extractors: Extractor, plugins: Iterable[object] = (), autoload: bool = False, **options: Any
) -> Pipeline:
    all_plugins = [*plugins, _Extractors(extractors)] if extractors else list(plugins)
    return Pipeline(plugins=all_plugins, autoload=autoload, **options)


@pytest.fixture(scope="session")
def quotekit_pipeline_factory() -> PipelineFactory:
    """Build a pipeline of the built-ins plus the extractors and plugins you pass."""
    return _build


@pytest.fixture(scope="session")
def quotekit_pipeline() -> Pipeline:
    """The built-in extractors alone (installed plugins are not loaded)."""
    return Pipeline(autoload=False)


@pytest.fixture(scope="session")
def quotekit_document(quotekit_pipeline: Pipeline) -> Callable[..., Document]:
    """Make the document the built-in chain produces from a text (``lang``, ``published``...)."""

    def make(text: str, **kwargs: Any) -> Document:
        return quotekit_pipeline.extract(text, **kwargs)

    return make


@pytest.fixture(name="check_extractor", scope="session")
def check_extractor_fixture() -> Callable[..., contract.ContractReport]:
    """:func:`quotekit.testing.check_extractor`, as a fixture."""
    return contract.check_extractor


@pytest.fixture(scope="session")
def quotekit_hostile_texts() -> dict[str, str]:
    """Small texts that break naive text code, by name (1 MB ones: ``hostile_texts()``)."""
    return dict(contract.HOSTILE_TEXTS)
