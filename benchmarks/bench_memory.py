"""Peak memory on hostile input, measured with tracemalloc. Prints figures; asserts nothing.

Issue 19, item 9: 5 MB of quotation marks once took 1.2 GB and 416,666 diagnostics. The
target is a peak under 20 times the input's size in UTF-8. For each size it prints the peak of
the whole pipeline and of each extractor alone (on the document the chain before it made), the
ratio to the input's bytes, and the diagnostics kept.

    python benchmarks/bench_memory.py [--mb 5] [--only quote-marks]
"""

from __future__ import annotations

import argparse
import tracemalloc
from collections.abc import Callable

from bench_adversarial import date_soup, one_line, quote_marks

from quotekit import Document, Pipeline

MB = 1_000_000


def repeated(unit: str) -> Callable[[int], str]:
    """``unit`` over and over, cut to the size: one paragraph, one "sentence"."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "quote-marks": quote_marks,
    "open-marks": lambda size: "„" * size,
    "pairs": repeated("„“"),
    "guillemets": lambda size: "«" * size,
    "apostrophes": lambda size: "'" * size,
    "quoted-a": repeated('"a" '),
    "every-third": repeated('ab"'),
    "one-line": one_line,
    "date-soup": date_soup,
}


def peak_of(run: Callable[[], Document]) -> tuple[int, Document]:
    tracemalloc.start()
    try:
        doc = run()
        return tracemalloc.get_traced_memory()[1], doc
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="input size in millions of characters")
    parser.add_argument(
        "--only", choices=sorted(INPUTS), action="append", help="input kinds (all by default)"
    )
    parser.add_argument("--per-extractor", action="store_true", help="also each extractor alone")
    args = parser.parse_args()
    pipeline = Pipeline(autoload=False, time_budget=None)  # tracemalloc slows it many times
    pipeline.extract("„Warm“, sagte sie am 1. Mai.")
    for name, build in INPUTS.items():
        if args.only and name not in args.only:
            continue
        text = build(int(args.mb * MB))
        size = len(text.encode("utf-8", "surrogatepass"))
        peak, doc = peak_of(lambda text=text: pipeline.extract(text))
        print(
            f"{name:12} {size / MB:6.2f} MB  pipeline peak {peak / MB:8.1f} MB = {peak / size:5.1f}x input  "
            f"diagnostics {len(doc.diagnostics)}"
        )
        if args.per_extractor:
            current = Document.from_text(text)
            for extractor in pipeline.extractors:
                peak, after = peak_of(lambda e=extractor, d=current: e(d))
                print(f"    {extractor.name:12} peak {peak / MB:8.1f} MB = {peak / size:5.1f}x input")
                current = after


if __name__ == "__main__":
    main()
