"""Mentions, hashtags, URLs and cashtags in a post, by the rules of Twitter's twitter-text.

twitter-text is Twitter's reference implementation of what counts as an entity in a tweet; its
conformance suite (``extract.yml``) is run by ``tests/test_posts_conformance.py``. Its rules are
written as large backtracking regular expressions; here they are re-expressed as single-pass
scanners so that adversarial text (a megabyte of ``@`` or ``#``, one huge line) stays linear.

Two entry points:

* :func:`extract_entities` — twitter-text's behaviour on a tweet's text.
* :func:`extract_scraped_entities` — the same on text scraped from an embed, where the links a
  page showed as separate anchors are glued together (``...abschüssig.https://t.co/x``,
  ``#mac#windowspic.twitter.com/y``): the text is first cut at those seams.
"""

from __future__ import annotations

import functools
import itertools
from importlib import resources
from typing import Final, Literal, TypeAlias

import attrs
import regex

from quotekit._regex import TIMEOUT_S

__all__ = [
    "Entity",
    "extract_cashtags",
    "extract_entities",
    "extract_hashtags",
    "extract_mentions",
    "extract_reply",
    "extract_scraped_entities",
    "extract_urls",
    "is_media_url",
]

EntityKind: TypeAlias = Literal["url", "hashtag", "mention", "cashtag"]


_SPACES: Final = (
    "\x09\x0a\x0b\x0c\x0d\x20\x85\xa0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_PUNCT: Final = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_DIRECTIONAL: Final = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVALID: Final = "\ufffe\ufeff\uffff"
_NOT_DOMAIN: Final = frozenset(_SPACES + _PUNCT + _DIRECTIONAL + _INVALID)
#: A URL may not directly follow one of these (twitter-text's validUrlPrecedingChars).
_BAD_BEFORE_URL: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@＠$#＃\ufffe\ufeff\uffff"
)
_LATIN_ACCENTS: Final = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC: Final = "\u0400-\u04ff"
_PATH_CHAR = regex.compile(rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~&|@{_LATIN_ACCENTS}]", regex.I)
_PATH_END = regex.compile(rf"[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]", regex.I)
_QUERY_CHAR: Final = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?*'@();:&=+$/%#[]-_.,~|"
)
_QUERY_END: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_&=#/")
_ASCII_DOMAIN_CHAR = regex.compile(rf"[\-a-z0-9{_LATIN_ACCENTS}]", regex.I)
_TLD_FORBIDDEN_AFTER: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@+-")
_PROTOCOLS: Final = ("https://", "http://")
_TCO = regex.compile(
    r"https?://t\.co/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?", regex.I
)
_MAX_URL_LENGTH: Final = 4096
_MAX_TCO_SLUG: Final = 40
_MAX_LABEL: Final = 63

_MENTION = regex.compile(
    r"(?:(?<=^|[^a-zA-Z0-9_!#$%&*@＠])|(?<=(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?))"
    r"[@＠]([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
)
_END_MENTION = regex.compile(rf"[@＠{_LATIN_ACCENTS}]|://")
_REPLY = regex.compile(rf"[{_SPACES}{_DIRECTIONAL}]*[@＠]([a-zA-Z0-9_]{{1,20}})")
_HASHTAG_ALNUM: Final = (
    r"\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003"
    r"\u0f0b\u0f0c\u00b7"
)
_HASHTAG = regex.compile(
    rf"(?:(?<=^|[\ufe0e\ufe0f])|(?<![&{_HASHTAG_ALNUM}]))[#＃](?![\ufe0f\u20e3])([{_HASHTAG_ALNUM}]++)"
)
_HASHTAG_ALPHA = regex.compile(r"[\p{L}\p{M}]")
_END_HASHTAG = regex.compile(r"[#＃]|://")
_CASHTAG = regex.compile(
    rf"(?:(?<=^)|(?<=[{_SPACES}]))\$([a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?=$|\s|[{regex.escape(_PUNCT)}])",
    regex.I,
)
#: Seams where a scraper glued two anchors together: a link or a media link right after a word,
#: a hashtag or mention right after a word (``#mac#windows``, ``t.co/x#COP26``).
_SEAM = regex.compile(r"(?<=\S)(?=https?://|pic\.(?:twitter|x)\.com/)|(?<=[\w])(?=[#＃][\w])", regex.I)
_MEDIA_HOSTS: Final = ("pic.twitter.com/", "pic.x.com/")


