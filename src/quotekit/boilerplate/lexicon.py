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
``boilerplate_credit_labels``
    Strings: what introduces a picture credit ("Foto:", "Photo by", "Credit:"). A caption that
    ends in such a credit ("… Bild: Max Muster/dpa") is furniture. Shared across languages.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S, backtrack_free
from quotekit.lang.tokens import with_marks

if TYPE_CHECKING:
    from quotekit.lang import LanguageData, Row

__all__ = ["Lexicon", "PhraseMatch", "normalize", "normalized_pieces"]

#: Characters trimmed from both ends of a line before a whole-line phrase comparison.
EDGE_PUNCTUATION: Final = " \t\r\f\v|•·‣▪►▶›»«<>-–—:;,.!?\"'“”„‚‘’*#+=~_/\\()[]{}…"
#: A ``start`` phrase only decides a line this short (in words): "Von den 116 Verletzten..."
#: starts like a byline but is prose.
START_MATCH_MAX_WORDS: Final = 14
#: A ``start`` phrase ending in a mark ("Foto:", "©") is strong evidence even on a longer line.
MARKED_START_MAX_WORDS: Final = 60
#: A line of more words than this that ends with a sentence mark is prose to the unmarked start
#: phrases ("von ", "by "): "Von Anna Weber." is a byline, a sentence opening with "Von" is not.
_SENTENCE_WORDS: Final = 5
_SENTENCE_ENDS: Final = frozenset(".!?")
_BYLINE: Final = "byline"


def _sentence_after_unmarked(phrase: str, line: str, n_words: int) -> bool:
    """Whether ``line`` is a sentence that an unmarked ``phrase`` ("von ", "by ") merely opens.

    It ends like a sentence and holds lower-case words other than a byline's joining words
    ("By Jane Smith and John Doe, Reuters." is a byline; "von Open Source ein und entwickeln
    einen Leitfaden." is not).
    """
    if not (phrase[-1].isalnum() or phrase[-1].isspace()):
        return False
    if n_words <= _SENTENCE_WORDS or line.rstrip()[-1:] not in _SENTENCE_ENDS:
        return False
    lower = [word for word in line.split() if word[:1].islower() and word.casefold() not in _BYLINE_JOINERS]
    return len(lower) >= _SENTENCE_LOWER_WORDS


#: Lower-case words a byline holds besides names (Von Anna Weber und Jonas Brandt, dpa)
_BYLINE_JOINERS: Final = frozenset(
    {"von", "by", "und", "and", "mit", "with", "aus", "from", "in", "für", "for"}
)
#: Lower-case words beyond those that make a line prose
_SENTENCE_LOWER_WORDS: Final = 2


#: ``contains`` phrases decide lines up to this size; beyond it a phrase is a passing mention.
CONTAINS_MAX_WORDS: Final = 90
CONTAINS_MAX_CHARS: Final = 1200

#: The reason of a line that starts or ends with a picture credit.
PHOTO_CREDIT: Final = "photo credit"
#: What separates agencies in a credit line ("dpa/AFP", "Reuters und AP", see _SOURCE_SPLIT):
#: a line without any of these is one name.
_SEPARATOR_MARKS: Final = frozenset("/,;&+|")
_SOURCE_SPLIT = regex.compile(r"\s*[/,;&+|]\s*|\s+und\s+|\s+and\s+")
_INITIALS = regex.compile(r"\(\s*\p{Ll}{2,5}(?:\s*/\s*\p{Ll}{2,5})*\s*\)")
#: The shared last guard (quotekit._regex): a shorter limit would make the result depend on
#: the machine's load (issue 19).
_TIMEOUT: Final = TIMEOUT_S
#: A credit at the end of a caption names a photographer and an agency: a few words at most.
CREDIT_MAX_WORDS: Final = 6
#: The credit is looked for in this many characters at the end of the line.
_CREDIT_TAIL_CHARS: Final = 80
#: Where a caption's last sentence ends and an unbracketed agency credit begins ("… hour. AP").
_SENTENCE_CLOSERS: Final = '.!?"”»'
_AFTER_SENTENCE = backtrack_free(rf"[{_SENTENCE_CLOSERS}]\s++([^{_SENTENCE_CLOSERS}]{{1,40}}+)$")
_START_KEY: Final = 3
#: Language codes remembered by name, so that a line's tables are one dict look-up away.
_REMEMBERED_CODES: Final = 256
#: Edge punctuation a line may carry around a whole-line phrase ("» Teilen «") and still match.
_EDGE_SLACK: Final = 12
#: What a ``start`` phrase comparison trims from the line's head: edge punctuation except the
#: marks that start phrases themselves ("©", "(Foto").
_HEAD_PUNCTUATION: Final = EDGE_PUNCTUATION.replace("©", "").replace("(", "")


