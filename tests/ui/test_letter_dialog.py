"""Letters in the window, driven as an officer would: write a letter on a case, preview it,
record it as sent, find it in the chronology and save its stored copy; a batch for the
caseload prepared, cancelled, resumed and sent only when confirmed; a broken template
reported as unavailable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from officer_app.clock import FixedClock
from officer_app.config import Settings
from officer_app.gui.application import build_main_window
from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import EntryRole
from officer_app.gui.letter_batch import LetterBatchDialog
from officer_app.gui.letter_dialog import LetterDialog
from officer_app.gui.window import MainWindow
from officer_app.services.letters import LetterInfo
from officer_app.store.models import BatchLetter, Letter
from tests.conftest import MemoryKeyring
from tests.ui.conftest import unlock

NTI = {
    "improvement_until": "2027-01-15",
    "improvement": "No unauthorised absence in the improvement period.",
    "support": "A morning check-in with the learning mentor, still available.",
}


def open_case_with_parent(qtbot, window: MainWindow) -> CasePage:  # type: ignore[no-untyped-def]
    """A case whose child has unauthorised absence and a parent a letter can go to."""
    profile = window.profile
    assert profile is not None
    for row in window.caseload.model.rows:
        people = [p for p in profile.letters.recipients(row.case_id) if p.can_receive]
        if row.status == "open" and people and row.stage == "formal":
            opened = window.open_case(row.case_id)
            assert opened is not None
            qtbot.waitUntil(lambda p=opened: p.detail is not None, timeout=10_000)
            return opened
    raise AssertionError("no formal-stage case with a parent to write to")


def open_dialog(qtbot, page: CasePage) -> LetterDialog:  # type: ignore[no-untyped-def]
    button = page.buttons["letter"]
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.letter_dialog is not None, timeout=10_000)
    dialog = page.letter_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_write_preview_and_record_a_letter_then_reprint_its_copy(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = open_case_with_parent(qtbot, window)
    button = page.buttons["letter"]  # the case tab at 1366x768: the button is all on screen
    right = button.mapTo(window, QPoint(button.width(), 0)).x()
    assert right <= window.width()
    dialog = open_dialog(qtbot, page)
    assert "demo letterhead" in dialog.warning.text()
    assert dialog.template.findData("penalty_notice") == -1  # made by its own workflow
    dialog.template.setCurrentIndex(dialog.template.findData("notice_to_improve"))
    assert set(dialog.asks.widgets) == set(NTI)
    assert not dialog.record_button.isEnabled() and not dialog.print_button.isEnabled()

    dialog.preview()  # a required ask left blank: refused, naming it
    qtbot.waitUntil(lambda: "Not made" in dialog.status.text(), timeout=10_000)
    assert "Last day of the improvement period" in dialog.status.text()
    assert dialog.asks.widgets["improvement_until"].styleSheet()

    for name, value in NTI.items():
        dialog.asks.set_value(name, value)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=15_000)
    rendered = dialog.rendered
    assert rendered is not None and rendered.title == "Notice to Improve"
    assert dialog.pdf.document.pageCount() == rendered.pages >= 1  # shown in the window
    assert dialog.pdf.view.isVisible()
    assert dialog.record_button.isEnabled() and dialog.print_button.isEnabled()

    dialog.asks.set_value("improvement", "Changed after the preview.")  # stale: disabled
    assert dialog.rendered is None and not dialog.record_button.isEnabled()
    assert "preview again" in dialog.status.text()
    dialog.asks.set_value("improvement", NTI["improvement"])
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=15_000)
    previewed = dialog.rendered
    assert previewed is not None

    dialog.ask_record()
    record = dialog.record_dialog
    assert record is not None
    record.method_buttons["hand"].setChecked(True)
    with qtbot.waitSignal(dialog.recorded, timeout=15_000) as sent:
        record.ok_button.click()
    info = sent.args[0]
    assert isinstance(info, LetterInfo) and info.method == "hand"
    assert "Recorded as sent by hand" in dialog.status.text()
    assert not dialog.record_button.isEnabled()  # never recorded twice
    dialog.close()

    # the chronology refreshes and shows the letter; its stored copy can be saved again
    model = page.chronology

    def letter_row() -> QModelIndex | None:
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        return next((i for i in rows if i.data(EntryRole).id == info.entry_id), None)

    qtbot.waitUntil(
        lambda: info.entry_id in page.letters_by_entry and letter_row() is not None,
        timeout=10_000,
    )
    index = letter_row()
    assert index is not None
    assert index.data(EntryRole).title == "Notice to Improve"
    assert index.data(EntryRole).signed
    page.tree.setCurrentIndex(index)
    assert page.print_button.isEnabled() and page.pdf_button.isEnabled()
    out = tmp_path / "copy.pdf"
    page._save_letter_copy(page.letters_by_entry[info.entry_id], str(out))
    # done when the page says so (the file is written before the export is audited)
    qtbot.waitUntil(lambda: "Saved the" in page.note_status.text(), timeout=10_000)
    assert out.read_bytes() == previewed.pdf


def _letters_of(profile, batch_id: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Letters of the batch recorded as sent, and letters it prepared (any state)."""
    return profile.store.read(
        lambda s: (
            s.scalar(select(func.count()).select_from(Letter).where(Letter.batch_id == batch_id)),
            s.scalar(
                select(func.count())
                .select_from(BatchLetter)
                .where(BatchLetter.batch_id == batch_id)
            ),
        )
    )


