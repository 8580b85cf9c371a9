"""Input readers at the edge: what a user holds (an HTML page) turned into a Document's input."""

from quotekit.readers.html import HtmlPage, extract_html, read_html

__all__ = ["HtmlPage", "extract_html", "read_html"]
