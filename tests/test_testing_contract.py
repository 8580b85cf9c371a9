"""check_extractor: passes extractors that keep the contract, names the rule others break."""

import itertools

import attrs
import pytest
import regex
from hypothesis import given

import quotekit
from quotekit import Annotation, Document, Quote
from quotekit.testing import ContractViolation, check_document, check_extractor, hostile_texts
from quotekit.testing import strategies as qst

# Small sizes keep the contract checks quick here; the full 1 MB run is in test_properties.
QUICK = {"large_size": 20_000, "max_examples": 15}


class Marker:
    """A well-behaved extension extractor: marks every digit run."""

    name = "test.digits"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("test.digits",)
    _digits = regex.compile(r"\d+")

    def __call__(self, doc: Document, /) -> Document:
        marks = [
            Annotation(start=m.start(), end=m.end(), text=m.group(), label="digits")
            for m in self._digits.finditer(doc.text, timeout=5.0)
        ]
        return doc.with_extension("test.digits", marks)


def test_a_good_extractor_passes_and_reports_what_ran():
    report = check_extractor(Marker(), **QUICK)
    assert report.extractor == "test.digits"
    assert report.hostile == len(hostile_texts(large_size=20_000))
    assert report.generated == 15
    assert report.documents == report.hostile + report.generated


def test_given_documents_and_texts_are_checked_too():
    docs = [Document.from_text("12 und 34"), Document.from_text("")]
    report = check_extractor(Marker(), documents=docs, texts=["99 Luftballons"], max_examples=0, large_size=0)
    assert report.given == 2
    assert report.generated == 0


@pytest.mark.parametrize("extractor", quotekit.Pipeline(autoload=False).extractors, ids=lambda e: e.name)
def test_every_builtin_extractor_keeps_the_contract(extractor):
    check_extractor(extractor, **QUICK)


# ------------------------------------------------------------------ rule by rule


class Base:
    name = "test.bad"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("test.bad",)

    def __call__(self, doc, /):
        return doc.with_extension("test.bad", [])


class Raises(Base):
    def __call__(self, doc, /):
        doc.text.encode("utf-8")  # lone surrogates raise UnicodeEncodeError
        return doc


class ReturnsDict(Base):
    def __call__(self, doc, /):
        return {"text": doc.text}


class ChangesText(Base):
    def __call__(self, doc, /):
        return Document(text=doc.text.strip() + " ")


class DropsUpstream(Base):
    def __call__(self, doc, /):
        return doc.evolve(quotes=())


class ChangesLanguage(Base):
    def __call__(self, doc, /):
        return doc.evolve(lang="xx")


class UndeclaredLayer(Base):
    def __call__(self, doc, /):
        return doc.with_extension("test.other", [])


class DropsDiagnostics(Base):
    def __call__(self, doc, /):
        return doc.evolve(diagnostics=())


class BreaksSpans(Base):
    def __call__(self, doc, /):
        out = doc.evolve(quotes=())
        bad = Quote(start=0, end=1, text="\x00not the text", kind="direct")
        object.__setattr__(out, "quotes", (bad,))  # bypasses validation, as buggy code might
        return out


class Mutates(Base):
    def __call__(self, doc, /):
        object.__setattr__(doc, "id", "changed")
        return attrs.evolve(doc)


class Nondeterministic(Base):
    counter = itertools.count()

    def __call__(self, doc, /):
        n = next(self.counter)
        return doc.with_extension("test.bad", [Annotation(start=0, end=0, text="", label=str(n))])


class Nameless(Base):
    name = ""


class StrProvides(Base):
    provides = "test.bad"  # type: ignore[assignment]


class BareLayerName(Base):
    provides = ("shouting",)


class UnmetRequirement(Base):
    requires = ("nobody.provides.this",)


@pytest.mark.parametrize(
    ("extractor", "rule"),
    [
        (Raises(), "survives arbitrary Unicode"),
        (ReturnsDict(), "returns a Document"),
        (ChangesText(), "returns a Document"),
        (DropsUpstream(), "keeps upstream layers"),
        (ChangesLanguage(), "keeps upstream layers"),
        (UndeclaredLayer(), "keeps upstream layers"),
        (DropsDiagnostics(), "keeps upstream layers"),
        (BreaksSpans(), "keeps the span invariant"),
        (Mutates(), "does not mutate its input"),
        (Nondeterministic(), "is deterministic"),
        (Nameless(), "declares"),
        (StrProvides(), "declares"),
        (BareLayerName(), "declares"),
        (UnmetRequirement(), "declares"),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else "",
)
def test_each_broken_rule_is_named(extractor, rule):
    with pytest.raises(ContractViolation) as caught:
        check_extractor(extractor, **QUICK)
    assert caught.value.rule == rule
    assert rule in str(caught.value)


def test_a_violation_names_the_hostile_input():
    with pytest.raises(ContractViolation, match="lone-surrogates"):
        check_extractor(Raises(), max_examples=0, large_size=0)


def test_upstream_layers_are_only_caught_when_present():
    # DropsUpstream passes on bare documents (nothing to drop): the generated, annotated
    # documents are what catch it, so they are on by default.
    bare = Document.from_text
    check_extractor(DropsUpstream(), upstream=bare, max_examples=0, large_size=0, in_pipeline=False)
    with pytest.raises(ContractViolation, match="'quotes' layer"):
        check_extractor(DropsUpstream(), max_examples=20, large_size=0)


def test_violations_are_assertion_errors_for_pytest():
    assert issubclass(ContractViolation, AssertionError)


@given(qst.documents())
def test_check_document_composes_with_given(doc):
    out = check_document(Marker(), doc)
    assert out.quotes == doc.quotes
    assert all(a.text.isdigit() for a in out.extensions["test.digits"])


class NeedsDigits(Base):
    name = "test.needs-digits"
    requires = ("test.digits",)
    provides = ("test.needs-digits",)

    def __call__(self, doc, /):
        digits = doc.extensions["test.digits"]  # fails unless the provider ran upstream
        return doc.with_extension("test.needs-digits", [a for a in digits if len(a.text) > 1])


class DigitsPlugin:
    @quotekit.hookimpl
    def quotekit_register_extractors(self, registry):
        registry.add(Marker())


def test_plugins_provide_what_the_extractor_requires():
    with pytest.raises(ContractViolation):
        check_extractor(NeedsDigits(), max_examples=0, large_size=0)
    report = check_extractor(NeedsDigits(), plugins=[DigitsPlugin()], max_examples=0, large_size=0)
    assert report.hostile > 0


class NeedsLanguages(Base):
    """Fails when the built-in chain did not run before it (no language blocks on real text)."""

    name = "test.needs-languages"
    requires = ("languages",)

    def __call__(self, doc, /):
        if doc.text.startswith("„Ja“") and not doc.languages:
            msg = "the language layer is missing: upstream did not run"
            raise LookupError(msg)
        return super().__call__(doc)


def test_a_plugin_extractor_receives_the_built_in_chain_upstream():
    check_extractor(NeedsLanguages(), texts=["„Ja“, sagte sie."], max_examples=0, large_size=0)
