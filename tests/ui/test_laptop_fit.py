"""Every window and dialog fits a 1366x768 laptop with a taskbar (1366x728 usable) and never
grows past it (issue 11, points 12 and 13); the case page gives the chronology the room.

The dialogs are a table of named openers (``OPENERS``): each is handed the window and a demo
case and makes one dialog appear; the check is the same for all. To add a dialog, add a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select

from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.gui.attachment_viewer import AttachmentViewer
from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import UNSIGNED, EntryRole
from officer_app.gui.import_preview import ImportPreviewDialog
from officer_app.gui.window import MainWindow
from officer_app.services.dto import EntryInfo
from officer_app.store.models import AttendanceMark, Case, Child
from tests.conftest import DEMO_TODAY
from tests.ui.test_penalty_notices_window import YEAR, a_case_meeting_the_threshold
from tests.unit.test_penalty_notice_service import supervisor_of

USABLE = QSize(1366, 728)  # a 1366x768 screen less its taskbar
TITLE_BAR = 30  # a real window manager's title bar; offscreen draws none
LONG = "school-attendance-certificate-scanned-at-the-office-on-a-wet-tuesday-morning"


@dataclass
class Scene:
    """What the openers work on: the window, a case with an issued notice (its Penalty
    notices tab loaded and the notice selected), and the id of that notice's copy; a closed
    case and a case with unsigned entries (opened when needed), a register extract that
    would replace marks already held, and the case's attachments."""

    window: MainWindow
    page: CasePage
    copy_letter_id: str
    register: Path | None = None
    pages: dict[str, CasePage] = field(default_factory=dict)


def _fits(size: QSize) -> bool:
    return size.width() <= USABLE.width() and size.height() <= USABLE.height()


def _select_signed(scene: Scene) -> None:
    model, tree = scene.page.chronology, scene.page.tree
    for row in range(model.rowCount()):
        entry = model.index(row, 0).data(EntryRole)
        if isinstance(entry, EntryInfo) and entry.signed and not entry.amends_id:
            tree.setCurrentIndex(model.index(row, 0))
            return
    raise AssertionError("the demo case has a signed entry")


def _step(key: str) -> Callable[[Scene], None]:
    def open_step(scene: Scene) -> None:
        panel = scene.page.penalty_panel
        assert panel is not None and panel.buttons[key].isEnabled(), key
        panel.buttons[key].click()

    return open_step


def _field_work(key: str) -> Callable[[Scene], None]:
    return lambda scene: scene.page.buttons[key].click()


def _tool(key: str, on: str = "") -> Callable[[Scene], None]:
    """A button of the case's tool row (Move on, Close case, Reopen) on the scene's case or
    on the case ``on`` (a page in ``scene.pages``)."""

    def open_tool(scene: Scene) -> None:
        page = scene.pages[on] if on else scene.page
        button = page.buttons[key]
        assert button.isEnabled(), key
        button.click()

    return open_tool


def _people(button: str, *, adult: bool = False) -> Callable[[Scene], None]:
    def open_people(scene: Scene) -> None:
        panel = scene.page.people_panel
        assert panel is not None
        if adult:
            panel.adults.setCurrentRow(0)
        getattr(panel, button).click()

    return open_people


def _risk(button: str) -> Callable[[Scene], None]:
    def open_risk(scene: Scene) -> None:
        panel = scene.pages["risky"].risk_panel
        assert panel is not None
        if button != "raise_button":
            panel.list.setCurrentRow(0)
        assert getattr(panel, button).isEnabled(), button
        getattr(panel, button).click()

    return open_risk


def _attachment(suffix: str) -> Callable[[Scene], None]:
    def open_attachment(scene: Scene) -> None:
        panel = scene.page.attachments_panel
        assert panel is not None
        texts = [panel.list.item(n).text() for n in range(panel.list.count())]
        panel.list.setCurrentRow(next(n for n, t in enumerate(texts) if LONG + suffix in t))
        panel.open_selected()

    return open_attachment


def _unsigned(button: str) -> Callable[[Scene], None]:
    def open_unsigned(scene: Scene) -> None:
        pane = scene.pages["unsigned"].chronology_pane
        pane.tree.setCurrentIndex(pane.chronology.index(0, 0))
        assert getattr(pane, button).isEnabled(), button
        getattr(pane, button).click()

    return open_unsigned


def _week(button: str) -> Callable[[Scene], None]:
    def open_week(scene: Scene) -> None:
        week = scene.window.week
        scene.window.tabs.setCurrentWidget(week)
        assert week.selected_visit() is not None and getattr(week, button).isEnabled()
        getattr(week, button).click()

    return open_week


def _import(scene: Scene) -> None:
    assert scene.register is not None
    scene.window.import_register(scene.register)


