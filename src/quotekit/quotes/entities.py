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
from typing import TYPE_CHECKING, Final

import attrs
import regex

from quotekit._regex import TIMEOUT_S
from quotekit.model import Entity, Span

if TYPE_CHECKING:
    from quotekit.quotes.lexicon import Lexicon
    from quotekit.quotes.tokens import Mention

__all__ = ["EntityTracker", "NameIndex", "leading_non_names"]

#: Two or more capitalised words in a row (a single one names nothing new), starting at a word start.
_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]*)+"
)
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
MAX_NAME_WORDS: Final = 3
#: An office noun refers back to a person named at most this many characters before it (the
#: lede and a paragraph or two of news text).
OFFICE_ANTECEDENT_CHARS: Final = 1500


class NameIndex:
    """The full names a document uses, looked up by their last word."""

    def __init__(
        self, text: str, lexicons: dict[str, Lexicon], non_names: frozenset[str] | None = None
    ) -> None:
        self._forms: dict[str, Counter[str]] = {}
        self._roles: dict[str, Counter[str]] = {}
        #: Where a name is introduced with a role (Bundeswirtschaftsminister Robert Habeck):
        #: offsets and names in text order, for office nouns that refer back to it
        self._introduced_at: list[int] = []
        self._introduced: list[tuple[str, str]] = []
        role_words: dict[str, bool] = {}

        def is_role(word: str) -> bool:
            # the same words recur on a page: each is looked up in every language once
            known = role_words.get(word)
            if known is None:
                known = role_words[word] = any(lex.is_role(word) for lex in lexicons.values())
            return known

        # "Den Unmut", "The Senate" at a sentence start are no names: drop the leading articles
        if non_names is None:
            non_names = leading_non_names(lexicons)
        # match objects, not findall: an office noun needs where a name was introduced
        for match in _CAPITALISED_RUN.finditer(text, timeout=TIMEOUT_S):
            words = _run_words(match.group(), non_names)
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
            key = name_words[-1].casefold()
            if len(name_words) >= 2:
                _count(self._forms, key, " ".join(name_words))
            if role is not None:
                _count(self._roles, key, role)
                if len(name_words) >= 2:
                    self._introduced_at.append(match.start())
                    self._introduced.append((" ".join(name_words), role))

    @property
    def surnames(self) -> frozenset[str]:
        """The last words of the multi-word names in the document, casefolded."""
        return frozenset(self._forms)

    def full_name(self, name: str) -> str:
        """Return the fullest form of ``name`` used in the document (``name`` itself when none is)."""
        words = name.split()
        if not words:
            return name
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
        index = bisect.bisect_left(self._introduced_at, offset) - 1
        while index >= 0 and offset - self._introduced_at[index] <= window:
            name, role = self._introduced[index]
            if role.rsplit(" ", 1)[-1].casefold().endswith(role_word):
                return name
            index -= 1
        return None

    def roles(self, name: str) -> list[str]:
        """Role words the document puts in front of ``name`` (Nato-Generalsekretär)."""
        words = name.split()
        if not words:
            return []
        return [role for role, _ in self._roles.get(words[-1].casefold(), Counter()).most_common()]


#: A first name and a surname.
_FULL_NAME_WORDS: Final = 2


def _run_words(run: str, non_names: frozenset[str]) -> list[str]:
    """The words of a capitalised run that may make a full name; empty when none can."""
    words = run.replace("\u00a0", " ").split(" ")
    while words and words[0].casefold() in non_names:
        words = words[1:]
    if len(words) < _FULL_NAME_WORDS or _acronym(words[-1]):
        return []  # Besser AfD, Laut BBC: a party or a broadcaster is no person's full name
    return words


#: The longest acronym with lower-case letters in it (AfD, BdV); all-capital words count at any length.
_MIXED_ACRONYM_CHARS: Final = 4


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


def _count(table: dict[str, Counter[str]], key: str, value: str) -> None:
    """Count ``value`` under ``key``.

    The Counter is made only for a new key: setdefault would make one for every call.
    """
    counter = table.get(key)
    if counter is None:
        counter = table[key] = Counter()
    counter[value] += 1


