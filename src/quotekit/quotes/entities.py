"""Speakers resolved to entities: names, pronouns and role nouns linked to one canonical person.

A surname ("Rutte") takes the fullest form of the name the document uses ("Mark Rutte", with the
role words in front of it stripped); a pronoun (er, she) refers back to the last person quoted;
a definite role noun (der Nato-Chef, the minister) to the person last named with a role of the
same family (Nato-…); failing that, a role that names an office (die Kanzlerin, the governor)
refers to the person the text introduced with that office shortly before (Bundeskanzlerin Angela
Merkel); else it stands for itself ("die Journalistin", "der Vizekanzler" after
"Bundeswirtschaftsminister Robert Habeck": which office a person also holds is world knowledge).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs
import regex

from quotekit._regex import TIMEOUT_S
from quotekit.model import Entity, Span
from quotekit.quotes.marks import Stretches

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Mention

__all__ = ["EntityTracker", "NameIndex", "NameWords", "ReferenceTables", "leading_non_names"]

#: Two or more capitalised words in a row (a single one names nothing new), starting at a word start.
_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]*)+"
)
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
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
        self._common: dict[str, bool] = {}

    def is_role(self, word: str) -> bool:
        """Whether any language takes ``word`` for a role noun (Minister, spokesman)."""
        known = self._roles.get(word)
        if known is None:
            if len(self._roles) >= MAX_REMEMBERED_WORDS:
                self._roles.clear()
            known = self._roles[word] = any(lex.is_role(word) for lex in self.lexicons.values())
        return known

    def common_noun_not_first_name(self, word: str) -> bool:
        """Kreis, Graf: a common noun of a language that capitalises nouns, and no known first name."""
        known = self._common.get(word)
        if known is None:
            if len(self._common) >= MAX_REMEMBERED_WORDS:
                self._common.clear()
            known = self._common[word] = _common_noun_not_first_name(word, self.lexicons)
        return known


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
        #: Every place a person is named in full: offsets, names, and whether the name opens its
        #: sentence (the subject a following pronoun most likely means). Surnames named alone are
        #: added on the first look-up (see people_before).
        self._named: list[tuple[int, int, Named]] = []
        self._people: list[Named] | None = None
        self._people_starts: list[int] = []
        self._surnames: frozenset[str] | None = None
        self._prepositions: frozenset[str] = frozenset()

    def _indexed(self) -> frozenset[str]:
        """Read the text's capitalised runs into the index, once; return the surnames."""
        if self._surnames is not None:
            return self._surnames
        text, lexicons, words_of = self._text, self._lexicons, self._words
        self._prepositions = frozenset().union(*(lex.prepositions for lex in lexicons.values()))
        is_role = words_of.is_role
        # "Den Unmut", "The Senate" at a sentence start are no names: drop the leading articles
        non_names = self._non_names
        if non_names is None:
            non_names = leading_non_names(lexicons)
        # match objects, not findall: an office noun needs where a name was introduced
        for match in _CAPITALISED_RUN.finditer(text, timeout=TIMEOUT_S):
            words = _run_words(match.group(), non_names, words_of)
            if not words:
                continue
            cut = 0
            role = None
            title = _title_before(text, match.start(), words, is_role)
            if title is not None:
                # Secretary of State John Kerry: "State" ends the title, the name follows
                cut, role = 1, f"{title} of {words[0]}"
            for index, word in enumerate(words):
                if is_role(word):
                    cut = index + 1
                    role = " ".join(words[: index + 1])
            name_words = words[cut:][-MAX_NAME_WORDS:]
            if not name_words:
                continue
            self._add_name(match, name_words, role)
        self._surnames = frozenset(self._forms)
        return self._surnames

    def _add_name(self, match: regex.Match[str], name_words: list[str], role: str | None) -> None:
        """Count a name the text uses, with its role and, for a full name, where it stands."""
        key = name_words[-1].casefold()
        if len(name_words) >= 2:
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
        return max(candidates, key=lambda form: (forms[form], len(form)))

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
        governed = previous.casefold() in self._prepositions or previous.isdigit()
        return Named(start, name, _opens_sentence(self._text, start), governed)

    def people_before(self, offset: int, window: int = ANAPHOR_CHARS) -> list[Named]:
        """The names the text uses at most ``window`` characters before ``offset``, the nearest first.

        A surname named alone counts once the document has named it in full (Karin Weber …
        Weber sagte).
        """
        people = self._people
        if people is None:
            self._indexed()
            people = self._people = self._all_people()
            self._people_starts = [named.start for named in people]
        index = bisect.bisect_left(self._people_starts, offset) - 1
        found = []
        while index >= 0 and offset - people[index][0] <= window:
            found.append(people[index])
            index -= 1
        return found

    def _all_people(self) -> list[Named]:
        people = [named for _, _, named in self._named]
        if self._forms:
            runs = [(start, end) for start, end, _ in self._named]
            run_starts = [start for start, _ in runs]
            for match in _CAPITALISED_WORD.finditer(self._text, timeout=TIMEOUT_S):
                key = match.group().casefold()
                if key not in self._forms:
                    continue
                inside = bisect.bisect_right(run_starts, match.start()) - 1
                if inside >= 0 and match.start() < runs[inside][1]:
                    continue  # part of a full name already counted
                people.append(self._named_at(match.start(), self.full_name(match.group())))
        people.sort()
        return people

    def roles(self, name: str) -> list[str]:
        """Role words the document puts in front of ``name`` (Nato-Generalsekretär)."""
        words = name.split()
        if not words:
            return []
        self._indexed()
        return [role for role, _ in self._roles.get(words[-1].casefold(), Counter()).most_common()]


