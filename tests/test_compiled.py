"""The persistent cache of compiled patterns: same patterns back, and no harm when it is broken."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from quotekit import _compiled

PATTERNS = [
    (r"(?P<day>\d{1,2})\.\s*(?P<month>Januar|Februar|März)\s+(?P<year>\d{4})", regex.IGNORECASE),
    (r"(?<![\w])(?:said|sagte|erklärte)(?![\w])", regex.IGNORECASE | regex.VERSION1),
    (r"[„“\"](?P<quote>[^„“\"]{1,200})[“”\"]", 0),
    (r"\p{Lu}\p{Ll}++(?:\s++\p{Lu}\p{Ll}++)*+", 0),
]
TEXT = 'Am 3. März 2025 sagte Anna Weber: „Wir sind bereit.“ He SAID "fine" on 12. januar 1999.'


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(_compiled.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(_compiled.NO_CACHE_ENV, raising=False)
    monkeypatch.setattr(_compiled, "_store", None)
    return tmp_path


def _behaviour(pattern: regex.Pattern[str]) -> list[object]:
    return [
        pattern.pattern,
        pattern.flags,
        dict(pattern.groupindex),
        [(m.span(), m.groupdict(), m.group()) for m in pattern.finditer(TEXT)],
    ]


def test_a_cached_pattern_behaves_as_a_freshly_compiled_one(cache_dir: Path) -> None:
    fresh = [_compiled.compile(pattern, flags) for pattern, flags in PATTERNS]
    _compiled._save_at_exit()
    path = _compiled.cache_file()
    assert path is not None
    assert path.parent == cache_dir
    assert path.exists()
    # a new process's view: the file read anew, nothing parsed
    _compiled._store = None

    def no_parsing(pattern: str, flags: int) -> None:
        pytest.fail(f"{pattern!r} was parsed again instead of read from the cache")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_compiled, "_compile_recording", no_parsing)
        cached = [_compiled.compile(pattern, flags) for pattern, flags in PATTERNS]
    for pattern, flags in PATTERNS:
        assert (
            _behaviour(regex.compile(pattern, flags)) == _behaviour(fresh.pop(0)) == _behaviour(cached.pop(0))
        )


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\x00" * 64])
def test_a_corrupt_cache_file_is_ignored_and_replaced(cache_dir: Path, content: bytes) -> None:
    path = _compiled.cache_file()
    assert path is not None
    path.write_bytes(content)
    pattern, flags = PATTERNS[0]
    assert _behaviour(_compiled.compile(pattern, flags)) == _behaviour(regex.compile(pattern, flags))
    _compiled._save_at_exit()
    _compiled._store = None
    assert _behaviour(_compiled.compile(pattern, flags)) == _behaviour(regex.compile(pattern, flags))


def test_a_damaged_cache_file_is_not_read(cache_dir: Path) -> None:
    for pattern, flags in PATTERNS:
        _compiled.compile(pattern, flags)
    _compiled._save_at_exit()
    path = _compiled.cache_file()
    assert path is not None
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0xFF  # one flipped byte in the middle of the opcodes
    path.write_bytes(bytes(content))
    assert _compiled._read(path) == {}
    _compiled._store = None
    for pattern, flags in PATTERNS:
        assert _behaviour(_compiled.compile(pattern, flags)) == _behaviour(regex.compile(pattern, flags))


def test_the_cache_can_be_turned_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_compiled.NO_CACHE_ENV, "1")
    assert _compiled.cache_file() is None
    pattern, flags = PATTERNS[2]
    assert _behaviour(_compiled.compile(pattern, flags)) == _behaviour(regex.compile(pattern, flags))
    assert not list(cache_dir.iterdir())


def test_an_unwritable_cache_directory_costs_nothing_but_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    code = "import quotekit; print(quotekit.extract('Er sagte am Freitag: „Ja.“').timexes[0].text)"
    env = {**os.environ, _compiled.CACHE_DIR_ENV: str(blocker / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Freitag"
    assert not result.stderr


def test_a_second_process_reads_what_the_first_wrote(tmp_path: Path) -> None:
    code = (
        "import quotekit, quotekit._compiled as c\n"
        "parsed = []\n"
        "real = c._compile_recording\n"
        "c._compile_recording = lambda p, f: parsed.append(p) or real(p, f)\n"
        "doc = quotekit.extract('The minister said on Friday: \"We are ready.\"')\n"
        "print(len(parsed), doc.timexes[0].text)\n"
    )
    env = {**os.environ, _compiled.CACHE_DIR_ENV: str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    first, second = (run.stdout.split() for run in runs)
    assert int(first[0]) > 0
    assert second == ["0", "Friday"]
