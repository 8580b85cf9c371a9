# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""Per-language boilerplate knowledge, compiled once from :class:`~quotekit.lang.LanguageData`.

The stripper reads four tables of each language (plugins extend any of them through the
``quotekit_language_data`` hook):

``boilerplate_stopwords``
    Strings: the language's most frequent function words. Prose is dense in them; menus, link
    lists and credit lines are not. Languages without this table fall back to the
    ``function_words`` table the language detector uses.
``boilerplate_phrases``
    Objects ``{"text": ..., "match": "line" | "start" | "contains", "reason": ...}``: page
    furniture recognised by its words. ``line`` matches a whole line (case, edge punctuation
    and spacing ignored), ``start`` the beginning of a short line (at most ``max_words`` words,
    default 14, or 60 when the phrase ends in a mark such as "Foto:"), ``contains`` any
    stretch of a paragraph-sized line (disclaimers, affiliate notes, "©"). ``reason`` is what
    the span reports.
``boilerplate_sources``
    Strings: news agencies and credit abbreviations ("dpa", "reuters", "dpa/afp"); a line made
    of nothing else is a source credit. Shared across languages (agencies are international).
``boilerplate_date_words``
    Strings: month and weekday names and time words; a short line of only these and numbers is
    a timestamp.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S

if TYPE_CHECKING:
    from quotekit.lang import LanguageData, Row

__all__ = ["Lexicon", "PhraseMatch", "normalize"]

#: Characters trimmed from both ends of a line before a whole-line phrase comparison.
EDGE_PUNCTUATION: Final = " \t\r\f\v|•·‣▪►▶›»«<>-–—:;,.!?\"'“”„‚‘’*#+=~_/\\()[]{}…"
#: A ``start`` phrase only decides a line this short (in words): "Von den 116 Verletzten..."
#: starts like a byline but is prose.
START_MATCH_MAX_WORDS: Final = 14
#: A ``start`` phrase ending in a mark ("Foto:", "©") is strong evidence even on a longer line.
MARKED_START_MAX_WORDS: Final = 60
#: ``contains`` phrases decide lines up to this size; beyond it a phrase is a passing mention.
CONTAINS_MAX_WORDS: Final = 90
CONTAINS_MAX_CHARS: Final = 1200

_SPACES = regex.compile(r"\s+")
_SOURCE_SPLIT = regex.compile(r"\s*[/,;&+|]\s*|\s+und\s+|\s+and\s+")
_INITIALS = regex.compile(r"\(\s*\p{Ll}{2,5}(?:\s*/\s*\p{Ll}{2,5})*\s*\)")
_TIMEOUT: Final = 1.0
_START_KEY: Final = 3


def normalize(line: str) -> str:
    """``line`` casefolded, with typographic apostrophes made plain and spacing collapsed."""
    return _SPACES.sub(" ", line.casefold().replace("’", "'"), timeout=TIMEOUT_S).strip()


@attrs.frozen
class PhraseMatch:
    """A phrase table hit: the reason to report and whether the hit covers the whole line."""

    reason: str
    whole_line: bool


@attrs.frozen
class _LanguageLexicon:
    stopwords: frozenset[str]
    date_words: frozenset[str]
    line_phrases: Mapping[str, str]
    #: start phrases grouped by their first three characters (shorter phrases: all of them),
    #: longest first: (phrase, reason,
    #: the most words a line may have for the phrase to decide it).
    start_phrases: Mapping[str, tuple[tuple[str, str, int], ...]]
    #: (phrase, reason), longest first. Plain substring tests: CPython's search is far faster
    #: than a regex alternation of a hundred literals, and cannot backtrack.
    contains: tuple[tuple[str, str], ...]


def _rows(data: LanguageData, langs: Sequence[str], table: str) -> Iterator[Row]:
    for lang in langs:
        yield from data.table(lang, table)


