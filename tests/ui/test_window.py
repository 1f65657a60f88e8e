"""The window as an officer uses it: unlock, find a case, read it, write and sign, lock."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QWidget,
)

from officer_app.clock import FixedClock
from officer_app.gui import caseload_table as ct
from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import EntryRole
from officer_app.gui.window import MainWindow
from officer_app.services.case_file import CaseFileService
from officer_app.services.dto import DraftInfo
from officer_app.services.profile import OpenProfile
from tests.conftest import MemoryKeyring
from tests.ui.conftest import make_window, unlock


def visible_text(root: QWidget) -> str:
    parts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextBrowser)):
            parts.append(widget.toPlainText())
    return "\n".join(parts)


def test_a_wrong_passphrase_is_refused_then_the_right_one_opens(
    qtbot,
    demo_dir: Path,
    keyring_backend: MemoryKeyring,
    clock: FixedClock,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(qtbot, demo_dir, keyring_backend, clock)
    assert window.stack.currentWidget() is window.unlock_page
    window.unlock_page.passphrase.setText("not my passphrase")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong passphrase" in window.unlock_page.message.text(), timeout=10_000)
    assert "attempt 1" in window.unlock_page.message.text()  # then a wait (tested in security)
    assert window.caseload.model.rowCount() == 0
    qtbot.waitUntil(window.unlock_page.button.isEnabled, timeout=5_000)
    unlock(qtbot, window)
    assert window.stack.currentWidget() is window.tabs
    assert window.caseload.model.rowCount() == 30
    assert " of my " in window.caseload.count.text()  # the officer's own cases first
    window.close()


def test_idle_lock_hides_every_trace_of_the_caseload(
    qtbot,
    demo_dir: Path,
    keyring_backend: MemoryKeyring,
    clock: FixedClock,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(qtbot, demo_dir, keyring_backend, clock)  # 5 minutes while opening
    unlock(qtbot, window)
    row = window.caseload.model.rows[0]
    page = window.open_case(row.case_id)
    assert page is not None
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    assert row.child_surname in visible_text(window)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.idle.set_minutes(0.01)
        window.idle.arm()  # then 0.6 s without input
    assert window.stack.currentWidget() is window.unlock_page
    assert window.caseload.model.rowCount() == 0
    assert window.tabs.count() == 2  # the caseload and this week only
    assert window.profile is None
    assert row.child_surname not in visible_text(window)
    assert row.child_forename not in visible_text(window)
    window.idle.set_minutes(5)
    unlock(qtbot, window)  # and it opens again
    assert window.caseload.model.rowCount() == 30
    window.close()


def test_search_filters_the_caseload(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.caseload.show_all_cases(True)
    window.caseload.show_closed.setChecked(True)
    target = window.caseload.model.rows[5]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.caseload.search.hasFocus()
    qtbot.keyClicks(window.caseload.search, f"{target.child_surname} {target.child_forename}")
    qtbot.waitUntil(lambda: window.caseload.proxy.rowCount() < 30, timeout=5_000)
    shown = [
        window.caseload.proxy.index(i, 0).data(ct.RowRole).case_id
        for i in range(window.caseload.proxy.rowCount())
    ]
    assert target.case_id in shown
    window.caseload.search.clear()
    qtbot.waitUntil(lambda: window.caseload.proxy.rowCount() == 30, timeout=5_000)


def _open(qtbot, window: MainWindow, pick) -> CasePage:  # type: ignore[no-untyped-def]
    page = window.open_case(pick.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    return page


def test_a_case_shows_the_child_risks_and_chronology_with_amendments(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    rows = window.caseload.model.rows
    risky = next(r for r in rows if r.has_risk)
    page = _open(qtbot, window, risky)
    assert page.name.text() == risky.child_name
    # the risks as chips in the header, each in full on the Risk tab
    chips = [page.header.chips.itemAt(n).widget() for n in range(page.header.chips.count())]
    assert any(c is not None and c.isVisible() and "⚠" in c.text() for c in chips)
    assert "⚠" in page.risk_banner.text()
    assert page.side.tabText(page.side.indexOf(page.risk_tab)).startswith("Risk (")
    assert page.chronology.rowCount() > 0
    assert (
        window.tabs.tabText(window.tabs.currentIndex())
        == f"{risky.child_surname}, {risky.child_forename}"
    )
    # an amendment hangs under its original
    amended = None
    for r in rows:
        detail = window.profile.cases.open_case(r.case_id)
        if any(e.amendments for e in detail.entries):
            amended = r
            break
    assert amended is not None, "the demo caseload has amendments"
    page = _open(qtbot, window, amended)
    parents = [page.chronology.item(i, 0) for i in range(page.chronology.rowCount())]
    with_children = [p for p in parents if p.hasChildren()]
    assert with_children
    child = with_children[0].child(0, 0).data(EntryRole)
    original = with_children[0].data(EntryRole)
    assert child.amends_id == original.id


def test_a_quick_note_autosaves_comes_back_and_signs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pick = window.caseload.model.rows[2]
    window.caseload.table.setFocus()
    page = _open(qtbot, window, pick)
    before = page.chronology.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.note_text.hasFocus()
    qtbot.keyClicks(page.note_text, "Spoke to dad at the school gate about Mondays")
    qtbot.waitUntil(lambda: "Draft saved" in page.note_status.text(), timeout=10_000)
    window.close_tab(window.tabs.indexOf(page))
    window.runner.wait_idle()
    page = _open(qtbot, window, pick)
    assert page.note_text.toPlainText() == "Spoke to dad at the school gate about Mondays"
    assert "Draft restored" in page.note_status.text()
    qtbot.keyClick(page.note_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.chronology.rowCount() == before + 1, timeout=10_000)
    newest = page.chronology.item(0, 0).data(EntryRole)
    assert newest.body == "Spoke to dad at the school gate about Mondays" and newest.signed
    assert page.chronology.item(0, 4).text().endswith("Signed")
    assert page.note_text.toPlainText() == ""
    assert window.profile.cases.open_case(pick.case_id).draft is None


def test_signing_an_amendment_keeps_the_note_being_typed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """The officer is half-way through a quick note, amends an older entry, and finds the note
    still there (it once was cleared as if it had been signed)."""
    from PySide6.QtWidgets import QDialog

    from officer_app.gui.amend_dialog import AmendDialog

    pick = window.caseload.model.rows[3]
    page = _open(qtbot, window, pick)
    qtbot.keyClicks(page.note_text, "Half a note about the Tuesday meeting")
    row = next(
        i
        for i in range(page.chronology.rowCount())
        if page.chronology.item(i, 0).data(EntryRole).signed
    )
    page.chronology_pane.tree.setCurrentIndex(page.chronology.index(row, 0))

    def fill(dialog: AmendDialog) -> int:
        dialog.reason.setText("Wrong date given")
        dialog.text.setPlainText("The meeting was on the 4th.")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(AmendDialog, "exec", fill)
    before = page.chronology.rowCount()
    page.amend_button.click()
    qtbot.waitUntil(lambda: "Amendment signed" in page.note_status.text(), timeout=10_000)
    assert page.note_text.toPlainText() == "Half a note about the Tuesday meeting"
    assert window.runner.wait_idle()
    assert page.chronology.rowCount() == before  # the amendment hangs under its original


class _LastSaveFirstIfItCan(CaseFileService):
    """A case-file service whose save before the last waits (a little) for the last one to
    commit first: a runner that let the last save overtake would leave the older text."""

    def __init__(self, profile: OpenProfile, typed: list[str]) -> None:
        super().__init__(profile.store, profile.clock, profile.officer.id)
        self._typed = typed
        self._last_saved = threading.Event()

    def save_draft(  # type: ignore[no-untyped-def]
        self, case_id: str, body: str, **kwargs
    ) -> DraftInfo:
        if body == self._typed[-2]:
            self._last_saved.wait(0.5)
        saved = super().save_draft(case_id, body, **kwargs)
        if body == self._typed[-1]:
            self._last_saved.set()
        return saved


def test_quick_draft_saves_commit_in_the_order_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    profile = window.profile
    assert profile is not None
    pick = window.caseload.model.rows[4]
    typed = [f"Rang the school, attempt {n}: no answer yet" for n in range(20)]
    page = CasePage(pick.case_id, _LastSaveFirstIfItCan(profile, typed), window.runner)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    for text in typed:
        page.note_text.setPlainText(text)
        page.save_draft()
    assert window.runner.wait_idle()
    draft = profile.cases.open_case(pick.case_id).draft
    assert draft is not None and draft.body == typed[-1]
    assert "Draft saved" in page.note_status.text()


def test_ctrl_l_locks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.caseload.model.rowCount() == 0


def test_change_passphrase_from_the_file_menu(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from officer_app.gui.passphrase_dialog import ChangePassphraseDialog
    from tests.conftest import TEST_PASSPHRASE

    def fill_and_submit(dialog: ChangePassphraseDialog) -> int:
        dialog.old.setText(TEST_PASSPHRASE)
        dialog.new.setText("short")
        dialog.again.setText("short")
        dialog.submit()
        assert "at least 8" in dialog.message.text()
        dialog.new.setText("a new long passphrase")
        dialog.again.setText("a new long passphrase")
        dialog.submit()
        qtbot.waitUntil(
            lambda: dialog.result() == 1 or "Not changed" in dialog.message.text(), timeout=10_000
        )
        return dialog.result()

    monkeypatch.setattr(ChangePassphraseDialog, "exec", fill_and_submit)
    data_dir = window.profile.data_dir
    backend = window.profile.keyring_backend
    window.passphrase_action.trigger()
    assert "Passphrase changed" in window.statusBar().currentMessage()
    from officer_app.security import keys

    with pytest.raises(keys.WrongPassphrase):
        keys.unwrap_master_key(data_dir, TEST_PASSPHRASE, backend=backend)
