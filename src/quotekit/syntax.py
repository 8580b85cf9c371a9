"""The neutral syntax annotation: what an NLP backend (stanza, spaCy, …) says about a text.

The types are quotekit's own vocabulary, not any backend's: sentences, words with their
character offsets, lemma, universal part of speech, morphological features, head and relation
(Universal Dependencies), and named entities with a type. A backend fills a :class:`Syntax`
for a document's text; extractors read only this type, never a backend's objects.

Offsets follow the rest of the model: code points into the original text, end exclusive, and
``text[start:end] == word.text``. A multi-word token (German ``zum`` = ``zu`` + ``dem``) gives
several words that share the surface span of the token: each has ``text == "zum"`` and its own
``form`` (``"zu"``, ``"dem"``).

Sentences and words here are the parser's; the document's shared segmentation
(``quotekit.lang.segment``) is the rule-based one. Both are sentences and tokens with offsets,
so either can be mapped onto the other by offset.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs
from attrs import validators as v

__all__ = [
    "ENTITY_TYPES",
    "BackendError",
    "NamedEntity",
    "Sentence",
    "Syntax",
    "Word",
    "entity_type",
]

_non_negative = [v.instance_of(int), v.ge(0)]
_optional_str = v.optional(v.instance_of(str))

#: The entity types of this vocabulary; a backend maps its own labels onto them (see entity_type).
ENTITY_TYPES: Final = ("PER", "ORG", "LOC", "MISC")
#: Labels of the common NER schemes (CoNLL 2003, OntoNotes, WikiNER) and what they are here.
_ENTITY_LABELS: Final = {
    "PER": "PER",
    "PERSON": "PER",
    "I-PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}


def entity_type(label: str) -> str | None:
    """The type of this vocabulary for a backend's entity ``label``; ``None`` for dates, numbers…."""
    return _ENTITY_LABELS.get(label.upper())


class BackendError(RuntimeError):
    """A backend cannot run: unknown name, a missing extra or model. The message says what to do.

    It is a configuration error, not a fault of one document, so the pipeline raises it even when
    it is not strict instead of reporting it on every document.
    """


def _end_not_before_start(instance: Any, _attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        msg = f"{type(instance).__name__}: end {value} is before start {instance.start}"
        raise ValueError(msg)


def _features(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(key), str(item)) for key, item in items))


@attrs.frozen(kw_only=True)
class Word:
    """One syntactic word: its surface span, form, lemma, part of speech, features, head, relation.

    ``head`` is the index of the governing word in :attr:`Syntax.words` (``None`` at a sentence's
    root); ``relation`` is its Universal Dependencies relation (``nsubj``, ``ccomp``, ``root``…).
    ``upos`` is the universal part of speech (``VERB``, ``PROPN``, ``PRON``…); ``feats`` the
    morphological features as sorted (name, value) pairs.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[*_non_negative, _end_not_before_start])
    text: str = attrs.field(validator=v.instance_of(str))
    form: str = attrs.field(validator=v.instance_of(str))
    lemma: str | None = attrs.field(default=None, validator=_optional_str)
    upos: str | None = attrs.field(default=None, validator=_optional_str)
    feats: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_features)
    head: int | None = attrs.field(default=None, validator=v.optional(v.instance_of(int)))
    relation: str | None = attrs.field(default=None, validator=_optional_str)
    sentence: int = attrs.field(default=0, validator=_non_negative)

    @property
    def base_relation(self) -> str | None:
        """The relation without its subtype: ``nsubj`` for ``nsubj:pass``."""
        return None if self.relation is None else self.relation.partition(":")[0]

    def feature(self, name: str) -> str | None:
        """The value of the morphological feature ``name`` (``Person``, ``Number``…), if any."""
        return next((value for key, value in self.feats if key == name), None)


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence as the backend split it: its span and its words ``words[first:last]``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[*_non_negative, _end_not_before_start])
    text: str = attrs.field(validator=v.instance_of(str))
    first: int = attrs.field(validator=_non_negative)
    last: int = attrs.field(validator=_non_negative)

    @classmethod
    def over(cls, text: str, words: Sequence[Word], first: int) -> Sentence | None:
        """The sentence of ``words[first:]`` in ``text``, or ``None`` when it has no words."""
        if len(words) <= first:
            return None
        start, end = words[first].start, words[-1].end
        return cls(start=start, end=end, text=text[start:end], first=first, last=len(words))


@attrs.frozen(kw_only=True)
class NamedEntity:
    """A named entity: its span, its ``type`` (one of :data:`ENTITY_TYPES`) and the backend's label."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[*_non_negative, _end_not_before_start])
    text: str = attrs.field(validator=v.instance_of(str))
    type: str = attrs.field(validator=v.in_(ENTITY_TYPES))
    label: str = attrs.field(validator=v.instance_of(str))

    @classmethod
    def labelled(cls, text: str, start: int, end: int, label: str) -> NamedEntity | None:
        """The entity ``text[start:end]`` a backend labelled ``label``; ``None`` for a label of no type."""
        kind = entity_type(label)
        if kind is None:
            return None
        return cls(start=start, end=end, text=text[start:end], type=kind, label=label)


