"""One task runner: blocking work on a thread pool, results back on the GUI thread.

The GUI thread never waits on the database, the disk or the network. A job is a plain
callable (a synchronous service call); its result or its exception is delivered to typed
callbacks on the GUI thread. Jobs on the same named lane run one at a time, in the order
the window submitted them: writes that must commit in that order (a draft as typed, then
the signing that clears it) share the :data:`WRITES` lane.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from officer_app.progress import Cancelled, Progress

log = logging.getLogger(__name__)

Failed = Callable[[BaseException], None]
_Deliver = Callable[[Any], None]  # a typed ``on_done``, held until its job's result arrives

WRITES = "writes"
"""The lane for writes whose order matters (drafts, signing, planning): one at a time, FIFO."""


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
    """Runs callables on a pool (or on a serial lane) and their callbacks on the GUI thread."""

    busy_changed = Signal(bool)
    error = Signal(str)  # an unhandled failure, for the status bar

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._lanes: dict[str, QThreadPool] = {}
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._callbacks: dict[int, tuple[_Deliver | None, Failed | None]] = {}
        self._progress: dict[int, Callable[[Progress], None]] = {}
        self._next = 0

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _ticket(self, on_done: _Deliver | None, on_error: Failed | None) -> int:
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        return self._next

    def _pool_for(self, lane: str | None) -> QThreadPool:
        """The shared pool, or the lane's own pool of one thread (a FIFO queue)."""
        if lane is None:
            return self._pool
        pool = self._lanes.get(lane)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._lanes[lane] = pool
        return pool

    def owned_by(self, owner: QObject) -> OwnedRunner:
        """This runner for one widget: its callbacks are dropped once the widget is gone (a
        case tab closed while its worker was still reading)."""
        return OwnedRunner(self, owner)

    def run[T](
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
        *,
        lane: str | None = None,
    ) -> None:
        """Run ``work()`` on a worker thread; ``on_done(result)`` or ``on_error(exc)`` follow
        on the GUI thread. Jobs given the same ``lane`` run one after another, in order."""
        ticket = self._ticket(on_done, on_error)
        self._pool_for(lane).start(_Job(ticket, work, self._relay))

    def run_steps[R](
        self,
        steps: Callable[[], Generator[Progress, None, R]],
        on_progress: Callable[[Progress], None],
        on_done: Callable[[R], None] | None = None,
        on_error: Failed | None = None,
    ) -> CancelToken:
        """Run a core generator on a worker, showing each Progress it yields; cancellable.

        ``on_done`` receives the generator's return value; a cancelled job ends in
        ``on_error`` with :class:`Cancelled`."""
        token = CancelToken()
        ticket = self._ticket(on_done, on_error)
        self._progress[ticket] = on_progress

        def work() -> R:
            job = steps()
            while True:
                try:
                    step = next(job)
                except StopIteration as finished:
                    result: R = finished.value
                    return result
                if token.cancelled:
                    job.close()  # a generator stops where it is: nothing after is done
                    raise Cancelled("cancelled")
                self._relay.progress.emit(ticket, step)

        self._pool.start(_Job(ticket, work, self._relay))
        return token

    def finish_lane(self, lane: str, timeout_ms: int = 30_000) -> bool:
        """Block until every job queued on ``lane`` has run (at quit: the drafts reach the
        disk before the store closes). Their callbacks are delivered later, if ever."""
        pool = self._lanes.get(lane)
        return pool is None or pool.waitForDone(timeout_ms)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """For tests and shutdown: wait for the pools, then deliver what is queued."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._callbacks and not deadline.hasExpired():
            for pool in (self._pool, *self._lanes.values()):
                pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._callbacks

    def _pop(self, ticket: int) -> tuple[_Deliver | None, Failed | None]:
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


class OwnedRunner:
    """A :class:`TaskRunner` seen from one widget (:meth:`TaskRunner.owned_by`): the work still
    runs to its end (a write is never cut off), but what it hands back is delivered only while
    the widget exists."""

    def __init__(self, runner: TaskRunner, owner: QObject) -> None:
        self.runner = runner
        self._owner = owner

    def _alive(self) -> bool:
        import shiboken6

        return bool(shiboken6.isValid(self._owner))

    def _guard[A](self, callback: Callable[[A], None] | None) -> Callable[[A], None] | None:
        if callback is None:
            return None

        def deliver(value: A) -> None:
            if self._alive():
                callback(value)

        return deliver

    def run[T](
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
        *,
        lane: str | None = None,
    ) -> None:
        self.runner.run(work, self._guard(on_done), self._guard(on_error), lane=lane)

    def run_steps[R](
        self,
        steps: Callable[[], Generator[Progress, None, R]],
        on_progress: Callable[[Progress], None],
        on_done: Callable[[R], None] | None = None,
        on_error: Failed | None = None,
    ) -> CancelToken:
        progress = self._guard(on_progress)
        assert progress is not None
        return self.runner.run_steps(steps, progress, self._guard(on_done), self._guard(on_error))
