"""Background work: results and errors arrive on the GUI thread; long jobs report and cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Generator

import shiboken6
from PySide6.QtCore import QThread

from officer_app.gui.task_runner import WRITES, TaskRunner
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


def test_jobs_on_a_lane_run_one_at_a_time_in_the_order_given(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    ran: list[int] = []
    delivered: list[int] = []

    def job(n: int) -> int:
        time.sleep(0.01 * (8 - n))  # the earlier the job, the slower: a pool would reorder
        ran.append(n)
        return n

    for n in range(8):
        runner.run(lambda n=n: job(n), delivered.append, lane=WRITES)
    assert runner.finish_lane(WRITES)  # every job has run, on its worker
    assert ran == list(range(8))
    assert runner.wait_idle()
    assert delivered == list(range(8))


def test_steps_report_progress_and_can_be_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    release = threading.Event()

    def steps() -> Generator[Progress, None, None]:
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

    def counted() -> Generator[Progress, None, int]:
        yield Progress(1, 2)
        yield Progress(2, 2)
        return 2

    done: list[int] = []
    runner.run_steps(counted, progress.append, done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert done == [2] and progress[-1] == Progress(2, 2)


def test_a_widget_closed_while_its_job_runs_gets_nothing_back_and_the_job_still_finishes(
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QLabel

    runner = TaskRunner()
    label = QLabel()
    tasks = runner.owned_by(label)
    release = threading.Event()
    finished: list[str] = []
    delivered: list[str] = []

    def work() -> str:
        release.wait(5)
        finished.append("written")
        return "done"

    def show(text: str) -> None:
        delivered.append(text)
        label.setText(text)  # would raise "already deleted" on a closed tab

    tasks.run(work, show, lambda exc: delivered.append(f"error {exc}"))
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    release.set()
    assert runner.wait_idle()
    assert finished == ["written"] and delivered == []

    alive = QLabel()
    runner.owned_by(alive).run(lambda: "hello", alive.setText)
    qtbot.waitUntil(lambda: alive.text() == "hello")
