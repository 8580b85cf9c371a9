"""The command line's progress bar: documents done, rate and time left, on stderr.

tqdm draws it (docs/cli.md says why tqdm over rich). It is off when stderr is not a terminal
(a log file or a pipe gets no carriage-return noise) and with ``--quiet``; messages written
while it is shown go through :meth:`Progress.write` so they do not tear the bar.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from tqdm import tqdm

__all__ = ["Progress"]


class Progress:
    """A context manager around one tqdm bar, or nothing when it is off."""

    _active: tqdm[Any] | None = None

    def __init__(self, *, total: int | Callable[[], int | None] | None, quiet: bool) -> None:
        # A callable total is only called when a bar is drawn: counting the lines of a large
        # input reads all of it once, which a run without a bar need not do.
        self._total = total
        self._enabled = not quiet and sys.stderr.isatty()
        self._bar: tqdm[Any] | None = None

    def __enter__(self) -> Progress:  # noqa: PYI034 - typing.Self needs Python 3.11
        if self._enabled:
            total = self._total() if callable(self._total) else self._total
            self._bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False)
            Progress._active = self._bar
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
            Progress._active = None

    @property
    def enabled(self) -> bool:
        """Whether a bar is drawn."""
        return self._enabled

    def update(self, count: int = 1) -> None:
        """``count`` more documents done."""
        if self._bar is not None:
            self._bar.update(count)

    @staticmethod
    def write(message: str) -> None:
        """Print ``message`` on stderr above the bar (or plainly when there is none)."""
        if Progress._active is not None:
            tqdm.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)  # noqa: T201 - the command line's own messages
