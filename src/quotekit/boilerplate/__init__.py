# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""Marks what is not article content, deleting nothing."""

from quotekit.boilerplate.extractor import BoilerplateStripper

__all__ = ["BoilerplateStripper"]
