"""The one task runner: blocking work on a thread pool, results back on the GUI thread.

Every read of the database, every wait on the store's writer and every long job goes through
:class:`TaskRunner`, so the GUI thread never waits on the database, the disk or the network.

- :meth:`TaskRunner.run` runs ``fn()`` on a worker and calls ``on_done(result)`` or
  ``on_error(exc)`` on the GUI thread.
- :meth:`TaskRunner.watch` turns a :class:`concurrent.futures.Future` (the store writer's)
  into a GUI-thread callback.
- :meth:`TaskRunner.run_generator` drives a core generator that yields progress and returns
  its result, with cancellation.

Callbacks are dropped when their ``owner`` widget has been deleted or the task cancelled.
Failures that nobody handles are logged and announced on :attr:`TaskRunner.unhandled_error`.
Tests call :meth:`TaskRunner.wait_idle` to let everything in flight finish.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
OnDone = Callable[[Any], object]
OnError = Callable[[BaseException], object]
OnProgress = Callable[[Any], object]


class _Carrier(QObject):
    """Lives on the GUI thread; workers emit on it and Qt queues the call to the GUI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, object)


@dataclass
class Task:
    """A handle on work in flight. :meth:`cancel` drops its callbacks (and stops a generator)."""

    id: int
    on_done: OnDone | None
    on_error: OnError | None
    on_progress: OnProgress | None = None
    owner: QObject | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    dropped: bool = False

    def cancel(self) -> None:
        """Stop a generator between steps and forget every callback."""
        self.cancel_event.set()
        self.dropped = True
        self.on_done = self.on_error = self.on_progress = None


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class TaskRunner(QObject):
    """Runs blocking work off the GUI thread and delivers outcomes on it."""

    busy_changed = Signal(bool)
    unhandled_error = Signal(object)  # the exception no caller handled

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._carrier = _Carrier(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._carrier.finished.connect(self._deliver_result, queued)
        self._carrier.failed.connect(self._deliver_error, queued)
        self._carrier.progress.connect(self._deliver_progress, queued)

    # --- starting work -------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        *,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``fn()`` on a worker thread; ``on_done(result)`` / ``on_error(exc)`` on this one."""
        task = self._register(on_done, on_error, None, owner)
        carrier = self._carrier

        def work() -> None:
            try:
                result = fn()
            except BaseException as exc:  # delivered, not swallowed
                carrier.failed.emit(task.id, exc)
            else:
                carrier.finished.emit(task.id, result)

        self._pool.start(_Runnable(work))
        return task

    def watch(
        self,
        future: Future[T],
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        *,
        owner: QObject | None = None,
    ) -> Task:
        """Call back on the GUI thread when ``future`` (e.g. from the store writer) completes."""
        task = self._register(on_done, on_error, None, owner)
        carrier = self._carrier

        def done(fut: Future[T]) -> None:  # on the writer thread, or here if already done
            try:
                result = fut.result()
            except BaseException as exc:
                carrier.failed.emit(task.id, exc)
            else:
                carrier.finished.emit(task.id, result)

        future.add_done_callback(done)
        return task

    def run_generator(
        self,
        gen_fn: Callable[[], Generator[Any, None, T] | Iterator[Any]],
        on_progress: OnProgress | None = None,
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        cancel: threading.Event | None = None,
        *,
        owner: QObject | None = None,
        min_interval_s: float = 0.05,
    ) -> Task:
        """Drive a core generator on a worker: each yielded value goes to ``on_progress``
        (at most every ``min_interval_s``, and always the last one), its return value to
        ``on_done``. Setting ``cancel`` stops it between steps and delivers
        :class:`concurrent.futures.CancelledError` to ``on_error`` (:meth:`Task.cancel` stops
        it too, silently)."""
        task = self._register(on_done, on_error, on_progress, owner)
        if cancel is not None:
            task.cancel_event = cancel
        carrier = self._carrier

        def work() -> None:
            gen = gen_fn()
            last_sent = 0.0
            pending: tuple[Any] | None = None
            try:
                while True:
                    if task.cancel_event.is_set():
                        close = getattr(gen, "close", None)
                        if close is not None:
                            close()
                        raise CancelledError()
                    try:
                        value = next(gen)
                    except StopIteration as stop:
                        result = stop.value
                        break
                    now = time.monotonic()
                    if now - last_sent >= min_interval_s:
                        carrier.progress.emit(task.id, value)
                        last_sent, pending = now, None
                    else:
                        pending = (value,)
                if pending is not None:
                    carrier.progress.emit(task.id, pending[0])
            except BaseException as exc:
                carrier.failed.emit(task.id, exc)
            else:
                carrier.finished.emit(task.id, result)

        self._pool.start(_Runnable(work))
        return task

    # --- state ---------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        """Tasks whose outcome has not been delivered yet."""
        return len(self._tasks)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """For tests and shutdown only: process events until nothing is in flight."""
        deadline = time.monotonic() + timeout_ms / 1000
        app = QCoreApplication.instance()
        while self._tasks and time.monotonic() < deadline:
            if app is not None:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            self._pool.waitForDone(5)
        if app is not None:
            app.processEvents()
        return not self._tasks

    def shutdown(self, timeout_ms: int = 5_000) -> None:
        """Drop every callback and let the workers finish (at exit)."""
        for task in list(self._tasks.values()):
            task.cancel()
        self._tasks.clear()
        self._pool.waitForDone(timeout_ms)

    # --- delivery (GUI thread) -----------------------------------------------------------
    def _register(
        self,
        on_done: OnDone | None,
        on_error: OnError | None,
        on_progress: OnProgress | None,
        owner: QObject | None,
    ) -> Task:
        task = Task(next(self._ids), on_done, on_error, on_progress, owner)
        self._tasks[task.id] = task
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        return task

    def _live(self, task: Task | None) -> bool:
        if task is None or task.dropped:
            return False
        return task.owner is None or shiboken6.isValid(task.owner)

    def _finish(self, task_id: int) -> Task | None:
        task = self._tasks.pop(task_id, None)
        if not self._tasks:
            self.busy_changed.emit(False)
        return task

    def _deliver_result(self, task_id: int, result: object) -> None:
        task = self._finish(task_id)
        if self._live(task) and task is not None and task.on_done is not None:
            task.on_done(result)

    def _deliver_error(self, task_id: int, exc: BaseException) -> None:
        task = self._finish(task_id)
        if not self._live(task) or task is None:
            return
        if task.on_error is not None:
            task.on_error(exc)
        elif not isinstance(exc, CancelledError):
            log.error("background task failed", exc_info=exc)
            self.unhandled_error.emit(exc)

    def _deliver_progress(self, task_id: int, value: object) -> None:
        task = self._tasks.get(task_id)
        if self._live(task) and task is not None and task.on_progress is not None:
            task.on_progress(value)
