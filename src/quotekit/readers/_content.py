"""Article or furniture: a decision for every line of a rendered page.

Two engines give the decision. With the ``html`` extra installed, trafilatura reads the page
(the tree quotekit already parsed, so it is parsed once) and the lines of quotekit's text that
its output holds are the article. Without it, or when trafilatura finds no article, a DOM
classifier of quotekit's own picks the element that holds the most prose (Readability's
scoring: words and commas of low-link-density paragraphs, credited to their parent and
grandparent, weighted by the element's name and class words) and keeps its lines. Either way,
a line that is not article gets a reason from the markup around it (``navigation``,
``footer``, ``related``, ``comments``, ``teaser``, …; see ``data/html_furniture.json``).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

from quotekit._regex import backtrack_free

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml.html import HtmlElement

    from quotekit.readers._dom import Line, Rendered

#: Reasons for lines outside the article that the markup does not explain further.
NAVIGATION: Final = "navigation"
PAGE_FURNITURE: Final = "page furniture"
COMMENTS: Final = "comments"
_WORD = backtrack_free(r"\w++")
_SEPARATORS: Final = str.maketrans(dict.fromkeys("-_:./", " "))
#: Shingle size of the line matching (the scorer's and the benchmark's unit).
_N: Final = 4
#: Share of a line's shingles that must be in trafilatura's output for the line to be article.
_KEEP_SHARE: Final = 0.5
#: A line this link-heavy (share of its characters inside links) is navigation.
_LINK_HEAVY: Final = 0.5
_MIN_PROSE_WORDS: Final = 5
_MAX_PROSE_LINK_SHARE: Final = 0.35
#: A line trafilatura left out is taken back only when it is a paragraph of this many words.
_MIN_RESCUED_WORDS: Final = 10
#: trafilatura's fast pass is doubted (and its full cascade, with its fallback extractors, run)
#: when it keeps fewer characters than this, or when the DOM classifier's article is this many
#: times longer: on the dev pages 6 % of the pages, which keeps the full cascade's accuracy.
_MIN_FAST_CHARS: Final = 500
_DOM_LONGER: Final = 2.0
#: An article has at least this much prose score; less is a section front or an index page.
_MIN_ARTICLE_SCORE: Final = 12.0
#: trafilatura's article is widened to the deepest element holding this share of its text ...
_HOLDING_SHARE: Final = 0.8
#: ... or its nearest ancestor with this many paragraphs (one paragraph's block is no article) ...
_HOLDING_PARAGRAPHS: Final = 3
#: ... when the paragraphs it left out in that element add up to this share of what is kept.
_WIDEN_SHARE: Final = 0.25
#: A line between the headline and the article is its standfirst when this share of its word
#: 4-grams is in the page's description.
_LEAD_SHARE: Final = 0.5


@cache
def _furniture() -> dict[str, Any]:
    raw = resources.files("quotekit.readers").joinpath("data/html_furniture.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _class_words(element: HtmlElement) -> list[str]:
    value = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not value.strip():
        return []
    classes = value.lower().split()
    if not _POST_MARKERS.isdisjoint(classes):
        # <article class="post hentry tag-wahlen author-jdoe">: a content system's post classes
        # say what the post is filed under, not what kind of block the element is
        value = " ".join(name for name in classes if not name.startswith(_TAXONOMY_CLASSES))
    return value.lower().translate(_SEPARATORS).split()


#: Classes a content system gives a whole post (WordPress post_class), beside its taxonomy
#: classes: where one of them stands, the taxonomy classes name no furniture.
_POST_MARKERS: Final = frozenset({"hentry", "type-post", "type-page", "status-publish", "format-standard"})
#: Prefixes of the classes that file a post under a taxonomy (category-x, tag-y, author-z).
_TAXONOMY_CLASSES: Final = ("author-", "category-", "tag-", "format-", "status-", "type-", "postid-")


def element_reason(element: HtmlElement) -> str | None:
    """The furniture reason the element's own name or class words give, if any."""
    table = _furniture()
    tag = element.tag if isinstance(element.tag, str) else ""
    reason = table["tags"].get(tag)
    if reason is not None:
        return str(reason)
    words = table["words"]
    for word in _class_words(element):
        if word in words:
            return str(words[word])
    return None


