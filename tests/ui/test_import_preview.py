"""The register import asks first in the window (issue 11 point 9): Cancel changes nothing,
Import replaces the marks shown, and whose penalty-notice evidence would move is listed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from officer_app.gui.import_preview import ImportPreviewDialog
from officer_app.gui.window import MainWindow
from officer_app.store.models import AttendanceMark, Case, Child
from tests.unit.test_penalty_notice_service import a_case_with_parents


def _marks(window: MainWindow) -> list[tuple[str, str, str, str]]:
    return window.profile.store.read(
        lambda s: sorted(
            (str(m.child_id), m.date.isoformat(), m.session, m.code)
            for m in s.scalars(select(AttendanceMark))
        )
    )


def test_the_window_shows_what_would_change_and_imports_only_when_confirmed(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    profile = window.profile
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    case_id, parents = a_case_with_parents(profile)
    today = profile.clock.today()
    profile.penalty_notices.consider(
        case_id, parents[:1], today - dt.timedelta(days=60), today - dt.timedelta(days=1)
    )
    reference, upn, mark = profile.store.read(
        lambda s: s.execute(
            select(Case.reference, Child.upn, AttendanceMark)
            .join(Child, Child.id == Case.child_id)
            .join(AttendanceMark, AttendanceMark.child_id == Child.id)
            .where(Case.id == case_id, AttendanceMark.date >= today - dt.timedelta(days=30))
            .order_by(AttendanceMark.date)
            .limit(1)
        ).one()
    )
    new_code = "O" if mark.code != "O" else "I"
    register = tmp_path / "corrected.csv"
    register.write_text(
        f"upn,date,session,code\n{upn},{mark.date.isoformat()},{mark.session},{new_code}\n"
    )
    before = _marks(window)

    window.import_register(register)
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=15_000)
    dialog = window.findChild(ImportPreviewDialog)
    assert dialog.ui.replaced.text() == "1 (for 1 child)"
    assert dialog.ui.added.text() == "0" and dialog.ui.matched.text() == "1"
    assert dialog.ui.notices.count() == 1
    assert reference in dialog.ui.notices.item(0).text()
    assert dialog.width() <= 1366 and dialog.height() <= 728
    dialog.grab().save("/tmp/h8-import-preview.png")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is None, timeout=5_000)
    window.runner.wait_idle()
    assert _marks(window) == before and shown == []  # Cancel: nothing changed

    window.import_register(register)
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None, timeout=15_000)
    dialog = window.findChild(ImportPreviewDialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert "0 marks added, 1 corrected by the school, 0 already held" in shown[-1]
    after = _marks(window)
    assert (str(mark.child_id), mark.date.isoformat(), mark.session, new_code) in after
    assert len(after) == len(before)
