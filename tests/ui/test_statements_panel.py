"""The statement editor in the window (issue 13 point 4): the officer's statement drafted from
the case, a paragraph edited, two versions saved and both kept, an earlier version read, the
statement signed after a confirmation and read-only after, saved as a PDF that says what was
typed; another witness's statement typed in with its own exhibit; closing with unsaved
changes asks; the editor fits a 1366x728 laptop screen."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from officer_app.gui import theme
from officer_app.gui.statement_editor import StatementEditor
from officer_app.gui.statement_text import next_label, referring
from officer_app.gui.statements_panel import StatementsPanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import OpenProfile
from officer_app.services.statements import ExhibitRef
from officer_app.store.models import Case

REFERENCE = "ATT-2026-00011"  # a case at court, interviewed, with a register
USABLE = QSize(1366, 728 - 30)  # a 1366x768 screen less its taskbar and a title bar
SHOTS = Path("/tmp/statements_panel")


@pytest.fixture()
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)  # measured and drawn as the window shows it
    made = TaskRunner()
    yield made
    made.wait_idle()


@pytest.fixture()
def panel(qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner) -> StatementsPanel:
    case_id = demo_profile.store.read(
        lambda s: s.scalar(select(Case.id).where(Case.reference == REFERENCE))
    )
    made = StatementsPanel(demo_profile.statements, runner, str(case_id))
    qtbot.addWidget(made)
    made.resize(900, 320)
    made.show()
    qtbot.waitUntil(lambda: made.loaded, timeout=10_000)
    return made


def _pdf_text(data: bytes) -> str:
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    return re.sub(r"\s+", " ", " ".join(pages))


def _idle(qtbot: QtBot, editor: StatementEditor) -> None:
    qtbot.waitUntil(lambda: not editor.busy and editor.preview.idle, timeout=15_000)


def _press(box: QMessageBox | None, text: str) -> None:
    assert box is not None
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def _shot(widget: QDialog | StatementsPanel, name: str) -> None:
    """Kept for a person to look at (QPdfView draws its pages a moment after it is shown)."""
    SHOTS.mkdir(exist_ok=True)
    QTest.qWait(250)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_officer_statement_drafted_edited_saved_twice_signed_then_read_only(
    qtbot: QtBot, panel: StatementsPanel, demo_profile: OpenProfile, tmp_path: Path
) -> None:
    changed: list[bool] = []
    panel.changed.connect(lambda: changed.append(True))
    assert panel.statements == [] and "No witness statement" in panel.status.text()

    # drafted from the case, the period offered first (the interview plan's)
    panel.officer_button.click()
    qtbot.waitUntil(lambda: panel.period_dialog is not None, timeout=15_000)
    period = panel.period_dialog
    assert period is not None and "interview under caution" in period.ui.source.text()
    _shot(period, "period_dialog")
    period.accept()
    qtbot.waitUntil(lambda: panel.editor is not None, timeout=15_000)
    editor = panel.editor
    assert editor is not None and editor.info is None and editor.dirty
    editor.resize(1280, 690)
    _idle(qtbot, editor)
    assert editor.pages and editor.pages >= 3  # the preview, made on the runner
    assert editor.paragraph_list.count() == len(editor.paragraphs) > 10
    assert editor.paragraph_list.item(0).text().startswith("1. I am ")
    assert not editor.ui.sign_button.isEnabled()  # nothing saved yet
    _shot(editor, "editor_draft")

    # edit the first paragraph in place, and save: version 1
    editor.paragraph_list.setCurrentRow(0)
    first = editor.paragraphs[0]
    editor.edit.setPlainText(first + " I have held this post since September 2019.")
    assert editor.paragraph_list.item(0).text().endswith("since September 2019.")
    editor.ui.save_button.click()
    _idle(qtbot, editor)
    assert editor.info is not None and editor.info.latest_version == 1 and not editor.dirty
    statement_id = editor.info.id

    # another edit (a paragraph added and moved up), saved: version 2, both kept
    editor.paragraph_list.setCurrentRow(1)
    editor.add_paragraph("I have known the family since the referral in January 2026.")
    editor.move_paragraph(-1)
    assert editor.paragraphs[1].startswith("I have known the family")
    editor.ui.save_button.click()
    _idle(qtbot, editor)
    qtbot.waitUntil(lambda: len(editor.versions) == 2, timeout=10_000)
    kept = demo_profile.statements.versions(statement_id)
    assert [v.number for v in kept] == [1, 2]
    assert kept[0].paragraphs[0].endswith("since September 2019.")
    assert "I have known the family" not in " ".join(kept[0].paragraphs)
    assert kept[1].paragraphs[1].startswith("I have known the family")

    # an earlier version read: read-only, the text being edited kept
    editor.ui.versions.setCurrentRow(0)
    assert editor.viewing is not None and editor.viewing.number == 1 and editor.read_only
    assert editor.edit.isReadOnly() and not editor.ui.add_button.isEnabled()
    assert editor.paragraph_list.count() == len(kept[0].paragraphs)
    editor.ui.latest_button.click()
    assert editor.viewing is None and not editor.read_only
    _idle(qtbot, editor)

    # signing asks first, then freezes it
    editor.ui.sign_button.click()
    box = editor.sign_box
    assert box is not None and "chain of evidence" in box.informativeText()
    _press(box, "Cancel")
    assert editor.info is not None and not editor.info.signed
    editor.ui.sign_button.click()
    _press(editor.sign_box, "Sign and seal")
    qtbot.waitUntil(lambda: editor.signed, timeout=15_000)
    _idle(qtbot, editor)
    info = editor.info
    assert info is not None and info.pages and info.signed_on is not None
    assert editor.read_only and editor.edit.isReadOnly()
    for name in ("save_button", "sign_button", "add_button", "add_exhibit_button"):
        assert not getattr(editor.ui, name).isEnabled(), name
    assert editor.ui.print_button.isEnabled() and editor.ui.export_button.isEnabled()
    assert "sealed into the case's chain" in editor.ui.banner.text()
    qtbot.waitUntil(lambda: len(editor.versions) == 3, timeout=10_000)
    _shot(editor, "editor_signed")

    # the list says so, and the statement saved as a PDF carries what was typed
    qtbot.waitUntil(lambda: bool(panel.statements) and panel.statements[0].signed, timeout=10_000)
    assert panel.table.item(0, 2).text() == "Signed" and panel.table.item(0, 4).text()
    assert panel.open_button.text() == "&Read…" and len(changed) == 3
    out = tmp_path / "statement.pdf"
    editor.save_pdf(out)
    qtbot.waitUntil(out.exists, timeout=10_000)
    text = _pdf_text(out.read_bytes())
    assert "since September 2019" in text and "I have known the family" in text
    assert len(PdfReader(out).pages) == info.pages
    _shot(panel, "panel")

    # opened again from the list: read-only at once
    editor.done(QDialog.DialogCode.Accepted)
    panel.open_selected()
    qtbot.waitUntil(lambda: panel.editor is not editor, timeout=10_000)
    again = panel.editor
    assert again is not None and again.read_only and not again.ui.save_button.isEnabled()
    _idle(qtbot, again)


def test_another_witness_typed_in_with_an_exhibit_and_closing_asks(
    qtbot: QtBot, panel: StatementsPanel, demo_profile: OpenProfile
) -> None:
    panel.witness_button.click()
    dialog = panel.witness_dialog
    assert dialog is not None
    ok = dialog.ui.buttons.buttons()[0]
    dialog.ui.name.setText("Sarah  Jones")
    assert not dialog.ui.age.isEnabled()
    dialog.ui.occupation.setText("Attendance lead, Ashby Vale Grammar School")
    assert dialog.witness() == (
        "Sarah Jones",
        "Attendance lead, Ashby Vale Grammar School",
        "over 18",
    )
    assert ok.isEnabled()
    dialog.accept()
    editor = panel.editor
    assert editor is not None and editor.info is None
    assert editor.paragraph_list.count() == 1 and not editor.edit.isReadOnly()
    editor.edit.setPlainText(
        "I am the attendance lead at Ashby Vale Grammar School. I produce the register "
        "extract for David Marin as exhibit SJ/1."
    )
    editor.add_exhibit("Register extract for David Marin, autumn term 2026")
    assert [e.label for e in editor.exhibits] == ["SJ/1"]
    assert referring(editor.paragraphs, "SJ/1") == [1]
    editor.table.selectRow(0)
    editor.remove_exhibit()  # the text refers to it: kept
    assert len(editor.exhibits) == 1 and "paragraph 1 refers to SJ/1" in editor.status.text()
    editor.ui.save_button.click()
    _idle(qtbot, editor)
    info = editor.info
    assert info is not None and info.witness_kind == "other" and info.age_text == "over 18"
    assert info.exhibits[0].label == "SJ/1" and editor.pages == 1
    _shot(editor, "editor_witness")

    # closing with unsaved changes asks: stay, then save and close
    editor.add_paragraph("I have checked the extract against the school's register.")
    editor.reject()
    assert editor.isVisible()
    _press(editor.close_box, "Cancel")
    assert editor.isVisible() and editor.dirty
    editor.reject()
    closed: list[int] = []
    editor.finished.connect(closed.append)
    _press(editor.close_box, "Save")
    qtbot.waitUntil(lambda: closed == [QDialog.DialogCode.Accepted.value], timeout=10_000)
    saved = demo_profile.statements.statement(info.id)
    assert saved.latest_version == 2 and len(saved.paragraphs) == 2
    qtbot.waitUntil(lambda: [s.latest_version for s in panel.statements] == [2], timeout=10_000)


def test_exhibit_labels_number_on() -> None:
    officer = [
        ExhibitRef("TZ/1", "register"),
        ExhibitRef("DO/1", "a visit", provisional=True),
        ExhibitRef("DO/2", "a review", provisional=True),
    ]
    assert next_label(officer, "Dana Officer") == "DO/3"
    assert next_label([], "Sarah Jones") == "SJ/1"
    assert next_label([ExhibitRef("SJ/4", "x")], "Sarah Jones") == "SJ/5"
    assert referring(["see DO/30", "and DO/3."], "DO/3") == [2]


def test_the_editor_fits_a_laptop_screen(
    qtbot: QtBot, panel: StatementsPanel, demo_profile: OpenProfile
) -> None:
    panel.witness_button.click()
    dialog = panel.witness_dialog
    assert dialog is not None
    dialog.ui.name.setText("Sarah Jones")
    dialog.ui.occupation.setText("Attendance lead")
    dialog.ui.over_18.setChecked(False)
    assert dialog.witness()[2] == "15"
    _shot(dialog, "witness_dialog")
    dialog.accept()
    editor = panel.editor
    assert editor is not None
    _idle(qtbot, editor)
    # as opened (and framed by a title bar), and at its least, as tests/ui/test_laptop_fit.py
    framed, least = editor.frameGeometry().size(), editor.minimumSizeHint()
    assert framed.width() <= USABLE.width() and framed.height() <= USABLE.height(), framed
    assert least.width() <= USABLE.width() and least.height() <= USABLE.height(), least
    editor.resize(USABLE)
    assert editor.size() == USABLE
    _shot(editor, "editor_fit")
    editor.done(QDialog.DialogCode.Rejected)
