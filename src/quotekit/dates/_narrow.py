"""The second-word index: which of a word's possible rules can also match with the word after it.

:meth:`Grammar.rules_at` names the rules that can begin with the word at a position; "the"
alone opens 28 English rules. A match either ends before the next word or holds it whole (no
match ends inside a word), and every word of a match is spelled by its rule: a rule whose
pattern spells no form of the next word, and that does not match the first word with what
follows it up to the next one cut out of the text, cannot match there. The index is built
from the rule patterns themselves (their words, whether they hold a digit or letters they do
not spell), never from a text; a rule it is unsure of is always kept.

Not assumed: that a match tried at an opener reaches its carrier. "the first half and
year-end" is tried at "the" for the carrier "year", and its match, "the first half", holds none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S, backtrack_free

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: At most this many (rules, word) answers are remembered (a bound on the index's memory).
_REMEMBERED: Final = 8192
#: Escapes that match letters a rule does not spell: such a rule is always kept.
_ANY_LETTER_ESCAPES: Final = frozenset("wWSDpPXN")
#: Escapes whose letters are no words of the rule, group names, counts and flags.
_SYNTAX = regex.compile(r"\\.|\(\?P<\w+>|\(\?[^:)=!<]*[:)]|\{\d+(?:,\d*)?\}")
_LETTERS = regex.compile(r"[^\W\d_]+")
#: The first word, what follows it up to the second (group 1), and the second word; possessive,
#: so its calls need no timeout. Words are the regular expressions' own (no match ends in one).
_AROUND = backtrack_free(r"\w*+(\W*+)\w*+")
#: :meth:`Grammar.rules_at` reads at most this many letters of the first word.
_LONGEST_FIRST_WORD: Final = 40


def without_lookarounds(pattern: str) -> str:
    """``pattern`` with its lookarounds left out: they consume nothing, so spell no word of a match."""
    kept: list[str] = []
    index, size = 0, len(pattern)
    while index < size:
        if pattern[index] == "\\":
            kept.append(pattern[index : index + 2])
            index += 2
            continue
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), index):
            depth, index = 1, index + 3
            while depth and index < size:
                if pattern[index] == "\\":
                    index += 2
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[index], 0)
                index += 1
            continue
        kept.append(pattern[index])
        index += 1
    return "".join(kept)


def spelled(body: str) -> str | None:
    """``body`` with each class of plain letters written out as its letters, one word each.

    ``None`` when ``body`` can match a letter it does not spell: a dot, a letter class
    (word characters, non-space, a property), a negated class or a range of letters.
    """
    kept: list[str] = []
    index, size = 0, len(body)
    while index < size:
        char = body[index]
        if char == "\\":
            if body[index + 1 : index + 2] in _ANY_LETTER_ESCAPES:
                return None
            kept.append(body[index : index + 2])
            index += 2
        elif char == "[":
            close = index + 1
            while close < size and body[close] != "]":
                close += 2 if body[close] == "\\" else 1
            inside = body[index + 1 : close]
            escapes = {inside[at + 1 : at + 2] for at, c in enumerate(inside) if c == "\\"}
            letters = [c for c in regex.sub(r"\\.", "", inside, timeout=TIMEOUT_S) if c.isalpha()]
            if inside.startswith("^") or escapes & _ANY_LETTER_ESCAPES or (letters and "-" in inside):
                return None
            # [ap]m: "a" or "p" then "m", each a word the rule spells ("am" is two of them)
            kept.append(f" {' '.join(letters)} ")
            index = close + 1
        elif char == ".":
            return None
        else:
            kept.append(char)
            index += 1
    return "".join(kept)


@attrs.frozen
class RuleWords:
    """What one rule can hold: the words it spells, their prefixes, and digits or not."""

    #: The words the rule spells (case-folded), by first letter.
    words: Mapping[str, tuple[str, ...]]
    #: Every prefix of every word the rule spells: a word cut by an optional letter ("Sept?").
    prefixes: frozenset[str]
    digits: bool
    #: The rule can match letters it does not spell (a letter class, ``.``).
    any_letter: bool
    _held: dict[str, bool] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @classmethod
    def of(cls, pattern: str) -> RuleWords:
        """Read a rule's pattern source (its word lists written out, not as prefix trees)."""
        body = spelled(without_lookarounds(pattern))
        if body is None:
            return cls(words={}, prefixes=frozenset(), digits=True, any_letter=True)
        words = {
            word.casefold()
            for word in _LETTERS.findall(_SYNTAX.sub(" ", body, timeout=TIMEOUT_S), timeout=TIMEOUT_S)
        }
        by_first: dict[str, list[str]] = {}
        for word in sorted(words):
            by_first.setdefault(word[0], []).append(word)
        return cls(
            words={first: tuple(found) for first, found in by_first.items()},
            prefixes=frozenset(word[:end] for word in words for end in range(1, len(word) + 1)),
            digits=regex.search(r"\\d|[0-9]", pattern, timeout=TIMEOUT_S) is not None,
            any_letter=False,
        )

    def can_hold(self, word: str) -> bool:
        """Whether a match of the rule can hold the whole ``word`` (case-folded, a run of word characters)."""
        if self.any_letter or "_" in word:
            return True
        if not word.isalpha():
            # a number, letters beside digits ("14th", "Q3"); a word with a mark in it: kept
            return self.digits or not word.isalnum()
        held = self._held.get(word)
        if held is None:
            held = self._spelled_out(word)
            if len(self._held) >= _REMEMBERED:
                self._held.clear()
            self._held[word] = held
        return held

    def _spelled_out(self, word: str) -> bool:
        """Whether ``word`` is rule words one after another ("am", "Donnerstagabend"), the last maybe cut."""
        reached, size = {0}, len(word)
        for at in range(size):
            if at in reached:
                reached.update(
                    at + len(part) for part in self.words.get(word[at], ()) if word.startswith(part, at)
                )
        # dreimal, zweimal: number words with -mal, as Grammar.can_be_inside reads them
        return size in reached or any(word[at:] in self.prefixes for at in reached) or word[-3:] == "mal"


