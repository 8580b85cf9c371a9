"""One input record of ``quotekit extract --jsonl`` to its output text, where the work is done.

With ``--workers N`` everything a record costs after it is read happens in the worker process
that extracts it: a web page is parsed there, and the document is turned into the JSON (or
table) text the output holds. The parent only reads lines, keeps their order and writes what
comes back, so it stays a small share of the run and N workers have the cores to themselves;
a string also crosses between processes for a fraction of what a :class:`~quotekit.Document`
costs to pickle and unpickle. The same functions run in the parent with one worker, so the
output does not depend on ``--workers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from quotekit._output import encode_record
from quotekit._parallel import Job, crashed, extract_item
from quotekit.readers.html import read_html, run_page
from quotekit.render import render, render_table
from quotekit.serialize import to_dict

if TYPE_CHECKING:
    from quotekit.model import Document
    from quotekit.pipeline import Pipeline

__all__ = ["Form", "Outcome", "Record", "crashed_outcome", "outcome", "record_task", "written"]


class Form(NamedTuple):
    """How a document is written: the output form and whether its text is left out."""

    fmt: str
    no_text: bool


class Record(NamedTuple):
    """A record that was read, as a worker needs it: a text or a web page, and what to say of it.

    ``record_id`` is the record's ``id`` as the input gave it (the output repeats it as it
    was); the document's own id is its string form.
    """

    record_id: Any
    text: str | None
    html: str | None
    url: str | None
    lang: str | None
    published: Any

    @property
    def doc_id(self) -> str | None:
        """The document's id: the record's, as a string."""
        return None if self.record_id is None else str(self.record_id)


class Outcome(NamedTuple):
    """What became of a record: the text to write, or why the record gets an error line."""

    text: str | None = None
    #: the record could not be read as an item (an ``invalid-item`` document, a bad page)
    unreadable: str | None = None
    #: the document has no JSON form (a plugin's data); ``written_id`` is the id to report
    unwritable: str | None = None
    written_id: Any = None


def written(form: Form, doc: Document, extra: Mapping[str, Any] | None = None) -> str:
    """``doc`` as the output form writes it; ``ValueError`` if it has no JSON form."""
    if form.fmt == "table":
        return render_table(doc)
    if form.fmt == "html":
        return render(doc)
    data = to_dict(doc)
    if form.no_text:
        data.pop("text", None)
    if extra:
        data.update(extra)
    return encode_record(data, form.fmt)


def outcome(form: Form, doc: Document, record_id: Any) -> Outcome:
    """The outcome of a record whose document is ``doc``."""
    unreadable = next((d.message for d in doc.diagnostics if d.code == "invalid-item"), None)
    if unreadable is not None:
        return Outcome(unreadable=unreadable)
    extra = {"id": record_id} if record_id is not None else None
    try:
        return Outcome(text=written(form, doc, extra))
    except ValueError as error:
        return Outcome(unwritable=str(error), written_id=doc.id if record_id is None else record_id)


def record_task(form: Form, pipeline: Pipeline, job: Job, defaults: Mapping[str, Any]) -> Outcome:
    """Extract one record (``None``: a line already reported, which keeps its place) and write it."""
    index, record = job
    if record is None:
        return Outcome()
    if record.html is not None:
        try:
            page = read_html(record.html, url=record.url)
            doc = run_page(pipeline, page, lang=record.lang, published=record.published, doc_id=record.doc_id)
        except (ValueError, TypeError, LookupError) as error:
            return Outcome(unreadable=str(error))
    else:
        item = {"text": record.text, "lang": record.lang, "published": record.published, "id": record.doc_id}
        doc = extract_item(pipeline, (index, item), defaults)
    return outcome(form, doc, record.record_id)


def crashed_outcome(form: Form, index: int, record: Record | None) -> Outcome:
    """The outcome of a record whose worker died on it: its text, an error diagnostic."""
    if record is None:
        return Outcome()
    doc = crashed(index, {"text": record.text or "", "id": record.doc_id})
    return outcome(form, doc, record.record_id)
