"""Rules alone against rules plus a parser backend: quote accuracy and speed on a corpus.

    python benchmarks/bench_backends.py parse  --backend spacy --corpus polnear --cache /tmp/spacy.pickle
    python benchmarks/bench_backends.py score  --cache /tmp/spacy.pickle --corpus polnear
    python benchmarks/bench_backends.py speed  --backend spacy --corpus polnear --docs 100

``parse`` runs the backend over every document of the corpus once and keeps the parses (and
how long they took); ``score`` runs the quote attributor with those parses and with none, writes
both outputs as JSON lines and scores them with the shared scorer (``score.py quotes --pred``);
``speed`` times the whole pipeline with and without the backend on the same documents,
alternating, CPU seconds (the machine is shared: read the ratio).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quotekit
from quotekit.backends import Segment
from quotekit.syntax import Syntax

#: ../shared beside the checkout; QUOTEKIT_SHARED names it for a checkout elsewhere (a worktree)
SHARED = Path(os.environ.get("QUOTEKIT_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
GOLD = SHARED / "corpora" / "quotes" / "dev.jsonl"
SCORER = SHARED / "tools" / "score.py"


def records(corpus: str) -> list[dict]:
    with GOLD.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [row for row in rows if corpus in {"all", row.get("corpus")}]


class CannedBackend:
    """Hands out parses made earlier, by text: scoring the attributor needs no parser run."""

    name = "canned"
    install = "-"

    def __init__(self, parses: dict[str, Syntax]) -> None:
        self.parses = parses

    def check(self) -> None:
        pass

    def languages(self) -> frozenset[str] | None:
        return None

    def annotate(self, text: str, segments: list[Segment]) -> Syntax:  # noqa: ARG002 - the protocol's
        return self.parses.get(text) or Syntax(backend="canned")


def parse(args: argparse.Namespace) -> None:
    pipeline = quotekit.Pipeline(backend=args.backend)
    parses: dict[str, Syntax] = {}
    start = time.process_time()
    for row in records(args.corpus):
        doc = pipeline.extract(row["text"], published=row.get("published"))
        if doc.syntax is not None:
            parses[row["text"]] = doc.syntax
    took = time.process_time() - start
    with Path(args.cache).open("wb") as out:
        pickle.dump({"backend": args.backend, "cpu_s": took, "parses": parses}, out)
    print(f"{len(parses)} documents parsed with {args.backend} in {took:.1f} s CPU")


def _write(path: Path, rows: list[dict], pipeline: quotekit.Pipeline) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            doc = pipeline.extract(row["text"], published=row.get("published"), id=row["id"])
            data = quotekit.to_dict(doc)
            data["id"] = row["id"]
            out.write(json.dumps(data, ensure_ascii=False) + "\n")


def score(args: argparse.Namespace) -> None:
    with Path(args.cache).open("rb") as cached:
        parses = pickle.load(cached)["parses"]  # noqa: S301 - our own cache file
    rows = records(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp, "gold.jsonl")
        gold.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
        for label, pipeline in (
            ("rules", quotekit.Pipeline()),
            ("rules+parse", quotekit.Pipeline(backend=CannedBackend(parses))),
        ):
            pred = Path(tmp, f"{label}.jsonl")
            _write(pred, rows, pipeline)
            if args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                Path(args.keep, pred.name).write_bytes(pred.read_bytes())
            result = subprocess.run(
                [sys.executable, str(SCORER), "quotes", str(gold), "--pred", str(pred)],
                capture_output=True,
                text=True,
                check=True,
            )
            for line in result.stdout.splitlines():
                print(f"{label:12} {line}")


def speed(args: argparse.Namespace) -> None:
    rows = records(args.corpus)[: args.docs]
    pipelines = {"rules": quotekit.Pipeline(), args.backend: quotekit.Pipeline(backend=args.backend)}
    pipelines[args.backend].extract(rows[0]["text"])  # load the model outside the timing
    totals = dict.fromkeys(pipelines, 0.0)
    for row in rows:
        for label, pipeline in pipelines.items():
            start = time.process_time()
            pipeline.extract(row["text"], published=row.get("published"))
            totals[label] += time.process_time() - start
    chars = sum(len(row["text"]) for row in rows)
    for label, took in totals.items():
        print(
            f"{label:8} {len(rows)} docs, {chars} chars: {took:.2f} s CPU, {chars / took / 1000:.0f} K chars/s"
        )
    print(f"ratio {args.backend}/rules: {totals[args.backend] / totals['rules']:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("parse", "score", "speed"))
    parser.add_argument("--backend", default="spacy")
    parser.add_argument("--corpus", default="polnear", help="polnear, wikinews-de or all")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir(), "quotekit-parses.pickle")))
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--keep", help="keep the prediction files in this folder")
    args = parser.parse_args()
    if not GOLD.exists():
        sys.exit(f"{GOLD} is absent: the corpora live in ../shared")
    {"parse": parse, "score": score, "speed": speed}[args.step](args)


if __name__ == "__main__":
    main()
