"""A learned second look at each line: article or furniture, from the evidence the reader has.

The rules of :mod:`quotekit.readers._content` decide by trafilatura's output and the markup.
What they keep wrongly lies mostly *inside* the article's span (a story appended below the
article, a teaser list, captions, promotion paragraphs), where no single rule separates it
from article text (``docs/accuracy.md``). The field's answer (boilerpipe's shallow-text
features, dragnet, web2text) is a per-block classifier over many weak signals: this module
computes such features for every line (the engines' verdicts, length, link and punctuation
shares, the element and its ancestors' names and class words, position against the kept span,
the neighbours' verdicts, overlap with the page's description and JSON-LD ``articleBody``) and
scores them with a small model trained offline (``benchmarks/html_model.py``, from the dev
pages' gold) and shipped as data (``data/html_blocks_model.json``): a gradient-boosted
ensemble of shallow trees, read and evaluated here in plain Python. Every feature is computed
once per line, ancestors once per element: linear in the page.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from quotekit._regex import backtrack_free

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from lxml.html import HtmlElement

    from quotekit.readers._dom import Line, Rendered

_WORD = backtrack_free(r"\w++")
_N: Final = 4
_MODEL_FILE: Final = "data/html_blocks_model.json"
_SENTENCE_ENDS: Final = frozenset(".!?:;\"'”“»«)")
#: Class and id words looked for in a line's element and its ancestors. Words of four letters or
#: more match inside a longer word ("relatedStories", "teaserlist"); shorter ones whole.
CLASS_WORDS: Final = (
    "article",
    "main",
    "content",
    "body",
    "story",
    "text",
    "post",
    "entry",
    "aside",
    "sidebar",
    "teaser",
    "related",
    "recommend",
    "more",
    "read",
    "caption",
    "figure",
    "image",
    "photo",
    "gallery",
    "video",
    "credit",
    "footer",
    "header",
    "comment",
    "share",
    "social",
    "newsletter",
    "subscribe",
    "promo",
    "sponsor",
    "widget",
    "list",
    "card",
    "item",
    "byline",
    "author",
    "date",
    "meta",
    "breadcrumb",
    "disclaimer",
    "note",
    "info",
    "box",
    "summary",
    "lead",
    "intro",
    "title",
    "headline",
    "embed",
    "quote",
    "link",
    "hidden",
    "ad",
    "ads",
    "nav",
    "tag",
    "tags",
    "menu",
    "top",
)
#: Element names looked for among a line's ancestors.
ANCESTOR_TAGS: Final = (
    "article",
    "main",
    "aside",
    "nav",
    "footer",
    "header",
    "figure",
    "section",
    "li",
    "table",
    "form",
    "blockquote",
    "dl",
)
#: The line's own element, grouped.
OWN_TAGS: Final = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "tr",
    "blockquote",
    "figcaption",
    "dd",
    "dt",
    "pre",
)


_WORD_BITS: Final = {word: 1 << bit for bit, word in enumerate(CLASS_WORDS)}
_SHORT_BITS: Final = {word: bit for word, bit in _WORD_BITS.items() if len(word) < _N}
#: The longer class words, longest first, found inside class values in one scan.
_LONG_WORDS: Final = backtrack_free(
    "|".join(sorted((word for word in CLASS_WORDS if len(word) >= _N), key=len, reverse=True))
)
_TAG_BITS: Final = {name: 1 << (len(CLASS_WORDS) + bit) for bit, name in enumerate(ANCESTOR_TAGS)}
_CLASS_MASK: Final = (1 << len(CLASS_WORDS)) - 1
_DIGITS: Final = str.maketrans(dict.fromkeys("0123456789"))


@cache
def _bits(mask: int, width: int) -> tuple[float, ...]:
    return tuple(float(mask >> bit & 1) for bit in range(width))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _shingles(words: Sequence[str]) -> list[tuple[str, ...]]:
    if len(words) <= _N:
        return [tuple(words)]
    return [tuple(words[i : i + _N]) for i in range(len(words) - _N + 1)]


def _grams(text: str | None) -> frozenset[tuple[str, ...]]:
    """Every 1- to 4-gram of ``text``'s words (a short line is a short gram)."""
    if not text:
        return frozenset()
    words = _words(text)
    return frozenset(tuple(words[i : i + n]) for n in range(1, _N + 1) for i in range(len(words) - n + 1))


