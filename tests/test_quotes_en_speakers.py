"""English speakers of direct quotes: frames after nested quotes, appositions, continuations.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotekit.model import Document, Quote
from quotekit.pipeline import Pipeline
from quotekit.quotes import QuoteAttributor


@pytest.fixture(scope="module")
def attributor() -> QuoteAttributor:
    return QuoteAttributor(Pipeline(autoload=False).language_data)


def direct(attributor: QuoteAttributor, text: str) -> list[Quote]:
    return [q for q in attributor(Document.from_text(text, lang="en")).quotes if q.kind == "direct"]


def speaker_of(quote: Quote) -> tuple[str, str | None]:
    assert quote.speaker is not None, quote.text
    mention = quote.speaker.mention
    return quote.speaker.name, None if mention is None else mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Dana Whitlock spoke first. “Voters keep telling me, ‘Fix the roads,’” Morales said.",
        "Dana Whitlock spoke first. \"Voters keep telling me, 'Fix the roads,' \" Morales said.",
        "Dana Whitlock spoke first. “Voters keep asking, ‘Who will fix the roads?’” Morales said.",
    ],
)
def test_frame_after_a_quote_ending_in_a_nested_quote(attributor: QuoteAttributor, text: str) -> None:
    (quote,) = direct(attributor, text)
    assert speaker_of(quote) == ("Morales", "Morales")