class Ancestry:
    """What the markup above each element of one page says, each element looked at once.

    The furniture reason of a line comes from its nearest ancestor that names one; lines share
    their ancestors, so the walk up stops at the first element already seen, which keeps the
    work linear in the page however deep it nests.
    """

    def __init__(self) -> None:
        self._nearest: dict[HtmlElement, HtmlElement | None] = {}
        self._reasons: dict[HtmlElement, str] = {}
        self._inside: dict[HtmlElement, bool] = {}
        self._container: HtmlElement | None = None

    def nearest_furniture(self, element: HtmlElement) -> HtmlElement | None:
        """The element itself or its nearest ancestor whose name or class words are furniture."""
        chain: list[HtmlElement] = []
        current: HtmlElement | None = element
        found: HtmlElement | None = None
        while current is not None:
            if current in self._nearest:
                found = self._nearest[current]
                break
            chain.append(current)
            reason = element_reason(current)
            if reason is not None:
                self._reasons[current] = reason
                found = current
                break
            current = current.getparent()
        for seen in chain:
            self._nearest[seen] = found
        return found

    def reason(self, element: HtmlElement, stop: HtmlElement | None = None) -> str | None:
        """The reason the nearest furniture ancestor of ``element`` (strictly below ``stop``) gives."""
        furniture = self.nearest_furniture(element)
        if furniture is None or (
            stop is not None and (furniture is stop or not self.inside(furniture, stop))
        ):
            return None
        return self._reasons[furniture]

    def inside(self, element: HtmlElement, container: HtmlElement) -> bool:
        """Whether ``element`` is ``container`` or lies in it."""
        if container is not self._container:
            self._container, self._inside = container, {}
        chain: list[HtmlElement] = []
        current: HtmlElement | None = element
        answer = False
        while current is not None:
            if current is container:
                answer = True
                break
            known = self._inside.get(current)
            if known is not None:
                answer = known
                break
            chain.append(current)
            current = current.getparent()
        for seen in chain:
            self._inside[seen] = answer
        return answer

    def outside_reason(self, line: Line) -> str:
        """The reason a line outside the article gets: its markup's, else by its link share."""
        reason = self.reason(line.element)
        if reason is not None:
            return reason
        chars = line.end - line.start
        return NAVIGATION if chars and line.link_chars / chars > _LINK_HEAVY else PAGE_FURNITURE


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def decide_by_text(rendered: Rendered, article: str, ancestry: Ancestry | None = None) -> list[str | None]:
    """Lines whose words are in ``article`` (an extractor's output) are kept, the rest marked.

    Matching is by counts, in reading order, so a line repeated on the page (a pull quote, a
    "Share this story: <title>" bar) is kept only as often as the article holds it: a line
    that is a whole line of ``article`` uses up that line; a longer line is article when half
    of its word 4-grams are still unused in ``article``, and uses them up. A line of at most
    four words must be a whole line of ``article``. Hash look-ups only: linear in both texts.
    """
    ancestry = ancestry or Ancestry()
    article_lines: Counter[tuple[str, ...]] = Counter()
    grams: Counter[tuple[str, ...]] = Counter()
    for article_line in article.splitlines():
        words = tuple(_words(article_line))
        if words:
            article_lines[words] += 1
            grams.update(_shingles(words))
    text = rendered.text
    decisions: list[str | None] = []
    for line in rendered.lines:
        words = tuple(_words(text[line.start : line.end]))
        if not words:
            decisions.append(None)
            continue
        shingles = _shingles(words)
        if article_lines[words] > 0:
            article_lines[words] -= 1
            kept = True
        elif len(words) <= _N:
            kept = False
        else:
            kept = sum(1 for shingle in shingles if grams[shingle] > 0) >= _KEEP_SHARE * len(shingles)
        if kept:
            grams.subtract(shingles)
        decisions.append(None if kept else ancestry.outside_reason(line))
    return decisions


