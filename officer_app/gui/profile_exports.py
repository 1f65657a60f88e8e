"""What the File menu does with a whole profile: import a school's register extract (with a
progress bar and Cancel) and export the LA's record of penalty notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from officer_app.gui.markup import inform, progress_dialog, warn
from officer_app.gui.task_runner import TaskRunner
from officer_app.progress import Cancelled, Progress
from officer_app.services.profile import OpenProfile

if TYPE_CHECKING:  # the import loads on first use, not at start-up
    from officer_app.services.register_import import ImportResult


def import_register(
    parent: QWidget,
    runner: TaskRunner,
    profile: OpenProfile,
    path: Path | None,
    on_imported: Callable[[], None],
) -> QProgressDialog | None:
    """Import ``path`` (or a file the officer chooses); the progress dialog shown, or None if
    no file was chosen. ``on_imported`` runs after the officer is told what was added."""
    from officer_app.services.register_import import RegisterRefused
    from officer_app.services.register_import import import_register as run_import

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
        progress.setLabelText(update.message or f"Importing {target.name}…")
        progress.setValue(int(update.fraction * 100))

    def done(result: ImportResult) -> None:
        progress.close()
        inform(
            parent,
            "Register imported",
            f"{target.name}: {result.added} marks added, {result.changed} corrected by the "
            f"school, {result.unchanged} already held. "
            f"{result.pupils_not_on_caseload} pupil(s) in the file are not on this caseload "
            "and were left out.",
        )
        on_imported()

    def failed(exc: BaseException) -> None:
        progress.close()
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

    token = runner.run_steps(
        lambda: run_import(
            profile.store,
            target,
            profile.clock,
            profile.officer.id,
            accept_other_set=profile.settings.accept_other_code_set,
        ),
        step,
        done,
        failed,
    )
    progress.canceled.connect(token.cancel)
    return progress


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
