"""Shared limits for regular expressions that run over user text.

Every pattern quotekit applies to input text is written to run in linear time; the timeout is
the last guard should one not (a ``TimeoutError`` from ``regex`` becomes a ``regex-timeout``
diagnostic naming the extractor, and the other extractors still run).
"""

from typing import Final

#: Seconds one regex call over user text may take. Generous: a 10 MB document scans in well
#: under a second with linear patterns, so reaching this means a pattern misbehaves.
TIMEOUT_S: Final = 10.0
