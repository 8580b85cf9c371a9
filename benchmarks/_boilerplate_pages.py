# Copyright (c) 2026 the quotekit developers. Licensed under the MIT licence.
"""The annotated boilerplate pages and their scorer, beside the project in ``../shared``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
DEFAULT_CORPUS = SHARED / "corpora" / "boilerplate" / "dev.jsonl"


def load_pages(argv: list[str]) -> tuple[Path, list[dict[str, Any]]] | None:
    """The corpus named on the command line (or the dev pages) and its records.

    ``None``, after saying what is missing, when the corpus or the scorer is not there.
    """
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    if not corpus.exists() or not SCORER.exists():
        print(f"needs {corpus} and {SCORER} (the shared corpora beside the project)")
        return None
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return corpus, records