def _share_in(shingles: Sequence[tuple[str, ...]], grams: frozenset[tuple[str, ...]]) -> float:
    if not grams or not shingles:
        return 0.0
    return sum(1 for shingle in shingles if shingle in grams) / len(shingles)


class _Marks:
    """Which class words and element names an element and its ancestors carry, as bit masks."""

    def __init__(self) -> None:
        self._above: dict[HtmlElement, int] = {}

    @staticmethod
    def own(element: HtmlElement) -> int:
        """The element's own marks: its class/id words and its name."""
        tag = element.tag if isinstance(element.tag, str) else ""
        mask = _TAG_BITS.get(tag, 0)
        value = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if value.strip():
            for found in _LONG_WORDS.findall(value):
                mask |= _WORD_BITS[found]
            for token in value.replace("-", " ").replace("_", " ").split():
                mask |= _SHORT_BITS.get(token, 0)
        return mask

    def above(self, element: HtmlElement) -> int:
        """The marks of the element and all its ancestors (each element looked at once)."""
        chain: list[HtmlElement] = []
        current: HtmlElement | None = element
        mask = 0
        while current is not None:
            known = self._above.get(current)
            if known is not None:
                mask = known
                break
            chain.append(current)
            current = current.getparent()
        for seen in reversed(chain):
            mask |= self.own(seen)
            self._above[seen] = mask
        return mask


def feature_names() -> tuple[str, ...]:
    """The names of the features :func:`line_features` computes, in order."""
    names = [
        "kept",
        "by_text",
        "by_dom",
        "log_words",
        "log_chars",
        "link_share",
        "heading",
        "sentence_end",
        "commas_per_word",
        "ends_per_word",
        "digit_share",
        "capital_share",
        "before_span",
        "after_span",
        "position",
        "span_position",
        "kept_chars_before",
        "log_gap",
        "prev_kept",
        "next_kept",
        "prev2_kept",
        "next2_kept",
        "prev_log_words",
        "next_log_words",
        "prev_heading",
        "parent_kept_share",
        "parent_log_lines",
        "grandparent_kept_share",
        "repeats",
        "description_share",
        "body_share",
        "has_body",
        "title_share",
        "page_kept_share",
        "page_log_lines",
        "short_run",
    ]
    names += [f"own_{tag}" for tag in OWN_TAGS]
    names += [f"class_{word}" for word in CLASS_WORDS]
    names += [f"in_{tag}" for tag in ANCESTOR_TAGS]
    names += [f"self_{word}" for word in CLASS_WORDS]
    return tuple(names)


@attrs.frozen(kw_only=True)
class Evidence:
    """What the engines said of each line, before the learned look."""

    by_text: Sequence[str | None]
    by_dom: Sequence[str | None]


def _log(value: float) -> float:
    return math.log1p(value)


