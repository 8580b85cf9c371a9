"""The bookkeeping of benchmarks/compare.py: its marked section, its dateparser values, its floor.

Nothing here times anything (speed is measured by the benchmark itself, never in unit tests).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_compare", ROOT / "benchmarks" / "compare.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_compare", module)
    spec.loader.exec_module(module)
    return module


def test_write_section_replaces_only_the_marked_part(tmp_path: Path) -> None:
    compare = _compare()
    page = tmp_path / "performance.md"
    page.write_text(
        f"# Performance\nkept above\n{compare.START}\nold figures\n{compare.END}\nkept below\n",
        encoding="utf-8",
    )
    compare.write_section(page, "new figures\n")
    assert page.read_text(encoding="utf-8") == (
        f"# Performance\nkept above\n{compare.START}\nnew figures\n{compare.END}\nkept below\n"
    )


def test_write_section_appends_markers_when_absent(tmp_path: Path) -> None:
    compare = _compare()
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n\nwritten by someone else\n", encoding="utf-8")
    compare.write_section(page, "figures\n")
    compare.write_section(page, "figures again\n")  # a second run replaces, never appends twice
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nwritten by someone else\n")
    assert text.count(compare.START) == 1
    assert "figures again\n" in text
    assert "figures\n<!--" not in text


def test_dateparser_values_keep_the_precision_dateparser_reports() -> None:
    compare = _compare()
    moment = dt.datetime(2024, 3, 7, 14, 30)  # noqa: DTZ001 - dateparser returns naive datetimes
    midnight = dt.datetime(2024, 3, 7)  # noqa: DTZ001
    assert compare._timex_value(moment, "year") == ("2024", "DATE")
    assert compare._timex_value(moment, "month") == ("2024-03", "DATE")
    assert compare._timex_value(moment, "day") == ("2024-03-07", "DATE")
    assert compare._timex_value(moment, "time") == ("2024-03-07T14:30", "TIME")
    assert compare._timex_value(midnight, None) == ("2024-03-07", "DATE")


def test_floor_counts_marks_and_words() -> None:
    compare = _compare()
    texts = ['He said: "yes" and \u201cno\u201d.', "\u201eJa\u201c, sagte sie.", ""]
    (counts,) = compare.floor_side(texts)()
    assert counts == {"marks": 6, "words": 8}
