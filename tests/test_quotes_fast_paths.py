"""The quote attributor's fast paths answer exactly as the plain readings they replace.

Each test keeps the plain reading (a regex search over the whole text, a scan of every token, a
scan of every capitalised word) as the reference and draws texts whose words and marks make
the edge cases likely: names inside longer words, hyphens and apostrophes next to capitals,
spaces and tabs on otherwise blank lines.
"""

from __future__ import annotations

import bisect
import functools

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotekit import Pipeline
from quotekit.lang.segment import tokenize
from quotekit.quotes.cues import cue_openings, find_cue
from quotekit.quotes.lexicon import Lexicon, compile_lexicons
from quotekit.quotes.marks import _has_blank_line
from quotekit.quotes.names import ANAPHOR_CHARS, Named, NameIndex, leading_non_names


@functools.cache
def _lexicons() -> dict[str, Lexicon]:
    return compile_lexicons(Pipeline(autoload=False).language_data)


_BLANK_LINE = regex.compile(r"\n[ \t\r\u00a0]*+\n")


@given(
    st.lists(st.sampled_from(["\n", " ", "\t", "\r", "\u00a0", "a", ".", "\n \n"]), max_size=40).map("".join)
)
def test_the_blank_line_test_finds_what_the_pattern_finds(text: str) -> None:
    assert _has_blank_line(text) == (_BLANK_LINE.search(text) is not None)


_WORDS = [
    "sagte",
    "Sagte",
    "sagt",
    "erklärte",
    "said",
    "told",
    "according",
    "to",
    "laut",
    "so",
    "zufolge",
    "wies",
    "zurück",
    "teilte",
    "mit",
    "der",
    "die",
    "Sprecher",
    "Angela",
    "Merkel",
    "Weber",
    "Karin",
    "hatte",
    "wurde",
    "hat",
    "betont",
    "bezeichnet",
    "was",
    "has",
    "called",
    "stated",
    "the",
    "report",
    "statement",
    ",",
    ".",
    ":",
    "„",
    "“",
    "—",
    "-",
]


@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30),
    lang=st.sampled_from(["de", "en"]),
    first=st.integers(0, 32),
    span=st.integers(0, 32),
    speech_only=st.booleans(),
    from_end=st.booleans(),
)
def test_cue_openings_find_the_cue_a_scan_of_every_token_finds(
    words: list[str], lang: str, first: int, span: int, *, speech_only: bool, from_end: bool
) -> None:
    lex = _lexicons()[lang]
    text = " ".join(words)
    tokens = tokenize(text, 0, len(text))
    folded = [t.text.casefold() for t in tokens]
    openings = cue_openings(tokens, folded, lex)
    for last in (None, first + span):
        plain = find_cue(tokens, lex, first, last, speech_only=speech_only, from_end=from_end)
        fast = find_cue(
            tokens, lex, first, last, speech_only=speech_only, from_end=from_end, openings=openings
        )
        assert fast == plain
        # the folded texts handed down, with and without the openings: the same cue
        for opened in (None, openings):
            handed = find_cue(
                tokens,
                lex,
                first,
                last,
                speech_only=speech_only,
                from_end=from_end,
                openings=opened,
                folded=folded,
            )
            assert handed == plain


_NAME_PIECES = [
    "Karin Weber",
    "Weber",
    "WEBER",
    "Webers",
    "xWeber",
    "Anti-Weber",
    "O'Weber",
    "Weber-Kahn",
    "Angela Merkel",
    "Merkel",
    "Merkel\u00a0Weber",
    "Bundeskanzlerin Angela Merkel",
    "sagte",
    "im Kreis Lippe",
    "Lippe",
    "Frau Weber",
    "Straße",
    "Strauß",
    "Franz Strauß",
    "STRAUSS",
    ",",
    ".",
    "\n",
    "“",
]


def _people_by_whole_scan(index: NameIndex, text: str, offset: int, window: int) -> list[Named]:
    """people_before as it read the text: every capitalised word of the document, then a window."""
    word = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*")
    people = [named for _, _, named in index._named]
    runs = [(start, end) for start, end, _ in index._named]
    run_starts = [start for start, _ in runs]
    for match in word.finditer(text):
        if match.group().casefold() not in index._forms:
            continue
        inside = bisect.bisect_right(run_starts, match.start()) - 1
        if inside >= 0 and match.start() < runs[inside][1]:
            continue
        people.append(index._named_at(match.start(), index.full_name(match.group())))
    people.sort()
    found = []
    at = bisect.bisect_left([named.start for named in people], offset) - 1
    while at >= 0 and offset - people[at].start <= window:
        found.append(people[at])
        at -= 1
    return found


@given(
    pieces=st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=40),
    looks=st.lists(st.tuples(st.integers(0, 400), st.sampled_from([0, 5, 40, ANAPHOR_CHARS])), max_size=6),
)
def test_people_before_names_whom_a_scan_of_the_whole_text_names(
    pieces: list[str], looks: list[tuple[int, int]]
) -> None:
    lexicons = _lexicons()
    text = " ".join(pieces)
    fast = NameIndex(text, lexicons, leading_non_names(lexicons))
    plain = NameIndex(text, lexicons, leading_non_names(lexicons))
    plain.surnames  # noqa: B018 - read the text into the index
    for offset, window in [*looks, (len(text), len(text))]:
        assert fast.people_before(offset, window) == _people_by_whole_scan(plain, text, offset, window)
