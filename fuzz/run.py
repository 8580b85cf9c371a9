"""Run every fuzz harness for a bounded time and report executions and crashes.

    python fuzz/run.py --seconds 60              # every harness, 60 s each
    python fuzz/run.py --seconds 10 extract dates

Each harness runs in its own process (libFuzzer through atheris) with ``-max_total_time``;
its growing corpus is kept in ``fuzz/corpus/NAME`` (git-ignored) and seeded from
``fuzz/seeds``; a crashing input is written to ``fuzz/crashes/NAME-...``. Turn every crash
into a regression test in ``tests/test_properties_fuzz_regressions.py``. Exit status 1 if any
harness crashed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESSES = ("extract", "cli_jsonl", "language", "posts", "dates", "quotes", "boilerplate")
SEEDS = {"cli_jsonl": HERE / "seeds" / "jsonl"}
DONE = re.compile(r"Done (\d+) runs in (\d+) second")
PROGRESS = re.compile(r"#(\d+)\s")


def run(name: str, seconds: int, max_len: int) -> tuple[int, float, list[Path], str]:
    corpus = HERE / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    crashes = HERE / "crashes"
    crashes.mkdir(exist_ok=True)
    before = set(crashes.glob(f"{name}-*"))
    command = [
        sys.executable,
        str(HERE / f"fuzz_{name}.py"),
        f"-max_total_time={seconds}",
        f"-max_len={max_len}",
        "-rss_limit_mb=4096",
        "-timeout=30",
        f"-artifact_prefix={crashes}/{name}-",
        str(corpus),
        str(SEEDS.get(name, HERE / "seeds" / "text")),
    ]
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 - runs our own harness with our own interpreter
        command, capture_output=True, text=True, errors="replace", check=False, cwd=HERE
    )
    elapsed = time.monotonic() - started
    log = result.stderr
    done = DONE.findall(log)
    executions = int(done[-1][0]) if done else max((int(n) for n in PROGRESS.findall(log)), default=0)
    found = sorted(set(crashes.glob(f"{name}-*")) - before)
    tail = "" if result.returncode == 0 else "\n".join(log.splitlines()[-25:])
    return executions, elapsed, found, tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "harnesses", nargs="*", choices=[*HARNESSES, []], metavar="NAME", help=f"of {HARNESSES}"
    )
    parser.add_argument("--seconds", type=int, default=60, help="time per harness (default 60)")
    parser.add_argument("--max-len", type=int, default=8192, help="longest input in bytes (default 8192)")
    args = parser.parse_args()
    total, crashed = 0, False
    print(f"{'harness':12} {'executions':>11} {'seconds':>8}  result")
    for name in args.harnesses or HARNESSES:
        executions, elapsed, found, tail = run(name, args.seconds, args.max_len)
        total += executions
        result = "ok" if not found and not tail else f"CRASH {', '.join(p.name for p in found)}"
        crashed = crashed or result != "ok"
        print(f"{name:12} {executions:>11,} {elapsed:>8.0f}  {result}", flush=True)
        if tail:
            print(tail)
    print(f"{'total':12} {total:>11,}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