def normalize(line: str) -> str:
    """``line`` casefolded, with typographic apostrophes made plain and spacing collapsed."""
    # str.split() is a C loop over Unicode whitespace: far cheaper than a regex substitution.
    return " ".join(line.casefold().replace("’", "'").split())


def normalized_pieces(line: str) -> tuple[str, list[str]]:
    """``normalize(line)`` and its pieces, ``normalize(line).split(" ")``, from one split.

    The pieces of the joined words are the words themselves: a line is split once, not twice.
    """
    pieces = line.casefold().replace("’", "'").split()
    return (" ".join(pieces), pieces) if pieces else ("", [""])


def words_of(folded: str) -> list[str]:
    """The words of a :func:`normalize`-d line: space-separated, edge punctuation trimmed.

    Punctuation-only pieces ("|", "–") come out empty; callers skip them.
    """
    return [piece.strip(EDGE_PUNCTUATION) for piece in folded.split(" ")]


#: Pieces that hold no word: they do not count as words.
PUNCTUATION_PIECES: Final = frozenset(
    [*EDGE_PUNCTUATION, "--", "---", "...", "||", "//", "->", "<-", "»»", "««", "**", "##"]
)


@attrs.frozen
class PhraseMatch:
    """A phrase table hit: the reason to report and whether the hit covers the whole line."""

    reason: str
    whole_line: bool


@attrs.frozen
class _LanguageLexicon:
    stopwords: frozenset[str]
    #: ``stopwords`` spelt with the marks that cling to words (see :func:`with_marks`).
    marked_stopwords: frozenset[str]
    date_words: frozenset[str]
    line_phrases: Mapping[str, str]
    #: start phrases grouped by their first three characters (shorter phrases: all of them),
    #: longest first: (phrase, reason,
    #: the most words a line may have for the phrase to decide it).
    start_phrases: Mapping[str, tuple[tuple[str, str, int], ...]]
    #: (phrase, reason) by anchor: the phrase's longest word. A line is searched only for the
    #: phrases whose anchor is one of its words, so hundreds of phrases cost a few dict
    #: look-ups per line. Plain substring tests: they cannot backtrack.
    contains_by_anchor: Mapping[str, tuple[tuple[str, str], ...]]
    #: Phrases without a word to anchor them ("©"): searched in every line.
    contains_always: tuple[tuple[str, str], ...]
    #: The phrases of ``contains_always`` alone.
    contains_always_phrases: tuple[str, ...]
    #: A piece of each of them (see :func:`_witness`): a line holding none of these pieces
    #: holds none of the phrases, and most lines hold none.
    contains_always_witnesses: tuple[str, ...]
    #: Length of the longest ``line`` phrase: a longer line cannot be one.
    longest_line_phrase: int


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
    # A line that starts with a credit label ("Foto: …", "Photo by …") is a picture credit.
    for label in _rows(data, phrase_langs, "boilerplate_credit_labels"):
        if isinstance(label, str) and label.strip():
            phrase = label.casefold().replace("’", "'").strip()
            rows = starts.setdefault(phrase[:_START_KEY], [])
            if all(known != phrase for known, _, _ in rows):
                limit = START_MATCH_MAX_WORDS if phrase[-1].isalnum() else MARKED_START_MAX_WORDS
                rows.append((phrase, PHOTO_CREDIT, limit))
    by_anchor: dict[str, list[tuple[str, str]]] = {}
    always: list[tuple[str, str]] = []
    for phrase, reason in sorted(contains.items(), key=lambda item: len(item[0]), reverse=True):
        anchor = _anchor(phrase)
        if anchor is None:
            always.append((phrase, reason))
        else:
            by_anchor.setdefault(anchor, []).append((phrase, reason))
    return _LanguageLexicon(
        stopwords=frozenset(w.casefold() for w in stopwords),
        marked_stopwords=with_marks(w.casefold() for w in stopwords),
        date_words=frozenset(
            normalize(w) for w in _rows(data, phrase_langs, "boilerplate_date_words") if isinstance(w, str)
        ),
        line_phrases=line_phrases,
        start_phrases={
            key: tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True)) for key, rows in starts.items()
        },
        contains_by_anchor={
            spelt: tuple(rows) for anchor, rows in by_anchor.items() for spelt in with_marks([anchor])
        },
        contains_always=tuple(always),
        contains_always_phrases=tuple(phrase for phrase, _ in always),
        contains_always_witnesses=tuple(sorted({_witness(phrase) for phrase, _ in always})),
        longest_line_phrase=max(map(len, line_phrases), default=0),
    )


