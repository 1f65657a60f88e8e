"""Every window and dialog fits a 1366x768 laptop with a taskbar (1366x728 usable) and never
grows past it (issue 11, points 12 and 13); the case page gives the chronology the room.

The dialogs are a table of named openers (``OPENERS``): each is handed the window and a demo
case and makes one dialog appear; the check is the same for all. To add a dialog, add a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import EntryRole
from officer_app.gui.window import MainWindow
from officer_app.services.dto import EntryInfo
from tests.conftest import DEMO_TODAY
from tests.ui.test_penalty_notices_window import YEAR, a_case_meeting_the_threshold
from tests.unit.test_penalty_notice_service import supervisor_of

USABLE = QSize(1366, 728)  # a 1366x768 screen less its taskbar
TITLE_BAR = 30  # a real window manager's title bar; offscreen draws none


@dataclass
class Scene:
    """What the openers work on: the window, a case with an issued notice (its Penalty
    notices tab loaded and the notice selected), and the id of that notice's copy."""

    window: MainWindow
    page: CasePage
    copy_letter_id: str


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
}


def _measure_next_dialog(qtbot, opener: Callable[[], object]) -> tuple[str, QSize, QSize]:  # type: ignore[no-untyped-def]
    """Open a dialog, wait for it to show, note its frame and minimum sizes, close it."""
    seen: list[tuple[str, QSize, QSize]] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
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
def test_every_tab_and_dialog_fits_a_laptop_screen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
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

    scene = Scene(window, page, letter_id)
    for name, opener in OPENERS.items():
        kind, frame, least = _measure_next_dialog(qtbot, lambda o=opener: o(scene))
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
