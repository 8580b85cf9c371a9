"""Derive ``lang/data/de/speaker_common_nouns.json``: German common nouns, every case form.

German capitalises every noun, so a capitalised word beside a cue (sagte Takt, sagt Niemand)
is a name only if it is not a common noun. The rows are the singular forms of the nouns of the German
Wiktionary (the ``german-nouns`` package, CC BY-SA 4.0) that Wiktionary does not also list as
a surname, first name, place or other proper name (Müller, Fischer, Berlin stay possible
names) nor as any noun's plural (Experten, Anwohner: a bare plural may speak), kept where ``wordfreq`` (CC BY-SA 4.0 data) finds the form at least ``--min-zipf`` in
German text: the nouns news actually uses, so the table stays small.

    pip install german-nouns wordfreq
    python benchmarks/derive_de_nouns.py [--min-zipf 3.0]

It also writes ``speaker_places.json``: Wiktionary's German place names (Toponym) at least
``--min-place-zipf`` frequent, less those that are common nouns too (Abend) unless English
text uses the word as often (Paris, China: there it can only be the place). A place opening a clause speaks for its government or people
(Berlin reagierte: „…“, Moskau warnte).

The tables are data like every other: a plugin adds nouns through ``quotekit_language_data``.
"""

from __future__ import annotations

import argparse
import csv
import json
from importlib import resources
from pathlib import Path

from wordfreq import zipf_frequency

_PROPER = frozenset({"Nachname", "Vorname", "Toponym", "Eigenname", "Straßenname", "Abkürzung"})
#: Languages whose text shows a word to be a name or a loan as often as a German noun.
_NAME_LANGUAGES = ("en", "it", "es", "fr")
_OUT = Path(__file__).resolve().parent.parent / "src/quotekit/lang/data/de/speaker_common_nouns.json"


def common_noun_forms(min_zipf: float) -> list[str]:
    """The case forms of Wiktionary's common nouns at least ``min_zipf`` frequent, sorted."""
    source = resources.files("german_nouns") / "nouns.csv"
    forms: set[str] = set()
    proper: set[str] = set()
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            kinds = set(row["pos"].split(","))
            singular = {row["lemma"], *(v for k, v in row.items() if " singular" in k and v)}
            plural = {v for k, v in row.items() if " plural" in k and v}
            if kinds & _PROPER:
                proper.update(singular | plural)
            elif "Substantiv" in kinds:
                forms.update(singular)
            # a plural (Experten, Anwohner) may speak without an article: never in the table
            proper.update(plural)
    forms = {form for form in forms - proper if form[:1].isupper() and " " not in form}
    # Paolo (a coin), Bank, Hand: a word English, Italian, Spanish or French text uses as often
    # is as likely a name or a loan, so it stays out of a table whose rows are never names
    return sorted(
        form
        for form in forms
        if (german := zipf_frequency(form, "de")) >= min_zipf
        and max(zipf_frequency(form, lang) for lang in _NAME_LANGUAGES) < german
    )


def place_names(min_zipf: float) -> list[str]:
    """Wiktionary's German place names (Toponym) at least ``min_zipf`` frequent, sorted."""
    source = resources.files("german_nouns") / "nouns.csv"
    places: set[str] = set()
    nouns: set[str] = set()
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if "Toponym" in row["pos"].split(","):
                places.add(row["lemma"])
            else:
                nouns.update(value for key, value in row.items() if " " in key and value)
                nouns.add(row["lemma"])
    # Abend, Adler: a place name that is also a common noun says nothing at a sentence start,
    # unless English text uses it too, where it can only be the place (Paris, London, China)
    return sorted(
        place
        for place in places
        if " " not in place
        and zipf_frequency(place, "de") >= min_zipf
        and (place not in nouns or zipf_frequency(place, "en") >= min_zipf)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--min-zipf", type=float, default=3.0)
    parser.add_argument("--min-place-zipf", type=float, default=3.5)
    parser.add_argument("--out", type=Path, default=_OUT)
    args = parser.parse_args()
    rows = common_noun_forms(args.min_zipf)
    args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(rows)} forms -> {args.out}")
    places = place_names(args.min_place_zipf)
    places_out = args.out.with_name("speaker_places.json")
    places_out.write_text(json.dumps(places, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(places)} places -> {places_out}")


if __name__ == "__main__":
    main()