def _as_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def _by_offset(entities: Iterable[NamedEntity]) -> tuple[NamedEntity, ...]:
    return tuple(sorted(entities, key=lambda entity: (entity.start, entity.end)))


@attrs.frozen(kw_only=True)
class Syntax:
    """A backend's analysis of a whole text: sentences, words and named entities, in text order.

    ``backend`` names who made it. Construction checks that every head points at a word of the
    same sentence and that sentences cover their words; :meth:`check` checks the offsets against
    the text (the :class:`~quotekit.Document` holding it calls it).
    """

    backend: str = attrs.field(validator=v.instance_of(str))
    sentences: tuple[Sentence, ...] = attrs.field(default=(), converter=_as_tuple)
    words: tuple[Word, ...] = attrs.field(default=(), converter=_as_tuple)
    entities: tuple[NamedEntity, ...] = attrs.field(default=(), converter=_by_offset)
    _starts: list[int] = attrs.field(init=False, eq=False, repr=False)
    _entity_starts: list[int] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for index, sentence in enumerate(self.sentences):
            if not sentence.first <= sentence.last <= len(self.words):
                msg = f"sentence {index}: words {sentence.first}-{sentence.last} do not exist"
                raise ValueError(msg)
            for at in range(sentence.first, sentence.last):
                word = self.words[at]
                if word.sentence != index:
                    msg = f"word {at} ({word.text!r}) lies in sentence {index} but says {word.sentence}"
                    raise ValueError(msg)
                if word.head is not None and not sentence.first <= word.head < sentence.last:
                    msg = f"word {at} ({word.text!r}): head {word.head} lies outside its sentence"
                    raise ValueError(msg)
        object.__setattr__(self, "_starts", [word.start for word in self.words])
        object.__setattr__(self, "_entity_starts", [entity.start for entity in self.entities])

    def check(self, text: str) -> None:
        """Raise ``ValueError`` naming the first span whose offsets do not fit ``text``."""
        items: Iterator[tuple[str, Any]] = iter(
            [
                *(("sentence", s) for s in self.sentences),
                *(("word", w) for w in self.words),
                *(("entity", e) for e in self.entities),
            ]
        )
        for kind, item in items:
            if item.end > len(text) or text[item.start : item.end] != item.text:
                msg = (
                    f"syntax ({self.backend}): {kind} {item.start}-{item.end} claims {item.text[:40]!r} "
                    f"but the text there is {text[item.start : item.end][:40]!r}"
                )
                raise ValueError(msg)

    def words_in(self, start: int, end: int) -> range:
        """The indices of the words that start inside ``start``-``end``."""
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))

    def word_at(self, offset: int) -> int | None:
        """The index of the (first) word whose span holds ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        while index > 0 and self.words[index - 1].start == self.words[index].start:
            index -= 1  # the first word of a multi-word token
        if index >= 0 and self.words[index].start <= offset < self.words[index].end:
            return index
        return None

    def children(self, index: int) -> Iterator[int]:
        """The indices of the words that ``index`` governs directly, in text order."""
        sentence = self.sentences[self.words[index].sentence]
        return (at for at in range(sentence.first, sentence.last) if self.words[at].head == index)

    def governs(self, head: int, index: int) -> bool:
        """Whether ``head`` is ``index`` or one of its ancestors."""
        seen = 0
        at: int | None = index
        while at is not None and seen <= len(self.words):
            if at == head:
                return True
            at = self.words[at].head
            seen += 1
        return False

    def entity_at(self, start: int, end: int) -> NamedEntity | None:
        """A named entity overlapping ``start``-``end``, if any (NER gives entities that do not overlap)."""
        index = bisect.bisect_left(self._entity_starts, end) - 1
        if index >= 0 and start < self.entities[index].end:
            return self.entities[index]
        return None
