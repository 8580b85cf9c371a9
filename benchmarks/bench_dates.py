"""Throughput of the dates extractor alone, in characters per second.

    python benchmarks/bench_dates.py

Runs DateNormalizer on the dev corpus texts when ../shared is present (else on generated
German and English news-like text) and on two adversarial inputs, printing chars/s.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from quotekit.dates import DateNormalizer
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.model import Document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "dates" / "dev.jsonl"
SAMPLE = (
    "Am Donnerstagabend hatte sich die Ministerin mit dem Kanzler getroffen; am Vortag war sie in Brüssel. "
    "Die Mannschaft gewann 2:1, die Karten kosten 25 Euro. Vergangene Woche, am 14. März 2025 um 14 Uhr, "
    "begann die Sitzung, die drei Jahre dauern soll.\n"
    "Officials said Tuesday that the third quarter of 2024 was weak; sales rose 3% a year earlier. "
    "The talks will resume next week, two years after they began in March 2023.\n"
)


def _documents() -> list[Document]:
    if CORPUS.exists():
        rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
        return [Document.from_text(r["text"], lang=r["lang"], published=r["dct"]) for r in rows]
    return [Document.from_text(SAMPLE * 50, lang=lang, published="2025-03-14") for lang in ("de", "en")] * 50


def _rate(normalizer: DateNormalizer, docs: list[Document], rounds: int = 3) -> float:
    chars = sum(len(d.text) for d in docs)
    best = float("inf")
    for _ in range(rounds):
        # CPU time of this process: the figure stays comparable on a machine shared with others
        started = time.process_time()
        for doc in docs:
            normalizer(doc)
        best = min(best, time.process_time() - started)
    return chars / best


def main() -> None:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    normalizer = DateNormalizer(registry.freeze())
    docs = _documents()
    print(
        f"dates extractor: {_rate(normalizer, docs):,.0f} chars/s on {len(docs)} documents "
        f"({sum(len(d.text) for d in docs):,} chars)"
    )
    adversarial = {
        "1 MB of digits and dots": "12.3." * 200_000,
        "one 1 MB line of weekday names": "Freitag " * 125_000,
        "1 MB of quotation marks": "\u201e" * 1_000_000,
    }
    for label, text in adversarial.items():
        rate = _rate(normalizer, [Document.from_text(text, lang="de", published="2025-03-14")], rounds=1)
        print(f"  {label}: {rate:,.0f} chars/s")


if __name__ == "__main__":
    main()
