"""NLP backends: what they must offer, how they are found, and the extractor that runs one.

A backend turns a document's text into the neutral :class:`~quotekit.syntax.Syntax`. Plugins
hand backends to quotekit through the ``quotekit_register_backends(register)`` hook (built-ins
included: ``stanza`` and ``spacy``); ``Pipeline(backend="stanza")`` picks one by name and runs
it as the ``syntax`` extractor before the extractors that read the parse. Registering a backend
costs nothing: a backend imports its library and loads its models only when it first runs.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Protocol, runtime_checkable

from quotekit.model import Diagnostic, Document
from quotekit.syntax import BackendError, Syntax

__all__ = [
    "SYNTAX_LAYER",
    "Backend",
    "BackendError",
    "BackendRegistry",
    "Segment",
    "SyntaxExtractor",
    "paragraphs",
    "require_modules",
]

#: The layer name a backend provides, for extractors to ``require`` or run ``after``.
SYNTAX_LAYER: Final = "syntax"
#: (start, end, language) stretches of a text, as Document.language_segments() gives them.
Segment = tuple[int, int, str]


@runtime_checkable
class Backend(Protocol):
    """What a backend offers.

    ``name`` is what users pass as ``backend=``; ``install`` the command that installs what it
    needs (``pip install 'quotekit[stanza]'``), named in the error when that is missing.
    """

    @property
    def name(self) -> str:
        """The name users choose the backend by."""
        ...

    @property
    def install(self) -> str:
        """The command that installs the backend's libraries."""
        ...

    def check(self) -> None:
        """Raise :class:`BackendError` naming the install command when the libraries are missing.

        Must be cheap: it runs when a pipeline is built, before any model is loaded.
        """
        ...

    def languages(self) -> frozenset[str] | None:
        """The languages it can annotate, or ``None`` for any it has a model for."""
        ...

    def annotate(self, text: str, segments: Sequence[Segment]) -> Syntax:
        """The parse of ``text``, of each (start, end, language) segment given.

        Offsets in the result refer to ``text``. Raises :class:`BackendError` when a model is
        missing, naming the command that gets it.
        """
        ...


def require_modules(backend: str, modules: Sequence[str], install: str) -> None:
    """Raise :class:`BackendError` unless every module in ``modules`` can be imported."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        msg = f"the {backend!r} backend needs {', '.join(missing)}, which is not installed: run {install}"
        raise BackendError(msg)


class BackendRegistry:
    """Handed to ``quotekit_register_backends`` as ``register``: call it with a backend."""

    def __init__(self) -> None:
        self._backends: dict[str, Backend] = {}
        self.current_plugin = "<direct>"

    def __call__(self, backend: Backend) -> None:
        """Register ``backend``; a plugin may replace a backend of the same name."""
        if not isinstance(backend, Backend):
            msg = f"plugin {self.current_plugin!r} registers {backend!r}, which is not a quotekit Backend"
            raise BackendError(msg)
        self._backends[backend.name] = backend

    def snapshot(self) -> dict[str, Backend]:
        """What is registered now, for :meth:`restore` after a plugin's hook fails."""
        return dict(self._backends)

    def restore(self, saved: dict[str, Backend]) -> None:
        """Go back to a :meth:`snapshot`."""
        self._backends = dict(saved)

    @property
    def names(self) -> list[str]:
        """The registered backends' names, sorted."""
        return sorted(self._backends)

    def get(self, name: str) -> Backend:
        """The backend ``name``, checked to be installed; :class:`BackendError` otherwise."""
        backend = self._backends.get(name)
        if backend is None:
            known = ", ".join(self.names) or "none"
            msg = f"no backend named {name!r}; the installed backends are: {known}"
            raise BackendError(msg)
        backend.check()
        return backend


class SyntaxExtractor:
    """The ``syntax`` extractor: runs a backend over the document and sets ``Document.syntax``.

    Segments in languages the backend cannot annotate are left to the rules and reported in one
    ``info`` diagnostic (code ``backend-language``).
    """

    name = "syntax"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = (SYNTAX_LAYER,)
    after: tuple[str, ...] = ("language",)

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def __call__(self, doc: Document, /) -> Document:
        """Return ``doc`` with the backend's parse of its text."""
        known = self.backend.languages()
        segments = [(start, end, lang) for start, end, lang in doc.language_segments() if lang != "und"]
        skipped = sorted({lang for _, _, lang in segments if known is not None and lang not in known})
        segments = [segment for segment in segments if known is None or segment[2] in known]
        syntax = self.backend.annotate(doc.text, segments)
        doc = doc.evolve(syntax=syntax)
        if skipped:
            doc = doc.with_diagnostic(
                Diagnostic(
                    severity="info",
                    code="backend-language",
                    message=(
                        f"the {self.backend.name!r} backend has no model for {', '.join(skipped)}: "
                        "those parts were read by the rules alone"
                    ),
                    extractor=self.name,
                )
            )
        return doc


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]``, trimmed, as (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop == -1 else stop
        left, right = at, stop
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if right > left:
            spans.append((left, right))
        at = stop + 1
    return spans


def parse_paragraphs(
    text: str, segments: Sequence[Segment], parse: Callable[[str, list[str]], Iterable[Any]]
) -> list[tuple[int, Any]]:
    """Each segment's paragraphs parsed in one call per language: ``parse(lang, texts)``.

    A model's batch call is far faster than one call per paragraph, so the paragraphs of all
    segments of one language go together. Returns each parse with the offset of its paragraph
    in ``text``, in text order, as the adapters' ``syntax_from_*`` functions take them.
    """
    by_lang: dict[str, list[tuple[int, int]]] = {}
    for start, end, lang in segments:
        by_lang.setdefault(lang, []).extend(paragraphs(text, start, end))
    parsed: list[tuple[int, Any]] = []
    for lang, spans in by_lang.items():
        docs = parse(lang, [text[start:end] for start, end in spans])
        parsed.extend((start, doc) for (start, _), doc in zip(spans, docs, strict=True))
    parsed.sort(key=lambda item: item[0])
    return parsed
