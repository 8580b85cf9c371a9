"""The names a document uses: full names by their last word, with roles and where they stand.

One pass over the capitalised runs of the text (read on the first look-up) gives the full
names and the roles in front of them; the speaker rules ask it which surnames the document
knows, and the entity tracker (:mod:`quotekit.quotes.entities`) asks for the fullest form of a
name, its roles, and the people named shortly before a pronoun or a description.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

import regex

from quotekit._regex import TIMEOUT_S
from quotekit.quotes.phrases import dateline_end
from quotekit.quotes.tokens import ADJECTIVE_ENDINGS, first_name_after_description

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon

__all__ = [
    "AFTER_DETERMINER",
    "AFTER_PREPOSITION",
    "ANAPHOR_CHARS",
    "NameIndex",
    "NameWords",
    "Named",
    "leading_non_names",
]

#: Two or more capitalised words in a row (a single one names nothing new), starting at a word start.
_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]*)+"
)
MAX_NAME_WORDS: Final = 3
#: An office noun refers back to a person named at most this many characters before it (the
#: lede and a paragraph or two of news text).
OFFICE_ANTECEDENT_CHARS: Final = 1500
#: A pronoun or a description (die 54-Jährige, the Labour MP) refers back to a person named at
#: most this many characters before it: a couple of sentences.
ANAPHOR_CHARS: Final = 600
#: A capitalised word at a word start: a surname named alone (Weber sagte …).
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*")
#: Where a sentence ends before a name that opens the next one: its end mark, a colon, a closing
#: quotation mark or a line break.
_SENTENCE_BOUNDARY: Final = frozenset('.!?:;\n“”"»«')
#: Words after "Name, " that open an apposition naming the person's role (Chi Onwurah, the
#: Labour MP, …; Angela Merkel, die frühere Kanzlerin, …).
_APPOSITION_ARTICLES: Final = frozenset({"the", "der", "die", "a", "an", "ein", "eine"})
_APPOSITION_WORDS: Final = 7
#: An apposition ends at a comma or where its sentence does (…, the lawyer for the family.).
_APPOSITION_END = regex.compile(r",|[.;:!?](?!\w)")


#: How many words a NameWords remembers before it starts afresh (a stream's vocabulary grows).
MAX_REMEMBERED_WORDS: Final = 100_000


class NameWords:
    """What the lexicons say of a capitalised word, remembered across documents.

    The name index asks it of every word of every capitalised run; the same words (The, Mr,
    Minister, Berlin) recur from document to document, so an extractor keeps one of these and
    each word is looked up in every language once.
    """

    def __init__(self, lexicons: dict[str, Lexicon]) -> None:
        self.lexicons = lexicons
        self._roles: dict[str, bool] = {}
        self._inflected_roles: dict[str, bool] = {}
        #: organisation nouns of the languages that write compounds in one word (verband, amt):
        #: the endings of compounds that name an organisation (the entity tracker's too)
        self.group_endings = tuple(
            sorted(
                {
                    noun
                    for lex in lexicons.values()
                    if lex.capitalises_nouns
                    for noun in lex.organisation_nouns
                }
            )
        )
        self._common: dict[str, bool] = {}
        self._first_names: dict[str, bool] = {}

    def is_role(self, word: str) -> bool:
        """Whether any language takes ``word`` for a role noun (Minister, spokesman)."""
        known = self._roles.get(word)
        if known is None:
            if len(self._roles) >= MAX_REMEMBERED_WORDS:
                self._roles.clear()
            known = self._roles[word] = any(lex.is_role(word) for lex in self.lexicons.values())
        return known

    def is_inflected_role(self, word: str) -> bool:
        """Whether any language takes ``word`` for a role noun in some case (Präsidenten, Kanzlers)."""
        known = self._inflected_roles.get(word)
        if known is None:
            if len(self._inflected_roles) >= MAX_REMEMBERED_WORDS:
                self._inflected_roles.clear()
            # only the languages that inflect their role nouns (the others answered is_role)
            known = self._inflected_roles[word] = self.is_role(word) or any(
                lex.is_inflected_role(word) for lex in self.lexicons.values() if lex.role_inflections
            )
        return known

    def is_group_compound(self, word: str) -> bool:
        """Whether ``word`` ends in an organisation's noun that names no person (Bauernverband, Landratsamt).

        Not a person's role on a body (Umweltministerin, Landrat) nor a trade (Kunsthändler).
        """
        folded = word.casefold()
        return folded.endswith(self.group_endings) and not self.is_person_role(word)

    def is_person_role(self, word: str) -> bool:
        """Whether some language lists ``word`` as a person's role, or it ends in one."""
        folded = word.casefold()
        return any(
            folded in lex.roles or folded.endswith(lex.role_endings_of_people)
            for lex in self.lexicons.values()
        )

    def is_institution(self, word: str) -> bool:
        """Whether ``word`` names a body, not a person holding a post (Regierung, Polizei; not Landrat)."""
        folded = word.casefold()
        return (
            any(lex.is_body(word) for lex in self.lexicons.values())
            and not folded.endswith("in")  # Ministerin, Landrätin: a woman in her post
            and not folded.endswith(_TITLE_BODIES)  # Finanzvorstand Kessler, Stadtrat Meier: a post
            and not any(folded.endswith(lex.role_endings_of_people) for lex in self.lexicons.values())
        )

    def first_name(self, word: str) -> bool:
        """Whether any language's first-name table knows ``word`` (Annalena, Thomas)."""
        known = self._first_names.get(word)
        if known is None:
            if len(self._first_names) >= MAX_REMEMBERED_WORDS:
                self._first_names.clear()
            folded = word.casefold()
            known = self._first_names[word] = any(folded in lex.first_names for lex in self.lexicons.values())
        return known

    def common_noun_not_first_name(self, word: str) -> bool:
        """Kreis, Graf: a common noun of a language that capitalises nouns, and no known first name."""
        known = self._common.get(word)
        if known is None:
            if len(self._common) >= MAX_REMEMBERED_WORDS:
                self._common.clear()
            known = self._common[word] = _common_noun_not_first_name(word, self.lexicons)
        return known


