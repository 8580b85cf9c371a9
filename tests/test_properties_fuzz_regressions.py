"""Inputs the fuzzers (fuzz/) found, kept as regression tests. Each names its harness."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

FINDINGS = Path(__file__).resolve().parents[1] / "fuzz" / "findings"


def run_cli_on_stdin(data: bytes) -> subprocess.CompletedProcess[bytes]:
    # Standard input decoded strictly, as Python does under an en_US.UTF-8 locale or with
    # PYTHONIOENCODING=utf-8 (under C.UTF-8 it uses surrogateescape and hides the bug).
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    return subprocess.run(
        [sys.executable, "-m", "quotekit", "extract", "--jsonl", "-"],
        input=data,
        capture_output=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'{"text": "caf\xe9"}\n', id="latin-1-byte"),
        pytest.param(FINDINGS.joinpath("cli_jsonl-stdin-invalid-utf8.jsonl").read_bytes(), id="fuzzer-input"),
    ],
)
def test_invalid_utf8_on_stdin_is_a_reported_record_not_a_traceback(data):
    result = run_cli_on_stdin(data)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")[-500:]
    assert result.returncode == 1
    assert b"not valid UTF-8" in result.stdout


def test_invalid_utf8_in_a_file_is_a_reported_record(tmp_path):
    # The file path of the same input was always fine: files are read with surrogateescape.
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    result = subprocess.run(
        [sys.executable, "-m", "quotekit", "extract", "--jsonl", str(path)], capture_output=True, check=False
    )
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert "not valid UTF-8" in lines[0]
    assert '"text": "ok"' in lines[1]
