"""Where the command line's output goes, so that nothing already written is lost.

- ``-o OUT`` writes to a temporary file beside ``OUT`` and renames it over ``OUT`` when the
  run ends (a rename within one directory is atomic): a run that cannot read its input, or
  cannot write, leaves the old ``OUT`` as it was.
- ``--append`` writes at the end of ``OUT`` after cutting a torn last line (one a killed run
  left half written); the ids already in ``OUT`` are known, so the run can skip them.
- Records are written whole: Ctrl-C during a write is held until the line is out.
- Every record is strict JSON (:func:`quotekit.serialize.dumps`); several documents in the
  ``json`` form make one JSON array.
- A failing write (disk full, a closed pipe, a missing directory) raises :class:`OutputError`,
  which the command line reports in one line.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any

from quotekit.serialize import dumps

__all__ = ["InterruptGuard", "OutputError", "RecordWriter", "Sink", "done_in", "encode_record"]


class OutputError(Exception):
    """The output cannot be opened or written; ``str()`` says which and why."""


class InterruptGuard:
    """Turns SIGINT into ``KeyboardInterrupt`` except while a record is being written.

    Inside :meth:`writing`, a Ctrl-C is held and raised when the write is done, so the output
    ends with a whole line. Installed only in the main thread (where Python runs handlers).
    """

    def __init__(self) -> None:
        self._writing = False
        self._pending = False
        self._previous: Any = None

    def __enter__(self) -> InterruptGuard:  # noqa: PYI034 - typing.Self needs Python 3.11
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if self._writing:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """A stretch in which Ctrl-C waits."""
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt


def done_in(path: str) -> tuple[set[str], set[int]]:
    """What an earlier run wrote to the JSON-lines file ``path``: record ids and id-less errors.

    The second set holds the input line numbers of error records without an id (a line that
    is not JSON): a resumed run reports those again only if they are not there yet.
    """
    ids: set[str] = set()
    lines: set[int] = set()
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as stream:  # noqa: PTH123
            for line in stream:
                if not line.endswith("\n"):
                    break  # torn: Sink cuts it before appending
                with contextlib.suppress(ValueError, RecursionError):
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        continue
                    if record.get("id") is not None:
                        ids.add(str(record["id"]))
                    elif "error" in record and isinstance(record.get("line"), int):
                        lines.add(record["line"])
    except FileNotFoundError:
        pass
    except OSError as error:
        msg = f"{path}: cannot read to resume: {error}"
        raise OutputError(msg) from error
    return ids, lines


class Sink:
    """The output stream: standard output, a file replaced on success, or a file appended to."""

    def __init__(self, path: str | None, *, append: bool = False) -> None:
        self.path = path
        self.name = path or "<stdout>"
        self._temp: str | None = None
        try:
            if path is None:
                self.stream: IO[str] = sys.stdout
            elif append:
                _cut_torn_line(path)
                self.stream = open(path, "a", encoding="utf-8")  # noqa: SIM115, PTH123 - closed in finish
            else:
                target = Path(path)
                handle, self._temp = tempfile.mkstemp(
                    dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
                )
                self.stream = os.fdopen(handle, "w", encoding="utf-8")
        except OSError as error:
            msg = f"cannot write {self.name}: {_reason(error)}"
            raise OutputError(msg) from error

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except OSError as error:  # BrokenPipeError, ENOSPC, EIO ...
            msg = f"cannot write {self.name}: {_reason(error)}"
            raise OutputError(msg) from error

    def finish(self, *, keep: bool) -> None:
        """Close the output; a new file replaces ``path`` only when ``keep`` is true."""
        if self.path is None:
            self.write("")  # flushes standard output, reporting a closed pipe as any write
            return
        try:
            self.stream.close()
        except OSError as error:
            self._discard()
            msg = f"cannot write {self.name}: {_reason(error)}"
            raise OutputError(msg) from error
        if self._temp is None:
            return
        if not keep:
            self._discard()
            return
        try:
            Path(self._temp).replace(self.path)
        except OSError as error:
            self._discard()
            msg = f"cannot write {self.name}: {_reason(error)}"
            raise OutputError(msg) from error

    def abandon(self) -> None:
        """After an output error: close what can be closed, keep the old file."""
        with contextlib.suppress(OSError):
            if self.path is not None:
                self.stream.close()
        self._discard()
        if self.path is None:
            # a closed pipe: later flushes (at exit too) must not fail again
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())

    def _discard(self) -> None:
        if self._temp is not None:
            with contextlib.suppress(OSError):
                Path(self._temp).unlink()
            self._temp = None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _cut_torn_line(path: str) -> None:
    """Cut a last line without its line break: a killed run's half record."""
    try:
        with open(path, "rb+") as stream:  # noqa: PTH123
            size = stream.seek(0, os.SEEK_END)
            if size == 0:
                return
            stream.seek(size - 1)
            if stream.read(1) == b"\n":
                return
            # walk back to the last line break, a block at a time
            position = size
            while position > 0:
                step = min(position, 1 << 16)
                stream.seek(position - step)
                block = stream.read(step)
                cut = block.rfind(b"\n")
                if cut >= 0:
                    stream.truncate(position - step + cut + 1)
                    return
                position -= step
            stream.truncate(0)
    except FileNotFoundError:
        return


def encode_record(data: dict[str, Any], fmt: str) -> str:
    """One record as the ``fmt`` output writes it: a JSON line, or an indented JSON document.

    Raises ``ValueError`` when ``data`` has no JSON form. Kept apart from :class:`RecordWriter`
    so that a worker process can encode the records it made (the writer then only frames them).
    """
    if fmt == "jsonl":
        return dumps(data) + "\n"
    return dumps(data, indent=2)


class RecordWriter:
    """Writes records as JSON lines, one JSON document, or a JSON array of several."""

    def __init__(self, sink: Sink, fmt: str, guard: InterruptGuard, *, several: bool) -> None:
        self.sink, self.fmt, self.guard = sink, fmt, guard
        self.array = fmt == "json" and several
        self.count = 0

    def text(self, text: str) -> None:
        """Write ``text`` as it is (the table form)."""
        with self.guard.writing():
            self.sink.write(text)
        self.count += 1

    def record(self, data: dict[str, Any]) -> None:
        """Write one record; raises ``ValueError`` (nothing written) if it has no JSON form."""
        self.encoded(encode_record(data, self.fmt))

    def encoded(self, body: str) -> None:
        """Write one record that :func:`encode_record` encoded in this writer's form."""
        if self.fmt != "jsonl":
            if self.array:
                body = ("[\n" if self.count == 0 else ",\n") + body
            else:
                body += "\n"
        with self.guard.writing():
            self.sink.write(body)
        self.count += 1

    def close(self) -> None:
        """End the JSON array (an empty one when nothing was written)."""
        if self.array:
            with self.guard.writing():
                self.sink.write("[]\n" if self.count == 0 else "\n]\n")