#: A first name and a surname.
_FULL_NAME_WORDS: Final = 2


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


def _title_before(text: str, start: int, words: list[str], is_role: Callable[[str], bool]) -> str | None:
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


_GENDERED: Final = frozenset({"m", "f"})
#: The gender of a plural pronoun (they): it refers to a group, not to the person quoted before.
PLURAL: Final = "p"
_DEFAULT_GENDERS: Final = {"he": "m", "she": "f", "er": "m", "sie": "f", "they": PLURAL, "i": "x", "we": "x"}
_FEMININE_TITLES: Final = frozenset({"mrs", "ms", "miss", "frau", "queen", "lady", "königin"})
_MASCULINE_TITLES: Final = frozenset({"mr", "herr", "king", "sir", "lord", "könig"})
_FEMININE_ENDINGS: Final = (
    "woman",
    "women",
    "erin",
    "entin",
    "antin",
    "istin",
    "orin",
    "chefin",
    "ministerin",
)
_MASCULINE_ENDINGS: Final = ("man", "men")


def _gender_of_roles(roles: list[str]) -> str:
    """Mrs., Ms., spokeswoman, Ministerin: what the role words say of a person's gender."""
    for role in roles:
        for word in _WORD.findall(role.casefold(), timeout=TIMEOUT_S):
            if word in _FEMININE_TITLES or word.endswith(_FEMININE_ENDINGS):
                return "f"
            if word in _MASCULINE_TITLES or (
                word.endswith(_MASCULINE_ENDINGS) and not word.endswith("german")
            ):
                return "m"
    return "x"


def leading_non_names(lexicons: dict[str, Lexicon]) -> frozenset[str]:
    """Words that start a capitalised run without being part of a name (Den, The, Auch)."""
    return frozenset().union(*(lex.determiners | lex.function_words for lex in lexicons.values()))


@attrs.define
class _Entity:
    name: str
    mentions: list[Span] = attrs.field(factory=list)
    roles: list[str] = attrs.field(factory=list)
    person: bool = True
    gender: str = "x"
    #: A group or organisation named by a phrase (the company, die Behörde): what "it" and
    #: "they" may refer to
    group: bool = False


class Named(NamedTuple):
    """A place the text names someone: where, the full name, and how the name stands there."""

    start: int
    name: str
    #: the name opens its sentence: the subject a following pronoun most likely means
    opens: bool
    #: a preposition or a number stands before it (im Kreis Lippe, seit 30 Jahren Schäfer):
    #: the name of a place or a capitalised noun rather than someone the text goes on about
    governed: bool


@attrs.frozen
class ReferenceTables:
    """What tells who a description or pronoun means, from the language tables.

    ``nouns`` are head words that, after a definite article, refer back to the person named
    before (der Belgier, the politician), ``suffixes`` such endings of compounds and numbers
    (die 54-Jährige, the 46-year-old, die Grünen-Chefin); ``first_names`` maps casefolded first
    names to a gender ("m", "f"), so "sie" does not take Olaf Scholz.
    """

    nouns: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    first_names: Mapping[str, str] = attrs.field(factory=dict)
    #: head nouns of descriptions that refer back to an organisation (the company, die Behörde)
    group_nouns: frozenset[str] = frozenset()

    def refers_back(self, head: str) -> bool:
        """Whether a definite description with head noun ``head`` (casefolded) refers back."""
        return head in self.nouns or (bool(self.suffixes) and head.endswith(self.suffixes))


