"""The date grammar: one compiled alternation per language, built from its tables.

Each top-level alternative is a named rule; inner groups are named ``<rule>_<field>`` so the
resolver reads a rule's parts without knowing the others. Alternatives are tried leftmost
first, so longer, more specific shapes come before the shapes they contain ("Freitag,
14. März" before "Freitag"). Every piece is bounded (no nested unbounded quantifiers), so the
scan stays linear in the length of the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from quotekit.dates._lexicon import Lexicon, alternation
from quotekit.dates._lowered import CarrierWords

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
from typing import Final

from quotekit import _compiled
from quotekit._regex import TIMEOUT_S

#: No match starts inside a word or inside a decimal number ("10.75 minutes" is not "75 minutes").
_START = r"(?<![\w])(?<!\d[.,])"
#: A hyphen and a letter continue a word ("the year-ago period"); a hyphen and a digit do not
#: ("2014-2015" is two years).
_END = r"(?![\w]|-[^\W\d])"
#: At most this many words' rules are remembered by a grammar (a bound on its memory).
_REMEMBERED_WORDS: Final = 4096


@attrs.frozen(kw_only=True)
class Grammar:
    """A language's date rules in priority order, compiled as one alternation and one by one.

    At a position the first rule that matches wins. :meth:`rules_at` names the rules that can
    begin with the word found there: none means no attempt at all, a few (up to nine) are tried
    on their own, more in one call of the whole alternation (the others cannot match there).
    """

    lexicon: Lexicon
    rules: tuple[str, ...]
    #: All rules as one alternation: one call where many rules can begin at a word.
    pattern: regex.Pattern[str]
    rule_patterns: tuple[regex.Pattern[str], ...]
    #: First word (case-folded) -> the rules that can begin with it.
    openers: Mapping[str, tuple[int, ...]]
    #: Rules that can begin with a digit, and rules that can begin with anything.
    digit_rules: tuple[int, ...]
    any_rules: tuple[int, ...]
    #: The ``digit_rules`` alone as one alternation: at a number, the word rules' branches
    #: cannot match, and leaving them out makes an attempt about a third cheaper.
    digit_pattern: regex.Pattern[str]
    #: Words that make a date by themselves or carry one (months, units, heute, Uhr ...).
    strong: frozenset[str]
    #: Words that open a match only before a strong word (articles, hedges, number words).
    weak: frozenset[str]
    #: Beginnings of compounds that carry a date ("Donnerstagabend").
    strong_prefixes: tuple[str, ...]
    #: The strong words and prefixes as one scan of lower-cased text (see _lowered).
    carrier_words: CarrierWords
    #: Beginnings of compounds that open one ("dreieinhalb Minuten").
    weak_prefixes: tuple[str, ...]
    #: Every word the rules spell out (case-folded), tables included, without the letters of
    #: the pattern syntax (\d, (?P<...>)): a word outside it, or not starting with one of its
    #: longer words, cannot be inside a match; letters beside digits in one token carry a date
    #: only when they are one of its words (Q3, 1990s, 90er, 4th).
    vocabulary: frozenset[str]
    vocabulary_prefixes: tuple[str, ...]
    #: :meth:`rules_at`'s answer per word, remembered: a text names the same few date words
    #: again and again (cleared when it grows past :data:`_REMEMBERED_WORDS`).
    _rules_for_word: dict[str, tuple[int, ...]] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    #: :meth:`can_be_inside`'s answer per word, remembered the same way: a word outside the
    #: vocabulary is compared with each of its hundreds of prefixes.
    _inside_for_word: dict[str, bool] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def can_be_inside(self, word: str) -> bool:
        """Whether ``word`` may be part of a match (a digit, a rule word or a compound of one)."""
        if word[:1].isdigit():
            return True
        inside = self._inside_for_word.get(word)
        if inside is None:
            folded = word.casefold()
            inside = (
                folded in self.vocabulary
                or folded.startswith(self.vocabulary_prefixes)
                or folded[-3:] == "mal"  # dreimal, zweimal: number words with -mal open a SET
            )
            if len(self._inside_for_word) >= _REMEMBERED_WORDS:
                self._inside_for_word.clear()
            self._inside_for_word[word] = inside
        return inside

    def rules_at(self, text: str, start: int) -> tuple[int, ...]:
        """Indexes of the rules that can match at ``start``, in priority order."""
        first = text[start : start + 1]
        if first.isdigit():
            return self.digit_rules
        # the letters at ``start``, by string methods: one per candidate, cheaper than a regex
        end, limit = start, min(len(text), start + 40)
        while end < limit and text[end].isalpha():
            end += 1
        if end == start:
            return tuple(range(len(self.rules)))  # an apostrophe or a sign: try everything
        folded = text[start:end].casefold()
        remembered = self._rules_for_word.get(folded)
        if remembered is not None:
            return remembered
        found: set[int] = set(self.any_rules)
        openers = self.openers
        for end in range(1, len(folded) + 1):
            # a rule word may be the beginning of a longer one ("Donnerstag|abend", "Q|3")
            found.update(openers.get(folded[:end], ()))
        if len(self._rules_for_word) >= _REMEMBERED_WORDS:
            self._rules_for_word.clear()
        rules = self._rules_for_word[folded] = tuple(sorted(found))
        return rules


def _tokens(lex: Lexicon, *, as_trie: bool = False) -> dict[str, str]:
    """The rules' building blocks; ``as_trie`` writes the word lists as prefix trees (to compile)."""
    deictic_days = [
        form
        for form in lex.surface["date_deictic"]
        if "days" in lex.deictic.get(form.casefold().rstrip("."), {})
        and lex.deictic[form.casefold().rstrip(".")].get("anchor") is None
        and "part" not in lex.deictic[form.casefold().rstrip(".")]
    ]
    numbers = alternation(lex.surface["date_numbers"], as_trie=as_trie)
    return {
        "MONTH": lex.alt("date_months", as_trie=as_trie),
        # beside a day or year number an abbreviation needs no dot ("12 Dec 2014")
        "MONTHD": alternation(
            [*lex.surface["date_months"], *(f.rstrip(".") for f in lex.surface["date_months"])],
            as_trie=as_trie,
        ),
        "WD": lex.alt("date_weekdays", as_trie=as_trie),
        "POD": lex.alt("date_parts_of_day", as_trie=as_trie),
        "SEASON": lex.alt("date_seasons", as_trie=as_trie),
        "NUM": rf"(?:\d{{1,4}}(?:[.,]5|\s+1/2)?|{numbers}(?:einhalb|\s+and\s+a\s+half)?)",
        "VAGUE": alternation(lex.surface["date_vague_quantities"], as_trie=as_trie),
        "ORD": lex.alt("date_ordinals", as_trie=as_trie),
        "UNIT": lex.alt("date_units", as_trie=as_trie),
        "REL": lex.alt("date_relative", as_trie=as_trie),
        # French 1er janvier: the letters after a day's number (none in most languages)
        "DAYSUF": f"(?:{alternation(lex.day_suffixes)})?" if lex.day_suffixes else "",
        # empty where the language puts every relative word first: its post-posed rules are left out
        "RELAFTER": lex.alt("date_relative_after", as_trie=as_trie)
        if lex.surface["date_relative_after"]
        else "",
        "DX": lex.alt("date_deictic", as_trie=as_trie),
        "DAYDX": alternation(deictic_days, as_trie=as_trie),
        "FUZZY": lex.alt("date_fuzzy", as_trie=as_trie),
        "DECW": lex.alt("date_decade_words", as_trie=as_trie),
        "QUANT": alternation(lex.surface["date_set_quantifiers"], as_trie=as_trie),
        # number words by size, for years said in words ("nineteen ninety-six")
        "TEEN": _number_words(lex, lambda value: 11 <= value <= 19, as_trie=as_trie),
        "TENS": _number_words(lex, lambda value: 20 <= value <= 90 and value % 10 == 0, as_trie=as_trie),
        "DIGIT": _number_words(lex, lambda value: 1 <= value <= 9, as_trie=as_trie),
    }


