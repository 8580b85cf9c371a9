"""twitter-text's own conformance suite for entity extraction (../shared/corpora/posts/...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotekit.posts import entities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SUITE = SHARED / "corpora" / "posts" / "twitter-text-conformance" / "extract.yml"

pytestmark = pytest.mark.skipif(not SUITE.exists(), reason="../shared twitter-text conformance suite absent")


def _cases() -> list[Any]:
    if not SUITE.exists():
        return []
    yaml = pytest.importorskip("yaml")
    tests = yaml.safe_load(SUITE.read_text(encoding="utf-8"))["tests"]
    return [
        pytest.param(category, case, id=f"{category}: {case['description']}")
        for category, cases in tests.items()
        for case in cases
    ]


def _run(category: str, text: str) -> Any:  # noqa: PLR0911 - one branch per suite category
    if category == "mentions":
        return [e.value for e in entities.extract_mentions(text)]
    if category == "mentions_with_indices":
        return [
            {"screen_name": e.value, "indices": [e.start, e.end]} for e in entities.extract_mentions(text)
        ]
    if category == "mentions_or_lists_with_indices":
        return [
            {
                "screen_name": e.value,
                "list_slug": text[e.start + 1 + len(e.value) : e.end],
                "indices": [e.start, e.end],
            }
            for e in entities.extract_mentions(text, lists=True)
        ]
    if category == "replies":
        return entities.extract_reply(text)
    if category in {"urls", "tco_urls_with_params"}:
        return [e.value for e in entities.extract_urls(text)]
    if category in {"urls_with_indices", "urls_with_directional_markers"}:
        return [{"url": e.value, "indices": [e.start, e.end]} for e in entities.extract_urls(text)]
    if category in {"hashtags", "hashtags_from_astral"}:
        return [e.value for e in entities.extract_hashtags(text)]
    if category == "hashtags_with_indices":
        return [{"hashtag": e.value, "indices": [e.start, e.end]} for e in entities.extract_hashtags(text)]
    if category == "cashtags":
        return [e.value for e in entities.extract_cashtags(text)]
    if category == "cashtags_with_indices":
        return [{"cashtag": e.value, "indices": [e.start, e.end]} for e in entities.extract_cashtags(text)]
    pytest.fail(f"unknown conformance category {category!r}")
    return None


@pytest.mark.corpus
@pytest.mark.parametrize(("category", "case"), _cases())
def test_conformance(category: str, case: dict[str, Any]) -> None:
    assert _run(category, case["text"]) == case["expected"]
