"""Frames: the words around a quote that make it an utterance and name its speaker.

A frame is a cue verb with its speaker after the quote („…“, sagte Rutte; "…," he said),
a colon frame before it (antwortete Rutte: „…“), or a cue phrase (laut X, so X, according to
X). :func:`speaker_of` works on the token list of one clause, with a cue :mod:`quotekit.quotes.cues`
found in it.
The names set beside a speaker phrase (in apposition, in quotation marks) are read in
:mod:`quotekit.quotes.appositions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from quotekit.quotes.appositions import (
    name_in_apposition_before,
    quoted_as_saying,
    with_apposition_name,
)
from quotekit.quotes.clause_subject import SOURCE_PREPOSITIONS, clause_subject
from quotekit.quotes.cues import COORDINATORS, Cue, find_cue, governing_verb
from quotekit.quotes.tokens import (
    Mention,
    Token,
    mention_after,
    mention_before,
    token_at,
    without_acronym_stop,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quotekit.quotes.lexicon import Lexicon


__all__ = [
    "known_name_near",
    "only_skip_words",
    "speaker_of",
]


def speaker_of(tokens: Sequence[Token], cue: Cue, lex: Lexicon, floor: int = 0) -> Mention | None:  # noqa: C901, PLR0911, PLR0912, PLR0915 - one pass, one branch per case
    """Return the speaker a cue names, looking where the language puts it for this kind of cue."""
    floor = max(floor, after_dateline(tokens))  # OSLO, May 12 (Reuters) - …: the place speaks not
    index = cue.index
    if cue.kind in {"frame", "before"}:
        after = index + 1
        if (
            cue.kind == "before"
            and after < len(tokens)
            and tokens[after].text.casefold() in {"von", "of", "des", "der"}
        ):
            after += 1
        found = mention_after(tokens, after, lex, nominative=False)
        if cue.kind == "frame" and found is not None:
            return _owner_of_statement(tokens, found, lex) or found
        if found is not None and found.kind == "role":
            # according to a statement from Downing Street, laut einer Mitteilung der Stadt:
            # the owner of the source noun speaks
            head = token_at(tokens, found.end, after) - 1
            if tokens[head].text.casefold() in lex.nouns:
                owner = _noun_speaker(tokens, head, lex, floor)
                if owner is not None and owner.start >= found.end:
                    return owner
        return found
    if cue.kind == "after":
        return mention_before(tokens, index, lex, floor)
    if cue.kind == "noun":
        return _noun_speaker(tokens, index, lex, floor)
    if cue.kind == "verb" and (governor := governing_verb(tokens, index, lex, floor)) is not None:
        # Der Minister ließ über seinen Sprecher mitteilen: the governing verb's subject speaks
        return speaker_of(tokens, attrs.evolve(cue, index=governor), lex, floor)
    coordinated = _coordinated_subject(tokens, index, lex, floor)
    if coordinated is not None:
        return coordinated
    if cue.kind == "participle" and lex.capitalises_nouns:
        # hatte Rutte gesagt / Rutte hat gesagt: the subject sits next to the auxiliary
        for position in range(index - 1, max(floor, index - 14) - 1, -1):
            if tokens[position].text.casefold() in lex.auxiliaries:
                named = name_in_apposition_before(tokens, position, lex, floor)
                if named is not None:
                    return named  # Die Landrätin des Kreises, Brigitte Almer, hat … erklärt
                before = mention_before(tokens, position, lex, floor)
                if (
                    before is not None
                    and before.start == tokens[floor].start
                    and _subject_like(before, tokens, floor)
                ):
                    return before  # Stoiber hatte … betont: the subject fills the place before the verb
                found = mention_after(tokens, position + 1, lex) or before
                if found is not None:
                    return found
                break
    if (
        cue.lemma in lex.impersonal
        and index + 1 < len(tokens)
        and tokens[index + 1].text.casefold() in {"es", "it"}
    ):
        # heißt es in einer Erklärung / In dem Antrag heißt es: the document the quote is from;
        # hieß es nach Angaben des Ministeriums: the owner of the source noun
        return (
            _source_owner(tokens, index + 2, lex, floor)
            or _source_phrase(tokens, index + 2, lex)
            or _fronted_source(tokens, floor, index, lex)
        )
    if lex.capitalises_nouns:
        # German: the subject follows a fronted verb (sagte Rutte) or precedes it (Rutte sagte);
        # a name or pronoun filling the place before the verb is the subject (V2 order)
        # wie die Polizei bekannt gab: the particle written apart opens the cue
        opening = index - 1 if index > floor and cue.start < tokens[index].start else index
        before = _with_article(tokens, mention_before(tokens, opening, lex, floor), floor, lex)
        if (
            before is not None
            and before.start > tokens[floor].start
            and _after_preposition(tokens, before, lex)
            and mention_after(tokens, index + 1, lex) is None
        ):
            # Stadtrat Lorenz Zirngibl von den Freien Wählern forderte: the phrase after the
            # preposition belongs to the subject opening the clause (not: Wenige Stunden nach
            # einem Treffen mit Trump sagt Rutte: the subject follows the verb)
            fronted = clause_subject(tokens, lex, frozenset(), floor, index)
            if fronted is not None and fronted.start == tokens[floor].start:
                before = fronted
        # Streit um das Gesetz: Habeck verteidigt …: a colon opens a clause of its own
        clause_start = next((i + 1 for i in range(index - 1, floor, -1) if tokens[i].text == ":"), floor)
        if (
            before is not None
            and before.start in {tokens[floor].start, tokens[clause_start].start}
            and _subject_like(before, tokens, floor)
            # a lone name word beyond the article is a fronted noun (Kritik übte …), unless a
            # role or body noun stands before it (Der Bauernverband Oberrhön kritisierte)
            and (
                before.kind != "name"
                or " " in before.name
                or index - clause_start <= 2
                or before.role is not None
            )
        ):
            return with_apposition_name(tokens, before, lex)  # Der Chefarzt, Armin Sandvoß, sagte
        named = name_in_apposition_before(tokens, index, lex, floor)
        if named is not None:
            return named
        following = mention_after(tokens, index + 1, lex)
        if following is not None and following.kind == "pronoun" and following.name.casefold() in _OBJECT_TOO:
            # Der Sprecher des Vereins nannte sie „überzogen“: sie/es after the verb may be its
            # object; a person or role phrase opening the clause is the subject
            fronted = clause_subject(tokens, lex, frozenset(), floor, index)
            if fronted is not None and fronted.start == tokens[floor].start and _person_phrase(fronted, lex):
                return fronted
        if following is not None and following.kind != "pronoun" and index > floor:
            # Die Elterninitiative Geburt vor Ort kündigte Proteste an: a body's noun opening the
            # clause before the verb is its subject; the phrase after the verb is the object
            fronted = clause_subject(tokens, lex, frozenset(), floor, index)
            if (
                fronted is not None
                and fronted.start == tokens[floor].start
                and any(lex.is_body(word) for word in fronted.name.split()[:1])
                and not lex.is_body(following.name.split()[-1])
            ):
                return fronted
        if following is not None:
            return with_apposition_name(tokens, following, lex)
        if (
            before is not None
            and _subject_like(before, tokens, floor)
            and not _after_preposition_and_possessive(tokens, before, lex)
        ):
            return before  # (not: jede solle von ihrem Berufsalltag erzählen)
        return _impersonal_subject(tokens, index, lex, floor)  # Es verwies darauf, dass …: das Gericht
    if tokens[index].text.endswith("ing") and index > floor:
        if (quoted := quoted_as_saying(tokens, index, lex, floor)) is not None:
            return quoted
        # X urged women to vote for Clinton, saying "…": the -ing form shares the clause's subject,
        # or that of the cue before it (…, Nefzi said, adding, "…")
        earlier = find_cue(tokens, lex, floor, index, speech_only=True, from_end=True)
        subject = None
        if (
            earlier is not None
            and earlier.index >= index - 3  # "Nefzi said, adding": the cue right before
            and not tokens[earlier.index].text.endswith("ing")
        ):
            subject = speaker_of(tokens, earlier, lex, floor)
        subject = subject or clause_subject(tokens, lex, frozenset(), floor, index)
        if subject is not None:
            return subject
    found = mention_before(tokens, index, lex, floor)
    if found is None and index > floor and tokens[index - 1].text.casefold() in lex.auxiliaries:
        found = mention_before(tokens, index - 1, lex, floor)
    if found is None:
        found = _impersonal_subject(tokens, index, lex, floor)
    elif not lex.capitalises_nouns:
        found = _english_subject(tokens, found, index, lex, floor)
    return found or _inverted_subject(tokens, index, lex)


def after_dateline(tokens: Sequence[Token]) -> int:
    """The index after a dateline opening the tokens (OSLO, May 12 (Reuters) - …), else 0.

    A few words, numbers and commas, the agency in brackets, then a dash.
    """
    opening = tokens[:_DATELINE_TOKENS]
    if not any(token.text == "(" for token in opening):
        return 0  # most sentences: no bracket near their start
    for index in range(len(opening)):
        text = tokens[index].text
        if text == "(":
            closing = next(
                (i for i in range(index + 1, min(len(tokens), index + 5)) if tokens[i].text == ")"), None
            )
            if closing is not None and closing + 1 < len(tokens) and tokens[closing + 1].text in _DASHES:
                return closing + 2
            return 0
        if not (tokens[index].is_word or text in {",", "."}):
            return 0
    return 0


#: The most tokens before a dateline's bracket, and the dashes after it
_DATELINE_TOKENS: Final = 9
_DASHES: Final = frozenset({"-", "–", "—"})


def _after_preposition(tokens: Sequence[Token], mention: Mention, lex: Lexicon) -> bool:
    """Whether a preposition (and an article) stands right before ``mention`` (von den Grünen)."""
    at = token_at(tokens, mention.start)
    if at > 0 and tokens[at - 1].text.casefold() in _OBLIQUE_ARTICLES:
        at -= 1
    return at > 0 and tokens[at - 1].text.casefold() in lex.prepositions


def _after_preposition_and_possessive(tokens: Sequence[Token], mention: Mention, lex: Lexicon) -> bool:
    """Whether a preposition and a possessive stand right before ``mention`` (von ihrem Berufsalltag)."""
    at = token_at(tokens, mention.start)
    return (
        at > 1
        and tokens[at - 1].text.casefold() in lex.possessives
        and tokens[at - 2].text.casefold() in lex.prepositions
    )


#: Articles after a preposition (von den, aus dem): the mention's own article is read with it
_OBLIQUE_ARTICLES: Final = frozenset({"den", "dem", "der", "des"})


def _inverted_subject(tokens: Sequence[Token], index: int, lex: Lexicon) -> Mention | None:
    """The subject after the verb (…," said Smith; said its chief, Ray Ocampo: the name)."""
    after = mention_after(tokens, index + 1, lex)
    return with_apposition_name(tokens, after, lex) if after is not None else None


def _english_subject(
    tokens: Sequence[Token], found: Mention, index: int, lex: Lexicon, floor: int
) -> Mention:
    """The English subject ``found`` right before the verb belongs to, or names.

    Jane Smith of the Brookings Institution said: the head before the preposition. The port
    authority's director, James Whitcombe, said: the name in apposition is the person, and the
    phrase before it (a role) the speaker's role.
    """
    found = _head_before_preposition(tokens, found, lex, floor) or found
    if found.kind != "role":
        return found
    named = name_in_apposition_before(tokens, index, lex, floor)
    if named is None or named.end <= found.end:
        return found
    return Mention(
        start=min(found.start, named.start),
        end=named.end,
        kind="name",
        name=named.name,
        role=found.role or found.name,
    )


#: Prepositions that attach a place or an employer to the speaker before them.
_HEAD_PREPOSITIONS: Final = frozenset({"of", "at", "for", "from", "with", "in"})


def _head_before_preposition(
    tokens: Sequence[Token], found: Mention, lex: Lexicon, floor: int
) -> Mention | None:
    """English: the speaker a prepositional phrase before the verb belongs to.

    "Jane Smith of the Brookings Institution said", "Officials at the Pentagon said", "The head
    of the agency said": the phrase next to the verb is where the speaker works, not who speaks.
    The head must itself be a name or a role phrase; the mention spans the whole phrase, and a
    named head keeps its name (Jane Smith).
    """
    position = token_at(tokens, found.start, floor) - 1
    if position > floor and tokens[position].text.casefold() in lex.determiners:
        position -= 1
    if position <= floor or tokens[position].text.casefold() not in _HEAD_PREPOSITIONS:
        return None
    head = mention_before(tokens, position, lex, floor)
    if head is None or head.kind == "pronoun" or head.end != tokens[position - 1].end:
        return None
    if head.kind == "name":
        head_at = token_at(tokens, head.start, floor)
        if tokens[head_at].text.casefold() not in lex.determiners and head_at > floor:
            head_at -= 1
        if found.kind == "name" and tokens[head_at].text.casefold() in lex.determiners:
            # the Office for National Statistics, the Institute for Fiscal Studies: one name (an
            # article before it: a person's name has none)
            words = [t.text for t in tokens[head_at + 1 :] if t.start < found.end]
            return Mention(start=head.start, end=found.end, kind="name", name=" ".join(words))
        return attrs.evolve(head, end=found.end)
    if not any(lex.is_role(word) for word in head.name.split()):
        return None
    phrase = " ".join(t.text for t in tokens if head.start <= t.start < found.end)
    return Mention(start=head.start, end=found.end, kind="role", name=phrase, role=head.role or head.name)


#: German pronouns that read as subject or object alike (sie, es); er is always the subject.
_OBJECT_TOO: Final = frozenset({"sie", "es"})


def _person_phrase(mention: Mention, lex: Lexicon) -> bool:
    """A full name (Anna Berger) or a phrase with a role noun (der Sprecher des Vereins)."""
    if mention.kind == "name" and " " in mention.name:
        return True
    return any(lex.is_role(word) for word in f"{mention.name} {mention.role or ''}".split())


def _owner_of_statement(tokens: Sequence[Token], found: Mention, lex: Lexicon) -> Mention | None:
    """German: so das Fazit der Betreiber — a noun for what was said, and its genitive owner speaks.

    Only when the phrase opens with an article and one noun that is no person (no role noun)
    and der/des follows it.
    """
    if not lex.capitalises_nouns:
        return None
    first = next((i for i, t in enumerate(tokens) if t.start >= found.start), None)
    if first is None or first + 3 >= len(tokens) or tokens[first].text.casefold() not in lex.determiners:
        return None
    noun, article = tokens[first + 1], tokens[first + 2]
    if not noun.is_capitalised or lex.is_role(noun.text) or article.text not in {"der", "des"}:
        return None
    owner = mention_after(tokens, first + 2, lex, nominative=False)
    return owner if owner is not None and owner.kind != "pronoun" else None


def _with_article(
    tokens: Sequence[Token], mention: Mention | None, floor: int, lex: Lexicon
) -> Mention | None:
    """Der österreichische Bundeskanzler Wolfgang Schüssel: take the article and adjectives along."""
    if mention is None or mention.kind == "pronoun" or tokens[floor].start >= mention.start:
        return mention
    first = tokens[floor]
    if first.text.casefold() not in lex.determiners:
        return mention
    for token in tokens[floor + 1 :]:
        if token.start >= mention.start:
            break
        if not token.is_word or token.is_capitalised or lex.cue(token.text):
            return mention
    return attrs.evolve(mention, start=first.start)


#: How far after the verb a subject that makes "es" a mere placeholder is looked for
_SUBJECT_AFTER_ES_REACH: Final = 4
#: English "it" (the letter, the statement) and German "es" (das Gericht, das Unternehmen) speak
#: only as the subject right before a cue: "…," it read; Es verwies darauf, dass …
_IMPERSONAL_SUBJECTS: Final = frozenset({"it", "es"})


def _impersonal_subject(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    if any(reading.lemma in lex.impersonal for reading in lex.cue(tokens[index].text)):
        return None  # es hieß, hieß es: nobody
    if index + 1 < len(tokens) and tokens[index + 1].text.casefold() == "sich":
        return None  # Es erklärte sich von selbst: no one speaks
    # German "es" may hold the place of a subject after the verb; English "it" never does
    reach = _SUBJECT_AFTER_ES_REACH if lex.capitalises_nouns else 0
    for position in range(index + 1, min(len(tokens), index + 1 + reach)):
        word = tokens[position].text.casefold()
        if not tokens[position].is_word:
            break
        if word in lex.determiners and tokens[position - 1].text.casefold() not in lex.prepositions:
            return None  # Es sprach zuerst der Bürgermeister: "es" holds the place, the subject follows
    position = index - 1
    while position >= floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position >= floor and tokens[position].text.casefold() in _IMPERSONAL_SUBJECTS:
        token = tokens[position]
        return Mention(start=token.start, end=token.end, kind="pronoun", name=token.text)
    return None


def only_skip_words(tokens: Sequence[Token], floor: int, index: int, lex: Lexicon) -> bool:
    """Whether nothing but punctuation, adverbs and the cue's own clitics stands before the cue.

    The clitics are pronouns a language writes before the verb (French « … », lui demanda X).
    """
    return all(
        not t.is_word
        or t.text.casefold() in lex.skip_words
        or t.text.casefold() in lex.auxiliaries
        or t.text.casefold() in lex.cue_clitics
        for t in tokens[floor:index]
    )


def _coordinated_subject(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """Return the clause's subject when the cue is a second verb (… und fügte hinzu / … and added)."""
    position = index - 1
    while position > floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position <= floor or tokens[position].text.casefold() not in COORDINATORS:
        return None
    if lex.capitalises_nouns and index + 1 < len(tokens) and tokens[index + 1].is_word:
        following = tokens[index + 1].text.casefold()
        if (
            following in lex.pronouns or following in lex.determiners or tokens[index + 1].is_capitalised
        ) and mention_after(tokens, index + 1, lex) is not None:
            # … und sagte der Minister: the subject follows the verb (not: warfen der Regierung … vor)
            return None
    return clause_subject(tokens, lex, frozenset(), floor, position)


def _noun_speaker(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """Nach Angaben der Polizei / in a statement from X / seinen Worten: the owner of the noun."""
    after = index + 1
    if after < len(tokens) and tokens[after].text.casefold() in {"von", "des", "der", "from", "by", "of"}:
        return mention_after(tokens, after + 1, lex, nominative=False)
    owner = mention_before(tokens, index, lex, floor) if index > floor else None
    if (
        owner is not None
        and not lex.capitalises_nouns
        and owner.kind == "role"
        and owner.end == tokens[index - 1].end
    ):
        # X issued the following statement: the lower-case words are the noun's own, X speaks
        return clause_subject(tokens, lex, frozenset(), floor, index) or owner
    return owner


def known_name_near(
    tokens: Sequence[Token], index: int, known: frozenset[str], floor: int = 0
) -> Mention | None:
    """Return the nearest surname the document knows before ``tokens[index]`` (else after it)."""
    for position in range(index - 1, floor - 1, -1):
        token = tokens[position]
        if token.is_word and token.is_capitalised and token.text.casefold() in known:
            return Mention(start=token.start, end=token.end, kind="name", name=token.text)
    for position in range(index + 1, min(len(tokens), index + 6)):
        token = tokens[position]
        if token.is_word and token.is_capitalised and token.text.casefold() in known:
            return Mention(start=token.start, end=token.end, kind="name", name=token.text)
    return None


def _subject_like(mention: Mention, tokens: Sequence[Token], floor: int) -> bool:
    """Not an accusative or dative phrase (den Bericht, dem Minister) nor a bare function word."""
    first = next((t for t in tokens[floor:] if t.start >= mention.start), None)
    return first is None or first.text.casefold() not in {"den", "dem", "des", "einem", "einen", "eines"}


def _fronted_source(tokens: Sequence[Token], floor: int, index: int, lex: Lexicon) -> Mention | None:
    """In dem Antrag heißt es / Auf der Homepage heißt es: the fronted phrase up to a comma or the cue."""
    start = floor
    while start < index and (tokens[start].text.casefold() in lex.skip_words or not tokens[start].is_word):
        start += 1
    if start >= index or tokens[start].text.casefold() not in SOURCE_PREPOSITIONS:
        return None
    end = start + 1
    while end < index and end - start < 8 and tokens[end].text not in {",", ":", ";"}:
        end += 1
    if end - start < 2:
        return None
    if tokens[start].text.casefold() in _ISSUER_PREPOSITIONS:
        start += 1  # Von der Landesregierung hieß es: who speaks, not where it is written
    phrase = " ".join(t.text for t in tokens[start:end])
    return Mention(start=tokens[start].start, end=tokens[end - 1].end, kind="role", name=phrase, role=None)


def _source_owner(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """Nach Angaben des Ministeriums, according to the statement of X: whose the source noun is."""
    while index < len(tokens) and tokens[index].text.casefold() in lex.skip_words:
        index += 1
    if index + 1 >= len(tokens) or tokens[index].text.casefold() not in lex.prepositions:
        return None
    noun = index + 1
    if tokens[noun].text.casefold() in lex.determiners and noun + 1 < len(tokens):
        noun += 1  # in einer Mitteilung der Gewerkschaft
    if tokens[noun].text.casefold() not in lex.nouns:
        return None
    owner = _noun_speaker(tokens, noun, lex, floor)
    return owner if owner is not None and owner.start > tokens[noun].start else None


def _source_phrase(tokens: Sequence[Token], index: int, lex: Lexicon) -> Mention | None:
    """In einer Erklärung / in a statement: the document a quote is taken from."""
    while index < len(tokens) and tokens[index].text.casefold() in lex.skip_words:
        index += 1
    if index >= len(tokens) or tokens[index].text.casefold() not in SOURCE_PREPOSITIONS:
        return None
    end = index + 1
    while (
        end < len(tokens)
        and end - index < 7
        and tokens[end].is_word
        and tokens[end].text.casefold() not in lex.complementizers
    ):
        end += 1
    if end - index < 2:
        return None
    if tokens[index].text.casefold() in _ISSUER_PREPOSITIONS:
        index += 1  # hieß es aus der Zentrale, vom Ministerium: who speaks, not where it is written
    phrase, phrase_end = without_acronym_stop(
        " ".join(t.text for t in tokens[index:end]), tokens[end - 1].end, tokens[end - 1].text, lex
    )
    return Mention(start=tokens[index].start, end=phrase_end, kind="role", name=phrase, role=None)


#: Source prepositions whose phrase names the speaker itself (aus der Zentrale, vom Ministerium),
#: not a document it is read in (in einer Erklärung)
_ISSUER_PREPOSITIONS: Final = frozenset({"aus", "von", "vom", "bei", "beim", "seitens", "from"})
