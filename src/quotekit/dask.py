"""quotekit on Dask: the same extraction over a bag of articles or a dataframe column.

Install with ``pip install 'quotekit[dask]'``. Nothing here imports Dask until a helper is
called, so ``import quotekit.dask`` costs nothing without it.

>>> import dask.bag as db  # doctest: +SKIP
>>> from quotekit.dask import extract_bag
>>> docs = extract_bag(db.from_sequence(texts, npartitions=8)).compute()  # doctest: +SKIP

Each partition runs :meth:`quotekit.Pipeline.pipe` on a worker, with the worker's
:func:`quotekit.default_pipeline` for the given ``strict`` and ``options``: built once per
worker process, from the built-ins and the plugins installed *on that worker* (entry points,
``QUOTEKIT_DISABLE_PLUGINS``, ``QUOTEKIT_DISABLE_PLUGIN_AUTOLOAD``), exactly as a local call
builds it. Install the same plugins on every machine of a cluster; :func:`pipeline_names`
tells what each worker runs. See docs/scaling.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

from quotekit.pipeline import default_pipeline
from quotekit.serialize import to_dict, to_json

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

    from quotekit.model import Document

__all__ = ["QUOTE_COLUMNS", "extract_bag", "extract_frame", "pipeline_names", "quote_rows"]

BagOutput = Literal["document", "dict", "json"]
FrameOutput = Literal["json", "quotes"]

#: The columns of :func:`extract_frame` with ``output="quotes"``: one row per quote. ``row``
#: is the index label of the input row the quote came from.
QUOTE_COLUMNS: Final = (
    "row",
    "id",
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_mention",
    "speaker_role",
    "cue",
    "date",
    "source",
    "lang",
)


def _pipeline(strict: bool, options: Mapping[str, Any] | None) -> Any:  # noqa: FBT001 - internal
    return default_pipeline(strict=strict, options=options)


def _extract_partition(
    items: Iterable[Any],
    lang: str | None,
    published: Any,
    options: Mapping[str, Any] | None,
    strict: bool,  # noqa: FBT001 - positional for map_partitions
    output: BagOutput,
) -> list[Any]:
    docs = _pipeline(strict, options).pipe(items, lang=lang, published=published)
    if output == "dict":
        return [to_dict(doc) for doc in docs]
    if output == "json":
        return [to_json(doc) for doc in docs]
    return list(docs)


def extract_bag(
    bag: dask.bag.Bag,
    *,
    lang: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    output: BagOutput = "document",
) -> dask.bag.Bag:
    """A bag of the documents of ``bag``'s items, in the same order and partitions.

    Items are what :func:`quotekit.extract_many` takes: ``str`` or mappings with ``text`` and
    optional ``id``, ``lang``, ``published``. ``output`` chooses what the bag holds:
    :class:`~quotekit.Document` objects, their JSON-ready dicts, or JSON strings (the smallest
    to move between machines and to write with ``bag.to_textfiles``).
    """
    if output not in ("document", "dict", "json"):
        msg = f"output must be 'document', 'dict' or 'json', got {output!r}"
        raise ValueError(msg)
    result: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]  # dask is untyped
        _extract_partition, lang, published, options, strict, output
    )
    return result


def quote_rows(doc: Document, row: Any = None) -> list[dict[str, Any]]:
    """One flat row per quote of ``doc``, with the columns of :data:`QUOTE_COLUMNS`."""
    rows = []
    for quote in doc.quotes:
        speaker = quote.speaker
        rows.append(
            {
                "row": row,
                "id": doc.id,
                "kind": quote.kind,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "speaker": speaker.name if speaker else None,
                "speaker_mention": speaker.mention.text if speaker and speaker.mention else None,
                "speaker_role": speaker.role if speaker else None,
                "cue": quote.cue.text if quote.cue else None,
                "date": quote.date,
                "source": quote.source,
                "lang": quote.lang or doc.lang,
            }
        )
    return rows


def _frame_partition(
    frame: pd.DataFrame,
    text_column: str,
    columns: Mapping[str, str | None],
    published: Any,
    options: Mapping[str, Any] | None,
    strict: bool,  # noqa: FBT001 - positional for map_partitions
    output: FrameOutput,
) -> pd.DataFrame | pd.Series[Any]:
    import pandas as pd

    def value(name: str | None, index: int) -> Any:
        if name is None:
            return None
        found = frame[name].iloc[index]
        return None if pd.isna(found) else found

    items = []
    for index in range(len(frame)):
        record_id = value(columns["id"], index)
        items.append(
            {
                "text": frame[text_column].iloc[index],
                "id": None if record_id is None else str(record_id),
                "lang": value(columns["lang"], index),
                "published": value(columns["published"], index) or published,
            }
        )
    docs = _pipeline(strict, options).pipe(items)
    if output == "json":
        return pd.Series([to_json(doc) for doc in docs], index=frame.index, name="quotekit", dtype=object)
    rows = [row for label, doc in zip(frame.index, docs, strict=True) for row in quote_rows(doc, label)]
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS)).astype(_QUOTE_DTYPES)


_QUOTE_DTYPES: Final = {
    "row": object,
    "id": object,
    "kind": object,
    "text": object,
    "start": "int64",
    "end": "int64",
    "speaker": object,
    "speaker_mention": object,
    "speaker_role": object,
    "cue": object,
    "date": object,
    "source": object,
    "lang": object,
}


def extract_frame(  # noqa: PLR0913 - each column is named by the caller
    frame: dask.dataframe.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    lang_column: str | None = None,
    published_column: str | None = None,
    published: Any = None,
    options: Mapping[str, Any] | None = None,
    strict: bool = False,
    output: FrameOutput = "json",
) -> dask.dataframe.DataFrame | dask.dataframe.Series:
    """Extract from ``frame[text_column]``, partition by partition.

    ``output="json"``: a Series named ``quotekit`` holding each row's document as JSON, on the
    frame's index (join it back with ``frame.assign(quotekit=...)``). ``output="quotes"``: a
    dataframe of one row per quote, with the columns :data:`QUOTE_COLUMNS`. ``id_column``,
    ``lang_column`` and ``published_column`` name optional columns with each row's id,
    language and publication date (``published`` is the default for rows without one).
    """
    import pandas as pd

    for name in (text_column, id_column, lang_column, published_column):
        if name is not None and name not in frame.columns:
            msg = f"the frame has no column {name!r}; it has {list(frame.columns)}"
            raise KeyError(msg)
    columns = {"id": id_column, "lang": lang_column, "published": published_column}
    if output == "json":
        meta: Any = pd.Series([], name="quotekit", dtype=object)
    elif output == "quotes":
        meta = pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in _QUOTE_DTYPES.items()})
    else:
        msg = f"output must be 'json' or 'quotes', got {output!r}"
        raise ValueError(msg)
    result: dask.dataframe.DataFrame | dask.dataframe.Series = frame.map_partitions(  # type: ignore[no-untyped-call]
        _frame_partition, text_column, columns, published, options, strict, output, meta=meta
    )
    return result


def pipeline_names(client: Any, *, options: Mapping[str, Any] | None = None) -> dict[str, tuple[str, ...]]:
    """The extractors each worker of a ``dask.distributed`` client runs, by worker address."""
    result: dict[str, tuple[str, ...]] = client.run(_names, options)
    return result


def _names(options: Mapping[str, Any] | None) -> tuple[str, ...]:
    return tuple(default_pipeline(options=options).names)
