"""Train and measure the learned line classifier of the HTML reader (quotekit.readers._blocks).

    python benchmarks/html_model.py dump [--corpus ../shared/corpora/html/dev.jsonl.gz] [--cache F]
    python benchmarks/html_model.py evaluate [--cache F]      # halves, leave-one-corpus-out
    python benchmarks/html_model.py train [--cache F] [--out src/quotekit/readers/data/html_blocks_model.json]

``dump`` reads every dev page up to the rules' decision (``quotekit.readers.html.prepare``) and
stores each line's features, the rules' decision and its label: a line is article when half of
its word 4-grams are in the page's gold text (a line of fewer words: when its words are a run
of the gold). ``evaluate`` trains on half A (pages whose sha1(id) is even) and reports the body
F1 (the scorer's metric: word 4-grams, precision and recall averaged over pages) of the rules
and of the model on both halves, and trains on two corpora to test on the third. ``train``
writes the shipped model (trained on half A only, so that half B stays unseen). Needs
scikit-learn (a dev tool; quotekit reads the model without it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import math
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpora" / "html" / "dev.jsonl.gz"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "quotekit_html_model_cache.pkl"
DEFAULT_OUT = ROOT / "src" / "quotekit" / "readers" / "data" / "html_blocks_model.json"
WORD = re.compile(r"\w+")
#: Model settings (compared on half A only).
SETTINGS: dict[str, Any] = {"max_iter": 200, "max_depth": 4, "learning_rate": 0.1, "max_leaf_nodes": 15}


def half(page_id: str) -> str:
    return "A" if int(hashlib.sha1(page_id.encode(), usedforsecurity=False).hexdigest(), 16) % 2 == 0 else "B"


def _grams(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text)
    return {tuple(words[i : i + n]) for n in range(1, 5) for i in range(len(words) - n + 1)}


def _label(words: list[str], gold: set[tuple[str, ...]]) -> int:
    if len(words) <= 4:
        return int(tuple(words) in gold)
    shingles = [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
    return int(sum(1 for s in shingles if s in gold) * 2 >= len(shingles))


def _dump_page(record: dict[str, Any]) -> dict[str, Any] | None:
    from quotekit.readers._blocks import line_features
    from quotekit.readers.html import HtmlPage, prepare

    reading = prepare(record["html"])
    if isinstance(reading, HtmlPage) or reading.evidence is None:
        return None
    rendered = reading.rendered
    rows = line_features(
        rendered,
        reading.decisions,
        reading.evidence,
        title=reading.meta.title,
        description=reading.meta.description,
        article_body=reading.meta.article_body,
    )
    text = rendered.text
    spans = [(line.start, line.end) for line in rendered.lines]
    gold = _grams(record["gold_text"]) if record.get("gold_text") else None
    labels = [_label(WORD.findall(text[s:e]), gold) for s, e in spans] if gold is not None else None
    headline = None
    if reading.headline is not None:
        headline = next(i for i, span in enumerate(spans) if span[0] == reading.headline[0])
    return {
        "id": record["id"],
        "corpus": record["corpus"],
        "half": half(record["id"]),
        "text": text,
        "spans": spans,
        "kept": [reason is None for reason in reading.decisions],
        "headline": headline,
        "title": reading.meta.title,
        "rows": rows,
        "labels": labels,
        "gold_text": record.get("gold_text"),
        "with": record.get("with") or [],
        "without": record.get("without") or [],
    }


def dump(corpus: Path, cache: Path) -> None:
    pages = []
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            page = _dump_page(json.loads(line))
            if page is not None:
                pages.append(page)
            if number % 100 == 0:
                print(number, file=sys.stderr)
    cache.write_bytes(pickle.dumps(pages))
    print(f"{len(pages)} pages dumped to {cache}")


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    if spec is None or spec.loader is None:
        msg = f"cannot load {SHARED / 'tools' / 'score.py'}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body(page: dict[str, Any], keep: list[bool]) -> str:
    text = page["text"]
    pieces, pos = [], 0
    for (start, end), kept in zip(page["spans"], keep, strict=True):
        if not kept:
            pieces.append(text[pos:start])
            pos = end
    pieces.append(text[pos:])
    return "\n".join(pieces)


def scores(pages: list[dict[str, Any]], decide: Any, score: Any) -> dict[str, dict[str, float]]:
    """Per corpus: body F1 (P, R averaged over pages) and the snippet figures."""
    acc: dict[str, dict[str, list[Any]]] = {}
    for page in pages:
        keep = decide(page)
        text = body(page, keep)
        a = acc.setdefault(page["corpus"], {"P": [], "R": [], "snip": []})
        if page["gold_text"] is not None:
            p, r = score.shingle_pr(page["gold_text"], text)
            if p is not None:
                a["P"].append(p)
            if r is not None:
                a["R"].append(r)
        if page["with"] or page["without"]:
            a["snip"].append(score.snippet_counts(page, text))
    result = {}
    for corpus, a in sorted(acc.items()):
        m: dict[str, float] = {}
        if a["R"]:
            p, r = sum(a["P"]) / len(a["P"]), sum(a["R"]) / len(a["R"])
            m["F1"] = 2 * p * r / (p + r)
        if a["snip"]:
            tp, fp, fn, tn = (sum(x) for x in zip(*a["snip"], strict=True))
            m["with"] = tp / (tp + fn)
            m["without"] = tn / (tn + fp)
        result[corpus] = m
    return result


#: Only paragraphs (ten words or more, not headings) are judged when set (``--paragraphs``):
#: titles, leads, captions and subheadings are where the corpora's notions of article differ.
PARAGRAPHS_ONLY = False
_TEN_WORDS = math.log1p(10)


def _judged(row: list[float]) -> bool:
    return not PARAGRAPHS_ONLY or (row[3] >= _TEN_WORDS and not row[6])  # columns: log_words, heading


def _matrix(pages: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    import numpy as np

    rows, labels, weights = [], [], []
    for page in pages:
        if page["labels"] is None:
            continue
        sizes = [max(1, len(WORD.findall(page["text"][s:e])) - 3) for s, e in page["spans"]]
        total = sum(sizes)
        for row, label, size in zip(page["rows"], page["labels"], sizes, strict=True):
            if _judged(row):
                rows.append(row)
                labels.append(label)
                weights.append(size / total)
    return np.array(rows, dtype=np.float64), np.array(labels), np.array(weights)


def fit(pages: list[dict[str, Any]], **overrides: Any) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, w = _matrix(pages)
    model = HistGradientBoostingClassifier(random_state=0, early_stopping=False, **{**SETTINGS, **overrides})
    model.fit(x, y, sample_weight=w)
    return model


def model_decider(model: Any, pages: list[dict[str, Any]]) -> Any:
    """A decider by threshold over the model's scores of ``pages`` (each page scored once)."""
    import numpy as np

    raws = {}
    for page in pages:
        if page["rows"] and any(page["kept"]):
            raws[page["id"]] = model.decision_function(np.array(page["rows"], dtype=np.float64))

    def at(threshold: float | tuple[float, float]) -> Any:
        low, high = threshold if isinstance(threshold, tuple) else (threshold, threshold)

        def decide(page: dict[str, Any]) -> list[bool]:
            raw = raws.get(page["id"])
            if raw is None:
                return list(page["kept"])
            kept_at = [i for i, kept in enumerate(page["kept"]) if kept]
            first, last = kept_at[0], kept_at[-1]
            keep = [
                (bool(value >= low) if kept else bool(value >= high))
                if (kept or first <= i <= last) and _judged(page["rows"][i])
                else kept
                for i, (value, kept) in enumerate(zip(raw, page["kept"], strict=True))
            ]
            if not _enough(page, keep):
                return list(page["kept"])
            if page["headline"] is not None:
                _keep_headline(page, keep)
            return keep

        return decide

    return at


