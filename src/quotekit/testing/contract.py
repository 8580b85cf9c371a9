"""The contract every quotekit extractor keeps, as a check a plugin author runs in their tests.

>>> from quotekit.testing import check_extractor
>>> check_extractor(MyExtractor())  # doctest: +SKIP
ContractReport(extractor='my.extractor', hostile=..., generated=..., ...)

:func:`check_extractor` raises :class:`ContractViolation` (an ``AssertionError``) naming the
broken rule and the input that broke it. The rules:

1. **declares** - ``name`` is a non-empty str; ``requires``/``provides`` (and the optional
   ``after``/``before``) are sequences of str; every layer in ``provides`` is a built-in layer
   or a namespaced extension layer (``"plugin.layer"``); it fits the built-in chain.
2. **returns a Document** - of the same text, id and (unless it provides them) language and
   publication date.
3. **keeps upstream layers** - every layer it does not declare in ``provides`` comes out
   exactly as it went in; diagnostics may only be appended.
4. **keeps the span invariant** - every span satisfies ``text[start:end] == span.text``.
5. **does not mutate its input**.
6. **is deterministic** - an equal input gives an equal output.
7. **survives arbitrary Unicode** - never raises: lone surrogates, NUL, RTL marks,
   zero-width joiners, combining marks, CRLF, a 1 MB line, 1 MB of quotation marks.

:func:`check_document` applies rules 2-7 to one document, for use in your own
``@given(...)`` tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from quotekit.hookspecs import hookimpl
from quotekit.model import LAYERS, Document
from quotekit.pipeline import Extractor, ExtractorRegistry, Pipeline, PipelineError
from quotekit.serialize import to_dict

__all__ = [
    "HOSTILE_TEXTS",
    "ContractReport",
    "ContractViolation",
    "check_document",
    "check_extractor",
    "hostile_texts",
]

#: Document fields an extractor may change only if it declares them in ``provides``.
_DECLARABLE_FIELDS: Final = {"lang": ("lang",), "published": ("published", "published_source")}
#: Layers an extractor may name in ``provides`` without a namespace.
BUILTIN_LAYERS: Final = frozenset({*LAYERS, "lang", "published"})


class ContractViolation(AssertionError):  # noqa: N818 - a failed check, like pytest's own failures
    """An extractor broke the extractor contract; ``rule`` names which part."""

    def __init__(self, extractor: str, rule: str, detail: str) -> None:
        super().__init__(f"extractor {extractor!r} breaks the contract ({rule}): {detail}")
        self.extractor = extractor
        self.rule = rule
        self.detail = detail


@attrs.frozen(kw_only=True)
class ContractReport:
    """What :func:`check_extractor` ran: how many hostile, given and generated documents."""

    extractor: str
    hostile: int
    given: int
    generated: int

    @property
    def documents(self) -> int:
        """Every document the extractor was checked on."""
        return self.hostile + self.given + self.generated


# ------------------------------------------------------------------ hostile inputs


def hostile_texts(*, large_size: int = 1_000_000) -> dict[str, str]:
    """Named texts that break naive text code; the large ones are about ``large_size`` chars.

    ``large_size=0`` leaves the large ones out.
    """
    texts = {
        "empty": "",
        "space": " ",
        "nul": "a\x00b\x00",
        "lone-surrogates": "\ud800 sagte \udfff „\udc80“",
        "rtl-marks": "\u200f„\u202eمرحبا\u202c“, sagte \u2066Anna\u2069.",
        "zero-width": "BREAK\u200dING \u200b„Wir\u200d sind\ufeff bereit“",
        "combining": "Ame\u0301lie sagte: „Cafe\u0301 \u0308\u0308\u0308“" + "e\u0301" * 50,
        "emoji-zwj": "👩\u200d👩\u200d👧 @user #tag 👍🏽",
        "crlf": "„Ja“, sagte sie.\r\n\r\n“Yes,” she said.\r\n— Name (@handle) 14. März 2025\r\n",
        "lone-cr": "a\rb\r\r„c“\r",
        "line-separators": "eins\u2028zwei\u2029drei\x85vier\x0bfünf\x0csechs",
        "unbalanced-marks": '„ “ ” " » « ‚ ‘ ’ › ‹ “„»«',
        "only-marks": '„“”"»«‚‘’›‹' * 20,
        "control-chars": "".join(chr(code) for code in range(32)) + "\x7f\x80\x9f",
        "private-use-and-max": "\ue000\U000f0000\U0010ffff\ufffe\uffff",
        "date-soup": "14. 3. 2025 2025-03- 12.03. März 1. 31.02.2025 99.99.9999 0/0/0 2025-13-45",
    }
    if large_size > 0:
        unit = large_size // 10
        texts.update(
            {
                "one-line-1mb": ("Wort " * (large_size // 5))[:large_size],
                "quote-marks-1mb": ('„“"»«”‚‘' * (large_size // 8 + 1))[:large_size],
                "nested-marks": "„‚" * unit + "x" + "‘“" * unit,
                "at-and-hash": "@#" * (large_size // 20) + " @a #b" * (large_size // 60),
                "date-soup-1mb": ("14. März 2025, 3.14.2025 2025-03-1 " * (large_size // 35 + 1))[
                    :large_size
                ],
                "many-lines": "\n" * (large_size // 10) + "\r\n" * (large_size // 20),
            }
        )
    return texts


#: The small hostile texts, by name (the 1 MB ones come from :func:`hostile_texts`).
HOSTILE_TEXTS: Final = hostile_texts(large_size=0)


# ------------------------------------------------------------------ the checks


def _name(extractor: object) -> str:
    name = getattr(extractor, "name", None)
    return name if isinstance(name, str) and name else repr(extractor)


def _fail(extractor: object, rule: str, detail: str) -> ContractViolation:
    return ContractViolation(_name(extractor), rule, detail)


def check_declarations(extractor: object) -> None:
    """Rule 1 without running anything: the attributes the pipeline relies on."""
    name = getattr(extractor, "name", None)
    if not isinstance(name, str) or not name:
        raise _fail(extractor, "declares", f"name must be a non-empty str, got {name!r}")
    if not callable(extractor):
        raise _fail(extractor, "declares", "is not callable: define __call__(self, doc, /) -> Document")
    for attr in ("requires", "provides", "after", "before"):
        value = getattr(extractor, attr, ())
        if attr in {"requires", "provides"} and not hasattr(extractor, attr):
            raise _fail(extractor, "declares", f"has no {attr!r}: declare a tuple of layer names")
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise _fail(extractor, "declares", f"{attr} must be a sequence of names, got {value!r}")
        if not all(isinstance(item, str) and item for item in value):
            raise _fail(extractor, "declares", f"{attr} must hold non-empty strs, got {value!r}")
    for layer in extractor.provides:  # type: ignore[attr-defined]
        namespace, dot, rest = layer.partition(".")
        if layer not in BUILTIN_LAYERS and not (namespace and dot and rest):
            raise _fail(
                extractor,
                "declares",
                f"provides {layer!r}, which is neither a built-in layer ({sorted(BUILTIN_LAYERS)}) "
                "nor a namespaced extension layer such as 'myplugin.layer'",
            )


def _rebuilt(doc: Document) -> Document:
    """``doc`` constructed afresh, so every validator and the span invariant run again."""
    return Document(**{field.name: getattr(doc, field.name) for field in attrs.fields(Document)})


def _check_output(extractor: Extractor, doc: Document, result: object) -> Document:
    """Rules 2-4 for one call."""
    if not isinstance(result, Document):
        raise _fail(extractor, "returns a Document", f"returned {type(result).__name__}")
    try:
        _rebuilt(result)
    except (ValueError, TypeError) as error:
        raise _fail(extractor, "keeps the span invariant", str(error)) from error
    provides = set(extractor.provides)
    if result.text != doc.text:
        raise _fail(extractor, "returns a Document", "changed the text; extractors may only add layers")
    if result.id != doc.id:
        raise _fail(extractor, "returns a Document", f"changed the id {doc.id!r} to {result.id!r}")
    for layer, fields in _DECLARABLE_FIELDS.items():
        for field in fields:
            if layer not in provides and getattr(result, field) != getattr(doc, field):
                raise _fail(
                    extractor,
                    "keeps upstream layers",
                    f"changed {field} from {getattr(doc, field)!r} to {getattr(result, field)!r} "
                    f"without declaring {layer!r} in provides",
                )
    for layer in LAYERS:
        if layer not in provides and getattr(result, layer) != getattr(doc, layer):
            raise _fail(
                extractor,
                "keeps upstream layers",
                f"changed the {layer!r} layer ({len(getattr(doc, layer))} items in, "
                f"{len(getattr(result, layer))} out) without declaring it in provides",
            )
    if result.diagnostics[: len(doc.diagnostics)] != doc.diagnostics:
        raise _fail(
            extractor, "keeps upstream layers", "changed or dropped diagnostics; append new ones only"
        )
    for layer in sorted(set(doc.extensions) | set(result.extensions)):
        if layer not in provides and doc.extensions.get(layer) != result.extensions.get(layer):
            raise _fail(
                extractor,
                "keeps upstream layers",
                f"changed the extension layer {layer!r} without declaring it in provides",
            )
    return result


def _snapshot(doc: Document) -> dict[str, Any]:
    return to_dict(doc)


def check_document(extractor: Extractor, doc: Document) -> Document:
    """Run ``extractor`` on ``doc`` and check rules 2-7 there; returns the extractor's output.

    Use it in your own property tests::

        @given(quotekit.testing.strategies.documents())
        def test_contract(doc):
            check_document(MyExtractor(), doc)
    """
    before = _snapshot(doc)
    twin = attrs.evolve(doc)
    try:
        result = extractor(doc)
    except Exception as error:
        raise _fail(
            extractor,
            "survives arbitrary Unicode",
            f"raised {type(error).__name__}: {error} on text {doc.text[:80]!r} ({len(doc.text)} chars)",
        ) from error
    checked = _check_output(extractor, doc, result)
    if _snapshot(doc) != before:
        raise _fail(extractor, "does not mutate its input", "the input document changed during the call")
    try:
        again = extractor(twin)
    except Exception as error:
        raise _fail(
            extractor, "is deterministic", f"raised {type(error).__name__} on a second, equal input: {error}"
        ) from error
    if again != checked:
        differing = [
            f.name for f in attrs.fields(Document) if getattr(again, f.name) != getattr(checked, f.name)
        ]
        raise _fail(
            extractor,
            "is deterministic",
            f"two calls on equal documents differ in {differing} (text {doc.text[:60]!r})",
        )
    return checked


class _OnePlugin:
    """A plugin object that hands one extractor to the registry (replacing a namesake)."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    @hookimpl
    def quotekit_register_extractors(self, registry: ExtractorRegistry) -> None:
        if self.extractor.name in {entry.extractor.name for entry in registry.entries()}:
            registry.replace(self.extractor)
        else:
            registry.add(self.extractor)


