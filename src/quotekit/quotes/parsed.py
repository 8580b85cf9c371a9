"""Parse-driven attribution: where a backend's parse is present, its subjects check the rules' speakers.

The rules find quotes, cues and a speaker phrase near the cue; this module reads the parse
(:class:`~quotekit.syntax.Syntax`) of the same text and, for each quote with a cue verb, takes
the subject of that verb (``nsubj``), following coordinated and subordinate verbs up to the one
that has a subject (``…, adding that``), and the antecedent of a relative pronoun (``X, who
said``). A subject inside a PER or ORG entity is read as the whole entity; a subject that only
describes someone named in apposition (``the minister, Nora Blake,``) is read as the name.

What changes is only the speaker phrase (``Candidate.mention``) of quotes whose rule phrase is
missing or disagrees with the parse; quotes, kinds, cues, coreference and the JSON stay the
rules'. Parsers split and attach quotation marks less reliably than they attach subjects, so
a subject is taken only from the sentence that holds the cue verb.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Final

from quotekit.quotes.tokens import Mention, mention_after, tokenize

if TYPE_CHECKING:
    from quotekit.quotes.candidate import Candidate
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.syntax import Syntax, Word

__all__ = ["reattribute"]

#: Relations through which a verb shares the subject of the verb it depends on.
_SHARES_SUBJECT: Final = frozenset({"conj", "xcomp", "advcl"})
#: Relations that belong to a name or noun phrase's own words (not its clauses or modifiers).
_PHRASE_RELATIONS: Final = frozenset({"compound", "flat", "det", "amod", "nmod:poss", "nummod"})
_SPEAKER_ENTITIES: Final = frozenset({"PER", "ORG"})
_VERBS: Final = frozenset({"VERB", "AUX"})
_NOMINALS: Final = frozenset({"NOUN", "PROPN", "PRON"})
#: How far up the tree a subject is looked for: enough for "smiled and said, adding that".
_MAX_CLIMB: Final = 3


def reattribute(
    text: str,
    candidates: Iterable[Candidate],
    syntax: Syntax,
    lexicon: Callable[[Candidate], Lexicon | None],
) -> int:
    """Give each candidate the speaker phrase the parse names, where it differs; returns how many changed."""
    candidates = list(candidates)
    quoted = _Quoted(candidates)
    changed = 0
    for candidate in candidates:
        if candidate.kind == "partial" or candidate.group_with_previous:
            continue  # partial quotes speak with their holder, continued paragraphs with the first
        lex = lexicon(candidate)
        if lex is None:
            continue
        verb = _cue_verb(syntax, candidate, lex)
        if verb is None:
            continue
        subject = _subject(syntax, verb)
        if subject is None or not _may_speak(syntax, subject, quoted):
            continue
        low, high = _extent(syntax, subject)
        current = candidate.mention
        if current is not None and current.start < high and low < current.end:
            continue  # the rules and the parse agree on the phrase
        if current is not None and current.kind == "name" and not _names_someone(syntax, subject):
            continue  # a name the rules found beats a noun the parser put there that names no one
        mention = _mention(text, syntax, subject, lex)
        if mention is None or candidate.start <= mention.start < candidate.end:
            continue
        candidate.mention = mention
        candidate.antecedent = None
        changed += 1
    return changed


class _Quoted:
    """Whether an offset lies inside any quote, in O(log n): quotes nest and overlap."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        spans = sorted((c.start, c.end) for c in candidates)
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []  # the furthest end of the quotes starting up to each one
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and self._reach[index] > offset


def _may_speak(syntax: Syntax, subject: int, quoted: _Quoted) -> bool:
    """Whether the subject can be a speaker: a noun or pronoun outside every quote, not a place."""
    word = syntax.words[subject]
    if word.upos not in _NOMINALS or _entity_type(syntax, word) == "LOC":
        return False
    return word.start not in quoted


def _names_someone(syntax: Syntax, subject: int) -> bool:
    word = syntax.words[subject]
    return word.upos == "PRON" or _entity_type(syntax, word) in _SPEAKER_ENTITIES


