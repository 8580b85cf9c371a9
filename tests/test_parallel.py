"""extract_many over worker processes: order, bad items, crashed workers, scripts without a guard."""

from __future__ import annotations

import functools
import gc
import json
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import quotekit
from quotekit import Document, ExtractorError, Pipeline
from quotekit._parallel import GUARD_HELP, Job, stream
from quotekit._records import Form, Outcome, Record, crashed_outcome, record_task

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


PAGE = (
    "<html><head><title>Fähre</title></head><body><article><h1>Die Fähre kommt</h1>"
    "<p>„Wir sind bereit“, sagte die Ministerin am Freitag in Kiel.</p></article></body></html>"
)


@pytest.mark.parametrize("options", [[], ["--format", "json"], ["--format", "table"], ["--no-text"]])
def test_cli_workers_write_what_one_process_writes_in_every_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    from quotekit.cli import main

    records: list[str] = [json.dumps({"id": 7, "text": TEXTS[0], "published": "2025-03-14"})]
    records += [json.dumps({"id": "page", "html": PAGE, "url": "https://example.org/a"})]
    records += [json.dumps({"id": f"t{i}", "text": text, "lang": "de"}) for i, text in enumerate(TEXTS)]
    records += ['{"id": "bad", "html": 3}', "", json.dumps({"text": TEXTS[1]})]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        target = tmp_path / f"out{workers}"
        status = main(["extract", "--jsonl", str(source), "-o", str(target), "--workers", workers, *options])
        assert status == 1  # the record whose html is no string
        outputs.append((target.read_text(encoding="utf-8"), capsys.readouterr().err))
    assert outputs[0] == outputs[1]
    assert f"{source}:8: 'html' must be a string" in outputs[1][1]
    if options in ([], ["--no-text"]):
        lines = [json.loads(line) for line in outputs[1][0].splitlines()]
        assert [line.get("id") for line in lines] == [7, "page", "t0", "t1", "t2", "t3", "t4", "bad", None]
        assert ("text" in lines[0]) is not bool(options)
        assert lines[1]["extensions"]["html.page"][0]["data"]["title"] == "Fähre"  # read as a page
        assert [q["speaker"]["name"] for q in lines[1]["quotes"]] == ["die Ministerin"]
        assert [q["date"] for q in lines[0]["quotes"]] == ["2025-03-14"]


def record_outcomes(pipeline: Pipeline, texts: list[str], n_process: int) -> list[Outcome]:
    form = Form("jsonl", no_text=False)
    items = [
        Record(record_id=i, text=t, html=None, url=None, lang="de", published=None)
        for i, t in enumerate(texts)
    ]
    return list(
        stream(
            pipeline,
            items,
            {"lang": None, "published": None},
            n_process,
            3,
            task=functools.partial(record_task, form),
            on_crash=functools.partial(crashed_outcome, form),
        )
    )


@linux_only
def test_a_worker_crash_on_the_command_line_path_is_a_line_with_a_diagnostic() -> None:
    texts = [f"Dokument {i}" for i in range(8)]
    texts[5] = "Dokument BOOM"
    outcomes = record_outcomes(Pipeline([CrashOn("BOOM")]), texts, 2)
    lines = [json.loads(outcome.text or "") for outcome in outcomes]
    assert [line["id"] for line in lines] == list(range(8))
    assert [line["text"] for line in lines] == texts
    assert [[d["code"] for d in line["diagnostics"]] for line in lines] == [[]] * 5 + [["worker-crashed"]] + [
        []
    ] * 2


def test_the_command_line_task_crosses_to_spawned_workers() -> None:
    task = functools.partial(record_task, Form("json", no_text=True))
    crossed = pickle.loads(pickle.dumps(task))  # noqa: S301 - our own bytes, as the pool sends them
    assert (crossed.func, crossed.args) == (record_task, (Form("json", no_text=True),))


def test_spawned_workers_run_the_command_line_with_a_main_guard(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8"
    )
    result = _run_script(
        tmp_path,
        f"""
        import quotekit._parallel
        from quotekit.cli import main
        if __name__ == "__main__":
            quotekit._parallel.start_method = lambda: "spawn"
            assert main(["extract", "--jsonl", {str(source)!r}, "-o", "spawned.jsonl", "--workers", "2"]) == 0
            assert main(["extract", "--jsonl", {str(source)!r}, "-o", "one.jsonl"]) == 0
        """,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "spawned.jsonl").read_text() == (tmp_path / "one.jsonl").read_text()


def freeze_count(_pipeline: Pipeline, _job: Job, _defaults: object) -> int:
    return gc.get_freeze_count()


@linux_only
def test_forked_workers_inherit_frozen_objects_and_the_parent_thaws_them() -> None:
    assert gc.get_freeze_count() == 0
    counts = list(stream(Pipeline([]), ["a"] * 6, {}, 2, 2, task=freeze_count, on_crash=lambda *_: -1))
    assert len(counts) == 6
    assert min(counts) > 0  # the workers' collections leave what they inherited alone
    assert gc.get_freeze_count() == 0
    halfway = stream(Pipeline([]), ["a"] * 6, {}, 2, 1, task=freeze_count, on_crash=lambda *_: -1)
    assert next(halfway) > 0
    assert gc.get_freeze_count() > 0
    halfway.close()  # a consumer that stops early
    assert gc.get_freeze_count() == 0


@linux_only
def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        assert list(stream(Pipeline([]), ["a"] * 2, {}, 2, 1, task=freeze_count, on_crash=lambda *_: -1))
        assert gc.get_freeze_count() > 0  # not thawed by the stream
    finally:
        gc.unfreeze()