def _number_words(lex: Lexicon, wanted: Callable[[int], bool], *, as_trie: bool = False) -> str:
    """An alternation of the single number words whose value ``wanted`` accepts."""
    return alternation(
        (
            form
            for form in lex.surface["date_numbers"]
            if " " not in form.strip() and len(form) > 2 and wanted(lex.numbers.get(form.casefold(), 0))
        ),
        as_trie=as_trie,
    )


def _day_first_rules(t: dict[str, str]) -> list[tuple[str, str]]:
    """German word order, also a reasonable default for other day-month languages."""
    art = r"(?:(?:der|des|dem|den|die|das)\s+)"
    return [
        (
            "iso",
            r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?:T(?P<iso_h>\d{2}):(?P<iso_mi>\d{2}))?",
        ),
        (
            "wdd",
            (
                # the day's full stop is German; French writes vendredi 7 mars, samedi 1er mars
                rf"(?P<wdd_wd>{t['WD']}),?\s+(?:(?:den|dem)\s+)?(?P<wdd_d>\d{{1,2}}){t['DAYSUF']}"
                rf"(?:\.\s*|\s+(?={t['MONTH']}))"
                rf"(?:(?P<wdd_m>{t['MONTH']})|(?P<wdd_mn>\d{{1,2}})\.)(?:\s*(?P<wdd_y>\d{{4}}))?"
            ),
        ),
        ("nd", r"(?P<nd_d>\d{1,2})\.\s?(?P<nd_m>\d{1,2})\.(?:\s?(?P<nd_y>\d{4}|\d{2}(?![.\d])))?"),
        (
            "drange",
            (
                r"(?P<drange_d1>\d{1,2})\.\s*(?:-|–|bis|und)\s*"
                rf"(?P<drange_d2>\d{{1,2}})\.\s*(?P<drange_m>{t['MONTH']})(?:\s+(?P<drange_y>\d{{4}}))?"
            ),
        ),
        # le 3 février dernier, le 12 avril prochain: before "dm", which would stop at the month
        *(
            [
                (
                    "dmrel",
                    rf"(?P<dmrel_d>\d{{1,2}}){t['DAYSUF']}\s+(?P<dmrel_m>{t['MONTH']})\s+(?P<dmrel_rel>{t['RELAFTER']})",
                )
            ]
            if t["RELAFTER"]
            else []
        ),
        (
            "dm",
            (
                # the day's full stop is German; French and sloppy German write "14 mars", "14 März"
                rf"(?:(?P<dm_f>{t['FUZZY']})\s+)?(?P<dm_d>\d{{1,2}}){t['DAYSUF']}(?:\.\s*|\s+)(?P<dm_m>{t['MONTH']})"
                rf"(?:\s+(?P<dm_y>\d{{4}}))?"
            ),
        ),
        ("my", rf"(?:(?P<my_f>{t['FUZZY']})\s+)?(?P<my_m>{t['MONTHD']})\s+(?P<my_y>\d{{4}})"),
        ("mrel", rf"(?P<mrel_m>{t['MONTH']})\s+(?:des\s+)?(?P<mrel_rel>{t['REL']})\s+Jahres"),
        (
            "dec",
            (
                rf"{art}?(?:(?P<dec_f>{t['FUZZY']})\s+{art}?)?(?P<dec_y>\d{{4}}|\d{{2}})er"
                r"(?:\s*-?\s*Jahren?|\s+Jahre)?"
            ),
        ),
        ("cen", rf"{art}?(?:(?P<cen_f>{t['FUZZY']})\s+{art}?)?(?P<cen_c>\d{{1,2}})\.\s*Jahrhunderts?"),
        (
            "qtr",
            (
                rf"{art}?(?P<qtr_o>{t['ORD']})\s+(?:(?P<qtr_q>Quartals?)|(?P<qtr_h>Jahreshälfte|Halbjahr(?:es)?))"
                r"(?:\s+(?P<qtr_y>\d{4}))?"
            ),
        ),
        ("qn", r"Q(?P<qn_q>[1-4])(?:\s*|/)(?P<qn_y>\d{4})"),
        (
            "trange",
            (
                r"(?P<trange_h1>\d{1,2})(?:[.:](?P<trange_m1>\d{2}))?\s*(?:-|–|bis)\s*"
                r"(?P<trange_h2>\d{1,2})(?:[.:](?P<trange_m2>\d{2}))?\s*Uhr"
            ),
        ),
        (
            "time",
            (
                r"(?:(?P<time_h>\d{1,2})(?:[.:](?P<time_mi>\d{2}))?\s*Uhr"
                r"|(?:um|gegen|ab)\s+(?P<time_h2>\d{1,2})[.:](?P<time_mi2>\d{2})(?:\s*Uhr)?)"
            ),
        ),
        (
            "year",
            (
                rf"(?:(?P<year_f>{t['FUZZY']})\s+)?(?:(?P<year_j>Jahre?s?|Gesamtjahr|Saison|Jahr)\s+)?"
                r"(?P<year_y>\d{4})(?:/(?P<year_y2>\d{2}))?(?![.,]\d)"
            ),
        ),
        ("wdpod", rf"(?P<wdpod_wd>{t['WD']})\s*-?\s*(?P<wdpod_p>{t['POD']})"),
        ("dxpod", rf"(?P<dxpod_dx>{t['DAYDX']})\s+(?P<dxpod_p>{t['POD']})"),
        (
            "durrel",
            (
                rf"{art}?(?P<durrel_rel>{t['REL']})\s+(?P<durrel_n>{t['NUM']}|{t['VAGUE']})\s+"
                rf"(?P<durrel_u>{t['UNIT']})"
            ),
        ),
        ("relwd", rf"(?P<relwd_rel>{t['REL']})\s+(?P<relwd_wd>{t['WD']})"),
        ("relm", rf"(?P<relm_rel>{t['REL']})\s+(?P<relm_m>{t['MONTH']})"),
        *_post_posed_rules(t),
        ("bare", r"(?:seit|vor|über|nach|in)\s+(?P<bare_u>Jahren|Jahre|Monaten|Wochen|Jahrzehnten)"),
        (
            "relu",
            rf"{art}?(?:(?P<relu_f>{t['FUZZY']})\s+{art}?)?(?P<relu_rel>{t['REL']})\s+(?P<relu_u>{t['UNIT']})",
        ),
        ("fuzu", rf"(?P<fuzu_f>{t['FUZZY']})\s+{art}?(?P<fuzu_u>Jahres|Monats|Jahrzehnts|Jahrhunderts)"),
        (
            "set",
            (
                rf"(?P<set_q>{t['QUANT']})\s+(?:(?:(?P<set_o>{t['ORD']})\s+)?(?P<set_wd>{t['WD']})(?P<set_p>{t['POD']})?"
                r"(?P<set_im>\s+im\s+Monat)?"
                rf"|(?:(?P<set_n>{t['NUM']})\s+)?(?P<set_u>{t['UNIT']}))"
            ),
        ),
        ("times", rf"(?:ein|zwei|drei|vier|fünf|\d+)mal\s+(?:im|pro|in\s+der|am)\s+(?P<times_u>{t['UNIT']})"),
        (
            "dur",
            (
                rf"(?:(?:fast|rund|etwa|knapp|gut|genau|ungefähr|mindestens|über|mehr\s+als)\s+)?"
                rf"(?P<dur_n>{t['NUM']}|{t['VAGUE']})(?:\s*-\s*|\s+)(?P<dur_u>{t['UNIT']})(?!\s+(?:alt|jünger|älter)\w*)"
            ),
        ),
        (
            "season",
            (
                rf"(?:(?P<season_pre>im|des|dem|den|diesen|diesem|dieses|kommenden|nächsten|letzten|vergangenen)\s+)?"
                rf"(?:(?P<season_f>{t['FUZZY']})\s+)?(?:(?P<season_rel>{t['REL']})\s+)?"
                rf"(?P<season_s>{t['SEASON']})(?:\s+(?P<season_y>\d{{4}}))?"
            ),
        ),
        ("pod", rf"(?P<pod_pre>am|in\s+der|gegen)\s+(?P<pod_p>{t['POD']})"),
        (
            "wkend",
            r"(?:(?P<wkend_pre>am|übers|zum|dieses|diesem|kommenden|vergangenen|nächsten|letzten)\s+)?Wochenende",
        ),
        ("dx", rf"(?:(?P<dx_f>{t['FUZZY']})\s+)?(?P<dx_w>{t['DX']})"),
        ("wd", rf"(?:(?P<wd_f>{t['FUZZY']})\s+)?(?P<wd_wd>{t['WD']})"),
        ("month", rf"(?:(?P<month_f>{t['FUZZY']})\s+)?(?P<month_m>{t['MONTH']})"),
    ]