_GENDERED: Final = frozenset({"m", "f"})
_DEFAULT_GENDERS: Final = {"he": "m", "she": "f", "er": "m", "sie": "f", "they": "x", "i": "x", "we": "x"}
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


class EntityTracker:
    """Resolves speaker mentions in document order and collects the entities they refer to."""

    def __init__(
        self,
        text: str,
        names: NameIndex,
        genders: Mapping[str, str] | None = None,
        offices: tuple[str, ...] = (),
    ) -> None:
        self._text = text
        self._names = names
        #: Role endings that name an office (kanzler, minister, governor): see resolve()
        self._offices = offices
        #: pronoun -> gender ("m", "f", "x"); a pronoun not in it (it, es) names no person
        self._genders: Mapping[str, str] = genders if genders is not None else _DEFAULT_GENDERS
        self._entities: list[_Entity] = []
        self._by_key: dict[str, int] = {}
        self.last_person: int | None = None

    def resolve(self, mention: Mention) -> tuple[int, str]:
        """Return the entity index ``mention`` refers to and its canonical name."""
        span = Span.of(self._text, mention.start, mention.end)
        if mention.kind == "pronoun":
            gender = self._genders.get(mention.name.casefold())
            if gender is None:
                # "…," it read: a letter or a statement, never the person quoted before
                return self._add(mention.name, span, None, key=f"pronoun:{mention.start}", person=False)
            linked = self._antecedent(gender)
            if linked is not None:
                entity = self._entities[linked]
                entity.mentions.append(span)
                if entity.gender == "x" and gender in _GENDERED:
                    entity.gender = gender
                self.last_person = linked
                return linked, entity.name
            return self._add(mention.name, span, None, key=f"pronoun:{mention.start}", person=False)
        if mention.kind == "role":
            linked = self._by_role(mention.role or mention.name)
            if linked is None:
                linked = self._office_holder(mention)
            if linked is not None:
                entity = self._entities[linked]
                entity.mentions.append(span)
                if mention.role and mention.role not in entity.roles:
                    entity.roles.append(mention.role)
                self.last_person = linked
                return linked, entity.name
            return self._add(
                mention.name, span, mention.role, key=f"role:{mention.name.casefold()}", person=False
            )
        full = self._names.full_name(mention.name)
        index, name = self._add(full, span, mention.role, key=_name_key(full), person=True)
        entity = self._entities[index]
        for role in self._names.roles(full):
            if role not in entity.roles:
                entity.roles.append(role)
        if entity.gender == "x":
            entity.gender = _gender_of_roles(entity.roles)
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
        if name is None:
            return None
        roles = self._names.roles(name)
        key = _name_key(name)
        index = self._by_key.get(key)
        gender = self._entities[index].gender if index is not None else _gender_of_roles(roles)
        role_gender = _gender_of_roles([role])
        if role_gender in _GENDERED and gender in _GENDERED and role_gender != gender:
            return None
        if index is None:
            index = self._by_key[key] = len(self._entities)
            self._entities.append(_Entity(name=name, gender=gender))
        entity = self._entities[index]
        for known in roles:
            if known not in entity.roles:
                entity.roles.append(known)
        return index

    def _antecedent(self, gender: str) -> int | None:
        """The person a pronoun of ``gender`` refers to: the last one quoted, unless the gender clashes."""
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


def _name_key(full_name: str) -> str:
    """One person per surname in a document: Mark Rutte, Rutte and Herr Rutte are one."""
    return f"name:{full_name.rsplit(maxsplit=1)[-1].casefold()}"


#: A role that refers back is an office word after the article, an adjective or a word of the
#: office between them at most: der Vizekanzler, der frühere Kanzler, the prime minister.
_DEFINITE_ROLE_WORDS: Final = range(2, 4)
_DEFINITE_ARTICLES: Final = frozenset({"der", "die", "the"})


def _unique_in_order(mentions: list[Span]) -> tuple[Span, ...]:
    unique = {(span.start, span.end): span for span in mentions}
    return tuple(unique[key] for key in sorted(unique))
