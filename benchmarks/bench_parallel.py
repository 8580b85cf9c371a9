"""Throughput of extract_many over worker processes, for farm-bench to compare side by side.

    farm-bench --vs 'python benchmarks/bench_parallel.py --workers 1' -- python benchmarks/bench_parallel.py --workers 2

Runs the whole default pipeline over a stream of articles (the quotes dev corpus, or the
example articles repeated) and prints the documents, characters and wall seconds of the stream
alone. The ratio of the two commands' wall times is the speed-up of N workers over one.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

import quotekit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "quotes" / "dev.jsonl"


def articles(limit: int) -> list[str]:
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as lines:
            return [json.loads(line)["text"] for line in itertools.islice(lines, limit)]
    examples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return (examples * limit)[:limit]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    texts = articles(args.articles)
    start = time.perf_counter()
    count = sum(1 for _ in quotekit.extract_many(texts, n_process=args.workers, batch_size=args.batch_size))
    wall = time.perf_counter() - start
    chars = sum(map(len, texts))
    print(
        f"workers={args.workers} docs={count} chars={chars} wall_s={wall:.2f} chars_per_s={chars / wall:,.0f}"
    )


if __name__ == "__main__":
    main()
