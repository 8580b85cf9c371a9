"""quotekit-fr: French for quotekit, as data.

The plugin adds the French tables (quotation marks, cue verbs, speaker words, date vocabulary,
function words for language detection) through quotekit's ``quotekit_language_data`` hook. It
has no code of its own beyond loading them: the rules are quotekit's, the language is data.
"""

from __future__ import annotations

import json
from importlib import resources

import quotekit
from quotekit.lang import LanguageDataRegistry

__all__ = ["LANGUAGE", "tables"]

LANGUAGE = "fr"


def tables() -> dict[str, list[object]]:
    """Every table this plugin ships, by name (``cue_verbs``, ``date_months`` ...)."""
    folder = resources.files(__name__) / "data"
    return {
        item.name.removesuffix(".json"): json.loads(item.read_text(encoding="utf-8"))
        for item in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if item.name.endswith(".json")
    }


@quotekit.hookimpl
def quotekit_language_data(registry: LanguageDataRegistry) -> None:
    for name, rows in tables().items():
        registry.add(LANGUAGE, name, rows)
