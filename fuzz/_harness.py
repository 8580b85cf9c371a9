"""What every fuzz harness shares: turning fuzzer bytes into text, and checking a document.

A harness fails (atheris records a crash) when quotekit raises, when an extractor fails
inside the pipeline (an error diagnostic), or when an output span does not fit the text.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris
import attrs

with atheris.instrument_imports(include=["quotekit"]):
    import quotekit
    from quotekit.model import Document
    from quotekit.pipeline import Pipeline

PIPELINE = Pipeline(autoload=False)


def text_from(data: bytes) -> str:
    """Fuzzer bytes as text, three ways: UTF-8 as a reader would decode it, or any code points."""
    if not data:
        return ""
    mode, rest = data[0] % 3, data[1:]
    if mode == 0:
        return rest.decode("utf-8", errors="surrogateescape")
    if mode == 1:
        return rest.decode("utf-8", errors="replace")
    provider = atheris.FuzzedDataProvider(rest)
    return provider.ConsumeUnicode(len(rest))


def check(doc: Document, text: str, where: str) -> None:
    """Raise if ``doc`` lost the text, carries a failed extractor, or has a misplaced span."""
    problem = ""
    if not isinstance(doc, Document):
        problem = f"{where} returned {type(doc).__name__}"
    elif doc.text != text:
        problem = f"{where} changed the text"
    elif doc.errors:
        problem = f"{where}: {doc.errors[0].extractor} failed: {doc.errors[0].message}"
    else:
        for layer, span in doc.spans():
            if text[span.start : span.end] != span.text:
                problem = f"{where}: {layer} span {span.start}-{span.end} does not fit"
    if problem:
        raise AssertionError(problem)
    # Rebuilding runs every validator again, including the span invariant on nested spans.
    Document(**{field.name: getattr(doc, field.name) for field in attrs.fields(Document)})


def extractor_harness(name: str) -> Callable[[bytes], None]:
    """A TestOneInput for the built-in extractor ``name``, called directly on its upstream."""
    extractor = {e.name: e for e in PIPELINE.extractors}[name]
    upstream = Pipeline(autoload=False, disable=[name])

    def test_one_input(data: bytes) -> None:
        text = text_from(data)
        for doc in (Document.from_text(text), upstream.extract(text)):
            check(extractor(doc), text, name)

    return test_one_input


def main(test_one_input: Callable[[bytes], None]) -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


__all__ = ["PIPELINE", "check", "extractor_harness", "main", "quotekit", "text_from"]
