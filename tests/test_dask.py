"""quotekit.dask against a real dask.distributed LocalCluster with several worker processes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import quotekit

distributed = pytest.importorskip(
    "distributed", reason="the dask extra is not installed: pip install '.[dask]'"
)
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from quotekit.dask import QUOTE_COLUMNS, extract_bag, extract_frame, pipeline_names, quote_rows  # noqa: E402

ARTICLES = [
    "„Wir sind bereit“, sagte Ministerin Anna Weber am Freitag. Die Opposition widersprach.",
    'The harbour master, Tom Reed, said on Monday: "The port stays open." Critics disagreed.',
    "Ein Satz ohne Zitat über das Wetter von gestern.",
    "Officials said the talks would resume next week, according to a spokeswoman.",
    "Der Trainer erklärte, die Mannschaft sei in guter Form.",
    'She told reporters: "We will not give up."',
]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_workers_build_the_pipeline_as_it_is_built_locally(client: Any) -> None:
    names = pipeline_names(client)
    assert len(names) == 2
    assert set(names.values()) == {quotekit.default_pipeline().names}


def test_extract_bag_gives_what_extract_many_gives(client: Any) -> None:
    items = [*ARTICLES, {"text": ARTICLES[0], "id": "x", "published": "2025-03-14"}]
    bag = db.from_sequence(items, npartitions=3)
    local = list(quotekit.extract_many(items))
    assert extract_bag(bag).compute() == local
    assert extract_bag(bag, output="json").compute() == [quotekit.to_json(doc) for doc in local]
    dicts = extract_bag(bag, output="dict").compute()
    assert [quotekit.from_dict(d) for d in dicts] == local


def test_extract_frame_as_json_and_as_quote_rows(client: Any) -> None:
    frame = pd.DataFrame(
        {
            "body": ARTICLES,
            "key": [f"a{i}" for i in range(len(ARTICLES))],
            "day": ["2025-03-14", None, "2025-03-14", None, None, "2025-01-02"],
        },
        index=pd.RangeIndex(10, 10 + len(ARTICLES)),
    )
    ddf = dd.from_pandas(frame, npartitions=3)
    local = [
        quotekit.default_pipeline().extract(text, id=key, published=None if pd.isna(day) else day)
        for text, key, day in zip(frame["body"], frame["key"], frame["day"], strict=True)
    ]
    as_json = extract_frame(ddf, "body", id_column="key", published_column="day").compute()
    assert list(as_json.index) == list(frame.index)
    assert [json.loads(value) for value in as_json] == [json.loads(quotekit.to_json(doc)) for doc in local]

    quotes = extract_frame(ddf, "body", id_column="key", published_column="day", output="quotes").compute()
    assert list(quotes.columns) == list(QUOTE_COLUMNS)
    expected = [row for label, doc in zip(frame.index, local, strict=True) for row in quote_rows(doc, label)]
    # dask stores text columns as pyarrow strings, where a missing value reads back as NaN
    assert quotes.astype(object).where(quotes.notna(), None).to_dict("records") == expected
    assert len(expected) >= 3


def test_bad_arguments_are_reported_before_anything_runs() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'body'"):
        extract_frame(ddf, "body")
    with pytest.raises(ValueError, match="output"):
        extract_frame(ddf, output="xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="output"):
        extract_bag(db.from_sequence(["a"]), output="xml")  # type: ignore[arg-type]