def _furniture_words(data: LanguageData) -> frozenset[str]:
    """One-word line phrases that some language's table calls a share bar or navigation.

    A language's own row for a phrase comes first in its compiled lexicon, so this is the set
    the compiled lexicons of all languages would give, read without compiling them.
    """
    words: set[str] = set()
    for lang in data.languages:
        first_reason: dict[str, str] = {}
        for row in data.table(lang, "boilerplate_phrases"):
            if not isinstance(row, Mapping) or row.get("match", "line") != "line":
                continue
            text, reason = row.get("text"), row.get("reason", "page furniture")
            if not isinstance(text, str) or not isinstance(reason, str) or not text.strip():
                continue
            first_reason.setdefault(normalize(text).strip(EDGE_PUNCTUATION), reason)
        words.update(
            phrase
            for phrase, reason in first_reason.items()
            if reason in {"share bar", "navigation"} and " " not in phrase
        )
    return frozenset(words)


#: Marks that phrases searched in every line often hold ("foto:", "(photo", "©"): one search
#: for the mark stands for all the phrases that hold it.
_WITNESS_MARKS: Final = ":(©"


def _witness(phrase: str) -> str:
    """A part of ``phrase`` that every line holding it holds: a mark it holds, else itself."""
    return next((mark for mark in _WITNESS_MARKS if mark in phrase), phrase)


def _anchor(phrase: str) -> str | None:
    """The longest word of a phrase of several words; ``None`` for a one-word phrase.

    Phrases are written as words, so a line holding "use of cookies" holds the word
    "cookies". A one-word phrase ("datenschutzerklärung", "©", "foto:") may sit inside a
    longer line-word ("datenschutzerklärungen", "©dpa") and is searched in every line.
    """
    pieces = [piece.strip(EDGE_PUNCTUATION) for piece in phrase.split(" ")]
    words = [piece for piece in pieces if any(char.isalnum() for char in piece)]
    if len(pieces) < 2 or not words:
        return None
    return max(words, key=len)


