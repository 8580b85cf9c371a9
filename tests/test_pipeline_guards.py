"""Issue 19, items 2-5 and 9: broken plugins, the contract at the door, time budgets, naming.

Each test starts from a failure an audit produced: a plugin that breaks every call, an
extractor that drops or smuggles layers unreported, an extractor that runs too long, a
diagnostic that does not say whose it is, hundreds of thousands of identical diagnostics.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import quotekit
from quotekit import Annotation, Diagnostic, Document, ExtractorError, Pipeline, PipelineError
from quotekit._plugins import PluginWarning
from quotekit.pipeline import MAX_DIAGNOSTICS_PER_KIND

TEXT = "„Wir sind bereit“, sagte die Ministerin am Freitag."


def install_fake_plugin(site: Path, name: str, module_source: str) -> None:
    """A distribution ``name`` 1.0 on ``site`` whose ``quotekit`` entry point is its module."""
    module = name.replace("-", "_")
    (site / f"{module}.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[quotekit]\n{module} = {module}\n", encoding="utf-8")


IMPORT_FAILS = """
raise ImportError("needs a library that is not installed")
"""

HOOK_RAISES = """
import quotekit

@quotekit.hookimpl
def quotekit_language_data(registry):
    registry.add("xx", "function_words", ["half", "done"])

@quotekit.hookimpl
def quotekit_register_extractors(registry):
    raise RuntimeError("cannot register")
"""

MISSPELT_HOOK = """
import quotekit

@quotekit.hookimpl
def quotekit_register_extractor(registry):
    pass
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("QUOTEKIT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("QUOTEKIT_DISABLE_PLUGINS", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


class TestBrokenInstalledPlugins:
    @pytest.mark.parametrize(
        ("source", "stage"),
        [
            (IMPORT_FAILS, "import"),
            (HOOK_RAISES, "quotekit_register_extractors"),
            (MISSPELT_HOOK, "registration"),
        ],
    )
    def test_the_pipeline_is_built_without_it(self, site: Path, source: str, stage: str) -> None:
        name = f"broken-at-{stage.replace('_', '-')}"  # a module name of its own: no import cache
        module = name.replace("-", "_")
        install_fake_plugin(site, name, source)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pipeline = Pipeline()
        assert pipeline.names == ("language", "posts", "dates", "quotes", "boilerplate")
        doc = pipeline.extract(TEXT)
        assert doc.quotes, "the built-ins still run"
        [failure] = [d for d in doc.diagnostics if d.code == "plugin-failed"]
        assert failure.plugin == f"{name} 1.0 (entry point {module} = {module})"
        assert stage in failure.message
        assert [str(w.message) for w in caught if w.category is PluginWarning] == [failure.message]

    def test_what_a_failing_plugin_registered_is_rolled_back(self, site: Path) -> None:
        install_fake_plugin(site, "half-plugin", HOOK_RAISES)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PluginWarning)
            pipeline = Pipeline()
        assert "xx" not in pipeline.language_data.languages

    def test_it_warns_once_per_process(self, site: Path) -> None:
        install_fake_plugin(site, "noisy-plugin", IMPORT_FAILS)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            Pipeline()
            Pipeline(disable=["boilerplate"])
        assert len([w for w in caught if w.category is PluginWarning]) == 1

    def test_strict_raises_a_pipeline_error(self, site: Path) -> None:
        install_fake_plugin(site, "strict-plugin", HOOK_RAISES)
        with pytest.raises(PipelineError, match=r"strict-plugin 1\.0 .*cannot register"):
            Pipeline(strict=True)

    def test_the_cli_warns_once_and_goes_on_or_stops_in_strict_mode(self, site: Path) -> None:
        install_fake_plugin(site, "cli-plugin", IMPORT_FAILS)
        env = {"PYTHONPATH": f"{site}{':' + p if (p := _pythonpath()) else ''}"}
        lenient = _cli(env, "extract", "--format", "jsonl", "-")
        assert lenient.returncode == 0, lenient.stderr
        assert lenient.stderr.count("cli-plugin 1.0") == 1
        assert "Traceback" not in lenient.stderr
        strict = _cli(env, "extract", "--strict", "-")
        assert strict.returncode == 2
        assert strict.stderr.startswith("quotekit: cannot build the pipeline: plugin cli-plugin 1.0")
        assert "Traceback" not in strict.stderr


