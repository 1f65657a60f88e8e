"""One task runner: blocking work on a thread pool, results back on the GUI thread.

The GUI thread never waits on the database, the disk or the network. A job is a plain
callable (a service call); its result or its exception is delivered to callbacks on the GUI
thread. Futures from the store's writer thread are watched the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from officer_app.progress import Cancelled, Progress

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from workers arrive here queued."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, object)


class CancelToken:
    """Handed back by :meth:`TaskRunner.run_steps`; ``cancel()`` stops the job at its next step."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:
            self._relay.failed.emit(self._ticket, exc)
        else:
            self._relay.finished.emit(self._ticket, result)


class TaskRunner(QObject):
    """Runs callables on a pool and futures' callbacks on the GUI thread."""

    busy_changed = Signal(bool)
    error = Signal(str)  # an unhandled failure, for the status bar

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._progress: dict[int, Callable[[Progress], None]] = {}
        self._next = 0

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _ticket(self, on_done: Done | None, on_error: Failed | None) -> int:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        return self._next

    def run(
        self, work: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Run ``work()`` on a worker thread."""
        ticket = self._ticket(on_done, on_error)
        self._pool.start(_Job(ticket, work, self._relay))

    def run_steps(
        self,
        steps: Callable[[], Generator[Progress, None, object] | Iterator[Progress]],
        on_progress: Callable[[Progress], None],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> CancelToken:
        """Run a core generator on a worker, showing each Progress it yields; cancellable.

        ``on_done`` receives the generator's return value (or its last Progress)."""
        token = CancelToken()
        ticket = self._ticket(on_done, on_error)
        self._progress[ticket] = on_progress

        def work() -> object:
            job = steps()
            last: object = None
            while True:
                try:
                    step = next(job)
                except StopIteration as finished:  # a generator's own result wins
                    return finished.value if finished.value is not None else last
                if token.cancelled:
                    close = getattr(job, "close", None)
                    if close is not None:
                        close()  # a generator stops where it is: nothing after is done
                    raise Cancelled("cancelled")
                self._relay.progress.emit(ticket, step)
                last = step

        self._pool.start(_Job(ticket, work, self._relay))
        return token

    def watch(
        self, future: Future[Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        """Call back on the GUI thread when a future (from the store writer) completes."""
        ticket = self._ticket(on_done, on_error)

        def relay(done: Future[Any]) -> None:
            exc = done.exception()
            if exc is not None:
                self._relay.failed.emit(ticket, exc)
            else:
                self._relay.finished.emit(ticket, done.result())

        future.add_done_callback(relay)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """For tests and shutdown: wait for the pool, then deliver what is queued."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._callbacks and not deadline.hasExpired():
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._callbacks

    def _pop(self, ticket: int) -> tuple[Done | None, Failed | None]:
        self._progress.pop(ticket, None)
        callbacks = self._callbacks.pop(ticket, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_progress(self, ticket: int, step: Progress) -> None:
        callback = self._progress.get(ticket)
        if callback is not None:
            callback(step)

    @Slot(int, object)
    def _on_finished(self, ticket: int, result: object) -> None:
        on_done, _ = self._pop(ticket)
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, ticket: int, exc: BaseException) -> None:
        _, on_error = self._pop(ticket)
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed: %s", type(exc).__name__)
            self.error.emit(f"Something went wrong in the background: {exc}")
