"""The evidence packs in the window (issue 13, point 4): the builder on a case at the legal
stage with a period in time shows the last day to lay the information as the period is typed
(out of time said plainly, Build disabled) and fits a 1366x728 laptop; a withheld address
refuses the build listing every place; unticked documents are left out (and listed as unused
material); the build runs on the task runner with a progress bar and shows its pages; Cancel
leaves nothing; a pack is approved (refused for an officer without the role), served, saved
with its manifest and verified."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QSize, Qt
from sqlalchemy import update

from officer_app.gui.pack_builder import PackBuilderDialog
from officer_app.gui.packs_panel import PacksPanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Family
from tests.unit.test_pack_builder_service import legal_case, packs_of

USABLE = QSize(1366, 728)  # a 1366x768 screen less its taskbar
TITLE_BAR = 30  # offscreen draws none


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle(30_000)


def make_panel(qtbot, profile: OpenProfile, runner: TaskRunner, case_id: str) -> PacksPanel:  # type: ignore[no-untyped-def]
    panel = PacksPanel(profile.packs, runner, case_id)
    qtbot.addWidget(panel)
    panel.resize(1000, 420)
    panel.show()
    qtbot.waitUntil(lambda: panel.loaded and runner.pending == 0, timeout=10_000)
    return panel


def cell(panel: PacksPanel, row: int, col: int) -> str:
    item = panel.table.item(row, col)
    return item.text() if item is not None else ""


def open_builder(qtbot, panel: PacksPanel) -> PackBuilderDialog:  # type: ignore[no-untyped-def]
    panel.build_button.click()
    qtbot.waitUntil(lambda: panel.builder is not None, timeout=10_000)
    builder = panel.builder
    assert builder is not None
    qtbot.waitUntil(lambda: builder.contents_loaded, timeout=10_000)
    return builder


def checklist(builder: PackBuilderDialog) -> dict[str, Qt.CheckState]:
    items = (builder.ui.contents.item(n) for n in range(builder.ui.contents.count()))
    return {str(i.data(Qt.ItemDataRole.UserRole)): i.checkState() for i in items}


def test_the_builder_says_the_time_limit_as_typed_and_fits_a_laptop(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, _family = legal_case(demo_profile)
    panel = make_panel(qtbot, demo_profile, runner, case_id)
    assert "No evidence pack" in panel.detail.text()
    builder = open_builder(qtbot, panel)
    ui = builder.ui
    assert ui.limit.text().startswith("Last day to lay the information:")
    assert "s127 Magistrates' Courts Act 1980" in ui.limit.text()
    assert ui.build_button.isEnabled() and not ui.stop_button.isEnabled()
    assert not ui.save_button.isEnabled()
    assert ui.defendants.count() >= 1
    keys = checklist(builder)
    assert list(keys)[:1] == ["cover"] and list(keys)[-1:] == ["unused"]
    assert all(state == Qt.CheckState.Checked for state in keys.values())
    cover = ui.contents.item(0)
    assert not cover.flags() & Qt.ItemFlag.ItemIsEnabled  # always in a pack

    size = builder.frameGeometry().size()
    assert size.width() <= USABLE.width() and size.height() + TITLE_BAR <= USABLE.height()
    hint = builder.minimumSizeHint()
    assert hint.width() <= USABLE.width() and hint.height() + TITLE_BAR <= USABLE.height()
    builder.grab().save(str(Path(tempfile.gettempdir()) / "pack-builder.png"))

    # s127(1) MCA 1980 read early (domain/time_limits.py): from 20 May 2026 the last day to
    # lay was 19 November 2026, the day before the demo's today
    ui.period_from.setDate(QDate(2026, 5, 20))
    assert ui.limit.text().startswith("Out of time:")
    assert "19 November 2026" in ui.limit.text()
    assert not ui.build_button.isEnabled()
    ui.period_from.setDate(QDate(2026, 5, 21))
    assert "Out of time" not in ui.limit.text()
    qtbot.waitUntil(lambda: builder.contents_loaded, timeout=10_000)
    assert ui.build_button.isEnabled()
    for n in range(ui.defendants.count()):  # no defendant ticked: nothing to build against
        ui.defendants.item(n).setCheckState(Qt.CheckState.Unchecked)
    assert not ui.build_button.isEnabled()
    builder.reject()


def test_a_withheld_address_is_refused_by_place_and_unticked_records_are_left_out(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, family_id = legal_case(demo_profile)
    demo_profile.store.write_wait(
        lambda s: s.execute(
            update(Family).where(Family.id == family_id).values(address_withheld=True)
        )
    )
    panel = make_panel(qtbot, demo_profile, runner, case_id)
    builder = open_builder(qtbot, panel)
    ui = builder.ui

    ui.build_button.click()
    assert builder.building and ui.stop_button.isEnabled() and not ui.contents.isEnabled()
    qtbot.waitUntil(lambda: not builder.building, timeout=30_000)
    assert ui.refusal.isVisible() and "withheld address" in ui.refusal.text()
    places = [ui.places.item(n).text() for n in range(ui.places.count())]
    assert places and all(", page " in place for place in places)
    assert packs_of(demo_profile, case_id) == 0

    # leave out every document the address is in: each goes on the unused-material schedule
    named = {place.split(", page ")[0] for place in places}
    left_out = []
    for n in range(ui.contents.count()):
        item = ui.contents.item(n)
        if any(item.text().startswith(title) for title in named):
            item.setCheckState(Qt.CheckState.Unchecked)
            left_out.append(str(item.data(Qt.ItemDataRole.UserRole)))
    assert left_out and builder.excluded() == frozenset(left_out)

    seen: list[int] = []
    ui.progress.valueChanged.connect(seen.append)
    changed: list[bool] = []
    panel.changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(builder.built, timeout=30_000) as built:
        ui.build_button.click()
    info = built.args[0]
    assert seen and max(seen) > 500 and seen == sorted(seen)  # the bar moved forward
    assert not ui.refusal.isVisible() and ui.save_button.isEnabled()
    assert ui.preview.document.pageCount() == info.pages
    assert ui.preview.view.isVisible()
    builder.grab().save(str(Path(tempfile.gettempdir()) / "pack-builder-built.png"))
    assert builder.outcome is not None
    reader = PdfReader(io.BytesIO(builder.outcome.pdf))
    titles = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert not any(title.startswith(tuple(named)) for title in titles)
    schedule = "".join(
        page.extract_text() or "" for page in reader.pages[-6:]
    )  # the schedule sits before the manifest at the end
    assert "Schedule of unused material" in schedule
    assert all(title.split(",")[0].split(": ")[-1] in schedule for title in named)

    qtbot.waitUntil(lambda: len(panel.packs) == 1 and runner.pending == 0, timeout=10_000)
    assert changed and cell(panel, 0, 4) == "Draft"
    assert cell(panel, 0, 3) == str(info.pages)
    builder.reject()


def test_cancel_leaves_nothing(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, _family = legal_case(demo_profile)
    panel = make_panel(qtbot, demo_profile, runner, case_id)
    builder = open_builder(qtbot, panel)
    before = set(Path(tempfile.gettempdir()).glob("officer-app-pack-*"))
    builder.ui.build_button.click()
    builder.ui.stop_button.click()
    qtbot.waitUntil(lambda: not builder.building, timeout=30_000)
    assert builder.ui.status.text().startswith("Cancelled: nothing was built")
    assert builder.outcome is None and not builder.ui.save_button.isEnabled()
    assert packs_of(demo_profile, case_id) == 0
    assert set(Path(tempfile.gettempdir()).glob("officer-app-pack-*")) <= before
    assert builder.ui.build_button.isEnabled()  # and it can be built again
    builder.reject()


def test_a_pack_is_approved_served_saved_and_verified(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner, tmp_path: Path
) -> None:
    case_id, _family = legal_case(demo_profile)
    service = demo_profile.packs
    choices = service.choices(case_id)
    made = service.build(
        case_id,
        offence="s444-1",
        period_from=choices.period_from,
        period_to=choices.period_to,
        out=tmp_path / "built.pdf",
    )
    panel = make_panel(qtbot, demo_profile, runner, case_id)
    assert panel.current() is not None and panel.current().id == made.id  # type: ignore[union-attr]
    assert panel.approve_button.isEnabled() and not panel.served_button.isEnabled()

    panel.approve_button.click()
    qtbot.waitUntil(lambda: panel.approve_dialog is not None, timeout=10_000)
    approve = panel.approve_dialog
    assert approve is not None
    assert "Dana Okafor" in approve.ui.approver.currentText()  # the acting officer first
    assert "a court officer or a supervisor approves" in approve.ui.approver_note.text()
    approve.ok_button.click()
    qtbot.waitUntil(lambda: bool(approve.refusal), timeout=10_000)
    assert "cannot approve a pack" in approve.ui.message.text() and approve.isVisible()
    court = next(n for n, a in enumerate(approve.approvers) if a.role == "court officer")
    approve.ui.approver.setCurrentIndex(court)
    with qtbot.waitSignal(approve.recorded, timeout=10_000):
        approve.ok_button.click()
    qtbot.waitUntil(lambda: panel.packs[0].status == "approved", timeout=10_000)
    assert cell(panel, 0, 4) == "Approved by Marcus Adeyemi-Clarke"
    assert not panel.approve_button.isEnabled() and panel.served_button.isEnabled()

    panel.served_button.click()
    qtbot.waitUntil(lambda: panel.served_dialog is not None, timeout=10_000)
    served = panel.served_dialog
    assert served is not None
    served.ui.method.setCurrentIndex(served.ui.method.findData("hand"))
    with qtbot.waitSignal(served.recorded, timeout=10_000):
        served.ok_button.click()
    qtbot.waitUntil(lambda: panel.packs[0].status == "served", timeout=10_000)
    assert cell(panel, 0, 4) == "Served"
    assert cell(panel, 0, 5) == "20/11/2026, by hand"
    assert not panel.approve_button.isEnabled() and not panel.served_button.isEnabled()
    assert "frozen" in panel.detail.text()
    panel.grab().save(str(Path(tempfile.gettempdir()) / "packs-panel.png"))

    copy = tmp_path / "copy" / "served pack.pdf"
    copy.parent.mkdir()
    panel.save_selected(str(copy))
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert copy.exists() and (copy.parent / "served pack.manifest.json").exists()
    panel.verify(str(copy))
    qtbot.waitUntil(lambda: panel.verified is not None, timeout=10_000)
    assert panel.verified == [] and "byte for byte" in panel.verdict.text()

    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x01
    copy.write_bytes(bytes(data))
    panel.verified = None
    panel.verify(str(copy))
    qtbot.waitUntil(lambda: panel.verified is not None, timeout=10_000)
    assert panel.verified and "does not match its manifest" in panel.verdict.text()

    panel.open_selected()
    qtbot.waitUntil(lambda: panel.viewer is not None, timeout=10_000)
    assert panel.viewer is not None and panel.viewer.pages == made.pages
    panel.viewer.reject()
