# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""What plain page text can tell about boilerplate: three bounds on the annotated dev pages.

    python benchmarks/boilerplate_bounds.py [../shared/corpora/boilerplate/dev.jsonl]

1. **A perfect article boundary.** Every line from the first to the last gold article line is
   kept, everything else marked; the scorer's figures for that prediction show how far finding
   the article's stretch alone can go, and how many boilerplate lines sit inside it.
2. **Line texts the gold labels both ways.** Lines are compared by their words (lower case);
   a text met twice or more that is article on one page and boilerplate on another (or in
   another place) is a conflict no line-by-line rule can get right on both.
3. **Headlines.** The issue forbids marking the headline and lede; the stripper keeps the
   lines it takes for them above a page's article. How many of those the gold calls
   boilerplate.

None of this is a system: it measures the data the stripper is scored on.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter, defaultdict
from typing import Any

import regex
from _boilerplate_pages import SCORER, load_pages

import quotekit.boilerplate.classify as classify_module
from quotekit.boilerplate import BoilerplateStripper
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Document
from quotekit.pipeline import Pipeline

_WORDS = regex.compile(r"\w++")


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    if spec is None or spec.loader is None:
        msg = f"cannot load {SCORER}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def perfect_boundary(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark every line outside the gold article's first-to-last stretch."""
    predictions = []
    for record in records:
        article = sorted(record["article_lines"])
        first, last = (article[0], article[-1]) if article else (0, -1)
        spans, position = [], 0
        for number, line in enumerate(record["text"].split("\n")):
            if line and not first <= number <= last:
                spans.append({"start": position, "end": position + len(line)})
            position += len(line) + 1
        predictions.append({"id": record["id"], "boilerplate": spans})
    return predictions


def boilerplate_inside(records: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    """Boilerplate lines (with a word) inside and outside the gold article's stretch."""
    counts: Counter[tuple[str, str]] = Counter()
    for record in records:
        article = set(record["article_lines"])
        first, last = min(article, default=0), max(article, default=-1)
        for number, line in enumerate(record["text"].split("\n")):
            if number not in article and _WORDS.search(line):
                counts[record["corpus"], "inside" if first <= number <= last else "outside"] += 1
    return counts


def label_conflicts(
    records: list[dict[str, Any]], corpus: str
) -> tuple[int, int, list[tuple[str, Counter[bool]]]]:
    """Texts met twice or more with both labels, the lines in their minority label, the top ones."""
    labels: defaultdict[str, Counter[bool]] = defaultdict(Counter)
    for record in records:
        if record["corpus"] != corpus:
            continue
        article = set(record["article_lines"])
        for number, line in enumerate(record["text"].split("\n")):
            key = " ".join(_WORDS.findall(line.lower()))
            if key:
                labels[key][number in article] += 1
    mixed = {key: counts for key, counts in labels.items() if len(counts) == 2}
    minority = sum(min(counts.values()) for counts in mixed.values())
    top = sorted(mixed.items(), key=lambda item: -sum(item[1].values()))[:8]
    return len(mixed), minority, top


def headline_conflicts(records: list[dict[str, Any]]) -> Counter[tuple[str, bool]]:
    """Lines kept as headline or lede above a page's article, by corpus and gold label."""
    found: list[tuple[set[int], list[Any]]] = []
    original = classify_module._headline_and_lede  # noqa: SLF001 - measuring the rule itself

    def recording(lines: Any, initial: Any, first: int) -> set[int]:
        kept = original(lines, initial, first)
        found.append((kept, lines))
        return kept

    data = Pipeline(autoload=False).language_data
    detector, stripper = LanguageDetector(data), BoilerplateStripper(data)
    counts: Counter[tuple[str, bool]] = Counter()
    classify_module._headline_and_lede = recording  # noqa: SLF001
    try:
        for record in records:
            found.clear()
            stripper.spans(detector(Document.from_text(record["text"])))
            if not found:
                continue
            kept, lines = found[-1]  # the last round settles what stays
            article = set(record["article_lines"])
            for index in kept:
                number = record["text"].count("\n", 0, lines[index].start)
                counts[record["corpus"], number in article] += 1
    finally:
        classify_module._headline_and_lede = original  # noqa: SLF001
    return counts


def main() -> int:
    loaded = load_pages(sys.argv)
    if loaded is None:
        return 2
    _, records = loaded
    corpora = sorted({record["corpus"] for record in records})

    print("== 1. a perfect article boundary (keep the gold stretch, mark the rest)")
    result = _scorer().score_boilerplate(records, perfect_boundary(records))
    inside = boilerplate_inside(records)
    for name in corpora:
        figures = result[name]
        total = inside[name, "inside"] + inside[name, "outside"]
        print(
            f"{name:8s} token F1 {figures['F1']:.3f}  bp_line_F1 {figures['bp_line_F1']:.3f}  "
            f"boilerplate lines inside the stretch: {inside[name, 'inside']} of {total}"
        )

    print("== 2. line texts the gold labels both ways")
    for name in corpora:
        texts, minority, top = label_conflicts(records, name)
        shown = ", ".join(f"{key!r} {counts[True]}/{counts[False]}" for key, counts in top)
        print(
            f"{name:8s} {texts} texts, {minority} lines in their minority label; article/boilerplate: {shown}"
        )

    print("== 3. lines kept as headline or lede above the article, by gold label")
    counts = headline_conflicts(records)
    for name in corpora:
        print(f"{name:8s} gold article {counts[name, True]}, gold boilerplate {counts[name, False]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
