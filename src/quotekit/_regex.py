"""Shared limits for regular expressions that run over user text.

Every pattern quotekit applies to input text is written to run in linear time. Two guards back
that up:

- A pattern that may backtrack runs with ``timeout=TIMEOUT_S``: should one misbehave, the
  ``TimeoutError`` from ``regex`` becomes a ``regex-timeout`` diagnostic naming the extractor,
  and the other extractors still run.
- A pattern that cannot backtrack at all is compiled with :func:`backtrack_free`, which refuses
  any quantifier that is not possessive. Such a pattern commits to every repetition it makes, so
  one match attempt is bounded by its pattern and the text it consumes; a timeout has nothing
  to guard. The timeout is not free: ``regex`` reads the clock for every match, which makes a
  ``findall`` of words three to four times slower. Hot tokenizers therefore use this form, and
  only over windows the calling code bounds (a sentence, a frame), so that even the repeated
  attempts of a scan stay bounded per window.
- A pattern without any quantifier is compiled with :func:`quantifier_free`, by the standard
  library's ``re``. Without a quantifier one match attempt reads at most the pattern's own
  length, whatever it tries (alternatives, look-arounds), so a scan is linear in the text with
  the pattern's size as the constant. ``re`` has no timeout to arm, and for a scan led by a
  character class it skips to the candidates in C, which ``regex`` does not: the date
  extractor's lower-cased word scans (``dates/_lowered.py``) run 1.3-1.7x faster by it.
"""

import re
from typing import Final

import regex

from quotekit import _compiled

__all__ = ["TIMEOUT_S", "backtrack_free", "quantifier_free"]

#: Seconds one regex call over user text may take. Generous: a 10 MB document scans in well
#: under a second with linear patterns, so reaching this means a pattern misbehaves.
TIMEOUT_S: Final = 10.0

_QUANTIFIERS: Final = frozenset("*+?{")


def backtrack_free(pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """Compile ``pattern`` after checking that every quantifier in it is possessive.

    ``*+``, ``++``, ``?+`` and ``{m,n}+`` never give back what they matched; an exact count
    ``{n}`` has nothing to give back. Any other quantifier (greedy or lazy) raises
    :class:`ValueError`, as do back-references and look-arounds, whose cost the check cannot
    bound. Calls of the compiled pattern may then omit ``timeout=``.
    """
    problem = _backtracking_problem(pattern)
    if problem is not None:
        msg = f"pattern {pattern!r} can backtrack: {problem}"
        raise ValueError(msg)
    return _compiled.compile(pattern, flags)


def quantifier_free(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    """Compile ``pattern`` with the standard library's ``re`` after checking it has no quantifier.

    A prefix tree of words (``(?:ja(?:n|nuar))``), character classes, anchors and look-arounds
    are allowed; ``*``, ``+``, ``?`` and ``{m,n}`` in any form raise :class:`ValueError`, as do
    back-references. One match attempt then reads at most the pattern's length, so calls may
    omit a timeout (``re`` has none).
    """
    problem = _backtracking_problem(pattern, quantifiers=False)
    if problem is not None:
        msg = f"pattern {pattern!r} is not quantifier-free: {problem}"
        raise ValueError(msg)
    return re.compile(pattern, flags)


def _backtracking_problem(  # noqa: C901, PLR0911, PLR0912 - one scanner, one return per problem
    pattern: str, *, quantifiers: bool = True
) -> str | None:
    """Why ``pattern`` can backtrack (a quantifier that is not possessive), or ``None``.

    With ``quantifiers=False`` any quantifier is a problem and look-arounds are not: without
    a quantifier a look-around reads at most its own length.
    """
    index = 0
    length = len(pattern)
    atom = False  # whether the previous item can take a quantifier
    while index < length:
        char = pattern[index]
        if char == "\\":
            if pattern[index + 1 : index + 2].isdigit() or pattern[index + 1 : index + 2] in {"g", "k"}:
                return f"back-reference at {index}"
            # \p{L}, \N{NAME}, \x{41}: an escape with a braced argument is one atom
            if pattern[index + 2 : index + 3] == "{":
                index = pattern.index("}", index) + 1
            else:
                index += 2
            atom = True
            continue
        if char == "[":
            index = _class_end(pattern, index)
            atom = True
            continue
        if char == "(":
            looks = ("(?=", "(?!", "(?<=", "(?<!")
            if pattern.startswith(looks, index):
                if quantifiers:
                    return f"look-around at {index}"
                index += 4 if pattern.startswith("(?<", index) else 3
                atom = False
                continue
            groups = ("(?:", "(?>", "(?P<", "(?<")
            if pattern.startswith("(?", index) and not pattern.startswith(groups, index):
                return f"unsupported group at {index}"
            index += 1
            if pattern.startswith("?:", index) or pattern.startswith("?>", index):
                index += 2
            atom = False
            continue
        if char in _QUANTIFIERS:
            if not atom:
                return f"quantifier without an atom at {index}"
            if not quantifiers:
                return f"quantifier {char!r} at {index}"
            if char == "{":
                close = pattern.index("}", index)
                exact = "," not in pattern[index:close]
                index = close + 1
                if exact and pattern[index : index + 1] != "?":
                    atom = False
                    continue
            else:
                index += 1
            if pattern[index : index + 1] != "+":
                return f"quantifier {pattern[max(0, index - 1)]!r} before {index} is not possessive"
            index += 1
            atom = False
            continue
        atom = char not in {"|", "^", "$"}
        index += 1
    return None


def _class_end(pattern: str, start: int) -> int:
    """The index just after the character class opening at ``pattern[start]``."""
    index = start + 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1  # a "]" first in the class is literal
    while pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1
