"""The field-work buttons of a case: plan a visit, record it, assess, review, other forms.

Every database step runs on the task runner; dialogs open on the GUI thread with what the
worker gathered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from officer_app.clock import UK
from officer_app.forms import FormDefinition
from officer_app.gui.markup import warn
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.risk_ack_dialog import RiskAcknowledgementDialog
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.gui.visit_dialog import VisitPlanDialog
from officer_app.services.dto import RiskInfo, VisitPlanInfo
from officer_app.services.field_work import FieldWorkService
from officer_app.wording import short_datetime


@dataclass(frozen=True)
class _Prepared:
    definition: FormDefinition
    people: list[tuple[str, str]]
    answers: dict[str, Any] | None
    risks: tuple[RiskInfo, ...]
    needs_ack: bool
    facts: dict[str, bool] | None = None
    known: dict[str, str] | None = None  # what the case already knows, for prefill fields
    planned: tuple[VisitPlanInfo, ...] = ()  # the case's planned visits, for a visit record


class FieldWorkActions(QObject):
    recorded = Signal()  # something was signed or planned: refresh the case
    message = Signal(str)

    def __init__(
        self,
        case_id: str,
        child_name: str,
        service: FieldWorkService,
        runner: TaskRunner,
        today: dt.date,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.child_name = child_name
        self._service = service
        self._runner = runner
        self._today = today
        self._window = parent
        self.open_dialog: QDialog | None = None  # for tests

    # --- records ------------------------------------------------------------------------
    def record(self, form_id: str, visit_plan_id: str | None = None) -> None:
        def gather() -> _Prepared:
            draft = self._service.record_draft_answers(self.case_id, form_id)
            version = draft[0] if draft else None
            definition = self._service.definition(form_id, version)
            needs = form_id == "home_visit" and self._service.needs_acknowledgement(self.case_id)
            return _Prepared(
                definition=definition,
                people=self._service.people(self.case_id),
                answers=draft[1] if draft else None,
                risks=self._service.risks_for(self.case_id) if needs else (),
                needs_ack=needs,
                facts=self._service.case_facts(self.case_id),
                known=self._service.prefill_facts(self.case_id),
                planned=(
                    tuple(self._service.planned_for_case(self.case_id))
                    if form_id == "home_visit"
                    else ()
                ),
            )

        self._runner.run(gather, lambda p: self._prepared(p, visit_plan_id), self._failed)

    def _prepared(self, prepared: _Prepared, visit_plan_id: str | None) -> None:
        if prepared.needs_ack:
            dialog = RiskAcknowledgementDialog(self.child_name, prepared.risks, self._window)
            self.open_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.message.emit("The visit record needs the risk warnings acknowledged.")
                return
            service, case_id = self._service, self.case_id
            self._runner.run(
                lambda: service.acknowledge_risks(case_id, visit_plan_id),
                lambda _a: self._open_record(prepared, visit_plan_id),
                self._failed,
                lane=WRITES,
            )
            return
        self._open_record(prepared, visit_plan_id)

    def _open_record(self, prepared: _Prepared, visit_plan_id: str | None) -> None:
        dialog = RecordDialog(
            self.case_id,
            prepared.definition,
            self._service,
            self._runner,
            people=prepared.people,
            answers=prepared.answers,
            facts=prepared.facts,
            known=prepared.known,
            visit_plan_id=visit_plan_id,
            today=self._today,
            planned_visits=prepared.planned,
            parent=self._window,
        )
        dialog.signed.connect(lambda _e: self.recorded.emit())
        self.open_dialog = dialog
        dialog.open()

    # --- visits ---------------------------------------------------------------------------
    def plan_visit(self) -> None:
        def gather() -> tuple[str, list[tuple[str, str]], bool]:
            risks = self._service.risks_for(self.case_id)
            people = self._service.colleagues()
            address = self._service.case_address(self.case_id)
            return address, people, any(r.two_officers_required for r in risks)

        self._runner.run(gather, self._show_plan_dialog, self._failed)

    def _show_plan_dialog(self, gathered: tuple[str, list[tuple[str, str]], bool]) -> None:
        address, colleagues, pairs = gathered
        start = dt.datetime.combine(self._today + dt.timedelta(days=1), dt.time(10), tzinfo=UK)
        dialog = VisitPlanDialog(
            address, colleagues, two_officers_required=pairs, start=start, parent=self._window
        )
        self.open_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service, case_id = self._service, self.case_id
        planned_for, purpose = dialog.planned_for(), dialog.purpose.text() or "Home visit"
        address, second = dialog.address.text(), dialog.second.currentData()
        self._runner.run(
            lambda: service.plan_visit(
                case_id, planned_for, purpose, address=address, second_officer_id=second
            ),
            self._planned,
            self._failed,
            lane=WRITES,
        )

    def _planned(self, plan: VisitPlanInfo) -> None:
        self.message.emit(
            f"Visit planned for {short_datetime(plan.planned_for)}."
        )  # UK time, as picked
        self.recorded.emit()

    def _failed(self, exc: BaseException) -> None:
        warn(self._window, "Not done", str(exc))