def _pythonpath() -> str:
    import os

    return os.environ.get("PYTHONPATH", "")


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    import os

    environment = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEKIT_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "quotekit", *args],
        input=TEXT,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


# ---------------------------------------------------------------- the contract at the door


@attrs.frozen
class Rogue:
    """An extractor that breaks the contract in the way ``how`` names."""

    how: str
    name: str = "rogue"
    requires: tuple[str, ...] = ("lang",)
    provides: tuple[str, ...] = ("rogue.layer",)

    def __call__(self, doc: Document, /) -> Document:
        if self.how == "drops-upstream":
            return Document.from_text(doc.text)
        if self.how == "mutates-input":
            object.__setattr__(doc, "quotes", ())
            return doc
        if self.how == "smuggles-span":
            result = doc.with_extension(
                "rogue.layer", [Annotation(start=0, end=1, text=doc.text[0], label="x")]
            )
            bad = Annotation(start=0, end=1, text=doc.text[0], label="x")
            object.__setattr__(bad, "text", "not the text")
            object.__setattr__(result, "extensions", {"rogue.layer": (bad,)})
            return result
        if self.how == "drops-diagnostics":
            return doc.evolve(diagnostics=())
        msg = self.how
        raise AssertionError(msg)


@functools.cache
def _builtins() -> tuple[Any, ...]:
    return Pipeline(autoload=False).extractors


def _builtins_then(extractor: Any, **kwargs: Any) -> Pipeline:
    """The built-in extractors (built once) and then ``extractor``."""
    return Pipeline([*_builtins(), extractor], autoload=False, **kwargs)


@pytest.mark.parametrize("how", ["drops-upstream", "mutates-input", "smuggles-span", "drops-diagnostics"])
def test_a_contract_violation_is_reported_and_the_document_kept(how: str) -> None:
    clean = Pipeline(_builtins(), autoload=False).extract(TEXT + " „offen")
    doc = _builtins_then(Rogue(how)).extract(TEXT + " „offen")
    [violation] = [d for d in doc.diagnostics if d.code == "contract-violation"]
    assert violation.extractor == "rogue"
    assert violation.plugin == "<direct>"
    assert doc.quotes == clean.quotes
    assert doc.timexes == clean.timexes
    assert doc.diagnostics[: len(clean.diagnostics)] == clean.diagnostics
    assert "rogue.layer" not in doc.extensions


@pytest.mark.parametrize("how", ["drops-upstream", "mutates-input", "smuggles-span"])
def test_a_contract_violation_raises_in_strict_mode(how: str) -> None:
    with pytest.raises(ExtractorError, match="contract"):
        _builtins_then(Rogue(how), strict=True).extract(TEXT)


def test_rebuilding_an_equal_layer_is_no_violation() -> None:
    @attrs.frozen
    class Copier:
        name: str = "copier"
        requires: tuple[str, ...] = ("quotes",)
        provides: tuple[str, ...] = ()

        def __call__(self, doc: Document, /) -> Document:
            return doc.evolve(quotes=list(doc.quotes))  # a new tuple, the same quotes

    doc = _builtins_then(Copier()).extract(TEXT)
    assert not [d for d in doc.diagnostics if d.code == "contract-violation"]
    assert doc.quotes


# ---------------------------------------------------------------- time budgets


@attrs.frozen
class Sleeper:
    seconds: float
    name: str = "sleeper"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("sleeper.layer",)

    def __call__(self, doc: Document, /) -> Document:
        import time

        time.sleep(self.seconds)
        return doc.with_extension("sleeper.layer", [Annotation(start=0, end=1, text=doc.text[0], label="z")])


