"""Acceptance: every required quote of the seed article, and its one scare quote (../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotekit.lang.detect import LanguageDetector
from quotekit.model import Author, Document, Post, Quote, Timex
from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SEED.exists(), reason="the seed article lives in ../shared, which is absent"),
]
LEADING = ("dass ", "that ")


def _load() -> tuple[str, dict[str, Any]]:
    text = (SEED / "article-de-rutte.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "article-de-rutte.gold.json").read_text(encoding="utf-8"))
    return text, gold


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in ' „“"':
        start += 1
    for word in LEADING:
        if text[start : start + len(word)].lower() == word:
            start += len(word)
    while end > start and text[end - 1] in ' .,„“"':
        end -= 1
    return start, end


def _matches(text: str, quote: Quote, gold: dict[str, Any]) -> bool:
    mine, theirs = _core(text, quote.start, quote.end), _core(text, gold["start"], gold["end"])
    if quote.kind == "mixed" and mine[0] <= theirs[0] and theirs[1] <= mine[1] + 1:
        return True
    overlap = max(0, min(mine[1], theirs[1]) - max(mine[0], theirs[0]))
    union = max(mine[1], theirs[1]) - min(mine[0], theirs[0])
    return union > 0 and overlap / union >= 0.9


def _document(text: str, gold: dict[str, Any]) -> Document:
    """The seed as the posts and dates extractors hand it over (their layers built from the gold)."""
    data = Pipeline(autoload=False).language_data
    doc = LanguageDetector(data)(Document.from_text(text))
    tweet = gold["tweets"][0]
    post_text_end = text.index("pic.twitter.com") + len("pic.twitter.com/5KJ8kS3Zy3")
    post = Post(
        start=tweet["start"],
        end=tweet["end"],
        platform="twitter",
        text=text[tweet["start"] : post_text_end],
        text_start=tweet["start"],
        text_end=post_text_end,
        author=Author(name=tweet["author_name"], handle=tweet["handle"]),
    )
    timexes = [
        Timex(start=t["start"], end=t["end"], text=t["text"], type=t["type"], value=t["value"])
        for t in gold["timexes"]
    ]
    return doc.evolve(posts=(post,), timexes=tuple(timexes))


def test_required_quotes_have_kind_and_speaker() -> None:
    text, gold = _load()
    doc = QuoteAttributor(Pipeline(autoload=False).language_data)(_document(text, gold))
    for item in gold["quotes"]:
        if not item["required"]:
            continue
        found = sorted(
            (q for q in doc.quotes if _matches(text, q, item)), key=lambda q: q.kind != item["kind"]
        )
        assert found, f"not found: {item['text']!r}"
        quote = found[0]
        kinds = {item["kind"]} | ({"mixed"} if item["kind"] in {"direct", "indirect"} else set())
        assert quote.kind in kinds, f"{item['text']!r}: kind {quote.kind}"
        assert quote.speaker is not None
        assert quote.speaker.name.split()[-1] == item["speaker"].split()[-1], (
            f"{item['text']!r}: {quote.speaker.name}"
        )


def test_scare_quote_is_not_a_quote() -> None:
    text, gold = _load()
    doc = QuoteAttributor(Pipeline(autoload=False).language_data)(_document(text, gold))
    for item in gold["not_quotes"]:
        assert not [
            q
            for q in doc.quotes
            if q.start < item["end"] and item["start"] < q.end and q.kind in {"direct", "partial"}
        ]


def test_quotes_in_the_tweet_come_from_the_post_and_dates_from_the_frame() -> None:
    text, gold = _load()
    doc = QuoteAttributor(Pipeline(autoload=False).language_data)(_document(text, gold))
    tweet_quote = next(q for q in doc.quotes if q.text.startswith("but we are absolutely"))
    assert tweet_quote.source == "post"
    assert tweet_quote.post == 0
    assert tweet_quote.speaker is not None
    assert tweet_quote.speaker.name == "Mark Rutte"
    interview = next(q for q in doc.quotes if q.text.startswith("Es ist normal"))
    assert interview.date == "2025-03-14"
    assert interview.source == "article"


def test_speakers_resolve_to_canonical_entities() -> None:
    text, gold = _load()
    doc = QuoteAttributor(Pipeline(autoload=False).language_data)(_document(text, gold))
    names = {e.name for e in doc.entities}
    assert {"Mark Rutte", "Donald Trump"} <= names
    rutte = next(e for e in doc.entities if e.name == "Mark Rutte")
    assert "er" in {m.text for m in rutte.mentions}
    assert "Nato-Generalsekretär" in rutte.roles
    added = next(q for q in doc.quotes if q.text.startswith("Aber so weit"))
    assert added.speaker is not None
    assert added.speaker.role == "Nato-Generalsekretär"