def _shingles(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    if len(words) <= _N:
        return [words]
    return [words[i : i + _N] for i in range(len(words) - _N + 1)]


def _prose_score(text: str, line: Line) -> float:
    chars = line.end - line.start
    words = text.count(" ") + 1
    if (
        line.heading
        or words < _MIN_PROSE_WORDS
        or (chars and line.link_chars / chars > _MAX_PROSE_LINK_SHARE)
    ):
        return 0.0
    return 1.0 + text.count(",") + min(chars / 100, 3.0)


def _weight(element: HtmlElement) -> float:
    tag = element.tag if isinstance(element.tag, str) else ""
    weight = 1.0
    if tag in {"article", "main"} or element.get("itemprop") == "articleBody":
        weight *= 1.5
    if element_reason(element) is not None:
        weight *= 0.2
    elif any(word in _furniture()["article_words"] for word in _class_words(element)):
        weight *= 1.25
    return weight


def best_container(rendered: Rendered) -> tuple[HtmlElement | None, float]:
    """The element holding the most prose (Readability's scoring) and its score."""
    scores: dict[HtmlElement, float] = {}
    text = rendered.text
    for line in rendered.lines:
        score = _prose_score(text[line.start : line.end], line)
        if not score:
            continue
        parent = line.element.getparent()
        for share in (1.0, 0.5, 1 / 3):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0.0) + score * share
            parent = parent.getparent()
    if not scores:
        return None, 0.0
    best = max(scores, key=lambda element: scores[element] * _weight(element))
    return best, scores[best] * _weight(best)


def decide_by_dom(
    rendered: Rendered, title: str | None, ancestry: Ancestry | None = None
) -> tuple[list[str | None], bool]:
    """Quotekit's own decision: the best container's lines, less the furniture inside it.

    Returns the decisions and whether an article was found at all.
    """
    ancestry = ancestry or Ancestry()
    container, score = best_container(rendered)
    if container is None or score < _MIN_ARTICLE_SCORE:
        return [ancestry.outside_reason(line) for line in rendered.lines], False
    text = rendered.text
    decisions: list[str | None] = []
    for line in rendered.lines:
        if not ancestry.inside(line.element, container):
            decisions.append(ancestry.outside_reason(line))
            continue
        reason = ancestry.reason(line.element, stop=container)
        chars = line.end - line.start
        if reason is None and chars and line.link_chars / chars > _LINK_HEAVY:
            reason = NAVIGATION
        decisions.append(reason)
    _keep_headline(rendered, decisions, title, text)
    return decisions, True


def _keep_headline(rendered: Rendered, decisions: list[str | None], title: str | None, text: str) -> None:
    """Keep the heading above the article that repeats the page's title: the headline."""
    first = next((index for index, reason in enumerate(decisions) if reason is None), None)
    if first is None or not title:
        return
    wanted = " ".join(_words(title)).lower()
    for index in range(first - 1, -1, -1):
        line = rendered.lines[index]
        words = " ".join(_words(text[line.start : line.end])).lower()
        if line.heading and words and words in wanted:
            decisions[index] = None
            return


def trafilatura_text(root: HtmlElement, url: str | None, *, fast: bool) -> str | None:
    """Trafilatura's article text of the parsed page, or ``None`` when it finds none.

    Raises ``ImportError`` without the ``html`` extra. trafilatura prunes the tree it is
    given: call this after the tree was rendered.
    """
    import trafilatura

    result = trafilatura.extract(
        root,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        fast=fast,
        deduplicate=False,
    )
    return result if isinstance(result, str) and result.strip() else None


def doubtful(rendered: Rendered, article: str | None, by_dom: Sequence[str | None]) -> bool:
    """Whether trafilatura's fast pass (``article``) looks short of the article.

    trafilatura's own cascade runs Readability and jusText after its main extractor and takes
    their text when its own is short or under half of theirs; quotekit's DOM classifier plays
    Readability's part here, so the costly cascade runs only on the pages where it can matter.
    """
    if article is None:
        return True
    kept = len(article) - article.count("\n")
    if kept < _MIN_FAST_CHARS:
        return True
    by_dom_chars = sum(
        line.end - line.start for line, reason in zip(rendered.lines, by_dom, strict=True) if reason is None
    )
    return by_dom_chars > _DOM_LONGER * kept


