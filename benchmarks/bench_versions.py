"""Per-document speed of two quotekit source trees, interleaved chunk by chunk.

    python benchmarks/bench_versions.py OLD_SRC NEW_SRC [--rounds 2] [--step 2] [--per-extractor]

Starts one worker process per tree (``PYTHONPATH=<tree>``), each holding its default pipeline,
and hands both the same chunk of dev texts in turn (the order flips every chunk), so load from
other jobs on a shared machine falls on both sides alike. Each round starts fresh workers, the
old tree's first in even rounds and the new tree's first in odd ones: use an even ``--rounds``. Prints, for the whole pipeline (or
each extractor), the median over chunks of old CPU time / new CPU time (above 1: the new tree
is faster) and the ratio of the summed times. The texts are ../shared/corpora/*/dev.jsonl
(every ``--step``-th, offset per round); without them, the examples.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench_pipeline import extractor_seconds, load_texts

CHUNKS = 12


def worker() -> None:
    """Answer "pipe A B STEP" or "per A B STEP" lines with the CPU seconds of that chunk."""
    # the tree on PYTHONPATH, imported in the worker only
    import quotekit

    _, texts = load_texts()
    pipeline = quotekit.default_pipeline()
    for text in texts[:30]:  # warm-up: lazy tables and caches
        pipeline.extract(text)
    print(len(texts), flush=True)
    for line in sys.stdin:
        mode, first, last, step = line.split()
        chunk = texts[int(first) : int(last) : int(step)]
        if mode == "pipe":
            start = time.process_time()
            for text in chunk:
                pipeline.extract(text)
            seconds = {"pipeline": time.process_time() - start}
        else:
            seconds = extractor_seconds(pipeline, chunk, time.process_time)
        print(json.dumps(seconds), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old", help="the baseline tree's src directory")
    parser.add_argument("new", help="the tree to compare, its src directory")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--step", type=int, default=2, help="every STEP-th text per round")
    parser.add_argument("--per-extractor", action="store_true")
    args = parser.parse_args()

    def start(src: str) -> tuple[subprocess.Popen[str], int]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, str(Path(__file__).parent)])}
        process = subprocess.Popen(  # this interpreter, this script
            [sys.executable, __file__, "--worker"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None  # noqa: S101 - PIPE above
        return process, int(process.stdout.readline())

    count = len(load_texts()[1])
    mode = "per" if args.per_extractor else "pipe"
    ratios: dict[str, list[float]] = defaultdict(list)
    totals: dict[str, dict[str, float]] = {"old": defaultdict(float), "new": defaultdict(float)}
    for round_ in range(args.rounds):
        # Fresh workers each round, started in turn old-first and new-first: on this shared
        # machine the worker started second ran 5-18 % faster whatever tree it held (ten runs
        # of each order, 2026-12-07), so one start order alone measures the order, not the tree.
        if round_ % 2 == 0:
            sides = {"old": start(args.old)[0], "new": start(args.new)[0]}
        else:
            new_first = start(args.new)[0]
            sides = {"old": start(args.old)[0], "new": new_first}
        for index in range(CHUNKS):
            first = index * count // CHUNKS + round_ % args.step
            last = (index + 1) * count // CHUNKS
            order = ["old", "new"] if (round_ + index) % 2 == 0 else ["new", "old"]
            answers = {}
            for side in order:
                process = sides[side]
                assert process.stdin is not None  # noqa: S101
                assert process.stdout is not None  # noqa: S101
                process.stdin.write(f"{mode} {first} {last} {args.step}\n")
                process.stdin.flush()
                answers[side] = json.loads(process.stdout.readline())
            for name, seconds in answers["old"].items():
                if answers["new"][name] > 0:
                    ratios[name].append(seconds / answers["new"][name])
                for side in sides:
                    totals[side][name] += answers[side][name]
        for process in sides.values():
            assert process.stdin is not None  # noqa: S101
            process.stdin.close()
            process.wait()
    print(
        f"old: {args.old}\nnew: {args.new}\n{args.rounds} rounds of {CHUNKS} chunks, every {args.step}th text"
    )
    for name, values in ratios.items():
        print(
            f"  {name:12s} new speed / old speed: median {statistics.median(values):.3f}, "
            f"summed {totals['old'][name] / totals['new'][name]:.3f} "
            f"(old {totals['old'][name]:.2f} s, new {totals['new'][name]:.2f} s CPU)"
        )


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        worker()
    else:
        main()