@attrs.frozen(kw_only=True)
class Entity:
    """One entity: ``text[start:end]``, its ``kind`` and its ``value`` (without ``@ # $``)."""

    kind: EntityKind
    start: int
    end: int
    value: str


@functools.cache
def _tlds() -> tuple[frozenset[str], int]:
    listing = resources.files("quotekit.posts") / "data" / "tlds.txt"
    names = frozenset(
        line.strip().casefold()
        for line in listing.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return names, max(len(name) for name in names)


def _tld_length(text: str, start: int, end: int) -> int:
    """Length of the top-level domain that ``text[start:end]`` begins with, 0 when none.

    As in twitter-text a TLD must not run on into a letter, digit, ``@ + -``; punycode TLDs
    (``xn--...``) are accepted whole.
    """
    names, longest = _tlds()
    if text[start : start + 4].lower() == "xn--":
        stop = start + 4
        while stop < end and (text[stop].isascii() and (text[stop].isalnum() or text[stop] == "-")):
            stop += 1
        return stop - start
    for length in range(min(longest, end - start), 0, -1):
        if text[start : start + length].casefold() in names:
            after = start + length
            if after >= len(text) or text[after] not in _TLD_FORBIDDEN_AFTER:
                return length
    return 0


def _domain_char(char: str) -> bool:
    return char not in _NOT_DOMAIN


def _label_ok(text: str, start: int, end: int, *, underscore: bool) -> bool:
    """A DNS label as twitter-text accepts it: no leading/trailing ``-`` or ``_``."""
    if start >= end or not _domain_char(text[start]) or not _domain_char(text[end - 1]):
        return False
    return underscore or "_" not in text[start:end]


def _run_end(text: str, start: int) -> int:
    """End of the run of domain characters and ``. - _`` beginning at ``start``."""
    end = start
    length = len(text)
    while end < length and (_domain_char(text[end]) or text[end] in ".-_"):
        end += 1
    return end


def _labels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    labels = []
    cursor = start
    while True:
        dot = text.find(".", cursor, end)
        if dot < 0:
            labels.append((cursor, end))
            return labels
        labels.append((cursor, dot))
        cursor = dot + 1


@attrs.frozen
class _Run:
    """A run of domain characters and dots, with what every URL start inside it needs.

    ``best_from[i]`` is the greedy answer for a domain whose labels start at label ``i``: the
    index of its domain-name label (the TLD is the next label's head), or -1. Computing it once
    per run keeps the scan linear however many starts the run holds.
    """

    start: int
    end: int
    labels: tuple[tuple[int, int], ...]
    subdomain_ok: tuple[bool, ...]
    tld_length: tuple[int, ...]
    best_from: tuple[int, ...]

    @classmethod
    def at(cls, text: str, start: int) -> _Run:
        end = _run_end(text, start)
        labels = tuple(_labels(text, start, end))
        subdomain_ok = tuple(_label_ok(text, s, e, underscore=True) for s, e in labels)
        domain_ok = [_label_ok(text, s, e, underscore=False) for s, e in labels]
        tld_length = tuple(_tld_length(text, s, e) for s, e in labels)
        best = [-1] * (len(labels) + 1)
        for index in range(len(labels) - 2, -1, -1):
            if subdomain_ok[index] and best[index + 1] >= 0:
                best[index] = best[index + 1]
            elif domain_ok[index] and tld_length[index + 1]:
                best[index] = index
        return cls(start, end, labels, subdomain_ok, tld_length, tuple(best))

    def label_index(self, position: int) -> int:
        """Index of the label holding ``position`` (binary search over label starts)."""
        low, high = 0, len(self.labels) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.labels[middle][0] <= position:
                low = middle
            else:
                high = middle - 1
        return low

    def domain_end(self, text: str, first_start: int) -> int:
        """End of the domain starting at ``first_start``, -1 when none (twitter-text validDomain)."""
        index = self.label_index(first_start)
        if index + 1 >= len(self.labels):
            return -1
        label_end = self.labels[index][1]
        chosen = -1
        if _label_ok(text, first_start, label_end, underscore=True) and self.best_from[index + 1] >= 0:
            chosen = self.best_from[index + 1]
        elif _label_ok(text, first_start, label_end, underscore=False) and self.tld_length[index + 1]:
            chosen = index
        if chosen < 0:
            return -1
        tld_start = self.labels[chosen + 1][0]
        return tld_start + self.tld_length[chosen + 1]


def _path_end(text: str, start: int) -> int:
    """End of a URL path beginning with ``/`` at ``start`` (twitter-text validUrlPath)."""
    length = len(text)
    cursor = start + 1
    last_good = start + 1  # "/" alone is a path
    while cursor < length:
        char = text[cursor]
        if char == "(":
            close = _balanced_paren_end(text, cursor)
            if close < 0:
                break
            cursor = close
            last_good = cursor
            continue
        if not _PATH_CHAR.match(char, timeout=TIMEOUT_S):
            break
        cursor += 1
        if _PATH_END.match(char, timeout=TIMEOUT_S):
            last_good = cursor
    return last_good


def _balanced_paren_end(text: str, start: int) -> int:
    """End of ``(chars)`` or ``(chars(chars)chars)`` at ``start``, -1 when not balanced."""
    length = len(text)
    cursor = start + 1
    depth = 1
    inner_chars = 0
    while cursor < length:
        char = text[cursor]
        if char == "(":
            if depth == 2:
                return -1
            depth += 1
            inner_chars = 0
        elif char == ")":
            if inner_chars == 0 and depth == 2:
                return -1
            depth -= 1
            if depth == 0:
                return cursor + 1 if cursor > start + 1 else -1
        elif _PATH_CHAR.match(char, timeout=TIMEOUT_S):
            inner_chars += 1
        else:
            return -1
        cursor += 1
    return -1


def _query_end(text: str, start: int) -> int:
    """End of a query beginning with ``?`` at ``start``, or ``start`` when it has no valid end."""
    length = len(text)
    cursor = start + 1
    last_good = start
    while cursor < length and text[cursor] in _QUERY_CHAR:
        cursor += 1
        if text[cursor - 1] in _QUERY_END:
            last_good = cursor
    return last_good


def _idna_ok(domain: str) -> bool:
    try:
        encoded = domain.encode("idna")
    except (UnicodeError, ValueError):
        return False
    return bool(encoded) and all(len(label) <= _MAX_LABEL for label in encoded.split(b"."))


def _ascii_domains(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ASCII (and Latin-accented) domains inside ``text[start:end]`` (validAsciiDomain)."""
    found = []
    cursor = start
    while cursor < end:
        if not (_ASCII_DOMAIN_CHAR.match(text[cursor], timeout=TIMEOUT_S) or text[cursor] == "."):
            cursor += 1
            continue
        run_start = cursor
        while cursor < end and (
            _ASCII_DOMAIN_CHAR.match(text[cursor], timeout=TIMEOUT_S) or text[cursor] == "."
        ):
            cursor += 1
        run_end = cursor
        position = run_start
        while position < run_end:
            labels = _labels(text, position, run_end)
            matched = -1
            for index in range(len(labels) - 2, -1, -1):
                if any(s >= e for s, e in labels[: index + 1]):
                    continue
                tld_start = labels[index + 1][0]
                # The TLD may be non-ASCII (twitter.みんな): it may run past the ASCII run.
                length = _ascii_tld_length(text, tld_start, end, end)
                if length:
                    matched = tld_start + length
                    break
            if matched < 0:
                break
            found.append((position, matched))
            position = matched
    return found


def _ascii_tld_length(text: str, start: int, end: int, limit: int) -> int:
    """:func:`_tld_length` where the lookahead sees only the domain (``$`` is its end)."""
    names, longest = _tlds()
    if text[start : start + 4].lower() == "xn--":
        stop = start + 4
        while stop < end and text[stop].isascii() and (text[stop].isalnum() or text[stop] == "-"):
            stop += 1
        return stop - start
    for length in range(min(longest, end - start), 0, -1):
        if text[start : start + length].casefold() in names:
            after = start + length
            if after >= limit or text[after] not in _TLD_FORBIDDEN_AFTER:
                return length
    return 0


def extract_urls(text: str, *, without_protocol: bool = True) -> list[Entity]:
    """URLs as twitter-text finds them (``extractUrlsWithIndices``), with their offsets."""
    if "." not in text:
        return []
    urls: list[Entity] = []
    length = len(text)
    consumed = 0  # like a global regex's lastIndex: a match's preceding char must lie after it
    run: _Run | None = None
    cursor = 0
    while cursor < length:
        start = cursor
        cursor += 1
        if start > 0 and (start - 1 < consumed or text[start - 1] in _BAD_BEFORE_URL):
            continue
        protocol = _protocol_length(text, start)
        match = _match_with_protocol(text, start + protocol) if protocol else None
        if match is None:
            protocol = 0
            if not _domain_char(text[start]):
                continue
            if run is None or not run.start <= start < run.end:
                run, skip_to = _run_with_dot(text, start)
                if run is None:
                    cursor = skip_to
                    continue
            match = _match_url_at(text, start, run)
            if match is None:
                cursor = _next_start_after_failure(text, start, run)
                continue
        domain_end, path_start, end = match
        consumed = cursor = end
        domain_start = start + protocol
        if end - start > _MAX_URL_LENGTH or not _idna_ok(text[domain_start:domain_end]):
            continue
        if protocol:
            urls.extend(_protocol_url(text, start, end))
        elif without_protocol and not (start > 0 and text[start - 1] in "-_./"):
            urls.extend(_protocol_less(text, domain_start, domain_end, path_start, end))
    return urls


def _protocol_url(text: str, start: int, end: int) -> list[Entity]:
    """The URL with protocol at ``start``; a t.co link keeps only its slug and query."""
    tco = _TCO.match(text, start, end, timeout=TIMEOUT_S)
    if tco:
        if len(tco.group(1)) > _MAX_TCO_SLUG:
            return []
        end = tco.end()
    return [Entity(kind="url", start=start, end=end, value=text[start:end])]


def _run_with_dot(text: str, start: int) -> tuple[_Run | None, int]:
    """The run holding ``start``, or (None, where to go on) when it has no dot after ``start``.

    A domain needs a dot, so such a run holds no URL start, except that a protocol may end it
    ("語http://").
    """
    run_end = _run_end(text, start)
    if text.find(".", start, run_end) < 0:
        return None, _protocol_start_before(text, start, run_end) or run_end
    return _Run.at(text, _run_start(text, start)), start


def _protocol_length(text: str, start: int) -> int:
    lowered = text[start : start + 8].lower()
    return next((len(prefix) for prefix in _PROTOCOLS if lowered.startswith(prefix)), 0)


def _match_with_protocol(text: str, domain_start: int) -> tuple[int, int, int] | None:
    if domain_start < len(text) and _domain_char(text[domain_start]):
        return _match_url_at(text, domain_start, _Run.at(text, domain_start))
    return None


def _protocol_less(text: str, domain_start: int, domain_end: int, path_start: int, end: int) -> list[Entity]:
    """The ASCII domains of a URL found without protocol; the last one keeps the path."""
    inner = _ascii_domains(text, domain_start, domain_end)
    found = []
    for index, (inner_start, inner_end) in enumerate(inner):
        if index == len(inner) - 1 and path_start >= 0:
            value = text[inner_start:inner_end] + text[domain_end:end]
            found.append(Entity(kind="url", start=inner_start, end=end, value=value))
        else:
            found.append(
                Entity(kind="url", start=inner_start, end=inner_end, value=text[inner_start:inner_end])
            )
    return found


def _run_start(text: str, position: int) -> int:
    while position > 0 and (_domain_char(text[position - 1]) or text[position - 1] in ".-_"):
        position -= 1
    return position


def _next_start_after_failure(text: str, start: int, run: _Run) -> int:
    """Where to look next after no URL starts at ``start``.

    Every later start inside the same label meets the same labels after it, so it fails too,
    unless it leaves a ``_`` behind (a domain name may not hold one): jump past the label's
    last underscore, or past the label.
    """
    label_end = run.labels[run.label_index(start)][1]
    underscore = text.rfind("_", start, label_end)
    following = underscore + 1 if underscore >= start else max(start + 1, label_end)
    protocol_start = _protocol_start_before(text, start, label_end)
    return min(following, protocol_start) if protocol_start else following


def _protocol_start_before(text: str, start: int, end: int) -> int:
    """Where "http"/"https" begins when it ends ``text[start:end]`` and "://" follows, else 0.

    A protocol ends a run ("...語http://"): its "h" is a start of its own, never skipped.
    """
    if text.startswith("://", end):
        for scheme in ("https", "http"):
            protocol_start = end - len(scheme)
            if protocol_start > start and text[protocol_start:end].lower() == scheme:
                return protocol_start
    return 0


def _match_url_at(text: str, domain_start: int, run: _Run) -> tuple[int, int, int] | None:
    """(domain end, path start or -1, URL end) of the URL whose domain starts there, or None."""
    domain_end = run.domain_end(text, domain_start)
    if domain_end < 0:
        return None
    end = domain_end
    length = len(text)
    if end < length and text[end] == ":":
        digits = end + 1
        while digits < length and text[digits].isascii() and text[digits].isdigit():
            digits += 1
        if digits > end + 1:
            end = digits
    path_start = -1
    if end < length and text[end] == "/":
        path_start = end
        end = _path_end(text, end)
    if end < length and text[end] == "?":
        end = _query_end(text, end)
    return domain_end, path_start, end


def extract_mentions(text: str, *, lists: bool = False) -> list[Entity]:
    """@mentions (twitter-text ``extractMentionsWithIndices``); ``lists`` keeps ``@user/list``."""
    mentions = []
    for match in _MENTION.finditer(text, timeout=TIMEOUT_S):
        after = match.end()
        if _END_MENTION.match(text, after, timeout=TIMEOUT_S):
            continue
        if match.group(2) and not lists:
            continue
        mentions.append(Entity(kind="mention", start=match.start(), end=after, value=match.group(1)))
    return mentions


def extract_reply(text: str) -> str | None:
    """The screen name a tweet replies to (a mention that opens it), or None."""
    match = _REPLY.match(text, timeout=TIMEOUT_S)
    if match is None or _END_MENTION.match(text, match.end(), timeout=TIMEOUT_S):
        return None
    return match.group(1)


def extract_hashtags(text: str, *, urls: list[Entity] | None = None) -> list[Entity]:
    """#hashtags (twitter-text ``extractHashtagsWithIndices``), leaving out those inside URLs."""
    tags = []
    for match in _HASHTAG.finditer(text, timeout=TIMEOUT_S):
        if not _HASHTAG_ALPHA.search(match.group(1), timeout=TIMEOUT_S):
            continue
        if _END_HASHTAG.match(text, match.end(), timeout=TIMEOUT_S):
            continue
        tags.append(Entity(kind="hashtag", start=match.start(), end=match.end(), value=match.group(1)))
    found_urls = extract_urls(text) if urls is None else urls
    return _drop_overlapping(tags, found_urls) if found_urls else tags


def extract_cashtags(text: str) -> list[Entity]:
    """$cashtags (twitter-text ``extractCashtagsWithIndices``)."""
    return [
        Entity(kind="cashtag", start=match.start(), end=match.end(), value=match.group(1))
        for match in _CASHTAG.finditer(text, timeout=TIMEOUT_S)
    ]


def _drop_overlapping(entities: list[Entity], blockers: list[Entity]) -> list[Entity]:
    """``entities`` that overlap none of ``blockers`` (both sorted by start)."""
    kept = []
    index = 0
    for entity in entities:
        while index < len(blockers) and blockers[index].end <= entity.start:
            index += 1
        if index < len(blockers) and blockers[index].start < entity.end:
            continue
        kept.append(entity)
    return kept


def extract_entities(text: str) -> list[Entity]:
    """Every URL, hashtag, mention and cashtag in ``text``, sorted, overlaps removed.

    Like twitter-text's ``extractEntitiesWithIndices``: where two entities overlap, the one that
    starts first wins.
    """
    urls = extract_urls(text)
    found = [*urls, *extract_hashtags(text, urls=urls), *extract_mentions(text), *extract_cashtags(text)]
    found.sort(key=lambda entity: (entity.start, entity.end))
    kept: list[Entity] = []
    for entity in found:
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return kept


def extract_scraped_entities(text: str, start: int = 0, end: int | None = None) -> list[Entity]:
    """Entities of ``text[start:end]`` as scraped from an embed, offsets into ``text``.

    The span is first cut where a scraper glued anchors together (before ``https://`` or
    ``pic.twitter.com/`` that follow a non-space, before a ``#`` that follows a word
    character); each piece is then read with :func:`extract_entities`.
    """
    stop = len(text) if end is None else end
    cuts = [start, *(match.start() for match in _SEAM.finditer(text, start, stop, timeout=TIMEOUT_S)), stop]
    entities: list[Entity] = []
    for piece_start, piece_end in itertools.pairwise(cuts):
        if piece_end <= piece_start:
            continue
        piece = text[piece_start:piece_end]
        entities.extend(
            attrs.evolve(entity, start=entity.start + piece_start, end=entity.end + piece_start)
            for entity in extract_entities(piece)
        )
    return entities


def is_media_url(url: str) -> bool:
    """Whether ``url`` is an attached photo or video link (``pic.twitter.com/...``)."""
    bare = url.lower().removeprefix("https://").removeprefix("http://")
    return bare.startswith(_MEDIA_HOSTS)