def _post_posed_rules(t: dict[str, str]) -> list[tuple[str, str]]:
    """The relative word after the weekday, month or unit (French mardi dernier, mois prochain).

    Only for a language whose ``date_relative`` rows say ``"position": "after"``; the others'
    grammar is left as it was.
    """
    if not t["RELAFTER"]:
        return []
    return [
        ("wdrel", rf"(?P<wdrel_wd>{t['WD']})\s+(?P<wdrel_rel>{t['RELAFTER']})"),
        ("mthrel", rf"(?P<mthrel_m>{t['MONTH']})\s+(?P<mthrel_rel>{t['RELAFTER']})"),
        (
            "urel",
            rf"(?:(?P<urel_f>{t['FUZZY']})\s+)?(?P<urel_u>{t['UNIT']})\s+(?P<urel_rel>{t['RELAFTER']})",
        ),
    ]


def _english_rules(t: dict[str, str]) -> list[tuple[str, str]]:
    """English word order (month before day, a.m./p.m., "ago")."""
    return [
        (
            "weekof",
            (
                rf"the\s+week\s+of\s+(?P<weekof_m>{t['MONTHD']})\s+(?P<weekof_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
                rf"(?:,?\s+(?P<weekof_y>\d{{4}}))?"
            ),
        ),
        (
            "iso",
            r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})(?:T(?P<iso_h>\d{2}):(?P<iso_mi>\d{2}))?",
        ),
        (
            "wdd",
            (
                rf"(?P<wdd_wd>{t['WD']}),?\s+(?P<wdd_m>{t['MONTHD']})\s+(?P<wdd_d>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?:,?\s+(?P<wdd_y>\d{{4}}))?"
            ),
        ),
        ("nd", r"(?P<nd_m>\d{1,2})/(?P<nd_d>\d{1,2})/(?P<nd_y>\d{4}|\d{2})"),
        (
            "md",
            (
                rf"(?:(?P<md_f>{t['FUZZY']})\s+)?(?P<md_m>{t['MONTHD']})\s+(?P<md_d>\d{{1,2}})(?P<md_s>st|nd|rd|th)?"
                # "April 24 and 25", "May 3-5": a second day of the same month
                r"(?!\d)(?:(?:\s+(?:and|to|through)\s+|\s*[-–]\s*)(?P<md_d2>\d{1,2})(?:st|nd|rd|th)?(?!\d|[.:,]\d))?"
                rf"(?:,?\s+(?P<md_y>\d{{4}}))?"
            ),
        ),
        (
            "dm",
            (
                rf"(?:the\s+)?(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<dm_m>{t['MONTHD']})"
                rf"(?:,?\s+(?P<dm_y>\d{{4}}))?"
            ),
        ),
        ("my", rf"(?:(?P<my_f>{t['FUZZY']})[\s-]+)?(?P<my_m>{t['MONTHD']})(?:\s+of)?,?\s+(?P<my_y>\d{{4}})"),
        ("mrel", rf"(?P<mrel_m>{t['MONTH']})\s+(?P<mrel_rel>{t['REL']})\s+year"),
        (
            "dec",
            (
                rf"(?:the\s+)?(?:(?P<dec_f>{t['FUZZY']})[\s-]+)?(?:(?P<dec_y>\d{{3}}0)'?s|'(?P<dec_s>\d0)s)"
                # "the nineties": a decade in words needs its article ("in her nineties" is an age)
                rf"|the\s+(?:(?P<dec_f2>{t['FUZZY']})[\s-]+)?(?P<dec_w>{t['DECW']})(?![\w])"
            ),
        ),
        (
            "cen",
            rf"(?:the\s+)?(?:(?P<cen_f>{t['FUZZY']})[\s-]+)?(?P<cen_c>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century",
        ),
        (
            "qtr",
            (
                rf"(?:the\s+)?(?:(?P<qtr_mod>latest|current|fiscal|year-ago|year-earlier|same)\s+)?"
                rf"(?P<qtr_o>{t['ORD']})[\s-]+(?:fiscal\s+)?(?:(?P<qtr_q>quarter)|(?P<qtr_h>half))"
                r"(?:\s+of\s+(?:fiscal\s+)?(?P<qtr_y>\d{4})|,?\s+(?P<qtr_y2>\d{4}))?"
            ),
        ),
        ("qn", r"Q(?P<qn_q>[1-4])(?:\s*|/)(?P<qn_y>\d{4})"),
        (
            "theq",
            (
                r"the\s+(?:(?P<theq_mod>latest|current|most\s+recent|recent|year-ago|year-earlier|same|"
                r"previous|prior|first|last)\s+)?(?:fiscal\s+)?(?:quarter|period)"
                r"(?P<theq_ago>\s+a\s+year\s+(?:ago|earlier))?"
            ),
        ),
        (
            "timeday",
            (
                r"(?:(?P<timeday_h>\d{1,2})(?::(?P<timeday_mi>\d{2}))?\s*(?P<timeday_ap>[ap]\.\s?m\.|[ap]m(?![\w]))"
                r"|(?P<timeday_nm>noon|midnight))(?:\s+(?:EST|EDT|PST|PDT|CST|CDT|GMT|local\s+time))?,?\s+(?:on\s+)?"
                rf"(?:(?P<timeday_wd>{t['WD']})|(?P<timeday_m>{t['MONTHD']})\s+(?P<timeday_d>\d{{1,2}})(?!\d)(?:,?\s+(?P<timeday_y>\d{{4}}))?)"
            ),
        ),
        (
            "time",
            (
                r"(?:(?P<time_h>\d{1,2})(?::(?P<time_mi>\d{2}))?\s*(?P<time_ap>[ap]\.\s?m\.|[ap]m(?![\w]))"
                r"|(?:at|by|until|around|before|after)\s+(?P<time_h2>\d{1,2}):(?P<time_mi2>\d{2})"
                r"(?:\s*(?P<time_ap2>[ap]\.\s?m\.|[ap]m(?![\w])))?"
                r"|(?P<time_h4>\d{1,2})(?:\s+o'clock)?\s+in\s+the\s+(?P<time_p4>morning|afternoon|evening)"
                r"|(?P<time_h3>\d{1,2})\s+o'clock)"
            ),
        ),
        (
            "yp",
            (
                rf"the\s+(?P<yp_y>\d{{4}})\s+(?:(?P<yp_o>{t['ORD']})[\s-]+)?"
                r"(?:period|quarter|(?:nine|six|three)\s+months)"
            ),
        ),
        (
            "yap",
            r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?P<yap_mod>year-ago|year-earlier)\s+(?:quarter|period)",
        ),
        (
            "year",
            (
                rf"(?:(?:(?P<year_f>{t['FUZZY']})|(?P<year_j>fiscal(?:\s+year)?|the\s+year))[\s-]+)?"
                r"(?P<year_y>\d{4})(?![.,]\d)"
            ),
        ),
        (
            # a year said in words, as broadcast transcripts write it: "nineteen ninety-six",
            # "January nineteen ninety-seven", "the year two thousand"
            "wyear",
            (
                rf"(?:(?P<wyear_m>{t['MONTHD']})\s+|(?P<wyear_the>the\s+year)\s+)?"
                rf"(?:(?P<wyear_c>{t['TEEN']})[\s-]+(?:(?P<wyear_t>{t['TENS']})(?:[\s-]+(?P<wyear_u>{t['DIGIT']}))?"
                rf"|(?P<wyear_h>hundred))"
                rf"|(?<=(?:year|{t['MONTHD']})\s+)two\s+thousand(?:\s+and)?(?:\s+(?P<wyear_k>{t['DIGIT']}))?)"
            ),
        ),
        ("wdpod", rf"(?P<wdpod_wd>{t['WD']})\s+(?P<wdpod_p>{t['POD']})"),
        ("dxpod", rf"(?:(?P<dxpod_f>{t['FUZZY']})\s+)?(?P<dxpod_dx>{t['DAYDX']})\s+(?P<dxpod_p>{t['POD']})"),
        (
            "ago",
            (
                r"(?:(?:about|nearly|almost|some|roughly|more\s+than|less\s+than|at\s+least|only|just)\s+)?"
                rf"(?P<ago_n>{t['NUM']}|{t['VAGUE']})[\s-]+(?P<ago_u>{t['UNIT']})(?:\s+or\s+so)?\s+"
                r"(?P<ago_w>ago|earlier|before|later|after|from\s+now|hence)"
            ),
        ),
        (
            "durrel",
            (
                rf"(?:the\s+)?(?P<durrel_rel>{t['REL']})\s+(?P<durrel_n>{t['NUM']}|{t['VAGUE']})\s+"
                rf"(?P<durrel_u>{t['UNIT']})"
            ),
        ),
        ("relwd", rf"(?P<relwd_rel>{t['REL']})\s+(?P<relwd_wd>{t['WD']})"),
        (
            "relm",
            rf"(?P<relm_rel>{t['REL']})\s+(?P<relm_m>{t['MONTH']})(?:\s+(?P<relm_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?",
        ),
        (
            "yq",
            (
                rf"(?P<yq_rel>{t['REL']})\s+year's\s+(?:(?P<yq_o>{t['ORD']})[\s-]+(?:fiscal\s+)?)?"
                r"(?:quarter|period)"
            ),
        ),
        (
            "relu",
            rf"(?:(?P<relu_f>{t['FUZZY']})\s+)?(?:the\s+)?(?P<relu_rel>{t['REL']})\s+(?P<relu_u>{t['UNIT']})",
        ),
        ("fuzu", rf"(?P<fuzu_f>{t['FUZZY']})\s+the\s+(?P<fuzu_u>year|month|week|decade|century)"),
        (
            "set",
            rf"(?P<set_q>{t['QUANT']})\s+(?:(?P<set_wd>{t['WD']})|(?P<set_m>{t['MONTH']})|(?:(?P<set_n>{t['NUM']})\s+)?(?P<set_u>{t['UNIT']}))",
        ),
        (
            "times",
            (
                rf"(?:once|twice|(?:(?:{t['NUM']}|{t['VAGUE']}|a\s+couple)\s+)?times)"
                rf"\s+(?:a|an|per|each|every)\s+(?P<times_u>{t['UNIT']})"
            ),
        ),
        (
            "dur",
            (
                r"(?:(?:about|nearly|almost|more\s+than|roughly|approximately|at\s+least|less\s+than"
                r"|no\s+more\s+than|up\s+to|under|some)\s+)?"
                rf"(?:the\s+)?(?:(?:first|last|past|next|latest)\s+)?"
                rf"(?P<dur_n>{t['NUM']}|{t['VAGUE']})(?:\s+(?:to|or)\s+(?P<dur_n2>{t['NUM']}))?"
                r"(?:\s+(?:more|additional|extra|full|trading|business|working))?[\s-]+"
                rf"(?P<dur_u>{t['UNIT']})(?P<dur_half>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?:[\s-]+long)?"
                r"(?![\s-]+(?:old|younger|older)(?![\w]))"
            ),
        ),
        # "for years", "within weeks", "over the years": a vague stretch
        ("bare", r"(?:for|in|over|within|over\s+the)\s+(?P<bare_u>years|months|weeks|decades|centuries)"),
        (
            "season",
            (
                rf"(?:(?P<season_pre>the|this|last|next|in|during|of)\s+)?(?:(?P<season_f>{t['FUZZY']})\s+)?"
                rf"(?:(?P<season_rel>{t['REL']})\s+)?(?P<season_s>{t['SEASON']})(?:\s+(?:of\s+)?(?P<season_y>\d{{4}}))?"
            ),
        ),
        ("pod", rf"(?P<pod_pre>the|this)\s+(?P<pod_p>{t['POD']})"),
        ("wkend", r"(?P<wkend_pre>the|this|last|next)\s+weekend"),
        ("dx", rf"(?:(?P<dx_f>{t['FUZZY']})\s+)?(?P<dx_w>{t['DX']})"),
        ("wd", rf"(?:(?P<wd_f>{t['FUZZY']})\s+)?(?P<wd_wd>{t['WD']})"),
        ("month", rf"(?:(?P<month_f>{t['FUZZY']})[\s-]+)?(?P<month_m>{t['MONTH']})"),
    ]


