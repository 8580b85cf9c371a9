"""Fuzz the CLI's JSONL reader: ``quotekit extract --jsonl`` on arbitrary bytes, file and stdin.

Every run must end with exit status 0 (all records fine) or 1 (some record reported), never
with an exception, and every output line must be a JSON object.
"""

import contextlib
import io
import json
import os
import sys
import tempfile

from _harness import main
from atheris import instrument_imports

with instrument_imports(include=["quotekit"]):
    from quotekit import cli

#: Finding 1 (tests/test_properties_fuzz_regressions.py): with strict standard input (an
#: en_US.UTF-8 locale, PYTHONIOENCODING=utf-8) invalid UTF-8 on stdin ends the CLI with a
#: traceback. Until cli.py reads stdin with surrogateescape, such inputs skip the stdin run so
#: the fuzzer can look further; FUZZ_KNOWN_BUGS=1 puts them back.
SKIP_KNOWN = os.environ.get("FUZZ_KNOWN_BUGS") != "1"

WORKDIR = tempfile.mkdtemp(prefix="quotekit-fuzz-")
INPUT = os.path.join(WORKDIR, "in.jsonl")  # noqa: PTH118 - one fixed path, reused per run


def run_cli(argv: list[str], stdin: io.TextIOBase | None = None) -> str:
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = stdin
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(argv)
    finally:
        sys.stdin = saved_stdin
    if status not in (cli.EXIT_OK, cli.EXIT_RECORD_FAILED):
        msg = f"exit status {status}: {err.getvalue()[:300]}"
        raise AssertionError(msg)
    return out.getvalue()


def check_output(output: str) -> None:
    for line in output.splitlines():
        if not isinstance(json.loads(line), dict):
            msg = f"output line is not a JSON object: {line[:100]!r}"
            raise AssertionError(msg)  # noqa: TRY004 - a failed check, not a caller's type error


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_one_input(data: bytes) -> None:
    with open(INPUT, "wb") as handle:  # noqa: PTH123
        handle.write(data)
    check_output(run_cli(["extract", "--jsonl", INPUT]))
    if data[:1] == b"{" and not (SKIP_KNOWN and not _is_utf8(data)):
        # Standard input as Python opens it: UTF-8, strict errors (the C/POSIX locale aside).
        stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict")
        check_output(run_cli(["extract", "--jsonl", "-"], stdin=stdin))


if __name__ == "__main__":
    main(test_one_input)
