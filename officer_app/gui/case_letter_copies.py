"""A case page's copies of the letters and notices sent: shown as sent, printed, saved
(decrypted, their hash checked; each an audited act)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from officer_app.gui.task_runner import TaskRunner
from officer_app.wording import short_date

if TYPE_CHECKING:
    from officer_app.services.dto import CaseDetail
    from officer_app.services.letters import LetterInfo, LetterService


class LetterCopies:
    """Mixed into the case page, which holds these attributes."""

    _letters: Callable[[], LetterService] | None
    _runner: TaskRunner
    _closing: bool
    note_status: QLabel
    copy_viewer: QDialog | None
    detail: CaseDetail | None

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _save_letter_copy(self, letter: LetterInfo, target: str | None = None) -> None:
        """Save the stored copy of a letter sent (decrypted, its hash checked; audited)."""
        if self._letters is None:
            return
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        reference = self.detail.reference if self.detail else "letter"
        if target is None:
            suggested = f"{reference} {letter.title} {letter.sent_on}.pdf"
            target, _filter = QFileDialog.getSaveFileName(
                self._widget(),
                "Save the copy of the letter as a PDF",
                suggested,
                "PDF documents (*.pdf)",
            )
            if not target:
                return
        letters, out = self._letters, Path(target)
        self.note_status.setText("Saving the letter's copy…")
        self._runner.run(
            lambda: letters().export_copy(letter.id, out),
            lambda pages: self.note_status.setText(f"Saved the {pages}-page copy to {out}"),
            lambda exc: self.note_status.setText(f"The copy was not saved: {exc}"),
        )

    def view_letter_copy(self, letter_id: str) -> None:
        """Show the stored copy of a letter or notice sent, as it was sent."""
        if self._letters is None:
            return
        letters = self._letters
        self.note_status.setText("Opening the copy kept…")
        self._runner.run(
            lambda: (letters().letter(letter_id), letters().read_copy(letter_id)),
            self._show_copy,
            lambda exc: self.note_status.setText(f"The copy cannot be shown: {exc}"),
        )

    def _show_copy(self, found: tuple[LetterInfo, bytes]) -> None:
        if self._closing:
            return
        from officer_app.gui.copy_viewer import CopyViewer

        letter, data = found
        self.note_status.setText("")
        viewer = CopyViewer(
            f"{letter.title} — sent {short_date(letter.sent_on)} to {letter.recipient_name}",
            data,
            letter.sha256,
            on_print=lambda: self._print_letter_copy(letter),
            on_save=lambda: self._save_letter_copy(letter),
            parent=self._widget(),
        )
        self.copy_viewer = viewer
        viewer.open()

    def _print_letter_copy(self, letter: LetterInfo) -> None:
        if self._letters is None:
            return
        letters = self._letters
        self.note_status.setText("Preparing the letter's copy for printing…")
        self._runner.run(
            lambda: (letters().print_copy(letter.id), letter.pages),
            lambda made: self._show_print_dialog(made, letter.title),
            lambda exc: self.note_status.setText(f"Not printed: {exc}"),
        )

    def _show_print_dialog(self, made: tuple[bytes, int], title: str) -> None:
        from officer_app.gui.printing import print_pdf

        try:
            pages = print_pdf(made[0], title, self._widget())
        except RuntimeError as exc:
            self.note_status.setText(f"Not printed: {exc}")
            return
        self.note_status.setText(f"Sent {pages} page(s) to the printer." if pages else "")
