"""A real third-party plugin package, installed in the test run, found through its entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[1] / "examples" / "plugin"
TEXT = "BREAKING: Die Ministerin sagte am Montag, der Plan sei fertig.\n"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin installed by pip into a folder of its own (quotekit itself is not)."""
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"pip could not install the example plugin:\n{result.stderr[-2000:]}")
    assert list(target.glob("quotekit_example_plugin-*.dist-info/entry_points.txt"))
    return target


def quotekit_cli(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEKIT_")}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), environment.get("PYTHONPATH")]))
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "quotekit", *args],
        input=TEXT,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_the_installed_plugin_adds_its_layer(plugin_site: Path) -> None:
    result = quotekit_cli(plugin_site, "extract", "--format", "jsonl", "-")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    marks = doc["extensions"]["example.shouting"]
    assert [(m["start"], m["end"], m["text"], m["label"]) for m in marks] == [(0, 8, "BREAKING", "shouting")]


def test_plugins_lists_it_with_its_origin_and_place(plugin_site: Path) -> None:
    result = quotekit_cli(plugin_site, "plugins")
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()[1:]]
    names = [row[1] for row in rows]
    assert names[-1] == "example.shouting"  # it declared after=("boilerplate",)
    # the plugin column names the distribution and the entry point (issue 19, item 5)
    assert rows[-1][2] == "quotekit-example-plugin"
    assert "(entry point example = " in result.stdout.splitlines()[-1]
    assert names.index("example.shouting") > names.index("boilerplate")


def test_disabling_autoload_removes_it(plugin_site: Path) -> None:
    result = quotekit_cli(
        plugin_site, "extract", "--format", "jsonl", "-", QUOTEKIT_DISABLE_PLUGIN_AUTOLOAD="1"
    )
    assert result.returncode == 0, result.stderr
    assert "example.shouting" not in json.loads(result.stdout)["extensions"]


def test_blocking_one_plugin_by_name(plugin_site: Path) -> None:
    result = quotekit_cli(plugin_site, "plugins", QUOTEKIT_DISABLE_PLUGINS="example")
    assert result.returncode == 0, result.stderr
    assert "example.shouting" not in result.stdout
