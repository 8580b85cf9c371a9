"""The date normalizer's work limit, counted in match attempts so it is the same on any machine.

A wall-clock limit gives a different Document on a busy machine than on an idle one: one long
paragraph of date-like text once came out with 0 dates under load and 172,414 without. The
limit here counts what the scan does instead. Each attempt tries the grammar at one
candidate start over at most a long expression's length of text, so attempts bound the work;
a block may spend a floor plus a share per character, several times what the densest real text
needs (docs/dates.md gives the measured figures). A block that runs out stops being read at
that point, with a ``date-budget`` diagnostic; the blocks before and after it are read in full.
``regex``'s own timeout stays on every call as the last guard against a pathological pattern.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["ATTEMPTS_FLOOR", "ATTEMPTS_PER_CHAR", "Budget"]

#: Attempts any block may make, however short.
ATTEMPTS_FLOOR: Final = 2_000
#: Attempts per character of the block on top of the floor.
ATTEMPTS_PER_CHAR: Final = 0.5


@attrs.define
class Budget:
    """Match attempts one scan of a block may make; where it stopped when they ran out."""

    limit: int
    spent: int = 0
    #: The offset of the first candidate start left untried, once the budget ran out.
    exhausted_at: int | None = None

    @classmethod
    def for_block(cls, start: int, stop: int) -> Budget:
        """The budget of the block ``start``-``stop``."""
        return cls(limit=ATTEMPTS_FLOOR + int(ATTEMPTS_PER_CHAR * max(0, stop - start)))

    def spend(self, at: int) -> bool:
        """Spend one attempt at offset ``at``; ``False`` (and remember ``at``) once none are left."""
        if self.spent >= self.limit:
            if self.exhausted_at is None:
                self.exhausted_at = at
            return False
        self.spent += 1
        return True
