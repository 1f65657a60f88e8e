"""Move case on (issue 11, point 2): the stages the rules allow from here, each other stage
shown disabled with the rules' reason, a required reason, and the supervisor who authorised
a move that needs one. Drawn in ui/stage_dialog.ui; the move is
:meth:`officer_app.services.case_stages.CaseStageService.move_stage`, on the writes lane."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from officer_app.gui.generated.ui_stage_dialog import Ui_StageDialog
from officer_app.gui.markup import literal
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.case_stages import (
    CaseStageService,
    StageChoices,
    StageMove,
    StageOption,
    StageRefused,
)

STAGE_ROLE = Qt.ItemDataRole.UserRole


class StageDialog(QDialog):
    """``moved`` carries the :class:`StageMove` once it is signed; ``result_move`` keeps it."""

    moved = Signal(object)

    def __init__(
        self,
        service: CaseStageService,
        case_id: str,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StageDialog()
        self.ui.setupUi(self)
        self._service = service
        self._case_id = case_id
        self._runner = runner
        self._choices: StageChoices | None = None
        self.result_move: StageMove | None = None
        self.stages, self.reason, self.message = self.ui.stages, self.ui.reason, self.ui.message
        self.supervisor = self.ui.supervisor
        self.buttons = self.ui.buttons
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Move case")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.stages.currentItemChanged.connect(lambda *_: self._stage_chosen())
        self.ui.intro.setText("Reading the case…")
        self._show_supervisor(False)
        runner.run(lambda: service.choices(case_id), self._loaded, self._load_failed)

    # ------------------------------------------------------------------------------ loading
    def _loaded(self, choices: StageChoices) -> None:
        self._choices = choices
        self.ui.intro.setText(
            f"{choices.reference} is at {choices.label}. Choose the stage it moves to; the "
            "move and its reason are signed into the case's chronology."
        )
        for option in choices.options:
            item = QListWidgetItem(_item_text(option))
            item.setData(STAGE_ROLE, option.stage)
            if option.refusal is not None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(literal(option.refusal))
            self.stages.addItem(item)
        self.supervisor.addItem("Choose the supervisor…", "")
        for officer_id, name in choices.supervisors:
            self.supervisor.addItem(name, officer_id)
        self.ok.setEnabled(True)

    def _load_failed(self, exc: BaseException) -> None:
        self.ui.intro.setText(f"The case could not be read: {exc}")

    def _option(self) -> StageOption | None:
        item = self.stages.currentItem()
        if item is None or self._choices is None:
            return None
        wanted = item.data(STAGE_ROLE)
        return next((o for o in self._choices.options if o.stage == wanted), None)

    def _stage_chosen(self) -> None:
        option = self._option()
        self._show_supervisor(option is not None and option.needs_supervisor)
        self.message.setText("")

    def _show_supervisor(self, shown: bool) -> None:
        self.ui.supervisor_label.setVisible(shown)
        self.supervisor.setVisible(shown)

    # ------------------------------------------------------------------------------- moving
    def choose(self, stage: str) -> bool:
        """Select ``stage`` in the list (False if it is not offered or not allowed)."""
        for row in range(self.stages.count()):
            item = self.stages.item(row)
            if item.data(STAGE_ROLE) == stage and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.stages.setCurrentItem(item)
                return True
        return False

    def submit(self) -> None:
        option = self._option()
        if option is None:
            self.message.setText("Stage: choose the stage the case moves to.")
            return
        reason = " ".join(self.reason.toPlainText().split())
        if not reason:
            self.message.setText("Reason: say why the case moves.")
            return
        authorised_by: str | None = None
        if option.needs_supervisor:
            authorised_by = self.supervisor.currentData() or None
            acting = self._choices is not None and self._choices.acting_is_supervisor
            if authorised_by is None and not acting:
                self.message.setText(
                    f"Authorised by: {option.label} needs a supervisor's authority; "
                    "choose who gave it."
                )
                return
        self.ok.setEnabled(False)
        self.message.setText("Moving…")
        service, case_id, stage = self._service, self._case_id, option.stage
        self._runner.run(
            lambda: service.move_stage(case_id, stage, reason, authorised_by=authorised_by),
            self._done,
            self._failed,
            lane=WRITES,
        )

    def _done(self, move: StageMove) -> None:
        self.result_move = move
        self.moved.emit(move)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        why = str(exc) if isinstance(exc, StageRefused) else f"{type(exc).__name__}: {exc}"
        self.message.setText(f"Not moved: {why}")


def _item_text(option: StageOption) -> str:
    if option.refusal is None:
        needs = " (needs a supervisor's authority)" if option.needs_supervisor else ""
        return f"{option.label}{needs}"
    return f"{option.label}: not now, {option.refusal}"
