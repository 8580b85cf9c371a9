"""The ``quotekit`` command line.

``quotekit extract FILE...`` extracts from plain-text files (``-`` for standard input);
``quotekit extract --jsonl IN.jsonl [-o OUT.jsonl]`` from JSON lines with ``text`` and optional
``id``, ``lang`` and ``published``; ``quotekit plugins`` lists the extractors in run order.
A bad input record is reported on stderr with its file and line, gets an output line with an
``error`` field, and the run goes on; the exit status is 1 when any record failed.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import regex

from quotekit import __version__
from quotekit._regex import TIMEOUT_S
from quotekit.model import Document
from quotekit.pipeline import ExtractorError, Pipeline, PipelineError, default_pipeline
from quotekit.render import render, render_index, render_table
from quotekit.serialize import from_dict, to_dict

EXIT_OK, EXIT_RECORD_FAILED, EXIT_USAGE = 0, 1, 2
#: Bytes that are not UTF-8 reach us as lone surrogates through errors="surrogateescape".
_UNDECODABLE = regex.compile("[\udc80-\udcff]")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotekit",
        description="Who said what, when, and where it came from: quotes with their speakers, dates, "
        "embedded posts and boilerplate from news text.",
        epilog="'quotekit COMMAND --help' describes a command. Documentation: the docs/ folder, "
        "or the site 'nox -s docs' builds.",
    )
    parser.add_argument("--version", action="version", version=f"quotekit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract from text files or JSON lines")
    extract.add_argument("files", nargs="*", metavar="FILE", help="plain-text files; '-' reads stdin")
    extract.add_argument("--jsonl", metavar="IN", help="read records from a JSON-lines file ('-' for stdin)")
    extract.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "table", "html"),
        help="output form (default: json, or jsonl with --jsonl); html draws one document as a page",
    )
    extract.add_argument("--lang", help="language of every input (default: detected)")
    extract.add_argument(
        "--published", help="publication date of every input, ISO 8601 (records may override)"
    )
    extract.add_argument(
        "--disable", action="append", default=[], metavar="NAME", help="leave out an extractor (repeatable)"
    )
    extract.add_argument("--strict", action="store_true", help="stop at the first failing extractor")
    extract.add_argument("--no-text", action="store_true", help="leave the input text out of the output")

    commands.add_parser("plugins", help="list the extractors in the order they run")

    draw = commands.add_parser(
        "render", help="draw documents as HTML pages: one per record and an index with counts"
    )
    draw.add_argument(
        "jsonl", metavar="IN", help="JSON lines: quotekit's output, or input records with 'text'"
    )
    draw.add_argument("-o", "--output", metavar="DIR", required=True, help="directory for the pages")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        pipeline = default_pipeline(
            strict=getattr(args, "strict", False),
            options={"disable": getattr(args, "disable", [])} if getattr(args, "disable", []) else None,
        )
    except (PipelineError, ValueError) as error:
        print(f"quotekit: cannot build the pipeline: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "plugins":
        return _plugins(pipeline)
    if args.command == "render":
        return _render(args, pipeline)
    return _extract(args, pipeline)


def _plugins(pipeline: Pipeline) -> int:
    rows = pipeline.describe()
    width = max((len(row["name"]) for row in rows), default=4)
    plugin_width = max((len(row["plugin"]) for row in rows), default=6)
    print(f"{'#':>2}  {'name':{width}}  {'plugin':{plugin_width}}  requires -> provides")
    for index, row in enumerate(rows, 1):
        needs = ", ".join(row["requires"]) or "-"
        gives = ", ".join(row["provides"]) or "-"
        print(f"{index:>2}  {row['name']:{width}}  {row['plugin']:{plugin_width}}  {needs} -> {gives}")
    return EXIT_OK


class _Output:
    """Where documents go, in the chosen format."""

    def __init__(self, stream: IO[str], fmt: str, *, keep_text: bool) -> None:
        self.stream, self.fmt, self.keep_text = stream, fmt, keep_text

    def document(self, doc: Document, extra: dict[str, Any] | None = None) -> None:
        if self.fmt == "table":
            self.stream.write(render_table(doc))
            return
        if self.fmt == "html":
            self.stream.write(render(doc))
            return
        data = to_dict(doc)
        if not self.keep_text:
            data.pop("text", None)
        if extra:
            data.update(extra)
        self.record(data)

    def record(self, data: dict[str, Any]) -> None:
        indent = 2 if self.fmt == "json" else None
        line = json.dumps(data, ensure_ascii=False, indent=indent)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates in the input: escape them, stay valid JSON
            line = json.dumps(data, ensure_ascii=True, indent=indent)
        self.stream.write(line + "\n")
        if self.fmt == "jsonl":
            self.stream.flush()


def _extract(args: argparse.Namespace, pipeline: Pipeline) -> int:
    if not args.files and not args.jsonl:
        print("quotekit extract: name FILE(s), '-' for stdin, or --jsonl IN.jsonl", file=sys.stderr)
        return EXIT_USAGE
    if args.files and args.jsonl:
        print("quotekit extract: give FILEs or --jsonl, not both", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or ("jsonl" if args.jsonl else "json")
    if fmt == "html" and (args.jsonl or len(args.files) != 1):
        print(
            "quotekit extract: --format html draws one document; for many, "
            "use 'quotekit render OUT.jsonl -o DIR/'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    stream: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115, PTH123
    try:
        out = _Output(stream, fmt, keep_text=not args.no_text)
        if args.jsonl:
            return _extract_jsonl(args, pipeline, out)
        return _extract_files(args, pipeline, out)
    except ExtractorError as error:
        print(f"quotekit: {error}", file=sys.stderr)
        return EXIT_RECORD_FAILED
    finally:
        if args.output:
            stream.close()


def _extract_files(args: argparse.Namespace, pipeline: Pipeline, out: _Output) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"{name}: cannot read: {error}", file=sys.stderr)
            status = EXIT_RECORD_FAILED
            continue
        try:
            doc = pipeline.extract(text, lang=args.lang, published=args.published, id=name)
        except ValueError as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = EXIT_RECORD_FAILED
            continue
        out.document(doc)
    return status


def _records(path: str) -> Iterator[tuple[int, str]]:
    # Standard input too is read with surrogateescape, whatever the locale, so a record with
    # bytes that are not UTF-8 is reported by line instead of ending the run with a traceback.
    stream = (
        io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape")
        if path == "-"
        else open(path, encoding="utf-8", errors="surrogateescape")  # noqa: SIM115, PTH123 - closed in finally below
    )
    try:
        yield from enumerate(stream, 1)
    finally:
        if path != "-":
            stream.close()


def _extract_jsonl(args: argparse.Namespace, pipeline: Pipeline, out: _Output) -> int:
    status = EXIT_OK
    source = "<stdin>" if args.jsonl == "-" else args.jsonl
    try:
        records = list(_records(args.jsonl)) if args.jsonl == "-" else _records(args.jsonl)
        for number, line in records:
            if not line.strip():
                continue
            record_id: Any = None
            try:
                record = _parse_record(line)
                record_id = record.get("id")
                _check_record(record)
                doc = pipeline.extract(
                    record["text"],
                    lang=record.get("lang") or args.lang,
                    published=record.get("published", args.published),
                    id=None if record_id is None else str(record_id),
                )
            except (ValueError, TypeError) as error:
                print(f"{source}:{number}: {error}", file=sys.stderr)
                out.record({"id": record_id, "line": number, "error": str(error)})
                status = EXIT_RECORD_FAILED
                continue
            out.document(doc, {"id": record_id} if record_id is not None else None)
    except OSError as error:
        print(f"{source}: cannot read: {error}", file=sys.stderr)
        return EXIT_RECORD_FAILED
    return status


def _parse_record(line: str) -> dict[str, Any]:
    if _UNDECODABLE.search(line, timeout=TIMEOUT_S):
        msg = "the line is not valid UTF-8"
        raise ValueError(msg)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        msg = f"not valid JSON: {error}"
        raise ValueError(msg) from error
    if not isinstance(record, dict):
        msg = f"a record must be a JSON object with a 'text' field, got {type(record).__name__}"
        raise TypeError(msg)
    return record


def _check_record(record: dict[str, Any]) -> None:
    if "text" not in record:
        msg = "the record has no 'text' field"
        raise ValueError(msg)
    if not isinstance(record["text"], str):
        msg = f"'text' must be a string, got {type(record['text']).__name__}"
        raise TypeError(msg)


def _render(args: argparse.Namespace, pipeline: Pipeline) -> int:
    """Write one page per record of ``args.jsonl`` and an ``index.html`` listing them."""
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"quotekit render: cannot make {folder}: {error}", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    pages: list[tuple[str, Document]] = []
    used: set[str] = set()
    for number, line in _records(args.jsonl):
        if not line.strip():
            continue
        try:
            record = _parse_record(line)
            doc = from_dict(record) if "schema_version" in record else _extract_record(record, pipeline)
        except (ValueError, TypeError, KeyError, ExtractorError) as error:
            print(f"{args.jsonl}:{number}: {error}", file=sys.stderr)
            status = EXIT_RECORD_FAILED
            continue
        name = _page_name(doc.id or f"record-{number}", used)
        (folder / name).write_text(render(doc, title=doc.id or f"record {number}"), encoding="utf-8")
        pages.append((name, doc))
    (folder / "index.html").write_text(render_index(pages), encoding="utf-8")
    return status


def _extract_record(record: dict[str, Any], pipeline: Pipeline) -> Document:
    _check_record(record)
    return pipeline.extract(
        record["text"],
        lang=record.get("lang"),
        published=record.get("published"),
        id=None if record.get("id") is None else str(record["id"]),
    )


#: What a page's file name keeps of a document id: letters, digits, dot, dash and underscore.
_UNSAFE_NAME = regex.compile(r"[^\w.-]+")


def _page_name(identity: str, used: set[str]) -> str:
    base = _UNSAFE_NAME.sub("_", identity, timeout=TIMEOUT_S).strip("._")[:80] or "document"
    name, counter = f"{base}.html", 1
    while name in used or name == "index.html":
        counter += 1
        name = f"{base}-{counter}.html"
    used.add(name)
    return name


if __name__ == "__main__":
    sys.exit(main())
