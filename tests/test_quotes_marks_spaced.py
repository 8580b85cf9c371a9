"""Marks that a space parts from their words (French « … »), declared by a quote_marks row."""

from __future__ import annotations

import quotekit
from quotekit.quotes.marks import MarkScanner

PAIRS = [("«", "»"), ("»", "«"), ("“", "”")]


def _contents(scanner: MarkScanner, text: str) -> list[str]:
    spans, _ = scanner.scan(text)
    return [text[span.start : span.end] for span in spans]


def test_a_spaced_mark_flanks_the_word_beyond_the_space() -> None:
    scanner = MarkScanner(PAIRS, spaced=["«", "»"])
    assert _contents(scanner, "« Nous sommes prêts », a-t-il dit.") == ["Nous sommes prêts"]
    assert _contents(scanner, "«\u00a0Oui\u00a0», dit-elle.") == ["Oui"]
    assert _contents(scanner, "Il a dit : «\u202fNon.\u202f»") == ["Non."]


def test_without_the_declaration_a_spaced_mark_opens_nothing() -> None:
    # the German reading of « and »: a mark with a space after it does not open a quote
    scanner = MarkScanner(PAIRS)
    assert _contents(scanner, "« Nous sommes prêts », a-t-il dit.") == []


def test_spaced_marks_keep_unspaced_quotes_and_german_guillemets() -> None:
    scanner = MarkScanner(PAIRS, spaced=["«", "»"])
    assert _contents(scanner, "»Das ist gut«, sagte er.") == ["Das ist gut"]
    assert _contents(scanner, "«Nous», dit-il.") == ["Nous"]


def test_a_plugin_row_declares_its_marks_spaced() -> None:
    class French:
        @quotekit.hookimpl
        def quotekit_language_data(self, registry):  # type: ignore[no-untyped-def]
            registry.add("fr", "quote_marks", [{"open": "«", "close": "»", "spaced": True}])
            registry.add(
                "fr",
                "cue_verbs",
                [{"lemma": "déclarer", "forms": ["déclare"], "participles": ["déclaré"], "frame": "speech"}],
            )

    pipeline = quotekit.Pipeline(plugins=[French()])
    doc = pipeline.extract("« Nous sommes prêts », déclare Jean Martin.", lang="fr")
    assert [(q.kind, q.text) for q in doc.quotes] == [("direct", "Nous sommes prêts")]
    assert doc.text[doc.quotes[0].start : doc.quotes[0].end] == "Nous sommes prêts"
