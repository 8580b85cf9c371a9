"""The words the generators build articles from, written for quotekit's tests.

Deliberately plain and generic: invented names, common cue verbs, neutral clauses. Each list's
first entry is the simplest, because hypothesis shrinks a ``sampled_from`` towards it.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("de", "en")

FIRST_NAMES: Final = ("Anna", "Jonas", "Maria", "Peter", "Lena", "Tobias", "Sara", "David", "Ines", "Malik")
LAST_NAMES: Final = (
    "Berger",
    "Keller",
    "Hoffmann",
    "Novak",
    "Lindqvist",
    "Brandt",
    "Okafor",
    "Marino",
    "Szabo",
    "Winter",
)

#: Cue verbs used after the quote ("…“, sagte NAME) and before it (NAME sagte: „…“).
CUE_VERBS: Final = {
    "de": ("sagte", "erklärte", "betonte", "sagt", "meinte", "warnte", "kritisierte"),
    "en": ("said", "says", "added", "explained", "stated", "warned", "told reporters"),
}

#: (direct speech, the same as reported speech) - the reported form in the subjunctive (de)
#: or backshifted (en), so that direct and indirect frames say the same thing.
CLAUSES: Final = {
    "de": (
        ("Wir sind bereit", "man sei bereit"),
        ("Die Lage ist ernst", "die Lage sei ernst"),
        ("Das Projekt wird fortgesetzt", "das Projekt werde fortgesetzt"),
        ("Wir haben keine Zeit zu verlieren", "man habe keine Zeit zu verlieren"),
        ("Der Plan ist gut durchdacht", "der Plan sei gut durchdacht"),
        ("Die Gespräche gehen weiter", "die Gespräche gingen weiter"),
        ("Niemand hat mit diesem Ergebnis gerechnet", "niemand habe mit diesem Ergebnis gerechnet"),
        ("Die Kosten sind zu hoch", "die Kosten seien zu hoch"),
    ),
    "en": (
        ("We are ready", "they were ready"),
        ("The situation is serious", "the situation was serious"),
        ("The project will continue", "the project would continue"),
        ("We have no time to lose", "there was no time to lose"),
        ("The plan is sound", "the plan was sound"),
        ("The talks will go on", "the talks would go on"),
        ("Nobody expected this result", "nobody had expected this result"),
        ("The costs are too high", "the costs were too high"),
    ),
}

#: Short quoted phrases for partial quotes (NAME sagte, der Plan sei „…“ / NAME called the plan “…”).
FRAGMENTS: Final = {
    "de": ("ein Fehler", "mutig", "längst überfällig", "eine Zumutung", "ein gutes Signal"),
    "en": ("a mistake", "bold", "long overdue", "an imposition", "a good sign"),
}

#: Partial-quote frames: the speaker's verb, then what leads up to the quoted fragment. German
#: news quotes a fragment inside reported speech (sagte, der Plan sei „…“); a quoted object of a
#: verb of calling (nannte den Plan „…“) is annotated as a direct quote there, so it is not used.
PARTIAL_FRAMES: Final = {
    "de": (
        ("sagte", ", der Plan sei"),
        ("erklärte", ", die Entscheidung sei"),
        ("kritisierte", ", der Vorschlag sei"),
    ),
    "en": (("called", " the plan"), ("described", " the decision as"), ("called", " the proposal")),
}

#: Quotation-mark pairs per language (open, close): every convention news text uses.
QUOTE_MARKS: Final = {
    "de": (("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("„", "”"), ("‚", "‘"), ("›", "‹")),
    "en": (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")),
}

#: Sentences with no quote, no date and no cue verb: the article's filler.
FILLER: Final = {
    "de": (
        "Die Sitzung dauerte mehrere Stunden.",
        "Vor dem Gebäude warteten zahlreiche Menschen.",
        "Die Opposition verlangt eine Abstimmung im Parlament.",
        "Der Haushalt der Stadt ist seit Langem angespannt.",
        "Die Polizei war mit mehreren Einheiten vor Ort.",
    ),
    "en": (
        "The meeting lasted several hours.",
        "A crowd gathered outside the building.",
        "The opposition wants a vote in parliament.",
        "The city's budget has been tight for years.",
        "Police were present with several units.",
    ),
}

MONTHS: Final = {
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

#: Monday first, as ``datetime.date.weekday()`` counts.
WEEKDAYS: Final = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

#: Sentences a date is put into: the placeholder is replaced by the date expression.
DATE_CARRIERS: Final = {
    "de": (
        "Die Entscheidung fiel am {}.",
        "Das Treffen ist für den {} geplant.",
        "Seit dem {} gilt die Regel.",
    ),
    "en": (
        "The decision was made on {}.",
        "The meeting is planned for {}.",
        "The rule has applied since {}.",
    ),
}
#: Carriers for month-and-year expressions ("im März 2025"), which take no article.
MONTH_CARRIERS: Final = {
    "de": ("Die Entscheidung fiel im {}.", "Die Arbeiten beginnen im {}."),
    "en": ("The decision was made in {}.", "Work starts in {}."),
}

POST_SENTENCES: Final = {
    "de": (
        "Heute ist ein guter Tag für unsere Stadt.",
        "Danke an alle, die mitgeholfen haben!",
        "Wir bleiben dran.",
        "Die Sitzung ist vorbei, die Arbeit geht weiter.",
    ),
    "en": (
        "Today is a good day for our city.",
        "Thanks to everyone who helped!",
        "We will keep at it.",
        "The meeting is over, the work goes on.",
    ),
}
HASHTAGS: Final = {"de": ("#Verkehr", "#Haushalt", "#Energie"), "en": ("#Transit", "#Budget", "#Energy")}
MENTIONS: Final = ("@stadtrat", "@newsdesk", "@team_nord")

BOILERPLATE: Final = {
    "de": (
        "Teilen auf Facebook",
        "Anzeige",
        "Foto: Beispiel-Agentur",
        "Lesen Sie auch",
        "Newsletter abonnieren",
        "Alle Rechte vorbehalten.",
        "Mehr zum Thema",
        "Zur Startseite",
    ),
    "en": (
        "Share on Facebook",
        "Advertisement",
        "Photo: Example Agency",
        "Read more",
        "Sign up for our newsletter",
        "All rights reserved.",
        "Related articles",
        "Back to homepage",
    ),
}

#: Characters that break naive text handling; the hostile-text generators mix them in.
HOSTILE_ATOMS: Final = (
    "\x00",
    "\ud800",  # a lone high surrogate: legal in a Python str, not in UTF-8
    "\udfff",
    "\udc80",  # what surrogateescape makes of an undecodable byte
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\ufeff",  # byte-order mark
    "\u0301",  # combining acute accent
    "\u0308\u0308\u0308",
    "👩\u200d👩\u200d👧",
    "\r\n",
    "\r",
    "\n\n",
    "\u2028",  # line separator
    "\x85",  # next line
    "„",
    "“",
    "”",
    '"',
    "»",
    "«",
    "‚",
    "‘",
    "’",
    "'",
    "@",
    "#",
    "$",
    "—",
    ".",
    ":",
    "12.",
    "2025",
    "März",
    "sagte",
    "said",
    " ",
    "\t",
    "https://",
)
