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
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from quotekit._regex import backtrack_free
from quotekit.model import Entity, Span
from quotekit.quotes.marks import Stretches
from quotekit.quotes.names import AFTER_DETERMINER, ANAPHOR_CHARS, NameIndex

if TYPE_CHECKING:
    from quotekit.quotes.tokens import Mention

__all__ = ["EntityTracker", "ReferenceTables"]

#: The words of a role. Backtrack-free: every resolved role is split, so no timeout clock per call.
_WORD = backtrack_free(r"[\p{L}\p{M}\p{N}]++")

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
        for word in _WORD.findall(role.casefold()):
            if word in _FEMININE_TITLES or word.endswith(_FEMININE_ENDINGS):
                return "f"
            if word in _MASCULINE_TITLES or (
                word.endswith(_MASCULINE_ENDINGS) and not word.endswith("german")
            ):
                return "m"
    return "x"


#: A role phrase that names one person: an article and the role noun (der Bürgermeister, a spokeswoman)
_ARTICLE_AND_ROLE: Final = 2
_SINGULAR_ARTICLES: Final = frozenset({"der", "die", "ein", "eine", "the", "a", "an"})
#: An adjective and the noun it qualifies (die Deutsche Bahn)
_ADJECTIVE_AND_HEAD: Final = 2


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
    #: The end of the last mention (kept as mentions come: a pronoun asks it, and the list of
    #: mentions of one speaker quoted a thousand times is long)
    last_end: int = -1

    def add(self, span: Span) -> None:
        """Record ``span`` as a mention."""
        self.mentions.append(span)
        self.last_end = max(self.last_end, span.end)


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
    #: the same as endings of compounds, for languages that write them in one word (das
    #: Familienunternehmen, der Bauernverband)
    group_suffixes: tuple[str, ...] = ()
    #: Per definite article of a language that writes adjectives in lower case, the endings of
    #: an adjective that, capitalised after it, makes a name (die Deutsche Bahn, not a description)
    name_adjectives: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: Per such article, the endings of that language's nouns for a body (bahn, bank, partei)
    body_suffixes: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    def names_with_adjective(self, article: str, words: Sequence[str]) -> bool:
        """Whether ``article`` and ``words`` are a name opened by a capitalised adjective.

        Die Deutsche Bahn, die Europäische Zentralbank: a language that writes adjectives in
        lower case capitalises one only in a name, so an organisation noun after one is a name,
        not a description.
        """
        endings = self.name_adjectives.get(article)
        if not endings or len(words) != _ADJECTIVE_AND_HEAD:
            return False
        adjective, head = words
        # the head must name an organisation: a capitalised word in -e before any other noun may
        # be a noun itself (der Zeuge Müller, die Fee Augentrost)
        return (
            adjective[:1].isupper()
            and adjective.isalpha()
            and adjective.casefold().endswith(endings)
            and (
                self.is_group(head.casefold())
                or head.casefold().endswith(self.body_suffixes.get(article, ()))
            )
        )

    def is_group(self, head: str) -> bool:
        """Whether a description with head noun ``head`` (casefolded) names an organisation."""
        return head in self.group_nouns or (bool(self.group_suffixes) and head.endswith(self.group_suffixes))

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
        #: Surname (casefolded) -> the entities of two or more full names that share it
        #: (Thomas Müller, Gerd Müller): a lone "Müller" means the one mentioned last
        self._sharing_surname: dict[str, list[int]] = {}
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
        entity.add(span)
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
                self._entities[group].add(span)
                return group, self._entities[group].name
        group = self._group_just_quoted(gender, limit) if gender in _GENDERED else None
        if group is not None:
            # …, erklärte der Verband. Er fordert …: a German pronoun takes the grammatical
            # gender of the organisation just quoted
            self._entities[group].add(span)
            return group, self._entities[group].name
        if gender is not None:
            linked = self._antecedent(gender, limit)
            if linked is not None and gender == PLURAL and self._entities[linked].gender in _GENDERED:
                linked = None  # Jane Smith met the residents. They said …: not her
            if linked is not None:
                entity = self._entities[linked]
                if entity.gender == "x" and gender in _GENDERED:
                    entity.gender = gender
                return self._link(linked, span)
        return self._add(mention.name, span, None, key=f"pronoun:{mention.start}", person=False)

    def _group_just_quoted(self, gender: str | None, limit: int) -> int | None:
        """The organisation quoted last before ``limit`` by a phrase whose article has ``gender``.

        Only when it is the last entity mentioned and nobody has been named since: der Verband
        … Er, die Polizei … Sie.
        """
        # the newest entities only: the one mentioned last is among them, and a scan of all of
        # them for every pronoun would grow with the square of a long text
        newest = range(max(0, len(self._entities) - _ROLE_LOOKBACK), len(self._entities))
        last = max(
            (i for i in newest if self._entities[i].last_end <= limit),
            key=lambda i: self._entities[i].last_end,
            default=None,
        )
        if last is None or not self._entities[last].group or not self._entities[last].mentions:
            return None
        entity = self._entities[last]
        mention = entity.mentions[-1]
        before = self._text[max(0, mention.start - _WORD_BEFORE) : mention.start].split()
        if before and before[-1].casefold() in self._names.prepositions:
            return None  # hieß es aus der Stadtverwaltung: "der" is the dative's, no gender
        if _ARTICLE_GENDERS.get(mention.text.split(maxsplit=1)[0].casefold()) != gender:
            return None
        # Anna Schmidt trat zurück. …, erklärte die Partei. Sie sagte …: a person the pronoun
        # may mean, named before, goes before the organisation
        for named in self._names.people_before(limit):
            if named.governed != AFTER_DETERMINER and _agrees(gender or "x", self._gender_of(named.name)):
                return None
        return last

    def _resolve_role(self, mention: Mention, span: Span, limit: int) -> tuple[int, str]:
        linked = self._by_role(mention.role or mention.name)
        if linked is None:
            linked = self._office_holder(mention)
        if linked is None:
            linked = self._described(mention, limit)
        if linked is not None:
            return self._link(linked, span, mention.role)
        if self._one_person(mention):
            # Der Bürgermeister sagte …; the mayor said …: one person, whom "er"/"he" goes on to mean
            index, name = self._add(
                mention.name, span, mention.role, key=f"role:{mention.name.casefold()}", person=True
            )
            entity = self._entities[index]
            if entity.gender == "x":
                entity.gender = _gender_of_roles([mention.role or mention.name])
            if entity.gender == "x" and self._references.refers_back(mention.name.split()[-1].casefold()):
                # Die 30-Jährige: the article says what the description's noun does not
                words = mention.name.split()
                entity.gender = _description_gender(words[0].casefold(), words[-1].casefold())
            self.last_person = index
            return index, name
        index, name = self._add(
            mention.name, span, mention.role, key=f"role:{mention.name.casefold()}", person=False
        )
        self._entities[index].group = True
        return index, name

    def _one_person(self, mention: Mention) -> bool:
        """Whether a role phrase names one person: a singular article and a role noun, no body."""
        words = mention.name.split()
        if len(words) != _ARTICLE_AND_ROLE or words[0].casefold() not in _SINGULAR_ARTICLES:
            return False
        head = words[-1]
        folded = head.casefold()
        # der 45-Jährige, the 46-year-old: a description of someone not named
        return (
            self._names.is_role(head) or self._references.refers_back(folded)
        ) and not self._references.is_group(folded)

    def _resolve_name(self, mention: Mention, span: Span) -> tuple[int, str]:
        sharing = self._sharing_surname.get(mention.name.casefold()) if " " not in mention.name else None
        if sharing:
            # Müller after Thomas Müller and Gerd Müller: the one mentioned last
            return self._link(max(sharing, key=lambda index: self._entities[index].last_end), span)
        article = self._text[mention.start : mention.end].split(maxsplit=1)[0].casefold()
        if self._references.names_with_adjective(article, mention.name.split()):
            # die Deutsche Bahn, die Europäische Zentralbank: an organisation's name is one
            # whole, not a surname Peter Bahn or Pro Bahn shares
            index, name = self._add(
                mention.name, span, mention.role, key=f"org:{mention.name.casefold()}", person=False
            )
            self._entities[index].group = True  # what "der Konzern" or "sie" after it may mean
            return index, name
        full = self._names.full_name(mention.name)
        index, name = self._add(full, span, mention.role, key=self._key(full), person=True)
        entity = self._entities[index]
        if len(entity.mentions) == 1 and self._references.is_group(full.split(maxsplit=1)[0].casefold()):
            # das Gesundheitsamt Wiesbaden, der Bauernverband Oberrhön: a body's noun opens the
            # name, so "die Behörde" or "sie" after it may mean it
            entity.person, entity.group = False, True
            return index, name
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
        if self._references.names_with_adjective(article, mention.name.split()):
            return False  # die Deutsche Bahn: a name, not "die Bahn" described
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
        if self._references.is_group(head):
            # Brightwater Airways has cancelled 200 flights, the airline said: a firm opening the
            # report it frames is the firm the description means
            return self._organisation_before(max(limit, mention.start))
        people = [named for named in self._names.people_before(limit) if not self._in_quote(named.start)]
        for _, name, _, _ in people:
            # the Labour MP ← Labour MP; the lawyer ← lawyer for the family; das Gericht ←
            # Verwaltungsgericht Stadern, a body's name that holds the noun
            if any(
                head in role.casefold().split() or role.casefold().endswith(head)
                for role in [*self._names.roles(name), *name.split()[:-1]]
            ):
                return self._entity_named(name)
        if not self._references.refers_back(head):
            return None
        gender = _description_gender(words[0].casefold(), head)
        # nearest first, but a name after a preposition (im Kreis Lippe) only when no other fits,
        # and a name the text shows to be a person's (a first name, a role) before one it does
        # not (die 52-Jährige: Cornelia Haack before the Freie Wählergemeinschaft she sits for)
        genders = {named.name: self._gender_of(named.name) for named in people}
        # a title says "person" as a first name does (Trainer Mirko Šimić … der 48-Jährige); a
        # role in apposition may describe a firm (Pellworth Cycles, the bicycle maker); after a
        # number or an article after a preposition, words that neither marks are no one a
        # description means (in 37 Fällen Senioren Rechnungen)
        unknown = {name for name, known in genders.items() if known == "x" and not self._names.titled(name)}
        for named in sorted(people, key=lambda named: (named.governed, named.name in unknown)):
            if named.governed == AFTER_DETERMINER and named.name in unknown:
                continue  # in 37 Fällen Senioren Rechnungen: no one
            if _agrees(gender, genders[named.name]):
                return self._entity_named(named.name)
        return None

    def _in_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self._quoted.starts, offset) - 1
        return index >= 0 and offset < self._quoted.ends[index]

    def _gender_of(self, name: str) -> str:
        index = self._by_key.get(self._key(name))
        if index is not None and self._entities[index].gender != "x":
            return self._entities[index].gender
        return self._person_gender(name, self._names.roles(name))

    def _person_gender(self, name: str, roles: list[str]) -> str:
        """A person's gender as the text gives it (Ministerin, Mrs.), else as the first name does."""
        gender = _gender_of_roles(roles)
        if gender == "x" and " " in name:
            # the first word the first-name table knows (Inspector Laura Finch: Laura), the
            # surname last never counted
            first_names = self._references.first_names
            return next(
                (first_names[w] for w in map(str.casefold, name.split()[:-1]) if w in first_names), "x"
            )
        return gender

    def _entity_named(self, name: str) -> int:
        """The entity of the person ``name``, made when the document has not quoted them yet."""
        name = self._names.full_name(name)  # Abgeordneter Montag … Jerzy Montag: the fullest form
        key = self._key(name)
        index = self._by_key.get(key)
        roles = self._names.roles(name)
        if index is None:
            index = self._new_entity(key, _Entity(name=name, gender=self._person_gender(name, roles)))
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
                name = named.name
                first, _, rest = name.partition(" ")
                if (
                    " " in rest
                    and first.casefold() not in self._references.group_nouns
                    and self._references.is_group(first.casefold())
                ):
                    # Der Küchenhersteller Kallweit Küchen: the firm is Kallweit Küchen (but one
                    # word after it is the name's own: Bauernverband Oberrhön)
                    name = rest
                key = f"organisation:{name.casefold()}"
                found = self._by_key.get(key)
                if found is None:
                    found = self._new_entity(key, _Entity(name=name, person=False, group=True))
                return found
        return quoted

    def _organisation(self, name: str) -> bool:
        """Whether a name is no person's: no first name, no personal role, not quoted as a person."""
        index = self._by_key.get(self._key(name))
        # quoted as a person: a gender the text gave it (a role, a first name, er or sie for it);
        # a name quoted with neither (Siemens meldete …) may still be a firm's
        if index is not None and self._entities[index].person and self._entities[index].gender in _GENDERED:
            return False
        first = name.split(maxsplit=1)[0].casefold()
        return first not in self._references.first_names and not self._names.roles(name)

    def _subject_since(self, gender: str, limit: int) -> tuple[int | None, str | None]:
        """A person named at the start of a sentence after the last one quoted, before ``limit``.

        Joe Smith decided to get lunch. He said …: with nobody quoted yet, or someone new made
        the subject since, a pronoun means that person. Also returns the nearest person of
        the pronoun's gender named anywhere since (Das sieht der Bürgermeister, Holger Teschke,
        anders. Er …): whom the pronoun means when the last one quoted is of the other gender.
        """
        since = -1 if self.last_person is None else self._entities[self.last_person].last_end
        nearest = None
        of_gender = None  # the nearest whose first name or role says the pronoun's gender
        for start, name, opens, governed in self._names.people_before(limit):
            if start < since:
                break
            named_gender = self._gender_of(name)
            if (
                (governed == AFTER_DETERMINER and named_gender == "x" and not self._names.roles(name))
                or self._in_quote(start)
                or not _agrees(gender, named_gender)
            ):
                # in 37 Fällen Senioren Rechnungen, im Kreis Lippe: after a number or an article
                # after a preposition, words with no first name or role are a place or a thing
                # (zum Staatspräsidenten Nicolas Sarkozy has a role: someone)
                continue
            if opens:
                return self._entity_named(name), name
            if nearest is None:
                nearest = name
            if of_gender is None and named_gender == gender:
                of_gender = name
        # Joanna Pike and Kevin Ashdown work at St Aldric's Hospital. She …: a name of her
        # gender before one that says none
        nearest = of_gender or nearest
        if nearest is not None and self.last_person is None:
            return self._entity_named(nearest), nearest
        return None, nearest

    def _antecedent(self, gender: str, limit: int) -> int | None:
        """The person a pronoun of ``gender`` refers to: the last one quoted, unless the gender clashes."""
        subject, nearest = self._subject_since(gender, limit)
        if subject is not None:
            return subject
        if self.last_person is None:
            return None
        last = self._entities[self.last_person]
        if (
            gender in _GENDERED
            and nearest is not None
            and self._gender_of(nearest) == gender
            and (
                not last.person
                or last.group
                # a firm's name of two words or more, or a description (der Versorger, the
                # secretary); a lone surname (Okonkwo, Nguyen) is a person's whose first name
                # the tables do not know
                or (
                    self._organisation(last.name)
                    and (" " in last.name or self._names.is_role(last.name) or _with_article(last))
                )
            )
        ):
            # Wie die Auskunftei Kreditwacht mitteilte, … Der Präsident des Verbands, Hans
            # Ossenkamp, … „…“, sagte er: "er" is the man named since, not the firm quoted last
            return self._entity_named(nearest)
        if gender not in _GENDERED or last.gender in {"x", gender}:
            return self.last_person
        if nearest is not None:
            return self._entity_named(nearest)
        # Die 30-Jährige sagte … Er sagte …: a pronoun of the other gender means no one known
        return self._person_of_gender(gender, limit)

    def _person_of_gender(self, gender: str, limit: int) -> int | None:
        """The last person quoted of ``gender``, else the nearest named before ``limit``.

        Inspector Laura Finch and her deputy, Sergeant Mark Ebbs, … She said … He added …: a
        person of the pronoun's gender named before the last one quoted, and not quoted yet.
        """
        for index in range(len(self._entities) - 1, -1, -1):
            entity = self._entities[index]
            if entity.person and entity.gender == gender:
                return index
        for named in self._names.people_before(limit):
            if not self._in_quote(named.start) and self._gender_of(named.name) == gender:
                return self._entity_named(named.name)
        return None

    def add_mention(self, index: int, mention: Mention) -> None:
        """Record ``mention`` (a pronoun whose antecedent the frame names) as entity ``index``'s."""
        self._entities[index].add(Span.of(self._text, mention.start, mention.end))

    def remember(self, index: int) -> None:
        """Make entity ``index`` the one a following pronoun refers to."""
        if 0 <= index < len(self._entities) and self._entities[index].person:
            self.last_person = index

    def role_of(self, index: int) -> str | None:
        """Return the first role the document gives entity ``index``."""
        roles = self._entities[index].roles
        return roles[0] if roles else None

    def _key(self, full_name: str) -> str:
        """The key of the entity ``full_name`` names: its surname, unless another full name holds it.

        Mark Rutte, Rutte and Herr Rutte are one person; Peter Bahn and die Deutsche Bahn, or
        Thomas Müller and Gerd Müller, are two: two names of two words or more that differ
        before the surname name two entities.
        """
        key = _name_key(full_name)
        index = self._by_key.get(key)
        if index is None or " " not in full_name:
            return key
        known = self._entities[index].name
        if (
            " " not in known
            or known == full_name
            or known.endswith(" " + full_name)
            or full_name.endswith(" " + known)
            # only two first names tell two people apart: a phrase before the surname that is
            # none (Obwohl Steinbrück, Italiens Torhüter Buffon) is a mention's misreading
            or not (self._first_name(full_name) and self._first_name(known))
            # Angela Merkel, Angela Dorothea Merkel: one first name in both, a middle name added
            or full_name.split(maxsplit=1)[0] in known.split()
            or known.split(maxsplit=1)[0] in full_name.split()
        ):
            return key
        return f"full:{full_name.casefold()}"

    def _first_name(self, full_name: str) -> bool:
        """Whether ``full_name`` opens with a first name the tables know (Peter Bahn, Georg Ratzinger)."""
        return full_name.split(maxsplit=1)[0].casefold() in self._references.first_names

    def _new_entity(self, key: str, entity: _Entity) -> int:
        """Add ``entity`` under ``key``; one that shares its surname with another is noted."""
        index = self._by_key[key] = len(self._entities)
        self._entities.append(entity)
        if key.startswith("full:"):
            surname = _name_key(entity.name)
            self._sharing_surname.setdefault(surname.removeprefix("name:"), [self._by_key[surname]]).append(
                index
            )
        return index

    def _add(self, name: str, span: Span, role: str | None, *, key: str, person: bool) -> tuple[int, str]:
        index = self._by_key.get(key)
        if index is None:
            index = self._new_entity(key, _Entity(name=name, person=person))
        entity = self._entities[index]
        entity.add(span)
        if role and role not in entity.roles:
            entity.roles.append(role)
        return index, entity.name

    def _by_role(self, role: str) -> int | None:
        words = list(_WORD.findall(role.casefold()))
        if not words:
            return None
        head = words[-1]
        family = head.split("-")[0] if "-" in role else None
        # the newest entities only: a role refers back a few paragraphs, and a scan of every
        # entity for every role would grow with the square of a long text's length
        for index in range(len(self._entities) - 1, max(-1, len(self._entities) - 1 - _ROLE_LOOKBACK), -1):
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


#: How far before a mention its preposition is looked for (aus der Stadtverwaltung)
_WORD_BEFORE: Final = 16

#: The gender of a German organisation's article, which its pronoun takes (der Verband: er)
_ARTICLE_GENDERS: Final = {"der": "m", "die": "f"}

#: How many of the newest entities a role phrase is matched against (the mayor → Sam Ruiz)
_ROLE_LOOKBACK: Final = 64


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


def _with_article(entity: _Entity) -> bool:
    """Whether the entity was mentioned with a definite article (der Versorger): a description, no name."""
    return any(
        mention.text.split(maxsplit=1)[0].casefold() in _DEFINITE_ARTICLES
        for mention in entity.mentions
        if " " in mention.text
    )


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