class EntityTracker:
    """Resolves speaker mentions in document order and collects the entities they refer to."""

    def __init__(
        self,
        text: str,
        names: NameIndex,
        genders: Mapping[str, str] | None = None,
        offices: tuple[str, ...] = (),
        references: ReferenceTables | None = None,
        quoted: Stretches | None = None,
    ) -> None:
        self._text = text
        self._names = names
        self._references = references if references is not None else ReferenceTables()
        #: The quoted stretches (start, end), sorted: a name inside a quote is what someone
        #: said, not someone a later pronoun or description can mean
        self._quoted = quoted if quoted is not None else Stretches()
        #: Role endings that name an office (kanzler, minister, governor): see resolve()
        self._offices = offices
        #: pronoun -> gender ("m", "f", "x"); a pronoun not in it (it, es) names no person
        self._genders: Mapping[str, str] = genders if genders is not None else _DEFAULT_GENDERS
        self._entities: list[_Entity] = []
        self._by_key: dict[str, int] = {}
        self.last_person: int | None = None

    def resolve(self, mention: Mention, before: int | None = None) -> tuple[int, str]:
        """Return the entity index ``mention`` refers to and its canonical name.

        ``before`` is where the quote the mention frames starts, when that is before the mention
        (“…,” he said): a name inside the quote is not what the pronoun refers to.
        """
        span = Span.of(self._text, mention.start, mention.end)
        limit = mention.start if before is None else min(before, mention.start)
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention, span, limit)
        if mention.kind == "role":
            return self._resolve_role(mention, span, limit)
        if self._is_description(mention):
            # The Labour MP, der Belgier: a definite article before a word the document never
            # uses as part of a full name describes someone named before
            linked = self._by_role(mention.name)
            if linked is None:
                linked = self._described(mention, limit)
            if linked is not None:
                return self._link(linked, span)
        return self._resolve_name(mention, span)

    def _link(self, index: int, span: Span, role: str | None = None) -> tuple[int, str]:
        """Record ``span`` as a mention of person ``index``, the one a pronoun now refers to."""
        entity = self._entities[index]
        entity.mentions.append(span)
        if role and role not in entity.roles:
            entity.roles.append(role)
        self.last_person = index
        return index, entity.name

    def _resolve_pronoun(self, mention: Mention, span: Span, limit: int) -> tuple[int, str]:
        gender = self._genders.get(mention.name.casefold())
        if gender is None or gender == PLURAL:
            # "…," it read: a letter, a statement or the organisation named before, never the
            # person quoted before; they: the group named before
            group = self._organisation_before(limit)
            if group is not None:
                self._entities[group].mentions.append(span)
                return group, self._entities[group].name
        if gender is not None:
            linked = self._antecedent(gender, limit)
            if linked is not None:
                entity = self._entities[linked]
                if entity.gender == "x" and gender in _GENDERED:
                    entity.gender = gender
                return self._link(linked, span)
        return self._add(mention.name, span, None, key=f"pronoun:{mention.start}", person=False)

    def _resolve_role(self, mention: Mention, span: Span, limit: int) -> tuple[int, str]:
        linked = self._by_role(mention.role or mention.name)
        if linked is None:
            linked = self._office_holder(mention)
        if linked is None:
            linked = self._described(mention, limit)
        if linked is not None:
            return self._link(linked, span, mention.role)
        index, name = self._add(
            mention.name, span, mention.role, key=f"role:{mention.name.casefold()}", person=False
        )
        self._entities[index].group = True
        return index, name

    def _resolve_name(self, mention: Mention, span: Span) -> tuple[int, str]:
        full = self._names.full_name(mention.name)
        index, name = self._add(full, span, mention.role, key=_name_key(full), person=True)
        entity = self._entities[index]
        for role in self._names.roles(full):
            if role not in entity.roles:
                entity.roles.append(role)
        if entity.gender == "x":
            entity.gender = self._person_gender(entity.name, entity.roles)
        self.last_person = index
        return index, name

    def _office_holder(self, mention: Mention) -> int | None:
        """Die Kanzlerin, the governor: the person introduced shortly before with that office.

        Only a definite role ending in an office word refers back (der frühere Kanzler, the prime
        minister); "der Sprecher des Ministeriums", "ein Minister" and "der Sprecher" are someone
        else. A feminine role does not take a person known to be a man, nor a masculine one a woman.
        """
        words = mention.name.split()
        if len(words) not in _DEFINITE_ROLE_WORDS or words[0].casefold() not in _DEFINITE_ARTICLES:
            return None
        role = words[-1].casefold()
        if not role.endswith(self._offices):
            return None
        name = self._names.introduced_before(mention.start, role)
        if name is None or not _agrees(_gender_of_roles([role]), self._gender_of(name)):
            return None
        return self._entity_named(name)

    def _is_description(self, mention: Mention) -> bool:
        """Whether a name mention is a definite description (the Labour MP, der Belgier)."""
        article = self._text[mention.start : mention.end].split(maxsplit=1)[0].casefold()
        if article not in _DEFINITE_ARTICLES or mention.name.split()[0].casefold() == article:
            return False
        return self._names.full_name(mention.name) == mention.name and len(mention.name.split()) <= 2

    def _described(self, mention: Mention, limit: int) -> int | None:
        """Die 54-Jährige, the Labour MP, der Belgier: the person named shortly before.

        A role the text gave someone (Chi Onwurah, the Labour MP, …) names that person; a noun
        that refers back (``Anaphors``) the nearest person named before whose gender agrees.
        """
        words = self._text[mention.start : mention.end].split()
        if len(words) not in _DEFINITE_ROLE_WORDS or words[0].casefold() not in _DEFINITE_ARTICLES:
            return None
        head = words[-1].casefold()
        if head in self._references.group_nouns:
            return self._organisation_before(limit)
        people = [named for named in self._names.people_before(limit) if not self._in_quote(named.start)]
        for _, name, _, _ in people:
            # the Labour MP ← Labour MP; the lawyer ← lawyer for the family
            if any(
                head in role.casefold().split() or role.casefold().endswith(head)
                for role in self._names.roles(name)
            ):
                return self._entity_named(name)
        if not self._references.refers_back(head):
            return None
        gender = _description_gender(words[0].casefold(), head)
        # nearest first, but a name after a preposition (im Kreis Lippe) only when no other fits
        for named in sorted(people, key=lambda named: named.governed):
            if _agrees(gender, self._gender_of(named.name)):
                return self._entity_named(named.name)
        return None

    def _in_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self._quoted.starts, offset) - 1
        return index >= 0 and offset < self._quoted.ends[index]

    def _gender_of(self, name: str) -> str:
        index = self._by_key.get(_name_key(name))
        if index is not None and self._entities[index].gender != "x":
            return self._entities[index].gender
        return self._person_gender(name, self._names.roles(name))

    def _person_gender(self, name: str, roles: list[str]) -> str:
        """A person's gender as the text gives it (Ministerin, Mrs.), else as the first name does."""
        gender = _gender_of_roles(roles)
        if gender == "x" and " " in name:
            return self._references.first_names.get(name.split(maxsplit=1)[0].casefold(), "x")
        return gender

    def _entity_named(self, name: str) -> int:
        """The entity of the person ``name``, made when the document has not quoted them yet."""
        key = _name_key(name)
        index = self._by_key.get(key)
        roles = self._names.roles(name)
        if index is None:
            index = self._by_key[key] = len(self._entities)
            self._entities.append(_Entity(name=name, gender=self._person_gender(name, roles)))
        entity = self._entities[index]
        for known in roles:
            if known not in entity.roles:
                entity.roles.append(known)
        return index

    def _organisation_before(self, limit: int) -> int | None:
        """What "it", "they" or "the company" refers to: the organisation named last before ``limit``.

        That is the group last quoted through a phrase (the company said …), or a name opening a
        sentence that is no person's (Meridian Airlines cancelled 40 flights. It said …), the
        nearer of the two.
        """
        quoted = None
        for index in range(len(self._entities) - 1, -1, -1):
            entity = self._entities[index]
            if entity.group and entity.mentions and limit - entity.mentions[-1].end <= ANAPHOR_CHARS:
                quoted = index
                break
        quoted_at = self._entities[quoted].mentions[-1].start if quoted is not None else -1
        for named in self._names.people_before(limit):
            if named.start < quoted_at:
                break
            if (
                named.opens
                and not named.governed
                and not self._in_quote(named.start)
                and self._organisation(named.name)
            ):
                key = f"organisation:{named.name.casefold()}"
                found = self._by_key.get(key)
                if found is None:
                    found = self._by_key[key] = len(self._entities)
                    self._entities.append(_Entity(name=named.name, person=False, group=True))
                return found
        return quoted

    def _organisation(self, name: str) -> bool:
        """Whether a name is no person's: no first name, no personal role, not quoted as a person."""
        index = self._by_key.get(_name_key(name))
        if index is not None and self._entities[index].person:
            return False
        first = name.split(maxsplit=1)[0].casefold()
        return first not in self._references.first_names and not self._names.roles(name)

    def _subject_since(self, gender: str, limit: int) -> int | None:
        """A person named at the start of a sentence after the last one quoted, before ``limit``.

        Joe Smith decided to get lunch. He said …: with nobody quoted yet, or someone new made
        the subject since, a pronoun means that person.
        """
        since = -1
        if self.last_person is not None:
            mentions = self._entities[self.last_person].mentions
            since = max(span.end for span in mentions) if mentions else -1
        fallback = None
        for start, name, opens, _ in self._names.people_before(limit):
            if start < since:
                break
            if self._in_quote(start) or not _agrees(gender, self._gender_of(name)):
                continue
            if opens:
                return self._entity_named(name)
            if fallback is None and self.last_person is None:
                fallback = name
        return self._entity_named(fallback) if fallback is not None else None

    def _antecedent(self, gender: str, limit: int) -> int | None:
        """The person a pronoun of ``gender`` refers to: the last one quoted, unless the gender clashes."""
        subject = self._subject_since(gender, limit)
        if subject is not None:
            return subject
        if self.last_person is None:
            return None
        if gender not in _GENDERED or self._entities[self.last_person].gender in {"x", gender}:
            return self.last_person
        for index in range(len(self._entities) - 1, -1, -1):
            entity = self._entities[index]
            if entity.person and entity.gender == gender:
                return index
        return self.last_person

    def add_mention(self, index: int, mention: Mention) -> None:
        """Record ``mention`` (a pronoun whose antecedent the frame names) as entity ``index``'s."""
        self._entities[index].mentions.append(Span.of(self._text, mention.start, mention.end))

    def remember(self, index: int) -> None:
        """Make entity ``index`` the one a following pronoun refers to."""
        if 0 <= index < len(self._entities) and self._entities[index].person:
            self.last_person = index

    def role_of(self, index: int) -> str | None:
        """Return the first role the document gives entity ``index``."""
        roles = self._entities[index].roles
        return roles[0] if roles else None

    def _add(self, name: str, span: Span, role: str | None, *, key: str, person: bool) -> tuple[int, str]:
        index = self._by_key.get(key)
        if index is None:
            index = len(self._entities)
            self._by_key[key] = index
            self._entities.append(_Entity(name=name, person=person))
        entity = self._entities[index]
        entity.mentions.append(span)
        if role and role not in entity.roles:
            entity.roles.append(role)
        return index, entity.name

    def _by_role(self, role: str) -> int | None:
        words = list(_WORD.findall(role.casefold(), timeout=TIMEOUT_S))
        if not words:
            return None
        head = words[-1]
        family = head.split("-")[0] if "-" in role else None
        for index in range(len(self._entities) - 1, -1, -1):
            entity = self._entities[index]
            if not entity.person:
                continue
            for known in entity.roles:
                known_folded = known.casefold()
                if known_folded.endswith(head) or (family and known_folded.startswith(family + "-")):
                    return index
        return None

    def entities(self) -> tuple[Entity, ...]:
        """Return the entities found, each with its mentions in text order."""
        return tuple(
            Entity(
                name=e.name,
                # model.Entity types its converter loosely (tuple), hence the ignore
                mentions=_unique_in_order(e.mentions),  # type: ignore[arg-type]
                roles=tuple(e.roles),
            )
            for e in self._entities
        )


def _description_gender(article: str, head: str) -> str:
    """What a definite description says of a person's gender: der Belgier, die 54-Jährige."""
    gender = _gender_of_roles([head])
    if gender != "x":
        return gender
    if article == "der":
        return "m"
    if article == "die" and head.endswith(("jährige", "in")):
        return "f"
    return "x"


def _agrees(wanted: str, known: str) -> bool:
    return wanted not in _GENDERED or known not in _GENDERED or wanted == known


def _name_key(full_name: str) -> str:
    """One person per surname in a document: Mark Rutte, Rutte and Herr Rutte are one."""
    return f"name:{full_name.rsplit(maxsplit=1)[-1].casefold()}"


#: A role that refers back is an office word after the article, an adjective or a word of the
#: office between them at most: der Vizekanzler, der frühere Kanzler, the prime minister.
_DEFINITE_ROLE_WORDS: Final = range(2, 4)
_DEFINITE_ARTICLES: Final = frozenset({"der", "die", "das", "the"})


def _unique_in_order(mentions: list[Span]) -> tuple[Span, ...]:
    unique = {(span.start, span.end): span for span in mentions}
    return tuple(unique[key] for key in sorted(unique))
