"""Compiled regular expressions kept across processes, so a fresh process starts fast.

``regex`` parses a pattern in Python before its C core compiles it. The date grammars alone
are a few large case-insensitive alternations that take one to two seconds to parse, paid by
every CLI call and every worker process. What the parser hands the C core (the opcode list,
the group tables) depends only on the pattern, its flags, the ``regex`` release and the Python
that runs it, so :func:`compile` stores it in the user cache directory, one entry per pattern
and flags, in a file whose name carries those versions; the next process rebuilds the pattern
from it in microseconds.

The entries are keyed by the pattern text itself: a plugin whose tables change a pattern simply
adds an entry, and a new release of quotekit needs no invalidation. A new ``regex`` or Python
reads a new file. Anything unexpected (no writable cache directory, a file whose checksum does
not match, a ``regex`` release whose internals differ) falls back to compiling as usual: the
cache can make start-up faster, never a result different. The file is trusted as the user's
own: whoever can write to the user's cache directory can change their programs anyway.

``QUOTEKIT_CACHE_DIR`` moves the cache; ``QUOTEKIT_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Final

import regex

__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "cache_file", "compile"]

CACHE_DIR_ENV: Final = "QUOTEKIT_CACHE_DIR"
NO_CACHE_ENV: Final = "QUOTEKIT_NO_CACHE"
#: Entries kept in one file; past it, only the patterns this process used are written back.
MAX_ENTRIES: Final = 4000
_FORMAT: Final = 1
_DIGEST_SIZE: Final = 32  # sha256

_Key = tuple[str, int]
_Args = tuple[Any, ...]


def cache_file() -> Path | None:
    """The file this process reads and writes, or ``None`` when caching is off."""
    if os.environ.get(NO_CACHE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}:
        return None
    directory = os.environ.get(CACHE_DIR_ENV)
    if directory is None:
        import platformdirs

        directory = platformdirs.user_cache_dir("quotekit", appauthor=False)
    tag = f"{regex.__version__}-{sys.implementation.cache_tag}-m{marshal.version}-v{regex.DEFAULT_VERSION}"
    return Path(directory) / f"regex-{tag}.bin"


class _Store:
    """The entries of one cache file, loaded on first use and written back at exit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[_Key, _Args] = _read(path)
        self.used: set[_Key] = set()
        self.added = False

    def save(self) -> None:
        if not self.added:
            return
        entries = {**_read(self.path), **self.entries}  # another process may have added some
        if len(entries) > MAX_ENTRIES:
            entries = {key: args for key, args in entries.items() if key in self.used}
        with contextlib.suppress(OSError, ValueError):
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-", suffix=".tmp")
            try:
                payload = marshal.dumps({"format": _FORMAT, "entries": entries})
                with os.fdopen(handle, "wb") as out:
                    out.write(hashlib.sha256(payload).digest() + payload)
                Path(temporary).replace(self.path)  # readers see the old file or the new, whole
            finally:
                with contextlib.suppress(OSError):
                    Path(temporary).unlink()
        self.added = False


def _read(path: Path) -> dict[_Key, _Args]:
    try:
        content = path.read_bytes()
    except OSError:
        return {}
    digest, payload = content[:_DIGEST_SIZE], content[_DIGEST_SIZE:]
    # regex's C compiler trusts what it is given: a damaged entry could crash the process, so
    # a file whose checksum does not match (a torn write, a bad disk) is not read at all.
    if hashlib.sha256(payload).digest() != digest:
        return {}
    try:
        # The user's own cache directory (created 0o700), written whole by this module only.
        data = marshal.loads(payload)  # noqa: S302
    except (ValueError, EOFError, TypeError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != _FORMAT
        or not isinstance(data.get("entries"), dict)
    ):
        return {}
    entries: dict[_Key, _Args] = data["entries"]
    return entries


_lock = threading.RLock()
_store: _Store | None = None
_store_path: Path | None = None


def _after_fork_in_child() -> None:
    # A worker forked while another thread held the lock would wait for it forever.
    global _lock  # noqa: PLW0603 - the process's one lock, replaced in the child
    _lock = threading.RLock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _current_store() -> _Store | None:
    global _store, _store_path
    path = cache_file()
    if path is None:
        return None
    with _lock:
        if _store is None or _store_path != path:
            if _store is not None:
                _store.save()
            else:
                atexit.register(_save_at_exit)
            _store, _store_path = _Store(path), path
        return _store


def _save_at_exit() -> None:
    with _lock:
        if _store is not None:
            _store.save()


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - regex.compile's twin
    """``regex.compile(pattern, flags)``, served from the cache when this pattern was seen before."""
    store = _current_store()
    if store is None:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))
    with _lock:
        args = store.entries.get(key)
        if args is not None:
            try:
                compiled = _core().compile(*args)
            except Exception:  # noqa: BLE001 - a stale or foreign entry: compile it afresh
                del store.entries[key]
            else:
                if compiled.pattern == pattern:
                    store.used.add(key)
                    return compiled  # type: ignore[no-any-return]
                del store.entries[key]
        compiled, recorded = _compile_recording(pattern, flags)
        if recorded is not None:
            store.entries[key] = recorded
            store.used.add(key)
            store.added = True
        return compiled


def _core() -> Any:
    """Regex's C module: what turns the parsed form into a pattern object."""
    import regex._main as regex_main

    core = vars(regex_main)["_regex"]  # the compiler's second half, see the module docstring
    return core._real if isinstance(core, _Recorder) else core  # noqa: SLF001


class _Recorder:
    """Stands in for regex's C module during one compile, keeping what the parser hands it."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._thread = threading.get_ident()
        self.recorded: _Args | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        if threading.get_ident() == self._thread and self.recorded is None:
            # flags arrive as regex.RegexFlag, which marshal cannot store: plain ints compile the same
            self.recorded = tuple(int(arg) if isinstance(arg, int) else arg for arg in args)
        return self._real.compile(*args)


def _compile_recording(pattern: str, flags: int) -> tuple[regex.Pattern[str], _Args | None]:
    """The compiled pattern and the arguments its C half received (``None`` if not seen)."""
    try:
        import regex._main as regex_main

        real = vars(regex_main)["_regex"]
    except (ImportError, KeyError):
        return regex.compile(pattern, flags), None
    recorder = _Recorder(real)
    vars(regex_main)["_regex"] = recorder
    try:
        compiled = regex.compile(pattern, flags, cache_pattern=False)
    finally:
        vars(regex_main)["_regex"] = real
    recorded = recorder.recorded
    if recorded is None:
        return compiled, None
    try:
        marshal.dumps(recorded)
    except ValueError:  # a type this regex release uses that marshal cannot store
        return compiled, None
    return compiled, recorded
