"""Throughput of extract_many over worker processes, and the CPU time it costs.

    python benchmarks/bench_parallel.py --workers 1 --repeat 4
    python benchmarks/bench_parallel.py --workers 2 --repeat 4

Runs the whole default pipeline over a stream of article records (the quotes dev corpus
``--repeat`` times with varied ids, or the example articles repeated) and prints, for the
stream alone (the pipeline is built before the clock starts, as a long job builds it once):
the documents, characters, wall seconds, and the CPU seconds of this process and of its worker
processes, with the CPU per document. The ratio of two runs' wall times is the speed-up of N
workers over one; run them in turn, a few pairs, on an idle machine. The CPU per document says
whether a speed-up is honest: on a shared machine the wall clock depends on the neighbours,
but N workers that cost much more CPU per document than one process are only a speed-up while
the cores are otherwise idle.

``--ceiling`` runs the same stream as N forked processes that each extract every N-th record
and keep nothing: no batches, no pickling, no parent, no order. That is what N processes can
do on this machine at best (two processes on two cores also slow each other down through the
shared caches and memory bus, and on a shared machine through the neighbours), so the ratio of
``--workers N`` to ``--ceiling --workers N`` is the cost of the pool itself.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import resource
import time
from pathlib import Path
from typing import Any

import quotekit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "quotes" / "dev.jsonl"


def records(limit: int | None, repeat: int) -> list[dict[str, Any]]:
    """The stream: dev-corpus records (text, id, lang, published), else the example articles."""
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as lines:
            base = [json.loads(line) for line in itertools.islice(lines, limit)]
        base = [{key: r[key] for key in ("id", "text", "lang", "published") if key in r} for r in base]
    else:
        base = [
            {"id": p.stem, "text": p.read_text(encoding="utf-8")}
            for p in sorted((ROOT / "examples").glob("*.txt"))
        ]
        base = (base * (limit or 400))[: limit or 400]
    return [{**r, "id": f"{r.get('id')}#{copy}"} for copy in range(repeat) for r in base]


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ceiling(pipeline: quotekit.Pipeline, stream: list[dict[str, Any]], n_process: int) -> int:
    """Extract every ``n_process``-th record in each of ``n_process`` forked processes."""

    def share(part: int) -> None:
        for item in stream[part::n_process]:
            pipeline.extract(
                item["text"], lang=item.get("lang"), published=item.get("published"), id=item["id"]
            )

    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=share, args=(part,)) for part in range(n_process)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return len(stream)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--articles", type=int, default=None, help="the first N corpus records (default all)")
    parser.add_argument("--repeat", type=int, default=1, help="the records this many times over")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--ceiling", action="store_true", help="N forked processes, each a share, nothing back"
    )
    args = parser.parse_args()
    stream = records(args.articles, args.repeat)
    pipeline = quotekit.default_pipeline()
    self_before, children_before = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if args.ceiling:
        count = ceiling(pipeline, stream, args.workers)
    else:
        count = sum(1 for _ in pipeline.pipe(stream, n_process=args.workers, batch_size=args.batch_size))
    wall = time.perf_counter() - start
    # the pool has joined its workers when pipe() ends, so their CPU time is counted here
    parent = cpu(resource.RUSAGE_SELF) - self_before
    children = cpu(resource.RUSAGE_CHILDREN) - children_before
    chars = sum(len(r["text"]) for r in stream)
    print(
        f"{'ceiling' if args.ceiling else 'workers'}={args.workers} batch={args.batch_size} docs={count} chars={chars} wall_s={wall:.2f} "
        f"chars_per_s={chars / wall:,.0f} cpu_parent_s={parent:.2f} cpu_workers_s={children:.2f} "
        f"cpu_ms_per_doc={1000 * (parent + children) / count:.2f}"
    )


if __name__ == "__main__":
    main()
