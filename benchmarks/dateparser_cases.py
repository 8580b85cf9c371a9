"""Run dateparser's own test expectations through quotekit.dates.normalize and compare.

    python benchmarks/dateparser_cases.py [--write-docs]

The expectations are dateparser's behaviour, not linguistic gold (it reads German "die" as a
weekday), so a disagreement is a question, not an error. A case agrees when quotekit's value,
at its own precision (day, month or year), names the same calendar date as dateparser's
datetime, or when both find nothing. ``--write-docs`` replaces the disagreement list in
docs/dates.md between its two markers.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from quotekit.dates import normalize

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "corpora" / "dates" / "dateparser-cases.jsonl"
DOCS = ROOT / "docs" / "dates.md"
BEGIN, END = "<!-- dateparser-disagreements:begin -->", "<!-- dateparser-disagreements:end -->"


def agrees(value: str | None, expected: str | None) -> bool:
    """Whether quotekit's TIMEX3 value names dateparser's expected datetime (or both none)."""
    if expected is None or value is None:
        return expected is None and value is None
    date = expected[:10]
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10] == date
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
        return value == date[:7]
    if len(value) == 4 and value.isdigit():
        return value == date[:4]
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    if not CASES.exists():
        print(f"no cases at {CASES}: ../shared is not beside the project")
        return 1
    counts: collections.Counter[str] = collections.Counter()
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["kind"] != "parse":
            counts["skipped (search/translation)"] += 1
            continue
        lang = case["lang"] if case["lang"] in ("de", "en") else "en"
        anchor = (case.get("relative_base") or "")[:10] or None
        timex = normalize(case["text"], anchor=anchor, lang=lang)
        # a parse case is one whole expression: a reading of only part of it is no reading
        whole = timex is not None and len(timex.text) >= 0.6 * len(case["text"].strip())
        value = timex.value if timex is not None and whole else None
        ok = agrees(value, case["expected"])
        counts["cases"] += 1
        counts["agree"] += ok
        if not ok:
            rows.append((case["lang"], case["text"], anchor, case["expected"], value))
    share = counts["agree"] / max(1, counts["cases"])
    skipped = counts["skipped (search/translation)"]
    print(
        f"dateparser parse cases: {counts['cases']}, agree {counts['agree']} ({share:.1%}); "
        f"{skipped} search/translation cases skipped"
    )
    kinds = collections.Counter(
        "quotekit finds nothing"
        if v is None
        else ("dateparser finds nothing" if e is None else "different value")
        for _, _, _, e, v in rows
    )
    for kind, n in kinds.most_common():
        print(f"  {kind}: {n}")
    if args.write_docs:
        table = ["| lang | text | anchor | dateparser | quotekit |", "|---|---|---|---|---|"]
        table += [
            f"| {lang} | `{text.replace('|', '/')[:60]}` | {anchor or '-'} "
            f"| {expected or 'none'} | {value or 'none'} |"
            for lang, text, anchor, expected, value in rows
        ]
        doc = DOCS.read_text(encoding="utf-8")
        head, _, rest = doc.partition(BEGIN)
        _, _, tail = rest.partition(END)
        DOCS.write_text(head + BEGIN + "\n" + "\n".join(table) + "\n" + END + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
