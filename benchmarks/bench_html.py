"""Pages per second of quotekit's HTML reader against trafilatura alone, in one run, one core.

    python benchmarks/bench_html.py [--every N] [CORPUS.jsonl.gz]

Reads the html dev corpus (../shared/corpora/html/dev.jsonl.gz), takes every N-th page and
times, page by page in turn (so that a busy machine slows every contender alike):

- ``trafilatura``: ``trafilatura.extract(html, include_comments=False)``, what a user runs to get
  an article's text (the reference of the issue's speed target);
- ``quotekit read_html``: parse, visible text, metadata, article decision with each engine;
- ``quotekit extract_html``: the whole page path, quotes, dates and posts included.

CPU seconds (``time.process_time``) per contender and pages/s; ratios against trafilatura.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "html" / "dev.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--every", type=int, default=1, help="take every N-th page")
    parser.add_argument("--no-pipeline", action="store_true", help="leave out extract_html")
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    import trafilatura

    import quotekit
    from quotekit.readers.html import read_html

    with gzip.open(args.corpus, "rt", encoding="utf-8") as stream:
        pages = [json.loads(line)["html"] for number, line in enumerate(stream) if number % args.every == 0]
    contenders: dict[str, Callable[[str], object]] = {
        "trafilatura.extract": lambda html: trafilatura.extract(html, include_comments=False),
        "quotekit read_html (auto: trafilatura engine)": read_html,
        "quotekit read_html (dom engine)": lambda html: read_html(html, engine="dom"),
    }
    if not args.no_pipeline:
        contenders["quotekit extract_html (whole pipeline)"] = quotekit.extract_html
    seconds = dict.fromkeys(contenders, 0.0)
    for html in pages:
        for name, run in contenders.items():
            start = time.process_time()
            run(html)
            seconds[name] += time.process_time() - start
    reference = seconds["trafilatura.extract"]
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} M characters of HTML")
    for name, spent in seconds.items():
        print(f"{name:48} {spent:7.1f} s CPU  {len(pages) / spent:6.1f} pages/s  x{reference / spent:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
