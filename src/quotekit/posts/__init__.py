"""Embedded social-media posts: tweets and other embeds as they read in scraped text."""

from quotekit.posts.extractor import PostParser

__all__ = ["PostParser"]
