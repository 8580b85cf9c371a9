"""extract_many over worker processes: order, bad items, crashed workers, scripts without a guard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import quotekit
from quotekit import Document, ExtractorError, Pipeline
from quotekit._parallel import GUARD_HELP

TEXTS = [
    "„Wir sind bereit“, sagte die Ministerin am Freitag.",
    'The minister said on Monday: "We are ready."',
    "Kein Zitat, nur ein Satz über das Wetter.",
    "Er erklärte gestern, die Lage sei ernst.",
    "Officials said the talks would resume next week.",
]


class CrashOn:
    """Kills its worker process on a document holding ``word``: a segfault as a test sees it."""

    name = "crash-on"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("test.crash",)

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, doc: Document, /) -> Document:
        if self.word in doc.text and os.getpid() != PARENT:
            os._exit(3)
        return doc


class Failing:
    name = "failing"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("test.failing",)

    def __call__(self, doc: Document, /) -> Document:
        raise RuntimeError("boom")


PARENT = os.getpid()
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux")


def test_order_and_documents_match_one_process() -> None:
    items = [*TEXTS * 3, {"text": TEXTS[0], "id": "a", "published": "2025-03-14"}]
    assert list(quotekit.extract_many(items, n_process=2, batch_size=3)) == list(quotekit.extract_many(items))


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_bad_item_is_an_error_result_and_the_stream_goes_on(n_process: int) -> None:
    items = [
        "Erster Satz.",
        42,
        {"text": None, "id": "x"},
        {"text": "Zweiter.", "published": "gestern"},
        "Letzter.",
    ]
    docs = list(quotekit.extract_many(items, n_process=n_process, batch_size=2))  # type: ignore[arg-type]
    assert [d.text for d in docs] == ["Erster Satz.", "", "", "", "Letzter."]
    assert [[x.code for x in d.diagnostics if x.severity == "error"] for d in docs] == [
        [],
        ["invalid-item"],
        ["invalid-item"],
        ["invalid-item"],
        [],
    ]
    assert docs[2].id == "x"
    assert "item 1: TypeError" in docs[1].diagnostics[0].message


def test_strict_raises_for_a_bad_item_and_a_failing_extractor_in_workers() -> None:
    with pytest.raises(TypeError, match="str items or mappings"):
        list(quotekit.extract_many(["a", 42], n_process=2, strict=True))  # type: ignore[list-item]
    pipeline = Pipeline([Failing()], strict=True)
    with pytest.raises(ExtractorError, match="failing"):
        list(pipeline.pipe(["a", "b"], n_process=2))


@linux_only
def test_a_worker_crash_is_a_diagnostic_on_its_document_only() -> None:
    pipeline = Pipeline([CrashOn("BOOM")])
    texts = [f"Dokument {i}" for i in range(10)]
    texts[4] = "Dokument BOOM"
    docs = list(pipeline.pipe(texts, n_process=2, batch_size=3))
    assert [d.text for d in docs] == texts
    crashed = [i for i, d in enumerate(docs) if any(x.code == "worker-crashed" for x in d.diagnostics)]
    assert crashed == [4]
    assert all(not d.diagnostics for i, d in enumerate(docs) if i != 4)


def _run_script(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "no_guard.py"
    script.write_text(textwrap.dedent(body))
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path
    )


@linux_only
def test_a_script_without_a_main_guard_runs(tmp_path: Path) -> None:
    result = _run_script(
        tmp_path,
        """
        import quotekit
        texts = ["Er sagte am Freitag: „Ja.“"] * 8
        docs = list(quotekit.extract_many(texts, n_process=2, batch_size=2))
        print(len(docs), docs[0].timexes[0].text)
        """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["8", "Freitag"]


def test_spawned_workers_without_a_main_guard_give_one_clear_error(tmp_path: Path) -> None:
    result = _run_script(
        tmp_path,
        """
        import quotekit, quotekit._parallel
        quotekit._parallel.start_method = lambda: "spawn"
        list(quotekit.extract_many(["Ein Text."] * 4, n_process=2))
        """,
    )
    assert result.returncode != 0
    assert GUARD_HELP in result.stderr


def test_cli_workers_give_the_same_lines_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotekit.cli import main

    lines = [json.dumps({"id": str(i), "text": text}) for i, text in enumerate(TEXTS * 2)]
    lines[3] = "{not json"
    lines[6] = json.dumps({"id": "p", "text": "Hallo", "published": "letzte Woche"})
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        target = tmp_path / f"out{workers}.jsonl"
        status = main(["extract", "--jsonl", str(source), "-o", str(target), "--workers", workers])
        assert status == 1
        outputs.append((target.read_text(encoding="utf-8"), capsys.readouterr().err))
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[1][0].splitlines()]
    assert [r.get("line") for r in records if "error" in r] == [4, 7]
    assert len(records) == len(lines)
    assert main(["extract", "--workers", "2", str(source)]) == 2
