"""An interview under caution the way an officer walks it (issue 12): from the case's
Interviews tab, planned in the plan dialog, conducted in the record window (checklist,
caution, questions and answers, a significant statement, a break and a re-caution, the end,
an addendum, a refusal to sign, the officer's signature), sealed, found in the chronology and
printed: the PDF read back with pypdf shows it all in order with its times."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.gui.case_page import CasePage
from officer_app.gui.window import MainWindow
from officer_app.services.interviews import Sealed
from officer_app.store.models import Adult, Case, Child, Interview
from tests.ui.test_interview_conduct import MORNING, Ticking, _start_and_check, _type
from tests.ui.test_interview_plan import _save


def _quiet_case(window: MainWindow) -> str:
    """A case with a parent and no interview yet."""
    profile = window.profile
    assert profile is not None

    def work(session: Session) -> Any:
        planned = set(session.scalars(select(Interview.case_id)))
        for case in session.scalars(select(Case).order_by(Case.reference)):
            child = session.get_one(Child, case.child_id)
            adult = session.scalar(
                select(Adult).where(
                    Adult.family_id == child.family_id,
                    Adult.parental_responsibility.is_(True),
                    Adult.ended_on.is_(None),
                )
            )
            if adult is not None and case.id not in planned and case.status == "open":
                return case.id
        raise AssertionError("no open case with a parent and no interview")

    found: str = profile.store.read(work)
    return found


def _pdf_text(path: Path) -> str:
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages]
    return re.sub(r"\s+", " ", " ".join(pages))


def _in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing (or out of order) after position {position}"
        position = found + len(part)


def test_plan_conduct_seal_and_print_from_the_case(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = window.open_case(_quiet_case(window))
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    tab = page.interviews_tab
    assert tab is not None and tab.panel is None  # made when first shown
    page.views.setCurrentWidget(tab.widget)
    panel = tab.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.loaded, timeout=10_000)

    # plan it: the statutory topics come with the plan; one document to show
    panel.plan_button.click()
    qtbot.waitUntil(lambda: panel.plan_dialog is not None, timeout=10_000)
    dialog = panel.plan_dialog
    assert dialog is not None
    assert dialog.ui.topics.count() >= 6
    dialog.ui.place.setText("Civic Centre, Northam")
    dialog.ui.new_document.setText("Register extract, autumn term")
    dialog.ui.add_typed_document.click()
    dialog.ui.new_statement.setText("I'm not sending her, she hates that school.")
    dialog.ui.add_statement.click()
    info = _save(qtbot, dialog)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)

    # conduct it in the record window
    clock = Ticking(MORNING)
    tab.stamp_clock_factory = clock.factory
    panel.table.selectRow(0)
    panel.conduct_button.click()
    qtbot.waitUntil(lambda: tab.window is not None and tab.window.info is not None, timeout=10_000)
    record = tab.window
    assert record is not None and record.interview_id == info.id
    _start_and_check(qtbot, record)
    qtbot.waitUntil(lambda: record.page.isVisible(), timeout=10_000)
    clock.advance(minutes=2)
    QTest.keyClick(record.page.input, Qt.Key.Key_F7)
    record.prompt.words.setText("Yes.")
    record.prompt.choose("understood")
    clock.advance(minutes=1)
    _type(qtbot, record, "Why has she missed so much school since September?", Qt.Key.Key_F5)
    clock.advance(minutes=1)
    _type(qtbot, record, "She gets anxious about the bus.", Qt.Key.Key_F6)
    clock.advance(minutes=1)
    record.page.plan_panel.statements.setCurrentRow(record.page.plan_panel.statements.count() - 1)
    QTest.keyClick(record.page.input, Qt.Key.Key_F9)
    QTest.keyClicks(record.prompt.words, "I was upset when I said that.")
    QTest.keyClick(record.prompt.words, Qt.Key.Key_Return)
    clock.advance(minutes=2)
    QTest.keyClick(record.page.input, Qt.Key.Key_F8)
    QTest.keyClicks(record.prompt.words, "The person asked for a break")
    record.prompt.choose("break")
    clock.advance(minutes=8)
    QTest.keyClick(record.page.input, Qt.Key.Key_F8)
    record.prompt.choose("recaution")
    record.prompt.choose("understood")
    clock.advance(minutes=1)
    _type(qtbot, record, "Did you ask the school about transport?", Qt.Key.Key_F5)
    clock.advance(minutes=1)
    _type(qtbot, record, "No comment.", Qt.Key.Key_F6)
    clock.advance(minutes=1)
    record.page.keys["end"].click()
    record.prompt.choose("end")
    closing = record.page.closing
    clock.advance(minutes=4)
    closing.read_self.click()
    closing.addendum.setPlainText("I said the bus, not the school.")
    closing.add_addendum.click()
    closing.words.setText("Not without my solicitor.")
    closing.refused.click()
    closing.interviewer.click()
    with qtbot.waitSignal(record.finished, timeout=10_000) as done:
        closing.seal.click()
    sealed = done.args[0]
    assert isinstance(sealed, Sealed)

    # the panel shows it completed with its exhibit; "Open record" finds it in the chronology
    qtbot.waitUntil(
        lambda: (
            panel.table.rowCount() == 1
            and panel.table.item(0, 3) is not None
            and panel.table.item(0, 3).text() == sealed.exhibit
        ),  # type: ignore[union-attr]
        timeout=10_000,
    )
    qtbot.waitUntil(
        lambda: any(e.id == sealed.entry.id for e in (page.detail.entries if page.detail else ())),
        timeout=10_000,
    )
    panel.table.selectRow(0)
    panel.record_button.click()
    assert page.views.currentWidget() is page.chronology_pane
    entry = page.selected_entry()
    assert entry is not None and entry.id == sealed.entry.id
    assert page.pdf_button.isEnabled() and page.print_button.isEnabled()

    # printed as the case page prints it
    printer = page._printer(entry)
    assert printer is not None
    out = tmp_path / "interview.pdf"
    pages = printer().export_record_pdf(entry.id, out)
    text = _pdf_text(out)
    assert f"Page {pages} of {pages}" in text and f"Exhibit {sealed.exhibit}" in text
    _in_order(
        text,
        [
            "Record of interview under caution",
            "Started 10:00",
            "not under arrest",
            "You do not have to say anything.",
            "10:02",
            "10:03 Q Why has she missed so much school since September?",
            "10:04 A She gets anxious about the bus.",
            "I'm not sending her, she hates that school.",
            "I was upset when I said that.",
            "10:07 Break. Reason: The person asked for a break",
            "10:15 Interview resumed.",
            "10:16 Q Did you ask the school about transport?",
            "10:17 A No comment.",
            "10:18 Interview ended.",
            "I said the bus, not the school.",
            "refused to sign",
            "Not without my solicitor.",
            "Interviewer signed the record as correct.",
            "Signatures",
        ],
    )


def test_starting_a_colleagues_interview_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    from dataclasses import replace

    from tests.ui.test_interview_conduct import _open

    profile = window.profile
    assert profile is not None
    service = profile.interviews
    case_id = _quiet_case(window)
    colleague = service.officers()[0]
    info = service.plan(case_id, replace(service.default_plan(case_id), place="Civic Centre"))

    def planned_for_colleague(session: Session) -> None:
        row = session.get_one(Interview, info.id)
        row.interviewer_id = colleague[0]

    profile.store.write_wait(planned_for_colleague)
    record = _open(qtbot, profile, window.runner, info.id, Ticking(MORNING))
    record.start_button.click()
    qtbot.waitUntil(lambda: record.prompt.asking, timeout=10_000)
    assert f"{colleague[1]} is planned to conduct this interview" in record.prompt.message.text()
    assert record.record.events == []  # nothing stamped yet
    record.prompt.choose("take_over")
    qtbot.waitUntil(lambda: record.form is not None, timeout=10_000)
    assert record.info is not None and record.info.interviewer_id == profile.officer.id
    assert [e.kind.value for e in record.record.events] == ["start"]