#: Word-order families; a language not listed here uses the day-first order.
RULE_BUILDERS: dict[str, Callable[[dict[str, str]], list[tuple[str, str]]]] = {
    "en": _english_rules,
}


def build_grammar(lex: Lexicon) -> Grammar:
    """Compile ``lex``'s language's rules (done once per pipeline)."""
    builder = RULE_BUILDERS.get(lex.lang, _day_first_rules)
    rules = builder(_tokens(lex))
    # the same rules with their word lists as prefix trees: what is compiled (see alternation)
    compiled = builder(_tokens(lex, as_trie=True))
    flags = regex.IGNORECASE | regex.VERSION1
    openers: dict[str, list[int]] = {}
    digit_rules: list[int] = []
    any_rules: list[int] = []
    for index, (_, pattern) in enumerate(rules):
        start = leading(pattern)
        for word in start.words:
            openers.setdefault(word.casefold(), []).append(index)
        if start.digit:
            digit_rules.append(index)
        if start.anything:
            any_rules.append(index)
    triggers = _triggers(lex, rules)
    strong = _strong_words(lex)
    strong_prefixes = tuple(sorted({form.casefold() for form in lex.surface["date_weekdays"]}))
    body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in rules)
    vocabulary = _words_of_rules(body)
    compiled_body = "|".join(f"(?P<{name}>{pattern})" for name, pattern in compiled)
    at_digit = sorted(set(digit_rules) | set(any_rules))
    digit_body = "|".join(f"(?P<{compiled[index][0]}>{compiled[index][1]})" for index in at_digit)
    return Grammar(
        lexicon=lex,
        rules=tuple(name for name, _ in rules),
        pattern=_compiled.compile(rf"{_START}(?:{compiled_body}){_END}", flags),
        rule_patterns=tuple(
            _compiled.compile(rf"{_START}(?P<{name}>{pattern}){_END}", flags) for name, pattern in compiled
        ),
        openers={word: tuple(sorted(set(found) | set(any_rules))) for word, found in openers.items()},
        digit_rules=tuple(at_digit),
        digit_pattern=_compiled.compile(rf"{_START}(?:{digit_body or '(?!)'}){_END}", flags),
        any_rules=tuple(any_rules),
        strong=strong,
        weak=triggers - strong,
        strong_prefixes=strong_prefixes,
        carrier_words=CarrierWords.build(strong, strong_prefixes),
        weak_prefixes=tuple(
            sorted(
                {
                    form.casefold()
                    for form in lex.surface["date_numbers"]
                    if len(form) >= 3 and " " not in form
                }
            )
        ),
        vocabulary=vocabulary,
        vocabulary_prefixes=tuple(sorted(word for word in vocabulary if len(word) >= 3)),
    )


