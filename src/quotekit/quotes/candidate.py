"""What the direct-quote rules share.

A found quote (``Candidate``), where it sits (``Context``), the window the rules look in, and the
word and sentence patterns they count with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from quotekit._regex import backtrack_free
from quotekit.quotes.tokens import Mention

if TYPE_CHECKING:
    from quotekit.lang.segment import Segmentation

#: How far the rules look around a quote for its frame.
WINDOW: Final = 280
#: Quoted strings up to this many words inside a sentence are terms or partial quotes.
SHORT_WORDS: Final = 4
#: Words (letters and digits). Backtrack-free, so the rules' many searches in short stretches
#: skip the timeout's clock (see quotekit._regex).
WORDS = backtrack_free(r"[\p{L}\p{N}]++")
DASHES: Final = ("—", "–", "-")
#: An indefinite article or als before quoted words characterises; what follows names nothing.
INDEFINITE: Final = frozenset({"ein", "eine", "einen", "einer", "einem", "eines", "als", "a", "an", "as"})
#: Words that introduce a characterisation, not a name: als „großen Erfolg“, von einer „Gefahr …“
CHARACTERISING: Final = frozenset(
    {"als", "von", "vor", "für", "einen", "eine", "einer", "ein", "einem", "as", "of", "a", "an"}
)


@attrs.define
class Candidate:
    """A quote found in the text, before speakers are resolved to entities."""

    start: int
    end: int
    kind: str
    mention: Mention | None = None
    cue: tuple[int, int] | None = None
    frame: tuple[int, int] = (0, 0)
    inherit: bool = False
    group_with_previous: bool = False
    parent: int | None = None
    fallback: Mention | None = None
    #: Whom a pronoun ``mention`` refers to, when the frame itself says (German: X sagte: „…“, betont sie)
    antecedent: Mention | None = None
    lang: str | None = None


@attrs.frozen(kw_only=True)
class Context:
    """Where a quote sits: its paragraph and the neighbouring top-level quotes."""

    text: str
    paragraph_start: int
    paragraph_end: int
    previous_end: int
    next_start: int
    #: The document's shared sentences and tokens (quotekit.lang.segment).
    segmentation: Segmentation
    known_names: frozenset[str] = frozenset()


def sentence_start(ctx: Context, offset: int, floor: int) -> int:
    """Where the sentence holding ``offset`` starts, not before ``floor``.

    An offset in the white space between two sentences belongs to the one before it.
    """
    sentences = ctx.segmentation.sentences
    index = ctx.segmentation.sentence_index(offset)
    # a line wrapped inside a sentence (… am Ende ihrer langen¶Ansprache: „…“) goes on with the
    # line before it: a sentence there that ends without an end mark is the same sentence
    while index > 0 and sentences[index][0] > floor and ctx.text[sentences[index - 1][1] - 1] not in _ENDS:
        index -= 1
    return max(floor, sentences[index][0]) if index >= 0 else floor


#: The last characters of a line that ends its sentence (an end mark, a closing mark, a colon).
_ENDS: Final = frozenset(".!?…:\"'“”»«’)")


def frame_end_after(ctx: Context, after: int) -> int:
    """Return where the frame after offset ``after`` ends: the clause end, the paragraph or the next quote.

    The clause ends with the sentence holding ``after`` (the next sentence, when ``after`` lies
    between two: „…“ Das sagte Müller.) or at a semicolon before that.
    """
    limit = min(ctx.paragraph_end, ctx.next_start, after + WINDOW)
    sentences = ctx.segmentation.sentences
    index = ctx.segmentation.sentence_index(after)
    if index < 0 or after >= sentences[index][1]:
        index += 1
    end = sentences[index][1] if index < len(sentences) else limit
    semicolon = ctx.text.find(";", after, min(end, limit))
    if semicolon >= 0:
        end = semicolon + 1
    return min(end, limit)


def word_count(text: str, start: int, end: int) -> int:
    """Return how many words ``text[start:end]`` holds."""
    return len(WORDS.findall(text, max(0, start), end))