#: The model's article must keep this share of the characters the rules kept, else the rules stand.
GUARD = 0.3


def _enough(page: dict[str, Any], keep: list[bool]) -> bool:
    sizes = [end - start for start, end in page["spans"]]
    before = sum(size for size, kept in zip(sizes, page["kept"], strict=True) if kept)
    after = sum(size for size, kept in zip(sizes, keep, strict=True) if kept)
    return after >= GUARD * before


def _keep_headline(page: dict[str, Any], keep: list[bool]) -> None:
    """read_html keeps the heading repeating the title above the first kept line; so here."""
    first = next((i for i, k in enumerate(keep) if k), None)
    if first is None or not page["title"]:
        return
    wanted = " ".join(WORD.findall(page["title"])).lower()
    for index in range(first, -1, -1):
        start, end = page["spans"][index]
        words = " ".join(WORD.findall(page["text"][start:end])).lower()
        if page["rows"][index][6] and words and words in wanted:  # column 6: heading
            keep[index] = True
            return


def _print(name: str, result: dict[str, dict[str, float]]) -> None:
    parts = []
    for corpus, m in result.items():
        figures = " ".join(f"{key} {value:.4f}" for key, value in m.items())
        parts.append(f"{corpus}: {figures}")
    print(f"{name:40s} " + " | ".join(parts), flush=True)


def evaluate(cache: Path, thresholds: list[Any], *, loco_only: bool = False) -> None:
    score = _scorer()
    pages = pickle.loads(cache.read_bytes())  # noqa: S301 - this script's own cache
    halves = {name: [p for p in pages if p["half"] == name] for name in "AB"}

    def rules(page: dict[str, Any]) -> list[bool]:
        return list(page["kept"])

    started = time.time()
    model = fit(halves["A"]) if not loco_only else None
    print(f"fitted in {time.time() - started:.0f} s", flush=True)
    for name in "AB" if model is not None else "":
        _print(f"rules, half {name}", scores(halves[name], rules, score))
        at = model_decider(model, halves[name])
        for threshold in thresholds:
            _print(f"model(A) t={threshold}, half {name}", scores(halves[name], at(threshold), score))
    for held in ("fundus", "readability", "wcxb"):
        train = [p for p in pages if p["corpus"] not in {held, "trafilatura"}]
        test = [p for p in pages if p["corpus"] == held]
        model = fit(train)
        _print(f"rules, {held}", scores(test, rules, score))
        at = model_decider(model, test)
        for threshold in thresholds:
            _print(f"model(not {held}) t={threshold}", scores(test, at(threshold), score))