#: Body nouns that are a person's title too (der Vorstand, der Stadtrat: the board and its member)
_TITLE_BODIES: Final = ("rat", "vorstand")


class NameIndex:
    """The full names a document uses, looked up by their last word.

    The text is read on the first look-up, not on construction: a document with nothing to
    attribute never pays for it.
    """

    def __init__(
        self,
        text: str,
        lexicons: dict[str, Lexicon],
        non_names: frozenset[str] | None = None,
        words: NameWords | None = None,
    ) -> None:
        self._text = text
        self._lexicons = lexicons
        self._non_names = non_names
        self._words = words if words is not None and words.lexicons is lexicons else NameWords(lexicons)
        self._forms: dict[str, Counter[str]] = {}
        self._roles: dict[str, Counter[str]] = {}
        #: Where a name is introduced with a role (Bundeswirtschaftsminister Robert Habeck):
        #: offsets and names in text order, for office nouns that refer back to it
        self._introduced_at: list[int] = []
        self._introduced: list[tuple[str, str]] = []
        self._titled: set[str] = set()  # the names of _introduced, for titled()
        #: Every place a person is named in full: offsets, names, and whether the name opens its
        #: sentence (the subject a following pronoun most likely means). Surnames named alone are
        #: added on the first look-up (see people_before).
        self._named: list[tuple[int, int, Named]] = []
        #: The starts of ``_named`` (made on the first look-up of people); the surnames named
        #: alone in the stretch read so far (``_covered``), and their starts
        self._named_starts: list[int] = []
        self._covered = (0, 0)
        self._longest_surname = -1
        self._alone: list[Named] = []
        self._alone_starts: list[int] = []
        self._surnames: frozenset[str] | None = None
        self._prepositions: frozenset[str] = frozenset()
        #: articles that may stand between a preposition and what it governs (für die Grünen),
        #: and prepositions fused with one (im Kreis Lippe): from the language tables
        self._articles: frozenset[str] = frozenset()
        self._contracted: frozenset[str] = frozenset()

    def _indexed(self) -> frozenset[str]:
        """Read the text's capitalised runs into the index, once; return the surnames."""
        if self._surnames is not None:
            return self._surnames
        text, lexicons, words_of = self._text, self._lexicons, self._words
        self._prepositions = frozenset().union(*(lex.prepositions for lex in lexicons.values()))
        self._articles = frozenset().union(*(lex.articles for lex in lexicons.values()))
        self._contracted = frozenset().union(*(lex.contracted_articles for lex in lexicons.values()))
        is_role = words_of.is_role
        # "Den Unmut", "The Senate" at a sentence start are no names: drop the leading articles
        non_names = self._non_names
        if non_names is None:
            non_names = leading_non_names(lexicons)
        # match objects, not findall: an office noun needs where a name was introduced
        for match in _CAPITALISED_RUN.finditer(text, timeout=TIMEOUT_S):
            words = _run_words(match.group(), non_names, words_of)
            if not words or (_after_number(text, match.start()) and not any(map(words_of.first_name, words))):
                continue  # 1,3 Millionen Euro, 40 Prozent Rabatt: a quantity (not: 1:0 Thomas Müller)
            cut = 0
            role = None
            title = _title_before(text, match.start(), words, is_role)
            if title is not None:
                # Secretary of State John Kerry: "State" ends the title, the name follows; of a
                # longer run the last two words are the name (Secretary of Homeland Security
                # Kristi Noem)
                cut = max(1, len(words) - _FULL_NAME_WORDS)
                role = f"{title} of {' '.join(words[:cut])}"
            for index, word in enumerate(words):
                if words_of.is_inflected_role(word):
                    cut = index + 1
                    role = " ".join(words[: index + 1])
            # after a role (Mexikos Präsident Andrés Manuel López Obrador) an unknown
            # capitalised word is the name's own
            described = first_name_after_description(words, 0, words_of.first_name) if cut == 0 else None
            if described is not None:
                # Pendlerin Claudia Heinemeyer, Landeshauptmann Gerhard Pirkner: nouns before a
                # first name and surname describe the person, known to the role table or not
                cut, role = described, " ".join(words[:described])
            if (
                cut == len(words) - 1
                and role is not None
                and (words_of.is_group_compound(words[cut - 1]) or words_of.is_institution(words[cut - 1]))
            ):
                # Bauernverband Oberrhön, Verwaltungsgericht Hallenberg: a body and its place are
                # one organisation's name, not a role and a surname
                cut, role = 0, None
            name_words = words[cut:][-MAX_NAME_WORDS:]
            if not name_words or (
                role is None
                and _after_article_and_adjective(text, match.start(), self._articles)
                and not any(map(words_of.first_name, words))
            ):
                continue  # wegen der niedrigen Milchpreise Alarm: nouns of a noun phrase, no name
            self._add_name(match, name_words, role)
        self._surnames = frozenset(self._forms)
        return self._surnames

    def _add_name(self, match: regex.Match[str], name_words: Sequence[str], role: str | None) -> None:
        """Count a name the text uses, with its role and, for a full name, where it stands."""
        key = name_words[-1].casefold()
        # Kanzler Scholz, des Kanzlers Scholz: a role before a surname introduces a person too
        if len(name_words) >= 2 or (
            role is not None
            and not self._words.common_noun_not_first_name(name_words[0])
            # die Regierung Zugeständnisse: a body before a noun introduces no one
            and not self._words.is_institution(role.split()[-1])
        ):
            full = " ".join(name_words)
            _count(self._forms, key, full)
            self._named.append((match.start(), match.end(), self._named_at(match.start(), full)))
            apposition = _apposition_role(self._text, match.end())
            if apposition is not None:
                _count(self._roles, key, apposition)
        if role is not None:
            _count(self._roles, key, role)
            if len(name_words) >= 2:
                self._introduced_at.append(match.start())
                self._introduced.append((" ".join(name_words), role))
                self._titled.add(" ".join(name_words))

    @property
    def prepositions(self) -> frozenset[str]:
        """The prepositions of every language of the document (a name after one is governed)."""
        self._indexed()
        return self._prepositions

    def is_role(self, word: str) -> bool:
        """Whether any language of the document takes ``word`` for a role noun (Bürgermeister, mayor)."""
        return self._words.is_role(word)

    @property
    def surnames(self) -> frozenset[str]:
        """The last words of the multi-word names in the document, casefolded."""
        return self._indexed()

    def full_name(self, name: str) -> str:
        """Return the fullest form of ``name`` used in the document (``name`` itself when none is)."""
        words = name.split()
        if not words:
            return name
        self._indexed()
        forms = self._forms.get(words[-1].casefold())
        if not forms:
            return name
        candidates = [form for form in forms if form.endswith(name) or len(words) == 1]
        if not candidates:
            return name
        # a full name before a surname counted alone after its role (Jerzy Montag; Abgeordneter Montag)
        return max(candidates, key=lambda form: (" " in form, forms[form], len(form)))

    def introduced_before(
        self, offset: int, role_word: str, window: int = OFFICE_ANTECEDENT_CHARS
    ) -> str | None:
        """The last name introduced with a role ending in ``role_word``, at most ``window`` before ``offset``.

        Bundeskanzlerin Angela Merkel … die Kanzlerin: the office words must agree, so the role
        noun means the person the text gave that office, not merely the last person named.
        """
        self._indexed()
        index = bisect.bisect_left(self._introduced_at, offset) - 1
        while index >= 0 and offset - self._introduced_at[index] <= window:
            name, role = self._introduced[index]
            if role.rsplit(" ", 1)[-1].casefold().endswith(role_word):
                return name
            index -= 1
        return None

    def _named_at(self, start: int, name: str) -> Named:
        before = self._text[max(0, start - 24) : start].split()
        previous = before[-1] if before else ""
        # im Kreis Lippe, off Carrick Point, für die Freie Wählergemeinschaft: after a preposition,
        # an article between or not, a name is where or what, seldom who
        folded = previous.casefold()
        governed = (
            # in 37 Fällen, in den Orten Görzig, im Kreis Lippe: a number or an article before
            # the words makes them a noun phrase
            AFTER_DETERMINER
            if previous.isdigit()
            or folded in self._contracted
            or (len(before) > 1 and folded in self._articles and before[-2].casefold() in self._prepositions)
            # gegen Ayodele Okafor: a preposition alone may govern a person's name
            else AFTER_PREPOSITION
            if folded in self._prepositions
            else 0
        )
        # Hamburg (dpa) - …: the place of a dateline opens its line but is no sentence's subject
        opens = _opens_sentence(self._text, start) and dateline_end(self._text, start) is None
        return Named(start, name, opens, governed)

    def people_before(self, offset: int, window: int = ANAPHOR_CHARS) -> list[Named]:
        """The names the text uses at most ``window`` characters before ``offset``, the nearest first.

        A surname named alone counts once the document has named it in full (Karin Weber …
        Weber sagte).
        """
        self._indexed()
        low = max(0, offset - window)
        starts = self._named_starts
        if len(starts) != len(self._named):
            starts = self._named_starts = [start for start, _, _ in self._named]
        people = [
            named
            for _, _, named in self._named[
                bisect.bisect_left(starts, low) : bisect.bisect_left(starts, offset)
            ]
        ]
        if self._forms:
            people.extend(self._alone_between(low, offset))
        # no two names start at one offset: the nearest first is the order of the starts
        people.sort(reverse=True)
        return people

    def _alone_between(self, low: int, high: int) -> list[Named]:
        """The surnames named alone (Weber sagte) that start from ``low`` to before ``high``.

        Only the stretch pronouns and descriptions look back over is read, not the whole text
        (its capitalised words are most of a document's regex work), and each character once:
        the stretch read so far grows to take in each window asked.
        """
        covered_low, covered_high = self._covered
        if covered_low >= covered_high:
            self._alone_starts, self._alone = self._read_alone(low, high)
            self._covered = (low, high)
        else:
            if low < covered_low:
                starts, alone = self._read_alone(low, covered_low)
                self._alone_starts[:0] = starts
                self._alone[:0] = alone
            if high > covered_high:
                starts, alone = self._read_alone(covered_high, high)
                self._alone_starts.extend(starts)
                self._alone.extend(alone)
            self._covered = (min(low, covered_low), max(high, covered_high))
        starts = self._alone_starts
        return self._alone[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]

    def _read_alone(self, low: int, high: int) -> tuple[list[int], list[Named]]:
        """The surnames named alone starting from ``low`` to before ``high``: their starts and names.

        A scan from ``low`` finds the words a scan of the whole text finds there: no capitalised
        word begins inside another.
        """
        text, forms = self._text, self._forms
        starts: list[int] = []
        alone: list[Named] = []
        # A word folds to a surname only if the stretch, folded, holds the surname: casefold
        # maps character by character and never shortens one, so the word (at most as long as
        # its folded form) lies within the stretch and its folded form within the folded stretch.
        # The regex reads a stretch naming none of the surnames for nothing.
        if self._longest_surname < 0:
            self._longest_surname = max(map(len, forms), default=0)
        # The look-up costs a pass per surname: with many surnames (a long document) the regex
        # below, one pass over the stretch, is cheaper, and keeps the reader linear
        if len(forms) <= _SURNAMES_LOOKED_UP:
            folded = text[low : high + self._longest_surname].casefold()
            if not any(surname in folded for surname in forms):
                return starts, alone
        # up to ``high`` only: a scan on to the next capitalised word could read the rest of the
        # text each time; the one word the end of the stretch cuts is read again whole
        for match in _CAPITALISED_WORD.finditer(text, low, high, timeout=TIMEOUT_S):
            start = match.start()
            word = match.group()
            if match.end() == high < len(text):
                whole = _CAPITALISED_WORD.match(text, start, timeout=TIMEOUT_S)
                word = whole.group() if whole is not None else word
            if word.casefold() in forms and not self._in_full_name(start):
                starts.append(start)
                alone.append(self._named_at(start, self.full_name(word)))
        return starts, alone

    def _in_full_name(self, start: int) -> bool:
        """Whether the word at ``start`` is part of a full name the index counted."""
        starts = self._named_starts
        inside = bisect.bisect_right(starts, start) - 1
        return inside >= 0 and start < self._named[inside][1]

    def titled(self, name: str) -> bool:
        """Whether the text puts a role in front of ``name`` somewhere (Trainer Mirko Šimić): a person."""
        self._indexed()
        return name in self._titled

    def roles(self, name: str) -> list[str]:
        """Role words the document puts in front of ``name`` (Nato-Generalsekretär)."""
        words = name.split()
        if not words:
            return []
        self._indexed()
        return [role for role, _ in self._roles.get(words[-1].casefold(), Counter()).most_common()]


