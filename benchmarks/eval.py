"""Score quotekit on every dev corpus in ../shared/corpora and write docs/accuracy.md.

    python benchmarks/eval.py [--write docs/accuracy.md] [--json]

Runs ../shared/tools/score.py (which runs `quotekit extract --jsonl` on the gold texts), the
seed check, and, when jusText is installed, benchmarks/justext_compare.py; prints the figures
and, with --write, renders them as Markdown next to the targets and the reference systems'
published figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"

#: The floors each figure must reach (the issues' targets), by task and score.py key.
TARGETS: dict[str, dict[str, dict[str, float]]] = {
    "quotes": {
        "wikinews-de/direct": {"F1": 0.92, "speaker_acc": 0.93, "joint_F1": 0.86},
        "polnear/direct": {"F1": 0.95, "speaker_acc": 0.97, "joint_F1": 0.91},
        "wikinews-de/all": {"F1": 0.60},
        "polnear/all": {"F1": 0.55},
    },
    "dates": {
        "timebank-aquaint": {"relaxed_F1": 0.93, "strict_F1": 0.86, "value_F1": 0.82},
        "krauts-dolomiten-42": {"relaxed_F1": 0.88, "strict_F1": 0.80, "value_F1": 0.78},
        "krauts-dolomiten-100": {"relaxed_F1": 0.88, "strict_F1": 0.80, "value_F1": 0.78},
    },
    "posts": {"posts": {"found": 1.0, "all_fields": 0.95}},
    "boilerplate": {
        "fundus": {"bp_line_F1": 0.85, "F1": 0.97},
        "wcxb": {"bp_line_F1": 0.85, "F1": 0.98},
    },
}

REFERENCES = """\
Reference systems, measured by the issue authors with the same scorer on the same files:

- quotes: textacy (spaCy small English model, per paragraph) polnear direct F1 0.863, joint F1
  0.835, speaker accuracy 0.965 at about 32,000 characters/s; a bare quotation-mark regex
  direct F1 0.90 (polnear) and 0.56 (wikinews-de).
- dates: HeidelTime 2.2.1 relaxed/strict/value F1 0.921/0.841/0.774 (timebank-aquaint),
  0.814–0.831 / 0.715–0.794 / 0.668–0.800 (KRAUTS); dateparser `search_dates` 0.62/0.25/0.32
  (English), 0.30/0.14/0.13–0.15 (German).
- boilerplate: jusText, each line wrapped as a paragraph, bp_line_F1 0.75 (fundus) and 0.49
  (wcxb), token F1 0.91 / 0.92 against keep-all 0.88 / 0.95.
"""


def run_scorer() -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(SCORE), "all", "--json"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"score.py failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_seed() -> list[str]:
    lines = []
    for published in ("2025-03-14", "none"):
        result = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "check-seed.py"), "--published", published],
            capture_output=True,
            text=True,
            check=False,
        )
        lines.append(
            result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-300:]
        )
    return lines


def run_justext() -> str | None:
    script = ROOT / "benchmarks" / "justext_compare.py"
    if not script.exists():
        return None
    try:
        import justext  # noqa: F401
    except ImportError:
        return None
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else None


def verdict(value: float, floor: float | None) -> str:
    if floor is None:
        return ""
    return f"≥ {floor:.2f} {'✓' if value >= floor - 1e-9 else '✗'}"


def render(scores: dict[str, Any], seed: list[str], justext: str | None) -> str:
    out = [
        "# Accuracy",
        "",
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/eval.py --write docs/accuracy.md`",
        "(or `nox -s eval`), which runs `../shared/tools/score.py all` on the dev corpora in",
        "`../shared/corpora` (see its README for the matching rules). Held-out data of the same kinds",
        "is scored separately by the maintainers; these are development figures.",
        "",
    ]
    for task in ("quotes", "dates", "posts", "boilerplate"):
        rows = scores.get(task, {})
        out += [f"## {task}", ""]
        for key, metrics in rows.items():
            targets = TARGETS.get(task, {}).get(key, {})
            cells = []
            for name, value in metrics.items():
                if isinstance(value, float):
                    cells.append(f"{name} {value:.3f} {verdict(value, targets.get(name))}".strip())
                else:
                    cells.append(f"{name} {value}")
            out.append(f"- **{key}**: " + ", ".join(cells))
        speed = scores.get(f"{task}_speed")
        if speed and speed.get("wall_s"):
            out.append(
                f"- whole CLI run: {speed['docs']} documents in {speed['wall_s']:.1f} s (start-up included)"
            )
        out.append("")
    out += ["## The seed article", "", *[f"- `{line}`" for line in seed], ""]
    if justext:
        out += ["## jusText on the boilerplate corpus (same scorer)", "", "```", justext, "```", ""]
    out += ["## References", "", REFERENCES]
    return "\n".join(out)


OWN_SETS_HEADING = "## Own unseen-style sets"


def kept_own_sets_section(path: Path) -> str | None:
    """The own-set section of an existing report (dated before/after figures written by hand from
    benchmarks/own_sets.py), so rewriting the dev figures does not lose it."""
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    start = text.find(OWN_SETS_HEADING)
    if start < 0:
        return None
    end = text.find("\n## ", start + len(OWN_SETS_HEADING))
    return text[start : end if end >= 0 else len(text)].rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", metavar="PATH", help="write the Markdown report here")
    parser.add_argument("--json", action="store_true", help="print the raw scores as JSON")
    args = parser.parse_args()
    if not SCORE.exists():
        print(f"skipped: {SCORE} is absent (the annotated corpora live in ../shared)")
        return 0
    if shutil.which("quotekit") is None:
        print("note: no quotekit on PATH; score.py falls back to python -m quotekit")
    scores = run_scorer()
    seed = run_seed()
    justext = run_justext()
    report = render(scores, seed, justext)
    own = kept_own_sets_section(Path(args.write)) if args.write else None
    if own:
        report = report.replace("## References", own + "\n## References", 1)
    print(json.dumps(scores, indent=1) if args.json else report)
    if args.write:
        Path(args.write).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
