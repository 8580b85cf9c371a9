"""Many documents over several processes: in order, and nothing lost when a worker dies.

:meth:`quotekit.Pipeline.pipe` hands its jobs here when ``n_process > 1``. The scheduling is
the standard library's :class:`concurrent.futures.ProcessPoolExecutor`; what this module adds
is what a stream of articles needs around it:

- **No ``__main__`` guard needed where the platform allows it.** On Linux the workers are
  forked from the process that built the pipeline, so they start in milliseconds with its
  compiled tables, and a script without ``if __name__ == "__main__":`` works. Elsewhere
  (``spawn``) a script without the guard gets one clear error instead of workers restarted
  forever, and each worker rebuilds the pipeline from the same plugins.
- **Order kept, memory bounded**: batches are submitted a few at a time ahead of the one being
  yielded.
- **A bad item is an error result**: an item that is not a ``str`` or a mapping with a ``str``
  ``text`` (or has a bad ``published``) becomes a document with an ``invalid-item`` error
  diagnostic, and the stream goes on (``strict=True`` raises instead).
- **A worker crash is a diagnostic on that document**: the batches in flight when a worker
  dies are run again one document at a time in fresh workers; the document that kills its
  worker again comes back empty with a ``worker-crashed`` error diagnostic.
- **Forked workers share the parent's tables**: the garbage collector's generations are frozen
  (:func:`gc.freeze`) while the workers are forked, as the CPython documentation advises, so a
  worker's collections do not write to every object it inherited and copy its memory page by
  page; the parent unfreezes them when the stream ends.
- **Work that need not be in the parent is not**: a caller that wants something other than
  the :class:`~quotekit.Document` (the command line wants the JSON line it writes) passes a
  ``task`` that makes it in the worker, so the parent only moves finished results in order.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Final, Generic, TypeAlias, TypeVar

from quotekit.model import Diagnostic, Document

if TYPE_CHECKING:
    from quotekit.pipeline import Pipeline

#: One unit of work: the item's position in the stream and the item itself (as given).
Job: TypeAlias = "tuple[int, Any]"
Result = TypeVar("Result")
#: What a worker does with one job: the pipeline, the job, the stream's defaults -> a result.
#: It must be picklable (a module-level function, or a functools.partial of one) where
#: workers are spawned.
Task: TypeAlias = "Callable[[Pipeline, Job, Mapping[str, Any]], Result]"
#: The result the parent makes for a job whose worker died twice on it: index, item -> result.
OnCrash: TypeAlias = "Callable[[int, Any], Result]"
#: Items sent to a worker at a time (Pipeline.pipe's default too).
BATCH_SIZE: Final = 16
#: Batches submitted ahead of the one being yielded, per worker.
_AHEAD_PER_WORKER: Final = 4
GUARD_HELP: Final = (
    "worker processes could not start. With the 'spawn' start method (Windows, macOS) a script "
    'that calls extract_many(..., n_process > 1) must do so under `if __name__ == "__main__":` '
    "so that the workers can import it without running it again; or use n_process=1"
)

# The pipeline a worker runs: inherited from the parent when forked, rebuilt when spawned.
_worker_pipeline: Pipeline | None = None
_worker_defaults: dict[str, Any] = {}


def start_method() -> str:
    """``fork`` where it is the platform's safe default (Linux), else ``spawn``."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def invalid_item(index: int, item: Any, error: Exception) -> Document:
    """The result for an item that cannot be read: empty, with an error naming what was wrong."""
    item_id = item.get("id") if isinstance(item, Mapping) else None
    return Document.from_text("", id=item_id if isinstance(item_id, str) else None).with_diagnostic(
        Diagnostic(
            severity="error",
            code="invalid-item",
            message=f"item {index}: {type(error).__name__}: {error}",
        )
    )


def extract_item(pipeline: Pipeline, job: Job, defaults: Mapping[str, Any]) -> Document:
    """Extract one item; an item that cannot be read is an error result unless strict."""
    index, item = job
    try:
        if isinstance(item, str):
            return pipeline.extract(item, lang=defaults["lang"], published=defaults["published"])
        if isinstance(item, Mapping):
            return pipeline.extract(
                item.get("text"),  # type: ignore[arg-type]  # from_text reports a non-str text
                lang=item.get("lang", defaults["lang"]),
                published=item.get("published", defaults["published"]),
                id=item.get("id"),
            )
        msg = f"extract_many takes str items or mappings with a 'text' key, got {type(item).__name__}"
        raise TypeError(msg)  # noqa: TRY301 - reported below like any unreadable item
    except (TypeError, ValueError) as error:
        if pipeline.strict:
            raise
        return invalid_item(index, item, error)


def _init_worker(spec: dict[str, Any] | None, defaults: dict[str, Any]) -> None:
    global _worker_pipeline, _worker_defaults  # noqa: PLW0603 - one pipeline per worker process
    _worker_defaults = defaults
    if spec is None:
        return  # forked: the parent's pipeline is already here
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise RuntimeError(GUARD_HELP)
    from quotekit.pipeline import Pipeline, PipelineError

    _worker_pipeline = Pipeline(
        strict=spec["strict"],
        options=spec["options"],
        disable=spec["disable"],
        autoload=spec["autoload"],
        time_budget=spec["time_budget"],
        backend=spec.get("backend"),
    )
    if _worker_pipeline.names != tuple(spec["names"]):
        msg = (
            "a worker process built a different pipeline than its parent "
            f"({_worker_pipeline.names} != {tuple(spec['names'])}); pass extractors through "
            "installed plugins to use n_process > 1 where workers are spawned"
        )
        raise PipelineError(msg)


