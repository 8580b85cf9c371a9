"""Language knowledge as data, and the registry plugins extend it through.

Each language is a set of named tables (``function_words``, ``quote_marks``, ``cue_verbs``,
``months`` ...). quotekit ships its tables as JSON files in ``quotekit/lang/data/<lang>/``;
plugins add rows, or whole languages, through the ``quotekit_language_data`` hook. The merged
result is an immutable :class:`LanguageData` built once per pipeline, so extractors compile
their patterns from it once and never per document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, TypeAlias

import attrs

from quotekit.model import FrozenDict

__all__ = ["LanguageData", "LanguageDataRegistry", "Row", "load_builtin_tables"]

#: A table row: a word or phrase, or a mapping for rows with several fields.
Row: TypeAlias = str | Mapping[str, Any]


def _freeze(row: Any) -> Any:
    """A hashable, immutable copy of a JSON row, so rows can be de-duplicated and shared."""
    if isinstance(row, Mapping):
        return FrozenDict({str(k): _freeze(v) for k, v in row.items()})
    if isinstance(row, (list, tuple)):
        return tuple(_freeze(item) for item in row)
    return row


class LanguageDataRegistry:
    """Collects rows from plugins; :meth:`freeze` turns them into a :class:`LanguageData`."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, dict[Any, None]]] = {}

    def add(self, lang: str, table: str, entries: Iterable[Row]) -> None:
        """Append ``entries`` to ``table`` of ``lang``; rows already there are kept once."""
        if not isinstance(lang, str) or not lang:
            msg = f"language code must be a non-empty str, got {lang!r}"
            raise ValueError(msg)
        if isinstance(entries, (str, bytes)):
            msg = f"entries for {lang}/{table} must be an iterable of rows, not a single string"
            raise TypeError(msg)
        rows = self._tables.setdefault(lang, {}).setdefault(table, {})
        for entry in entries:
            if not isinstance(entry, (str, Mapping)):
                msg = f"{lang}/{table}: a row must be str or a mapping, got {type(entry).__name__}"
                raise TypeError(msg)
            rows[_freeze(entry)] = None

    def snapshot(self) -> object:
        """The rows so far, for :meth:`restore` to roll a failing plugin's additions back."""
        return {
            lang: {name: dict(rows) for name, rows in tables.items()} for lang, tables in self._tables.items()
        }

    def restore(self, snapshot: object) -> None:
        """Forget every row added since :meth:`snapshot` returned ``snapshot``."""
        self._tables = snapshot  # type: ignore[assignment]  # what snapshot() made

    def freeze(self) -> LanguageData:
        """The collected tables, immutable."""
        return LanguageData(
            tables={
                lang: {name: tuple(rows) for name, rows in tables.items()}
                for lang, tables in self._tables.items()
            }
        )


@attrs.frozen
class LanguageData:
    """Every language's tables, merged from quotekit and its plugins."""

    tables: Mapping[str, Mapping[str, tuple[Row, ...]]]

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of every language with at least one table, sorted."""
        return tuple(sorted(self.tables))

    def table(self, lang: str, name: str) -> tuple[Row, ...]:
        """The rows of ``name`` for ``lang``; empty when the language or table is unknown."""
        return self.tables.get(lang, {}).get(name, ())

    def words(self, lang: str, name: str) -> frozenset[str]:
        """The string rows of a table as a set (mapping rows are skipped)."""
        return frozenset(row for row in self.table(lang, name) if isinstance(row, str))

    def __hash__(self) -> int:
        return id(self)


def load_builtin_tables(registry: LanguageDataRegistry) -> None:
    """Add every table shipped in ``quotekit/lang/data/<lang>/<table>.json`` to ``registry``."""
    root = resources.files("quotekit.lang") / "data"
    for lang_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not lang_dir.is_dir():
            continue
        for table_file in sorted(lang_dir.iterdir(), key=lambda p: p.name):
            if table_file.name.endswith(".json"):
                rows = json.loads(table_file.read_text(encoding="utf-8"))
                registry.add(lang_dir.name, table_file.name.removesuffix(".json"), rows)
