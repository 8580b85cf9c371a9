"""One language's date vocabulary, read from the ``date_*`` tables of :class:`LanguageData`.

The tables are data so that a plugin can add a language or extend one; this module turns them
into look-up maps (keyed by :func:`key`) and regex alternations the grammar is built from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import regex

if TYPE_CHECKING:
    from quotekit.lang import LanguageData


def key(word: str) -> str:
    """The look-up form of a word or phrase: case-folded, inner spaces collapsed, no final dot."""
    return " ".join(word.casefold().split()).rstrip(".")


def alternation(words: Iterable[str], *, as_trie: bool = False) -> str:
    r"""A non-capturing alternation of ``words``, longest first so the longest form wins.

    Spaces match any run of white space; a form ending in a dot needs it. Returns a pattern
    that never matches when ``words`` is empty. With ``as_trie`` the same forms are written
    as a prefix tree (``jan(?:uary|\.)?``), lower-cased, for patterns compiled with
    IGNORECASE: ``regex`` tries the branches of an alternation one by one, so a tree that
    shares prefixes fails a word in a few steps instead of one per form. It matches what the
    flat list matches and, among forms that are prefixes of each other, prefers the longest
    as well. The flat list stays the form the grammar's own analysis (``leading``) reads.
    """
    forms: set[str] = set()
    for word in words:
        stripped = word.strip()
        if not stripped:
            continue
        forms.add(stripped)
    if not forms:
        return "(?!)"
    if as_trie:
        return "(?:" + _trie_pattern(forms) + ")"
    parts = []
    for form in sorted(forms, key=lambda w: (-len(w), w)):
        body = r"\s+".join(regex.escape(piece) for piece in form.rstrip(".").split())
        parts.append(body + (r"\." if form.endswith(".") else ""))
    return "(?:" + "|".join(parts) + ")"


def literal_trie(forms: Iterable[str]) -> str:
    r"""``forms`` spelt exactly (a space is one space) as a prefix tree, for IGNORECASE patterns.

    Matches what ``(?:form1|form2|...)`` with the longest forms first matches, and at each
    place the same longest form: the tree tries a longer form before the shorter one it
    extends (see :func:`alternation`), but fails a word in a few steps instead of one per form.
    """
    root: dict[str, dict[str, Any]] = {}
    for form in forms:
        node = root
        for char in form.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here: no step is the empty string
    return "(?:" + _literal_node(root) + ")" if root else "(?!)"


def _literal_node(node: dict[str, dict[str, Any]]) -> str:
    branches = [regex.escape(step) + _literal_node(child) for step, child in sorted(node.items()) if step]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


#: A run of white space inside a form, as one step of the prefix tree.
_SPACE = " "


def _trie_pattern(forms: Iterable[str]) -> str:
    """The forms as a prefix tree, one character (or white-space run) per step."""
    root: dict[str, dict[str, Any]] = {}
    ends = "end"  # a key no step can be: steps are single characters
    for form in forms:
        node = root
        for index, piece in enumerate(form.lower().split()):
            if index:
                node = node.setdefault(_SPACE, {})
            for char in piece:
                node = node.setdefault(char, {})
        node[ends] = {}
    return _trie_node(root, ends)


def _trie_node(node: dict[str, dict[str, Any]], ends: str) -> str:
    branches = [
        (r"\s+" if step == _SPACE else regex.escape(step)) + _trie_node(child, ends)
        for step, child in sorted(node.items())
        if step != ends
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends not in node:
        return body
    # a form ends here and longer ones go on: the greedy ? tries the longer ones first
    return f"(?:{body})?"


def _rows(data: LanguageData, lang: str, table: str) -> list[Mapping[str, Any]]:
    return [row for row in data.table(lang, table) if isinstance(row, Mapping) and "word" in row]


def _int_map(data: LanguageData, lang: str, table: str, field: str) -> dict[str, int]:
    return {key(row["word"]): int(row[field]) for row in _rows(data, lang, table) if field in row}


def _str_map(data: LanguageData, lang: str, table: str, field: str) -> dict[str, str]:
    return {key(row["word"]): str(row[field]) for row in _rows(data, lang, table) if field in row}


def _words(data: LanguageData, lang: str, table: str) -> frozenset[str]:
    return frozenset(key(word) for word in data.words(lang, table))


@attrs.frozen(kw_only=True)
class Lexicon:
    """The date words of one language: look-up maps plus the surface forms for the grammar."""

    lang: str
    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    #: Ordinals meaning the last of a series ("the last quarter", "the last half").
    last_ordinals: frozenset[str]
    units: Mapping[str, str]
    plural_units: frozenset[str]
    relative: Mapping[str, int]
    #: Relative words whose plural phrase is a vague duration ("den vergangenen Jahren": PXY)
    #: rather than a vague reference ("in recent years": PAST_REF).
    relative_durations: frozenset[str]
    #: Relative words that count from the last date mentioned ("the following year").
    anaphoric_relative: frozenset[str]
    deictic: Mapping[str, Mapping[str, Any]]
    fuzzy: Mapping[str, str]
    quantifiers: frozenset[str]
    vague: frozenset[str]
    tense: Mapping[str, str]
    #: Tense words that count only right before the expression ("payable Dec. 7", "by May"):
    #: a deadline lies ahead of the clause that sets it.
    adjacent_tense: Mapping[str, str]
    strip: frozenset[str]
    year_blockers: frozenset[str]
    published_cues: frozenset[str]
    #: Words after which "the year" is a stretch of time ("the year ended March 31": P1Y).
    period_ends: frozenset[str]
    #: Words that end a reported figure or bring in the one compared ("$3 million last
    #: year", "from last year's"): after them "last year" is the reported period a year back.
    figure_words: frozenset[str]
    #: Decades said in words ("the nineties") -> the decade's digit (9).
    decade_words: Mapping[str, int]
    #: The language's function words (the shared ``function_words`` table).
    function_words: frozenset[str]
    #: Letters a day's number may carry in the day-first rules (French 1er janvier).
    day_suffixes: tuple[str, ...] = ()
    #: Surface forms as written in the tables (for alternations and the case check).
    surface: Mapping[str, tuple[str, ...]]
    #: Look-up key -> every surface form with that key.
    forms: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_data(cls, data: LanguageData, lang: str) -> Lexicon:
        """Read every ``date_*`` table of ``lang``; missing tables give empty maps."""
        surface = {
            table: tuple(str(row["word"]) for row in _rows(data, lang, table))
            for table in (
                "date_months",
                "date_weekdays",
                "date_parts_of_day",
                "date_seasons",
                "date_numbers",
                "date_ordinals",
                "date_units",
                "date_relative",
                "date_deictic",
                "date_fuzzy",
                "date_decade_words",
            )
        }
        # relative words a language writes after the weekday, month or unit (French mardi
        # dernier, la semaine prochaine: "position" "after"), or on either side ("both": les
        # prochains jours, les jours suivants); rules of their own read them after the word
        positions = {
            key(row["word"]): row.get("position", "before") for row in _rows(data, lang, "date_relative")
        }
        relative = surface["date_relative"]
        surface["date_relative_after"] = tuple(
            f for f in relative if positions.get(key(f)) in {"after", "both"}
        )
        surface["date_relative"] = tuple(f for f in relative if positions.get(key(f)) != "after")
        for table in ("date_set_quantifiers", "date_vague_quantities", "date_tense"):
            surface[table] = tuple(
                str(row) if isinstance(row, str) else str(row["word"]) for row in data.table(lang, table)
            )
        forms: dict[str, list[str]] = {}
        for table_forms in surface.values():
            for form in table_forms:
                forms.setdefault(key(form), []).append(form)
        return cls(
            lang=lang,
            forms={k: tuple(v) for k, v in forms.items()},
            months=_int_map(data, lang, "date_months", "month"),
            ambiguous_months=frozenset(
                key(row["word"]) for row in _rows(data, lang, "date_months") if row.get("ambiguous")
            ),
            weekdays=_int_map(data, lang, "date_weekdays", "day"),
            parts_of_day=_str_map(data, lang, "date_parts_of_day", "part"),
            seasons=_str_map(data, lang, "date_seasons", "season"),
            numbers=_int_map(data, lang, "date_numbers", "value"),
            ordinals=_int_map(data, lang, "date_ordinals", "value"),
            last_ordinals=frozenset(
                key(row["word"]) for row in _rows(data, lang, "date_ordinals") if row.get("last")
            ),
            units=_str_map(data, lang, "date_units", "unit"),
            plural_units=frozenset(
                key(row["word"]) for row in _rows(data, lang, "date_units") if row.get("plural")
            ),
            relative=_int_map(data, lang, "date_relative", "shift"),
            anaphoric_relative=frozenset(
                key(row["word"]) for row in _rows(data, lang, "date_relative") if row.get("anchor") == "ref"
            ),
            relative_durations=frozenset(
                key(row["word"])
                for row in _rows(data, lang, "date_relative")
                if row.get("plural") == "duration"
            ),
            deictic={key(row["word"]): row for row in _rows(data, lang, "date_deictic")},
            fuzzy=_str_map(data, lang, "date_fuzzy", "mod"),
            quantifiers=_words(data, lang, "date_set_quantifiers"),
            vague=_words(data, lang, "date_vague_quantities"),
            tense={
                key(row["word"]): str(row["tense"])
                for row in _rows(data, lang, "date_tense")
                if "tense" in row and not row.get("adjacent")
            },
            adjacent_tense={
                key(row["word"]): str(row["tense"])
                for row in _rows(data, lang, "date_tense")
                if "tense" in row and row.get("adjacent")
            },
            strip=_words(data, lang, "date_extent_strip"),
            year_blockers=frozenset(word.casefold() for word in data.words(lang, "date_year_blockers")),
            published_cues=_words(data, lang, "date_published_cues"),
            period_ends=_words(data, lang, "date_period_ends"),
            figure_words=_words(data, lang, "date_figure_words"),
            decade_words=_int_map(data, lang, "date_decade_words", "decade"),
            function_words=_words(data, lang, "function_words"),
            day_suffixes=tuple(sorted(_words(data, lang, "date_day_suffixes"), key=len, reverse=True)),
            surface=surface,
        )

    @property
    def usable(self) -> bool:
        """Whether the language has enough vocabulary to look for dates at all."""
        return bool(self.months and self.weekdays and self.units)

    def alt(self, table: str, *, where: str | None = None, as_trie: bool = False) -> str:
        """An alternation of a table's surface forms (rows of a mapping table with ``where`` set)."""
        forms = self.surface.get(table, ())
        if where is not None:
            lookup = {"date_units": self.units}.get(table)
            forms = tuple(f for f in forms if lookup is not None and lookup.get(key(f)) == where)
        return alternation(forms, as_trie=as_trie)

    def case_ok(self, written: str) -> bool:
        """Whether ``written`` has the capitalisation its table form demands.

        A form listed only capitalised (German nouns, English month and weekday names) must be
        written capitalised: "may" and "march" are verbs, "Morgen" after "am" is the morning.
        """
        forms = self.forms.get(key(written), ())
        if not forms or not written or any(form[:1].islower() for form in forms):
            return True
        return written[:1].isupper()