class Lexicon:
    """Every language's boilerplate tables, compiled for fast per-line look-ups.

    Build it with :meth:`of`: compiling takes a noticeable fraction of a second, and the
    stripper and the post parser of one pipeline share the same tables.
    """

    @classmethod
    def of(cls, data: LanguageData) -> Lexicon:
        """The lexicon of ``data``, compiled once per ``LanguageData`` object."""
        lexicon = _COMPILED.get(data)
        if lexicon is None:
            lexicon = _COMPILED[data] = cls(data)
        return lexicon

    def __init__(self, data: LanguageData) -> None:
        # Furniture phrases are matched in every language's tables, the line's own first: pages
        # mix languages ("Share" on a German page), and a verdict that hangs on language
        # detection would change when the stripped body is detected anew.
        # A language's tables are compiled when a line in it is first judged: a run reads one
        # or two of the languages the tables describe.
        self._data = data
        self._languages: dict[str, _LanguageLexicon] = {}
        self._compiling = threading.Lock()
        sources: set[str] = set()
        for lang in data.languages:
            sources.update(normalize(s) for s in data.words(lang, "boilerplate_sources"))
        self.sources: frozenset[str] = frozenset(sources)
        labels: set[str] = set()
        for lang in data.languages:
            labels.update(normalize(label) for label in data.words(lang, "boilerplate_credit_labels"))
        self.credit_labels: frozenset[str] = frozenset(labels - {""})
        # Searched backwards: the last label on the line is the one the credit follows. Without
        # labels, an empty character class that matches nothing.
        # ties in alphabetical order: the same pattern text in every process (a set iterates
        # in hash order), so the compiled-pattern cache finds it
        longest_first = sorted(self.credit_labels, key=lambda label: (-len(label), label))
        self._last_credit_label = backtrack_free(
            "|".join(map(regex.escape, longest_first)) or r"[^\s\S]", regex.REVERSE
        )
        # A piece of every label (its colon, else its last word): a line's end that holds none
        # of them holds no label, and most lines are let go without the search.
        self._label_pieces: tuple[str, ...] = tuple(sorted(set(map(_label_piece, self.credit_labels))))
        # Every word of every source: a line with another word names something else.
        self._source_words: frozenset[str] = frozenset(
            {"", "und", "and"}.union(*(_source_words(source) for source in self.sources))
        )
        # Share bars and menus list several one-word items on one line ("X Facebook Email").
        self._furniture_words: frozenset[str] = _furniture_words(data)

    def _language(self, lang: str) -> _LanguageLexicon:
        # Asked several times per line: one dict look-up once the language is compiled.
        lexicon = self._languages.get(lang)
        return self._compile(lang) if lexicon is None else lexicon

    def _compile(self, lang: str) -> _LanguageLexicon:
        languages = self._data.languages
        key = lang if lang in languages else ""
        with self._compiling:
            lexicon = self._languages.get(key)
            if lexicon is None:
                # the line's own language's phrases first, then every other language's
                order = [key, *(other for other in languages if other != key)] if key else languages
                lexicon = self._languages[key] = _compile_language(self._data, key, order)
            if len(self._languages) < _REMEMBERED_CODES:
                # a code without tables shares the merged tables; remembered under its own name
                # too (a bounded number of them: the codes come from the input)
                self._languages[lang] = lexicon
        return lexicon

    def has_stopwords(self, lang: str) -> bool:
        """Whether ``lang`` has a stop-word list (else prose is judged by shape alone)."""
        return bool(self._language(lang).stopwords)

    def stopwords(self, lang: str) -> frozenset[str]:
        """Return the stop words of ``lang`` (empty when unknown)."""
        return self._language(lang).stopwords

    def marked_stopwords(self, lang: str) -> frozenset[str]:
        """Return the stop words of ``lang`` spelt with clinging marks, for raw pieces."""
        return self._language(lang).marked_stopwords

    def date_words(self, lang: str) -> frozenset[str]:
        """Return the month, weekday and time words of ``lang``."""
        return self._language(lang).date_words

    def phrase(
        self, line: str, folded: str, pieces: Sequence[str], n_words: int, lang: str
    ) -> PhraseMatch | None:
        """Return the phrase-table verdict on a stripped ``line``.

        ``folded`` is its :func:`normalize`, ``pieces`` its space-separated pieces and
        ``n_words`` how many of them hold a word.
        """
        lexicon = self._language(lang)
        if len(folded) <= lexicon.longest_line_phrase + _EDGE_SLACK:
            reason = lexicon.line_phrases.get(folded.strip(EDGE_PUNCTUATION))
            if reason is not None:
                return PhraseMatch(reason, whole_line=True)
        head = folded.lstrip(_HEAD_PUNCTUATION)
        starts = lexicon.start_phrases
        # "von Open Source Software ein und entwickeln einen Leitfaden.", "By the end of May,
        # prices rose.": a line that ends like a sentence is no byline for the word that opens
        # it; a byline phrase ending in a mark (Autor:) still decides it
        for key in (head[:_START_KEY], head[:1], head[:2]):
            for phrase, reason, max_words in starts.get(key, ()):
                if n_words <= max_words and head.startswith(phrase):
                    if reason == _BYLINE and _sentence_after_unmarked(phrase, line, n_words):
                        continue
                    return PhraseMatch(reason, whole_line=False)
        paragraph_sized = n_words <= CONTAINS_MAX_WORDS and len(line) <= CONTAINS_MAX_CHARS
        if paragraph_sized:
            best: tuple[str, str] | None = None
            # A few C-level passes say whether any one-word phrase can be there at all.
            if any(map(folded.__contains__, lexicon.contains_always_witnesses)) and any(
                map(folded.__contains__, lexicon.contains_always_phrases)
            ):
                best = next((row for row in lexicon.contains_always if row[0] in folded), None)
            anchored = lexicon.contains_by_anchor
            for word in anchored.keys() & pieces:
                for phrase, reason in anchored[word]:
                    if (best is None or len(phrase) > len(best[0])) and phrase in folded:
                        best = (phrase, reason)
                        break
            if best is not None:
                return PhraseMatch(best[1], whole_line=False)
        return None

    def furniture(self, line: str, lang: str) -> str | None:
        """The reason the phrase tables give for one whole ``line`` of page furniture, or None.

        For callers outside the stripper (an embed's text ends where a share bar begins).
        """
        content = line.strip()
        folded, pieces = normalized_pieces(content)
        n_words = len(pieces) - sum(map(PUNCTUATION_PIECES.__contains__, pieces))
        match = self.phrase(content, folded, pieces, n_words, lang)
        return match.reason if match is not None else None

    def is_source_credit(self, folded: str) -> bool:
        """Whether the line names only agencies or initials: "bloomberg", "dpa/AFP", "(jum)"."""
        if folded[:1] == "(" and _INITIALS.fullmatch(folded, timeout=_TIMEOUT):
            return True
        bare = folded.strip(EDGE_PUNCTUATION)
        if not bare or len(bare) > 80:
            return False
        if bare in self.sources:
            return True
        if _SEPARATOR_MARKS.isdisjoint(bare) and " und " not in bare and " and " not in bare:
            return False
        if not self._source_words.issuperset(_source_words(bare)):
            return False  # a word no agency has: no split can make the pieces sources
        pieces = [p.strip(EDGE_PUNCTUATION) for p in _SOURCE_SPLIT.split(bare, timeout=_TIMEOUT)]
        return all(p in self.sources for p in pieces if p) and any(pieces)

    def ends_with_credit(self, folded: str) -> bool:
        """Whether the line is a caption ending in a picture or agency credit.

        Three shapes: a bracketed credit ("… (AP)", "… (dpa)", "… (AP Photo/Jane Doe)"), a
        credit label near the end followed by a few words ("… Bild: Max Muster/dpa", "…
        Photograph by Jane Doe", glued or not), and an agency alone after the last sentence
        ("… about an hour. AP"). A line that starts with its label is the phrase table's.
        """
        if folded.endswith(")"):
            opening = folded.rfind("(")
            if opening > 0 and self._is_bracketed_credit(folded[opening + 1 : -1]):
                return True
        tail_start = max(0, len(folded) - _CREDIT_TAIL_CHARS)
        tail = folded[tail_start:]
        if any(map(tail.__contains__, self._label_pieces)):
            label = self._last_credit_label.search(folded, tail_start)
            if label is not None and label.start() > 0 and _starts_segment(folded, label.start()):
                return 0 < len(folded[label.end() :].split()) <= CREDIT_MAX_WORDS
        if folded[-1:] in _SENTENCE_CLOSERS:
            return False  # the agency must end the line: most lines end like a sentence instead
        # Only the last closing mark can begin the match (the words after it hold none):
        # one attempt there instead of a search from the tail's start.
        closer = max(map(tail.rfind, _SENTENCE_CLOSERS))
        if closer < 0:
            return False
        after = _AFTER_SENTENCE.match(folded, tail_start + closer)
        return after is not None and after.group(1)[:1] != "(" and self.is_source_credit(after.group(1))

    def _is_bracketed_credit(self, inner: str) -> bool:
        """Whether a bracket holds agencies ("AP", "dpa/AFP") or a picture credit ("AP Photo/Jane Doe")."""
        if self.is_source_credit(inner):
            return True
        agency, _, kind = inner.split("/", 1)[0].strip().rpartition(" ")
        if not agency or not self.is_source_credit(agency):
            return False
        labels = self.credit_labels
        return f"{kind}:" in labels or any(label.startswith(f"{kind} ") for label in labels)

    def is_furniture_list(self, words: Sequence[str]) -> bool:
        """Whether every word is a menu or share-bar item ("Facebook Twitter E-Mail")."""
        return len(words) >= 2 and self._furniture_words.issuperset(words)