def _viewer_shown(dialog: QDialog) -> bool:
    return isinstance(dialog, AttachmentViewer) and (dialog.image or dialog.pdf) is not None


# name -> how to make the dialog appear (modal or window-modal; each is measured, then closed)
OPENERS: dict[str, Callable[[Scene], None]] = {
    "plan a visit": _field_work("plan_visit"),
    "risks before a visit": _field_work("home_visit"),
    "initial assessment form": _field_work("initial_assessment"),
    "plan review form": _field_work("plan_review"),
    "children missing education form": _field_work("cme_referral"),
    "elective home education form": _field_work("ehe_deregistration"),
    "write a letter": lambda scene: scene.page.buttons["letter"].click(),
    "copy of the notice sent": lambda scene: scene.page.view_letter_copy(scene.copy_letter_id),
    "amend an entry": lambda scene: (_select_signed(scene), scene.page.amend_button.click()),
    "change passphrase": lambda scene: scene.window.change_passphrase(),
    "batch letters": lambda scene: scene.window.batch_letters(),
    "consider a penalty notice": lambda scene: scene.page.penalty_panel.consider_button.click(),  # type: ignore[union-attr]
    "ESO decision": lambda scene: scene.page.penalty_panel.eso_button.click(),  # type: ignore[union-attr]
    "notice by others": lambda scene: scene.page.penalty_panel.others_button.click(),  # type: ignore[union-attr]
    "payment": _step("paid"),
    "withdraw": _step("withdraw"),
    # issue 11's casework: the referral, the stages, people, flags, attachments, the import,
    # unsigned entries and planned visits
    "new referral (File menu)": lambda scene: scene.window.referral_action.trigger(),
    "move the case on": _tool("move_stage"),
    "close the case": _tool("close_case"),
    "reopen a closed case": _tool("reopen_case", on="closed"),
    "change the family's address": _people("move_button"),
    "add an adult": _people("add_button"),
    "edit an adult": _people("edit_button", adult=True),
    "an adult left": _people("left_button", adult=True),
    "raise a risk flag": _risk("raise_button"),
    "change a risk flag": _risk("change_button"),
    "end a risk flag": _risk("end_button"),
    "a large photo attached": _attachment(".png"),
    "a PDF attached": _attachment(".pdf"),
    "import that replaces marks": _import,
    "finish and sign an unsigned entry": _unsigned("finish_button"),
    "discard an unsigned entry": _unsigned("discard_button"),
    "move a planned visit": _week("move_button"),
    "cancel a planned visit": _week("cancel_button"),
}
# the dialog to wait for when another modal one comes first (the import's progress), and
# when it is ready to be measured (an attachment once decrypted and drawn)
WAIT_FOR: dict[str, type[QDialog]] = {
    "import that replaces marks": ImportPreviewDialog,
    "a large photo attached": AttachmentViewer,
    "a PDF attached": AttachmentViewer,
}
READY: dict[str, Callable[[QDialog], bool]] = {
    "a large photo attached": _viewer_shown,
    "a PDF attached": _viewer_shown,
}


def _measure_next_dialog(
    qtbot,  # type: ignore[no-untyped-def]
    opener: Callable[[], object],
    kind: type[QDialog] = QDialog,
    ready: Callable[[QDialog], bool] = lambda _d: True,
) -> tuple[str, QSize, QSize]:
    """Open a dialog (a ``kind``), wait for it to show and be ``ready``, note its frame and
    minimum sizes, close it."""
    seen: list[tuple[str, QSize, QSize]] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible() and ready(widget):
            QApplication.processEvents()
            seen.append(
                (type(widget).__name__, widget.frameGeometry().size(), widget.minimumSizeHint())
            )
            widget.reject()
            return
        QTimer.singleShot(25, poll)

    QTimer.singleShot(0, poll)
    opener()
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
    return seen[0]


def _issued_case(window: MainWindow) -> tuple[str, str]:
    """A demo case with a notice issued today and awaiting payment: (case id, its copy's id).
    The 30-case demo has none on its own date, so one is considered and issued here."""
    profile = window.profile
    assert profile is not None
    service = profile.penalty_notices
    case_id = a_case_meeting_the_threshold(window)
    parent = next(p for p in service.parents(case_id) if p.parental_responsibility)
    [notice] = service.consider(case_id, [parent.id], *YEAR)
    issued = service.issue(
        notice.id,
        issued_on=DEMO_TODAY,
        served_by="post",
        authorised_by=supervisor_of(profile),
        authorised_on=DEMO_TODAY,
    )
    assert issued.notice_letter_id and NoticeStatus.WITHDRAWN in issued.next_steps
    return case_id, issued.notice_letter_id


