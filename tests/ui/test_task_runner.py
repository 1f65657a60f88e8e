"""Background work: results and errors arrive on the GUI thread; long jobs report and cancel."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import Future

from PySide6.QtCore import QThread

from officer_app.gui.task_runner import TaskRunner
from officer_app.progress import Cancelled, Progress


def test_results_and_errors_come_back_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    gui = QThread.currentThread()
    seen: list[object] = []
    runner.run(
        lambda: threading.current_thread().name,
        lambda name: seen.append((name, QThread.currentThread() is gui)),
    )

    def boom() -> None:
        raise ValueError("disk full")

    runner.run(boom, None, lambda exc: seen.append(str(exc)))
    qtbot.waitUntil(lambda: len(seen) == 2)
    worker_result = next(s for s in seen if isinstance(s, tuple))
    assert worker_result[0] != threading.current_thread().name and worker_result[1] is True
    assert "disk full" in seen


def test_a_future_from_another_thread_is_watched(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    future: Future[int] = Future()
    got: list[int] = []
    runner.watch(future, got.append)
    threading.Thread(target=lambda: future.set_result(42)).start()
    qtbot.waitUntil(lambda: got == [42])


def test_steps_report_progress_and_can_be_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    release = threading.Event()

    def steps() -> Iterator[Progress]:
        for n in range(1, 101):
            if n == 3:
                release.wait(5)
            yield Progress(n, 100, f"case {n}")

    progress: list[Progress] = []
    errors: list[BaseException] = []
    token = runner.run_steps(steps, progress.append, None, errors.append)
    qtbot.waitUntil(lambda: len(progress) >= 2)
    token.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert 2 <= len(progress) < 100
    assert progress[0] == Progress(1, 100, "case 1")

    done: list[object] = []
    runner.run_steps(lambda: iter([Progress(1, 2), Progress(2, 2)]), progress.append, done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert done == [Progress(2, 2)]
