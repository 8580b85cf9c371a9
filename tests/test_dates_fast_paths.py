# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The date normalizer's faster spellings of its patterns find what the plain ones find.

The tense words are searched as a prefix tree instead of a flat list, longest first; the
English past form tries its cheap look-behind first. Both must give the same hits, in the same
order, as the plain patterns on sentences written to hold tense words of every length, words
that are prefixes of others, case changes and hyphens.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotekit.dates import DateNormalizer, _calendar, _published, _scan
from quotekit.dates._found import _ENGLISH_PAST, Context, _hits
from quotekit.dates._lexicon import key, literal_trie
from quotekit.lang import LanguageData, LanguageDataRegistry, load_builtin_tables


def _data() -> LanguageData:
    registry = LanguageDataRegistry()
    load_builtin_tables(registry)
    return registry.freeze()


NORMALIZER = DateNormalizer(_data())


def flat(words: list[str]) -> regex.Pattern[str]:
    """The plain spelling: every word alone, the longest first."""
    body = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(r"(?<![\w])(?:" + body + r")(?![\w])", regex.IGNORECASE)


def tree(words: list[str]) -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w])" + literal_trie(words) + r"(?![\w])", regex.IGNORECASE)


def hits(pattern: regex.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(hit.start(), hit.group()) for hit in _hits(pattern, text, 0, len(text))]


def tense_words(lang: str) -> list[str]:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    lexicon = resolver.lex
    return [w for w in lexicon.surface.get("date_tense", ()) if key(w) in lexicon.tense]


WORDS = ["plan", "plans", "plan to", "plans to", "planned", "is", "is set for", "set", "will", "will be"]
PIECES = [
    *WORDS,
    "Plans To",
    "PLANNED",
    "planet",
    "re-plan",
    "plan-",
    "  ",
    ", ",
    ".",
    "the board",
    "on Monday",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_tree_finds_what_the_flat_list_finds(text: str) -> None:
    assert hits(tree(WORDS), text) == hits(flat(WORDS), text)


@given(st.sampled_from(["en", "de"]), st.data())
def test_tense_words_of_the_tables_as_a_tree(lang: str, data: st.DataObject) -> None:
    words = tense_words(lang)
    pieces = [*words, *(w.upper() for w in words[:20]), "the", "der", "  ", ", ", "-", "x"]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=15).map(" ".join))
    assert hits(tree(words), text) == hits(flat(words), text)


def test_written_sentences() -> None:
    for lang, text in (
        ("en", "The company said it plans to expand and is expected to report on Monday."),
        ("en", "He was scheduled to appear; they are set for a new round next week."),
        ("de", "Die Regierung kündigte an, die Pläne im kommenden Jahr vorzulegen, teilte sie mit."),
    ):
        words = tense_words(lang)
        assert hits(tree(words), text) == hits(flat(words), text), text
        assert hits(tree(words), text)


def test_an_empty_list_matches_nothing() -> None:
    assert literal_trie([]) == "(?!)"
    assert not regex.search(literal_trie([]), "anything")


PAST_PLAIN = regex.compile(
    r"(?<!\b(?:be|been|being|is|are|am|to|will|would|not)\s+)(?<![\w])(\w{3,}ed)(?![\w])", regex.IGNORECASE
)