def _is_paragraph(rendered: Rendered, line: Line) -> bool:
    chars = line.end - line.start
    return (
        rendered.text.count(" ", line.start, line.end) + 1 >= _MIN_RESCUED_WORDS
        and line.link_chars <= _MAX_PROSE_LINK_SHARE * chars
    )


def combine(
    rendered: Rendered, by_text: Sequence[str | None], by_dom: Sequence[str | None]
) -> list[str | None]:
    """Trafilatura's decision, corrected by the markup where that measured better.

    Below the start of trafilatura's article, a line it left out that lies in quotekit's
    article container (the DOM classifier keeps it) is taken back when it is a paragraph (ten
    words or more, at most a third of it link text) or a heading before the article's last
    line: trafilatura drops paragraphs with a link or in a box of their own, and the
    subheadings between them, that the annotated gold counts as article. A line trafilatura
    kept that the DOM classifier marks as comments is marked: reader comments below a story
    are prose, which trafilatura's own comment filter does not always catch.
    """
    kept = [index for index, reason in enumerate(by_text) if reason is None]
    decisions = list(by_text)
    if not kept:
        return decisions
    first, last = kept[0], kept[-1]
    for index, line in enumerate(rendered.lines):
        if decisions[index] is None:
            if by_dom[index] == COMMENTS:
                decisions[index] = COMMENTS
        elif (
            index > first
            and by_dom[index] is None
            and (_is_paragraph(rendered, line) if not line.heading else index < last)
        ):
            decisions[index] = None
    return decisions


def _climb(parents: dict[HtmlElement, HtmlElement | None], element: HtmlElement) -> None:
    """Record the parent of ``element`` and of its ancestors, up to one already recorded."""
    climbing = element
    while climbing not in parents:
        parent = climbing.getparent()
        parents[climbing] = parent
        if parent is None:
            return
        climbing = parent


def _depths(parents: dict[HtmlElement, HtmlElement | None]) -> dict[HtmlElement, int]:
    """The depth of every recorded element, each computed once."""
    depths: dict[HtmlElement, int] = {}
    for start in parents:
        chain = []
        element: HtmlElement | None = start
        while element is not None and element not in depths:
            chain.append(element)
            element = parents[element]
        depth = -1 if element is None else depths[element]
        for seen in reversed(chain):
            depth += 1
            depths[seen] = depth
    return depths


def _holding_element(rendered: Rendered, decisions: Sequence[str | None]) -> HtmlElement | None:
    """The element that holds trafilatura's article: see :func:`widen`.

    The deepest element holding ``_HOLDING_SHARE`` of the kept lines' characters, or, when that
    is one paragraph's block or a box of fewer than ``_HOLDING_PARAGRAPHS`` paragraphs, its
    nearest ancestor holding that many. Each element on the way up is visited once (totals are
    pushed up deepest first), so the work is linear in the page however deep it nests.
    """
    chars: dict[HtmlElement, int] = {}
    paragraphs: dict[HtmlElement, int] = {}
    parents: dict[HtmlElement, HtmlElement | None] = {}
    total = 0
    for line, reason in zip(rendered.lines, decisions, strict=True):
        paragraph = _is_paragraph(rendered, line)
        if reason is None:
            size = line.end - line.start
            total += size
            chars[line.element] = chars.get(line.element, 0) + size
        elif not paragraph:
            continue
        if paragraph:
            paragraphs[line.element] = paragraphs.get(line.element, 0) + 1
        _climb(parents, line.element)
    if not total:
        return None
    depths = _depths(parents)
    best: HtmlElement | None = None
    for deepest_first in sorted(parents, key=depths.__getitem__, reverse=True):
        held = chars.get(deepest_first, 0)
        if best is None and held >= _HOLDING_SHARE * total:
            best = deepest_first
        parent = parents[deepest_first]
        if parent is not None:
            chars[parent] = chars.get(parent, 0) + held
            paragraphs[parent] = paragraphs.get(parent, 0) + paragraphs.get(deepest_first, 0)
    while best is not None and paragraphs.get(best, 0) < _HOLDING_PARAGRAPHS and parents[best] is not None:
        best = parents[best]
    return best


