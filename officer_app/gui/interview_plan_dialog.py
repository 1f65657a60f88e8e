"""Plan an interview under caution, or change a plan (issue 12 point 1): the offence, the
person, the offence period, the place, the time, the second officer, the recording, the
topics (the statutory ones always), the significant statements to put, the documents to show,
and the interpreter and appropriate adult that the person needs.

Drawn in ui/interview_plan_dialog.ui. What the person needs is warned of as the plan is made,
never refused: an interpreter for someone flagged as needing one (PACE Code C 13), an
appropriate adult for someone under 18 or vulnerable (Code C 1.4-1.7, 11.15); the rules are
:func:`officer_app.domain.interview.plan_warnings`, counted from the candidates gathered
before the dialog opens (no database read while typing).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QWidget

from officer_app.clock import UK
from officer_app.domain.interview import Offence, PlanWarning, age_on, plan_warnings
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_interview_plan_dialog import Ui_InterviewPlanDialog
from officer_app.gui.letter_dialog import style_banner
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.interview_rows import (
    PlanInput,
    PlannedDocument,
    PlannedStatement,
    PlannedTopic,
)
from officer_app.services.interviews import Candidate, InterviewInfo, InterviewService

LAPTOP = QSize(1366, 728)  # the usable screen of a 1366x768 laptop with a taskbar
PREFERRED = QSize(1180, 690)
DataRole = Qt.ItemDataRole.UserRole
RECORDINGS = (("A written record", "written"), ("An audio recording", "audio"))


@dataclass(frozen=True)
class PlanChoices:
    """What the dialog needs, gathered on a worker before it opens."""

    case_id: str
    plan: PlanInput
    candidates: list[Candidate]
    officers: list[tuple[str, str]]
    documents: list[PlannedDocument]
    today: dt.date
    interview: InterviewInfo | None = None  # the plan changed, or None for a new one


def gather_plan_choices(
    service: InterviewService, case_id: str, interview_id: str | None = None
) -> PlanChoices:
    """Blocking: run it on the task runner."""
    interview = service.interview(interview_id) if interview_id else None
    return PlanChoices(
        case_id=case_id,
        plan=interview.as_plan() if interview else service.default_plan(case_id),
        candidates=service.candidates(case_id),
        officers=service.officers(),
        documents=service.document_choices(case_id),
        today=service.today(),
        interview=interview,
    )


def topic_text(topic: PlannedTopic) -> str:
    return f"{topic.label} ({topic.source})" if topic.source else topic.label


def statement_text(statement: PlannedStatement) -> str:
    said = f" ({statement.said_on})" if statement.said_on else ""
    return f"\u201c{statement.text}\u201d{said}"


def document_text(document: PlannedDocument) -> str:
    return f"{document.title} (exhibit {document.exhibit})" if document.exhibit else document.title


def candidate_detail(candidate: Candidate, today: dt.date) -> str:
    """What the plan must allow for about the person, in a line."""
    parts = [candidate.relationship]
    if candidate.date_of_birth is not None:
        parts.append(f"aged {age_on(candidate.date_of_birth, today)}")
    if candidate.vulnerable:
        parts.append("flagged as vulnerable")
    if candidate.interpreter_needed:
        parts.append(f"needs an interpreter ({candidate.language or 'language not recorded'})")
    elif candidate.language and candidate.language.lower() != "english":
        parts.append(f"speaks {candidate.language}")
    return ", ".join(p for p in parts if p)


class InterviewPlanDialog(QDialog):
    """Drawn in ui/interview_plan_dialog.ui; the lists, the warnings and the saving are here."""

    saved = Signal(object)  # InterviewInfo: the plan as saved

    def __init__(
        self,
        service: InterviewService,
        runner: TaskRunner,
        choices: PlanChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_InterviewPlanDialog()
        ui.setupUi(self)
        self.setMaximumSize(LAPTOP)
        self.resize(PREFERRED)
        for section in (
            ui.interview_section,
            ui.support_section,
            ui.topics_section,
            ui.statements_section,
            ui.documents_section,
        ):
            section.setProperty("role", "section")
        # the lists share the column's height, the topics (six always) the most; each shows
        # a few rows at the least, and scrolls beyond them
        for lst, stretch, least in (
            (ui.topics, 6, 96),
            (ui.statements, 3, 56),
            (ui.documents, 2, 56),
        ):
            lst.setMinimumHeight(least)
            ui.right.setStretchFactor(lst, stretch)
        ui.document_row.setStretch(0, 1)  # the documents' titles, not the button, get the room
        self._service = service
        self._runner = runner
        self.choices = choices
        self.interview = choices.interview
        self.saved_info: InterviewInfo | None = None
        self._busy = False
        self._candidates = {c.id: c for c in choices.candidates}
        self._place_text: dict[str, str] = {"office": "", "home": ""}
        self._home_prefill = ""
        plan = choices.plan
        if self.interview is not None:
            self.setWindowTitle(
                f"Change the plan: interview with {self.interview.interviewee_name}"
            )

        for offence in Offence:
            ui.offence.addItem(offence.label, offence.value)
        ui.offence.setCurrentIndex(ui.offence.findData(plan.offence.value))
        for candidate in choices.candidates:
            ui.person.addItem(f"{candidate.name} ({candidate.relationship})", candidate.id)
        if self.interview is not None and self.interview.interviewee_id not in self._candidates:
            # kept as planned, not silently changed: saving says why they can no longer be
            ui.person.addItem(
                f"{self.interview.interviewee_name} (no longer an adult with parental "
                "responsibility on the case)",
                self.interview.interviewee_id,
            )
        elif not choices.candidates:
            ui.person.addItem("No adult with parental responsibility is on this case", "")
        ui.person.setCurrentIndex(max(0, ui.person.findData(plan.interviewee_id)))
        for box in (ui.period_from, ui.period_to):
            box.setMaximumDate(qdate(choices.today))
        ui.period_from.setDate(qdate(plan.period_from))
        ui.period_to.setDate(qdate(plan.period_to))
        # when, on the 24-hour clock, UK time (a week ahead at 10:00 until it is arranged)
        when = plan.planned_for
        local = (
            when.astimezone(UK).replace(tzinfo=None)
            if when is not None
            else dt.datetime.combine(choices.today + dt.timedelta(days=7), dt.time(10))
        )
        ui.when.setDateTime(QDateTime(local))
        ui.not_arranged.setChecked(when is None)
        ui.when.setEnabled(when is not None)
        ui.not_arranged.toggled.connect(lambda on: ui.when.setEnabled(not on))
        ui.second.addItem("Nobody", None)
        for officer_id, name in choices.officers:
            ui.second.addItem(name, officer_id)
        ui.second.setCurrentIndex(max(0, ui.second.findData(plan.second_officer_id)))
        for text, value in RECORDINGS:
            ui.recording.addItem(text, value)
        ui.recording.setCurrentIndex(max(0, ui.recording.findData(plan.recording)))
        ui.interpreter_language.setText(plan.interpreter_language)
        ui.interpreter_name.setText(plan.interpreter_name)
        ui.aa_name.setText(plan.appropriate_adult_name)
        ui.aa_relationship.setText(plan.appropriate_adult_relationship)
        ui.notes.setPlainText(plan.notes)
        # the place: the text of each kind is kept while the other is chosen
        kind = plan.place_kind if plan.place_kind in ("office", "home") else "office"
        self._place_text[kind] = plan.place
        (ui.home if kind == "home" else ui.office).setChecked(True)
        ui.place.setText(plan.place)
        if kind == "home" and plan.place == self._home_address():
            self._home_prefill = plan.place
        ui.office.toggled.connect(self._place_kind_changed)

        for topic in plan.topics:
            self._add_item(ui.topics, topic_text(topic), topic)
        for statement in plan.statements:
            self._add_item(ui.statements, statement_text(statement), statement)
        for document in plan.documents:
            self._add_item(ui.documents, document_text(document), document)
        self._fill_document_choices()

        ui.add_topic.clicked.connect(self.add_topic)
        ui.new_topic.returnPressed.connect(self.add_topic)
        ui.remove_topic.clicked.connect(lambda: self._remove(ui.topics))
        ui.add_statement.clicked.connect(self.add_statement)
        ui.new_statement.returnPressed.connect(self.add_statement)
        ui.remove_statement.clicked.connect(lambda: self._remove(ui.statements))
        ui.add_document.clicked.connect(self.add_chosen_document)
        ui.add_typed_document.clicked.connect(self.add_typed_document)
        ui.new_document.returnPressed.connect(self.add_typed_document)
        ui.remove_document.clicked.connect(lambda: self._remove(ui.documents))
        for lst in (ui.topics, ui.statements, ui.documents):
            lst.itemSelectionChanged.connect(self._set_buttons)
        for line in (ui.new_topic, ui.new_statement, ui.new_document):
            line.textChanged.connect(self._set_buttons)
        ui.document_choice.currentIndexChanged.connect(self._set_buttons)

        ui.person.currentIndexChanged.connect(self._person_changed)
        for edit in (ui.interpreter_language, ui.interpreter_name, ui.aa_name):
            edit.textChanged.connect(self.show_warnings)
        style_banner(ui.warnings)
        ui.status.setVisible(False)
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Save the plan" if self.interview is None else "Save the changes")
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        self._person_changed()
        self._set_buttons()

    # --- the person and what they need ---------------------------------------------------
    def candidate(self) -> Candidate | None:
        return self._candidates.get(self.ui.person.currentData() or "")

    def _home_address(self) -> str:
        candidate = self.candidate()
        return candidate.home_address if candidate else ""

    def _person_changed(self) -> None:
        candidate = self.candidate()
        self.ui.person_detail.setText(
            candidate_detail(candidate, self.choices.today) if candidate else ""
        )
        self.ui.person_detail.setVisible(candidate is not None)
        if self.ui.home.isChecked():
            self._prefill_home()
        self.show_warnings()

    def _prefill_home(self) -> None:
        """The family's home as the place, unless the officer has written another."""
        text = self.ui.place.text().strip()
        if not text or text == self._home_prefill:
            self._home_prefill = self._home_address()
            self.ui.place.setText(self._home_prefill)

    def _place_kind_changed(self, office: bool) -> None:
        old, new = ("home", "office") if office else ("office", "home")
        self._place_text[old] = self.ui.place.text()
        self.ui.place.setText(self._place_text[new])
        if new == "home":
            self._prefill_home()

    def warnings(self) -> list[PlanWarning]:
        candidate = self.candidate()
        if candidate is None:
            return []
        ui = self.ui
        return plan_warnings(
            interviewee_age=(
                age_on(candidate.date_of_birth, self.choices.today)
                if candidate.date_of_birth
                else None
            ),
            vulnerable=candidate.vulnerable,
            interpreter_flagged=candidate.interpreter_needed,
            interpreter_planned=bool(
                ui.interpreter_language.text().strip() or ui.interpreter_name.text().strip()
            ),
            appropriate_adult_planned=bool(ui.aa_name.text().strip()),
            language=candidate.language,
        )

    def show_warnings(self) -> None:
        found = self.warnings()
        self.ui.warnings.setText("\n".join(f"\u26a0 {w.message}" for w in found))
        self.ui.warnings.setVisible(bool(found))

    # --- the lists -----------------------------------------------------------------------
    @staticmethod
    def _add_item(target: QListWidget, text: str, data: object) -> None:
        item = QListWidgetItem(text)
        item.setData(DataRole, data)
        target.addItem(item)

    @staticmethod
    def _items(source: QListWidget) -> list[object]:
        return [source.item(n).data(DataRole) for n in range(source.count())]

    def topics(self) -> tuple[PlannedTopic, ...]:
        return tuple(t for t in self._items(self.ui.topics) if isinstance(t, PlannedTopic))

    def statements(self) -> tuple[PlannedStatement, ...]:
        found = self._items(self.ui.statements)
        return tuple(s for s in found if isinstance(s, PlannedStatement))

    def documents(self) -> tuple[PlannedDocument, ...]:
        found = self._items(self.ui.documents)
        return tuple(d for d in found if isinstance(d, PlannedDocument))

    def add_topic(self) -> None:
        label = " ".join(self.ui.new_topic.text().split())
        if not label:
            return
        keys = {t.key for t in self.topics()}
        base = "own_" + (re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:40] or "topic")
        key, n = base, 1
        while key in keys:
            n += 1
            key = f"{base}_{n}"
        topic = PlannedTopic(key, label)
        self._add_item(self.ui.topics, topic_text(topic), topic)
        self.ui.new_topic.clear()

    def add_statement(self) -> None:
        text = self.ui.new_statement.text().strip()
        if not text:
            return
        statement = PlannedStatement(text)
        self._add_item(self.ui.statements, statement_text(statement), statement)
        self.ui.new_statement.clear()

    def _fill_document_choices(self) -> None:
        box = self.ui.document_choice
        box.blockSignals(True)
        box.clear()
        taken = {(d.attachment_id, d.entry_id, d.title) for d in self.documents()}
        left = [
            d for d in self.choices.documents if (d.attachment_id, d.entry_id, d.title) not in taken
        ]
        box.addItem(
            "Choose a document on the case…" if left else "No other document on the case", None
        )
        for document in left:
            box.addItem(document.title, document)
        box.blockSignals(False)

    def add_chosen_document(self) -> None:
        document = self.ui.document_choice.currentData()
        if not isinstance(document, PlannedDocument):
            return
        self._add_item(self.ui.documents, document_text(document), document)
        self._fill_document_choices()
        self._set_buttons()

    def add_typed_document(self) -> None:
        title = self.ui.new_document.text().strip()
        if not title:
            return
        document = PlannedDocument(title)
        self._add_item(self.ui.documents, document_text(document), document)
        self.ui.new_document.clear()

    def _removable(self, source: QListWidget) -> bool:
        item = source.currentItem()
        if item is None or not item.isSelected():
            return False
        data = item.data(DataRole)
        if isinstance(data, PlannedTopic):
            return not data.source  # the statutory topics are always covered
        if isinstance(data, PlannedDocument):
            return not data.exhibit  # an exhibit, once made, is never taken back
        return True

    def _remove(self, source: QListWidget) -> None:
        if not self._removable(source):
            return
        source.takeItem(source.currentRow())
        if source is self.ui.documents:
            self._fill_document_choices()
        self._set_buttons()

    def _set_buttons(self) -> None:
        ui = self.ui
        ui.remove_topic.setEnabled(self._removable(ui.topics))
        ui.remove_statement.setEnabled(self._removable(ui.statements))
        ui.remove_document.setEnabled(self._removable(ui.documents))
        ui.add_topic.setEnabled(bool(ui.new_topic.text().strip()))
        ui.add_statement.setEnabled(bool(ui.new_statement.text().strip()))
        ui.add_typed_document.setEnabled(bool(ui.new_document.text().strip()))
        ui.add_document.setEnabled(isinstance(ui.document_choice.currentData(), PlannedDocument))
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not self._busy and bool(self.ui.person.currentData()))

    # --- saving --------------------------------------------------------------------------
    def planned_for(self) -> dt.datetime | None:
        if self.ui.not_arranged.isChecked():
            return None
        value = self.ui.when.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        return value.replace(second=0, microsecond=0, tzinfo=UK).astimezone(dt.UTC)

    def plan(self) -> PlanInput:
        ui = self.ui
        return PlanInput(
            interviewee_id=ui.person.currentData() or "",
            offence=Offence(ui.offence.currentData()),
            period_from=pydate(ui.period_from.date()),
            period_to=pydate(ui.period_to.date()),
            place_kind="home" if ui.home.isChecked() else "office",
            place=ui.place.text().strip(),
            planned_for=self.planned_for(),
            second_officer_id=ui.second.currentData(),
            recording=ui.recording.currentData(),
            topics=self.topics(),
            statements=self.statements(),
            documents=self.documents(),
            interpreter_language=ui.interpreter_language.text().strip(),
            interpreter_name=ui.interpreter_name.text().strip(),
            appropriate_adult_name=ui.aa_name.text().strip(),
            appropriate_adult_relationship=ui.aa_relationship.text().strip(),
            notes=ui.notes.toPlainText().strip(),
        )

    def save(self) -> None:
        if self._busy:
            return
        plan = self.plan()
        service, interview, case_id = self._service, self.interview, self.choices.case_id
        self._busy = True
        self._set_buttons()
        self._say("")
        if interview is None:
            self._runner.run(
                lambda: service.plan(case_id, plan), self._saved, self._failed, lane=WRITES
            )
        else:
            iid, version = interview.id, interview.version
            self._runner.run(
                lambda: service.update_plan(iid, plan, version=version),
                self._saved,
                self._failed,
                lane=WRITES,
            )

    def _say(self, text: str) -> None:
        self.ui.status.setText(text)
        self.ui.status.setVisible(bool(text))

    def _saved(self, info: InterviewInfo) -> None:
        self._busy = False
        self.saved_info = info
        self.saved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._set_buttons()
        self._say(f"Not saved: {exc}")