#: Pattern syntax whose letters are no words of a rule: escapes, group names, counts.
_SYNTAX = regex.compile(r"\\[pPN]\{[^}]*\}|\\.|\(\?P<\w+>|\(\?[^:)]*[:)]|\{\d+(?:,\d*)?\}")


def _words_of_rules(body: str) -> frozenset[str]:
    """The words the rule patterns spell out, case-folded, without the syntax's letters."""
    words = _SYNTAX.sub(" ", body, timeout=TIMEOUT_S)
    return frozenset(word.casefold() for word in regex.findall(r"[^\W\d_]+", words, timeout=TIMEOUT_S))


#: Words of the grammar itself (not of a table) that carry a date.
_DATE_LITERALS: Final = frozenset(
    {
        "quarter",
        "quartal",
        "quartals",
        "century",
        "jahrhundert",
        "jahrhunderts",
        "period",
        "uhr",
        "o",
        "ago",
        "fiscal",
        "jahreshälfte",
        "halbjahr",
        "halbjahres",
        "jahr",
        "jahre",
        "jahres",
        "jahrs",
        "saison",
        "gesamtjahr",
        "wochenende",
        "weekend",
        "year",
        "years",
        "noon",
        "midnight",
        "hence",
    }
)


def _strong_words(lex: Lexicon) -> frozenset[str]:
    """Words that carry a date: a match always holds one of them or a date-shaped number.

    Single-word forms of the date tables carry; a phrase ("the near term", "New Year's Day")
    carries through a piece that already does ("day"), else through its last word, the head
    noun ("term") -- never through a common word beside it ("new", "same", "right").
    """
    words: set[str] = set(_DATE_LITERALS)
    phrases: list[list[str]] = []
    for table in (
        "date_months",
        "date_weekdays",
        "date_units",
        "date_seasons",
        "date_parts_of_day",
        "date_deictic",
        "date_decade_words",
    ):
        for form in lex.surface.get(table, ()):
            pieces = [w.casefold() for w in regex.findall(r"\w+", form, timeout=TIMEOUT_S)]
            if len(pieces) == 1:
                words.update(pieces)
            elif pieces:
                phrases.append(pieces)
    for pieces in phrases:
        if not any(piece in words for piece in pieces):
            words.add(pieces[-1])
    # a year said in words carries no date word: its century ("nineteen ninety-six") does
    words.update(word for word, value in lex.numbers.items() if 11 <= value <= 19 and " " not in word)
    return frozenset(words)


