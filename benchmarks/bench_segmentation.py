"""Sentence boundaries: quotekit's splitter against the field's, accuracy and speed in one run.

    python benchmarks/bench_segmentation.py [--speed-chars 400000] [--repeat 3] [--errors]

Accuracy: the team's annotated German and English news passages (tests/data/segmentation/
{de,en}.jsonl, and {de,en}-heldout.jsonl written after the rules were done and never tuned on;
one record per passage, its sentences in order). Passages are joined with a
space into paragraphs of ``GROUP`` passages, so every sentence end inside a paragraph is a
boundary to find, next to the traps (ordinals, dates, abbreviations, initials, decimals,
quotes) that must not split. Boundary F1 counts predicted sentence starts against the gold
ones (offsets, white space skipped).

Speed: characters per second of CPU time over the same dev-corpus texts for every splitter
(../shared/corpora/quotes/dev.jsonl, the first ``--speed-chars`` characters per language;
the annotated passages when the corpora are absent), best of ``--repeat``.

The other splitters are installed for this benchmark only (pip install somajo syntok
sentencex pysbd); a missing one is reported and skipped. None is a quotekit dependency:
docs/segmentation.md says why.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import quotekit
from quotekit.lang.segment import Segmenter

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "segmentation"
#: ../shared beside the checkout (or beside the directory of worktrees holding it)
DEV = next(
    (
        path
        for path in (base / "shared" / "corpora" / "quotes" / "dev.jsonl" for base in ROOT.parents[:2])
        if path.exists()
    ),
    ROOT.parent / "shared" / "corpora" / "quotes" / "dev.jsonl",
)
LANGS = ("de", "en")
#: The annotated sets: the one written first (the rules' tables were completed against it) and
#: the one written afterwards and never tuned on.
SETS = {"": "dev", "-heldout": "held-out"}
#: Passages per paragraph of the accuracy texts.
GROUP = 8

Splitter = Callable[[str], list[int]]  # a paragraph -> the offsets where sentences start


def gold_paragraphs(name: str) -> list[tuple[str, set[int]]]:
    """The annotated passages of set ``name`` joined into paragraphs, with their sentence starts."""
    passages = [json.loads(line)["sentences"] for line in (GOLD / f"{name}.jsonl").open(encoding="utf-8")]
    paragraphs = []
    for first in range(0, len(passages), GROUP):
        sentences = [s for passage in passages[first : first + GROUP] for s in passage]
        starts, position = set(), 0
        for sentence in sentences:
            starts.add(position)
            position += len(sentence) + 1
        paragraphs.append((" ".join(sentences), starts - {0}))
    return paragraphs


def _offsets(text: str, pieces: Iterable[str]) -> list[int]:
    """Where each piece (a sentence as a splitter returns it) starts in ``text``."""
    starts, cursor = [], 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        found = text.find(stripped[:20], cursor)
        if found < 0:
            continue
        starts.append(found)
        cursor = found + 1
    return starts


# ------------------------------------------------------------------ the splitters


def quotekit_splitter(lang: str) -> Splitter:
    segmenter = Segmenter(quotekit.default_pipeline().language_data)
    return lambda text: [start for start, _ in segmenter.segment(text, lang).sentences]


def somajo_splitter(lang: str) -> Splitter:
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC" if lang == "de" else "en_PTB", character_offsets=True)

    def split(text: str) -> list[int]:
        return [sentence[0].character_offset[0] for sentence in tokenizer.tokenize_text([text]) if sentence]

    return split


def syntok_splitter(_lang: str) -> Splitter:
    from syntok import segmenter

    def split(text: str) -> list[int]:
        return [
            sentence[0].offset for paragraph in segmenter.process(text) for sentence in paragraph if sentence
        ]

    return split


def sentencex_splitter(lang: str) -> Splitter:
    from sentencex import segment

    return lambda text: _offsets(text, segment(lang, text))


def pysbd_splitter(lang: str) -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=True)
    return lambda text: [span.start for span in segmenter.segment(text)]


SPLITTERS: dict[str, Callable[[str], Splitter]] = {
    "quotekit": quotekit_splitter,
    "somajo": somajo_splitter,
    "syntok": syntok_splitter,
    "sentencex": sentencex_splitter,
    "pysbd": pysbd_splitter,
}

# ------------------------------------------------------------------ measuring


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def score(split: Splitter, paragraphs: list[tuple[str, set[int]]]) -> tuple[float, float, float, list[str]]:
    """Precision, recall and F1 of predicted sentence starts, and the errors (for --errors)."""
    tp = fp = fn = 0
    errors = []
    for text, gold in paragraphs:
        predicted = {_skip_space(text, start) for start in split(text)} - {0}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        errors += [
            f"  split  : …{text[max(0, o - 40) : o]}‖{text[o : o + 25]}…" for o in sorted(predicted - gold)
        ]
        errors += [
            f"  missed : …{text[max(0, o - 40) : o]}‖{text[o : o + 25]}…" for o in sorted(gold - predicted)
        ]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, errors


def speed_texts(lang: str, limit: int) -> list[str]:
    """Dev-corpus paragraphs of ``lang`` up to ``limit`` characters (else the gold paragraphs)."""
    texts: list[str] = []
    total = 0
    if DEV.exists():
        for line in DEV.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("lang", lang) != lang:
                continue
            for paragraph in _paragraphs(record["text"]):
                texts.append(paragraph)
                total += len(paragraph)
            if total >= limit:
                return texts
    if not texts:
        texts = [text for name in SETS for text, _ in gold_paragraphs(lang + name)]
    return texts


def _paragraphs(text: str) -> Iterator[str]:
    yield from (line.strip() for line in text.split("\n") if line.strip())


def chars_per_second(split: Splitter, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            split(text)
        best = min(best, time.process_time() - started)
    return sum(map(len, texts)) / best if best > 0 else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed-chars", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--errors", action="store_true", help="print every wrong boundary")
    parser.add_argument("--only", action="append", choices=sorted(SPLITTERS))
    args = parser.parse_args()
    print(f"quotekit {quotekit.__version__}; paragraphs of {GROUP} annotated passages")
    print(
        f"{'lang':4} {'splitter':10} {'set':8} {'P':>6} {'R':>6} {'F1':>6} {'K chars/s':>10} {'quotekit x':>10}"
    )
    for lang in LANGS:
        sets = {label: gold_paragraphs(lang + suffix) for suffix, label in SETS.items()}
        texts = speed_texts(lang, args.speed_chars)
        own_speed = None
        for name in args.only or SPLITTERS:
            try:
                split = SPLITTERS[name](lang)
            except ImportError as error:
                print(f"{lang:4} {name:10} not installed ({error})")
                continue
            speed = chars_per_second(split, texts, args.repeat)
            own_speed = speed if name == "quotekit" else own_speed
            ratio = f"{own_speed / speed:10.1f}" if own_speed else f"{'':10}"
            for label, paragraphs in sets.items():
                precision, recall, f1, errors = score(split, paragraphs)
                print(
                    f"{lang:4} {name:10} {label:8} {precision:6.3f} {recall:6.3f} {f1:6.3f} "
                    f"{speed / 1000:10.0f} {ratio}"
                )
                if args.errors:
                    print("\n".join(errors))
        counts = ", ".join(f"{label} {sum(len(g) for _, g in ps)}" for label, ps in sets.items())
        print(f"{lang:4} (gold boundaries: {counts}; speed over {sum(map(len, texts)):,} chars)")


if __name__ == "__main__":
    main()
