"""The second-word index: which of a word's possible rules can also hold the word after it.

:meth:`Grammar.rules_at` names the rules that can begin with the word at a position; "the"
alone opens 28 English rules, and trying them all costs three times what trying three does.
At an *opener* (a word before its carrier, see :mod:`quotekit.dates._scan`) a match has to
reach the carrier, so it holds the next word too, and every word of a match is spelled by its
rule: a rule whose pattern spells no form of that word cannot match there. The index is built
from the rule patterns themselves (their words, whether they hold a digit or letters they do
not spell), never from a text; a rule it is unsure of is always kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S

if TYPE_CHECKING:
    from collections.abc import Sequence

#: At most this many (rules, word) answers are remembered (a bound on the index's memory).
_REMEMBERED: Final = 8192
#: Escapes that match letters a rule does not spell: such a rule is always kept.
_ANY_LETTER_ESCAPES: Final = frozenset("wWSDpPXN")
#: Escapes whose letters are no words of the rule, group names, counts and flags.
_SYNTAX = regex.compile(r"\\.|\(\?P<\w+>|\(\?[^:)=!<]*[:)]|\{\d+(?:,\d*)?\}")
_LETTERS = regex.compile(r"[^\W\d_]+")


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


def _any_letter(body: str) -> bool:
    """Whether ``body`` can match a letter it does not spell: a dot, a word class, a class with letters."""
    index, size = 0, len(body)
    while index < size:
        char = body[index]
        if char == "\\":
            if body[index + 1 : index + 2] in _ANY_LETTER_ESCAPES:
                return True
            index += 2
        elif char == "[":
            close = index + 1
            while close < size and body[close] != "]":
                close += 2 if body[close] == "\\" else 1
            inside = body[index + 1 : close]
            # [\s-], [.,], [0-9] spell no letter; a negation, a letter or a letter class may
            escapes = {inside[at + 1 : at + 2] for at, c in enumerate(inside) if c == "\\"}
            letters = regex.sub(r"\\.", "", inside, timeout=TIMEOUT_S)
            if inside.startswith("^") or escapes & _ANY_LETTER_ESCAPES or any(map(str.isalpha, letters)):
                return True
            index = close + 1
        elif char == ".":
            return True
        else:
            index += 1
    return False


@attrs.frozen
class RuleWords:
    """What one rule can hold: the prefixes of the words it spells, and digits or not."""

    #: Every prefix of every word the rule spells (case-folded): a word of a match is one of
    #: them when it is a rule word or a rule word cut by an optional letter ("Sept?" -> "sep").
    prefixes: frozenset[str]
    #: The rule's words of three letters or more: a compound starting with one ("Donnerstagabend").
    heads: tuple[str, ...]
    digits: bool
    #: The rule can match letters it does not spell (a character class, ``\\w``, ``.``).
    any_letter: bool

    @classmethod
    def of(cls, pattern: str) -> RuleWords:
        """Read a rule's pattern source (its word lists written out, not as prefix trees)."""
        body = without_lookarounds(pattern)
        if _any_letter(body):
            return cls(prefixes=frozenset(), heads=(), digits=True, any_letter=True)
        words = {
            word.casefold()
            for word in _LETTERS.findall(_SYNTAX.sub(" ", body, timeout=TIMEOUT_S), timeout=TIMEOUT_S)
        }
        prefixes = frozenset(word[:end] for word in words for end in range(1, len(word) + 1))
        digits = regex.search(r"\\d|[0-9]", body, timeout=TIMEOUT_S) is not None
        return cls(
            prefixes=prefixes,
            heads=tuple(sorted(w for w in words if len(w) >= 3)),
            digits=digits,
            any_letter=False,
        )

    def can_hold(self, word: str) -> bool:
        """Whether a match of the rule can hold the whole ``word`` (case-folded, a run of word characters)."""
        if self.any_letter or "_" in word:
            return True
        if not word.isalpha():
            return self.digits  # a number, or letters beside digits ("14th", "Q3")
        # dreimal, zweimal: number words with -mal, as Grammar.can_be_inside reads them
        return word in self.prefixes or word.startswith(self.heads) or word[-3:] == "mal"


@attrs.frozen
class SecondWords:
    """Narrows the rules possible at an opener by the word after it."""

    rules: tuple[RuleWords, ...]
    _answers: dict[tuple[tuple[int, ...], str], tuple[int, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    @classmethod
    def of(cls, patterns: Sequence[str]) -> SecondWords:
        """The index of a grammar's rule patterns, in priority order."""
        return cls(tuple(RuleWords.of(pattern) for pattern in patterns))

    def narrow(self, possible: tuple[int, ...], text: str, begin: int, stop: int) -> tuple[int, ...]:
        """The rules of ``possible`` that can hold the word after the one at ``begin``.

        Only for a match that must reach past its first word (an opener's); ``possible`` is
        returned as it is when no second word starts before ``stop``.
        """
        end = begin
        while end < stop and ((char := text[end]).isalnum() or char == "_"):
            end += 1
        while end < stop and not ((char := text[end]).isalnum() or char == "_"):
            end += 1
        after = end
        while after < stop and ((char := text[after]).isalnum() or char == "_"):
            after += 1
        if after == end:
            return possible
        word = text[end:after].casefold()
        answer = self._answers.get((possible, word))
        if answer is None:
            rules = self.rules
            answer = tuple(index for index in possible if rules[index].can_hold(word))
            if len(self._answers) >= _REMEMBERED:
                self._answers.clear()
            self._answers[possible, word] = answer
        return answer