#: Pattern syntax that reads beyond what it matches other than by a negative lookaround: a
#: rule holding one may match a word alone in a text but not the word cut out of it.
_CONTEXT: Final = (r"\b", r"\B", "$", r"\Z", r"\z", r"\G", "(?=", "(?<=", "^")


@attrs.frozen
class SecondWords:
    """Narrows the rules possible at a word by the word after it."""

    rules: tuple[RuleWords, ...]
    #: The rules compiled (as the grammar tries them), to ask whether one matches a word alone.
    patterns: tuple[regex.Pattern[str], ...]
    #: The rules that read context: never left out for matching the first word alone.
    reads_context: frozenset[int]
    _answers: dict[tuple[str, str], tuple[int, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    @classmethod
    def of(cls, sources: Sequence[str], patterns: Sequence[regex.Pattern[str]]) -> SecondWords:
        """The index of a grammar's rules, in priority order: their sources and compiled patterns."""
        return cls(
            tuple(RuleWords.of(source) for source in sources),
            tuple(patterns),
            frozenset(index for index, source in enumerate(sources) if any(c in source for c in _CONTEXT)),
        )

    def narrow(self, possible: tuple[int, ...], text: str, begin: int, stop: int) -> tuple[int, ...]:
        """The rules of ``possible`` that can match at ``begin``, judged by the word after the first.

        ``possible`` is what :meth:`Grammar.rules_at` names for the word at ``begin`` (a
        function of that word, so the answer is remembered by the text, not by ``possible``).
        A rule is kept when it spells the second word, or when it matches the first word and
        what follows it up to the second, cut out of the text (a match ending before it).
        """
        around = _AROUND.match(text, begin, stop)
        if around is None:  # pragma: no cover - every part of it may be empty: it always matches
            return possible
        first_end, second = around.span(1)
        end = around.end()
        if (
            end == second
            or first_end == begin
            or first_end - begin >= _LONGEST_FIRST_WORD
            or text[first_end : first_end + 1].isalpha()
        ):
            return possible  # no second word; or rules_at read past the first
        head, word = text[begin:second], text[second:end]
        answer = self._answers.get((head, word))
        if answer is None:
            answer = self._narrowed(possible, head, word.casefold())
            if len(self._answers) >= _REMEMBERED:
                self._answers.clear()
            self._answers[head, word] = answer
        return answer

    def _narrowed(self, possible: tuple[int, ...], head: str, word: str) -> tuple[int, ...]:
        rules, patterns, context = self.rules, self.patterns, self.reads_context
        return tuple(
            index
            for index in possible
            if rules[index].can_hold(word)
            or index in context
            or patterns[index].match(head, timeout=TIMEOUT_S) is not None
        )
