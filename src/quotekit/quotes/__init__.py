"""Quotations and who said them."""

from quotekit.quotes.extractor import QuoteAttributor

__all__ = ["QuoteAttributor"]
