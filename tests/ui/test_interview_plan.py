"""Planning an interview under caution in the window (issue 12 point 1): the plan dialog saves
every field and changes a plan; the warnings for an interpreter and an appropriate adult come
and go as the plan is made; the case's interviews panel lists the plans, cancels one with a
reason, asks for the record window, and opens the invitation letter with its asks prefilled
from the plan; the dialog fits a laptop's screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, QSize
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import UK
from officer_app.domain.interview import Offence
from officer_app.gui.dates import qdate
from officer_app.gui.interview_plan_dialog import InterviewPlanDialog, gather_plan_choices
from officer_app.gui.interviews_panel import InterviewsPanel, Invitation
from officer_app.gui.letter_dialog import LetterDialog, gather_choices
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.interview_rows import PlannedDocument
from officer_app.services.interviews import InterviewInfo
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, Case, Child, Family

USABLE = QSize(1366, 728)  # a 1366x768 screen less its taskbar


def _cell(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    assert item is not None
    return item.text()


@pytest.fixture()
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait_idle()


def _case_with_parent(profile: OpenProfile) -> tuple[str, str]:
    """A case whose family has an address and an adult with parental responsibility living
    there: (case id, adult id)."""

    def work(session: Session) -> Any:
        for case in session.scalars(select(Case).order_by(Case.reference)):
            child = session.get_one(Child, case.child_id)
            family = session.get(Family, child.family_id) if child.family_id else None
            adult = session.scalar(
                select(Adult).where(
                    Adult.family_id == child.family_id,
                    Adult.parental_responsibility.is_(True),
                    Adult.lives_with_child.is_(True),
                    Adult.ended_on.is_(None),
                )
            )
            if adult is not None and family is not None and family.address_line1:
                return case.id, adult.id
        raise AssertionError("no case with a parent at the family's address")

    found: tuple[str, str] = profile.store.read(work)
    return found


def _set_adult(profile: OpenProfile, adult_id: str, **values: object) -> None:
    def work(session: Session) -> Any:
        adult = session.get(Adult, adult_id)
        for name, value in values.items():
            setattr(adult, name, value)

    profile.store.write_wait(work)


def _dialog(
    qtbot: QtBot, profile: OpenProfile, runner: TaskRunner, case_id: str, iid: str | None = None
) -> InterviewPlanDialog:
    choices = gather_plan_choices(profile.interviews, case_id, iid)
    dialog = InterviewPlanDialog(profile.interviews, runner, choices)
    qtbot.addWidget(dialog)
    return dialog


def _save(qtbot: QtBot, dialog: InterviewPlanDialog) -> InterviewInfo:
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        save.click()
    assert dialog.saved_info is not None
    return dialog.saved_info


def test_the_plan_dialog_saves_every_field_and_changes_a_plan(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner, tmp_path: Path
) -> None:
    service = demo_profile.interviews
    case_id, adult_id = _case_with_parent(demo_profile)
    scan = tmp_path / "register-extract.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    attachment = demo_profile.attachments.add(case_id, scan)
    officers = service.officers()
    assert officers, "the demo has another officer to be the second"

    dialog = _dialog(qtbot, demo_profile, runner, case_id)
    ui = dialog.ui
    # the start: the statutory topics with their sources, the case's statements, the office
    texts = [ui.topics.item(n).text() for n in range(ui.topics.count())]
    assert len(texts) == 6 and "s447 Education Act 1996" in texts[-1]
    assert ui.office.isChecked() and ui.not_arranged.isChecked()
    ui.topics.setCurrentRow(0)
    assert not ui.remove_topic.isEnabled()  # a statutory topic is always covered
    statements_before = ui.statements.count()

    ui.offence.setCurrentIndex(ui.offence.findData(Offence.S444_1.value))
    assert ui.offence.currentText() == Offence.S444_1.label
    ui.person.setCurrentIndex(ui.person.findData(adult_id))
    ui.period_from.setDate(qdate(dt.date(2026, 9, 7)))
    ui.period_to.setDate(qdate(dt.date(2026, 11, 13)))
    ui.home.setChecked(True)  # the family's address, prefilled
    home = next(c for c in dialog.choices.candidates if c.id == adult_id).home_address
    assert home and ui.place.text() == home
    ui.office.setChecked(True)
    assert ui.place.text() == ""  # the office's text, kept apart
    ui.place.setText("Civic Centre, Market Square, Northam")
    ui.home.setChecked(True)
    assert ui.place.text() == home
    ui.not_arranged.setChecked(False)
    assert ui.when.isEnabled()
    ui.when.setDateTime(QDateTime(dt.datetime(2026, 12, 1, 14, 30)))
    assert ui.when.displayFormat().endswith("HH:mm")  # the 24-hour clock
    ui.second.setCurrentIndex(ui.second.findData(officers[0][0]))
    ui.recording.setCurrentIndex(ui.recording.findData("audio"))
    ui.new_topic.setText("Mornings: who takes her to school")
    ui.add_topic.click()
    ui.topics.setCurrentRow(ui.topics.count() - 1)
    assert ui.remove_topic.isEnabled()
    ui.new_statement.setText("I keep her off when she says she's tired")
    ui.add_statement.click()
    ui.document_choice.setCurrentIndex(ui.document_choice.findText("register-extract.pdf"))
    ui.add_document.click()
    assert ui.document_choice.findText("register-extract.pdf") == -1  # offered once
    ui.new_document.setText("Head teacher's certificate of attendance")
    ui.add_typed_document.click()
    ui.interpreter_language.setText("Polish")
    ui.interpreter_name.setText("Ewa Nowak")
    ui.aa_name.setText("Sam Carter")
    ui.aa_relationship.setText("Family support worker")
    ui.notes.setPlainText("Ground floor room; she has a toddler.")
    info = _save(qtbot, dialog)

    saved = service.interview(info.id)
    assert saved.status == "planned" and saved.version == info.version
    assert saved.offence is Offence.S444_1 and saved.interviewee_id == adult_id
    assert (saved.period_from, saved.period_to) == (dt.date(2026, 9, 7), dt.date(2026, 11, 13))
    assert saved.place_kind == "home" and saved.place == home
    assert saved.planned_for == dt.datetime(2026, 12, 1, 14, 30, tzinfo=UK).astimezone(dt.UTC)
    assert saved.second_officer_id == officers[0][0] and saved.recording == "audio"
    assert [t.key for t in saved.topics][:6] == [
        "leave",
        "sickness",
        "religious_observance",
        "travel",
        "travelling_trade",
        "eso",
    ]
    assert saved.topics[-1].label == "Mornings: who takes her to school"
    assert saved.topics[-1].key.startswith("own_") and saved.topics[-1].source == ""
    assert len(saved.statements) == statements_before + 1
    assert saved.statements[-1].text == "I keep her off when she says she's tired"
    assert saved.documents == (
        PlannedDocument("register-extract.pdf", attachment.id, attachment.entry_id or ""),
        PlannedDocument("Head teacher's certificate of attendance"),
    )
    assert (saved.interpreter_language, saved.interpreter_name) == ("Polish", "Ewa Nowak")
    assert saved.appropriate_adult_name == "Sam Carter"
    assert saved.appropriate_adult_relationship == "Family support worker"
    assert saved.notes == "Ground floor room; she has a toddler."

    # changed: the dialog opens on the saved plan, and saves it as the next version
    again = _dialog(qtbot, demo_profile, runner, case_id, info.id)
    assert again.ui.home.isChecked() and again.ui.place.text() == home
    assert again.ui.recording.currentData() == "audio"
    assert again.ui.documents.count() == 2 and again.plan() == saved.as_plan()
    again.ui.documents.setCurrentRow(1)
    again.ui.remove_document.click()
    again.ui.not_arranged.setChecked(True)
    changed = _save(qtbot, again)
    assert changed.version == saved.version + 1
    assert changed.planned_for is None and len(changed.documents) == 1

    # the person no longer has parental responsibility: kept as planned, never swapped for
    # another adult, and the service's refusal said in the dialog
    _set_adult(demo_profile, adult_id, parental_responsibility=False)
    late = _dialog(qtbot, demo_profile, runner, case_id, info.id)
    assert late.ui.person.currentData() == adult_id
    assert "no longer" in late.ui.person.currentText()
    late.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "Not saved" in late.ui.status.text(), timeout=10_000)
    assert "no parental responsibility" in late.ui.status.text()


def test_warnings_come_and_go_for_an_interpreter_and_an_appropriate_adult(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, adult_id = _case_with_parent(demo_profile)
    _set_adult(demo_profile, adult_id, interpreter_needed=True, language="Polish")
    dialog = _dialog(qtbot, demo_profile, runner, case_id)
    dialog.show()
    ui = dialog.ui
    ui.person.setCurrentIndex(ui.person.findData(adult_id))
    ui.interpreter_language.clear()  # the default plan offers the person's language
    assert ui.warnings.isVisible()
    assert "needing an interpreter (Polish)" in ui.warnings.text()
    assert "needs an interpreter (Polish)" in ui.person_detail.text()
    ui.interpreter_language.setText("Polish")
    assert not ui.warnings.isVisible() and ui.warnings.text() == ""
    dialog.close()

    # 17 on the demo's today: an appropriate adult is needed (Code C 1.5)
    today = demo_profile.interviews.today()
    born = dt.date(today.year - 17, today.month, today.day)
    _set_adult(demo_profile, adult_id, interpreter_needed=False, date_of_birth=born)
    dialog = _dialog(qtbot, demo_profile, runner, case_id)
    dialog.show()
    ui = dialog.ui
    ui.person.setCurrentIndex(ui.person.findData(adult_id))
    assert ui.warnings.isVisible() and "The person is 17" in ui.warnings.text()
    assert "aged 17" in ui.person_detail.text()
    ui.aa_name.setText("Sam Carter")
    assert not ui.warnings.isVisible()
    ui.aa_name.setText("  ")
    assert ui.warnings.isVisible()
    # saving is never refused for a warning
    ui.place.setText("Civic Centre, Northam")
    info = _save(qtbot, dialog)
    assert [w.key for w in info.warnings] == ["appropriate_adult"]


def test_the_panel_lists_plans_and_its_invitation_opens_the_letter_prefilled(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    service = demo_profile.interviews
    case_id, adult_id = _case_with_parent(demo_profile)
    _set_adult(demo_profile, adult_id, vulnerable=True)
    base = replace(
        service.default_plan(case_id),
        interviewee_id=adult_id,
        place="Civic Centre, Market Square, Northam",
        planned_for=dt.datetime(2026, 12, 1, 14, 30, tzinfo=UK).astimezone(dt.UTC),
    )
    first = service.plan(case_id, base)
    second = service.plan(case_id, replace(base, planned_for=None, appropriate_adult_name="S C"))
    letters = demo_profile.letters
    opened: list[LetterDialog] = []

    def open_letter(invitation: Invitation) -> None:
        dialog = LetterDialog(
            case_id,
            "the child",
            letters,
            runner,
            gather_choices(letters, case_id),
            today=service.today(),
            template_id=invitation.template_id,
            asks=invitation.asks,
            recipient_id=invitation.recipient_id,
        )
        qtbot.addWidget(dialog)
        opened.append(dialog)

    panel = InterviewsPanel(service, runner, case_id, open_letter)
    qtbot.addWidget(panel)
    panel.resize(700, 360)
    panel.show()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    cells = [[_cell(panel.table, r, c) for c in range(panel.table.columnCount())] for r in range(2)]
    assert cells[0][:2] == ["Planned", "01/12/2026 14:30"]
    assert cells[0][4] == "\u26a0 1"  # vulnerable, no appropriate adult
    marker = panel.table.item(0, 4)
    assert marker is not None and "vulnerable" in marker.toolTip()
    assert cells[1][:2] == ["Planned", "Not arranged"] and cells[1][4] == ""

    panel.table.selectRow(0)
    assert panel.current() == next(i for i in panel.interviews if i.id == first.id)
    assert "14:30" in panel.detail.text() and "Civic Centre" in panel.detail.text()
    for button in (panel.edit_button, panel.letter_button, panel.conduct_button):
        assert button.isEnabled()
    assert panel.conduct_button.text() == "&Start" and not panel.record_button.isEnabled()
    with qtbot.waitSignal(panel.conduct_requested) as started:
        panel.conduct_button.click()
    assert started.args == [first.id]

    panel.letter_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    letter = opened[0]
    assert letter.template.currentData() == "interview_invitation"
    assert letter.recipient.currentData() == adult_id
    asks = letter.asks.values()
    assert asks["offence_from"] == base.period_from.isoformat()
    assert asks["offence_to"] == base.period_to.isoformat()
    assert asks["interview_date"] == "2026-12-01" and asks["interview_time"] == "14:30"
    assert asks["interview_place"] == "Civic Centre, Market Square, Northam"
    assert asks["reply_by"] == ""  # the officer's to choose, and to check all before sending

    # cancelled with a reason (required), then neither edited nor started
    panel.table.selectRow(1)
    panel.cancel_button.click()
    cancel = panel.cancel_dialog
    assert cancel is not None
    ok = cancel.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    cancel.reason.setPlainText("Planned in error")
    assert ok.isEnabled()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        ok.click()
    qtbot.waitUntil(
        lambda: panel.current() is not None and panel.current().status == "cancelled",  # type: ignore[union-attr]
        timeout=10_000,
    )
    assert service.interview(second.id).status_reason == "Planned in error"
    assert _cell(panel.table, 1, 0) == "Cancelled"
    assert "Planned in error" in panel.detail.text()
    for button in (panel.edit_button, panel.letter_button, panel.conduct_button):
        assert not button.isEnabled()


def test_the_panel_plans_through_the_dialog(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, _adult_id = _case_with_parent(demo_profile)
    panel = InterviewsPanel(demo_profile.interviews, runner, case_id, lambda _i: None)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.loaded, timeout=10_000)
    assert panel.table.rowCount() == 0 and "No interview" in panel.detail.text()
    panel.plan_button.click()
    qtbot.waitUntil(lambda: panel.plan_dialog is not None, timeout=10_000)
    dialog = panel.plan_dialog
    assert dialog is not None
    dialog.ui.place.setText("Civic Centre, Northam")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _save(qtbot, dialog)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert _cell(panel.table, 0, 0) == "Planned"


def test_the_plan_dialog_fits_a_laptop_screen(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, _adult_id = _case_with_parent(demo_profile)
    dialog = _dialog(qtbot, demo_profile, runner, case_id)
    for n in range(8):  # a long plan: the lists scroll, the dialog does not grow
        dialog.ui.new_statement.setText(f"A long significant statement, number {n}, " * 4)
        dialog.ui.add_statement.click()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    frame, least = dialog.frameGeometry().size(), dialog.minimumSizeHint()
    assert frame.width() <= USABLE.width() and frame.height() + 30 <= USABLE.height(), frame
    assert least.width() <= USABLE.width() and least.height() <= USABLE.height(), least
    # every button on screen, nothing cut
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.mapTo(dialog, save.rect().bottomRight()).y() <= dialog.height()


def test_the_documents_offered_are_the_attachments_and_the_signed_letters(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    service, letters = demo_profile.interviews, demo_profile.letters
    case_id, adult_id = _case_with_parent(demo_profile)
    scan = tmp_path / "school-report.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    attachment = demo_profile.attachments.add(case_id, scan)
    when = dt.datetime(2026, 12, 1, 14, 30, tzinfo=UK).astimezone(dt.UTC)
    plan = replace(service.default_plan(case_id), interviewee_id=adult_id, place="Civic Centre")
    info = service.plan(case_id, replace(plan, planned_for=when))
    asks = {**service.invitation_asks(info.id), "reply_by": "2026-11-27"}
    made = letters.render(case_id, "interview_invitation", recipient_id=adult_id, asks=asks)
    sent = letters.record_sent(case_id, made, sent_on=service.today(), method="post")

    offered = service.document_choices(case_id)
    assert PlannedDocument("school-report.pdf", attachment.id, "") in offered
    letter = [d for d in offered if d.title.startswith("Letter: ")]
    assert len(letter) == 1 and letter[0].entry_id == sent.entry_id
    assert "Invitation to an interview under caution" in letter[0].title
    assert letter[0].title.endswith(f"sent {service.today().isoformat()}")
    # its kept copy is offered once, as the letter, not again as a file
    assert [d for d in offered if d.attachment_id == letter[0].attachment_id] == letter
