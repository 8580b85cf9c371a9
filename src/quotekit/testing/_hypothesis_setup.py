"""Registers quotekit's types with hypothesis through its entry point, without quotekit importing hypothesis.

hypothesis calls :func:`_hypothesis_setup_hook` (entry-point group ``hypothesis``, declared in
quotekit's ``pyproject.toml``) when hypothesis itself is imported. From then on
``st.from_type(Document)`` draws from :func:`quotekit.testing.strategies.documents` and
``st.from_type(Quote)`` (and every other span class) from
:func:`quotekit.testing.strategies.spans`. quotekit never imports hypothesis on its own: this
module is only loaded by hypothesis, and the strategies module only when a strategy is drawn.
"""

from __future__ import annotations

import importlib
from typing import Any


def _from_strategies(kind: type[Any]) -> Any:
    """A deferred strategy for ``kind``: the strategies module is imported on first draw."""
    from hypothesis import strategies as st

    def resolve() -> Any:
        strategies = importlib.import_module("quotekit.testing.strategies")
        return strategies.type_strategies()[kind]

    return st.deferred(resolve)


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis when it is imported: register a strategy for each quotekit type."""
    from hypothesis import strategies as st

    from quotekit import model

    for kind in (
        model.Document,
        model.Span,
        model.LanguageSpan,
        model.BoilerplateSpan,
        model.Post,
        model.Quote,
        model.Entity,
        model.Timex,
        model.Annotation,
        model.Diagnostic,
    ):
        st.register_type_strategy(kind, _from_strategies(kind))
