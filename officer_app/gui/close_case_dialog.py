"""Close case and Reopen case (issue 11, point 3). Close: the reason from the LA's list, a
detail, the attendance before and after intervention prefilled from the register and
editable, and the text that will be signed, kept up to date as the officer types. Drawn in
ui/close_case_dialog.ui and ui/reopen_case_dialog.ui; the work is
:class:`officer_app.services.case_stages.CaseStageService`'s, on the writes lane."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QWidget

from officer_app.domain.closure import (
    ClosureReason,
    Figure,
    closure_entry_text,
    closure_text,
    percent_text,
)
from officer_app.domain.stages import Stage
from officer_app.gui.generated.ui_close_case_dialog import Ui_CloseCaseDialog
from officer_app.gui.generated.ui_reopen_case_dialog import Ui_ReopenCaseDialog
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.case_stages import (
    CaseStageService,
    ClosurePreview,
    StageMove,
    StageRefused,
)
from officer_app.wording import short_date

NOT_KNOWN = -1.0  # the spin box's "not known" (no session held in the period)


def _failure(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, StageRefused) else f"{type(exc).__name__}: {exc}"


class CloseCaseDialog(QDialog):
    """``closed`` carries the :class:`StageMove` once the closure is signed."""

    closed = Signal(object)

    def __init__(
        self,
        service: CaseStageService,
        case_id: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CloseCaseDialog()
        self.ui.setupUi(self)
        self._service = service
        self._case_id = case_id
        self._runner = runner
        self._preview: ClosurePreview | None = None
        self.result_move: StageMove | None = None
        self.reasons, self.detail = self.ui.reasons, self.ui.detail
        self.before, self.after = self.ui.before, self.ui.after
        self.signed, self.message = self.ui.signed, self.ui.message
        self.ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Close case")
        self.ok.setEnabled(False)
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.intro.setText("Reading the case and its register…")
        for signal in (self.reasons.currentIndexChanged, self.detail.textChanged,
                       self.before.valueChanged, self.after.valueChanged):  # fmt: skip
            signal.connect(self._update)
        runner.run(lambda: service.closure_preview(case_id), self._loaded, self._load_failed)

    def _loaded(self, preview: ClosurePreview) -> None:
        self._preview = preview
        if preview.closed:
            self.ui.intro.setText(f"{preview.reference} is already closed.")
            return
        self.ui.intro.setText(
            f"{preview.reference} is at {preview.label}. Closing records the reason and the "
            "attendance before and after intervention, signed into the chronology. The "
            "figures come from the register held; change them if the school's differ."
        )
        # No reason chosen for the officer: "Attendance improved" must never be the default of
        # a case whose figures fell.
        self.reasons.addItem("Choose the reason…", None)
        for reason in preview.reasons:
            self.reasons.addItem(reason.label, reason.key)
        for spin, note, figure, period in (
            (self.before, self.ui.before_note, preview.before, "before the referral"),
            (self.after, self.ui.after_note, preview.after, "from the referral to today"),
        ):
            spin.setValue(NOT_KNOWN if figure.register is None else figure.register)
            note.setText(
                f"Register {period}: {percent_text(figure.register)} "
                f"({short_date(figure.first)} to {short_date(figure.last)})"
            )
        self.ok.setEnabled(True)
        self._update()

    def _load_failed(self, exc: BaseException) -> None:
        self.ui.intro.setText(f"The case could not be read: {_failure(exc)}")

    def _reason(self) -> ClosureReason | None:
        """The reason chosen, or None while the officer has chosen none."""
        preview, key = self._preview, self.reasons.currentData()
        if preview is None or key is None:
            return None
        return next((r for r in preview.reasons if r.key == key), None)

    def _given(self, spin: QDoubleSpinBox, figure: Figure) -> float | None:
        """The officer's figure, or None where it is the register's own."""
        value = spin.value()
        held = NOT_KNOWN if figure.register is None else round(figure.register, 1)
        return None if value in (held, NOT_KNOWN) else round(value, 1)

    def _update(self) -> None:
        preview = self._preview
        if preview is None or preview.closed:
            return
        reason = self._reason()
        detail = self.detail.toPlainText()
        if reason is None:
            self.ui.detail_label.setText("&Detail")
            self.signed.setPlainText("(Choose the reason the case closes.)")
            return
        self.ui.detail_label.setText("&Detail (required)" if reason.needs_detail else "&Detail")
        before = dataclasses.replace(preview.before, given=self._given(self.before, preview.before))
        after = dataclasses.replace(preview.after, given=self._given(self.after, preview.after))
        text = closure_text(reason, detail) or "(the detail)"
        _title, body = closure_entry_text(Stage(preview.stage), text, before, after)
        self.signed.setPlainText(body)
        self.message.setText("")

    def submit(self) -> None:
        preview = self._preview
        if preview is None or preview.closed:
            return
        reason = self._reason()
        if reason is None:
            self.message.setText("Reason: choose why the case closes.")
            return
        detail = self.detail.toPlainText()
        if reason.needs_detail and not detail.strip():
            self.message.setText(f"Detail: say why the case closes ({reason.label}).")
            return
        before = self._given(self.before, preview.before)
        after = self._given(self.after, preview.after)
        self.ok.setEnabled(False)
        self.message.setText("Closing…")
        service, case_id = self._service, self._case_id
        self._runner.run(
            lambda: service.close_case(case_id, reason.key, detail, before, after),
            self._done,
            self._failed,
            lane=WRITES,
        )

    def _done(self, move: StageMove) -> None:
        self.result_move = move
        self.closed.emit(move)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(f"Not closed: {_failure(exc)}")


class ReopenCaseDialog(QDialog):
    """A closed case back to Allocated, the reason signed; ``reopened`` carries the move."""

    reopened = Signal(object)

    def __init__(
        self,
        service: CaseStageService,
        case_id: str,
        runner: TaskRunner,
        reference: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReopenCaseDialog()
        self.ui.setupUi(self)
        self._service = service
        self._case_id = case_id
        self._runner = runner
        self.result_move: StageMove | None = None
        self.reason, self.message = self.ui.reason, self.ui.message
        self.ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Reopen case")
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.intro.setText(
            f"{reference or 'The case'} reopens at Allocated (a new referral); the reason is "
            "signed into the chronology, and the closure stays in it as recorded."
        )

    def submit(self) -> None:
        reason = " ".join(self.reason.toPlainText().split())
        if not reason:
            self.message.setText("Reason: say why the case reopens.")
            return
        self.ok.setEnabled(False)
        self.message.setText("Reopening…")
        service, case_id = self._service, self._case_id
        self._runner.run(
            lambda: service.reopen_case(case_id, reason), self._done, self._failed, lane=WRITES
        )

    def _done(self, move: StageMove) -> None:
        self.result_move = move
        self.reopened.emit(move)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(f"Not reopened: {_failure(exc)}")
