"""Fill in a structured record (visit, assessment, review…) on its form; drafts kept as typed."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.forms import FormDefinition, with_case_facts, with_prefill
from officer_app.gui.form_widget import FormWidget
from officer_app.gui.markup import plain_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.dto import DraftInfo, EntryInfo, VisitPlanInfo
from officer_app.services.field_work import FieldWorkService, RecordInvalid
from officer_app.wording import SHORT_DAYS, clock

AUTOSAVE_QUIET_MS = 1500
AUTOSAVE_MAX_S = 5.0


class RecordDialog(QDialog):
    """One record being written. Every change is kept as a draft; Sign seals it."""

    signed = Signal(object)  # EntryInfo

    def __init__(
        self,
        case_id: str,
        definition: FormDefinition,
        service: FieldWorkService,
        runner: TaskRunner,
        *,
        people: list[tuple[str, str]],
        answers: dict[str, Any] | None = None,
        facts: Mapping[str, bool] | None = None,
        known: Mapping[str, str] | None = None,
        visit_plan_id: str | None = None,
        today: dt.date | None = None,
        planned_visits: Sequence[VisitPlanInfo] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(definition.title)
        self.resize(980, 660)  # with its title bar, within a laptop's 728 px (issue 11)
        self.case_id = case_id
        self.definition = definition
        self._service = service
        self._runner = runner
        self._visit_plan_id = visit_plan_id
        self._today = today
        self._dirty = False
        self._attention = False  # a problem message the autosave note must not cover
        self._last_save = 0.0
        # facts of the case (e.g. heading for legal action) answer their fields, never a draft;
        # what the case already knows (today, the family's address: ``known``, from
        # FieldWorkService.prefill_facts) starts its blank ``prefill`` fields (issue 11 pt 10)
        shown = with_case_facts(definition, answers or {}, facts or {})
        shown = with_prefill(definition, shown, known or {})
        self.form = FormWidget(definition, people=people, answers=shown)
        self.form.changed.connect(self._changed)
        self.status = plain_label(
            "Draft restored." if answers else "Your answers are kept as you type."
        )
        self.status.setProperty("role", "muted")
        self.status.setAccessibleName("Record status")
        self.sign_button = QPushButton("Sign record")
        self.sign_button.setProperty("primary", True)
        self.sign_button.setAccessibleName("Sign record")
        self.sign_button.clicked.connect(self.sign)
        self.close_button = QPushButton("Keep as draft and close")
        self.close_button.clicked.connect(self.close_keeping_draft)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_QUIET_MS)
        self._timer.timeout.connect(self.save_draft)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.close_button)
        footer.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        title = plain_label(
            f"{definition.title} (form {definition.id}, version {definition.version})"
        )
        title.setProperty("role", "section")
        layout.addWidget(title)
        self.planned: QComboBox | None = None
        if planned_visits:
            layout.addLayout(self._planned_row(planned_visits, visit_plan_id))
        layout.addWidget(self.form, 1)
        layout.addLayout(footer)

    def _planned_row(self, visits: Sequence[VisitPlanInfo], chosen: str | None) -> QHBoxLayout:
        """The case's planned visits: choosing one prefills the date, time and address from
        the plan, and signing the record marks that plan done (issue 11 point 7)."""
        self.planned = QComboBox()
        self.planned.setAccessibleName("The planned visit this record is of")
        self.planned.addItem("Not a planned visit", None)
        for visit in visits:
            local = uk_local(visit.planned_for)
            when = f"{SHORT_DAYS[local.weekday()]} {local:%d/%m} {clock(local)}"
            purpose = f" ({visit.purpose})" if visit.purpose else ""
            self.planned.addItem(f"This is the visit planned for {when}{purpose}", visit)
        index = next((i + 1 for i, v in enumerate(visits) if v.id == chosen), 0)
        self.planned.setCurrentIndex(index)
        self.planned.currentIndexChanged.connect(self._planned_chosen)
        row = QHBoxLayout()
        row.addWidget(plain_label("Visit"))
        row.addWidget(self.planned, 1)
        return row

    def _planned_chosen(self) -> None:
        assert self.planned is not None
        visit = self.planned.currentData()
        if not isinstance(visit, VisitPlanInfo):
            self._visit_plan_id = None
            return
        self._visit_plan_id = visit.id
        local = uk_local(visit.planned_for)
        filled = {
            **self.form.answers(),
            "visit_date": local.date().isoformat(),
            "arrival_time": clock(local),
        }
        if visit.address:
            filled["visit_address"] = visit.address
        self.form.set_answers(filled)
        self._changed()

    @property
    def visit_plan_id(self) -> str | None:
        """The planned visit this record closes when signed, if any."""
        return self._visit_plan_id

    def _changed(self) -> None:
        self._dirty = True
        self._attention = False
        if self._last_save and time.monotonic() - self._last_save >= AUTOSAVE_MAX_S:
            self.save_draft()
        else:
            if not self._last_save:
                self._last_save = time.monotonic()
            self._timer.start()

    def save_draft(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        self._last_save = time.monotonic()
        service, case_id, definition = self._service, self.case_id, self.definition
        answers = self.form.answers()
        self._runner.run(
            lambda: service.save_record_draft(case_id, definition, answers),
            self._saved,
            self._save_failed,
            lane=WRITES,  # drafts commit in the order they were typed, then the signing
        )

    def _saved(self, draft: DraftInfo) -> None:
        if not self._attention:
            self.status.setText(f"Draft saved {uk_local(draft.updated_at):%H:%M:%S}")

    def _save_failed(self, exc: BaseException) -> None:
        self._dirty = True
        self.status.setText(f"Draft NOT saved: {exc}")

    def close_keeping_draft(self) -> None:
        self._dirty = True
        self.save_draft()
        self.reject()

    def reject(self) -> None:
        if self._dirty:
            self.save_draft()
        super().reject()

    def sign(self) -> None:
        # a time after now is said at its field before signing, as the signing would refuse it
        errors = self.form.validate(self._today, now=self._service.now())
        if errors:
            self._attention = True
            self.status.setText(
                f"{len(errors)} answer{'s' * (len(errors) != 1)} still needed or wrong: "
                "see the messages in red."
            )
            return
        self.save_draft()
        self.sign_button.setEnabled(False)
        self.status.setText("Signing…")
        service, case_id, definition = self._service, self.case_id, self.definition
        answers, visit_plan_id = self.form.answers(), self._visit_plan_id
        self._runner.run(
            lambda: service.sign_record(case_id, definition, answers, visit_plan_id=visit_plan_id),
            self._done,
            self._failed,
            lane=WRITES,
        )

    def _done(self, entry: EntryInfo) -> None:
        self.signed.emit(entry)
        self._dirty = False
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self._attention = True
        if isinstance(exc, RecordInvalid):
            self.status.setText(f"Not signed: {exc}")
        else:
            self.status.setText(f"Not signed: {exc}. Your answers are kept as a draft.")
