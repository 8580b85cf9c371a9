"""Bytes of a saved page to text: BOM, then the declared charset, then UTF-8, then Windows-1252.

Browsers decide the same way (the WHATWG encoding sniffing steps, shortened): a byte-order mark
wins, then ``<meta charset>`` or ``http-equiv`` in the first kilobytes, then the bytes
themselves. A caller's ``encoding`` overrides everything.
"""

from __future__ import annotations

import codecs
from typing import Final

import regex

from quotekit._regex import TIMEOUT_S

__all__ = ["decode_html", "looks_like_html"]

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Where browsers look for the declaration (the spec's 1024 bytes, with room for long heads).
_PRESCAN: Final = 4096
_CHARSET = regex.compile(
    rb"""<meta[^>]{0,512}+charset\s*+=\s*+["']?+([a-z0-9_:.-]{1,40}+)""", regex.IGNORECASE
)
_HTML_START = regex.compile(
    r"\A\s*+(?:<!--[^>]{0,200}+>\s*+)?+<(?:!doctype\s++html|html|head|body|meta|div|p)\b", regex.IGNORECASE
)


def declared_encoding(data: bytes) -> str | None:
    """The encoding a BOM or a ``<meta>`` in the page's head declares, if Python knows it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    match = _CHARSET.search(data[:_PRESCAN], timeout=TIMEOUT_S)
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # The HTML standard reads a declared Latin-1 or ASCII page as Windows-1252, as browsers do.
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def decode_html(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``data`` as text and the encoding used; undecodable bytes become U+FFFD, never an error."""
    if encoding is not None:
        return data.decode(encoding, errors="replace"), encoding
    name = declared_encoding(data)
    if name is not None:
        text = data.decode(name, errors="replace")
        return text.removeprefix("\ufeff"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML page or fragment (a doctype or a top-level tag)."""
    return _HTML_START.match(text[:400], timeout=TIMEOUT_S) is not None
