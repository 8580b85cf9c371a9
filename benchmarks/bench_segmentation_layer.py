"""Segmentation as a Document layer or as a cached analysis: what each costs, in one run.

    python benchmarks/bench_segmentation_layer.py [--repeat 3] [--limit 2000]

Over the dev-corpus texts (../shared/corpora/*/dev.jsonl, the first ``--limit`` records; the
example articles when absent) it extracts every document with the default pipeline, then
times, in CPU seconds per million characters:

- ``segment``: the shared segmentation (paragraphs and sentences), as the pipeline computes it
  once per document and caches it for the run (not serialised);
- ``+ tokens``: the same with every paragraph tokenized;
- ``sentences layer``: the sentences added to the Document as an extension layer of
  Annotation spans (what a serialised layer costs: objects and span validation);
- ``tokens layer``: the tokens added the same way;
- ``to_json``: the JSON of the extracted document, without and with each layer;

and prints the JSON size of the extracted documents without and with each layer.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import quotekit
from quotekit.lang.segment import Segmenter
from quotekit.model import Annotation, Document

ROOT = Path(__file__).resolve().parents[1]


def _corpora() -> Path | None:
    for base in ROOT.parents[:2]:
        path = base / "shared" / "corpora"
        if path.exists():
            return path
    return None


def load_texts(limit: int) -> list[str]:
    texts: list[str] = []
    corpora = _corpora()
    if corpora is not None:
        for path in sorted(corpora.glob("*/dev.jsonl")):
            with path.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))] * 200
    return texts[:limit]


def cpu(repeat: int, run: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def sentence_layer(doc: Document, segmenter: Segmenter) -> Document:
    seg = segmenter.segment(doc.text, doc.language_lookup())
    text = doc.text
    return doc.with_extension(
        "quotekit.sentences",
        [Annotation(start=s, end=e, text=text[s:e], label="sentence") for s, e in seg.sentences],
    )


def token_layer(doc: Document, segmenter: Segmenter) -> Document:
    seg = segmenter.segment(doc.text, doc.language_lookup())
    return doc.with_extension(
        "quotekit.tokens",
        [
            Annotation(start=t.start, end=t.end, text=t.text, label="token")
            for t in seg.tokens(0, len(doc.text))
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    texts = load_texts(args.limit)
    pipeline = quotekit.default_pipeline()
    segmenter = Segmenter(pipeline.language_data)
    docs = [pipeline.extract(text) for text in texts]
    chars = sum(map(len, texts))
    per_m = 1e6 / chars
    with_sentences = [sentence_layer(doc, segmenter) for doc in docs]
    with_tokens = [token_layer(doc, segmenter) for doc in with_sentences]
    pipeline_s = cpu(1, lambda: [pipeline.extract(text) for text in texts])

    def segment_all(*, tokens: bool) -> None:
        for doc in docs:
            seg = segmenter.segment(doc.text, doc.language_lookup())
            if tokens:
                seg.tokens(0, len(doc.text))

    rows = [
        ("whole pipeline (for scale)", pipeline_s),
        ("segment (cached analysis)", cpu(args.repeat, lambda: segment_all(tokens=False))),
        ("segment + tokens (cached analysis)", cpu(args.repeat, lambda: segment_all(tokens=True))),
        (
            "sentences layer on the Document",
            cpu(args.repeat, lambda: [sentence_layer(d, segmenter) for d in docs]),
        ),
        ("tokens layer on the Document", cpu(args.repeat, lambda: [token_layer(d, segmenter) for d in docs])),
        ("to_json, no layer", cpu(args.repeat, lambda: [quotekit.to_json(d) for d in docs])),
        ("to_json, sentences layer", cpu(args.repeat, lambda: [quotekit.to_json(d) for d in with_sentences])),
        ("to_json, sentences + tokens", cpu(args.repeat, lambda: [quotekit.to_json(d) for d in with_tokens])),
    ]
    print(f"quotekit {quotekit.__version__}; {len(texts)} documents, {chars:,} characters")
    print(f"{'stage':40} {'CPU s':>8} {'s per M chars':>14} {'% of pipeline':>14}")
    for name, seconds in rows:
        print(f"{name:40} {seconds:8.3f} {seconds * per_m:14.3f} {100 * seconds / pipeline_s:13.1f}%")
    sizes = [
        ("JSON, no layer", sum(len(quotekit.to_json(d)) for d in docs)),
        ("JSON, sentences layer", sum(len(quotekit.to_json(d)) for d in with_sentences)),
        ("JSON, sentences + tokens", sum(len(quotekit.to_json(d)) for d in with_tokens)),
    ]
    base = sizes[0][1]
    for name, size in sizes:
        print(f"{name:40} {size:12,} bytes  {size / base:5.2f}x  ({size / chars:5.2f} bytes per input char)")


if __name__ == "__main__":
    main()
