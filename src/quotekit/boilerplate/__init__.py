"""Marks what is not article content, deleting nothing."""

from quotekit.boilerplate.extractor import BoilerplateStripper

__all__ = ["BoilerplateStripper"]
