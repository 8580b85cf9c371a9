"""Write a large JSON-lines input for the command line's streaming test, from examples/*.txt.

    python benchmarks/make_stream.py /tmp/stream.jsonl --mb 1000

Each record is one of the project's example articles (its headline, then its body paragraphs
drawn in a shuffled order, some more than once, so the records differ in text and length as a
stream of news does), with its own ``id``, its language and a ``published`` date that varies.
The file is for measuring: write it outside the repository (it is as large as ``--mb`` says)
and delete it afterwards. Then, for example::

    /usr/bin/time -v quotekit extract --jsonl /tmp/stream.jsonl -o /tmp/stream.out.jsonl --workers 2 -q

"Maximum resident set size" is the peak of the largest single process (the parent or a
worker); docs/scaling.md has the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The languages of the example articles, by the suffix of their file names.
LANGUAGES = {"de": "de", "en": "en"}
MB = 1_000_000


def articles() -> list[tuple[str, str, list[str]]]:
    """(name, language, lines) of every example article: the headline first, then the body."""
    found = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        lang = LANGUAGES.get(path.stem.rsplit("-", 1)[-1])
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if lang and len(lines) > 1:
            found.append((path.stem, lang, lines))
    return found


def record(number: int, source: tuple[str, str, list[str]], rng: random.Random) -> dict[str, str]:
    name, lang, (headline, *body) = source
    paragraphs = rng.sample(body, len(body)) + rng.choices(body, k=rng.randint(0, 2 * len(body)))
    published = dt.date(2024, 1, 1) + dt.timedelta(days=number % 1000)
    return {
        "id": f"{name}-{number:08d}",
        "lang": lang,
        "published": published.isoformat(),
        "text": "\n".join([headline, *paragraphs]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the JSON-lines file to write (outside the repository)")
    parser.add_argument("--mb", type=float, default=1000.0, help="size in millions of bytes (default 1000)")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    sources = articles()
    rng = random.Random(args.seed)
    limit = int(args.mb * MB)
    written = count = 0
    with args.output.open("w", encoding="utf-8") as out:
        while written < limit:
            line = json.dumps(record(count, sources[count % len(sources)], rng), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    print(f"{args.output}: {count} records, {written / MB:,.1f} MB")


if __name__ == "__main__":
    main()