#: How a name stands after a word that governs it (Named.governed): a preposition alone (gegen
#: Ayodele Okafor), or a number or an article after one (in 37 Fällen, im Kreis Lippe)
AFTER_PREPOSITION: Final = 1
AFTER_DETERMINER: Final = 2

#: Up to this many surnames, a stretch is first searched for each (see NameIndex._read_alone)
_SURNAMES_LOOKED_UP: Final = 32

#: A first name and a surname.
_FULL_NAME_WORDS: Final = 2


def _after_article_and_adjective(text: str, start: int, articles: frozenset[str]) -> bool:
    """Whether an article and a lower-case adjective stand right before ``start``.

    A person's name follows a role (der frühere Kanzler Gerhard Schröder), seldom an adjective
    alone: after "der niedrigen" the capitalised words are the nouns of a noun phrase.
    """
    if start < 2 or not text[start - 2].islower():  # the letter before the space
        return False  # most runs: no lower-case word right before them
    before = text[max(0, start - 40) : start].split()
    return (
        len(before) >= 2
        and before[-1].islower()
        and before[-1].isalpha()
        and before[-1].endswith(ADJECTIVE_ENDINGS)
        and before[-2].casefold() in articles
    )


def _after_number(text: str, start: int) -> bool:
    """Whether a digit stands right before ``start``, one space between (rund 1,3 Millionen Euro)."""
    return start >= 2 and text[start - 1] == " " and text[start - 2].isdigit()


