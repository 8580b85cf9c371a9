"""A small language detector over function words, for the document and each of its blocks.

News text is dense in function words (der, und, the, of), which tell German from English from
French far better than character statistics at this length, cost one dictionary look-up per
word, and come from the ``function_words`` tables, so a plugin that adds a language's function
words makes it detectable. Blocks are paragraphs (runs of text between blank or line breaks);
a block too short to judge takes the document's language.
"""

from __future__ import annotations

import heapq
import threading
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping
from operator import itemgetter
from typing import Final

import attrs

from quotekit.lang import LanguageData
from quotekit.lang.tokens import spellings
from quotekit.model import Document, LanguageSpan

__all__ = ["LanguageDetector", "detect_language"]

#: A block needs this many function-word hits before its own verdict outweighs the document's.
_MIN_BLOCK_EVIDENCE: Final = 3
#: Beyond this many words a block's verdict is certain enough; counting on only costs time.
_MAX_WORDS: Final = 400
#: Characters read per block: enough for _MAX_WORDS words of news prose, and a bound that keeps
#: a megabyte-long line as cheap as a paragraph.
_MAX_CHARS: Final = 4000
UNDETERMINED: Final = "und"


@attrs.frozen
class _Lexicon:
    """Function word -> the languages that use it (a word like "in" counts for several)."""

    owners: Mapping[str, tuple[str, ...]]
    #: Function word -> its language, or its languages when several use it; ``None`` when some
    #: word has a number of languages that is not a power of two (see :meth:`tokens_votes`).
    keys: Mapping[str, str | tuple[str, ...]] | None = None

    @classmethod
    def from_data(cls, data: LanguageData) -> _Lexicon:
        owners: dict[str, list[str]] = {}
        for lang in data.languages:
            for word in data.words(lang, "function_words"):
                # Spelt with the marks that cling to words („die, und,), so whitespace tokens
                # are looked up as they are.
                for spelt in spellings(word.lower()):
                    langs = owners.setdefault(spelt, [])
                    if lang not in langs:
                        langs.append(lang)
        exact = all(len(langs) & (len(langs) - 1) == 0 for langs in owners.values())
        return cls(
            {word: tuple(langs) for word, langs in owners.items()},
            {word: langs[0] if len(langs) == 1 else tuple(langs) for word, langs in owners.items()}
            if exact
            else None,
        )

    def votes(self, text: str, start: int = 0, end: int | None = None) -> dict[str, float]:
        stop = len(text) if end is None else end
        # Lower-cased whitespace tokens counted in C. No pattern, so nothing can backtrack.
        return self.tokens_votes(text[start : min(stop, start + _MAX_CHARS)].lower().split())

    def tokens_votes(self, tokens: list[str]) -> dict[str, float]:
        """The votes of a block's lower-cased whitespace ``tokens`` (the list is cut to ``_MAX_WORDS``).

        Each function word gives each of its ``n`` languages ``1 / n``; the result keeps the
        order in which the text first shows each language, so that a tie goes to the first.
        """
        if len(tokens) > _MAX_WORDS:
            del tokens[_MAX_WORDS:]
        keys = self.keys
        if keys is None:
            return self._votes_by_word(tokens)
        # Every word belongs to 1, 2, 4 ... languages, so every share is a multiple of a power
        # of two's inverse and every sum of them exact in any order: the votes can be counted
        # by language (or group of languages) in C, with the same floats and the same order of
        # first appearance as counting word by word (_votes_by_word, which tests compare).
        hits = [*filter(None, map(keys.get, tokens))]
        counts: dict[str, float] = {}
        if not hits:
            return counts
        for key, times in Counter(hits).items():
            if type(key) is str:
                counts[key] = counts.get(key, 0.0) + times
            else:
                share = times / len(key)
                for lang in key:
                    counts[lang] = counts.get(lang, 0.0) + share
        return counts

    def _votes_by_word(self, tokens: list[str]) -> dict[str, float]:
        owners = self.owners
        # Only function words are counted (filtered in C); a Counter keeps the order of first
        # appearance, so a tie goes to the language the text shows first (a set intersection
        # would order by hash, and vary from process to process).
        seen = Counter(filter(owners.__contains__, tokens))
        counts: dict[str, float] = {}
        for word, times in seen.items():
            langs = owners[word]
            # A word shared by two languages is weak evidence for each.
            share = times / len(langs)
            for lang in langs:
                counts[lang] = counts.get(lang, 0.0) + share
        # a plain dict, not a Counter: one per line of every document, and _verdict reads it as
        # Counter.most_common would (first shown wins a tie)
        return counts