def line_features(  # noqa: PLR0915 - one pass per feature family, kept together to match the names
    rendered: Rendered,
    decisions: Sequence[str | None],
    evidence: Evidence,
    *,
    title: str | None,
    description: str | None,
    article_body: str | None,
    only: Sequence[int] | None = None,
) -> list[list[float]]:
    """One feature row per line of ``rendered`` (see :func:`feature_names`), or per line of ``only``."""
    text = rendered.text
    lines = rendered.lines
    count = len(lines)
    kept = [reason is None for reason in decisions]
    words_of = [_words(text[line.start : line.end]) for line in lines]
    sizes = [line.end - line.start for line in lines]
    kept_index = [index for index, keep in enumerate(kept) if keep]
    first = kept_index[0] if kept_index else count
    last = kept_index[-1] if kept_index else -1
    total_kept = sum(size for size, keep in zip(sizes, kept, strict=True) if keep) or 1
    total_chars = sum(sizes) or 1
    # Distance (in lines) to the nearest kept line, both ways, in two linear sweeps.
    gap = [count] * count
    nearest = -count
    for index in range(count):
        if kept[index]:
            nearest = index
        gap[index] = index - nearest
    nearest = 2 * count
    for index in range(count - 1, -1, -1):
        if kept[index]:
            nearest = index
        gap[index] = min(gap[index], nearest - index)
    # Kept share of the lines under the same parent / grandparent, each line counted out of its own.
    groups: list[dict[Any, list[int]]] = [{}, {}]
    owners: list[list[Any]] = [[], []]
    for index, line in enumerate(lines):
        parent = line.element.getparent()
        grandparent = parent.getparent() if parent is not None else None
        for level, owner in enumerate((parent, grandparent)):
            owners[level].append(owner)
            tally = groups[level].setdefault(owner, [0, 0, 0])
            tally[0] += sizes[index]
            tally[1] += sizes[index] if kept[index] else 0
            tally[2] += 1
    repeats: dict[tuple[str, ...], int] = {}
    for words in words_of:
        key = tuple(words)
        repeats[key] = repeats.get(key, 0) + 1
    described, body, titled = _grams(description), _grams(article_body), _grams(title)
    marks = _Marks()
    short_run = [0] * count
    run = 0
    for index in range(count):
        run = run + 1 if len(words_of[index]) < 10 else 0
        short_run[index] = run
    for index in range(count - 2, -1, -1):
        if short_run[index] and short_run[index + 1] > short_run[index]:
            short_run[index] = short_run[index + 1]
    n_class, n_tags = len(CLASS_WORDS), len(ANCESTOR_TAGS)
    kept_before = [0] * count
    running = 0
    for index in range(count):
        kept_before[index] = running
        running += sizes[index] if kept[index] else 0
    rows: list[list[float]] = []
    for index in range(count) if only is None else only:
        line = lines[index]
        words = words_of[index]
        size = sizes[index]
        line_text = text[line.start : line.end]
        n_words = len(words) or 1
        shingles = _shingles(words) if words else []
        element = line.element
        tag = element.tag if isinstance(element.tag, str) else ""
        parent_tally = groups[0][owners[0][index]]
        grand_tally = groups[1][owners[1][index]]
        others = parent_tally[0] - size
        grand_others = grand_tally[0] - size
        stripped = line_text.rstrip()
        row = [
            float(kept[index]),
            float(evidence.by_text[index] is None),
            float(evidence.by_dom[index] is None),
            _log(len(words)),
            _log(size),
            line.link_chars / size if size else 0.0,
            float(line.heading),
            float(bool(stripped) and stripped[-1] in _SENTENCE_ENDS),
            line_text.count(",") / n_words,
            sum(line_text.count(mark) for mark in ".!?") / n_words,
            (size - len(line_text.translate(_DIGITS))) / (size or 1),
            sum(1 for word in words if word[:1].isupper()) / n_words,
            float(index < first),
            float(index > last),
            index / count,
            (index - first) / (last - first) if first < index < last else float(index >= last),
            kept_before[index] / total_kept,
            _log(gap[index]),
            float(index > 0 and kept[index - 1]),
            float(index + 1 < count and kept[index + 1]),
            float(index > 1 and kept[index - 2]),
            float(index + 2 < count and kept[index + 2]),
            _log(len(words_of[index - 1])) if index else 0.0,
            _log(len(words_of[index + 1])) if index + 1 < count else 0.0,
            float(index > 0 and lines[index - 1].heading),
            (parent_tally[1] - (size if kept[index] else 0)) / others if others > 0 else -1.0,
            _log(parent_tally[2]),
            (grand_tally[1] - (size if kept[index] else 0)) / grand_others if grand_others > 0 else -1.0,
            _log(repeats[tuple(words)] - 1),
            _share_in(shingles, described),
            _share_in(shingles, body),
            float(bool(body)),
            _share_in(shingles, titled),
            total_kept / total_chars,
            _log(count),
            _log(short_run[index]),
        ]
        row += [float(tag == name) for name in OWN_TAGS]
        row += _bits(marks.above(element), n_class + n_tags)
        row += _bits(marks.own(element) & _CLASS_MASK, n_class)
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------- the model


_Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


