"""Temporal expressions with TimeML TIMEX3 types and normalized values.

:class:`DateNormalizer` is the pipeline's ``dates`` extractor; :func:`normalize` reads one
expression on its own: ``normalize("am Freitag", anchor="2025-03-14", lang="de")``.
"""

from quotekit.dates.api import normalize
from quotekit.dates.extractor import DateNormalizer

__all__ = ["DateNormalizer", "normalize"]