def _triggers(lex: Lexicon, rules: list[tuple[str, str]]) -> frozenset[str]:
    """Every word that can open a match.

    These are the first words of the grammar's tables and the literal words a rule can begin
    with (articles, prepositions, hedges).
    """
    words: set[str] = set()
    for table, forms in lex.surface.items():
        if table == "date_tense":
            continue  # tense words are read around a match, never inside one
        for form in forms:
            first = regex.match(r"\w+", form, timeout=TIMEOUT_S)
            if first is not None:
                words.add(first.group().casefold())
    for _, pattern in rules:
        words.update(word.casefold() for word in leading(pattern).words if len(word) >= 2)
    return frozenset(words)


@attrs.frozen(kw_only=True)
class Leading:
    """What a rule's match can begin with."""

    #: Literal words (as written in the rule, table forms included).
    words: tuple[str, ...]
    #: A digit (``\\d``, a number).
    digit: bool
    #: Anything else a character class or ``\\w`` allows: the rule is tried everywhere.
    anything: bool


_RULE_WORD = regex.compile(r"[^\W\d_]+")
_GROUP_OPEN = regex.compile(r"\(\?(?::|P<\w+>)")


def leading(pattern: str) -> Leading:  # noqa: C901, PLR0912, PLR0915 - one branch per regex construct the walk reads
    """What a match of ``pattern`` can begin with.

    A small walk over the pattern source: a position is *leading* while everything before it
    can match nothing (optional groups, lookarounds). An alternative starts as leading as its
    group did; after an optional group, leading is what it was before or at the group's end.
    """
    words: list[str] = []
    digit = anything = False
    stack: list[tuple[bool, bool]] = []  # (leading at the group's start, any branch end leading)
    here = True
    index, size = 0, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\":
            escaped = pattern[index + 1 : index + 2]
            if here and escaped == "d":
                digit = True
            elif here and escaped in ("w", "W", "S", "s", "D"):
                anything = True
            elif here and escaped.isalpha() is False and escaped:
                pass  # an escaped punctuation mark: it starts no word, the match cannot either
            here = False
            index += 2
            continue
        if char == "[":
            close = pattern.index("]", index + 2)
            if here:
                anything = True
            here, index = False, close + 1
            continue
        if char == ".":
            anything = anything or here
            here = False
            index += 1
            continue
        if char == "(":
            if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), index):
                depth, index = 1, index + 3
                while depth and index < size:  # a lookaround consumes nothing: skip it whole
                    if pattern[index - 1] != "\\":
                        depth += {"(": 1, ")": -1}.get(pattern[index], 0)
                    index += 1
                continue
            stack.append((here, False))
            opened = _GROUP_OPEN.match(pattern, index, timeout=TIMEOUT_S)
            index += opened.end() - index if opened else 1
            continue
        if char == "|" and stack:
            at_start, ends = stack[-1]
            stack[-1] = (at_start, ends or here)
            here = at_start
            index += 1
            continue
        if char == ")" and stack:
            at_start, ends = stack.pop()
            ends = ends or here
            index += 1
            if index < size and pattern[index] in "?*":
                here = at_start or ends
                index += 1
            else:
                here = ends
            continue
        if char in "?*+":
            index += 1
            continue
        if char == "{":
            index = pattern.index("}", index) + 1
            continue
        word = _RULE_WORD.match(pattern, index, timeout=TIMEOUT_S)
        if word is not None:
            if here:
                words.append(word.group())
            here = False
            index = word.end()
            continue
        if here and char.isdigit():
            digit = True
        here = False
        index += 1
    return Leading(words=tuple(words), digit=digit, anything=anything)
