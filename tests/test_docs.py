"""The documentation keeps up with the code: every hook and contract field is documented."""

from __future__ import annotations

import inspect
from pathlib import Path

import quotekit
from quotekit import hookspecs

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_hook_is_documented_with_its_signature() -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("quotekit_")]
    assert hooks
    for name in hooks:
        parameters = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert f"`{name}({parameters})`" in text, f"{name} is not documented in docs/plugins.md"


def test_every_hook_has_a_test() -> None:
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    for name in (n for n in dir(hookspecs) if n.startswith("quotekit_")):
        assert f"def {name}(" in tests, f"no test implements {name}"


def test_every_json_field_is_documented() -> None:
    text = (DOCS / "json.md").read_text(encoding="utf-8")
    doc = quotekit.to_dict(quotekit.extract("Test."))
    for key in doc:
        assert f'"{key}"' in text, f"{key} is missing from docs/json.md"


def test_builtin_extractors_are_documented() -> None:
    text = (DOCS / "plugins.md").read_text(encoding="utf-8")
    for name in quotekit.Pipeline(autoload=False).names:
        assert f"| `{name}` |" in text


def test_every_page_is_in_the_site() -> None:
    # the site's table of contents globs every page; the quickstart and references come first
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert ":glob:" in index
    for page in ("quickstart", "api", "cli"):
        assert (DOCS / f"{page}.md").exists()
        assert f"\n{page}\n" in index


def test_the_cli_reference_is_generated_from_the_parser() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert ":module: quotekit.cli" in text
