"""Speed of the quotes extractor alone, in characters per second.

    python benchmarks/bench_quotes.py [CORPUS.jsonl]

Reads the quote corpus in ../shared (or the given JSON-lines file with "text" fields), runs the
language detector once per text to give the extractor its input, then times only
``QuoteAttributor`` over every text. Also times one paragraph of 10^5 quotation marks and a
1 MB line of mixed marks, to show the scanner stays linear.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from quotekit.lang.detect import LanguageDetector
from quotekit.model import Document
from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = SHARED / "corpora" / "quotes" / "dev.jsonl"


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _time(extractor: QuoteAttributor, docs: list[Document]) -> float:
    start = time.perf_counter()
    for doc in docs:
        extractor(doc)
    return time.perf_counter() - start


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    data = Pipeline(autoload=False).language_data
    detector = LanguageDetector(data)
    extractor = QuoteAttributor(data)
    if path.exists():
        docs = [detector(Document.from_text(text)) for text in _texts(path)]
        chars = sum(len(doc.text) for doc in docs)
        _time(extractor, docs[:50])  # warm-up
        best = min(_time(extractor, docs) for _ in range(3))
        print(f"quotes extractor: {len(docs)} docs, {chars} chars, {best:.2f} s, {chars / best:,.0f} chars/s")
    else:
        print(f"no corpus at {path}; skipping the corpus figure")
    for label, text in (
        ("10^5 quotation marks in one paragraph", "„" * 100_000),
        ("10^5 alternating marks", "„a“ " * 100_000),
        (
            "1 MB line of mixed marks and words",
            ('er sagte: "ja" \u201ewas\u201c don\'t ' * 30_000)[:1_000_000],
        ),
    ):
        doc = detector(Document.from_text(text))
        seconds = _time(extractor, [doc])
        print(f"{label}: {len(text)} chars in {seconds:.2f} s ({len(text) / seconds:,.0f} chars/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
