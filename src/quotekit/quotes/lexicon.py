"""The quote lexicon of one language, compiled once from the language tables.

Tables (in ``quotekit/lang/data/<lang>/``, extensible through ``quotekit_language_data``):

- ``cue_verbs``: ``{"lemma", "forms", "participles", "particle"?, "frame"}`` rows. ``forms`` are
  the finite forms, ``particle`` the separable particle (teilte … mit), ``frame`` is ``speech``
  (can frame a direct quote), ``belief`` (frames reported content only) or ``naming`` (nennen,
  heißen: a speech verb that, passive or reflexive, introduces a name rather than a quote);
  ``addressee``: true marks a verb whose first phrase is whom it is said to (told *reporters*
  he …), not the report; ``"speaker": "object"`` a verb whose object speaks (zitiert einen
  Insider: „…“); ``apart``: true for a verb whose particle may be written apart right before
  its form (wie die Stadt bekannt gab, hat … bekannt gegeben); ``act_needs``: words one of
  which must follow the verb in its clause for the sentence to report a speech act without
  its words (bestand *darauf*, not besteht aus); ``causative_only``: true for a verb that
  reports speech only as the infinitive a causative governs (ließ … ausrichten; not richtete
  das Fest aus); ``other_sense_near``: words that, within a few words of the verb in its
  clause, give it a sense that is no speech (spricht *dafür*, *zu seinen Gunsten* spreche);
  ``other_sense_opening``: words that do so when they open the verb's clause (*Für* ihn
  spricht …, *Gegen* ihn spreche die Höhe des Schadens); ``other_sense_kept_by``: words
  that, right after the verb, keep it speech all the same (sprach *sich* dafür aus, spricht
  dagegen *von* zehn Flugzeugen); ``adverb_forms``: forms that, before a lower-case word ending
  its clause, are an adverb, not the verb (gab sich *betont* gelassen).
- ``cue_verbs_historical``: rows of the same shape for older text (1840–1919): spellings before
  the 1901 and 1996 reforms (erwiederte, theilte … mit, frug) and the period's cue verbs
  (versetzte, hub … an, fuhr … fort).
- ``cue_nouns``: nouns that make a source phrase (nach Angaben, in a statement).
- ``cue_prepositions``: ``{"phrase", "position"}``; position ``before`` (laut X, according to X),
  ``after`` (X zufolge), ``frame`` (…, so X) or ``as`` (wie X sagte, as X put it).
- ``speaker_pronouns`` (``{"word", "gender"}``), ``speaker_determiners``, ``speaker_roles``,
  ``speaker_role_suffixes`` (German compounds: Nato-Generalsekretär ends in "sekretär"),
  ``speaker_role_inflections`` (case endings a role noun takes: des Kanzler*s*, dem
  Präsident*en*, eines Polizeisprecher*s*),
  ``speaker_skip_words`` (adverbs between a cue and its speaker: sagte *aber* Rutte),
  ``speaker_prepositions`` (a phrase after one is no subject: *in der* ARD),
  ``speaker_abstract_suffixes`` (German noun endings that name no person: Haltung, Zuversicht),
  ``speaker_office_roles`` (endings of role nouns that name an office: der Vizekanzler, the
  governor refer back to the person last introduced with a role), ``speaker_anaphor_nouns`` and
  ``speaker_anaphor_suffixes`` (head nouns and endings of definite descriptions that refer back
  to the person named before: der Belgier, die 54-Jährige, the 46-year-old),
  ``speaker_first_names`` (``{"name", "gender"}``: whom "sie" or "he" can mean),
  ``speaker_articles`` (the definite articles a name may stand after, behind a preposition: in
  *den* Orten Görzig) and ``speaker_contracted_articles`` (im, zum: a preposition and an
  article in one word); words after them are a noun phrase, not a person's name,
  ``speaker_name_adjective_endings`` (for a language that writes adjectives in lower case: the
  endings of an inflected adjective that, capitalised after a definite article, makes the phrase
  a name, not a description: die *Deutsche* Bahn, die *Vereinten* Nationen; not the invariant
  place adjective in -er: der *Berliner* Bürgermeister),
  ``speaker_possessives`` (``{"word", "pronoun"}``: seiner → er; nach seinen Angaben, Seiner
  Meinung nach: the owner speaks, as the pronoun would),
  ``speaker_group_nouns`` (the company, die Behörde: descriptions of an organisation named before).
- ``quote_complementizers`` (dass, that), ``quote_subjunctive`` (Konjunktiv forms: sei, habe, wäre),
  ``quote_reportive`` (Konjunktiv I: sei, habe, könne — a sentence in it goes on reporting; and
  the Konjunktiv II plurals that stand in where Konjunktiv I is the indicative: hätten, könnten),
  ``quote_hearsay_modals`` (``{"modal", "closing"}``: soll with a past infinitive, … gehandelt
  haben, reports hearsay), ``quote_auxiliaries`` (hatte … gesagt), ``quote_modals`` and
  ``quote_causatives`` (wollte … wissen, ließ über seinen Sprecher mitteilen: the finite verb
  whose subject an infinitive cue at the clause's end shares), ``quote_negations`` (nicht,
  kein, not: a speech act they negate reports nothing), ``quote_scare_markers``
  (sogenannt, so-called),
  ``quote_utterance_nouns`` (Parole, Antwort, chant: a quote right after one gives its words),
  ``quote_words_phrases`` (mit diesen Worten, with those words: a sentence opening with one
  after a quote names who said it, whatever its verb),
  ``quote_opinion_nouns`` (Meinung, Ansicht: "ist der Meinung, dass …" reports a view; no
  table: rule off) and ``quote_opinion_verbs`` (vertritt: "vertritt die Ansicht, …"; besides
  the copulas, the verbs that hold a view).
  Sentences and tokens come from the shared segmentation (docs/segmentation.md), whose
  ``segment_abbreviations`` tables say which full stops end no sentence.
- ``speaker_name_particles``: ``{"word", "opens"?, "after_particle"?}`` rows: words that join
  the parts of a name (von, van, de, of); ``opens`` marks one that may start a name with no first
  name (sagte von der Leyen), ``after_particle`` an article that joins only after another
  particle (von *der* Leyen; not sagte Allendorf *der* FAZ), or only after those it lists
  (``["van"]``: van *den* Berg; not der Trainer von *den* Fans).
- ``speaker_common_nouns`` (German): the case forms of common nouns news uses, derived from
  Wiktionary by ``benchmarks/derive_de_nouns.py``; a bare capitalised word among them (sagt Niemand,
  im Takt) is no name unless the document uses it in a full name.
- ``speaker_places`` (German): place names news uses (Berlin, Moskau, China), derived from
  Wiktionary by the same script; one opening a clause speaks for its government (Berlin
  reagierte prompt: „…“).
- ``speaker_body_suffixes`` (German): endings of nouns for bodies and documents (amt,
  regierung, bericht): with roles, the common nouns that may speak with no cue beside them.
- ``speaker_organisation_heads``: last words of organisation names (union, council, institute);
  a name ending in one takes "and" and the words before it along (University and College Union).
- ``cue_clitics``: object and reflexive pronouns a language writes before a cue verb (French
  lui, se, s': « … », lui demanda sa sœur); an inverted frame reads past them.
- ``speaker_phrase_ends`` (words that end a description after its article: French devant, lors)
  and ``speaker_genitives`` (words joining a description to what it belongs to: French de, du;
  the capitalised words after one name no person: la maire de Paris).
- ``quote_marks`` rows of the language with ``"incise": true`` (a quote in these marks may hold
  its frame: « Nous, dit-il, refusons ») or ``"dialogue": true`` (a dash opening a turn of
  dialogue): see :mod:`quotekit.quotes.incise`.
- ``function_words`` (shared with language detection) and ``speaker_non_names`` (prepositions,
  adverbs: Gegenüber, So): capitalised words at a sentence start that are never a speaker's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from quotekit.lang.segment import SentenceRules, WordSplits

if TYPE_CHECKING:
    from quotekit.lang import LanguageData

__all__ = ["CueVerb", "Lexicon", "compile_lexicons"]

#: The language whose rules apply to text in a language quotekit has no quote tables for.
FALLBACK_LANGUAGE: Final = "en"


@attrs.frozen
class CueVerb:
    """One form of a cue verb: its lemma, separable particle, and whether it frames speech."""

    lemma: str
    particle: str | None
    speech: bool
    participle: bool
    #: The particle may stand apart right before the form (wie die Stadt bekannt gab, hat …
    #: bekannt gegeben): ``"apart": true`` in the cue-verb table
    apart: bool = False


#: What the readings of one verb form say together (Lexicon.verb_traits), as bits of one int:
#: some reading is a speech verb (sagte, said), some is a participle (erklärt: finite and
#: participle alike), every one needs its separable particle (teilte … mit), some has one.
#: An int, not an object: the table lives as long as the extractor, and a dict of strings and
#: ints is no work for the garbage collector.
SPEECH: Final = 1
PARTICIPLE: Final = 2
PARTICLE_ONLY: Final = 4
HAS_PARTICLE: Final = 8


def verb_traits(readings: Sequence[CueVerb]) -> int:
    """The trait bits of one verb form's ``readings``."""
    return (
        (SPEECH if any(r.speech for r in readings) else 0)
        | (PARTICIPLE if any(r.participle for r in readings) else 0)
        | (PARTICLE_ONLY if all(r.particle for r in readings) else 0)
        | (HAS_PARTICLE if any(r.particle is not None for r in readings) else 0)
    )


