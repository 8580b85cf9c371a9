"""quotekit's date extractor against dateparser's search_dates, same texts, one run.

    pip install dateparser && python benchmarks/compare_dates.py [--docs 100]

Both read the first ``--docs`` texts of ../shared/corpora/dates/dev.jsonl, each with its
language and document date. Printed: each side's CPU time and characters per second, their
ratio, and each side's relaxed span scores against the gold TIMEX3 annotation (a found span
counts when it overlaps a gold span). dateparser gives substrings, not offsets: each is
located in the text after the previous one. dateparser is a bench-only dependency.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import time
from pathlib import Path

from quotekit.dates import DateNormalizer
from quotekit.lang import LanguageDataRegistry, load_builtin_tables
from quotekit.model import Document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "dates" / "dev.jsonl"
Spans = list[tuple[int, int]]


def scores(found: list[Spans], gold: list[Spans]) -> str:
    hits_found = sum(
        any(s < ge and gs < e for gs, ge in g) for f, g in zip(found, gold, strict=True) for s, e in f
    )
    hits_gold = sum(
        any(s < fe and fs < e for fs, fe in f) for f, g in zip(found, gold, strict=True) for s, e in g
    )
    n_found, n_gold = sum(map(len, found)), sum(map(len, gold))
    precision = hits_found / n_found if n_found else 0.0
    recall = hits_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"relaxed P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({n_found} found, {n_gold} gold)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    with CORPUS.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in itertools.islice(lines, args.docs)]
    chars = sum(len(r["text"]) for r in rows)
    gold = [[(t["start"], t["end"]) for t in r["timexes"]] for r in rows]

    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    normalizer = DateNormalizer(registry.freeze())
    docs = [Document.from_text(r["text"], lang=r["lang"], published=r["dct"]) for r in rows]
    normalizer(docs[0])  # the grammar of the first language, compiled on first use
    started = time.process_time()
    ours = [[(t.start, t.end) for t in normalizer(doc).timexes] for doc in docs]
    ours_s = time.process_time() - started

    from dateparser.search import search_dates

    started = time.process_time()
    theirs: list[Spans] = []
    for row in rows:
        base = dt.datetime.fromisoformat(row["dct"][:10])
        found = search_dates(row["text"], languages=[row["lang"]], settings={"RELATIVE_BASE": base}) or []
        spans, cursor = [], 0
        for substring, _ in found:
            start = row["text"].find(substring, cursor)
            if start >= 0:
                spans.append((start, start + len(substring)))
                cursor = start + len(substring)
        theirs.append(spans)
    theirs_s = time.process_time() - started

    print(f"{len(rows)} documents, {chars:,} characters (dates dev)")
    print(f"quotekit dates:         {ours_s:.2f} s CPU, {chars / ours_s:,.0f} chars/s, {scores(ours, gold)}")
    print(
        f"dateparser search_dates: {theirs_s:.2f} s CPU, {chars / theirs_s:,.0f} chars/s, {scores(theirs, gold)}"
    )
    print(f"ratio: quotekit is {theirs_s / ours_s:.1f}x dateparser's speed")


if __name__ == "__main__":
    main()