#: Settings compared by ``tune`` (the first, SETTINGS, measured best inside half A).
GRID: list[dict[str, Any]] = [
    {},
    {"max_iter": 100, "max_depth": 3, "max_leaf_nodes": 8, "min_samples_leaf": 100},
]


def tune(cache: Path, thresholds: list[Any]) -> None:
    """Settings compared inside half A: trained on one part of it, measured on the other."""
    score = _scorer()
    everything = pickle.loads(cache.read_bytes())  # noqa: S301 - this script's own cache
    pages = [p for p in everything if p["half"] == "A"]
    parts = {name: [p for p in pages if half(p["id"] + "/tune") == name] for name in "AB"}
    _print("rules, A2", scores(parts["B"], lambda page: list(page["kept"]), score))
    for settings in GRID:
        model = fit(parts["A"], **settings)
        at = model_decider(model, parts["B"])
        for threshold in thresholds:
            _print(f"{settings} t={threshold}", scores(parts["B"], at(threshold), score))


def export(model: Any, threshold: tuple[float, float]) -> dict[str, Any]:
    from quotekit.readers._blocks import feature_names

    trees = []
    for (predictor,) in model._predictors:  # noqa: SLF001 - the fitted trees, to ship as data
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": [
                    0 if is_leaf else int(f) for f, is_leaf in zip(nodes["feature_idx"], leaf, strict=True)
                ],
                "threshold": [
                    0.0 if is_leaf else float(t)
                    for t, is_leaf in zip(nodes["num_threshold"], leaf, strict=True)
                ],
                "left": [-1 if is_leaf else int(c) for c, is_leaf in zip(nodes["left"], leaf, strict=True)],
                "right": [-1 if is_leaf else int(c) for c, is_leaf in zip(nodes["right"], leaf, strict=True)],
                "value": [
                    round(float(v), 6) if is_leaf else 0.0
                    for v, is_leaf in zip(nodes["value"], leaf, strict=True)
                ],
            }
        )
    return {
        "_comment": "quotekit's learned line classifier (benchmarks/html_model.py train): "
        "gradient-boosted regression trees over readers/_blocks.py feature_names(), trained on "
        "half A of the html dev pages; score = bias + learning_rate * sum of leaves (log-odds).",
        "features": list(feature_names()),
        "settings": SETTINGS,
        "bias": float(model._baseline_prediction.ravel()[0]),  # noqa: SLF001
        "learning_rate": 1.0,
        "mark_below": threshold[0],
        "keep_from": threshold[1],
        "guard": GUARD,
        "trees": trees,
    }


def train(cache: Path, out: Path, threshold: tuple[float, float]) -> None:
    import numpy as np

    from quotekit.readers._blocks import BlockModel

    pages = pickle.loads(cache.read_bytes())  # noqa: S301 - this script's own cache
    model = fit([p for p in pages if p["half"] == "A"])
    data = export(model, threshold)
    shipped = BlockModel.from_data(data)
    rows = np.array([row for p in pages[:20] for row in p["rows"]], dtype=np.float64)
    ours = np.array([shipped.score(row) for row in rows.tolist()])
    worst = float(np.max(np.abs(ours - model.decision_function(rows))))
    print(f"plain-Python scores against scikit-learn's: largest difference {worst:.2e}")
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{out}: {out.stat().st_size / 1000:.0f} kB, {len(data['trees'])} trees")


def _pair(value: str) -> float | tuple[float, float]:
    """A threshold, or LOW,HIGH: a kept line is marked below LOW, a marked line kept from HIGH."""
    if "," in value:
        low, high = value.split(",")
        return float(low), float(high)
    return float(value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("dump", "evaluate", "tune", "train"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--threshold", type=_pair, action="append")
    parser.add_argument("--loco-only", action="store_true", help="evaluate: leave-one-corpus-out only")
    parser.add_argument("--guard", type=float, default=0.3, help="see GUARD")
    parser.add_argument(
        "--paragraphs", action="store_true", help="judge paragraphs only (see PARAGRAPHS_ONLY)"
    )
    args = parser.parse_args()
    global PARAGRAPHS_ONLY, GUARD  # noqa: PLW0603 - switches of this script's experiments
    PARAGRAPHS_ONLY = args.paragraphs
    GUARD = args.guard
    if args.command == "dump":
        if not args.corpus.exists():
            print(f"corpus not found: {args.corpus}", file=sys.stderr)
            return 2
        dump(args.corpus, args.cache)
    elif args.command == "tune":
        tune(args.cache, args.threshold or [0.0])
    elif args.command == "evaluate":
        evaluate(args.cache, args.threshold or [0.0], loco_only=args.loco_only)
    else:
        chosen = (args.threshold or [0.0])[0]
        train(args.cache, args.out, chosen if isinstance(chosen, tuple) else (chosen, chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
