"""The command line on good and bad input, run in-process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotekit.cli import main

ARTICLE = "„Wir halten Kurs“, sagte die Ministerin. Die Opposition ist nicht überzeugt.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_extract_a_file_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    status, out, _ = run(["extract", str(path)], capsys)
    assert status == 0
    doc = json.loads(out)
    assert doc["schema_version"] == 1
    assert doc["lang"] == "de"
    assert doc["id"] == str(path)
    for key in ("published", "boilerplate", "posts", "quotes", "timexes", "diagnostics"):
        assert key in doc


def test_table_format_is_for_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    status, out, _ = run(["extract", "--format", "table", "--published", "2025-03-14", str(path)], capsys)
    assert status == 0
    assert "lang=de" in out
    assert "published=2025-03-14 (given)" in out
    assert "-- quotes" in out


def test_missing_file_is_reported_and_others_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    status, out, err = run(["extract", "--format", "jsonl", str(tmp_path / "missing.txt"), str(path)], capsys)
    assert status == 1
    assert "missing.txt: cannot read" in err
    assert len(out.splitlines()) == 1


def test_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLE, "published": "2025-03-14"}),
        "{not json",
        json.dumps({"id": "c", "body": "no text field"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "f", "text": 42}),
        json.dumps({"id": "g", "text": "Hallo", "published": "letzte Woche"}),
        json.dumps({"id": 7, "text": "The end is here."}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    status, out, err = run(["extract", "--jsonl", str(source), "-o", str(target)], capsys)
    assert status == 1
    assert out == ""
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == ["a", None, "c", None, "f", "g", 7]
    assert [r.get("line") for r in records if "error" in r] == [2, 3, 4, 6, 7]
    assert records[0]["published"] == "2025-03-14"
    assert records[-1]["lang"] == "en"
    for number in (2, 3, 4, 6, 7):
        assert f"in.jsonl:{number}:" in err


def test_jsonl_survives_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "bad \xff byte"}\n')
    status, out, err = run(["extract", "--jsonl", str(source)], capsys)
    assert status == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0]["id"] == "a"
    assert "error" in records[1]
    assert "UTF-8" in err


def test_lone_surrogates_in_json_still_give_valid_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "s", "text": "half \\ud800 a pair"}\n', encoding="utf-8")
    status, out, _ = run(["extract", "--jsonl", str(source)], capsys)
    assert status == 0
    assert json.loads(out)["text"] == "half \ud800 a pair"


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["extract"], capsys)[0] == 2
    assert run(["extract", "a.txt", "--jsonl", "b.jsonl"], capsys)[0] == 2
    status, _, err = run(["extract", "--disable", "nope", "-"], capsys)
    assert status == 2
    assert "cannot disable ['nope']" in err


def test_plugins_lists_the_order(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["plugins"], capsys)
    assert status == 0
    names = [line.split()[1] for line in out.splitlines()[1:]]
    assert names[:2] == ["language", "posts"]
    assert "quotekit.builtins" in out


def test_python_dash_m_and_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quotekit", "extract", "--format", "jsonl", "-"],
        input="The minister said the plan was ready.",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["lang"] == "en"