def widen(
    rendered: Rendered,
    by_text: Sequence[str | None],
    decisions: Sequence[str | None],
    ancestry: Ancestry,
) -> list[str | None]:
    """Fit the article to the element that holds trafilatura's: widen a fragment, trim strays.

    trafilatura sometimes keeps one or two sections of an article built of many alike sections
    (a buyer's guide, a list of courses, a long feature with boxed chapters): its text is a
    fragment of the element that holds it. Below trafilatura's first line, the paragraphs (ten
    words or more, at most a third of link text) and the subheadings between its lines that lie
    in the deepest element holding 80 % of its text (or the nearest above it with three
    paragraphs: trafilatura may keep one long paragraph only), under no furniture markup, are
    taken back, but only when those paragraphs add up to a quarter of what is kept or more: a
    few paragraphs more beside a whole article are the teasers and boxes around it. Below that
    element, the short lines trafilatura kept (under ten words, not headings: a box's label, a
    category line, a "top stories" header) are marked.
    """
    container = _holding_element(rendered, by_text)
    if container is None:
        return list(decisions)
    widened = _widened(rendered, by_text, decisions, ancestry, container)
    below = max(
        (index for index, line in enumerate(rendered.lines) if ancestry.inside(line.element, container)),
        default=len(rendered.lines),
    )
    text = rendered.text
    for index in range(below + 1, len(rendered.lines)):
        line = rendered.lines[index]
        if (
            widened[index] is None
            and not line.heading
            and text.count(" ", line.start, line.end) + 1 < _MIN_RESCUED_WORDS
        ):
            widened[index] = ancestry.outside_reason(line)
    return widened


def _widened(
    rendered: Rendered,
    by_text: Sequence[str | None],
    decisions: Sequence[str | None],
    ancestry: Ancestry,
    container: HtmlElement,
) -> list[str | None]:
    widened = list(decisions)
    if element_reason(container) is not None:
        return widened
    kept = [index for index, reason in enumerate(by_text) if reason is None]
    first, last = kept[0], kept[-1]
    added: list[int] = []
    added_chars = 0
    for index, line in enumerate(rendered.lines):
        if (
            widened[index] is None
            or index < first
            or not ancestry.inside(line.element, container)
            or ancestry.reason(line.element, stop=container) is not None
        ):
            continue
        if line.heading:
            if index < last:
                added.append(index)
        elif _is_paragraph(rendered, line):
            added.append(index)
            added_chars += line.end - line.start
    kept_chars = sum(
        line.end - line.start for line, reason in zip(rendered.lines, widened, strict=True) if reason is None
    )
    if added_chars and added_chars >= _WIDEN_SHARE * kept_chars:
        for index in added:
            widened[index] = None
    return widened


def keep_lead(rendered: Rendered, decisions: list[str | None], description: str | None) -> None:
    """Keep the standfirst: a line between the headline and the article that the page describes itself with.

    News pages put a summary under the headline, in a box of its own that extractors often
    leave out; the page's ``description`` meta (or JSON-LD) repeats it. A line between the last
    kept heading above the article and the article's first paragraph, half of whose word
    4-grams are in the description, is article.
    """
    if not description:
        return
    text = rendered.text
    kept = [index for index, reason in enumerate(decisions) if reason is None]
    first_body = next((index for index in kept if not rendered.lines[index].heading), None)
    if first_body is None:
        return
    heading = next((index for index in reversed(kept) if index < first_body), None)
    if heading is None:
        return
    described = set(_shingles(tuple(_words(description))))
    for index in range(heading + 1, first_body):
        line = rendered.lines[index]
        words = tuple(_words(text[line.start : line.end]))
        if not words:
            continue
        shingles = _shingles(words)
        if sum(1 for shingle in shingles if shingle in described) >= _LEAD_SHARE * len(shingles):
            decisions[index] = None
