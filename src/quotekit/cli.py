"""The ``quotekit`` command line.

``quotekit extract FILE...`` extracts from plain-text files (``-`` for standard input);
``quotekit extract --jsonl IN.jsonl [-o OUT.jsonl]`` from JSON lines with ``text`` and optional
``id``, ``lang`` and ``published`` (a record with ``html`` instead of ``text`` is read as a web
page); ``quotekit extract --html PAGE.html...`` from saved web pages; ``quotekit plugins``
lists the extractors in run order;
``--backend stanza`` adds a parser, ``quotekit models download de en`` fetches stanza's models.
A bad input record is reported on stderr with its file and line, gets an output line with an
``error`` field, and the run goes on. Exit status: 0 all went well, 1 a record or input failed,
2 a usage error or a pipeline that cannot be built (strict mode), 3 the output could not be
written, 130 interrupted (Ctrl-C). See docs/cli.md.
"""

from __future__ import annotations

import argparse
import codecs
import functools
import io
import json
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import regex

from quotekit import __version__
from quotekit._output import InterruptGuard, OutputError, RecordWriter, Sink, done_in
from quotekit._parallel import BATCH_SIZE, stream
from quotekit._plugins import PluginWarning
from quotekit._progress import Progress
from quotekit._records import Form, Record, crashed_outcome, record_task, written
from quotekit._regex import TIMEOUT_S
from quotekit.model import Document
from quotekit.pipeline import ExtractorError, Pipeline, PipelineError, default_pipeline
from quotekit.readers._encoding import looks_like_html
from quotekit.readers.html import read_html, run_page
from quotekit.render import render, render_index
from quotekit.serialize import from_dict
from quotekit.syntax import BackendError

