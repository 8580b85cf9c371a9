"""Embedded social-media posts: tweets and other embeds as they read in scraped text or HTML."""

from quotekit.posts.extractor import PostParser
from quotekit.posts.html import extract_html

__all__ = ["PostParser", "extract_html"]
