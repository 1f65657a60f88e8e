"""What the File menu does with a whole profile: import a school's register extract (with a
progress bar and Cancel) and export the LA's record of penalty notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from officer_app.gui.markup import inform, progress_dialog, warn
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.progress import Cancelled, Progress
from officer_app.services.profile import OpenProfile

if TYPE_CHECKING:  # the import loads on first use, not at start-up
    from officer_app.services.register_import import CheckedRegister, ImportResult
    from officer_app.services.register_preview import ImportPreview


def import_register(
    parent: QWidget,
    runner: TaskRunner,
    profile: OpenProfile,
    path: Path | None,
    on_imported: Callable[[], None],
) -> QProgressDialog | None:
    """Import ``path`` (or a file the officer chooses), asking first (issue 11 point 9): the
    file is read and compared with the marks held, changing nothing; when marks already held
    would be replaced, an :class:`ImportPreviewDialog` (a child of ``parent``) says what would
    change and the import runs only if the officer confirms; otherwise it goes straight on and
    the counts are shown after. The progress dialog of the reading is returned, or None if no
    file was chosen. ``on_imported`` runs after the officer is told what was added."""
    from officer_app.services.register_preview import read_and_preview

    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, "Import a register extract", "", "Register extracts (*.csv)"
        )
        if not chosen:
            return None
        path = Path(chosen)
    progress = progress_dialog(f"Reading {path.name}…", "Cancel", 100, parent)
    progress.setWindowTitle("Importing a register")
    progress.setMinimumDuration(300)
    target = path

    def step(update: Progress) -> None:
        progress.setLabelText(update.message or f"Reading {target.name}…")
        progress.setValue(int(update.fraction * 100))

    def previewed(found: tuple[CheckedRegister, ImportPreview]) -> None:
        _dismiss(progress)
        checked, preview = found
        if not preview.replaces_held:
            _run_import(parent, runner, profile, checked, preview, on_imported)
            return
        from officer_app.gui.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: _run_import(parent, runner, profile, checked, preview, on_imported)
        )
        dialog.open()

    def not_read(exc: BaseException) -> None:
        _dismiss(progress)
        _failed(parent, exc)

    token = runner.run_steps(
        lambda: read_and_preview(
            profile.store,
            target,
            profile.clock,
            accept_other_set=profile.settings.accept_other_code_set,
        ),
        step,
        previewed,
        not_read,
    )
    progress.canceled.connect(token.cancel)
    return progress


def _run_import(
    parent: QWidget,
    runner: TaskRunner,
    profile: OpenProfile,
    checked: CheckedRegister,
    preview: ImportPreview,
    on_imported: Callable[[], None],
) -> None:
    """Import what was previewed (on the writes lane), then say what was done."""
    from officer_app.services.register_import import import_checked

    busy = progress_dialog(f"Importing {checked.file}…", "", 0, parent)
    busy.setWindowTitle("Importing a register")
    busy.setCancelButton(None)  # type: ignore[arg-type]  # one transaction: all or nothing
    busy.setMinimumDuration(300)

    def done(result: ImportResult) -> None:
        _dismiss(busy)
        inform(
            parent,
            "Register imported",
            f"{checked.file}: {result.added} marks added, {result.changed} corrected by the "
            f"school, {result.unchanged} already held. "
            f"{result.pupils_not_on_caseload} pupil(s) in the file are not on this caseload "
            "and were left out.",
        )
        on_imported()

    def failed(exc: BaseException) -> None:
        _dismiss(busy)
        _failed(parent, exc)

    runner.run(
        lambda: import_checked(
            profile.store, checked, profile.clock, profile.officer.id, expect=preview
        ),
        done,
        failed,
        lane=WRITES,
    )


def _failed(parent: QWidget, exc: BaseException) -> None:
    from officer_app.services.register_import import RegisterRefused

    if isinstance(exc, RegisterRefused):
        lines = "\n".join(str(e) for e in exc.errors[:30])
        more = len(exc.errors) - 30
        warn(
            parent,
            "Nothing was imported",
            f"{exc}.\n\n{lines}" + (f"\n… and {more} more." if more > 0 else ""),
        )
    elif not isinstance(exc, Cancelled):
        warn(parent, "Nothing was imported", str(exc))


def export_notice_record(
    parent: QWidget,
    runner: TaskRunner,
    profile: OpenProfile,
    today: dt.date,
    target: Path | None,
    say: Callable[[str, int], None],
) -> None:
    """Save the record of every penalty notice (reg 20) to ``target`` (or a file the officer
    chooses) as CSV or PDF; ``say`` shows a message for some milliseconds."""
    if target is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            "Export the record of penalty notices",
            f"penalty-notices-{today:%Y-%m-%d}.pdf",
            "PDF document (*.pdf);;CSV for a spreadsheet (*.csv)",
        )
        if not chosen:
            return
        target = Path(chosen)
    out = target

    def done(count: int) -> None:
        say(f"The record of penalty notices ({count} issued) is saved in {out}.", 10_000)

    def failed(exc: BaseException) -> None:
        warn(parent, "Not exported", str(exc))

    runner.run(lambda: profile.penalty_notices.export_register(out), done, failed)


def _dismiss(progress: QProgressDialog) -> None:
    """Put a progress dialog away once its work has ended: reset (which hides it) rather than
    close(), whose closeEvent emits ``canceled`` back into a job that has already finished."""
    progress.reset()
    progress.hide()