EXIT_OK, EXIT_RECORD_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
#: Bytes that do not decode reach us as lone surrogates through errors="surrogateescape".
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
    extract.add_argument(
        "-o", "--output", metavar="OUT", help="write here (replaced when the run ends) instead of stdout"
    )
    extract.add_argument(
        "--append",
        "--resume",
        action="store_true",
        help="add to OUT (JSON lines) and skip the ids it holds already",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "table", "html"),
        help=(
            "output form (default: json, or jsonl with --jsonl); json of several documents is an "
            "array; html draws one document as a page"
        ),
    )
    extract.add_argument(
        "--encoding",
        help="encoding of the input files (default: utf-8; for --html pages, what the page declares)",
    )
    extract.add_argument(
        "--html", action="store_true", help="the FILEs are web pages: read the article, metadata and embeds"
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
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    extract.add_argument(
        "--backend", metavar="NAME", help="an NLP backend whose parse the attributor reads: stanza, spacy"
    )
    extract.add_argument(
        "--workers", type=int, default=1, metavar="N", help="with --jsonl: N worker processes (default 1)"
    )

    commands.add_parser("plugins", help="list the extractors in the order they run")

    models = commands.add_parser("models", help="manage the stanza backend's models")
    models_commands = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    download = models_commands.add_parser("download", help="fetch stanza models (stanza.download)")
    download.add_argument("languages", nargs="+", metavar="LANG", help="language codes: de en ...")
    download.add_argument("--dir", help="resources directory (default: $STANZA_RESOURCES_DIR or stanza's)")

    draw = commands.add_parser(
        "render", help="draw documents as HTML pages: one per record and an index with counts"
    )
    draw.add_argument(
        "jsonl", metavar="IN", help="JSON lines: quotekit's output, or input records with 'text'"
    )
    draw.add_argument("-o", "--output", metavar="DIR", required=True, help="directory for the pages")
    return parser


def _say(message: str) -> None:
    Progress.write(message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "models":
        return _models(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        try:
            pipeline = default_pipeline(
                strict=getattr(args, "strict", False),
                options={"disable": getattr(args, "disable", [])} if getattr(args, "disable", []) else None,
                backend=getattr(args, "backend", None),
            )
        except (PipelineError, ValueError, BackendError) as error:
            print(f"quotekit: cannot build the pipeline: {error}", file=sys.stderr)
            return EXIT_USAGE
    for warning in caught:
        if issubclass(warning.category, PluginWarning):
            print(f"quotekit: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    if args.command == "plugins":
        return _plugins(pipeline)
    if args.command == "render":
        return _render(args, pipeline)
    return _extract(args, pipeline)


def _models(args: argparse.Namespace) -> int:
    from quotekit.backends.stanza_backend import download

    try:
        directory = download(args.languages, resources=args.dir)
    except BackendError as error:
        print(f"quotekit: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"stanza models for {', '.join(args.languages)} are in {directory}")
    return EXIT_OK


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


def _usage_problem(args: argparse.Namespace, fmt: str) -> str | None:  # noqa: PLR0911 - one return per usage error
    if not args.files and not args.jsonl:
        return "name FILE(s), '-' for stdin, or --jsonl IN.jsonl"
    if args.files and args.jsonl:
        return "give FILEs or --jsonl, not both"
    if args.workers < 1 or (args.workers > 1 and not args.jsonl):
        return "--workers takes a number >= 1 and works with --jsonl"
    if args.append and (not args.output or fmt != "jsonl"):
        return (
            "--append/--resume adds JSON lines to a file: "
            "give -o OUT and --format jsonl (the default with --jsonl)"
        )
    if args.html and (args.jsonl or not args.files):
        return "--html reads web-page FILEs (JSON-lines records with an 'html' field are pages by themselves)"
    try:
        codecs.lookup(_text_encoding(args))
    except LookupError:
        return f"unknown encoding {args.encoding!r}"
    return None


def _text_encoding(args: argparse.Namespace) -> str:
    """The encoding of text inputs: ``--encoding``, else UTF-8 (a web page says its own)."""
    return str(args.encoding or "utf-8")


class _Run:
    """One ``extract`` run: the writer, the ids to skip, the status so far."""

    def __init__(
        self,
        args: argparse.Namespace,
        pipeline: Pipeline,
        writer: RecordWriter,
        done: tuple[set[str], set[int]],
    ) -> None:
        self.args, self.pipeline, self.writer = args, pipeline, writer
        #: what the output holds already (--resume): record ids, and input lines reported unreadable
        self.done, self.done_lines = done
        self.status = EXIT_OK
        self.input_failed = False
        self.skipped = 0

    def document(self, doc: Document, where: str, extra: dict[str, Any] | None = None) -> None:
        form = Form(self.writer.fmt, no_text=self.args.no_text)
        if form.fmt in {"table", "html"}:
            self.writer.text(written(form, doc))
            return
        try:
            self.writer.encoded(written(form, doc, extra))
        except ValueError as error:  # no JSON form (a plugin's data): this record only
            record_id = (extra or {}).get("id", doc.id)
            self.error(where, f"cannot write the result as JSON: {error}", {"id": record_id})

    def error(self, where: str, message: str, extra: dict[str, Any] | None) -> None:
        """Report a record that failed; ``extra`` (if any) becomes its output line."""
        _say(f"{where}: {message}")
        self.status = EXIT_RECORD_FAILED
        if extra is not None and self.writer.fmt not in {"table", "html"}:
            self.writer.record({**extra, "error": message})


def _extract(args: argparse.Namespace, pipeline: Pipeline) -> int:
    fmt = args.format or ("jsonl" if args.jsonl else "json")
    if fmt == "html" and (args.jsonl or len(args.files) != 1):
        print(
            "quotekit extract: --format html draws one document; for many, "
            "use 'quotekit render OUT.jsonl -o DIR/'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    problem = _usage_problem(args, fmt)
    if problem:
        print(f"quotekit extract: {problem}", file=sys.stderr)
        return EXIT_USAGE
    run: _Run | None = None
    sink: Sink | None = None
    with InterruptGuard() as guard:
        try:
            done = done_in(args.output) if args.append else (set(), set())
            sink = Sink(args.output, append=args.append)
            several = bool(args.jsonl) or len(args.files) > 1
            run = _Run(args, pipeline, RecordWriter(sink, fmt, guard, several=several), done)
            with Progress(total=functools.partial(_total, args), quiet=args.quiet) as progress:
                if args.jsonl:
                    _extract_jsonl(run, progress)
                else:
                    _extract_files(run, progress)
            run.writer.close()
            sink.finish(keep=not run.input_failed)
        except OutputError as error:
            if sink is not None:
                sink.abandon()
            print(f"quotekit: output error: {error}", file=sys.stderr)
            return EXIT_OUTPUT
        except (ExtractorError, BackendError) as error:
            _finish_quietly(run, sink)
            print(f"quotekit: {error}", file=sys.stderr)
            return EXIT_RECORD_FAILED
        except KeyboardInterrupt:
            written = _finish_quietly(run, sink)
            print(f"quotekit: interrupted; {written} records written", file=sys.stderr)
            return EXIT_INTERRUPTED
    if run.skipped:
        _say(f"quotekit: skipped {run.skipped} records already in {args.output}")
    return run.status


def _finish_quietly(run: _Run | None, sink: Sink | None) -> int:
    """End the output after a stop: whole records kept, a JSON array closed."""
    if run is None or sink is None:
        if sink is not None:
            sink.abandon()
        return 0
    try:
        run.writer.close()
        sink.finish(keep=not run.input_failed)
    except (OutputError, KeyboardInterrupt):
        sink.abandon()
    return run.writer.count


def _total(args: argparse.Namespace) -> int | None:
    """How many documents the run will see, when that is cheap to know (for the ETA)."""
    if not args.jsonl:
        return len(args.files)
    if args.jsonl == "-":
        return None
    try:
        with open(args.jsonl, "rb") as stream:  # noqa: PTH123
            lines = sum(block.count(b"\n") for block in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return None
    return lines


def _extract_files(run: _Run, progress: Progress) -> None:
    args = run.args
    for name in args.files:
        if name in run.done:
            run.skipped += 1
            progress.update()
            continue
        try:
            if args.html:
                data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
                page = read_html(data, encoding=args.encoding)
            elif name == "-":
                stream = io.TextIOWrapper(sys.stdin.buffer, encoding=_text_encoding(args))
                text = stream.read()
            else:
                text = Path(name).read_text(encoding=_text_encoding(args))
        except (OSError, UnicodeDecodeError, LookupError) as error:
            run.input_failed = True
            run.error(name, f"cannot read: {error}{_decode_hint(name, error, args)}", None)
            progress.update()
            continue
        if not args.html and looks_like_html(text):
            _say(f"{name}: this looks like HTML; pass --html to read it as a web page")
        try:
            if args.html:
                doc = run_page(run.pipeline, page, lang=args.lang, published=args.published, doc_id=name)
            else:
                doc = run.pipeline.extract(text, lang=args.lang, published=args.published, id=name)
        except ValueError as error:
            run.error(name, str(error), None)
        else:
            run.document(doc, name)
        progress.update()


def _decode_hint(name: str, error: Exception, args: argparse.Namespace) -> str:
    """What to pass when a text input does not decode: --html for a page, else --encoding."""
    if not isinstance(error, UnicodeDecodeError) or args.html:
        return ""
    # latin-1 decodes any bytes: enough to see whether the file starts like a page
    try:
        head = b"" if name == "-" else Path(name).read_bytes()[:400]
    except OSError:
        head = b""
    if looks_like_html(head.decode("latin-1")):
        return "; this looks like HTML: pass --html (a page's declared encoding is then read)"
    return f"; it is not {_text_encoding(args)}: pass --encoding (e.g. --encoding cp1252 or latin-1)"


def _records(path: str, encoding: str) -> Iterator[tuple[int, str]]:
    # Standard input too is read with surrogateescape, whatever the locale, so a record with
    # bytes that do not decode is reported by line instead of ending the run with a traceback.
    stream = (
        io.TextIOWrapper(sys.stdin.buffer, encoding=encoding, errors="surrogateescape")
        if path == "-"
        else open(path, encoding=encoding, errors="surrogateescape")  # noqa: SIM115, PTH123 - closed in finally below
    )
    try:
        yield from enumerate(stream, 1)
    finally:
        if path != "-":
            stream.close()


def _extract_jsonl(run: _Run, progress: Progress) -> None:
    """Extract every record of the JSON-lines input, through ``--workers`` processes, in order."""
    args = run.args
    source = "<stdin>" if args.jsonl == "-" else args.jsonl
    # One entry per record handed to the pipeline, in order: its line, id and, for a record
    # that cannot be read, the error (the record then keeps its place as None in the stream).
    pending: deque[tuple[int, Any, str | None]] = deque()

    def items(records: Iterable[tuple[int, str]]) -> Iterator[Record | None]:
        for number, line in records:
            if not line.strip():
                progress.update()
                continue
            record_id: Any = None
            try:
                record = _parse_record(line, _text_encoding(args))
                record_id = record.get("id")
                if record_id is not None and str(record_id) in run.done:
                    run.skipped += 1
                    progress.update()
                    continue
                _check_record(record)
            except (ValueError, TypeError, LookupError) as error:
                if record_id is None and number in run.done_lines:
                    run.skipped += 1  # reported by the run this one resumes
                    progress.update()
                    continue
                pending.append((number, record_id, str(error)))
                yield None
                continue
            pending.append((number, record_id, None))
            page = "text" not in record  # a web page: {"id", "html", "url"?}
            yield Record(
                record_id=record_id,
                text=None if page else record["text"],
                html=record["html"] if page else None,
                url=record.get("url") if page else None,
                lang=record.get("lang") or args.lang,
                published=record.get("published", args.published),
            )

    form = Form(run.writer.fmt, no_text=args.no_text)
    try:
        records = _records(args.jsonl, _text_encoding(args))
        outcomes = stream(
            run.pipeline,
            items(records),
            {"lang": args.lang, "published": args.published},
            args.workers,
            BATCH_SIZE,
            task=functools.partial(record_task, form),
            on_crash=functools.partial(crashed_outcome, form),
        )
        for result in outcomes:
            number, record_id, error = pending.popleft()
            where = f"{source}:{number}"
            if error is not None or result.unreadable is not None:
                run.error(where, error or str(result.unreadable), {"id": record_id, "line": number})
            elif result.unwritable is not None:
                run.error(
                    where, f"cannot write the result as JSON: {result.unwritable}", {"id": result.written_id}
                )
            elif result.text is not None:
                if form.fmt == "table":
                    run.writer.text(result.text)
                else:
                    run.writer.encoded(result.text)
            progress.update()
    except OSError as error:
        run.input_failed = True
        _say(f"{source}: cannot read: {error}")
        run.status = EXIT_RECORD_FAILED


def _no_constant(name: str) -> Any:
    msg = f"{name} is not a JSON number (strict JSON has no NaN or Infinity)"
    raise ValueError(msg)


def _parse_record(line: str, encoding: str) -> dict[str, Any]:
    if _UNDECODABLE.search(line, timeout=TIMEOUT_S):
        name = codecs.lookup(encoding).name
        msg = f"the line is not valid {'UTF-8' if name == 'utf-8' else name}"
        raise ValueError(msg)
    try:
        record = json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        msg = f"not valid JSON: {error}"
        raise ValueError(msg) from error
    except RecursionError as error:
        msg = "not readable JSON: nested deeper than the parser allows"
        raise ValueError(msg) from error
    if not isinstance(record, dict):
        msg = f"a record must be a JSON object with a 'text' field, got {type(record).__name__}"
        raise TypeError(msg)
    return record


def _check_record(record: dict[str, Any]) -> None:
    if "text" not in record and "html" in record:
        if not isinstance(record["html"], str):
            msg = f"'html' must be a string, got {type(record['html']).__name__}"
            raise TypeError(msg)
        return
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
    for number, line in _records(args.jsonl, "utf-8"):
        if not line.strip():
            continue
        try:
            record = _parse_record(line, "utf-8")
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
