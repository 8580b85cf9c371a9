"""quotekit.dask on a LocalCluster against extract_many in one process, in the same run.

    python benchmarks/bench_dask.py [--workers 2] [--articles 1600] [--partitions 16]

Prints documents, characters, wall seconds and characters per second of each, and their ratio.
Start-up of the cluster is timed apart: it is paid once per session, not per article.
"""

from __future__ import annotations

import argparse
import time

import dask.bag as db
from bench_parallel import articles
from distributed import Client, LocalCluster

import quotekit
from quotekit.dask import extract_bag, pipeline_names


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=1600)
    parser.add_argument("--partitions", type=int, default=16)
    args = parser.parse_args()
    texts = articles(args.articles)
    chars = sum(map(len, texts))

    start = time.perf_counter()
    local = list(quotekit.extract_many(texts))
    local_s = time.perf_counter() - start

    start = time.perf_counter()
    with (
        LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        pipeline_names(client)  # every worker builds its pipeline before the clock starts
        ready_s = time.perf_counter() - start
        start = time.perf_counter()
        docs = extract_bag(db.from_sequence(texts, npartitions=args.partitions), output="json").compute()
        cluster_s = time.perf_counter() - start
    if len(docs) != len(local):
        msg = f"the cluster returned {len(docs)} documents for {len(local)} articles"
        raise SystemExit(msg)
    print(f"articles={len(texts)} chars={chars:,}")
    print(f"extract_many, 1 process: {local_s:.2f} s wall, {chars / local_s:,.0f} chars/s")
    print(f"LocalCluster start-up with {args.workers} workers and their pipelines: {ready_s:.2f} s wall")
    print(
        f"extract_bag on {args.workers} worker processes: {cluster_s:.2f} s wall, {chars / cluster_s:,.0f} chars/s "
        f"({local_s / cluster_s:.2f}x one process)"
    )


if __name__ == "__main__":
    main()