def test_a_batch_is_prepared_cancelled_resumed_and_sent_only_when_confirmed(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    profile = window.profile
    assert profile is not None
    window.batch_letters()
    qtbot.waitUntil(lambda: window.batch_dialog is not None, timeout=10_000)
    dialog = window.batch_dialog
    assert isinstance(dialog, LetterBatchDialog)
    assert dialog.cases.count() == window.caseload.proxy.rowCount() == len(dialog.ticked())
    dialog.template.setCurrentIndex(dialog.template.findData("attendance_concern"))
    dialog.asks.set_value("contact_by", "2026-11-27")
    dialog.make()
    qtbot.waitUntil(
        lambda: dialog.batch is not None and dialog.batch.info.prepared > 0, timeout=15_000
    )
    assert dialog.progress is not None
    cancel = dialog.progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15_000)
    result = dialog.outcome
    assert result is not None and result.cancelled
    assert 0 < result.cases_done < result.cases_total
    assert f"Stopped after {result.cases_done} of {result.cases_total}" in dialog.summary.text()
    assert "NOT yet recorded as sent" in dialog.summary.text()
    assert _letters_of(profile, result.batch_id) == (0, len(result.letters))  # prepared only
    # saved, then asked whether the post went out: "Not yet" keeps them prepared
    dialog.save_pdf(tmp_path / "part.pdf")
    qtbot.waitUntil(lambda: dialog.confirm_dialog is not None, timeout=10_000)
    assert dialog.confirm_dialog is not None
    dialog.confirm_dialog.not_yet_button.click()
    assert "stay prepared" in dialog.result_status.text()
    assert (tmp_path / "part.pdf").exists()
    assert _letters_of(profile, result.batch_id) == (0, len(result.letters))
    # the case shows a prepared letter as not sent
    page = window.open_case(result.letters[0].case_id)
    assert page is not None
    qtbot.waitUntil(lambda: page.prepared_line.isVisibleTo(page), timeout=10_000)
    assert page.prepared_line.text().startswith("Prepared in a batch, NOT yet sent:")
    window.runner.wait_idle()
    dialog.close()
    window.batch_dialog = None

    # the dialog reopened offers the unfinished batch; resumed, it finishes the rest
    window.batch_letters()
    qtbot.waitUntil(lambda: window.batch_dialog is not None, timeout=10_000)
    again = window.batch_dialog
    assert isinstance(again, LetterBatchDialog)
    qtbot.waitUntil(lambda: again.unfinished.count() == 1, timeout=10_000)
    assert again.unfinished_box.isVisibleTo(again)
    assert result.batch.short_id in again.unfinished.item(0).text()
    again.resume_selected()
    qtbot.waitUntil(
        lambda: again.outcome is not None and not again.outcome.cancelled, timeout=60_000
    )
    done = again.outcome
    assert done is not None and done.batch_id == result.batch_id
    assert done.cases_done == done.cases_total
    made = _letters_of(profile, done.batch_id)[1]
    assert len(done.letters) == made  # every letter of the batch, those made before too
    assert done.pages == sum(letter.pages for letter in done.letters)
    again.save_pdf(tmp_path / "all.pdf")
    qtbot.waitUntil(lambda: again.confirm_dialog is not None, timeout=10_000)
    confirm = again.confirm_dialog
    assert confirm is not None
    confirm.method.setCurrentIndex(confirm.method.findData("hand"))
    confirm.record_button.click()
    qtbot.waitUntil(lambda: bool(again.sent), timeout=15_000)
    assert "recorded as sent by hand" in again.result_status.text()
    assert _letters_of(profile, done.batch_id) == (made, made)
    assert profile.letters.batches.info(done.batch_id).state == "sent"
    window.runner.wait_idle()