def _label_piece(label: str) -> str:
    """A part of ``label`` that every line holding it holds: its colon, else its last word."""
    if ":" in label:
        return ":"
    return label[label.rfind(" ") :] if " " in label else label


#: Separators of a credit line, as spaces (what ``_SOURCE_SPLIT`` splits at, but for "und").
_SEPARATORS_TO_SPACE: Final = str.maketrans(dict.fromkeys(_SEPARATOR_MARKS, " "))


def _source_words(bare: str) -> list[str]:
    """The words of a credit line or source name, separators and edge punctuation left out.

    A line that ``_SOURCE_SPLIT`` cuts into sources holds only words of sources, "und",
    "and" and punctuation: what this gives it are words of :attr:`Lexicon.sources` and "".
    """
    return [word.strip(EDGE_PUNCTUATION) for word in bare.translate(_SEPARATORS_TO_SPACE).split()]


def _starts_segment(folded: str, position: int) -> bool:
    """Whether a credit label at ``position`` begins a new piece of the line.

    It does when glued to the caption ("…World CupCredit: PA", "…ice.Photograph by") or after
    a mark ("… ist. Bild: …", "+++ Bild: …"); "a photo by the agency" in a sentence does not.
    """
    if not folded[position - 1].isspace():
        return True
    # Spaces were collapsed by normalize, so a short look back sees the previous character.
    before = folded[max(0, position - 4) : position].rstrip()
    return not before or not before[-1].isalnum()


#: Lexicons by the LanguageData they were compiled from; an entry goes with its pipeline.
_COMPILED: weakref.WeakKeyDictionary[LanguageData, Lexicon] = weakref.WeakKeyDictionary()