#: The function-word lexicon of each ``LanguageData``: the detector and the post parser of one
#: pipeline share it instead of building it twice.
_LEXICONS: weakref.WeakKeyDictionary[LanguageData, _Lexicon] = weakref.WeakKeyDictionary()
_LEXICONS_LOCK = threading.Lock()


def _lexicon_of(data: LanguageData) -> _Lexicon:
    with _LEXICONS_LOCK:
        lexicon = _LEXICONS.get(data)
        if lexicon is None:
            lexicon = _LEXICONS[data] = _Lexicon.from_data(data)
        return lexicon


def _verdict(votes: Mapping[str, float]) -> tuple[str, float, float]:
    """(language, confidence, evidence) from function-word votes."""
    if len(votes) <= 1:  # no runner-up: what the ranking below gives, sooner
        if not votes:
            return UNDETERMINED, 0.0, 0.0
        ((best, count),) = votes.items()
        return best, 1.0 if count else 0.0, float(count)
    # what Counter.most_common(2) does: stable, so a tie goes to the language counted first
    ranked = heapq.nlargest(2, votes.items(), key=itemgetter(1))
    best, best_count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(votes.values())
    return best, float(best_count - runner_up) / total if total else 0.0, float(best_count)


class LanguageDetector:
    """The built-in ``language`` extractor: sets ``Document.lang`` and the ``languages`` layer.

    A ``lang`` given by the caller is kept for the document; blocks are still judged one by one,
    so an English post inside a German article is marked English.
    """

    name = "language"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("lang", "languages")

    def __init__(self, data: LanguageData) -> None:
        self._lexicon = _lexicon_of(data)

    def detect(self, text: str) -> str:
        """The language of ``text`` ("und" when no known function word appears)."""
        return _verdict(self._lexicon.votes(text))[0]

    def blocks(self, text: str) -> Iterator[tuple[int, int]]:
        """The (start, end) of every line of ``text`` that holds more than white space."""
        start = 0
        size = len(text)
        while start < size:
            end = text.find("\n", start)
            if end < 0:
                end = size
            if end > start and not text[start:end].isspace():
                yield start, end
            start = end + 1

    def __call__(self, doc: Document, /) -> Document:
        """Set the document's language and one :class:`LanguageSpan` per block."""
        text = doc.text
        tokens_votes = self._lexicon.tokens_votes
        # the blocks of self.blocks(text), each line split off once, in C, and read as it is
        block_votes = []
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            if line and not line.isspace():
                block_votes.append((start, end, line, tokens_votes(line[:_MAX_CHARS].lower().split())))
            start = end + 1
        total: dict[str, float] = {}
        for _, _, _, votes in block_votes:
            for lang, count in votes.items():
                total[lang] = total.get(lang, 0.0) + count
        doc_lang = doc.lang if doc.lang != UNDETERMINED else _verdict(total)[0]
        spans = []
        for start, end, line, votes in block_votes:
            lang, confidence, evidence = _verdict(votes)
            if evidence < _MIN_BLOCK_EVIDENCE or lang == UNDETERMINED:
                lang, confidence = doc_lang, 0.0
            spans.append(
                LanguageSpan(start=start, end=end, text=line, lang=lang, confidence=round(confidence, 3))
            )
        return doc.evolve(lang=doc_lang, languages=spans)


def detect_language(text: str, data: LanguageData | None = None) -> str:
    """The language of ``text`` by quotekit's built-in tables (or ``data``): "de", "en", "und"..."""
    if data is not None:
        return LanguageDetector(data).detect(text)
    from quotekit.pipeline import default_pipeline

    # The shared pipeline built its detector once; reuse it rather than rebuild the lexicon.
    pipeline = default_pipeline()
    detector = next((e for e in pipeline.extractors if isinstance(e, LanguageDetector)), None)
    return (detector or LanguageDetector(pipeline.language_data)).detect(text)
