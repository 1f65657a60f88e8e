"""The forms' part of the benchmarks: open each shipped form to painted, and the time from a
keystroke to its paint while the draft autosaves.

Both use the real RecordDialog on a case of the benchmark profile, its real task runner and
the store's writer thread. The keystrokes go through QTest one at a time at a typing pace,
the event loop running between them, so the dialog's own autosave timers fire as they would:
a keystroke 5 s after the last save submits the draft to the writer, and the keystrokes after
it run while the writer commits. A draft the benchmark leaves behind is removed afterwards.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from officer_app.gui.application import application
from officer_app.gui.form_fields import TextEditor
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.task_runner import WRITES, TaskRunner

FORMS = ("home_visit", "initial_assessment", "plan_review", "cme_referral", "ehe_deregistration")
OPEN_REPEAT = 11
OPEN_WARMUP = 2
TYPING_FORM = "initial_assessment"
TYPING_FIELD = "child_views"
KEYS = 300
KEY_GAP_MS = 40  # between keystrokes, the event loop runs: ~12 s of typing, two 5 s saves
TEXT = (
    "Spoke with Amy alone in the library. She said the bus is often late, she misses "
    "registration and then feels everyone looks at her, so some days she stays home. "
    "She would like a named adult to go to in the morning, and to sit with her friend Jo. "
    "She says maths is fine but PE changing is hard. She wants her mum told first. "
)


class _Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class _CountingRunner(TaskRunner):
    """The task runner, counting the drafts the dialog submits (on the writes lane)."""

    def __init__(self) -> None:
        super().__init__()
        self.saves = 0

    def run(
        self, work: Any, on_done: Any = None, on_error: Any = None, *, lane: Any = None
    ) -> None:  # type: ignore[override]
        self.saves += lane == WRITES
        super().run(work, on_done, on_error, lane=lane)


def _run_loop(ms: int) -> None:
    """Let the event loop run for ``ms`` (timers fire, deferred deletes happen)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def run_forms_benchmarks(opened, case_id: str, Result: Any) -> list[Any]:  # type: ignore[no-untyped-def]
    application()
    service = opened.field_work
    people = service.people(case_id)
    today = opened.clock.today()
    runner = _CountingRunner()
    had_draft = service.record_draft_answers(case_id, TYPING_FORM) is not None
    results: list[Any] = []
    try:
        for form_id in FORMS:
            definition = service.definition(form_id)
            ms = _open_to_painted(case_id, definition, service, runner, people, today)
            questions = sum(1 for _ in definition.iter_fields())
            results.append(
                Result(
                    f"open the {form_id} form ({questions} questions), to painted",
                    ms,
                    "ms",
                    "< 150",
                    ms < 150,
                )
            )
        times, with_save = _type_into(
            case_id, service.definition(TYPING_FORM), service, runner, people, today
        )
        p99 = statistics.quantiles(times, n=100, method="inclusive")[98]
        saving = [t for t, saved in zip(times, with_save, strict=True) if saved]
        worst_saving = f", worst {max(saving):.1f} ms" if saving else ""
        results.append(
            Result(
                f"keystroke to paint while autosaving, p99 ({KEYS} keys, "
                f"{len(saving)} submitting a draft{worst_saving}; max {max(times):.1f} ms)",
                p99,
                "ms",
                "< 16",
                p99 < 16,
            )
        )
        results.append(
            Result("  keystroke to paint, median", statistics.median(times), "ms", "", None)
        )
    finally:
        runner.wait_idle()
        if not had_draft:
            opened.store.write_wait(lambda s: _drop_draft(s, case_id))
    return results


def _open_to_painted(case_id, definition, service, runner, people, today) -> float:  # type: ignore[no-untyped-def]
    """Median ms from constructing the dialog to its first paint done."""
    times = []
    for i in range(OPEN_WARMUP + OPEN_REPEAT):
        started = time.perf_counter()
        dialog = RecordDialog(case_id, definition, service, runner, people=people, today=today)
        paints = _Paints(dialog)
        dialog.show()
        QCoreApplication.processEvents()
        if not paints.count:
            dialog.repaint()
        elapsed = (time.perf_counter() - started) * 1000
        if i >= OPEN_WARMUP:
            times.append(elapsed)
        dialog.reject()
        dialog.deleteLater()
        _run_loop(0)
    return statistics.median(times)


def _type_into(  # type: ignore[no-untyped-def]
    case_id, definition, service, runner, people, today
) -> tuple[list[float], list[bool]]:
    """Type KEYS characters into the long-text question, one QTest key at a time; for each,
    the ms from sending the key to the text box repainted, and whether it submitted a draft."""
    dialog = RecordDialog(case_id, definition, service, runner, people=people, today=today)
    dialog.show()
    QCoreApplication.processEvents()
    editor = dialog.form.editor(TYPING_FIELD)
    assert isinstance(editor, TextEditor)
    box = editor.text_edit
    dialog.form.scroll.ensureWidgetVisible(box)  # type: ignore[attr-defined]
    box.setFocus()
    _run_loop(50)
    paints = _Paints(box.viewport())
    text = (TEXT * (KEYS // len(TEXT) + 1))[:KEYS]
    times: list[float] = []
    with_save: list[bool] = []
    for char in text:
        saves, painted = runner.saves, paints.count
        started = time.perf_counter()
        QTest.keyClick(box, char)  # type: ignore[call-overload]
        QCoreApplication.processEvents()  # the update the key asked for: layout and paint
        if paints.count == painted:
            box.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
        with_save.append(runner.saves > saves)
        _run_loop(KEY_GAP_MS)
    assert box.toPlainText() == text
    dialog.reject()  # keeps the draft, as closing would
    runner.wait_idle()
    dialog.deleteLater()
    _run_loop(0)
    return times, with_save


def _drop_draft(session, case_id: str) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete

    from officer_app.store.models import Draft

    session.execute(delete(Draft).where(Draft.case_id == case_id, Draft.form_id == TYPING_FORM))
