"""Score quotekit on the team's own unseen-style quote sets, per set and per failure kind.

    python benchmarks/own_sets.py [--sets DIR] [--pred-dir DIR] [--json] [--markdown]
                                  [--check-score-py PATH]

The sets live in tests/data/own/*.jsonl (schema of ../shared/corpora/quotes/dev.jsonl plus a
"shape" tag per record; see tests/data/own/README.md). For each set this runs
`python -m quotekit extract --jsonl` on records carrying only "id", "text" and "published" (what
../shared/tools/score.py sends, so the language is quotekit's to detect) and scores the output.

The matching mirrors score.py's quotes scorer rule for rule (trim marks and edge punctuation, pair
one-to-one greedily by IoU >= 0.5, ignore an unpaired prediction lying inside an annotated quote of
another kind, speaker right by mention overlap or agreeing names), so the per-set figures are
score.py's figures; the script needs nothing from ../shared. `--check-score-py PATH` runs that
score.py on the same predictions and fails when any per-set figure differs.

On top of score.py's figures it reports, per shape: direct F1, speaker accuracy and joint F1
(direct view), all-kinds F1, and false quotes (predictions of any kind, partial included, that pair
with no annotated quote, nested ones included); for the non-utterance shape false quotes are the
figure that matters, as those passages hold no utterance.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SETS_DIR = ROOT / "tests" / "data" / "own"
SET_NAMES = (
    "speakers-de",
    "speakers-en",
    "layout",
    "historical-de",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
)
MARKS = "\"'„“”‚‘’»«›‹ \t\n.,;:!?–—-"  # score.py's trim set, character for character
MIN_IOU = 0.5
#: Articles never make a predicted name wrong ("der Bürgermeister" for "er" -> "Bürgermeister").
ARTICLES = frozenset(
    "der die das den dem des ein eine einer einem einen eines the a an".split()  # noqa: SIM905
)
CONTAINED = 0.9

Record = dict[str, Any]


def load(path: Path) -> list[Record]:
    """The JSON lines of a file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_quotekit(gold: list[Record]) -> list[Record]:
    """quotekit's output for the gold texts, through the CLI as score.py runs it."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "in.jsonl")
        with source.open("w", encoding="utf-8") as handle:
            for record in gold:
                line = {"id": record["id"], "text": record["text"]}
                if record.get("published"):
                    line["published"] = record["published"]
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        done = subprocess.run(
            [sys.executable, "-m", "quotekit", "extract", "--jsonl", str(source)],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        sys.exit(f"quotekit failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


# ---------------------------------------------------------------- score.py's matching, mirrored
def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotation marks, spaces and punctuation at its edges."""
    while start < end and text[start] in MARKS:
        start += 1
    while end > start and text[end - 1] in MARKS:
        end -= 1
    return start, end


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two character spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def contained(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether at least 90 % of a non-empty span a lies inside b."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return a[1] > a[0] and inter >= CONTAINED * (a[1] - a[0])


def greedy(pairs: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one pairing, best score first (ties broken as score.py breaks them)."""
    used_i: set[int] = set()
    used_j: set[int] = set()
    out: dict[int, int] = {}
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out[i] = j
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tokens(text: str) -> list[str]:
    """Case-folded word tokens."""
    return re.findall(r"\w+", text.casefold())


def speaker_of(quote: Record) -> tuple[str | None, tuple[int, int] | None]:
    """The predicted speaker's name and mention span."""
    speaker = quote.get("speaker")
    if speaker is None:
        return None, None
    if isinstance(speaker, str):
        return speaker, None
    name = speaker.get("name") or speaker.get("text")
    mention = speaker.get("mention") or speaker
    has_span = mention.get("start") is not None and mention.get("end") is not None
    return name, ((mention["start"], mention["end"]) if has_span else None)


def speaker_ok(gold: Record, name: str | None, span: tuple[int, int] | None) -> bool:
    """Mention overlap, or names that agree (surname token, or one's tokens inside the other's)."""
    if (
        gold.get("speaker_start") is not None
        and span
        and iou(span, (gold["speaker_start"], gold["speaker_end"])) > 0
    ):
        return True
    if not name:
        return False
    predicted = tokens(name)
    for gold_name in (gold.get("speaker_canonical"), gold.get("speaker")):
        expected = tokens(gold_name or "")
        if not expected or not predicted:
            continue
        if (
            predicted[-1] in expected
            or expected[-1] in predicted
            or set(predicted) <= set(expected)
            or set(expected) <= set(predicted)
        ):
            return True
    return False


def name_ok(gold: Record, name: str | None) -> bool:
    """The stricter check score.py does not make: the predicted name is the resolved name.

    Every predicted token but articles must occur in the gold name or the gold mention (so titles
    and the mention's inflected forms pass, a glued addressee does not) and the last token of the gold name
    (``speaker_canonical`` where given, else the mention) must be among them (so a cut name or an
    unresolved description or pronoun fails, though its mention overlaps the gold mention).
    """
    predicted = [t for t in tokens(name or "") if t not in ARTICLES]
    target = tokens(gold.get("speaker_canonical") or gold.get("speaker") or "")
    allowed = set(target) | set(tokens(gold.get("speaker") or ""))
    return bool(predicted and target) and set(predicted) <= allowed and target[-1] in predicted


def _view(gold_quotes: list[Record], predicted: list[Record], view: str) -> tuple[list, list, list]:
    if view == "direct":
        scored = [g for g in gold_quotes if g["kind"] == "direct" and not g.get("nested")]
        others = [g for g in gold_quotes if not (g["kind"] == "direct" and not g.get("nested"))]
        preds = [q for q in predicted if q.get("kind") == "direct"]
    else:
        scored = [g for g in gold_quotes if not g.get("nested")]
        others = [g for g in gold_quotes if g.get("nested")]
        preds = [q for q in predicted if q.get("kind") != "partial"]
    return scored, others, preds


def count_record(record: Record, predicted: list[Record], acc: Counter[str], view: str) -> None:
    """Add one record's counts for one view, exactly as score.py's score_quotes does."""
    text = record["text"]
    gold, others, preds = _view(record["quotes"], predicted, view)
    gs = [trim(text, g["start"], g["end"]) for g in gold]
    ps = [trim(text, q["start"], q["end"]) for q in preds]
    pairs = [(iou(p, g), i, j) for i, p in enumerate(ps) for j, g in enumerate(gs) if iou(p, g) >= MIN_IOU]
    matched = greedy(pairs)
    other_spans = [trim(text, o["start"], o["end"]) for o in others]
    ignored = sum(
        1 for i, p in enumerate(ps) if i not in matched and any(contained(p, o) for o in other_spans)
    )
    has_speaker = [bool(g.get("speaker") or g.get("speaker_canonical")) for g in gold]
    acc["gold"] += len(gs)
    acc["pred"] += len(ps) - ignored
    acc["tp"] += len(matched)
    acc["exact"] += sum(1 for i, j in matched.items() if ps[i] == gs[j])
    acc["joint_gold"] += sum(has_speaker)
    acc["joint_pred"] += len(ps) - ignored - sum(1 for j in matched.values() if not has_speaker[j])
    for i, j in matched.items():
        if has_speaker[j]:
            acc["sp_gold"] += 1
            name, span = speaker_of(preds[i])
            if speaker_ok(gold[j], name, span):
                acc["sp_ok"] += 1
                acc["joint"] += 1
            acc["name_ok"] += name_ok(gold[j], name)


def false_quotes(record: Record, predicted: list[Record]) -> int:
    """Predictions of any kind (partial too) that pair with no annotated quote, nested included."""
    text = record["text"]
    gs = [trim(text, g["start"], g["end"]) for g in record["quotes"]]
    ps = [trim(text, q["start"], q["end"]) for q in predicted]
    matched = greedy(
        (iou(p, g), i, j) for i, p in enumerate(ps) for j, g in enumerate(gs) if iou(p, g) >= MIN_IOU
    )
    return len(ps) - len(matched)


def figures(acc: Counter[str]) -> dict[str, Any]:
    """score.py's metrics from the counts."""
    p, r, f = prf(acc["tp"], acc["pred"], acc["gold"])
    joint = prf(acc["joint"], acc["joint_pred"], acc["joint_gold"])[2]
    return {
        "gold": acc["gold"],
        "pred": acc["pred"],
        "P": p,
        "R": r,
        "F1": f,
        "exact_F1": prf(acc["exact"], acc["pred"], acc["gold"])[2],
        "speaker_acc": acc["sp_ok"] / acc["sp_gold"] if acc["sp_gold"] else 0.0,
        "joint_F1": joint,
        "name_acc": acc["name_ok"] / acc["sp_gold"] if acc["sp_gold"] else 0.0,
        "speakers_scored": acc["sp_gold"],
    }


def score(gold: list[Record], preds: list[Record], key: Callable[[Record], str]) -> dict[str, Any]:
    """Figures per key(record): {key: {"passages", "direct": {...}, "all": {...}, "false_quotes"}}."""
    by_id = {p.get("id"): p for p in preds}
    acc: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    extra: dict[str, Counter[str]] = defaultdict(Counter)
    for record in gold:
        predicted = by_id.get(record["id"], {}).get("quotes") or []
        k = key(record)
        for view in ("direct", "all"):
            count_record(record, predicted, acc[k, view], view)
        extra[k]["passages"] += 1
        extra[k]["false_quotes"] += false_quotes(record, predicted)
    return {
        k: {
            "passages": extra[k]["passages"],
            "direct": figures(acc[k, "direct"]),
            "all": figures(acc[k, "all"]),
            "false_quotes": extra[k]["false_quotes"],
        }
        for k in sorted(extra)
    }


# ---------------------------------------------------------------- output
def cross_check(score_py: Path, gold_path: Path, preds: list[Record], mine: dict[str, Any]) -> list[str]:
    """Differences between score.py's per-set figures and ours on the same predictions."""
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp, "pred.jsonl")
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(score_py), "quotes", str(gold_path), "--pred", str(pred_path), "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        return [f"score.py failed: {done.stderr[-500:]}"]
    theirs = json.loads(done.stdout.strip().splitlines()[-1])["quotes"]
    problems = []
    for corpus, views in mine.items():
        for view in ("direct", "all"):
            other = theirs.get(f"{corpus}/{view}")
            if other is None:
                if views[view]["gold"] or views[view]["pred"]:
                    problems.append(f"{corpus}/{view}: absent from score.py's output")
                continue
            for name, value in other.items():
                if abs(float(views[view][name]) - float(value)) > 1e-9:
                    problems.append(f"{corpus}/{view} {name}: score.py {value} vs {views[view][name]}")
    return problems


def _fmt(view: dict[str, Any], key: str) -> str:
    if key in {"speaker_acc", "name_acc"}:
        return f"{view[key]:.3f}" if view["speakers_scored"] else "–"
    return f"{view[key]:.3f}" if view["gold"] or view["pred"] else "–"


def _cells(row: dict[str, Any]) -> list[str]:
    d, a = row["direct"], row["all"]
    return [
        str(row["passages"]),
        str(d["gold"]),
        _fmt(d, "F1"),
        _fmt(d, "speaker_acc"),
        _fmt(d, "name_acc"),
        _fmt(d, "joint_F1"),
        str(a["gold"]),
        _fmt(a, "F1"),
        _fmt(a, "speaker_acc"),
        _fmt(a, "name_acc"),
        str(row["false_quotes"]),
    ]


HEADER = [
    "passages",
    "direct gold",
    "direct F1",
    "speaker acc",
    "name acc",
    "joint F1",
    "all gold",
    "all F1",
    "all speaker acc",
    "all name acc",
    "false quotes",
]


def markdown(results: dict[str, dict[str, Any]]) -> str:
    """The figures as Markdown tables: one row per set, then one table per set by shape."""
    out = ["| set | " + " | ".join(HEADER) + " |", "|---|" + "---:|" * len(HEADER)]
    out += [f"| {name} | " + " | ".join(_cells(r["total"])) + " |" for name, r in results.items()]
    for name, r in results.items():
        out += ["", f"**{name}** by shape", "", "| shape | " + " | ".join(HEADER) + " |"]
        out.append("|---|" + "---:|" * len(HEADER))
        out += [f"| {shape} | " + " | ".join(_cells(row)) + " |" for shape, row in r["shapes"].items()]
    return "\n".join(out)


def plain(results: dict[str, dict[str, Any]]) -> str:
    """The figures as aligned text."""
    widths = [24, *[max(8, len(h)) for h in HEADER]]
    line = "  ".join(h.rjust(w) for h, w in zip(["", *HEADER], widths, strict=True))
    out = []
    for name, r in results.items():
        out += [f"== {name}", line]
        rows = [("TOTAL", r["total"]), *r["shapes"].items()]
        for label, row in rows:
            cells = [label, *_cells(row)]
            out.append("  ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True)))
        out.append("")
    return "\n".join(out)


def main() -> int:
    """Score every set and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=Path, default=SETS_DIR, help="directory of the set files")
    parser.add_argument(
        "--pred-dir", type=Path, help="read NAME.pred.jsonl from here instead of running quotekit"
    )
    parser.add_argument("--save-pred", type=Path, help="write quotekit's output as NAME.pred.jsonl here")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument(
        "--markdown", action="store_true", help="print Markdown tables (for docs/accuracy.md)"
    )
    parser.add_argument(
        "--check-score-py", type=Path, metavar="PATH", help="compare per-set figures with score.py"
    )
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for name in SET_NAMES:
        path = args.sets / f"{name}.jsonl"
        gold = load(path)
        preds = load(args.pred_dir / f"{name}.pred.jsonl") if args.pred_dir else run_quotekit(gold)
        if args.save_pred:
            args.save_pred.mkdir(parents=True, exist_ok=True)
            target = args.save_pred / f"{name}.pred.jsonl"
            target.write_text(
                "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
            )
        per_corpus = score(gold, preds, lambda r: r.get("corpus", "?"))
        results[name] = {
            "total": score(gold, preds, lambda _: "total")["total"],
            "shapes": score(gold, preds, lambda r: r["shape"]),
        }
        if args.check_score_py:
            problems += [f"{name}: {p}" for p in cross_check(args.check_score_py, path, preds, per_corpus)]
    if args.json:
        print(json.dumps(results))
    elif args.markdown:
        print(markdown(results))
    else:
        print(plain(results))
    if args.check_score_py:
        print(
            "\n".join(problems)
            if problems
            else f"score.py agrees on every per-set figure ({args.check_score_py})"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
