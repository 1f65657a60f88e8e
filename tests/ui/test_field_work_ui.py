"""Field work in the window: plan a visit, acknowledge risks, record the visit on its form."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog

from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import EntryRole
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.risk_ack_dialog import RiskAcknowledgementDialog
from officer_app.gui.visit_dialog import VisitPlanDialog
from officer_app.gui.window import MainWindow
from tests.unit.test_field_work import NO_REPLY


def _open(qtbot, window: MainWindow, risky: bool) -> CasePage:  # type: ignore[no-untyped-def]
    row = next(r for r in window.caseload.model.rows if r.has_risk == risky)
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    qtbot.waitUntil(lambda: bool(page.timescales), timeout=10_000)
    return page


def test_timescales_show_on_the_case(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, window, risky=False)
    assert "First contact" in page.timescale_line.text()
    assert "Initial assessment" in page.timescale_line.text()


def test_a_planned_visit_appears_in_this_week(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, window, risky=False)

    def fill(dialog: VisitPlanDialog) -> int:
        dialog.purpose.setText("Talk about Monday absences")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(VisitPlanDialog, "exec", fill)
    page.buttons["plan_visit"].click()
    qtbot.waitUntil(lambda: "Visit planned" in page.note_status.text(), timeout=10_000)
    window.refresh()

    def purposes() -> list[str]:
        table = window.week.table
        return [table.item(r, 4).text() for r in range(table.rowCount())]

    qtbot.waitUntil(lambda: "Talk about Monday absences" in purposes(), timeout=10_000)


def test_a_visit_planned_in_summer_is_confirmed_in_uk_time(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The officer picks 10:00 on a BST day; the confirmation says 10:00, not the UTC 09:00."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    page = _open(qtbot, window, risky=False)

    def fill(dialog: VisitPlanDialog) -> int:
        dialog.when.setDateTime(QDateTime(QDate(2027, 7, 1), QTime(10, 0)))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(VisitPlanDialog, "exec", fill)
    page.buttons["plan_visit"].click()
    qtbot.waitUntil(lambda: "Visit planned" in page.note_status.text(), timeout=10_000)
    assert "01/07/2027 10:00" in page.note_status.text()


def test_risks_come_before_the_visit_form_and_the_record_is_signed(
    qtbot,
    window: MainWindow,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    page = _open(qtbot, window, risky=True)
    shown: list[RiskAcknowledgementDialog] = []

    def refuse(dialog: RiskAcknowledgementDialog) -> int:
        shown.append(dialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(RiskAcknowledgementDialog, "exec", refuse)
    page.buttons["home_visit"].click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert page.field_actions is not None
    assert not isinstance(page.field_actions.open_dialog, RecordDialog)  # no form without it

    def accept(dialog: RiskAcknowledgementDialog) -> int:
        dialog.confirm.setChecked(True)
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RiskAcknowledgementDialog, "exec", accept)
    page.buttons["home_visit"].click()
    qtbot.waitUntil(
        lambda: isinstance(page.field_actions.open_dialog, RecordDialog), timeout=10_000
    )
    dialog = page.field_actions.open_dialog
    assert isinstance(dialog, RecordDialog)
    before = page.chronology.rowCount()
    dialog.form.set_answers(NO_REPLY)
    dialog.sign()
    qtbot.waitUntil(lambda: page.chronology.rowCount() == before + 1, timeout=10_000)
    titles = [page.chronology.item(r, 2).text() for r in range(page.chronology.rowCount())]
    assert any("No reply" in t for t in titles)


def test_an_unfinished_record_is_kept_as_a_draft(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, window, risky=False)
    page.buttons["initial_assessment"].click()
    qtbot.waitUntil(
        lambda: (
            page.field_actions is not None
            and isinstance(page.field_actions.open_dialog, RecordDialog)
        ),
        timeout=10_000,
    )
    dialog = page.field_actions.open_dialog
    assert isinstance(dialog, RecordDialog)
    dialog.form.set_answers({"child_views": "I hate the bus, it is always late."})
    dialog.sign()
    assert "still needed" in dialog.status.text()  # refused, with the fields marked
    dialog.close_keeping_draft()
    window.runner.wait_idle()
    page.field_actions.open_dialog = None
    page.buttons["initial_assessment"].click()
    qtbot.waitUntil(
        lambda: isinstance(page.field_actions.open_dialog, RecordDialog), timeout=10_000
    )
    again = page.field_actions.open_dialog
    assert again.form.answers().get("child_views") == "I hate the bus, it is always late."
    again.reject()


@pytest.mark.parametrize("key", ["cme_referral", "ehe_deregistration", "plan_review"])
def test_every_form_opens(qtbot, window: MainWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    page = _open(qtbot, window, risky=False)
    page.buttons[key].click()
    qtbot.waitUntil(
        lambda: (
            page.field_actions is not None
            and isinstance(page.field_actions.open_dialog, RecordDialog)
        ),
        timeout=10_000,
    )
    assert page.field_actions.open_dialog.definition.id == key
    page.field_actions.open_dialog.reject()


def test_a_signed_record_saves_as_a_pdf(qtbot, window: MainWindow, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    page = _open(qtbot, window, risky=False)
    form = window.profile.field_work.definition("home_visit")
    window.profile.field_work.sign_record(page.case_id, form, NO_REPLY)
    page.reload()
    qtbot.waitUntil(
        lambda: any(
            (page.chronology.item(r, 0).data(EntryRole) or None) is not None
            and page.chronology.item(r, 0).data(EntryRole).form_id == "home_visit"
            for r in range(page.chronology.rowCount())
        ),
        timeout=10_000,
    )
    row = next(
        r
        for r in range(page.chronology.rowCount())
        if page.chronology.item(r, 0).data(EntryRole).form_id == "home_visit"
    )
    page.tree.setCurrentIndex(page.chronology.index(row, 0))
    assert page.pdf_button.isEnabled()
    target = tmp_path / "visit.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.pdf_button.click()
    qtbot.waitUntil(lambda: "Saved a" in page.note_status.text(), timeout=20_000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert page.detail.reference in text and "Home visit record" in text
    assert "Page 1 of" in text


def test_a_photo_attaches_encrypted_and_shows_as_a_thumbnail(
    qtbot, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    page = _open(qtbot, window, risky=False)
    panel = page.attachments_panel
    assert panel is not None
    panel.set_target(None)  # to the case as a whole
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    photo = tmp_path / "calling-card.png"
    assert image.save(str(photo))
    panel.attach(photo)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    item = panel.list.item(0)
    assert item.text().startswith("calling-card.png")
    assert not item.icon().isNull()  # decrypted in memory for the thumbnail
    stored = list((window.profile.data_dir / "attachments").glob("*.oab"))
    assert len(stored) == 1 and stored[0].read_bytes() != photo.read_bytes()


def test_a_record_prints_through_the_print_dialog(
    qtbot, window: MainWindow, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    page = _open(qtbot, window, risky=False)
    form = window.profile.field_work.definition("home_visit")
    entry = window.profile.field_work.sign_record(page.case_id, form, NO_REPLY)
    page.reload()
    qtbot.waitUntil(
        lambda: (
            page.chronology.rowCount() > 0
            and any(
                page.chronology.item(r, 0).data(EntryRole).id == entry.id
                for r in range(page.chronology.rowCount())
            )
        ),
        timeout=10_000,
    )
    row = next(
        r
        for r in range(page.chronology.rowCount())
        if page.chronology.item(r, 0).data(EntryRole).id == entry.id
    )
    page.tree.setCurrentIndex(page.chronology.index(row, 0))
    assert page.print_button.isEnabled()
    out = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" we can read
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page.print_button.click()
    qtbot.waitUntil(lambda: "Sent" in page.note_status.text(), timeout=20_000)
    expected = window.profile.field_work.record_pdf_bytes(entry.id)[1]
    assert len(PdfReader(out).pages) == expected


def test_a_photo_attaches_to_the_selected_visit(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    page = _open(qtbot, window, risky=False)
    page.tree.setCurrentIndex(page.chronology.index(0, 0))
    entry = page.selected_entry()
    assert entry is not None and page.attachments_panel is not None
    assert "Attach to" in page.attachments_panel.add_button.text()
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    photo = tmp_path / "letter.png"
    image.save(str(photo))
    page.attachments_panel.attach(photo)
    qtbot.waitUntil(lambda: page.attachments_panel.list.count() == 1, timeout=10_000)
    stored = window.profile.attachments.for_case(page.case_id)
    assert [a.entry_id for a in stored] == [entry.id]


def test_a_register_imports_from_the_window(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from officer_app.store.models import Child

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    upn = window.profile.store.read(lambda s: s.scalar(select(Child.upn).limit(1)))
    window.profile.clock.advance(dt.timedelta(days=10))  # past the week imported
    good = tmp_path / "week.csv"
    good.write_text(f"upn,date,session,code\n{upn},2026-11-23,AM,/\n{upn},2026-11-23,PM,N\n")
    window.import_register(good)
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert "2 marks added" in shown[-1]
    bad = tmp_path / "bad.csv"
    bad.write_text(f"upn,date,session,code\n{upn},2026-11-24,AM,/\n{upn},2026-11-31,AM,/\n")
    window.import_register(bad)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)
    assert "nothing was imported" in shown[-1] and "bad.csv:3" in shown[-1]