def _cue_verb(syntax: Syntax, candidate: Candidate, lex: Lexicon) -> int | None:
    """The verb of the candidate's cue, or the speech verb that governs the quoted words."""
    if candidate.cue is not None:
        start, end = candidate.cue
        verbs = [at for at in syntax.words_in(start, end) if syntax.words[at].upos in _VERBS]
        return verbs[0] if verbs else None
    for at in syntax.words_in(candidate.start, candidate.end):
        head = syntax.words[at].head
        if head is None or candidate.start <= syntax.words[head].start < candidate.end:
            continue
        word = syntax.words[head]
        if word.upos in _VERBS and _is_speech_verb(word, lex):
            return head
    return None


def _is_speech_verb(word: Word, lex: Lexicon) -> bool:
    return any(cue.speech for cue in lex.cue(word.text))


def _subject(syntax: Syntax, verb: int) -> int | None:
    """The subject of ``verb``, or of the verb it shares its subject with."""
    at: int | None = verb
    for _ in range(_MAX_CLIMB):
        if at is None:
            return None
        subject = next((c for c in syntax.children(at) if syntax.words[c].relation == "nsubj"), None)
        word = syntax.words[at]
        if subject is not None:
            subject_word = syntax.words[subject]
            if subject_word.feature("PronType") == "Rel" or subject_word.lemma in {"who", "which", "that"}:
                # X, who said: the relative pronoun stands for the noun the clause hangs on
                return word.head if word.base_relation == "acl" else None
            return _named_apposition(syntax, subject)
        if word.relation not in _SHARES_SUBJECT:
            return None
        at = word.head
    return None


def _named_apposition(syntax: Syntax, subject: int) -> int:
    """The name in apposition to a common-noun subject (the minister, Nora Blake,), else the subject."""
    word = syntax.words[subject]
    if word.upos == "PROPN" or _entity_type(syntax, word) in _SPEAKER_ENTITIES:
        return subject
    for child in syntax.children(subject):
        candidate = syntax.words[child]
        if candidate.relation == "appos" and (
            candidate.upos == "PROPN" or _entity_type(syntax, candidate) == "PER"
        ):
            return child
    return subject


def _entity_type(syntax: Syntax, word: Word) -> str | None:
    entity = syntax.entity_at(word.start, word.end)
    return None if entity is None else entity.type


def _extent(syntax: Syntax, head: int) -> tuple[int, int]:
    """The start and end of everything ``head`` governs (its whole phrase, clauses included)."""
    sentence = syntax.sentences[syntax.words[head].sentence]
    inside = [at for at in range(sentence.first, sentence.last) if syntax.governs(head, at)]
    return min(syntax.words[at].start for at in inside), max(syntax.words[at].end for at in inside)


def _phrase(syntax: Syntax, head: int) -> Sequence[int]:
    """The words of the subject's own phrase: the head, its determiner, adjectives and name parts."""
    words = [head]
    frontier = [head]
    while frontier:
        at = frontier.pop()
        for child in syntax.children(at):
            if (
                syntax.words[child].base_relation in _PHRASE_RELATIONS
                or syntax.words[child].relation in _PHRASE_RELATIONS
            ):
                words.append(child)
                frontier.append(child)
    return sorted(words)


def _mention(text: str, syntax: Syntax, head: int, lex: Lexicon) -> Mention | None:
    """The speaker phrase of the subject ``head``, read with the rules' phrase reader where it can.

    The rules know roles and name particles (Secretary of State John Kerry); the parse says where
    the phrase is. A PER or ORG entity holding the head is taken whole.
    """
    word = syntax.words[head]
    words = _phrase(syntax, head)
    start, end = syntax.words[words[0]].start, syntax.words[words[-1]].end
    entity = syntax.entity_at(word.start, word.end)
    if entity is not None and entity.type in _SPEAKER_ENTITIES:
        start, end = min(start, entity.start), max(end, entity.end)
    tokens = tokenize(text, start, end)
    found = mention_after(tokens, 0, lex) if tokens else None
    if found is not None and found.start <= word.start < found.end:
        return found
    if word.upos == "PRON":
        if word.text.casefold() not in lex.pronouns:
            return None  # "it", "this", "one": no speaker
        return Mention(start=word.start, end=word.end, kind="pronoun", name=word.text)
    phrase = text[start:end]
    if entity is not None and entity.type in _SPEAKER_ENTITIES:
        role = text[start : entity.start].strip() or None
        return Mention(start=start, end=end, kind="name", name=entity.text, role=role)
    if word.upos == "PROPN":
        return Mention(start=start, end=end, kind="name", name=phrase)
    return Mention(start=start, end=end, kind="role", name=phrase, role=phrase)