def _work(task: Task[Result], batch: list[Job]) -> list[Result]:
    pipeline = _worker_pipeline
    if pipeline is None:  # pragma: no cover - the initializer always runs first
        msg = "worker started without a pipeline"
        raise RuntimeError(msg)
    return [task(pipeline, job, _worker_defaults) for job in batch]


class _Workers(Generic[Result]):
    """A process pool that can be replaced when one of its workers dies."""

    def __init__(
        self, pipeline: Pipeline, n_process: int, defaults: dict[str, Any], task: Task[Result]
    ) -> None:
        self._pipeline = pipeline
        self._n_process = n_process
        self._defaults = defaults
        self._task = task
        self.method = start_method()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        global _worker_pipeline  # noqa: PLW0603 - what forked workers inherit
        spec: dict[str, Any] | None = None
        if self.method == "fork":
            _worker_pipeline = self._pipeline
        else:
            if getattr(multiprocessing.current_process(), "_inheriting", False):
                # this is a spawned worker importing a script that has no __main__ guard
                raise RuntimeError(GUARD_HELP)
            spec = self._pipeline._spec()  # noqa: SLF001 - the pipeline's own recipe
        return ProcessPoolExecutor(
            self._n_process,
            mp_context=multiprocessing.get_context(self.method),
            initializer=_init_worker,
            initargs=(spec, self._defaults),
        )

    def submit(self, batch: list[Job]) -> Future[list[Result]]:
        return self._executor.submit(_work, self._task, batch)

    def restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _batches(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for job in jobs:
        batch.append(job)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    pipeline: Pipeline, items: Iterable[Any], defaults: dict[str, Any], n_process: int, batch_size: int
) -> Iterator[Document]:
    """The documents of ``items``, in order, extracted by ``n_process`` worker processes."""
    return stream(pipeline, items, defaults, n_process, batch_size, task=extract_item, on_crash=crashed)


def stream(
    pipeline: Pipeline,
    items: Iterable[Any],
    defaults: dict[str, Any],
    n_process: int,
    batch_size: int,
    *,
    task: Task[Result],
    on_crash: OnCrash[Result],
) -> Iterator[Result]:
    """``task`` over every item, in order, in ``n_process`` worker processes (1: in this one)."""
    if n_process == 1:
        return (task(pipeline, job, defaults) for job in enumerate(items))
    return _stream(pipeline, items, defaults, n_process, batch_size, task, on_crash)


def _stream(
    pipeline: Pipeline,
    items: Iterable[Any],
    defaults: dict[str, Any],
    n_process: int,
    batch_size: int,
    task: Task[Result],
    on_crash: OnCrash[Result],
) -> Iterator[Result]:
    # Frozen objects are left out of collections: the forked workers then never write to the
    # objects they inherit just to collect garbage. Unfrozen when the stream ends unless the
    # caller had frozen some objects of its own (unfreeze would thaw theirs too).
    freeze = start_method() == "fork" and gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        workers = _Workers(pipeline, n_process, defaults, task)
        try:
            yield from _in_order(workers, items, n_process, batch_size, on_crash)
        finally:
            workers.close()
    finally:
        if freeze:
            gc.unfreeze()


def _in_order(
    workers: _Workers[Result],
    items: Iterable[Any],
    n_process: int,
    batch_size: int,
    on_crash: OnCrash[Result],
) -> Iterator[Result]:
    started = False
    in_flight: deque[tuple[list[Job], Future[list[Result]]]] = deque()
    for batch in _batches(enumerate(items), max(1, batch_size)):
        in_flight.append((batch, workers.submit(batch)))
        while len(in_flight) > n_process * _AHEAD_PER_WORKER:
            batch_done, future = in_flight.popleft()
            yield from _collect(workers, batch_done, future, on_crash, started=started)
            started = True
    while in_flight:
        batch_done, future = in_flight.popleft()
        yield from _collect(workers, batch_done, future, on_crash, started=started)
        started = True


def _collect(
    workers: _Workers[Result],
    batch: list[Job],
    future: Future[list[Result]],
    on_crash: OnCrash[Result],
    *,
    started: bool,
) -> Iterator[Result]:
    try:
        results = future.result()
    except BrokenProcessPool:
        workers.restart()
        yield from _one_by_one(workers, batch, on_crash, started=started)
        return
    yield from results


def _one_by_one(
    workers: _Workers[Result], batch: list[Job], on_crash: OnCrash[Result], *, started: bool
) -> Iterator[Result]:
    """A batch whose worker died, again, a document at a time: only the culprit is lost."""
    for index, item in batch:
        try:
            (result,) = workers.submit([(index, item)]).result()
        except BrokenProcessPool:
            workers.restart()
            if not started and workers.method == "spawn":
                # nothing has come back from any spawned worker: they cannot even start
                raise RuntimeError(GUARD_HELP) from None
            result = on_crash(index, item)
        started = True
        yield result


def crashed(index: int, item: Any) -> Document:
    """The result for an item whose worker died on it twice: its text, no layers, an error."""
    text = item.get("text") if isinstance(item, Mapping) else item
    item_id = item.get("id") if isinstance(item, Mapping) else None
    return Document.from_text(
        text if isinstance(text, str) else "", id=item_id if isinstance(item_id, str) else None
    ).with_diagnostic(
        Diagnostic(
            severity="error",
            code="worker-crashed",
            message=(
                f"item {index}: the worker process extracting this document died without a "
                "result; the document is returned without layers, the other documents are unaffected"
            ),
        )
    )
