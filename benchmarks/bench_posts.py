"""Speed of the posts extractor alone: article text, dev embeds, adversarial inputs, HTML.

    python benchmarks/bench_posts.py

Article text is the common case (no post at all), so its figure is the one that matters for
the pipeline; the adversarial inputs show that the scan stays linear (time per character
roughly constant as the input grows ten-fold).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from quotekit.pipeline import default_pipeline
from quotekit.posts import PostParser
from quotekit.posts.entities import extract_entities
from quotekit.posts.html import html_to_text

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def rate(label: str, function: Callable[[str], object], texts: list[str], repeat: int = 3) -> None:
    chars = sum(len(text) for text in texts)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - started)
    print(f"{label:44s} {chars:>10,d} chars {best:8.3f} s {chars / best / 1e6:8.2f} M chars/s")


def load(task: str) -> list[dict[str, str]]:
    path = CORPORA / task / "dev.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    parser = PostParser(default_pipeline().language_data)
    articles = [r["text"] for r in load("boilerplate")] + [r["text"] for r in load("quotes")]
    if articles:
        rate("articles (boilerplate + quotes dev)", parser.find, articles)
    posts = load("posts")
    if posts:
        rate("dev embeds, text", parser.find, [r["text"] for r in posts] * 20)
        rate("dev embeds, html -> text", html_to_text, [r["html"] for r in posts] * 20)
    for size in (10_000, 100_000):
        for label, unit in (
            ("@", "@"),
            ("#", "#"),
            ("@ and # mixed", "@a#b "),
            ("attribution lines", "— a (@b) May 2, 2020\n"),
            ("dotted labels", "a_b."),
        ):
            text = (unit * (size // len(unit) + 1))[:size]
            rate(f"find: {label} x {size:,}", parser.find, [text], repeat=1)
            rate(f"entities: {label} x {size:,}", extract_entities, [text], repeat=1)


if __name__ == "__main__":
    main()
