"""Issue 19, item 6 (and the CLI part of 15): the command line never loses what it had.

Each test starts from an audit's failure: a typo in the input name emptied the old output, a
full disk or a closed pipe ended in a traceback, Ctrl-C left half a line, a deeply nested or
NaN record ended the run or leaked non-JSON, several files made concatenated JSON objects.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from quotekit import cli
from quotekit._output import _cut_torn_line
from quotekit._progress import Progress

TEXT = "„Wir sind bereit“, sagte die Ministerin am Freitag.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(name)

    return json.loads(text, parse_constant=refuse)


def test_a_typo_in_the_input_name_keeps_the_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    out.write_text('{"old": true}\n', encoding="utf-8")
    status, _, err = run(["extract", str(tmp_path / "artcle.txt"), "-o", str(out)], capsys)
    assert status == 1
    assert "cannot read" in err
    assert out.read_text(encoding="utf-8") == '{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], "no temporary file is left"


def test_a_successful_run_replaces_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, out = tmp_path / "a.txt", tmp_path / "out.json"
    source.write_text(TEXT, encoding="utf-8")
    out.write_text("old", encoding="utf-8")
    status, _, _ = run(["extract", str(source), "-o", str(out)], capsys)
    assert status == 0
    assert strict_json(out.read_text(encoding="utf-8"))["quotes"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.json"]


def test_several_inputs_make_one_json_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = []
    for index in range(3):
        path = tmp_path / f"{index}.txt"
        path.write_text(TEXT, encoding="utf-8")
        names.append(str(path))
    status, out, _ = run(["extract", *names], capsys)
    assert status == 0
    assert [doc["id"] for doc in strict_json(out)] == names
    status, out, _ = run(["extract", names[0]], capsys)
    assert strict_json(out)["id"] == names[0], "one input stays one object"
    status, out, _ = run(["extract", "--format", "jsonl", *names], capsys)
    assert [strict_json(line)["id"] for line in out.splitlines()] == names


def test_jsonl_in_json_form_is_an_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    status, out, _ = run(["extract", "--jsonl", str(source), "--format", "json"], capsys)
    assert status == 1
    assert [record.get("error") is None for record in strict_json(out)] == [True, False]


def test_append_skips_ids_already_written_and_cuts_a_torn_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        "".join(json.dumps({"id": name, "text": TEXT}) + "\n" for name in ("a", "b", "c")), encoding="utf-8"
    )
    out.write_text('{"id": "a", "text": "done before"}\n{"id": "b", "te', encoding="utf-8")
    status, _, err = run(["extract", "--jsonl", str(source), "-o", str(out), "--resume"], capsys)
    assert status == 0, err
    records = [strict_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["a", "b", "c"]
    assert records[0]["text"] == "done before"
    assert "skipped 1" in err


def test_resume_does_not_write_an_unreadable_lines_error_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('{"id": "a", "text": "x"}\nnot json\n{"id": "c", "text": "y"}\n', encoding="utf-8")
    status, _, _ = run(["extract", "--jsonl", str(source), "-o", str(out)], capsys)
    assert status == 1
    first = out.read_text(encoding="utf-8")
    status, _, err = run(["extract", "--jsonl", str(source), "-o", str(out), "--resume"], capsys)
    assert out.read_text(encoding="utf-8") == first, "nothing is added: every line was answered"
    assert "skipped 3" in err
    # an unreadable line the output does not answer yet is reported
    source.write_text(source.read_text(encoding="utf-8") + "{torn\n", encoding="utf-8")
    status, _, err = run(["extract", "--jsonl", str(source), "-o", str(out), "--resume"], capsys)
    assert status == 1
    errors = [strict_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record.get("line") for record in errors if "error" in record] == [2, 4]


def test_append_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["extract", "--jsonl", "-", "--append"], capsys)
    assert status == 2
    assert "--append" in err


def test_cutting_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    for content, kept in [
        (b"", b""),
        (b"a\n", b"a\n"),
        (b"a\nb", b"a\n"),
        (b"torn", b""),
        (b"a\n" * 40000 + b"x" * 70000, b"a\n" * 40000),
    ]:
        path.write_bytes(content)
        _cut_torn_line(str(path))
        assert path.read_bytes() == kept


def test_a_missing_output_directory_is_an_output_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    status, _, err = run(["extract", str(source), "-o", str(tmp_path / "no" / "out.json")], capsys)
    assert status == cli.EXIT_OUTPUT
    assert err.startswith("quotekit: output error: cannot write")
    assert "Traceback" not in err


class ClosedPipe(io.StringIO):
    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_is_an_output_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    status = cli.main(["extract", str(source)])
    err = capsys.readouterr().err
    assert status == cli.EXIT_OUTPUT
    assert "output error: cannot write <stdout>: Broken pipe" in err


def _subprocess_env() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEKIT_")}
    environment["QUOTEKIT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return environment


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_an_output_error(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "quotekit", "extract", str(source)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_subprocess_env(),
            check=False,
        )
    assert result.returncode == cli.EXIT_OUTPUT
    assert "output error" in result.stderr
    assert "No space left" in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_prints_one_line_keeps_whole_lines_and_exits_130() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "quotekit", "extract", "--jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_subprocess_env(),
    )
    assert process.stdin is not None
    assert process.stdout is not None
    for name in ("a", "b"):
        process.stdin.write(json.dumps({"id": name, "text": TEXT}) + "\n")
    process.stdin.flush()
    first = [process.stdout.readline(), process.stdout.readline()]
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.strip().splitlines() == ["quotekit: interrupted; 2 records written"]
    assert [strict_json(line)["id"] for line in first] == ["a", "b"]
    assert rest == ""


def test_nesting_deeper_than_the_parser_allows_is_a_record_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    source.write_text(deep + "\n" + json.dumps({"id": "after", "text": TEXT}) + "\n", encoding="utf-8")
    status, out, err = run(["extract", "--jsonl", str(source)], capsys)
    assert status == 1
    records = [strict_json(line) for line in out.splitlines()]
    assert records[0]["line"] == 1
    assert "nested deeper" in records[0]["error"]
    assert records[1]["id"] == "after"
    assert f"{source}:1:" in err


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_rejected_per_record(
    constant: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        f'{{"id": {constant}, "text": "x"}}\n{{"id": "ok", "text": "x", "n": 1e400}}\n', encoding="utf-8"
    )
    status, out, _ = run(["extract", "--jsonl", str(source)], capsys)
    assert status == 1
    records = [strict_json(line) for line in out.splitlines()]  # strict JSON throughout
    assert "NaN or Infinity" in records[0]["error"]
    assert records[0]["id"] is None
    assert records[1]["id"] == "ok"


def test_encoding_reads_files_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("Die Bürgermeisterin sagte, es sei vorbei.".encode("latin-1"))
    status, _, err = run(["extract", str(source)], capsys)
    assert status == 1
    assert "cannot read" in err
    assert "pass --encoding" in err, "the error says what to pass"
    status, out, _ = run(["extract", "--encoding", "latin-1", str(source)], capsys)
    assert status == 0
    assert "Bürgermeisterin" in strict_json(out)["text"]
    status, _, err = run(["extract", "--encoding", "no-such-codec", str(source)], capsys)
    assert status == 2
    assert "unknown encoding" in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with Progress(total=3, quiet=False) as progress:
        for _ in range(3):
            progress.update()
    assert "/3 [" in terminal.getvalue()  # documents done of 3, then time, ETA, rate
    assert "doc/s" in terminal.getvalue()
    for quiet, stream in [(True, Terminal()), (False, io.StringIO())]:
        monkeypatch.setattr(sys, "stderr", stream)
        with Progress(total=3, quiet=quiet) as progress:
            progress.update()
        assert stream.getvalue() == ""


def test_the_documents_are_counted_only_for_a_bar_that_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    counted: list[bool] = []

    def count() -> int:
        counted.append(True)
        return 5

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with Progress(total=count, quiet=False):
        pass
    assert counted == []  # no terminal: a large input is not read an extra time
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with Progress(total=count, quiet=False) as progress:
        progress.update()
    assert counted == [True]
    assert "/5 [" in terminal.getvalue()


def test_a_page_that_is_not_utf8_read_as_text_is_told_to_pass_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    html = '<!DOCTYPE html><html lang="de"><head><meta charset="windows-1252"></head>'
    page.write_bytes((html + "<body><p>Grüße aus Köln, sagte sie.</p></body></html>").encode("cp1252"))
    status, _, err = run(["extract", str(page)], capsys)
    assert status == 1
    assert "looks like HTML: pass --html" in err
    status, out, _ = run(["extract", "--html", str(page)], capsys)
    assert status == 0
    assert "Grüße aus Köln" in strict_json(out)["text"]
