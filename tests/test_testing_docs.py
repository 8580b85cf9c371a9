"""docs/testing.md stays true: its code blocks, joined, form a test module that passes."""

import re
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

DOC = Path(__file__).resolve().parents[1] / "docs" / "testing.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_the_worked_example_runs(pytester: pytest.Pytester):
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    pytester.makepyfile(test_worked_example="\n\n".join(blocks))
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    tests = sum(block.count("\ndef test_") + block.startswith("def test_") for block in blocks)
    result.assert_outcomes(passed=tests)


def test_every_public_name_is_documented():
    import quotekit.testing
    from quotekit.testing import strategies

    text = DOC.read_text(encoding="utf-8")
    for name in [*quotekit.testing.__all__, *strategies.__all__]:
        if name in {
            "strategies",
            "ContractReport",
            "Planted",
            "PlantedBoilerplate",
            "PlantedPost",
            "PlantedQuote",
            "PlantedTimex",
            "HOSTILE_TEXTS",
        }:
            continue
        assert name in text, f"{name} is not in docs/testing.md"
