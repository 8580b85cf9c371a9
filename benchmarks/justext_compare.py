# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""jusText against quotekit's boilerplate stripper on the same page lines, with the same scorer.

    pip install justext lxml_html_clean   # for this script only; not a quotekit dependency
    python benchmarks/justext_compare.py [../shared/corpora/boilerplate/dev.jsonl]

Each line of a page is wrapped as one ``<p>`` paragraph (HTML-escaped) and jusText runs with
its default settings and the stop list of the page's language (English when jusText has none
for it). Lines jusText calls boilerplate become predicted spans; quotekit runs in-process
(language detection, then the stripper). Both prediction sets are scored by
``../shared/tools/score.py boilerplate`` and its lines are printed, jusText's first.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import justext  # type: ignore[import-not-found]
from _boilerplate_pages import SCORER, load_pages

from quotekit.boilerplate import BoilerplateStripper
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Document
from quotekit.pipeline import Pipeline

#: jusText's stop-list names for the languages the corpus holds.
STOPLISTS = {
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal",
    "pl": "Polish",
    "tr": "Turkish",
    "ru": "Russian",
    "id": "Indonesian",
}


def _line_offsets(text: str) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for line in text.split("\n"):
        offsets.append((position, position + len(line)))
        position += len(line) + 1
    return offsets


def justext_spans(text: str, lang: str, stoplists: dict[str, frozenset[str]]) -> list[dict[str, Any]]:
    """Lines jusText (default settings) calls boilerplate, as spans over ``text``."""
    offsets = [(s, e) for s, e in _line_offsets(text) if text[s:e].strip()]
    if not offsets:
        return []
    name = STOPLISTS.get(lang, "English")
    stoplist = stoplists.setdefault(name, frozenset(justext.get_stoplist(name)))
    page = "<html><body>" + "".join(f"<p>{html.escape(text[s:e])}</p>" for s, e in offsets) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
    # jusText keeps one paragraph per <p> in order; empty ones can vanish, so match by text.
    spans, cursor = [], 0
    for paragraph in paragraphs:
        wanted = " ".join(paragraph.text.split())
        for index in range(cursor, len(offsets)):
            start, end = offsets[index]
            if " ".join(text[start:end].split()) == wanted:
                cursor = index + 1
                if paragraph.is_boilerplate:
                    spans.append({"start": start, "end": end})
                break
    return spans


def _score(corpus: Path, predictions: list[dict[str, Any]]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for record in predictions:
            handle.write(json.dumps(record) + "\n")
    result = subprocess.run(
        [sys.executable, str(SCORER), "boilerplate", str(corpus), "--pred", handle.name],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(handle.name).unlink()
    return result.stdout


def main() -> int:
    loaded = load_pages(sys.argv)
    if loaded is None:
        return 2
    corpus, records = loaded
    data = Pipeline(autoload=False).language_data
    detector, stripper = LanguageDetector(data), BoilerplateStripper(data)
    stoplists: dict[str, frozenset[str]] = {}
    theirs, ours = [], []
    for record in records:
        text = record["text"]
        doc = detector(Document.from_text(text, id=record["id"]))
        # jusText is given the page's true language (its best case); quotekit detects it.
        lang = record.get("lang", doc.lang)
        theirs.append({"id": record["id"], "boilerplate": justext_spans(text, lang, stoplists)})
        spans = stripper.spans(doc)
        ours.append({"id": record["id"], "boilerplate": [{"start": s.start, "end": s.end} for s in spans]})
    print("== jusText (default settings, one <p> per line)")
    print(_score(corpus, theirs), end="")
    print("== quotekit boilerplate stripper")
    print(_score(corpus, ours), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
