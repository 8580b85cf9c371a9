"""Temporal expressions with TimeML TIMEX3 types and normalized values."""

from quotekit.dates.extractor import DateNormalizer

__all__ = ["DateNormalizer"]