@attrs.frozen(kw_only=True)
class Lexicon:
    """Everything the quote rules need to know about one language, as sets and maps."""

    lang: str
    verbs: Mapping[str, tuple[CueVerb, ...]]
    particles: frozenset[str]
    nouns: frozenset[str]
    before_phrases: tuple[tuple[str, ...], ...]
    after_phrases: frozenset[str]
    frame_words: frozenset[str]
    as_words: frozenset[str]
    pronouns: Mapping[str, str]
    determiners: frozenset[str]
    roles: frozenset[str]
    role_suffixes: tuple[str, ...]
    #: Case endings a role noun may carry (des Kanzlers, dem Präsidenten), longest first
    role_inflections: tuple[str, ...] = ()
    skip_words: frozenset[str]
    complementizers: frozenset[str]
    subjunctive: frozenset[str]
    reportive: frozenset[str]
    prepositions: frozenset[str]
    #: Words whose full stop ends no sentence (Dr, U.S, z.B): the shared segmentation's tables.
    abbreviations: frozenset[str]
    auxiliaries: frozenset[str]
    #: Modals and causatives whose subject an infinitive cue shares (wollte … wissen, ließ …
    #: mitteilen); empty: the infinitive's own neighbours are read for its subject
    modals: frozenset[str] = frozenset()
    causatives: frozenset[str] = frozenset()
    #: Lemmas that report speech only under a causative (ließ … ausrichten)
    causative_only: frozenset[str] = frozenset()
    #: Per lemma, words that give the verb a sense other than speech: near it in its clause,
    #: and opening its clause (sprechen: dafür, zugunsten; Für ihn spricht …)
    other_sense_near: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    other_sense_opening: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: … unless one of these follows the verb (sprach sich dafür aus, spricht dagegen von …)
    other_sense_kept_by: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: Forms that are an adverb before a lower-case word ending their clause (betont gelassen)
    adverb_forms: frozenset[str] = frozenset()
    #: Words that negate a clause (nicht, keine, niemand, not): a speech act they deny is none
    negations: frozenset[str] = frozenset()
    function_words: frozenset[str]
    naming: frozenset[str]
    impersonal: frozenset[str]
    #: Lemmas of verbs whose first phrase is the addressee (tell, assure), not the report
    addressee_verbs: frozenset[str] = frozenset()
    #: Lemmas of verbs whose object is who speaks (Die Zeitung zitiert einen Insider: „…“)
    object_speakers: frozenset[str] = frozenset()
    #: Per lemma, the words one of which a speech act reported whole needs after its verb
    #: (bestehen: auf, darauf; drohen: mit, damit)
    act_needs: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    scare_markers: frozenset[str]
    utterance_nouns: frozenset[str] = frozenset()
    capitalises_nouns: bool
    abstract_suffixes: tuple[str, ...] = ()
    #: Endings of role nouns naming an office (kanzler, minister, governor)
    office_roles: tuple[str, ...] = ()
    #: Head nouns and endings of descriptions that refer back (der Belgier, die 54-Jährige)
    anaphor_nouns: frozenset[str] = frozenset()
    anaphor_suffixes: tuple[str, ...] = ()
    #: Definite articles (in den Orten), and prepositions fused with one (im Kreis Lippe)
    articles: frozenset[str] = frozenset()
    contracted_articles: frozenset[str] = frozenset()
    #: Endings of an adjective that, capitalised after an article, makes a name (die Deutsche Bahn)
    name_adjective_endings: tuple[str, ...] = ()
    #: Possessives and the pronoun that names their owner (seinen: er, her: she)
    possessives: Mapping[str, str] = attrs.field(factory=dict)
    #: Casefolded first names and their gender ("m", "f")
    first_names: Mapping[str, str] = attrs.field(factory=dict)
    #: Head nouns of descriptions that refer back to an organisation (the company, die Behörde)
    group_nouns: frozenset[str] = frozenset()
    phrase_blockers: frozenset[str] = frozenset()
    #: ``before_phrases`` by their first word, longest first (laut, according → according to)
    before_by_first: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    #: Prepositions naming whose view a quoted judgement is (für X ist das „…“); empty: rule off
    holder_prepositions: frozenset[str] = frozenset()
    #: Forms of "be" that join a holder to the quoted judgement (ist, war, sei)
    copulas: frozenset[str] = frozenset()
    #: Nouns of a view held: X ist der Meinung, vertritt die Ansicht, dass … (empty: rule off)
    opinion_nouns: frozenset[str] = frozenset()
    #: Verbs before the article that hold the view, besides the copulas (vertritt die Ansicht)
    opinion_verbs: frozenset[str] = frozenset()
    #: Phrases opening a sentence that names who spoke the quote before it, whatever its verb
    #: (Mit diesen Worten eröffnete X …), as tuples of casefolded words
    words_phrases: tuple[tuple[str, ...], ...] = ()
    #: Words opening a sentence that points back at the quote before it (Das sagte X)
    back_references: frozenset[str] = frozenset()
    #: Words that, with their placeholder after the verb, point back at a report of several
    #: sentences (So schilderte es X): word -> placeholder
    manner_back_references: Mapping[str, str] = attrs.field(factory=dict)
    #: Lemmas of the verbs after a back reference that repeat what the sentence before said
    #: (Das teilte die Polizei mit); not bestreiten, kritisieren, begründen
    back_reference_verbs: frozenset[str] = frozenset()
    #: Modals of hearsay and the infinitives that close their sentence (Es soll sich um einen
    #: Unfall gehandelt haben: "soll" with a past infinitive says what others say)
    hearsay: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: Words that join the parts of a name (Ursula von der Leyen, Secretary of State John Kerry)
    name_particles: frozenset[str] = frozenset()
    #: Particles that may open a name without a first name (sagte von der Leyen, said de Blasio)
    opening_particles: frozenset[str] = frozenset()
    #: Particles that are articles too (der, den): part of a name only after another particle
    #: (von der Leyen, van den Berg); after a name they open a dative or genitive (sagte Merz der FAZ)
    article_particles: frozenset[str] = frozenset()
    #: Article particles that join only after the particles listed (den: van den Berg)
    article_after: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: German common nouns in every case form (Takt, Unterlagen, Niemand), casefolded: a
    #: capitalised word among them is no name unless the document uses it in one (Müller)
    common_nouns: frozenset[str] = frozenset()
    #: Last words of organisation names (union, council): "and" joins two parts of such a name
    #: (the University and College Union), not two speakers
    organisation_heads: frozenset[str] = frozenset()
    #: Places that speak for their government or people (Berlin reagierte, Moskau warnte), casefolded
    places: frozenset[str] = frozenset()
    #: German endings of nouns for bodies and documents that speak (amt, regierung, bericht)
    body_suffixes: tuple[str, ...] = ()
    #: Words that end a description after its article (French devant: la ministre devant les
    #: journalistes); English stops at its own prepositions
    phrase_ends: frozenset[str] = frozenset()
    #: Words that join a description to what it belongs to (French de: la maire de Paris); the
    #: capitalised words after one name no person
    genitives: frozenset[str] = frozenset()
    #: Object and reflexive pronouns written before a cue verb (French lui demanda, s'indigne)
    cue_clitics: frozenset[str] = frozenset()
    #: Opening marks of quotes that may hold their frame inside (French « Nous, dit-il, refusons »)
    incise_marks: frozenset[str] = frozenset()
    #: Dashes that open a turn of dialogue at a paragraph's start (French — Nous reviendrons, dit-elle.)
    dialogue_marks: frozenset[str] = frozenset()
    #: Every folded word that can open a cue (verb form, frame word, phrase opener, noun): the
    #: cue search skips every other word with this one look-up.
    cue_openers: frozenset[str] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda lex: frozenset(lex.verbs).union(
                lex.frame_words, lex.after_phrases, lex.before_by_first, lex.nouns
            ),
            takes_self=True,
        ),
    )

    #: Role endings that name only people (händler, sprecherin), not bodies too (verband, amt)
    role_endings_of_people: tuple[str, ...] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda lex: tuple(ending for ending in lex.role_suffixes if ending not in lex.body_suffixes),
            takes_self=True,
        ),
    )
    #: Group nouns that name only organisations (verband, unternehmen; not händler, a trade)
    organisation_nouns: frozenset[str] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda lex: frozenset(noun for noun in lex.group_nouns if noun not in lex.role_endings_of_people),
            takes_self=True,
        ),
    )

    #: The answers of is_role and is_body by word as written: the rules ask them of the same
    #: words again and again, and a German word is tried against a hundred endings each time.
    _role_answers: dict[str, bool] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    _body_answers: dict[str, bool] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    _inflected_answers: dict[str, bool] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    #: What the readings of each verb form say together, for the cue search (frames._cue_at),
    #: which asks it of every verb form it meets.
    verb_traits: Mapping[str, int] = attrs.field(
        init=False,
        default=attrs.Factory(
            lambda lex: {form: verb_traits(readings) for form, readings in lex.verbs.items()},
            takes_self=True,
        ),
        eq=False,
        repr=False,
    )

    def cue(self, word: str) -> tuple[CueVerb, ...]:
        """Return the cue-verb readings of ``word`` (empty when it is no cue verb form)."""
        return self.verbs.get(word.casefold(), ())

    def is_common_noun(self, word: str) -> bool:
        """Whether ``word`` is a common noun of the language (Takt, Unterlagen), not a name."""
        return word.casefold() in self.common_nouns

    def may_speak(self, noun: str) -> bool:
        """Whether a common noun can name who speaks: a role, a body or document, or no known thing.

        German only (other languages: always): die Ministerin, die Behörde, der Bericht, die
        Anwohner speak; die Musik, der Takt do not.
        """
        folded = noun.casefold()
        return folded not in self.common_nouns or self.is_role(noun) or self.is_body(noun)

    def is_body(self, noun: str) -> bool:
        """German: a noun for a body or document (Gewerkschaft, Bundesverbands, Ministeriums)."""
        if not self.body_suffixes:
            return False
        known = self._body_answers.get(noun)
        if known is None:
            if len(self._body_answers) >= MAX_REMEMBERED_ANSWERS:
                self._body_answers.clear()
            folded = noun.casefold()
            # the genitive -s, -es: des Bundesverbands, des Amtes
            known = self._body_answers[noun] = any(
                folded.removesuffix(ending).endswith(self.body_suffixes) for ending in ("", "s", "es")
            )
        return known

    def is_role(self, word: str) -> bool:
        """Whether ``word`` is a role noun (Minister, spokesman, Nato-Generalsekretär)."""
        known = self._role_answers.get(word)
        if known is None:
            if len(self._role_answers) >= MAX_REMEMBERED_ANSWERS:
                self._role_answers.clear()
            known = self._role_answers[word] = self._role_form(word.casefold())
        return known

    def is_inflected_role(self, word: str) -> bool:
        """Whether ``word`` is a role noun in any case form (des Kanzlers, dem Präsidenten).

        The name index cuts the role off a capitalised run with it (des Staatspräsidenten Nicolas
        Sarkozy: the name is Nicolas Sarkozy); the speaker rules keep to :meth:`is_role`, since
        a genitive after a role (Sprecher des Ministeriums) names what the speaker speaks for.
        """
        known = self._inflected_answers.get(word)
        if known is None:
            if len(self._inflected_answers) >= MAX_REMEMBERED_ANSWERS:
                self._inflected_answers.clear()
            folded = word.casefold()
            known = self._inflected_answers[word] = self.is_role(word) or any(
                self._role_form(folded[: -len(ending)])
                for ending in self.role_inflections
                if len(folded) - len(ending) >= _SHORTEST_ROLE and folded.endswith(ending)
            )
        return known

    def _role_form(self, folded: str) -> bool:
        return folded in self.roles or (bool(self.role_suffixes) and folded.endswith(self.role_suffixes))