def test_an_extractor_over_its_budget_is_reported_and_its_layer_left_as_it_came() -> None:
    pipeline = Pipeline([Sleeper(0.05)], autoload=False, options={"sleeper": {"time_budget": 0.001}})
    doc = pipeline.extract("Hallo")
    [over] = doc.diagnostics
    assert (over.code, over.extractor, over.plugin) == ("extractor-over-budget", "sleeper", "<direct>")
    assert "sleeper.layer" not in doc.extensions
    with pytest.raises(ExtractorError, match="budget"):
        Pipeline([Sleeper(0.05)], autoload=False, strict=True, time_budget=0.001).extract("Hallo")


def test_the_default_budget_is_generous_and_grows_with_the_text() -> None:
    pipeline = Pipeline([Sleeper(0.0)], autoload=False)
    assert pipeline.budget("sleeper", 0) is not None
    assert pipeline.budget("sleeper", 0) >= 60  # type: ignore[operator]
    assert pipeline.budget("sleeper", 10**7) > pipeline.budget("sleeper", 0)  # type: ignore[operator]
    assert Pipeline([Sleeper(0.0)], autoload=False, time_budget=None).budget("sleeper", 10) is None
    assert "sleeper.layer" in pipeline.extract("Hallo").extensions


def test_default_pipeline_takes_a_time_budget_option() -> None:
    pipeline = quotekit.default_pipeline(options={"time_budget": 5, "quotes": {"time_budget": None}})
    assert pipeline.budget("dates", 0) == 5
    assert pipeline.budget("quotes", 0) is None


# ---------------------------------------------------------------- naming and capping


def test_diagnostics_name_the_extractor_and_its_plugin() -> None:
    doc = quotekit.extract("„Das bleibt offen, sagte sie.")
    assert doc.diagnostics
    assert {(d.extractor, d.plugin) for d in doc.diagnostics} == {("quotes", "quotekit.builtins")}
    failing = Pipeline([Rogue("unknown")], autoload=False).extract("x")
    assert (failing.diagnostics[0].extractor, failing.diagnostics[0].plugin) == ("rogue", "<direct>")


def test_diagnostics_are_capped_per_kind_with_a_summary() -> None:
    @attrs.frozen
    class Chatty:
        count: int
        name: str = "chatty"
        requires: tuple[str, ...] = ()
        provides: tuple[str, ...] = ()

        def __call__(self, doc: Document, /) -> Document:
            many = [Diagnostic(severity="warning", code="noise", message=str(i)) for i in range(self.count)]
            other = Diagnostic(severity="info", code="other", message="kept")
            return doc.evolve(diagnostics=(*doc.diagnostics, *many, other))

    doc = Pipeline([Chatty(MAX_DIAGNOSTICS_PER_KIND + 250)], autoload=False).extract("x")
    codes = [d.code for d in doc.diagnostics]
    assert codes.count("noise") == MAX_DIAGNOSTICS_PER_KIND
    assert codes.count("other") == 1
    [summary] = [d for d in doc.diagnostics if d.code == "diagnostics-capped"]
    assert "250 more 'noise'" in summary.message
    assert [d.message for d in doc.diagnostics if d.code == "noise"][-1] == str(MAX_DIAGNOSTICS_PER_KIND - 1)


def test_thousands_of_unclosed_marks_give_a_bounded_list_of_diagnostics() -> None:
    doc = quotekit.extract("„" * 5000)
    assert sum(d.code == "unclosed-quote" for d in doc.diagnostics) <= MAX_DIAGNOSTICS_PER_KIND
    assert any(d.code == "diagnostics-capped" for d in doc.diagnostics)


# ---------------------------------------------------------------- extract_many (one process)


def test_a_bad_item_gives_an_error_document_and_the_stream_goes_on() -> None:
    items: list[Any] = [
        "„Ja“, sagte sie.",
        {"id": "n", "text": 7},
        42,
        {"id": "d", "text": "x", "published": "soon"},
        "Gut.",
    ]
    docs = list(quotekit.extract_many(items))
    assert len(docs) == len(items)
    assert [d.errors[0].code if d.errors else None for d in docs] == [
        None,
        "invalid-item",
        "invalid-item",
        "invalid-item",
        None,
    ]
    assert docs[1].id == "n"
    assert "str" in docs[1].errors[0].message
    with pytest.raises(TypeError):
        list(quotekit.extract_many([42], strict=True))
