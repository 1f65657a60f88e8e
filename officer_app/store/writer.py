"""One writer: every database write runs, in order, on one worker thread.

SQLite has a single writer; funnelling writes through one thread means no "database is
locked", a simple total order of changes (the outbox's device sequence), and a GUI thread
that never waits on a commit. Callers get a ``concurrent.futures.Future``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")

_STOP = object()


class StoreWriter:
    def __init__(
        self,
        session_factory: Callable[[], Session],
        name: str = "store-writer",
        translate: Callable[[BaseException], BaseException] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._translate = translate  # a driver error to the store's own (no SQL parameters)
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._closed = False
        self._thread.start()

    def submit(self, work: Callable[[Session], T]) -> Future[T]:
        """Run ``work(session)`` in one transaction on the writer thread; commit if it returns."""
        if self._closed:
            raise RuntimeError("the store is closed")
        future: Future[T] = Future()
        self._queue.put((work, future))
        return future

    def run(self, work: Callable[[Session], T], timeout: float | None = None) -> T:
        """Submit and wait: for the command line and tests, never the GUI thread."""
        return self.submit(work).result(timeout)

    def close(self) -> None:
        """Finish everything already submitted, then stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            work, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                with self._session_factory() as session, session.begin():
                    result = work(session)
            except BaseException as exc:
                future.set_exception(self._translate(exc) if self._translate else exc)
            else:
                future.set_result(result)
