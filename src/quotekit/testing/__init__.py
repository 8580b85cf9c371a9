"""Test tools for quotekit and its plugins: strategies with known ground truth, contract checks.

``import quotekit.testing`` imports neither pytest nor hypothesis; each name below loads its
module on first use (hypothesis is in the ``testing`` extra: ``pip install quotekit[testing]``).

- :func:`check_extractor` - the contract every extractor keeps; run it in your plugin's tests.
- :mod:`quotekit.testing.strategies` - hypothesis strategies: ``texts_with_quotes``, ``dates``,
  ``posts``, ``boilerplate_lines``, ``articles`` (each returns a :class:`Planted`: text plus
  the spans planted in it), ``documents``, ``spans``, ``unicode_texts``.
- :data:`HOSTILE_TEXTS` - named inputs that break text code (surrogates, NUL, RTL, 1 MB lines).
- ``pytest_plugins = ["quotekit.testing.pytest_plugin"]`` - opt-in fixtures.

``st.from_type(quotekit.Document)`` works once quotekit is installed: hypothesis' entry point
registers the strategies (see ``_hypothesis_setup``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotekit.testing import strategies
    from quotekit.testing._planted import (
        Planted,
        PlantedBoilerplate,
        PlantedPost,
        PlantedQuote,
        PlantedTimex,
    )
    from quotekit.testing.contract import (
        HOSTILE_TEXTS,
        ContractReport,
        ContractViolation,
        check_document,
        check_extractor,
        hostile_texts,
    )

__all__ = [
    "HOSTILE_TEXTS",
    "ContractReport",
    "ContractViolation",
    "Planted",
    "PlantedBoilerplate",
    "PlantedPost",
    "PlantedQuote",
    "PlantedTimex",
    "check_document",
    "check_extractor",
    "hostile_texts",
    "strategies",
]

#: Public name -> the module that defines it, imported on first access.
_LAZY = {
    "Planted": "quotekit.testing._planted",
    "PlantedBoilerplate": "quotekit.testing._planted",
    "PlantedPost": "quotekit.testing._planted",
    "PlantedQuote": "quotekit.testing._planted",
    "PlantedTimex": "quotekit.testing._planted",
    "HOSTILE_TEXTS": "quotekit.testing.contract",
    "ContractReport": "quotekit.testing.contract",
    "ContractViolation": "quotekit.testing.contract",
    "check_document": "quotekit.testing.contract",
    "check_extractor": "quotekit.testing.contract",
    "hostile_texts": "quotekit.testing.contract",
}


def __getattr__(name: str) -> Any:
    if name == "strategies":
        return importlib.import_module("quotekit.testing.strategies")
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'quotekit.testing' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