def _picture(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    assert image.save(str(path))
    return path


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    for n in range(pages):
        canvas.drawString(72, 720, f"Synthetic page {n + 1}")
        canvas.showPage()
    canvas.save()
    return path


def _replacing_register(window: MainWindow, case_id: str, folder: Path) -> Path:
    """An extract changing marks the profile holds for the case's child inside its notice's
    period: the preview lists replaced marks and the notice whose evidence would move."""
    assert window.profile is not None
    marks = window.profile.store.read(
        lambda s: s.execute(
            select(Child.upn, AttendanceMark.date, AttendanceMark.session, AttendanceMark.code)
            .join(Case, Case.child_id == Child.id)
            .join(AttendanceMark, AttendanceMark.child_id == Child.id)
            .where(Case.id == case_id, AttendanceMark.date.between(*YEAR))
            .order_by(AttendanceMark.date)
            .limit(6)
        ).all()
    )
    assert marks, "the case has marks in its notice's period"
    rows = [
        f"{upn},{day.isoformat()},{session},{'O' if code != 'O' else 'I'}"
        for upn, day, session, code in marks
    ]
    path = folder / "corrected-register-with-a-long-file-name-from-the-school.csv"
    path.write_text("upn,date,session,code\n" + "\n".join(rows) + "\n")
    return path


def _casework_scene(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, page: CasePage, letter_id: str, folder: Path
) -> Scene:
    """The scene for issue 11's dialogs: two attachments with long names on the case, a
    closed case, a case with risk flags, a case with unsigned entries (each opened), a visit
    planned this week and selected on the week page, a register that replaces marks."""
    profile = window.profile
    assert profile is not None
    profile.attachments.add(page.case_id, _picture(folder / f"{LONG}.png", 3000, 2000))
    profile.attachments.add(page.case_id, _pdf(folder / f"{LONG}.pdf", 4))
    panel = page.attachments_panel
    assert panel is not None
    panel.reload()

    def both_listed() -> bool:
        texts = " ".join(panel.list.item(n).text() for n in range(panel.list.count()))
        return f"{LONG}.png" in texts and f"{LONG}.pdf" in texts

    qtbot.waitUntil(both_listed, timeout=10_000)
    closed = profile.store.read(
        lambda s: s.scalar(select(Case.id).where(Case.status == "closed").limit(1))
    )
    risky = next(r.case_id for r in window.caseload.model.rows if r.has_risk)
    unsigned = profile.cases.unsigned.caseload()[0].case_id
    scene = Scene(window, page, letter_id, _replacing_register(window, page.case_id, folder))
    for name, case_id in (("closed", closed), ("risky", risky), ("unsigned", unsigned)):
        assert case_id is not None, name
        scene.pages[name] = _open_case(qtbot, window, case_id)
    risk_panel = scene.pages["risky"].risk_panel
    qtbot.waitUntil(lambda: risk_panel is not None and risk_panel.list.count() > 0)
    pane = scene.pages["unsigned"].chronology_pane
    pane.type_filter.setCurrentIndex(pane.type_filter.findData(UNSIGNED))
    assert pane.chronology.rowCount() >= 1
    people = page.people_panel
    qtbot.waitUntil(lambda: people is not None and people.adults.count() > 0, timeout=10_000)
    later = dt.datetime.combine(DEMO_TODAY, dt.time(15), tzinfo=dt.UTC)
    plan = profile.field_work.plan_visit(page.case_id, later, "Talk about Mondays with Dad")
    window.refresh()
    week = window.week
    qtbot.waitUntil(lambda: any(v.id == plan.id for v in week._visits), timeout=10_000)
    week.table.setCurrentCell(next(n for n, v in enumerate(week._visits) if v.id == plan.id), 0)
    window.tabs.setCurrentWidget(page)
    return scene


def _open_case(qtbot, window: MainWindow, case_id: str) -> CasePage:  # type: ignore[no-untyped-def]
    page = window.open_case(case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    assert window.runner.wait_idle()
    return page


def test_the_case_page_shows_twelve_entries_and_eight_lines_of_the_selected_one(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.resize(USABLE)
    rows = window.caseload.model.rows
    assert window.profile is not None
    busiest = max(rows, key=lambda r: len(window.profile.cases.open_case(r.case_id).entries))  # type: ignore[union-attr]
    page = _open_case(qtbot, window, busiest.case_id)
    qtbot.wait(50)  # one layout pass
    assert page.chronology.rowCount() >= 12
    tree = page.tree
    row_height = tree.sizeHintForRow(0)
    assert row_height > 0
    assert tree.viewport().height() // row_height >= 12, (tree.viewport().height(), row_height)
    text = page.entry_text
    line = text.fontMetrics().lineSpacing()
    margin = 2 * int(text.document().documentMargin())
    assert (text.viewport().height() - margin) // line >= 8, (text.viewport().height(), line)
    assert window.width() <= USABLE.width() and window.height() <= USABLE.height()
    # the actions are a compact row on screen, and in the Case menu with their shortcuts
    for key, button in page.buttons.items():
        if not button.isEnabled():  # not offered on an open case (Reopen): not shown either
            assert not button.isVisible(), key
            continue
        right = button.mapTo(window, button.rect().topRight()).x()
        assert button.isVisible() and right <= window.width(), key
    assert window.work_actions["home_visit"].shortcut().toString() == "Ctrl+Shift+V"


def test_the_header_shows_risk_by_severity_and_the_two_officers_rule(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    assert window.profile is not None
    for row in (r for r in window.caseload.model.rows if r.has_risk):
        detail = window.profile.cases.open_case(row.case_id)
        if any(r.two_officers_required for r in detail.risks):
            break
    else:
        raise AssertionError("the demo has a flag needing two officers")
    page = _open_case(qtbot, window, row.case_id)
    chips = [page.header.chips.itemAt(n).widget() for n in range(page.header.chips.count())]
    names = [c.accessibleName() for c in chips if c is not None]
    assert names[0] == "Two officers required"
    for risk in detail.risks:
        assert f"Risk: {risk.severity.upper()} {risk.category}" in names
    # a LOW flag is a muted chip, never the red of the two-officers rule
    from officer_app.gui.theme import RISK_COLOURS, TWO_OFFICERS

    assert RISK_COLOURS["low"] != TWO_OFFICERS and RISK_COLOURS["high"] == TWO_OFFICERS


@pytest.mark.slow
def test_every_tab_and_dialog_fits_a_laptop_screen(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.resize(USABLE)
    case_id, letter_id = _issued_case(window)
    too_big: list[str] = []

    def check_window(where: str) -> None:
        QApplication.processEvents()
        size, least = window.size(), window.minimumSizeHint()
        if not (_fits(size) and _fits(least)):
            too_big.append(f"window on {where}: {size.toTuple()} (at least {least.toTuple()})")

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        check_window(window.tabs.tabText(index))
    page = _open_case(qtbot, window, case_id)
    for index in range(page.views.count()):
        page.views.setCurrentIndex(index)
        assert window.runner.wait_idle()
        check_window(f"case tab {page.views.tabText(index)}")
    sides = [page.side.tabText(n) for n in range(page.side.count())]
    assert [t.split(" (")[0] for t in sides] == ["Case", "People", "Risk", "Attachments"], sides
    for index in range(page.side.count()):
        page.side.setCurrentIndex(index)
        check_window(f"case side tab {page.side.tabText(index)}")
    panel = page.penalty_panel
    assert panel is not None
    page.views.setCurrentWidget(panel)
    issued = next(n for n, x in enumerate(panel.notices) if x.notice_letter_id)
    panel.table.selectRow(issued)
    assert window.runner.wait_idle()
    check_window("an issued penalty notice selected")

    scene = _casework_scene(qtbot, window, page, letter_id, tmp_path)
    for index in range(page.side.count()):  # the new side tabs, with what they hold
        page.side.setCurrentIndex(index)
        check_window(f"case side tab {page.side.tabText(index)} with attachments")
    for name, opener in OPENERS.items():
        kind, frame, least = _measure_next_dialog(
            qtbot,
            lambda o=opener: o(scene),
            WAIT_FOR.get(name, QDialog),
            READY.get(name, lambda _d: True),
        )
        assert window.runner.wait_idle()
        framed = frame + QSize(0, TITLE_BAR)
        if not (_fits(framed) and _fits(least)):
            too_big.append(f"{name} ({kind}): {framed.toTuple()} (at least {least.toTuple()})")
        check_window(f"after {name}")
    assert not too_big, "\n".join(too_big)


def test_the_copy_viewer_is_capped_at_the_screen_and_scrolls_inside(qtbot) -> None:  # type: ignore[no-untyped-def]
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from officer_app.gui.copy_viewer import CopyViewer

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for page in range(3):
        canvas.drawString(72, 720, f"Page {page + 1}")
        canvas.showPage()
    canvas.save()
    viewer = CopyViewer(
        "A notice", out.getvalue(), "ab" * 32, on_print=lambda: None, on_save=lambda: None
    )
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    screen = viewer.screen().availableGeometry()
    assert viewer.frameGeometry().height() <= screen.height()
    assert viewer.frameGeometry().width() <= screen.width()
    assert _fits(viewer.minimumSizeHint())
    buttons = viewer.findChild(QWidget, "copy_buttons")
    assert buttons is not None and buttons.geometry().bottom() <= viewer.height()
    qtbot.waitUntil(lambda: viewer.preview.view.verticalScrollBar().maximum() > 0)  # scrolls