def _compile_language(data: LanguageData, lang: str, phrase_langs: Sequence[str]) -> _LanguageLexicon:
    """Stop words of ``lang``; phrases and date words of every language in ``phrase_langs``."""
    stopwords = data.words(lang, "boilerplate_stopwords") or data.words(lang, "function_words")
    line_phrases: dict[str, str] = {}
    starts: dict[str, list[tuple[str, str, int]]] = {}
    contains: dict[str, str] = {}
    for row in _rows(data, phrase_langs, "boilerplate_phrases"):
        if not isinstance(row, Mapping):
            continue
        text, match, reason = row.get("text"), row.get("match", "line"), row.get("reason", "page furniture")
        if not isinstance(text, str) or not isinstance(reason, str) or not text.strip():
            continue
        phrase = normalize(text)
        if match == "line":
            line_phrases.setdefault(phrase.strip(EDGE_PUNCTUATION), reason)
        elif match == "start":
            # Keep trailing spaces ("von ") that make a phrase a whole word.
            phrase = text.casefold().replace("’", "'").lstrip()
            marked = not phrase[-1].isalnum() and not phrase[-1].isspace()
            limit = row.get("max_words", MARKED_START_MAX_WORDS if marked else START_MATCH_MAX_WORDS)
            starts.setdefault(phrase[:_START_KEY], []).append((phrase, reason, int(limit)))
        elif match == "contains":
            contains.setdefault(phrase, reason)
    return _LanguageLexicon(
        stopwords=frozenset(w.casefold() for w in stopwords),
        date_words=frozenset(
            normalize(w) for w in _rows(data, phrase_langs, "boilerplate_date_words") if isinstance(w, str)
        ),
        line_phrases=line_phrases,
        start_phrases={
            key: tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True)) for key, rows in starts.items()
        },
        contains=tuple(sorted(contains.items(), key=lambda item: len(item[0]), reverse=True)),
    )


class Lexicon:
    """Every language's boilerplate tables, compiled for fast per-line look-ups."""

    def __init__(self, data: LanguageData) -> None:
        # Furniture phrases are matched in every language's tables, the line's own first: pages
        # mix languages ("Share" on a German page), and a verdict that hangs on language
        # detection would change when the stripped body is detected anew.
        self._languages = {
            lang: _compile_language(data, lang, [lang, *(other for other in data.languages if other != lang)])
            for lang in data.languages
        }
        self._any = _compile_language(data, "", data.languages)
        sources: set[str] = set()
        for lang in data.languages:
            sources.update(normalize(s) for s in data.words(lang, "boilerplate_sources"))
        self.sources: frozenset[str] = frozenset(sources)
        # Share bars and menus list several one-word items on one line ("X Facebook Email").
        self._furniture_words: frozenset[str] = frozenset(
            phrase
            for lexicon in self._languages.values()
            for phrase, reason in lexicon.line_phrases.items()
            if reason in {"share bar", "navigation"} and " " not in phrase
        )

    def _language(self, lang: str) -> _LanguageLexicon:
        return self._languages.get(lang, self._any)

    def has_stopwords(self, lang: str) -> bool:
        """Whether ``lang`` has a stop-word list (else prose is judged by shape alone)."""
        return bool(self._language(lang).stopwords)

    def stopwords(self, lang: str) -> frozenset[str]:
        """Return the stop words of ``lang`` (empty when unknown)."""
        return self._language(lang).stopwords

    def date_words(self, lang: str) -> frozenset[str]:
        """Return the month, weekday and time words of ``lang``."""
        return self._language(lang).date_words

    def phrase(self, line: str, folded: str, n_words: int, lang: str) -> PhraseMatch | None:
        """Return the phrase-table verdict on a stripped ``line`` (``folded``: its :func:`normalize`)."""
        lexicon = self._language(lang)
        bare = folded.strip(EDGE_PUNCTUATION)
        reason = lexicon.line_phrases.get(bare)
        if reason is not None:
            return PhraseMatch(reason, whole_line=True)
        head = folded.lstrip(EDGE_PUNCTUATION.replace("©", "").replace("(", ""))
        for key in (head[:_START_KEY], *(head[:n] for n in range(1, _START_KEY))):
            for phrase, reason, max_words in lexicon.start_phrases.get(key, ()):
                if n_words <= max_words and head.startswith(phrase):
                    return PhraseMatch(reason, whole_line=False)
        paragraph_sized = n_words <= CONTAINS_MAX_WORDS and len(line) <= CONTAINS_MAX_CHARS
        if paragraph_sized:
            for phrase, reason in lexicon.contains:
                if phrase in folded:
                    return PhraseMatch(reason, whole_line=False)
        return None

    def is_source_credit(self, folded: str) -> bool:
        """Whether the line names only agencies or initials: "bloomberg", "dpa/AFP", "(jum)"."""
        if _INITIALS.fullmatch(folded, timeout=_TIMEOUT):
            return True
        bare = folded.strip(EDGE_PUNCTUATION)
        if not bare or len(bare) > 80:
            return False
        pieces = [p.strip(EDGE_PUNCTUATION) for p in _SOURCE_SPLIT.split(bare, timeout=_TIMEOUT)]
        return all(p in self.sources for p in pieces if p) and any(pieces)

    def is_furniture_list(self, words: Iterable[str]) -> bool:
        """Whether every word is a menu or share-bar item ("Facebook Twitter E-Mail")."""
        count = 0
        for word in words:
            if word not in self._furniture_words:
                return False
            count += 1
        return count >= 2