def test_a_broken_la_template_is_reported_as_unavailable(
    qtbot, demo_dir: Path, keyring_backend: MemoryKeyring, clock: FixedClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "outcome.txt").write_text(
        "---\nid: outcome\nversion: 2\ntitle: Outcome\n---\nHello {child.nam}.\n", encoding="utf-8"
    )
    window = build_main_window(
        demo_dir, backend=keyring_backend, clock=clock, settings=Settings(letters_folder=folder)
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.letters_warning), timeout=10_000)
    assert "Letters unavailable" in window.letters_warning and "outcome" in window.letters_warning
    assert "outcome.txt:6:7" in window.letters_warning
    page = open_case_with_parent(qtbot, window)
    dialog = open_dialog(qtbot, page)
    assert dialog.template.findData("outcome") == -1
    assert dialog.template.findData("meeting_invitation") >= 0  # the others still work
    assert "outcome" in dialog.warning.text()
    dialog.close()
    window.close()
    window.runner.wait_idle()


def test_an_unfinished_batch_can_be_recorded_as_sent_or_abandoned_from_the_dialog(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    profile = window.profile
    assert profile is not None
    batches = profile.letters.batches
    cases = [r.case_id for r in window.caseload.model.rows if r.status == "open"][:3]

    def prepared(template: str, asks: dict[str, str]) -> str:
        job = batches.start(template, cases, asks=asks, selection="three").run()
        while True:
            try:
                next(job)
            except StopIteration as done:
                return str(done.value.batch_id)

    concern = prepared("attendance_concern", {"contact_by": "2026-11-27"})
    outcome = prepared("outcome", {"outcome_of": "the hearing", "outcome_date": "2026-11-12",
                                   "outcome": "A fine."})  # fmt: skip
    window.batch_letters()
    qtbot.waitUntil(lambda: window.batch_dialog is not None, timeout=10_000)
    dialog = window.batch_dialog
    assert isinstance(dialog, LetterBatchDialog)
    qtbot.waitUntil(lambda: dialog.unfinished.count() == 2, timeout=10_000)

    def select_batch(batch_id: str) -> None:
        for row in range(dialog.unfinished.count()):
            if dialog.unfinished.item(row).text().startswith(f"batch {batch_id[:8]}"):
                dialog.unfinished.setCurrentRow(row)
                return
        raise AssertionError("the batch is not offered")

    select_batch(outcome)
    dialog.abandon_selected()
    qtbot.waitUntil(lambda: "abandoned" in dialog.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.unfinished.count() == 1, timeout=10_000)
    assert batches.info(outcome).state == "abandoned"
    select_batch(concern)
    dialog.confirm_selected()
    assert dialog.confirm_dialog is not None
    dialog.confirm_dialog.record_button.click()
    qtbot.waitUntil(lambda: bool(dialog.sent), timeout=15_000)
    assert "recorded as sent by post" in dialog.status.text()
    info = batches.info(concern)
    assert info.state == "sent" and info.sent == len(dialog.sent) > 0
    qtbot.waitUntil(lambda: not dialog.unfinished_box.isVisibleTo(dialog), timeout=10_000)
    window.runner.wait_idle()