def _run_words(run: str, non_names: frozenset[str], words_of: NameWords) -> list[str]:
    """The words of a capitalised run that may make a full name; empty when none can."""
    words = run.replace("\u00a0", " ").split(" ")
    while words and words[0].casefold() in non_names:
        words = words[1:]
    if all(map(words_of.common_noun_not_first_name, words)):
        return []  # im Kreis Lippe: common nouns side by side name no one
    if len(words) < _FULL_NAME_WORDS or _acronym(words[-1]):
        return []  # Besser AfD, Laut BBC: a party or a broadcaster is no person's full name
    return words


#: The longest acronym with lower-case letters in it (AfD, BdV); all-capital words count at any length.
_MIXED_ACRONYM_CHARS: Final = 4


def _common_noun_not_first_name(word: str, lexicons: dict[str, Lexicon]) -> bool:
    """Kreis, Graf: a common noun of a language that capitalises nouns, and no known first name."""
    folded = word.casefold()
    return any(lex.is_common_noun(word) for lex in lexicons.values()) and not any(
        folded in lex.first_names for lex in lexicons.values()
    )


def _acronym(word: str) -> bool:
    """AfD, SPD, BBC: two capitals or more in a short word (not DiCaprio, McCain)."""
    capitals = sum(1 for char in word if char.isupper())
    return capitals >= _FULL_NAME_WORDS and (word.isupper() or len(word) <= _MIXED_ACRONYM_CHARS)