#: The shortest role noun an inflected form is cut back to (Rat*es*, not R*en*)
_SHORTEST_ROLE: Final = 3

#: How many words a lexicon remembers its answers for before it starts afresh (a stream's
#: vocabulary grows without end).
MAX_REMEMBERED_ANSWERS: Final = 100_000


def _rows(data: LanguageData, lang: str, name: str) -> list[Mapping[str, object]]:
    return [row for row in data.table(lang, name) if isinstance(row, Mapping)]


def _folded(data: LanguageData, lang: str, name: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in data.words(lang, name))


def _lemma_words(data: LanguageData, lang: str, field: str) -> dict[str, frozenset[str]]:
    """Per cue-verb lemma, the case-folded words of one of its list fields (act_needs, …)."""
    return {
        str(row.get("lemma", "")): frozenset(str(word).casefold() for word in words)
        for row in _rows(data, lang, "cue_verbs")
        if isinstance(words := row.get(field), (list, tuple)) and words
    }


def _compile_verbs(data: LanguageData, lang: str) -> tuple[dict[str, list[CueVerb]], set[str]]:
    """The cue-verb readings by spelling, and the separable particles of the language."""
    verbs: dict[str, list[CueVerb]] = {}
    particles: set[str] = set()
    for row in (*_rows(data, lang, "cue_verbs"), *_rows(data, lang, "cue_verbs_historical")):
        lemma = str(row.get("lemma", ""))
        particle_value = row.get("particle")
        particle = str(particle_value).casefold() if particle_value else None
        speech = row.get("frame", "speech") in {"speech", "naming"}
        apart = bool(particle and row.get("apart"))
        if particle:
            particles.add(particle)
        for key, participle in (("forms", False), ("participles", True)):
            forms = row.get(key, ())
            if not isinstance(forms, (list, tuple)):
                continue
            for form in forms:
                spellings = [(str(form).casefold(), None if participle else particle)]
                if particle and not participle:
                    # at the end of a subordinate clause the particle is written on: wie er
                    # mitteilte, als sie ankündigte
                    spellings.append((particle + str(form).casefold(), None))
                if apart and particle and participle and str(form).casefold().startswith(particle):
                    # hat … bekannt gegeben: the participle written apart from its particle
                    spellings.append((str(form).casefold()[len(particle) :], particle))
                for spelt, separate in spellings:
                    reading = CueVerb(
                        lemma, separate, speech, participle, apart=apart and separate is not None
                    )
                    readings = verbs.setdefault(spelt, [])
                    if reading not in readings:
                        readings.append(reading)
    return verbs, particles


