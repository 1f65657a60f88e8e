"""Unsigned entries and the quick note's time in the window (issue 11 point 6)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog

from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import UNSIGNED, EntryRole
from officer_app.gui.entry_dialogs import FinishEntryDialog, qdatetime
from officer_app.gui.penalty_dialogs import ReasonDialog
from officer_app.gui.window import MainWindow


def _open_with_unsigned(qtbot, window: MainWindow) -> CasePage:  # type: ignore[no-untyped-def]
    profile = window.profile
    assert profile is not None
    mine = profile.cases.unsigned.caseload()
    page = window.open_case(mine[0].case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    pane = page.chronology_pane
    pane.type_filter.setCurrentIndex(pane.type_filter.findData(UNSIGNED))
    assert pane.chronology.rowCount() >= 1
    pane.tree.setCurrentIndex(pane.chronology.index(0, 0))
    return page


def _unsigned_rows(page: CasePage) -> int:
    model = page.chronology_pane.chronology
    return sum(1 for r in range(model.rowCount()) if not model.index(r, 0).data(EntryRole).signed)


def test_the_unsigned_filter_shows_only_unsigned_entries_and_offers_finish(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_unsigned(qtbot, window)
    pane = page.chronology_pane
    assert _unsigned_rows(page) == pane.chronology.rowCount()
    assert pane.finish_button.isVisible() and pane.finish_button.isEnabled()
    assert pane.discard_button.isVisible() and pane.discard_button.isEnabled()
    assert "Not signed" in pane.entry_text.toPlainText()


def test_finish_and_sign_from_the_chronology(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_unsigned(qtbot, window)
    pane = page.chronology_pane
    before = pane.chronology.rowCount()

    def finish(dialog: FinishEntryDialog) -> int:
        dialog.title.setText("Phone call with Mum")
        dialog.text.setPlainText("Mum said the bus was late all week.")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(FinishEntryDialog, "exec", finish)
    pane.finish_button.click()
    qtbot.waitUntil(lambda: "Entry signed" in page.note_status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: pane.chronology.rowCount() == before - 1, timeout=10_000)


def test_a_future_time_is_refused_in_the_finish_dialog(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_unsigned(qtbot, window)
    entry = page.selected_entry()
    assert entry is not None
    now = page.quick_note.service.now()
    dialog = FinishEntryDialog(entry, now, page)
    qtbot.addWidget(dialog)
    dialog.when.setMaximumDateTime(QDateTime(2100, 1, 1, 0, 0, 0))
    dialog.when.setDateTime(qdatetime(now + dt.timedelta(days=1)))
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert dialog.message.text().startswith("Happened:")


def test_discard_with_a_reason_from_the_chronology(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_unsigned(qtbot, window)

    def discard(dialog: ReasonDialog) -> int:
        dialog.reason.setPlainText("Written on the wrong case")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReasonDialog, "exec", discard)
    page.chronology_pane.discard_button.click()
    qtbot.waitUntil(lambda: "Entry discarded" in page.note_status.text(), timeout=10_000)
    assert "Written on the wrong case" in page.note_status.text()
    pane = page.chronology_pane
    pane.type_filter.setCurrentIndex(0)
    qtbot.waitUntil(
        lambda: any(
            pane.chronology.index(r, 0).data(EntryRole).title == "Unsigned entry discarded"
            for r in range(pane.chronology.rowCount())
        ),
        timeout=10_000,
    )


def test_the_quick_note_signs_the_time_it_happened(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_unsigned(qtbot, window)
    note = page.quick_note
    assert not note.time_edited  # follows "now" until the officer edits it
    earlier = note.service.now() - dt.timedelta(hours=2)
    note.happened.setDateTime(qdatetime(earlier))
    assert note.time_edited
    note.note_text.setPlainText("Saw Mum at the school gate.")
    note.save_draft()
    qtbot.waitUntil(lambda: "Draft saved" in note.note_status.text(), timeout=10_000)
    note.sign_note()
    qtbot.waitUntil(lambda: note.note_status.text() == "Note signed.", timeout=10_000)
    assert not note.time_edited  # the next note follows "now" again
    pane = page.chronology_pane
    pane.type_filter.setCurrentIndex(0)

    def signed_at_earlier() -> bool:
        for r in range(pane.chronology.rowCount()):
            e = pane.chronology.index(r, 0).data(EntryRole)
            if e.body == "Saw Mum at the school gate.":
                return e.occurred_at == earlier.replace(second=0, microsecond=0)
        return False

    qtbot.waitUntil(signed_at_earlier, timeout=10_000)


def test_a_note_in_the_future_is_refused_in_one_line(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _open_with_unsigned(qtbot, window)
    note = page.quick_note
    note.happened.setDateTime(qdatetime(note.service.now() + dt.timedelta(hours=1)))
    note.note_text.setPlainText("Too early")
    note.sign_note()
    qtbot.waitUntil(lambda: note.note_status.text().startswith("Not signed"), timeout=10_000)
    assert "in the future" in note.note_status.text()
    assert "\n" not in note.note_status.text()
    assert note.note_text.toPlainText() == "Too early"  # nothing lost, nothing signed