def _title_before(text: str, start: int, words: Sequence[str], is_role: Callable[[str], bool]) -> str | None:
    """The role word of "<role> of" right before a capitalised run of a title's end and a name.

    "Secretary of State John Kerry", "Minister of Finance Jane Doe": the run after "of" starts
    with the title's last word; only a run of three words or more (that word and a full name)
    counts.
    """
    if len(words) < _TITLE_AND_NAME_WORDS or not text.endswith(" of ", max(0, start - 4), start):
        return None
    before = text[max(0, start - 40) : start - 4].rsplit(maxsplit=1)
    if not before:
        return None
    word = before[-1]
    return word if is_role(word) else None


#: The title's last word, a first name and a surname.
_TITLE_AND_NAME_WORDS: Final = 3


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (or the text)."""
    before = start
    while before > 0 and text[before - 1] in " \t\u00a0":
        before -= 1
    return before == 0 or text[before - 1] in _SENTENCE_BOUNDARY


def _apposition_role(text: str, end: int) -> str | None:
    """The role in an apposition right after a name: "Chi Onwurah, the Labour MP, said" → Labour MP."""
    if not text.startswith(", ", end):
        return None
    match = _APPOSITION_END.search(text, end + 2, min(len(text), end + 2 + 60), timeout=TIMEOUT_S)
    if match is None:
        return None
    words = text[end + 2 : match.start()].split()
    if not 2 <= len(words) <= _APPOSITION_WORDS or words[0].casefold() not in _APPOSITION_ARTICLES:
        return None
    if not all(word.replace("-", "").isalnum() for word in words):
        return None
    return " ".join(words[1:])


def _count(table: dict[str, Counter[str]], key: str, value: str) -> None:
    """Count ``value`` under ``key``.

    The Counter is made only for a new key: setdefault would make one for every call.
    """
    counter = table.get(key)
    if counter is None:
        counter = table[key] = Counter()
    counter[value] += 1


def leading_non_names(lexicons: dict[str, Lexicon]) -> frozenset[str]:
    """Words that start a capitalised run without being part of a name (Den, The, Auch)."""
    return frozenset().union(*(lex.determiners | lex.function_words for lex in lexicons.values()))


class Named(NamedTuple):
    """A place the text names someone: where, the full name, and how the name stands there."""

    start: int
    name: str
    #: the name opens its sentence: the subject a following pronoun most likely means
    opens: bool
    #: a preposition stands before it (AFTER_PREPOSITION: gegen Ayodele Okafor), or a number or
    #: an article after one (AFTER_DETERMINER: seit 30 Jahren Schäfer, im Kreis Lippe), else 0:
    #: more often the name of a place or a capitalised noun than someone the text goes on about
    governed: int
