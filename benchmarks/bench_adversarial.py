"""Adversarial inputs: does time grow linearly with size? Prints figures; asserts nothing.

For each hostile input kind it times the whole built-in pipeline and each extractor alone (on
the document the chain before it made), at 0.1 MB and 1 MB (nested marks and @/# runs: 10^4
and 10^5 units), best of ``--repeat`` runs, and prints the ratio big/small. Linear time gives a
ratio near 10; quadratic near 100. A regex timeout shows up as an error diagnostic, printed.

    python benchmarks/bench_adversarial.py [--repeat 3] [--only quote-marks]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import quotekit
from quotekit import Document, Pipeline
from quotekit.lang.segment import Segmenter

MB = 1_000_000


def quote_marks(size: int) -> str:
    return ('„“"»«”‚‘’›‹ ' * (size // 12 + 1))[:size]


def one_line(size: int) -> str:
    sentence = "„Wir sind bereit“, sagte Anna Berger am 14. März 2025, und @team #tag. "
    return (sentence * (size // len(sentence) + 1))[:size]


def nested_marks(units: int) -> str:
    return "„‚" * (units // 2) + "Kern" + "‘“" * (units // 2)


def at_and_hash(units: int) -> str:
    return "@" * units + " " + "#" * units + " " + "@a#b " * (units // 5)


def wrapped_quote(size: int) -> str:
    """One quote never closed, hard-wrapped over many lines, with marks nested in it."""
    line = "ein Wort und noch eins, so „geht es\nweiter “und ’n’ weiter ‚so\n"
    return ('Titel\n\n"' + line * (size // len(line) + 1))[:size]


def date_soup(size: int) -> str:
    tokens = "14. März 2025 3.14.2025 2025-03- 12.03. Mai 1. 31.02.2025 99.99.9999 März 2025-13-45 1990er "
    return (tokens * (size // len(tokens) + 1))[:size]


def sentence_marks(size: int) -> str:
    """Every kind of sentence-end candidate the segmenter weighs, and runs it must read once."""
    units = "Dr. 3. Oktober U.S. a.m. The J. R. „Ja.“ Die usw. Er 14.03. Nr. 1. ?! … " + "." * 40 + " A "
    return (units * (size // len(units) + 1))[:size]


def mark_run(size: int) -> str:
    """One run of end marks with no white space after it: each run is read once, not per mark."""
    return "Er sagte: " + "." * (size - 20) + "x Ende."


def glued_full_stops(size: int) -> str:
    """One word of letters and full stops with no white space: the word-before scan is bounded."""
    return ("a." * (size // 2 + 1))[: size - 3] + ". A"


def _surname(number: int) -> str:
    """A made-up surname of its own for each number (Bakedi, Bakedo, …): names the text never repeats."""
    syllables = ["ba", "ke", "di", "lo", "mu", "ra", "se", "ti", "vo", "zu"]
    word = ""
    while True:
        number, digit = divmod(number, len(syllables))
        word += syllables[digit]
        if number == 0:
            return word.capitalize()


def many_people(size: int) -> str:
    """Each sentence a new person with a title, then a description and a possessive source for them.

    The entity tracker looks back over people for every description and pronoun; with a new
    person in every sentence, a look-back over all of them grows with the square of the text.
    """
    out: list[str] = []
    length = number = 0
    while length < size:
        unit = (
            f"Trainer Mirko {_surname(number)} lobte sein Team. Der 48-Jährige sagte, man habe gewonnen. "
            f"Nach seinen Angaben war es kalt. "
        )
        out.append(unit)
        length += len(unit)
        number += 1
    return "".join(out)[:size]


#: name -> (builder, small size, big size, unit name)
INPUTS: dict[str, tuple[Callable[[int], str], int, int, str]] = {
    "quote-marks": (quote_marks, MB // 10, MB, "chars"),
    "one-line": (one_line, MB // 10, MB, "chars"),
    "nested-marks": (nested_marks, 10**4, 10**5, "marks"),
    "at-and-hash": (at_and_hash, 10**4, 10**5, "each of @ and #"),
    "date-soup": (date_soup, MB // 10, MB, "chars"),
    "sentence-marks": (sentence_marks, MB // 10, MB, "chars"),
    "glued-stops": (glued_full_stops, MB // 10, MB, "chars"),
    "mark-run": (mark_run, MB // 10, MB, "chars"),
    "wrapped-quote": (wrapped_quote, MB // 10, MB, "chars"),
    "many-people": (many_people, MB // 10, MB, "chars"),
}


def best_of(repeat: int, run: Callable[[], Document]) -> tuple[float, Document]:
    best, doc = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        doc = run()
        best = min(best, time.perf_counter() - started)
    assert doc is not None  # noqa: S101 - repeat >= 1
    return best, doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=sorted(INPUTS), action="append")
    args = parser.parse_args()
    pipeline = Pipeline(autoload=False)
    # (stage, prepare the input outside the clock, run): an extractor is timed alone, on the
    # document the rest of the chain made.
    stages: list[tuple[str, Callable[[str], Any], Callable[[Any], Document]]] = [
        ("pipeline", lambda text: text, pipeline.extract)
    ]
    segmenter = Segmenter(pipeline.language_data)

    def segment(doc: Document) -> Document:
        segmentation = segmenter.segment(doc.text, doc.lang)
        segmentation.tokens(0, len(doc.text))  # every paragraph's tokens too
        return doc

    stages.append(("segment", lambda text: Document.from_text(text, lang="de"), segment))
    for extractor in pipeline.extractors:
        upstream = Pipeline(autoload=False, disable=[extractor.name])
        stages.append((extractor.name, upstream.extract, extractor))
    print(f"quotekit {quotekit.__version__}; extractors {', '.join(pipeline.names)}")
    header = ("input", "stage", "small", "big", "t small", "t big", "ratio", "chars/s big")
    print("{:13} {:12} {:>9} {:>9} {:>9} {:>9} {:>6} {:>12}".format(*header))
    for name in args.only or INPUTS:
        build, small_n, big_n, _unit = INPUTS[name]
        small, big = build(small_n), build(big_n)
        for stage, prepare, run in stages:
            small_in, big_in = prepare(small), prepare(big)
            t_small, _ = best_of(args.repeat, lambda run=run, item=small_in: run(item))
            t_big, doc = best_of(args.repeat, lambda run=run, item=big_in: run(item))
            ratio = t_big / t_small if t_small > 0 else float("nan")
            speed = len(big) / t_big if t_big > 0 else float("inf")
            print(
                f"{name:13} {stage:12} {len(small):>9,} {len(big):>9,} {t_small * 1000:>7.1f}ms "
                f"{t_big * 1000:>7.1f}ms {ratio:>6.1f} {speed:>12,.0f}"
            )
            for diagnostic in doc.errors:
                where = f"{diagnostic.code} in {diagnostic.extractor}"
                print(f"{'':13} {'':12} ! {where}: {diagnostic.message[:80]}")


if __name__ == "__main__":
    main()