@given(
    st.lists(
        st.sampled_from(
            ["be", "been", "is", "not", "He", "walked", "named", "red", "United", "tobed", "  ", "\n"]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_english_past_look_behinds_in_either_order(text: str) -> None:
    assert [h.span(1) for h in _hits(_ENGLISH_PAST, text, 0, len(text))] == [
        h.span(1) for h in _hits(PAST_PLAIN, text, 0, len(text))
    ]


# ---------------------------------------------------------------- rules tried one by one
SENTENCES = (
    "The company said on Monday that third-quarter profit rose, after the first half of 2024.",
    "Last week, the board met at 10 a.m.; the meeting ran for three hours and 20 minutes.",
    "In the past two years, about 4,000 people moved to the city, up 5% from the 1990s.",
    "Am Freitag, dem 14. März 2025, um 15 Uhr beginnt die Sitzung; im vergangenen Jahr nicht.",
    "Seit drei Wochen und zwei Tagen wartet er, sagte der Sprecher am Donnerstagabend.",
    "He was 6-year-old then; the 11th of May, every other week, the weekend before Easter.",
)


def one_by_one(lang: str, text: str, begin: int) -> regex.Match[str] | None:
    """What the scan tries at ``begin`` when few rules can begin there: each rule alone."""
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    grammar = resolver.grammar
    for index in grammar.rules_at(text, begin):
        match = grammar.rule_patterns[index].match(text, begin)
        if match is not None:
            return match
    return None


def described(match: regex.Match[str] | None) -> object:
    if match is None:
        return None
    return match.span(), match.lastgroup, {k: v for k, v in match.groupdict().items() if v is not None}


@given(st.sampled_from(SENTENCES), st.sampled_from(["en", "de"]))
def test_rules_one_by_one_match_what_the_alternation_matches(text: str, lang: str) -> None:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    grammar = resolver.grammar
    for begin in range(len(text)):
        if begin and text[begin - 1].isalnum():
            continue
        assert described(one_by_one(lang, text, begin)) == described(grammar.pattern.match(text, begin)), (
            text[begin:]
        )


# ---------------------------------------------------------------- the pre-scan's words
def plain_words(text: str) -> set[str]:
    """``_scan._words`` without its short cut: every chunk stripped, then split."""
    stripped = {chunk.strip(_scan._EDGE_PUNCTUATION) for chunk in text.split()}
    alone = {word for word in stripped if word.isalnum()}
    return alone | set(_scan._WORD_PART.findall(" ".join(stripped - alone)))


CHUNKS = [
    "Montag",
    "Montag,",
    "(Montag)",
    "Friday's",
    "Montag/Dienstag",
    "14.03.",
    "„Heute“",
    "—",
    "x_y",
    "Q3",
    "9",
]


@given(st.lists(st.sampled_from([*CHUNKS, *SENTENCES[:2]]), max_size=10).map(" ".join))
def test_prescan_words_are_the_stripped_chunks_words(text: str) -> None:
    assert _scan._words(text, 0, len(text)) == plain_words(text)


def plain_carriers(lang: str, text: str) -> list[int]:
    """``_scan.carriers`` trying every weekday prefix on every word; numbers as it reads them."""
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    grammar = resolver.grammar
    found: set[int] = set()
    for word in _scan._words(text, 0, len(text)):
        folded = word.casefold()
        if folded in grammar.strong or folded.startswith(grammar.strong_prefixes):
            found.update(_scan._occurrences(text, word, 0, len(text)))
    end = 0
    for digits in _scan._DIGITS.finditer(text):
        begin = digits.start()
        if begin < end:
            continue
        while begin > 0 and _scan.is_word_char(text[begin - 1]):
            begin -= 1
        end = digits.end()
        while end < len(text) and _scan.is_word_char(text[end]):
            end += 1
        if _scan._date_shaped(grammar, text, begin, end, len(text)):
            found.add(begin)
    return sorted(found)


@given(
    st.lists(
        st.sampled_from([*SENTENCES, "Donnerstagabend", "Mondays", "montags", "Freitagnacht"]), max_size=4
    ).map(" ".join),
    st.sampled_from(["en", "de"]),
)
def test_carriers_with_the_prefixes_present_only(text: str, lang: str) -> None:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    assert _scan.carriers(resolver.grammar, text, 0, len(text)) == plain_carriers(lang, text)


# ---------------------------------------------------------------- the tense of a clause
def plain_tense(lang: str, text: str, start: int, end: int) -> object:
    """The tense before ``start`` (the last hit) else after ``end`` (the first), every hit listed."""
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    before = sorted(hit for hits in resolver._tense_searches(text, 0, start) for hit in hits)
    if before:
        return before[-1][1]
    following = sorted(hit for hits in resolver._tense_searches(text, end, len(text)) for hit in hits)
    return following[0][1] if following else None


CLAUSES = (
    "On Friday, the court ruled that the law was passed too late.",
    "On Friday, the United States will announce what it planned; officials expected more.",
    "Am Freitag, so kündigte der Minister an, wird der Plan vorgestellt.",
    "On Friday, the board is expected to meet, and the talks ended.",
    "On Friday, nothing.",
)


@given(st.sampled_from(CLAUSES), st.sampled_from(["en", "de"]))
def test_tense_after_the_expression_is_the_first_hit(text: str, lang: str) -> None:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    match = regex.compile(r"(?:On|Am) Friday").match(text)
    if match is None:
        return
    ctx = Context(anchor=None, text=text)
    assert resolver.tense(match, ctx) == plain_tense(lang, text, match.start(), match.end()), text


def test_written_clauses_have_a_tense_after_them() -> None:
    resolver = NORMALIZER.resolver("en")
    assert resolver is not None
    text = CLAUSES[1]
    match = regex.compile(r"On Friday").match(text)
    assert match is not None
    assert resolver.tense(match, Context(anchor=None, text=text)) == "future"


def test_words_inside_a_match_are_remembered_with_the_same_answer() -> None:
    resolver = NORMALIZER.resolver("de")
    assert resolver is not None
    grammar = resolver.grammar
    for word in ("Montag", "montags", "Firma", "dreimal", "Jahres", "14", "Donnerstagabend"):
        first = grammar.can_be_inside(word)
        assert grammar.can_be_inside(word) == first
        folded = word.casefold()
        assert first == (
            word[:1].isdigit()
            or folded in grammar.vocabulary
            or folded.startswith(grammar.vocabulary_prefixes)
            or folded.endswith("mal")
        )


# ---------------------------------------------------------------- full dates without an anchor
def plain_full_dates(text: str) -> list[object]:
    """What the dateline look reads in ``text`` with every grammar, digits or not."""
    days: list[object] = []
    for lang in ("en", "de"):
        resolver = NORMALIZER.resolver(lang)
        assert resolver is not None
        for found in resolver.scan(text, Context(anchor=None, text=text)):
            day = _calendar.day_of(found.value)
            if day is not None and found.type == "DATE" and found.value[:4].isdigit():
                days.append(day)
    return days


def date_vocabulary() -> list[str]:
    """Every form of the date tables of both languages (months, holidays, number words ...)."""
    forms: set[str] = set()
    for lang in ("en", "de"):
        resolver = NORMALIZER.resolver(lang)
        assert resolver is not None
        for table, rows in resolver.lex.surface.items():
            if table.startswith("date_"):
                forms.update(rows)
    return sorted(forms)


VOCABULARY = date_vocabulary()


@given(
    st.lists(
        st.sampled_from([*VOCABULARY, "the", "of", "am", "den", "year", "Jahr", ",", "-", "and"]), max_size=10
    ).map(" ".join),
    st.sampled_from(["", " 14", " 2024", " 3/4/2025", " 14. März 2025"]),
)
def test_a_line_without_a_digit_gives_no_full_date(words: str, digits: str) -> None:
    text = words + digits
    resolvers = [resolver for lang in ("en", "de") if (resolver := NORMALIZER.resolver(lang)) is not None]
    assert list(_published._full_dates(resolvers, text, 0, len(text))) == plain_full_dates(text)
    if not digits:
        assert plain_full_dates(text) == []


def test_written_datelines_give_their_dates() -> None:
    resolvers = [resolver for lang in ("en", "de") if (resolver := NORMALIZER.resolver(lang)) is not None]
    for text in (
        "BERLIN, 14. März 2025 (dpa) -",
        "Published Friday, March 14, 2025",
        "the day after Christmas, nineteen ninety-six, last Friday",
        "Veröffentlicht am Montag, dem ersten Mai",
    ):
        assert list(_published._full_dates(resolvers, text, 0, len(text))) == plain_full_dates(text), text


# ---------------------------------------------------------------- the walk back to openers
OPENER_PIECES = [
    "said",
    "the",
    "The",
    "in",
    "for",
    "about",
    "the last",
    "two",
    "10",
    "to",
    "up to",
    "early",
    "am",
    "im",
    "vergangenen",
    "dreimal",
    "percent",
    "(",
    "),",
    "—",
    "„",
    "x_y",
    "Jahres-",
    "\n",
]
CARRIERS = ["Monday", "years", "März", "Jahr", "2024", "week", "Donnerstagabend"]


@given(
    st.lists(st.sampled_from(OPENER_PIECES), max_size=10).map(" ".join),
    st.sampled_from(CARRIERS),
    st.sampled_from(["en", "de"]),
    st.data(),
)
def test_openers_with_the_short_cut_are_the_walk(
    words: str, carrier: str, lang: str, data: st.DataObject
) -> None:
    resolver = NORMALIZER.resolver(lang)
    assert resolver is not None
    text = f"{words} {carrier}"
    at = len(words) + 1
    low = data.draw(st.integers(0, at))
    floor = data.draw(st.integers(0, at))
    grammar = resolver.grammar
    assert _scan._openers(grammar, text, 0, low, at, floor) == _scan.walk_back(
        grammar, text, 0, low, at, floor
    )


def test_written_openers() -> None:
    resolver = NORMALIZER.resolver("en")
    assert resolver is not None
    text = "Officials said over the last two years, and up to 10 weeks"
    for carrier in (text.index("years"), text.index("weeks")):
        found = _scan._openers(resolver.grammar, text, 0, 0, carrier, 0)
        assert found == _scan.walk_back(resolver.grammar, text, 0, 0, carrier, 0)
        assert found
    said = text.index("Officials said") + len("Officials ")
    assert _scan._openers(resolver.grammar, text, 0, 0, said + 5, 0) == []
