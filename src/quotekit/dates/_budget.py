"""The date normalizer's work limit, counted in match attempts so it is the same on any machine.

A wall-clock limit gives a different Document on a busy machine than on an idle one: one long
paragraph of date-like text once came out with 0 dates under load and 172,414 without. The
limit here counts what the scan does instead. Each attempt tries the grammar at one
candidate start over at most a long expression's length of text, so attempts bound the work;
a line may spend a floor plus a share per character, several times what the densest text
needs (docs/dates.md gives the measured figures). A line that runs out stops being read at
that point, with a ``date-budget`` diagnostic; the lines before and after it are read in full.
``regex``'s own timeout stays on every call as the last guard against a pathological pattern.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["ATTEMPTS_FLOOR", "ATTEMPTS_PER_CHAR", "Budget"]

#: Attempts any line may make, however short.
ATTEMPTS_FLOOR: Final = 2_000
#: Attempts per character of the line on top of the floor.
ATTEMPTS_PER_CHAR: Final = 0.5


@attrs.define
class Budget:
    """Match attempts each line of ``text[:stop]`` may make, and the stretches left unread.

    A line (a paragraph of news text) gets ``ATTEMPTS_FLOOR + ATTEMPTS_PER_CHAR * length``
    attempts; once they are spent the rest of that line is skipped and the next line starts
    with its own allowance. Candidates must be offered in reading order.
    """

    text: str
    stop: int
    #: (start, end) of each stretch whose candidates were not tried, in order.
    skipped: list[tuple[int, int]] = attrs.field(factory=list)
    _line_end: int = -1
    _left: int = 0

    def spend(self, at: int) -> bool:
        """Spend one attempt at offset ``at``; ``False`` when its line has none left."""
        if at >= self._line_end:
            line_start = self.text.rfind("\n", max(self._line_end, 0), at) + 1 or max(self._line_end, 0)
            line_end = self.text.find("\n", at, self.stop)
            self._line_end = self.stop if line_end == -1 else line_end
            self._left = ATTEMPTS_FLOOR + int(ATTEMPTS_PER_CHAR * (self._line_end - line_start))
        if self._left <= 0:
            if not self.skipped or self.skipped[-1][1] != self._line_end:
                self.skipped.append((at, self._line_end))
            return False
        self._left -= 1
        return True
