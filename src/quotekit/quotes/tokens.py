"""The speaker phrases built from the word tokens of a short stretch of text.

Frames are short (a clause beside a quote), so the rules work on a token list of that stretch
only; nothing here looks at more than a bounded window, which keeps the whole extractor linear.
The tokens themselves come from the shared segmentation (:mod:`quotekit.lang.segment`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import attrs

from quotekit.lang.segment import Token, token_at, tokenize

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from quotekit.quotes.lexicon import Lexicon

__all__ = ["Mention", "Token", "mention_after", "mention_before", "token_at", "tokenize"]

#: Determiners that cannot start a German subject (den, dem, des: accusative, dative, genitive).
_NOT_NOMINATIVE: Final = frozenset(
    {"den", "dem", "des", "einem", "einen", "eines", "seinem", "seinen", "ihrem", "ihren"}
)
_STOP: Final = frozenset(
    {
        "of",
        "for",
        "at",
        "in",
        "on",
        "to",
        "with",
        "from",
        "by",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "when",
        "while",
        "after",
        "before",
        "during",
        "about",
        "as",
        "if",
        "than",
        "into",
        "over",
        "under",
        "told",
        "said",
    }
)
MAX_NAME_TOKENS: Final = 6
#: A first name and a surname.
_FULL_NAME_WORDS: Final = 2
_APPOSITION_BREAKS: Final = frozenset({":", ";", ".", "!", "?", "„", "“", "”", '"', "»", "«"})
#: German feminine noun endings: "der" before them is dative or genitive, never the subject.
_FEMININE: Final = ("ung", "tur", "ion", "tät", "heit", "keit", "schaft", "agentur", "zeitung", "ei", "ie")

MentionKind = Literal["name", "pronoun", "role"]


@attrs.frozen(kw_only=True)
class Mention:
    """A speaker phrase: ``start``/``end`` in the document, its kind, role and name parts."""

    start: int
    end: int
    kind: MentionKind
    name: str
    role: str | None = None


#: Endings of a German word inflected as an adjective (die neue, der niedrigen, eine oft beklagte)
ADJECTIVE_ENDINGS: Final = ("e", "en", "er", "es", "em")


def _is_name_word(token: Token, lex: Lexicon) -> bool:
    folded = token.text.casefold()
    return (
        token.is_word
        and token.is_capitalised
        and folded not in lex.determiners
        and folded not in lex.function_words
    )


#: Words that join two parts of an organisation's name (University and College Union).
_NAME_CONJUNCTIONS: Final = frozenset({"and", "&", "und"})
#: The most capitalised words after "and" in an organisation's name.
MAX_ORGANISATION_TAIL: Final = 4


def _organisation_continues(
    tokens: Sequence[Token], index: int, lex: Lexicon, *, body_before: bool = False
) -> int | None:
    """After "and" in a capitalised run: the index past the rest of an organisation's name, or ``None``.

    Only a run ending in an organisation word (union, council) goes on past "and"; "Smith and
    Jones" stay two people. German puts the body first: ``body_before`` says the phrase so far
    has a noun for one (die Gewerkschaft Erziehung und Wissenschaft).
    """
    if tokens[index].text.casefold() not in _NAME_CONJUNCTIONS or not _is_name_word(tokens[index - 1], lex):
        return None
    position = index + 1
    while (
        position < len(tokens)
        and position - index <= MAX_ORGANISATION_TAIL
        and _is_name_word(tokens[position], lex)
    ):
        position += 1
    if position == index + 1:
        return None
    if lex.capitalises_nouns:
        return position if body_before else None
    return position if tokens[position - 1].text.casefold() in lex.organisation_heads else None


def _joins_name(word: str, lex: Lexicon) -> bool:
    """A lower-case word inside a name: a particle (von, de) or the "and" of an organisation."""
    folded = word.casefold()
    return folded in lex.name_particles or (
        folded in _NAME_CONJUNCTIONS and bool(lex.organisation_heads or lex.body_suffixes)
    )


#: The most particles between the parts of a name (Maria de los Angeles, van der).
MAX_PARTICLES: Final = 3


def _particles_then_name(
    tokens: Sequence[Token], index: int, lex: Lexicon, *, genitive: bool = False
) -> int | None:
    """The index of the name word after the particles from ``tokens[index]`` (von der Leyen), or ``None``.

    An article (der, den) counts only after another particle: *sagte Allendorf der FAZ* ends
    the name at Allendorf, the newspaper is whom it was said to. ``genitive``: the phrase so far
    ends in a common noun, whose genitive attribute stays with it (die Haltung der Regierung).
    """
    position = index
    while position < len(tokens) and position - index < MAX_PARTICLES:
        folded = tokens[position].text.casefold()
        if folded not in lex.name_particles or (
            folded in lex.article_particles
            and not (genitive and position == index)
            # von der, van den; not zu den (sagte Trump zu den Verhandlungen), von den (Fans)
            and (position == index or not _article_joins(folded, tokens[position - 1].text.casefold(), lex))
        ):
            break
        position += 1
    if position == index or position >= len(tokens) or not _is_name_word(tokens[position], lex):
        return None
    if not genitive and lex.is_common_noun(tokens[position].text):
        return None  # hieß es von der Regierung: a preposition and a noun, not a noble name
    return position


def _particle_joins_before(tokens: Sequence[Token], position: int, floor: int, lex: Lexicon) -> bool:
    """Walking back from a surname: whether ``tokens[position]`` is one of its particles.

    van (Jan van Aken) after a name word or as the first word (von der Leyen said); der, den
    only after another particle (von der Leyen), never after a name (Merz der FAZ).
    """
    folded = tokens[position].text.casefold()
    if folded not in lex.name_particles:
        return False
    before = tokens[position - 1] if position > floor else None
    if folded in lex.article_particles:
        # von der Leyen: an article joins only after a particle that may open a name
        return before is not None and _article_joins(folded, before.text.casefold(), lex)
    if before is not None and before.text in lex.name_particles:
        return True
    return folded in lex.opening_particles or (before is not None and _is_name_word(before, lex))


def _article_joins(article: str, particle: str, lex: Lexicon) -> bool:
    """Whether the article particle joins a name after ``particle`` (von der, van den; not von den)."""
    after = lex.article_after.get(article)
    return particle in lex.opening_particles if after is None else particle in after


def _sentence_stop_glued(word: str, lex: Lexicon) -> bool:
    """Ali., Ng.: a name of two or three letters whose full stop is the sentence's, not an abbreviation's."""
    core = word[:-1]
    return word.endswith(".") and len(core) >= 2 and "." not in core and core not in lex.abbreviations


def without_acronym_stop(phrase: str, end: int, last: str, lex: Lexicon) -> tuple[str, int]:
    """A phrase and its end without the full stop its last word ``last`` kept, if an acronym's.

    BBC., DWD.: the tokenizer kept the full stop of an acronym closing the sentence; it is the
    sentence's, not the speaker phrase's (ein Sprecher der BBC., in der Warnung des DWD.).
    """
    if _sentence_stop_glued(last, lex) and last[:-1].isupper():
        return phrase[:-1], end - 1
    return phrase, end


def _split_role(words: Sequence[Token], lex: Lexicon) -> tuple[str | None, list[Token]]:
    """Role words in front of a name (Nato-Generalsekretär Mark Rutte) and the name itself."""
    last_role = -1
    for index, token in enumerate(words):
        if lex.is_role(token.text) or (not token.is_capitalised and not _joins_name(token.text, lex)):
            last_role = index
    if lex.capitalises_nouns and last_role == -1:
        # after a role (Mexikos Präsident Andrés Manuel López Obrador) an unknown capitalised
        # word is the name's own
        first_name = first_name_after_description(
            [token.text for token in words], 0, lambda word: word.casefold() in lex.first_names
        )
        last_role = -1 if first_name is None else first_name - 1
    if last_role == -1:
        return None, list(words)
    # Secretary of State John Kerry, Minister of Finance Jane Doe: "of" and the words after it
    # still belong to the title when a name of two words follows
    # (Secretary of Homeland Security Kristi Noem: every word up to the name's two)
    title_end = len(words) - _FULL_NAME_WORDS - 1
    if (
        last_role + 1 < len(words)
        and words[last_role + 1].text.casefold() == "of"
        and title_end >= last_role + 2
    ):
        last_role = title_end
    role_words = words[: last_role + 1]
    role = " ".join(t.text for t in role_words if t.text.casefold() not in lex.determiners) or None
    return role, list(words[last_role + 1 :])


def first_name_after_description(
    words: Sequence[str], start: int, is_first_name: Callable[[str], bool]
) -> int | None:
    """The index of a known first name that describing nouns from ``start`` on precede, or None.

    Pendlerin Claudia Heinemeyer, Landeshauptmann Gerhard Pirkner: a capitalised word is a noun
    in German; before a known first name with a surname after it, words that are no first names
    describe the person, whether or not the role table knows them. Titles with a stop (Dr.,
    Prof.) stay with the name. One rule for the mentions here and for the name index.
    """
    for index in range(start + 1, len(words) - 1):
        if is_first_name(words[index]):
            before = words[start:index]
            if all(word[:1].isupper() and "." not in word and not is_first_name(word) for word in before):
                return index
            return None
    return None


#: German "of" words that may open a noble name after a role (von, vom)
_OF_WORDS: Final = frozenset({"von", "vom"})
#: Indefinite articles before a role: its "von" phrase says whose (ein Sprecher von Siemens)
_INDEFINITE_ARTICLES: Final = frozenset({"ein", "eine", "einer", "einem", "einen"})
#: Marks that open a name in quotation marks after an article (der „Spiegel“, des »Stern«)
NAME_OPENERS: Final = frozenset({"„", "“", '"', "»", "«"})
#: Marks that close one
_NAME_CLOSERS: Final = frozenset({"“", "”", '"', "«", "»"})
#: The most words a quoted name may have
_QUOTED_NAME_WORDS: Final = 5


def quoted_name_end(tokens: Sequence[Token], opener: int, *, any_case: bool = False) -> int | None:
    """The index of the mark closing a quoted name that opens at ``tokens[opener]``, or None.

    Capitalised words only (Süddeutschen Zeitung, Der Spiegel), a few of them: a quoted clause is
    no name.
    """
    for position in range(opener + 1, min(len(tokens), opener + _QUOTED_NAME_WORDS + 2)):
        token = tokens[position]
        if token.text in _NAME_CLOSERS:
            return position if position > opener + 1 else None
        if not token.is_word or not (token.is_capitalised or any_case):
            return None
    return None


def quoted_name_before(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """German: Die Zeitung „Yemen Observer“ berichtet: a quoted name closing right before ``index``.

    The name's marks close right before the verb; an article, or an article and a noun (die
    Zeitung, das Magazin), stand before the opening mark: „Nein“ before a verb is no name.
    """
    closing = index - 1
    if closing <= floor or tokens[closing].text not in _NAME_CLOSERS:
        return None
    opener = next(
        (
            position
            for position in range(closing - 2, max(floor, closing - _QUOTED_NAME_WORDS - 1) - 1, -1)
            if tokens[position].text in NAME_OPENERS
        ),
        None,
    )
    if opener is None or opener < floor or quoted_name_end(tokens, opener) != closing:
        return None
    name = written(tokens[opener + 1 : closing])
    if opener == floor:
        # „Muslix64“ erwähnte auch, …: a quoted name opening the clause
        return Mention(start=tokens[opener].start, end=tokens[closing].end, kind="name", name=name)
    start = opener - 1
    role = None
    if tokens[start].is_word and tokens[start].is_capitalised and start > floor:
        role = tokens[start].text  # die Zeitung „…“
        start -= 1
    if tokens[start].text.casefold() not in lex.determiners:
        return None
    return Mention(start=tokens[start].start, end=tokens[closing].end, kind="name", name=name, role=role)


def capitalised_run_end(tokens: Sequence[Token], first: int, most: int) -> int:
    """The index after the capitalised words from ``tokens[first]`` on, at most ``most`` of them.

    A place or a name closing a phrase (der Leiter der Berufsfeuerwehr Altenweil, des
    Tourismusverbands Rügen) before its comma or verb.
    """
    position = first
    while (
        position < len(tokens)
        and position - first < most
        and tokens[position].is_word
        and tokens[position].is_capitalised
    ):
        position += 1
    return position


def written(words: Sequence[Token]) -> str:
    """The words as the text writes them: a space only where the text has one (l'avocate, not l' avocate)."""
    return "".join(
        (" " if index and words[index - 1].end < token.start else "") + token.text
        for index, token in enumerate(words)
    )


def _after_genitive(words: Sequence[Token], first: Token, lex: Lexicon) -> bool:
    """Whether ``first`` follows a genitive word in ``words``, articles between (de l'Économie).

    The capitalised words after it name what the description belongs to (le ministre de
    l'Économie, la maire de Paris), not a person.
    """
    if not lex.genitives:
        return False
    index = next((i for i, token in enumerate(words) if token is first), 0) - 1
    while index >= 0 and words[index].text.casefold() in lex.determiners:
        index -= 1
    return index >= 0 and words[index].text.casefold() in lex.genitives


def _build(words: Sequence[Token], lex: Lexicon) -> Mention | None:
    while words and not words[-1].is_word:
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    text_words = [
        t
        for position, t in enumerate(words)
        if t.text.casefold() not in lex.determiners
        # von der Leyen: an article after a particle is part of the name
        or (position > 0 and words[position - 1].text in lex.name_particles)
    ]
    if len(words) == 1 and words[0].text.casefold() in lex.pronouns:
        return Mention(start=start, end=end, kind="pronoun", name=words[0].text)
    role, name_words = _split_role(text_words, lex)
    while name_words and name_words[-1].text.casefold() in lex.name_particles:
        name_words = name_words[:-1]
    name_words = [t for t in name_words if t.is_word or t.text == "&"]
    if (
        name_words
        and all(t.is_capitalised or _joins_name(t.text, lex) for t in name_words)
        and not _after_genitive(words, name_words[0], lex)
        # the mayor of Leeds: what the role belongs to, not a person called "of Leeds"
        and not (role is not None and name_words[0].text == "of")
        # ein Sprecher von Siemens: after an indefinite article and a role, "von" says whose
        # spokesman, no noble name (der Abgeordnete von Notz may be one)
        and not (
            role is not None
            and name_words[0].text in _OF_WORDS
            and words[0].text.casefold() in _INDEFINITE_ARTICLES
        )
    ):
        name = written(name_words)
        if _sentence_stop_glued(name_words[-1].text, lex):
            # said Dr. Ali.: the tokenizer kept the full stop of a short word, it ends the sentence
            name, end = name[:-1], end - 1
        return Mention(start=start, end=end, kind="name", name=name, role=role)
    phrase = written(words)
    if words:
        phrase, end = without_acronym_stop(phrase, end, words[-1].text, lex)
    return Mention(start=start, end=end, kind="role", name=phrase, role=role or phrase)


def mention_after(  # noqa: C901, PLR0911, PLR0912, PLR0915 - one pass, one branch per case
    tokens: Sequence[Token], index: int, lex: Lexicon, *, nominative: bool = True
) -> Mention | None:
    """Return the speaker phrase starting at ``tokens[index]`` (after skip words), if one starts there."""
    while index < len(tokens) and tokens[index].text.casefold() in lex.skip_words:
        index += 1
    if index >= len(tokens):
        return None
    first = tokens[index]
    folded = first.text.casefold()
    if folded in lex.pronouns:
        return Mention(start=first.start, end=first.end, kind="pronoun", name=first.text)
    if not nominative and first.text in NAME_OPENERS:
        # laut „tagesschau.de“: a source named in quotation marks, in any case
        closing = quoted_name_end(tokens, index, any_case=True)
        if closing is not None:
            inner = written(tokens[index + 1 : closing])
            return Mention(start=first.start, end=tokens[closing].end, kind="name", name=inner)
    words: list[Token] = []
    position = index
    if folded in lex.determiners or folded in _NOT_NOMINATIVE:
        if nominative and folded in _NOT_NOMINATIVE:
            return None
        if (
            nominative
            and folded == "der"
            and index + 1 < len(tokens)
            and tokens[index + 1].text.casefold().endswith(_FEMININE)
        ):
            return None  # sagte der Nachrichtenagentur: a dative object, not the speaker
        words.append(first)
        position += 1
        # adjectives and, in English, the nouns of the phrase (the White House press secretary)
        while position < len(tokens) and len(words) < MAX_NAME_TOKENS:
            token = tokens[position]
            if (
                not token.is_word
                or token.text.casefold() in _STOP
                # la ministre devant les journalistes: the language's words that end a description
                or token.text.casefold() in lex.phrase_ends
                # the unions are warning: an auxiliary ends the phrase before its verb
                or (not lex.capitalises_nouns and token.text.casefold() in lex.auxiliaries)
                # the report, a statement: right after the article a cue form is a noun
                or (lex.cue(token.text) and (len(words) > 1 or lex.capitalises_nouns))
            ):
                break
            if lex.capitalises_nouns and (
                token.is_capitalised or _opens_prepositional_phrase(tokens, position, lex)
            ):
                break  # die 22-Jährige nach dem Wettkampf: the phrase ends before the preposition
            words.append(token)
            position += 1
            if lex.capitalises_nouns and _capitalised_after_hyphen(token.text):
                break  # blickte die 65-Jährige zurück: the noun led by a number ends the phrase
    elif not lex.capitalises_nouns and (name_at := _name_after_description(tokens, index, lex)) is not None:
        # said conservative activist Bob Klaus / former tech executive Carly Fiorina: lower-case
        # words describing the person, then the name
        words.extend(tokens[index:name_at])
        position = name_at
    elif folded in lex.opening_particles and (name_at := _particles_then_name(tokens, index, lex)):
        # sagte von der Leyen, said de Blasio: a surname with its particles and no first name
        words.extend(tokens[index:name_at])
        position = name_at
    elif not first.is_word or not (first.is_capitalised or lex.is_role(first.text)):
        return None
    elif not lex.capitalises_nouns and _first_name_word(tokens, index, lex):
        # said Will Doyle: a capitalised function word before a name, inside a sentence, is a first name
        words.append(first)
        position += 1
    while position < len(tokens) and len(words) < MAX_NAME_TOKENS + 2:
        token = tokens[position]
        if (
            words
            and (
                after := _title_continues(tokens, position, words, lex)
                or _organisation_continues(
                    tokens, position, lex, body_before=any(lex.is_body(t.text) for t in words)
                )
            )
            is not None
        ):
            words.extend(tokens[position:after])  # the University and College Union
            position = after
            continue
        if (
            words
            and (
                name_at := _particles_then_name(
                    tokens,
                    position,
                    lex,
                    # die Haltung der Regierung; not der Sprecher der Polizei: a role's genitive
                    # makes a role phrase below
                    genitive=lex.is_common_noun(words[-1].text) and not lex.is_role(words[-1].text),
                )
            )
            is not None
        ):
            words.extend(tokens[position:name_at])  # Ursula von der Leyen: the particles and the name
            position = name_at
            continue
        if (_is_name_word(token, lex) and not (lex.cue(token.text) and words)) or (
            lex.is_role(token.text) and not lex.capitalises_nouns
        ):
            words.append(token)
        else:
            break
        position += 1
    return _role_with_genitive(tokens, position, words, lex) or _build(words, lex)


def _title_continues(
    tokens: Sequence[Token], position: int, words: Sequence[Token], lex: Lexicon
) -> int | None:
    """Secretary of State John Kerry, the Mayor of Leeds: past the title's "of" and its word.

    English only; the title's role word comes right before "of".
    """
    if (
        words
        and not lex.capitalises_nouns
        and tokens[position].text == "of"
        and lex.is_role(words[-1].text)
        and position + 1 < len(tokens)
        and tokens[position + 1].is_capitalised
    ):
        return position + 2
    return None


#: German articles that open a genitive attribute after a role (der Sprecher des Ministeriums)
_GENITIVE_ARTICLES: Final = frozenset({"des", "der"})
#: Endings of a German adjective inflected after "des"/"der" (des Deutschen, der Europäischen).
_ADJECTIVE_ENDINGS: Final = ("en", "er", "es")
#: Words inside a German body's name after its head noun (Bundesministerium für Bildung und Forschung).
_BODY_NAME_JOINERS: Final = frozenset({"der", "des", "und", "für"})


def _opens_prepositional_phrase(tokens: Sequence[Token], position: int, lex: Lexicon) -> bool:
    """German: a preposition and the noun phrase after it (nach dem Wettkampf, im Ziel), not unter anderem."""
    if tokens[position].text.casefold() not in lex.prepositions or position + 1 >= len(tokens):
        return False
    following = tokens[position + 1]
    folded = following.text.casefold()
    return following.is_capitalised or folded in lex.determiners or folded in _NOT_NOMINATIVE


def _role_with_genitive(
    tokens: Sequence[Token], position: int, words: list[Token], lex: Lexicon
) -> Mention | None:
    """German: der Sprecher des Ministeriums — a role without a name takes its genitive along."""
    if not lex.capitalises_nouns or not words or position + 1 >= len(tokens):
        return None
    if (
        lex.is_body(words[-1].text)
        and tokens[position].text == "für"
        and _is_name_word(tokens[position + 1], lex)
    ):
        # das Landesamt für Straßenbau, das Bundesamt für Migration und Flüchtlinge: "für" and
        # what follows are the body's name
        whole = [*words, tokens[position], tokens[position + 1]]
        end = _body_name_end(tokens, position + 2, whole, lex)
        phrase = " ".join(t.text for t in whole)
        phrase, mention_end = without_acronym_stop(phrase, whole[-1].end, whole[-1].text, lex)
        return Mention(start=whole[0].start, end=mention_end, kind="role", name=phrase, role=phrase)
    if (
        lex.is_role(words[-1].text)
        and tokens[position].text in _GENITIVE_ARTICLES
        and _is_name_word(tokens[position + 1], lex)
    ):
        # the phrase names a role, not a person called "Ministeriums"
        whole = [*words, tokens[position], tokens[position + 1]]
        end = position + 2
        while (
            end < len(tokens)
            and len(whole) < MAX_NAME_TOKENS + 4
            and whole[-1].text.endswith(_ADJECTIVE_ENDINGS)
            and _is_name_word(tokens[end], lex)
            and tokens[end].text.casefold() not in lex.first_names  # der Linken Heidi Reichinnek
        ):
            # des Deutschen Bauernverbands, der Europäischen Zentralbank: the adjective of a name
            whole.append(tokens[end])
            end += 1
        if lex.is_body(whole[-1].text):
            end = _body_name_end(tokens, end, whole, lex)
        phrase = " ".join(t.text for t in whole)
        phrase, mention_end = without_acronym_stop(phrase, whole[-1].end, whole[-1].text, lex)
        return Mention(start=whole[0].start, end=mention_end, kind="role", name=phrase, role=phrase)
    return None


def _body_name_end(tokens: Sequence[Token], end: int, whole: list[Token], lex: Lexicon) -> int:
    """Extend ``whole``, a body's phrase, by the joined words of its name; return where it ends.

    des Bundesverbands der Verbraucherzentralen und Verbraucherverbände, das Bundesamt für
    Migration und Flüchtlinge: "der", "des", "und" and "für", each with a capitalised word.
    """
    while (
        end + 1 < len(tokens)
        and len(whole) < MAX_NAME_TOKENS + 4
        and tokens[end].text.casefold() in _BODY_NAME_JOINERS
        and _is_name_word(tokens[end + 1], lex)
    ):
        whole += [tokens[end], tokens[end + 1]]
        end += 2
    return end


#: Lower-case words that may describe a person before the name (master of ceremonies X).
MAX_DESCRIPTION_WORDS: Final = 4


def _name_after_description(tokens: Sequence[Token], index: int, lex: Lexicon) -> int | None:
    """English: the index of the name after lower-case words describing the person, or ``None``.

    "conservative activist Bob Klaus", "former tech executive Carly Fiorina", "master of
    ceremonies Jo Al-Tabchi": up to four lower-case words (``of`` inside them), then a name of
    two capitalised words, or of one when a role word (activist, executive) is among them.
    """
    first = tokens[index]
    if not first.is_word or first.is_capitalised:
        return None
    position = index
    role = False
    while position < len(tokens) and position - index < MAX_DESCRIPTION_WORDS:
        token = tokens[position]
        folded = token.text.casefold()
        if not token.is_word or token.is_capitalised:
            break
        if folded == "of" and position > index:
            position += 1
            continue
        if (
            folded in _STOP
            or folded in lex.function_words
            or folded in lex.pronouns
            or folded in lex.determiners
            or folded in lex.skip_words
            or lex.cue(folded)
        ):
            return None
        role = role or lex.is_role(folded)
        position += 1
    if position == index or tokens[position - 1].text.casefold() == "of":
        return None
    names = 0
    while position + names < len(tokens) and _is_name_word(tokens[position + names], lex):
        names += 1
    return position if names >= 2 or (names == 1 and role) else None


def _first_name_word(tokens: Sequence[Token], index: int, lex: Lexicon) -> bool:
    """Will Doyle, May Tran: a capitalised function word mid-sentence right before a name."""
    token = tokens[index]
    folded = token.text.casefold()
    return (
        index > 0
        and tokens[index - 1].text not in {".", "!", "?", ":", ";", "\n"}
        and not tokens[index - 1].text[:1].isupper()
        and folded in lex.function_words
        and folded not in lex.determiners
        and folded not in lex.pronouns
        and folded not in lex.prepositions
        and folded not in _STOP
        and index + 1 < len(tokens)
        and _is_name_word(tokens[index + 1], lex)
    )


def mention_before(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int = 0) -> Mention | None:
    """Return the speaker phrase ending before ``tokens[index]``, looking back to ``floor``."""
    found = _mention_before(tokens, index, lex, floor)
    if found is None and not lex.capitalises_nouns:
        return _apposition_name(tokens, index, lex, floor)
    return found


def _apposition_name(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int) -> Mention | None:
    """English: the chief of staff, Joe Kasper, told: the name in the apposition before the verb."""
    position = index - 1
    while position >= floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position <= floor or tokens[position].text != ",":
        return None
    comma = position - 1
    while comma >= floor and comma >= position - MAX_NAME_TOKENS - 2 and tokens[comma].text != ",":
        if tokens[comma].text in _APPOSITION_BREAKS:
            return None
        comma -= 1
    if comma < floor or tokens[comma].text != ",":
        return None
    inside = mention_after(tokens, comma + 1, lex)
    if inside is None or inside.kind != "name" or inside.end != tokens[position - 1].end:
        return None
    return inside


def _mention_before(tokens: Sequence[Token], index: int, lex: Lexicon, floor: int = 0) -> Mention | None:  # noqa: C901, PLR0911, PLR0912 - one pass, one branch per case
    if lex.capitalises_nouns and (quoted := quoted_name_before(tokens, index, lex, floor)) is not None:
        return quoted
    position = index - 1
    while position >= floor and tokens[position].text.casefold() in lex.skip_words:
        position -= 1
    if position < floor:
        return None
    if tokens[position].text == ",":
        # Hugh Hill, a doctor, said: the speaker is the phrase before the apposition.
        comma = position - 1
        while comma >= floor and comma >= position - 24 and tokens[comma].text != ",":
            if tokens[comma].text in _APPOSITION_BREAKS:
                return None  # a quote or a clause boundary: no apposition reaches over it
            comma -= 1
        if comma < floor or tokens[comma].text != ",":
            return None
        position = comma - 1
        if position < floor:
            return None
    if tokens[position].text == ")":
        # Sen. Chuck Schumer (D-N.Y.) said: step over the parenthesis
        opening = position - 1
        while opening >= floor and opening >= position - 8 and tokens[opening].text != "(":
            opening -= 1
        if opening < floor or tokens[opening].text != "(":
            return None
        position = opening - 1
        if position < floor:
            return None
    last = tokens[position]
    if last.text.casefold() in lex.pronouns:
        return Mention(start=last.start, end=last.end, kind="pronoun", name=last.text)
    contracted = last.text.replace("’", "'").split("'", 1)[0]
    if len(contracted) < len(last.text) and contracted.casefold() in lex.pronouns:
        # he's said, she'd told: the pronoun without its auxiliary
        return Mention(start=last.start, end=last.start + len(contracted), kind="pronoun", name=contracted)
    if not lex.capitalises_nouns and contracted.casefold() in _NO_SPEAKER_WORDS:
        return None  # It's said …, Let's say …, Let me say …: no one speaks
    words: list[Token] = []
    while position >= floor and len(words) < MAX_NAME_TOKENS:
        token = tokens[position]
        folded = token.text.casefold()
        if folded in lex.determiners:
            words.insert(0, token)
            break
        if (
            _is_name_word(token, lex)
            or lex.is_role(token.text)
            or (lex.capitalises_nouns and token.is_word and _capitalised_after_hyphen(token.text))
            or (words and _particle_joins_before(tokens, position, floor, lex))
            or (
                folded in _NAME_CONJUNCTIONS
                and words
                and words[-1].text.casefold() in lex.organisation_heads
                and position > floor
                and _is_name_word(tokens[position - 1], lex)
            )
        ):
            words.insert(0, token)
        elif (
            not lex.capitalises_nouns
            and words
            and token.is_word
            and folded not in _STOP
            and not lex.cue(token.text)
            and not token.is_capitalised
            and _followed_by_role(words, lex)
        ):
            words.insert(0, token)  # the White House press secretary: lowercase words of the role
        else:
            break
        position -= 1
    if not words and not lex.capitalises_nouns:
        return _common_noun_phrase(tokens, position, lex, floor)
    if not words:
        return None
    if (
        not lex.capitalises_nouns
        and words[-1].end == tokens[index - 1].end  # right before the verb, no apposition stepped over
        and (described := _described_at_place(tokens, position, words, lex, floor))
    ):
        return described
    if words[-1].end == tokens[index - 1].end:
        # right before the verb (no apposition stepped over, which names the person itself)
        return _genitive_of_role(tokens, words, lex, floor) or _build(words, lex)
    return _build(words, lex)


def _described_at_place(
    tokens: Sequence[Token], position: int, words: Sequence[Token], lex: Lexicon, floor: int
) -> Mention | None:
    """English: "a farmer near Ballymena said": the name after a preposition is where the person is.

    An article, lower-case words and a preposition of place before the name make one description
    of the speaker; the place speaks for no one there.
    """
    if position - 2 < floor or tokens[position].text.casefold() not in _PLACE_PREPOSITIONS:
        return None
    phrase = _common_noun_phrase(tokens, position - 1, lex, floor)
    if phrase is None or phrase.name.split(maxsplit=1)[0].casefold() not in lex.determiners:
        return None
    text = " ".join(t.text for t in tokens if phrase.start <= t.start < words[-1].end)
    return Mention(start=phrase.start, end=words[-1].end, kind="role", name=text, role=None)


#: English prepositions after which a name says where a described speaker is from (a nurse in Leeds)
_PLACE_PREPOSITIONS: Final = frozenset({"in", "near", "from", "outside", "of", "at"})


def _capitalised_after_hyphen(word: str) -> bool:
    """German nouns led by a number (die 58-Jährige, der 3:0-Sieg is no word here): a noun all the same."""
    head = word.rpartition("-")[2]
    return head != word and head[:1].isupper()


def _genitive_of_role(
    tokens: Sequence[Token], words: list[Token], lex: Lexicon, floor: int
) -> Mention | None:
    """German: Ein Sprecher des Deutschen Bauernverbands sagte: the name is the role's genitive.

    Looking back from the verb, the phrase found opens with "des"/"der" right after a role
    noun: the speaker is the role with its genitive attribute, not the body it names.
    """
    if not lex.capitalises_nouns:
        return None
    at = token_at(tokens, words[0].start, floor)
    if words[0].text not in _GENITIVE_ARTICLES:
        at -= 1  # the loop stops before an article it does not take
        if at < floor or tokens[at].text not in _GENITIVE_ARTICLES:
            return None
    at -= 1
    if at < floor or not lex.is_role(tokens[at].text):
        return None
    if at > floor and tokens[at - 1].text.casefold() in lex.determiners:
        at -= 1
    found = mention_after(tokens, at, lex)
    return found if found is not None and found.end == words[-1].end else None


def _common_noun_phrase(tokens: Sequence[Token], position: int, lex: Lexicon, floor: int) -> Mention | None:
    """Return the newspaper, his colleague, the gambling tycoon: a determiner and lower-case words."""
    end = position
    while position >= floor and end - position < 5:
        token = tokens[position]
        folded = token.text.casefold()
        noun_after_article = position > floor and tokens[position - 1].text.casefold() in lex.determiners
        if (
            not token.is_word
            or folded in _STOP
            or (lex.cue(token.text) and not noun_after_article)  # the report, a statement
            or folded in lex.auxiliaries
        ):
            return _bare_plural(tokens, position + 1, end, lex)
        # the newspaper, a colleague; Voss's office, the company's lawyers: a possessive name
        # stands where an article would
        if (folded in lex.determiners or folded.endswith(POSSESSIVE_ENDINGS)) and position < end:
            words = list(tokens[position : end + 1])
            phrase = " ".join(t.text for t in words)
            return Mention(start=words[0].start, end=words[-1].end, kind="role", name=phrase, role=None)
        position -= 1
    # "…," federal prosecutors wrote: the phrase fills the clause up to its start
    return _bare_plural(tokens, floor, end, lex) if position < floor <= end else None


#: English words that never name a speaker before a cue, alone or contracted (It's, Let's)
_NO_SPEAKER_WORDS: Final = frozenset({"it", "let", "there", "here"})
#: English possessive endings (Voss's office, the Smiths' lawyer is not read)
POSSESSIVE_ENDINGS: Final = ("'s", "’s")
#: English words whose "'s" is "is" or "has" (he's, there's), not a genitive
CONTRACTING_WORDS: Final = frozenset({"he", "she", "it", "there", "that", "what", "who", "here", "where"})


def _bare_plural(tokens: Sequence[Token], start: int, end: int, lex: Lexicon) -> Mention | None:
    """Experts say, many voters believe, 24 percent said: a plural noun phrase without article."""
    if start > end:
        return None
    head = tokens[end]
    folded = head.text.casefold()
    plural = (folded.endswith("s") and not folded.endswith("ss") and len(folded) > 3) or folded in {
        "percent",
        "people",
    }
    if not plural or folded in lex.function_words or folded.endswith("ly"):
        return None
    words = tokens[start : end + 1]
    return Mention(start=words[0].start, end=head.end, kind="role", name=" ".join(t.text for t in words))


def _followed_by_role(words: Sequence[Token], lex: Lexicon) -> bool:
    return bool(words) and lex.is_role(words[0].text)
