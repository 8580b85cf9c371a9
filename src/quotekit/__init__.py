"""quotekit: who said what, when, and where it came from, in news-article text.

>>> import quotekit
>>> doc = quotekit.extract("„Wir sind bereit“, sagte die Ministerin am Freitag.")
>>> doc.lang
'de'

The public API is what ``__all__`` lists; everything else is internal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from quotekit.hookspecs import hookimpl
from quotekit.model import (
    Annotation,
    Author,
    BoilerplateSpan,
    Diagnostic,
    Document,
    Entity,
    LanguageSpan,
    Post,
    Quote,
    Span,
    SpanError,
    Speaker,
    Timex,
)
from quotekit.pipeline import (
    Extractor,
    ExtractorError,
    ExtractorRegistry,
    Pipeline,
    PipelineError,
    default_pipeline,
)
from quotekit.render import render, render_table
from quotekit.serialize import from_dict, from_json, to_dict, to_json
from quotekit.syntax import BackendError

try:
    __version__ = version("quotekit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Annotation",
    "Author",
    "BackendError",
    "BoilerplateSpan",
    "Diagnostic",
    "Document",
    "Entity",
    "Extractor",
    "ExtractorError",
    "ExtractorRegistry",
    "LanguageSpan",
    "Pipeline",
    "PipelineError",
    "Post",
    "Quote",
    "Span",
    "SpanError",
    "Speaker",
    "Timex",
    "__version__",
    "extract",
    "extract_html",
    "extract_many",
    "from_dict",
    "from_json",
    "hookimpl",
    "render",
    "render_table",
    "to_dict",
    "to_json",
]


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    backend: str | None = None,
) -> Document:
    """Extract quotes, speakers, dates, embedded posts and boilerplate from ``text``.

    ``lang`` ("de", "en", ...) overrides language detection for the document; ``published``
    (a ``datetime.date``, ``datetime`` or ISO string) anchors relative dates such as "gestern";
    ``options`` may hold ``"disable": [extractor names]`` and per-extractor option mappings.
    A failing extractor is reported in ``Document.diagnostics``; with ``strict=True`` it raises
    :class:`ExtractorError` instead. Non-``str`` text raises ``TypeError``, a ``published``
    that is not a date ``ValueError``. ``backend`` ("stanza", "spacy") adds an NLP parser whose
    parse the quote attributor reads (docs/backends.md); a missing one raises ``BackendError``.
    """
    return default_pipeline(strict=strict, options=options, backend=backend).extract(
        text, lang=lang, published=published
    )


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    lang: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    n_process: int = 1,
    batch_size: int = 16,
    backend: str | None = None,
) -> Iterator[Document]:
    """Extract from many texts, yielding documents lazily and in input order.

    Items are ``str`` or mappings with ``text`` and optional ``id``, ``lang``, ``published``.
    ``n_process > 1`` runs that many worker processes (each loads the ``backend`` once).
    """
    return default_pipeline(strict=strict, options=options, backend=backend).pipe(
        items, lang=lang, published=published, n_process=n_process, batch_size=batch_size
    )


def extract_html(  # noqa: PLR0913 - keyword-only options, each documented
    html: str | bytes,
    url: str | None = None,
    *,
    lang: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    encoding: str | None = None,
    engine: str = "auto",
    learned: bool = False,
) -> Document:
    """Extract from a whole HTML page: its article, metadata and embedded posts.

    ``Document.text`` is all the page's visible text in reading order (one line per block);
    what is not the article is marked in ``Document.boilerplate`` with a reason, so
    ``Document.body`` is the article. Bytes are decoded by BOM or ``<meta charset>`` unless
    ``encoding`` is given. The page's publication date anchors relative dates
    (``published_source="html"``) unless ``published`` is given; title, authors, site name,
    canonical URL and dates are in the ``html.page`` extension layer. ``engine`` is ``"auto"``
    (trafilatura when ``quotekit[html]`` is installed, else quotekit's DOM classifier),
    ``"trafilatura"`` or ``"dom"``. ``learned=True`` adds a learned second look at each line
    (opt-in: it gained on pages like those it was trained on and lost on a corpus left out of
    training). See ``docs/html.md``.
    """
    from quotekit.readers.html import extract_html as _extract_html

    return _extract_html(
        html,
        url,
        lang=lang,
        published=published,
        options=options,
        strict=strict,
        encoding=encoding,
        engine=engine,  # type: ignore[arg-type]  # read_html checks it with a clear message
        learned=learned,
    )


_SUBPACKAGES = frozenset({"boilerplate", "dates", "lang", "posts", "quotes", "readers", "testing"})


def __getattr__(name: str) -> Any:
    # quotekit.dates.normalize(...) works after a plain `import quotekit`, without importing
    # every extractor (and hypothesis, for quotekit.testing) at import time.
    if name in _SUBPACKAGES:
        import importlib

        return importlib.import_module(f"quotekit.{name}")
    msg = f"module 'quotekit' has no attribute {name!r}"
    raise AttributeError(msg)
