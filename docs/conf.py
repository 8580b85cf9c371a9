"""Sphinx configuration: Markdown pages (MyST), the furo theme, the API from docstrings."""

from __future__ import annotations

import quotekit

project = "quotekit"
author = "The quotekit developers"
copyright = "2026, The quotekit developers"  # noqa: A001 - Sphinx reads this name
release = quotekit.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinxarg.ext",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "images", "*.py", "*.json"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = f"quotekit {release}"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
# Links to files outside the site (the noxfile, benchmarks) are plain links on GitHub-style
# Markdown; Sphinx cannot resolve them, and that is no error of the page.
suppress_warnings = ["myst.xref_missing"]
