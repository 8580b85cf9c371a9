"""The built-in ``posts`` extractor: social-media embeds as they read in scraped article text.

A scraped tweet is its text (one or more lines) followed by an attribution line::

    Die Kurve der AfD ... ist steil und abschüssig. https://t.co/WyXDMUqEGa
    — RobertHabeck (@RobertHabeck) 2. Juni 2018

The attribution line is the anchor: a dash, a display name, ``(@handle)`` and the embed's date
(or nothing). Bluesky writes the same with a domain handle and a time, Mastodon ``@user@host``.
Instagram leaves "A post shared by Name (@handle)", Threads and Mastodon "Post by @user", consent
walls "Externer Inhalt von YouTube": those are found by phrase tables (``post_phrases``).

The post's text is the block of lines right above the attribution line, as far back as a post
can be long (Twitter's weighted 280 characters, with a little slack for what scraping adds),
never across a blank line or another post. Lines that merely contain an ``@handle`` or a date
are not posts: the attribution line must be nothing but name, handle, date and link.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import attrs
import regex

from quotekit import _compiled
from quotekit._regex import TIMEOUT_S
from quotekit.boilerplate.lexicon import Lexicon as BoilerplateLexicon
from quotekit.lang import LanguageData
from quotekit.lang.detect import LanguageDetector
from quotekit.model import Author, Document, Post
from quotekit.posts.dates import EmbedDateParser
from quotekit.posts.entities import Entity, extract_scraped_entities, is_media_url

__all__ = ["PostParser", "status_of"]

#: Attribution lines are short; longer lines are prose and are not examined.
_MAX_ATTRIBUTION_LINE: Final = 400
#: Twitter's limit in weighted characters, plus slack for how scraping renders a post.
_MAX_POST_WEIGHT: Final = 300
#: A single line right above the attribution may be longer (a post's text without breaks).
_MAX_FIRST_LINE_WEIGHT: Final = 420
#: Lines up to this long that the page repeats word for word are furniture, not post text.
_MAX_FURNITURE_LINE: Final = 40
_TRAILING_LINKS: Final = ("keep", "drop")
#: How many lines above "A post shared by" the "View this post on Instagram" line may be.
_MAX_CAPTION_LINES: Final = 8

_HANDLE: Final = (
    r"(?P<handle>"
    r"[A-Za-z0-9_]{1,30}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,6}"  # Mastodon user@host
    r"|[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9][A-Za-z0-9\-]{0,62}){1,6}"  # Bluesky domain
    r"|[A-Za-z0-9_]{1,15}"  # Twitter / X
    r")"
)
_DASH: Final = r"(?:—|–|―|-|&mdash;|&#8212;|&ndash;)"
_SPACE: Final = r"[ \t\u00a0\u2009\u202f]"
_ATTRIBUTION = regex.compile(
    rf"{_SPACE}*(?P<dash>{_DASH})?{_SPACE}*(?P<name>[^\n]{{0,100}}?){_SPACE}*"
    rf"\({_SPACE}*[@＠]{_HANDLE}{_SPACE}*\)"
)
_STATUS = regex.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?P<user>\w{1,15})/status(?:es)?/(?P<id>\d{1,20})[^\s]*"
    r"|https?://bsky\.app/profile/(?P<buser>[^/\s]{1,253})/post/(?P<bid>[a-z0-9]{1,20})[^\s]*"
    r"|https?://(?:www\.)?instagram\.com/(?:p|reel|tv)/(?P<iid>[\w\-]{1,40})[^\s]*"
    r"|https?://(?:www\.)?threads\.(?:net|com)/@[\w.]{1,30}/post/(?P<tid>[\w\-]{1,40})[^\s]*"
    r"|https?://[a-z0-9\-.]{1,253}/@\w{1,30}/(?P<mid>\d{5,20})(?![\w/])[^\s]*",
    regex.I,
)
_LONE_URL = regex.compile(r"https?://\S{1,2000}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")


@attrs.frozen(kw_only=True)
class _Found:
    """A post found in the text before its entities and language are filled in."""

    start: int
    end: int
    platform: str
    text_start: int
    text_end: int
    name: str | None = None
    handle: str | None = None
    author_url: str | None = None
    date: str | None = None
    date_text: str | None = None


def _weight(text: str, start: int, end: int, limit: int) -> int:
    """Twitter's weighted length of ``text[start:end]``, stopping once past ``limit``.

    Code points outside Latin and general punctuation count twice, as twitter-text counts them.
    Links count nothing: the trailing link of a quoted post or of attached media is not part of
    Twitter's count, and a link inside the text is short next to the slack allowed.
    """
    total = 0
    cursor = start
    while cursor < end and total <= limit:
        char = text[cursor]
        if char in "hp" and (
            text.startswith(("http://", "https://"), cursor) or text.startswith("pic.", cursor)
        ):
            stop = cursor
            while stop < end and not text[stop].isspace():
                stop += 1
            cursor = stop
            continue
        code = ord(char)
        total += (
            1 if code <= 4351 or 8192 <= code <= 8205 or 8208 <= code <= 8223 or 8242 <= code <= 8247 else 2
        )
        cursor += 1
    return total


def _phrases(data: LanguageData, kind: str) -> dict[str, str]:
    """Phrase (casefolded) -> platform, for every row of ``kind`` in any language."""
    found: dict[str, str] = {}
    for lang in data.languages:
        for row in data.table(lang, "post_phrases"):
            if isinstance(row, Mapping) and row.get("kind") == kind and isinstance(row.get("phrase"), str):
                found[_fold(row["phrase"])] = str(row.get("platform", ""))
    return found


def _alternation(phrases: Mapping[str, str]) -> str:
    escaped = [
        regex.escape(phrase).replace(r"\ ", r"\s+") for phrase in sorted(phrases, key=len, reverse=True)
    ]
    return "|".join(escaped) or r"(?!)"


class PostParser:
    """Embedded social-media posts: tweets and other embeds as they read in scraped text.

    Adds one :class:`~quotekit.model.Post` per embed to ``Document.posts``: ``start``/``end``
    cover the embed with its attribution line, ``text_start``/``text_end`` the post's own text
    (an exact substring of the document), with author, ISO date, links, media, hashtags,
    mentions, cashtags and the post's own language.
    """

    name = "posts"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("posts",)
    after: tuple[str, ...] = ()

    def __init__(self, data: LanguageData, *, trailing_links: str = "keep") -> None:
        if trailing_links not in _TRAILING_LINKS:
            msg = f"trailing_links must be one of {_TRAILING_LINKS}, got {trailing_links!r}"
            raise ValueError(msg)
        self._data = data
        self._trailing_links = trailing_links
        self._dates = EmbedDateParser(data)
        self._detector = LanguageDetector(data)
        self._non_latin_languages = frozenset(
            lang
            for lang in data.languages
            if (words := " ".join(data.words(lang, "function_words")))
            and _letter_counts(words)[0] * 2 < _letter_counts(words)[1]
        )
        self._date_prefixes = _phrases(data, "date_prefix")
        shared_by = _phrases(data, "shared_by")
        post_by = _phrases(data, "post_by")
        self._view_on = _phrases(data, "view_on")
        self._placeholders = _phrases(data, "placeholder")
        self._shared_by = _compiled.compile(
            rf"{_SPACE}*(?:{_alternation(shared_by)}){_SPACE}+(?P<name>[^\n]{{0,100}}?){_SPACE}*"
            rf"\({_SPACE}*@(?P<handle>[A-Za-z0-9_.]{{1,30}}){_SPACE}*\)",
            regex.I,
        )
        self._post_by = _compiled.compile(
            rf"{_SPACE}*(?:{_alternation(post_by)}){_SPACE}+@(?P<user>[A-Za-z0-9_.]{{1,30}})"
            rf"(?:@(?P<host>[A-Za-z0-9\-]{{1,63}}(?:\.[A-Za-z0-9\-]{{1,63}}){{1,6}}))?{_SPACE}*$",
            regex.I | regex.M,
        )
        self._view_on_line = _compiled.compile(
            rf"{_SPACE}*(?P<phrase>{_alternation(self._view_on)})(?!\w)", regex.I
        )
        # matched at each line start by the caller: "^" under MULTILINE tries every position
        self._placeholder_line = _compiled.compile(
            rf"{_SPACE}*(?P<phrase>{_alternation(self._placeholders)})(?!\w)", regex.I
        )
        # "Der Minister schrieb auf X:" introduces a post and is article prose, not post text.
        self._intro_line = _compiled.compile(
            rf"(?<!\w)(?:{_alternation(_phrases(data, 'intro'))})(?!\w)[^\n]*:\s*$", regex.I
        )
        self._date_prefix = _compiled.compile(rf"(?:{_alternation(self._date_prefixes)}){_SPACE}+", regex.I)

    def _is_furniture(self, line: str) -> bool:
        """Whether the boilerplate phrase tables (of any language) call ``line`` page furniture."""
        # The stripper's lexicon of the same tables, compiled once and shared.
        return BoilerplateLexicon.of(self._data).furniture(line, "") is not None

    def __call__(self, doc: Document, /) -> Document:
        """``doc`` with the posts found in its text added to ``Document.posts``.

        Posts the document holds already (read from an embed's markup by the HTML reader) are
        kept, and a post found in the text that overlaps one of them is not added: the markup
        bounds an embed better than the lines around it.
        """
        found = self.find(doc.text)
        if doc.posts:
            found = [post for post in found if not _overlaps_any(post, doc.posts)]
        if not found:
            return doc
        return doc.evolve(posts=sorted([*doc.posts, *found], key=lambda post: (post.start, post.end)))

    def find(
        self, text: str, *, start: int = 0, end: int | None = None, lang_hint: str | None = None
    ) -> list[Post]:
        """The posts in ``text``, in order of appearance.

        With ``start``/``end`` only that region is searched and a post's text may reach back to
        ``start`` whatever its length: the caller knows the region is one embed (HTML input).
        """
        stop = len(text) if end is None else end
        if start > 0 or stop < len(text):
            # A region is one embed: read it on its own, then move the offsets back.
            return [
                attrs.evolve(
                    post,
                    start=post.start + start,
                    end=post.end + start,
                    text_start=post.text_start + start,
                    text_end=post.text_end + start,
                )
                for post in self._find(text[start:stop], bounded=True, lang_hint=lang_hint)
            ]
        return self._find(text, bounded=False, lang_hint=lang_hint)

    def _find(self, text: str, *, bounded: bool, lang_hint: str | None) -> list[Post]:
        candidates: list[_Found] = []
        if "@" in text or "＠" in text:
            candidates.extend(self._at_lines(text, bounded=bounded))
        candidates.extend(self._placeholder_posts(text))
        candidates.sort(key=lambda item: (item.start, -item.end))
        posts: list[Post] = []
        last_end = -1
        for item in candidates:
            if item.start < last_end:
                continue
            posts.append(self._complete(text, item, lang_hint))
            last_end = item.end
        return posts

    # ------------------------------------------------------------ finding embeds

    def _at_lines(self, text: str, *, bounded: bool = False) -> Iterator[_Found]:
        """Every post anchored on a line holding an ``@``; each line is examined once."""
        floor = 0  # no post text reaches back before the end of the previous post
        cursor = 0
        length = len(text)
        # The next of each kind of at sign, searched again only once the scan passes it, so a
        # text with none of one kind is not searched to its end once per line.
        next_ascii = next_wide = -1
        while True:
            if next_ascii != length and next_ascii < cursor:
                next_ascii = _find_or_end(text, "@", cursor)
            if next_wide != length and next_wide < cursor:
                next_wide = _find_or_end(text, "＠", cursor)
            at = min(next_ascii, next_wide)
            if at >= length:
                return
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            line_end = length if line_end < 0 else line_end
            cursor = line_end + 1
            if line_end - line_start > _MAX_ATTRIBUTION_LINE:
                continue
            item = (
                self._twitter_like(text, line_start, line_end, floor, bounded=bounded)
                or self._instagram(text, line_start, line_end, floor)
                or self._post_by_line(text, line_start, line_end)
            )
            if item is not None:
                floor = item.end
                cursor = max(cursor, item.end)
                yield item

    def _twitter_like(
        self, text: str, line_start: int, line_end: int, floor: int, *, bounded: bool = False
    ) -> _Found | None:
        """A ``— Name (@handle) Date`` attribution line and the post text above it."""
        match = _ATTRIBUTION.match(text, line_start, line_end, timeout=TIMEOUT_S)
        if match is None:
            return None
        name = match.group("name").strip() or None
        handle = match.group("handle")
        rest_start = match.end()
        rest_end = _rstrip(text, rest_start, line_end)
        date, date_text, end = self._attribution_date(text, rest_start, rest_end)
        if end < 0:
            return None
        if match.group("dash") is None and (date is None or name is None or len(name) > 50):
            # Without the dash only a line that is exactly "Name (@handle) Date" will do.
            return None
        if end == rest_end and date is None:
            following = self._date_on_next_line(text, line_end)
            if following is not None:
                date, date_text, end = following
        end = max(end, match.end())
        if "@" in handle:
            platform, author_url = "mastodon", _mastodon_url(handle)
        elif "." in handle:
            platform, author_url = "bluesky", f"https://bsky.app/profile/{handle}"
        else:
            platform, author_url = "twitter", None
        text_start, text_end = self._text_above(text, line_start, floor, bounded=bounded)
        return _Found(
            start=min(text_start, line_start),
            end=end,
            platform=platform,
            text_start=text_start,
            text_end=text_end,
            name=name,
            handle=handle,
            author_url=author_url,
            date=date,
            date_text=date_text,
        )

    def _attribution_date(self, text: str, start: int, end: int) -> tuple[str | None, str | None, int]:
        """(ISO date, date text, end of the attribution) of what follows the handle.

        The end is -1 when what follows is neither a date nor a link: then the line is prose
        that happens to hold a ``(@handle)``, not an embed.
        """
        start = _lstrip(text, start, end)
        if start >= end:
            return None, None, end
        prefix = self._date_prefix.match(text, start, end, timeout=TIMEOUT_S)
        date_start = prefix.end() if prefix else start
        found = self._dates.match(text, date_start, end)
        if found is not None:
            after = _lstrip(text, found.end, end)
            if after >= end or _LONE_URL.fullmatch(text, after, end, timeout=TIMEOUT_S):
                date_text = text[date_start : _rstrip(text, date_start, found.end)]
                return found.value, date_text, end
            return None, None, -1
        if _LONE_URL.fullmatch(text, start, end, timeout=TIMEOUT_S):
            return None, None, end
        return None, None, -1

    def _date_on_next_line(self, text: str, line_end: int) -> tuple[str, str, int] | None:
        """A date standing alone on the line after the attribution (some scrapers break there)."""
        if line_end >= len(text):
            return None
        start = line_end + 1
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        if stop - start > 60:
            return None
        begin = _lstrip(text, start, stop)
        finish = _rstrip(text, begin, stop)
        found = self._dates.match(text, begin, finish)
        if found is None or found.end != finish:
            return None
        return found.value, text[begin:finish], finish

    def _text_above(
        self, text: str, line_start: int, floor: int, *, bounded: bool = False
    ) -> tuple[int, int]:
        """(start, end) of the post's text: the block of lines right above ``line_start``.

        ``bounded``: everything from ``floor`` on belongs to the post (one embed's HTML).
        """
        if bounded:
            text_end = _rstrip(text, floor, line_start)
            text_start = _lstrip(text, floor, text_end)
            return (text_start, text_end) if text_start < text_end else (line_start, line_start)
        text_end = _rstrip(text, floor, line_start)
        cursor = line_start
        weight = 0
        first = True
        repeated: frozenset[str] | None = None
        while cursor > floor:
            previous_end = cursor - 1  # the newline that ends the line above
            if previous_end < floor or text[previous_end] != "\n":
                break
            previous_start = max(text.rfind("\n", 0, previous_end) + 1, floor)
            content_start = _lstrip(text, previous_start, previous_end)
            if content_start >= previous_end:
                break  # a blank line ends the block
            if text[_rstrip(text, content_start, previous_end) - 1] == ":" and self._intro_line.search(
                text, content_start, previous_end, timeout=TIMEOUT_S
            ):
                break
            if previous_end - content_start <= _MAX_FURNITURE_LINE:
                # A short line the page repeats ("Article content") is page furniture.
                if repeated is None:
                    repeated = _repeated_short_lines(text)
                if text[content_start:previous_end].strip() in repeated:
                    break
                # A share bar or "Anzeige" right above the embed is the page's, not the post's.
                if not first and self._is_furniture(text[content_start:previous_end]):
                    break
            limit = _MAX_FIRST_LINE_WEIGHT if first else _MAX_POST_WEIGHT - weight
            line_weight = _weight(text, previous_start, previous_end, limit)
            if line_weight > limit:
                break
            weight += line_weight
            first = False
            cursor = previous_start
        text_start = _lstrip(text, cursor, text_end)
        if text_start >= text_end:
            return line_start, line_start
        return text_start, text_end

    def _instagram(self, text: str, line_start: int, line_end: int, floor: int) -> _Found | None:
        """Instagram's "A post shared by Name (@handle) [on Date]", with the caption if marked."""
        match = self._shared_by.match(text, line_start, line_end, timeout=TIMEOUT_S)
        if match is None:
            return None
        rest_end = _rstrip(text, match.end(), line_end)
        date, date_text, end = self._attribution_date(text, match.end(), rest_end)
        if end < 0:
            date, date_text, end = None, None, rest_end
        start = line_start
        text_start = text_end = line_start
        view_on = self._view_on_above(text, line_start, floor, "instagram")
        if view_on is not None:
            start, caption_start = view_on
            caption_end = _rstrip(text, caption_start, line_start)
            caption_start = _lstrip(text, caption_start, caption_end)
            if caption_start < caption_end:
                text_start, text_end = caption_start, caption_end
        handle = match.group("handle")
        return _Found(
            start=start,
            end=max(end, match.end()),
            platform="instagram",
            text_start=text_start,
            text_end=text_end,
            name=match.group("name").strip() or None,
            handle=handle,
            author_url=f"https://www.instagram.com/{handle}/",
            date=date,
            date_text=date_text,
        )

    def _view_on_above(self, text: str, line_start: int, floor: int, platform: str) -> tuple[int, int] | None:
        """(start, end) of a "View this post on ..." line a few lines above, for ``platform``."""
        cursor = line_start
        for _ in range(_MAX_CAPTION_LINES):
            if cursor <= floor or cursor == 0:
                return None
            previous_start = max(text.rfind("\n", 0, cursor - 1) + 1, floor)
            match = self._view_on_line.match(text, previous_start, cursor, timeout=TIMEOUT_S)
            if match and self._view_on.get(_fold(match.group("phrase"))) == platform:
                return previous_start, _line_end(text, previous_start) + 1
            cursor = previous_start
        return None

    def _post_by_line(self, text: str, line_start: int, line_end: int) -> _Found | None:
        """Mastodon's "Post by @user@host", or "Post by @user" followed by "View on Threads"."""
        match = self._post_by.match(text, line_start, line_end, timeout=TIMEOUT_S)
        if match is None:
            return None
        user, host = match.group("user"), match.group("host")
        view_on = self._view_on_below(text, line_end)
        platform = view_on[2] if view_on else ("mastodon" if host else "")
        if not platform:
            return None
        end = view_on[1] if view_on else _rstrip(text, line_start, line_end)
        text_start = text_end = line_start
        if view_on is not None:
            body_end = _rstrip(text, line_end, view_on[0])
            body_start = _lstrip(text, line_end, body_end)
            if body_start < body_end:
                text_start, text_end = body_start, body_end
        handle = f"{user}@{host}" if host else user
        author_url = _mastodon_url(handle) if host else f"https://www.threads.net/@{user}"
        return _Found(
            start=_lstrip(text, line_start, line_end),
            end=end,
            platform=platform,
            text_start=text_start,
            text_end=text_end,
            handle=handle,
            author_url=author_url,
        )

    def _view_on_below(self, text: str, line_end: int) -> tuple[int, int, str] | None:
        cursor = line_end + 1
        for _ in range(_MAX_CAPTION_LINES):
            if cursor >= len(text):
                return None
            stop = _line_end(text, cursor)
            match = self._view_on_line.match(text, cursor, stop, timeout=TIMEOUT_S)
            if match:
                platform = self._view_on.get(_fold(match.group("phrase")), "")
                return cursor, _rstrip(text, cursor, stop), platform
            cursor = stop + 1
        return None

    def _placeholder_lines(self, text: str) -> Iterator[regex.Match[str]]:
        """The lines that start with a placeholder phrase, one anchored match per line."""
        start = 0
        while start < len(text):
            stop = _line_end(text, start)
            match = self._placeholder_line.match(text, start, stop, timeout=TIMEOUT_S)
            if match is not None:
                yield match
            start = stop + 1

    def _placeholder_posts(self, text: str) -> Iterator[_Found]:
        """Consent walls and "load tweet" buttons: a post whose text the page never showed."""
        if not self._placeholders:
            return
        previous: _Found | None = None
        for match in self._placeholder_lines(text):
            platform = self._placeholders.get(_fold(match.group("phrase")), "")
            start = match.start("phrase")
            end = _rstrip(text, start, _line_end(text, start))
            if (
                previous is not None
                and previous.platform == platform
                and not text[previous.end : start].strip()
            ):
                previous = attrs.evolve(previous, end=end)
                continue
            if previous is not None:
                yield previous
            previous = _Found(start=start, end=end, platform=platform, text_start=start, text_end=start)
        if previous is not None:
            yield previous

    # ------------------------------------------------------------ filling in

    def _complete(self, text: str, item: _Found, lang_hint: str | None) -> Post:
        entities = (
            extract_scraped_entities(text, item.text_start, item.text_end)
            if item.text_end > item.text_start
            else []
        )
        urls, media = _links(entities)
        status_url, status_id = _status(text, item.start, item.end)
        text_end = item.text_end
        if self._trailing_links == "drop":
            text_end = _before_trailing_links(text, item.text_start, text_end, entities)
        post_text = text[item.text_start : text_end]
        return Post(
            start=item.start,
            end=item.end,
            platform=item.platform,
            text=post_text,
            text_start=item.text_start,
            text_end=text_end,
            author=Author(name=item.name, handle=item.handle, url=item.author_url),
            date=item.date,
            date_text=item.date_text,
            status_url=status_url,
            status_id=status_id,
            urls=urls,
            media=media,
            hashtags=_unique(text[e.start : e.end] for e in entities if e.kind == "hashtag"),
            mentions=_unique(text[e.start : e.end] for e in entities if e.kind == "mention"),
            cashtags=_unique(text[e.start : e.end] for e in entities if e.kind == "cashtag"),
            lang=lang_hint or self.language_of(post_text),
        )

    def language_of(self, text: str) -> str | None:
        """The language of a post's text by function words, or by script for Japanese/Korean.

        None when it cannot be told: text mostly in a script none of the known function-word
        lists is written in (English words in a Nepali post must not make it English).
        """
        if not text.strip():
            return None
        latin, letters = _letter_counts(text)
        lang = self._detector.detect(text)
        if letters > 2 * latin:
            lang = lang if lang in self._non_latin_languages else "und"
        if lang != "und":
            return lang
        return _script_language(text)

    def configure(self, options: Mapping[str, Any]) -> PostParser:
        """A parser with ``options`` applied; the one option is ``trailing_links``.

        ``"keep"`` (the default) leaves the links that close a post (``https://t.co/…``,
        ``pic.twitter.com/…``) in its ``text``, as the embed shows them; ``"drop"`` ends the
        text before them (they stay in ``urls`` and ``media``).
        """
        unknown = sorted(set(options) - {"trailing_links"})
        if unknown:
            msg = f"the posts extractor takes only 'trailing_links', got {unknown}"
            raise ValueError(msg)
        if not options:
            return self
        return PostParser(self._data, trailing_links=options["trailing_links"])


def _overlaps_any(post: Post, others: Sequence[Post]) -> bool:
    return any(post.start < other.end and other.start < post.end for other in others)


def _letter_counts(text: str) -> tuple[int, int]:
    """(Latin letters, all letters) in ``text``; Latin is Basic Latin to Latin Extended-B."""
    latin = letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            code = ord(char)
            latin += code < 0x0250 or 0x1E00 <= code <= 0x1EFF
    return latin, letters


def _before_trailing_links(text: str, start: int, end: int, entities: list[Entity]) -> int:
    """Where the text ends once the links closing it (and the spaces before them) are cut."""
    for entity in reversed(entities):
        if entity.kind != "url" or _rstrip(text, start, end) > entity.end:
            break
        end = _rstrip(text, start, entity.start)
    return end


def _script_language(text: str) -> str | None:
    """Japanese or Korean by their own scripts, which no other language writes."""
    if _KANA.search(text, timeout=TIMEOUT_S):
        return "ja"
    if _HANGUL.search(text, timeout=TIMEOUT_S):
        return "ko"
    return None


def _links(entities: list[Entity]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    urls = _unique(e.value for e in entities if e.kind == "url" and not is_media_url(e.value))
    media = _unique(e.value for e in entities if e.kind == "url" and is_media_url(e.value))
    return urls, media


def _status(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    match = _STATUS.search(text, start, end, timeout=TIMEOUT_S)
    if match is None:
        return None, None
    return match.group(), _status_id(match)


def status_of(url: str) -> tuple[str, str | None] | None:
    """(url, status id) when ``url`` is a post's own address on a known platform, else None."""
    match = _STATUS.fullmatch(url, timeout=TIMEOUT_S)
    return None if match is None else (url, _status_id(match))


def _status_id(match: regex.Match[str]) -> str | None:
    for group in ("id", "bid", "iid", "tid", "mid"):
        if match.group(group):
            return match.group(group)
    return None


def _unique(values: Iterator[str] | Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _mastodon_url(handle: str) -> str:
    user, _, host = handle.partition("@")
    return f"https://{host}/@{user}"


def _repeated_short_lines(text: str) -> frozenset[str]:
    """The short lines that occur more than once in ``text`` (menus, labels, furniture)."""
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= _MAX_FURNITURE_LINE:
            counts[stripped] = counts.get(stripped, 0) + 1
    return frozenset(line for line, count in counts.items() if count > 1)


def _find_or_end(text: str, needle: str, start: int) -> int:
    found = text.find(needle, start)
    return len(text) if found < 0 else found


def _fold(phrase: str) -> str:
    return " ".join(phrase.split()).casefold()


def _line_end(text: str, position: int) -> int:
    stop = text.find("\n", position)
    return len(text) if stop < 0 else stop


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
