# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""Speed of the boilerplate stripper alone, in characters per second, on one core.

    python benchmarks/bench_boilerplate.py [../shared/corpora/boilerplate/dev.jsonl]

Language detection runs beforehand and is not timed. Without the shared corpus the pages are
made up here from a few lines of prose and furniture. Adversarial inputs (one 1 MB line,
1 MB of quotation marks, 100,000 one-word lines) are timed too: each must stay linear.

Each figure is the best of three runs, in wall-clock time and in the process's CPU time: on a
machine shared with other jobs the CPU figure is the one that says how fast the code is.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from quotekit.boilerplate import BoilerplateStripper
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Document
from quotekit.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "boilerplate" / "dev.jsonl"
PROSE = (
    "The council voted on Tuesday to add four bus lines to the centre of the city, and the mayor said "
    "that the plan would cut traffic on the busiest roads by a fifth within two years."
)
FURNITURE = ["Home", "Share", "Facebook Twitter Email", "Photo: Jane Doe", "Read more: a story", "Related"]


def _made_up_pages(count: int) -> list[str]:
    rng = random.Random(7)
    pages = []
    for _ in range(count):
        lines = [rng.choice(FURNITURE) for _ in range(8)]
        lines += [PROSE if rng.random() < 0.8 else rng.choice(FURNITURE) for _ in range(40)]
        lines += [rng.choice(FURNITURE) for _ in range(8)]
        pages.append("\n".join(lines))
    return pages


def _time(stripper: BoilerplateStripper, docs: list[Document]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run over ``docs``."""
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        stripper(doc)
    return time.perf_counter() - wall, time.process_time() - cpu


def _best(stripper: BoilerplateStripper, docs: list[Document], runs: int = 3) -> tuple[float, float]:
    timings = [_time(stripper, docs) for _ in range(runs)]
    return min(t[0] for t in timings), min(t[1] for t in timings)


def main() -> int:
    data = Pipeline(autoload=False).language_data
    detector, stripper = LanguageDetector(data), BoilerplateStripper(data)
    if len(sys.argv) > 1 or CORPUS.exists():
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
        source = str(path)
    else:
        texts, source = _made_up_pages(500), "made-up pages"
    docs = [detector(Document.from_text(text)) for text in texts]
    chars = sum(len(text) for text in texts)
    wall, cpu = _best(stripper, docs)
    print(
        f"boilerplate  {source}: {len(docs)} docs, {chars:,} chars, {wall:.2f} s wall ({chars / wall:,.0f} chars/s),"
        f" {cpu:.2f} s CPU ({chars / max(cpu, 1e-9):,.0f} chars/s)"
    )
    adversarial = {
        "one 1 MB line": "word " * 200_000,
        "1 MB of quotation marks": "„" * 1_000_000,
        "100,000 one-word lines": "Teilen\n" * 100_000,
        "100,000 prose lines": (PROSE + "\n") * 6_000,
    }
    for name, text in adversarial.items():
        doc = detector(Document.from_text(text))
        wall, cpu = _best(stripper, [doc], runs=1)
        print(
            f"boilerplate  {name}: {len(text):,} chars, {wall:.2f} s wall ({len(text) / max(wall, 1e-9):,.0f} chars/s),"
            f" {cpu:.2f} s CPU"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