def _compile(data: LanguageData, lang: str) -> Lexicon:
    verbs, particles = _compile_verbs(data, lang)
    before: list[tuple[str, ...]] = []
    after: set[str] = set()
    frame: set[str] = set()
    as_words: set[str] = set()
    splits = WordSplits.from_data(data, (lang,))
    for row in _rows(data, lang, "cue_prepositions"):
        # words as the text's tokens part them (d'après is d' and après where d' is an elision)
        phrase = tuple(
            word[start:end]
            for word in str(row.get("phrase", "")).casefold().split()
            for start, end in splits.parts(word)
        )
        if not phrase:
            continue
        position = row.get("position")
        if position == "before":
            before.append(phrase)
        elif position == "after":
            after.add(" ".join(phrase))
        elif position == "frame":
            frame.add(" ".join(phrase))
        elif position == "as":
            as_words.add(" ".join(phrase))
    pronouns = {
        str(row.get("word", "")).casefold(): str(row.get("gender", "x"))
        for row in _rows(data, lang, "speaker_pronouns")
    }
    pronouns.update({word.casefold(): "x" for word in data.words(lang, "speaker_pronouns")})
    suffixes = tuple(sorted(_folded(data, lang, "speaker_role_suffixes"), key=len, reverse=True))
    determiners = _folded(data, lang, "speaker_determiners")
    function_words = _folded(data, lang, "function_words") | _folded(data, lang, "speaker_non_names")
    name_particle_rows = _rows(data, lang, "speaker_name_particles")
    marks = _rows(data, lang, "quote_marks")
    return Lexicon(
        phrase_ends=_folded(data, lang, "speaker_phrase_ends"),
        cue_clitics=_folded(data, lang, "cue_clitics"),
        genitives=_folded(data, lang, "speaker_genitives"),
        incise_marks=frozenset(
            str(row.get("open")) for row in marks if row.get("incise") or row.get("dialogue")
        ),
        dialogue_marks=frozenset(str(row.get("open")) for row in marks if row.get("dialogue")),
        lang=lang,
        verbs={form: tuple(readings) for form, readings in verbs.items()},
        particles=frozenset(particles),
        nouns=_folded(data, lang, "cue_nouns"),
        before_phrases=tuple(sorted(before, key=len, reverse=True)),
        before_by_first=_by_first_word(sorted(before, key=len, reverse=True)),
        after_phrases=frozenset(after),
        frame_words=frozenset(frame),
        as_words=frozenset(as_words),
        pronouns=pronouns,
        determiners=determiners,
        roles=_folded(data, lang, "speaker_roles"),
        role_suffixes=suffixes,
        role_inflections=tuple(
            sorted(_folded(data, lang, "speaker_role_inflections"), key=len, reverse=True)
        ),
        skip_words=_folded(data, lang, "speaker_skip_words"),
        complementizers=_folded(data, lang, "quote_complementizers"),
        subjunctive=_folded(data, lang, "quote_subjunctive"),
        reportive=_folded(data, lang, "quote_reportive"),
        prepositions=_folded(data, lang, "speaker_prepositions"),
        abbreviations=_abbreviations(data, lang),
        auxiliaries=_folded(data, lang, "quote_auxiliaries"),
        modals=_folded(data, lang, "quote_modals"),
        causatives=_folded(data, lang, "quote_causatives"),
        negations=_folded(data, lang, "quote_negations"),
        causative_only=frozenset(
            str(row.get("lemma", "")) for row in _rows(data, lang, "cue_verbs") if row.get("causative_only")
        ),
        other_sense_near=_lemma_words(data, lang, "other_sense_near"),
        other_sense_opening=_lemma_words(data, lang, "other_sense_opening"),
        other_sense_kept_by=_lemma_words(data, lang, "other_sense_kept_by"),
        adverb_forms=frozenset().union(*_lemma_words(data, lang, "adverb_forms").values()),
        function_words=function_words,
        naming=frozenset(
            str(row.get("lemma", ""))
            for row in _rows(data, lang, "cue_verbs")
            if row.get("frame") == "naming"
        ),
        object_speakers=frozenset(
            str(row.get("lemma", ""))
            for row in _rows(data, lang, "cue_verbs")
            if row.get("speaker") == "object"
        ),
        act_needs=_lemma_words(data, lang, "act_needs"),
        scare_markers=_folded(data, lang, "quote_scare_markers"),
        utterance_nouns=_folded(data, lang, "quote_utterance_nouns"),
        impersonal=frozenset(
            str(row.get("lemma", "")) for row in _rows(data, lang, "cue_verbs") if row.get("impersonal")
        ),
        addressee_verbs=frozenset(
            str(row.get("lemma", "")) for row in _rows(data, lang, "cue_verbs") if row.get("addressee")
        ),
        capitalises_nouns=bool(suffixes),
        abstract_suffixes=tuple(_folded(data, lang, "speaker_abstract_suffixes")),
        office_roles=tuple(sorted(_folded(data, lang, "speaker_office_roles"))),
        anaphor_nouns=_folded(data, lang, "speaker_anaphor_nouns"),
        anaphor_suffixes=tuple(sorted(_folded(data, lang, "speaker_anaphor_suffixes"))),
        group_nouns=_folded(data, lang, "speaker_group_nouns"),
        articles=_folded(data, lang, "speaker_articles"),
        contracted_articles=_folded(data, lang, "speaker_contracted_articles"),
        name_adjective_endings=tuple(sorted(_folded(data, lang, "speaker_name_adjective_endings"))),
        possessives={
            str(row.get("word", "")).casefold(): str(row.get("pronoun", ""))
            for row in _rows(data, lang, "speaker_possessives")
        },
        first_names={
            str(row.get("name", "")).casefold(): str(row.get("gender", "x"))
            for row in _rows(data, lang, "speaker_first_names")
        },
        phrase_blockers=function_words - determiners - frozenset(pronouns),
        holder_prepositions=_folded(data, lang, "quote_holder_prepositions"),
        copulas=_folded(data, lang, "quote_copulas"),
        opinion_nouns=_folded(data, lang, "quote_opinion_nouns"),
        opinion_verbs=_folded(data, lang, "quote_opinion_verbs"),
        back_references=_folded(data, lang, "quote_back_references"),
        manner_back_references={
            str(row.get("word", "")).casefold(): str(row.get("placeholder", "")).casefold()
            for row in _rows(data, lang, "quote_manner_back_references")
        },
        words_phrases=tuple(
            tuple(phrase.split())
            for phrase in sorted(_folded(data, lang, "quote_words_phrases"), key=len, reverse=True)
        ),
        back_reference_verbs=_folded(data, lang, "quote_back_reference_verbs"),
        hearsay={
            str(row.get("modal", "")).casefold(): frozenset(
                str(word).casefold() for word in closing if isinstance(word, str)
            )
            for row in _rows(data, lang, "quote_hearsay_modals")
            if isinstance(closing := row.get("closing", ()), (list, tuple))
        },
        common_nouns=_folded(data, lang, "speaker_common_nouns"),
        organisation_heads=_folded(data, lang, "speaker_organisation_heads"),
        places=_folded(data, lang, "speaker_places"),
        body_suffixes=tuple(sorted(_folded(data, lang, "speaker_body_suffixes"))),
        name_particles=frozenset(str(row.get("word", "")).casefold() for row in name_particle_rows),
        opening_particles=frozenset(
            str(row.get("word", "")).casefold() for row in name_particle_rows if row.get("opens")
        ),
        article_particles=frozenset(
            str(row.get("word", "")).casefold() for row in name_particle_rows if row.get("after_particle")
        ),
        article_after={
            str(row.get("word", "")).casefold(): frozenset(str(word).casefold() for word in joins_after)
            for row in name_particle_rows
            if isinstance(joins_after := row.get("after_particle"), (list, tuple))
        },
    )


def _by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in grouped.items()}


def _abbreviations(data: LanguageData, lang: str) -> frozenset[str]:
    rules = SentenceRules.from_data(data, (lang,))
    return rules.abbreviations | rules.final_abbreviations


def compile_lexicons(data: LanguageData) -> dict[str, Lexicon]:
    """Compile a lexicon for every language that has cue verbs."""
    return {lang: _compile(data, lang) for lang in data.languages if data.table(lang, "cue_verbs")}