def _upstream(
    extractor: Extractor, upstream: Callable[[str], Document] | None, plugins: Sequence[object]
) -> Callable[[str], Document]:
    """How a text becomes the document the extractor receives: the chain before it."""
    if upstream is not None:
        return upstream
    try:
        pipeline = Pipeline(autoload=False, plugins=plugins)
        if extractor.name in pipeline.names:  # a built-in it replaces, or its own plugin's
            pipeline = Pipeline(autoload=False, plugins=plugins, disable=[extractor.name])
    except PipelineError:
        return Document.from_text
    return pipeline.extract


#: The defaults of :func:`check_extractor` by profile.
PROFILES: Final[Mapping[str, Mapping[str, int]]] = {
    "quick": {"max_examples": 20, "large_size": 100_000},
    "thorough": {"max_examples": 100, "large_size": 1_000_000},
}
PROFILE_ENV: Final = "QUOTEKIT_CHECK_PROFILE"


def _profile(name: str | None) -> Mapping[str, int]:
    chosen = name or os.environ.get(PROFILE_ENV, "").strip() or "quick"
    if chosen not in PROFILES:
        msg = f"profile must be one of {sorted(PROFILES)}, got {chosen!r}"
        raise ValueError(msg)
    return PROFILES[chosen]


def check_extractor(  # noqa: PLR0913 - keyword-only knobs, each documented
    extractor: Extractor,
    *,
    documents: Iterable[Document] = (),
    texts: Mapping[str, str] | Sequence[str] | None = None,
    upstream: Callable[[str], Document] | None = None,
    max_examples: int | None = None,
    large_size: int | None = None,
    in_pipeline: bool = True,
    plugins: Iterable[object] = (),
    profile: str | None = None,
) -> ContractReport:
    """Check that ``extractor`` keeps the extractor contract; raise :class:`ContractViolation` if not.

    It is run on: every text of :func:`hostile_texts` (``large_size`` sets the size of the big
    ones; 0 skips them) and of ``texts``, each first passed through ``upstream`` (default: the
    built-in chain without this extractor, so upstream layers are filled); every document in
    ``documents``; and ``max_examples`` documents drawn from
    :func:`quotekit.testing.strategies.documents`, with every layer filled (needs hypothesis;
    0 skips them; derandomized, so a run is repeatable). With ``in_pipeline=True`` it also
    checks the extractor fits a pipeline of the built-ins and that it runs there without an
    error diagnostic. ``plugins`` adds plugin objects or modules to those pipelines (and to the
    default ``upstream``): the ones providing layers your extractor requires.

    ``profile`` sets the defaults of ``max_examples`` and ``large_size``: ``"quick"`` (20
    documents, 100 kB inputs: a few seconds, for a test suite run often) or ``"thorough"``
    (100 documents, 1 MB inputs: for CI and nox). Without it, the ``QUOTEKIT_CHECK_PROFILE``
    environment variable chooses, else ``"quick"``.
    """
    defaults = _profile(profile)
    max_examples = defaults["max_examples"] if max_examples is None else max_examples
    large_size = defaults["large_size"] if large_size is None else large_size
    plugins = tuple(plugins)
    check_declarations(extractor)
    make_input = _upstream(extractor, upstream, plugins)
    named = hostile_texts(large_size=large_size)
    if isinstance(texts, Mapping):
        named.update(texts)
    elif texts is not None:
        named.update({f"texts[{index}]": text for index, text in enumerate(texts)})
    for label, text in named.items():
        try:
            doc = make_input(text)
        except Exception as error:
            msg = f"upstream could not build the input for {label!r}: {type(error).__name__}: {error}"
            raise RuntimeError(msg) from error
        try:
            check_document(extractor, doc)
        except ContractViolation as violation:
            detail = f"{violation.detail} [input: hostile text {label!r}]"
            raise ContractViolation(violation.extractor, violation.rule, detail) from violation.__cause__
    given = 0
    for doc in documents:
        check_document(extractor, doc)
        given += 1
    generated = _check_generated(extractor, max_examples) if max_examples > 0 else 0
    if in_pipeline:
        _check_in_pipeline(extractor, plugins)
    return ContractReport(extractor=extractor.name, hostile=len(named), given=given, generated=generated)


def _check_in_pipeline(extractor: Extractor, plugins: Sequence[object]) -> None:
    """The extractor joins a pipeline of the built-ins, and runs there without failing."""
    try:
        pipeline = Pipeline(autoload=False, plugins=[*plugins, _OnePlugin(extractor)])
    except PipelineError as error:
        raise _fail(extractor, "declares", f"does not fit the built-in chain: {error}") from error
    for text in ("„Wir sind bereit“, sagte Anna Berger am 14. März 2025.\nShare on Facebook", "\ud800\x00"):
        failures = [d.message for d in pipeline.extract(text).errors if d.extractor == extractor.name]
        if failures:
            raise _fail(extractor, "works in the pipeline", f"failed there on {text!r}: {failures[0]}")


def _check_generated(extractor: Extractor, max_examples: int) -> int:
    """Run :func:`check_document` on generated documents; returns how many were run."""
    from hypothesis import HealthCheck, Phase, given, settings

    from quotekit.testing.strategies import documents

    count = 0

    @settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
    )
    @given(documents())
    def contract_holds(doc: Document) -> None:
        nonlocal count
        count += 1
        check_document(extractor, doc)

    contract_holds()
    return count