@attrs.frozen(kw_only=True)
class BlockModel:
    """A gradient-boosted ensemble of regression trees over :func:`feature_names`.

    Each tree is four parallel lists (``feature``, ``threshold``, ``left``, ``right``) and the
    leaf ``value``s; a node whose ``left`` is -1 is a leaf, a row goes left when its feature is
    at most the node's threshold. The score is ``bias`` plus the leaves times
    ``learning_rate``: the log-odds that the line is article. The rules' decision is changed
    only where the model is sure: a kept line is marked below ``mark_below``, a marked line
    kept from ``keep_from``; and not at all when that leaves less than ``guard`` of the
    characters the rules kept (the model is no judge of a whole page).
    """

    features: tuple[str, ...]
    bias: float
    learning_rate: float
    mark_below: float
    keep_from: float
    guard: float
    trees: tuple[_Tree, ...]
    _compiled: Callable[[Sequence[float]], float] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_compiled", _compile(self.trees))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> BlockModel:
        """The model from its JSON form; a model for other features or a broken tree is an error."""
        features = tuple(data["features"])
        if features != feature_names():
            msg = "the block model was trained on other features than this quotekit computes"
            raise ValueError(msg)
        trees = []
        for tree in data["trees"]:
            parts = (
                tuple(int(x) for x in tree["feature"]),
                tuple(float(x) for x in tree["threshold"]),
                tuple(int(x) for x in tree["left"]),
                tuple(int(x) for x in tree["right"]),
                tuple(float(x) for x in tree["value"]),
            )
            size = len(parts[0])
            if any(len(part) != size for part in parts):
                msg = "a tree of the block model has lists of different lengths"
                raise ValueError(msg)
            if (
                any(not -1 <= child < size for child in parts[2] + parts[3])
                or any(
                    (left == -1) != (right == -1) or (left != -1 and min(left, right) <= node)
                    for node, (left, right) in enumerate(zip(parts[2], parts[3], strict=True))
                )
                or any(not 0 <= feature < len(features) for feature in parts[0])
                or not all(math.isfinite(number) for number in parts[1] + parts[4])
            ):
                msg = "a tree of the block model points outside itself or its features"
                raise ValueError(msg)
            trees.append(parts)
        return cls(
            features=features,
            bias=float(data["bias"]),
            learning_rate=float(data["learning_rate"]),
            mark_below=float(data["mark_below"]),
            keep_from=float(data["keep_from"]),
            guard=float(data.get("guard", 0.0)),
            trees=tuple(trees),
        )

    def score(self, row: Sequence[float]) -> float:
        """The log-odds that the line of ``row`` is article."""
        return self.bias + self.learning_rate * self._compiled(row)


def _expression(tree: _Tree, node: int) -> str:
    feature, threshold, left, right, value = tree
    if left[node] == -1:
        return repr(value[node])
    return (
        f"({_expression(tree, left[node])} if r[{feature[node]}] <= {threshold[node]!r} "
        f"else {_expression(tree, right[node])})"
    )


def _compile(trees: tuple[_Tree, ...]) -> Callable[[Sequence[float]], float]:
    """The trees' sum as one Python function of nested conditionals (compiled once per model).

    Walking 200 trees node by node in a loop cost about as much as the rest of the page's
    reading; as one expression per tree the interpreter does only the comparisons. The source
    holds nothing but the model's validated integers and floats (``repr`` of finite floats
    round-trips exactly).
    """
    body = ["def _sum(r):", "    t = 0.0"]
    body += [f"    t += {_expression(tree, 0)}" for tree in trees]
    body.append("    return t")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(body), "<quotekit block model>", "exec"), namespace)  # noqa: S102 - numbers only
    function: Callable[[Sequence[float]], float] = namespace["_sum"]
    return function


@cache
def shipped_model() -> BlockModel | None:
    """The model shipped with quotekit, or ``None`` when the package holds none."""
    path = resources.files("quotekit.readers").joinpath(_MODEL_FILE)
    if not path.is_file():
        return None
    return BlockModel.from_data(json.loads(path.read_text("utf-8")))


def refine(
    rendered: Rendered,
    decisions: list[str | None],
    evidence: Evidence,
    model: BlockModel,
    *,
    title: str | None,
    description: str | None,
    article_body: str | None,
    reason_of: Callable[[Line], str],
) -> None:
    """Change the rules' ``decisions`` where ``model`` is sure; a line it marks gets ``reason_of(line)``."""
    kept = [index for index, reason in enumerate(decisions) if reason is None]
    if not kept:
        return
    # The model looks at the lines the rules kept and the marked lines between them: outside the
    # kept span the rules' verdict stands (and the page's text costs no features there).
    first, last = kept[0], kept[-1]
    candidates = [index for index, reason in enumerate(decisions) if reason is None or first <= index <= last]
    rows = line_features(
        rendered,
        decisions,
        evidence,
        title=title,
        description=description,
        article_body=article_body,
        only=candidates,
    )
    changed = list(decisions)
    for index, row in zip(candidates, rows, strict=True):
        score = model.score(row)
        if decisions[index] is None:
            if score < model.mark_below:
                changed[index] = reason_of(rendered.lines[index])
        elif score >= model.keep_from:
            changed[index] = None
    before = sum(
        line.end - line.start
        for line, reason in zip(rendered.lines, decisions, strict=True)
        if reason is None
    )
    after = sum(
        line.end - line.start for line, reason in zip(rendered.lines, changed, strict=True) if reason is None
    )
    if after >= model.guard * before:
        decisions[:] = changed
