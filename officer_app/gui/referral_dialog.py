"""File > New referral (issue 11 point 1): the child, the family and its address, the adults,
who referred and why. Before saving, the same child already held is shown with its cases: the
officer opens that case, or says why this is a new one.

Drawn in ui/referral_dialog.ui; the checks are the service's
(:class:`officer_app.services.referrals.ReferralService`), shown at the field they concern.
The window wires the menu: it listens to :attr:`ReferralDialog.taken` (the new case's id) and
:attr:`ReferralDialog.open_case` (the id of the case the officer chose to open instead).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidgetItem,
    QWidget,
)

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_referral_dialog import Ui_ReferralDialog
from officer_app.gui.markup import literal
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.referrals import (
    DuplicateChild,
    DuplicateInfo,
    FamilyMatch,
    NewAdult,
    NewReferral,
    ReferralInvalid,
    ReferralService,
    ReferralTaken,
    SchoolChoice,
)
from officer_app.wording import short_date

LAPTOP = QSize(1366, 728)  # the usable screen of a 1366x768 laptop with a taskbar
PREFERRED = QSize(1180, 690)
NO_DATE = QDate(1900, 1, 1)  # the date box's "not given" (shown empty)
ERROR_STYLE = 'QLabel[role="error"] { color: #b3261e; }'
ADULT_COLUMNS = (
    "Forename",
    "Surname",
    "Relationship",
    "PR",  # parental responsibility (the header's tooltip says so)
    "Phone",
    "Language",
    "Interp.",  # an interpreter needed
)
_CHECK_COLUMNS = (3, 6)
_URN_IN_CHOICE = re.compile(r"\((\d{6})\)\s*$")
_URN = re.compile(r"^\d{6}$")
# A new school's phase: what the officer sees, and the word the service takes.
NEW_SCHOOL_PHASES = (
    ("Phase not known", ""),
    ("Primary", "primary"),
    ("Secondary", "secondary"),
    ("Special", "special"),
    ("PRU / alternative provision", "PRU"),
    ("All-through", "all-through"),
)
NEW_FAMILY = "A new family (the address below)"
# The service's field names (referral_checks) and the error label that shows each.
_FIELD_LABELS = {
    "forename": "forename",
    "surname": "surname",
    "date of birth": "dob",
    "gender": "gender",
    "upn": "upn",
    "school": "school",
    "school name": "school",
    "school phase": "school",
    "year group": "year_group",
    "family name": "family_name",
    "family": "family_name",
    "address": "address1",
    "address line 2": "address2",
    "town": "town",
    "postcode": "postcode",
    "referred by": "referred_by",
    "date received": "received",
    "reason": "reason",
}


class ReferralDialog(QDialog):
    taken = Signal(str)  # the new case's id
    open_case = Signal(str)  # the existing case the officer chose to open

    def __init__(
        self, parent: QWidget | None, service: ReferralService, runner: TaskRunner
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReferralDialog()
        self.ui.setupUi(self)
        self.setStyleSheet(ERROR_STYLE)
        self.setMaximumSize(LAPTOP)
        # as small as its fields allow (layouts clamp it to their minimum), not the 1,184 px
        # its size hint asks, with a wide empty band under the fields
        self.resize(1060, 600)
        # the adults' table wants the room more than the child's one-line fields
        self.ui.columns.setStretch(0, 4)
        self.ui.columns.setStretch(1, 6)
        for section in (
            self.ui.child_section,
            self.ui.family_section,
            self.ui.adults_section,
            self.ui.referral_section,
        ):
            section.setProperty("role", "section")
        self._service = service
        self._runner = runner
        self.result_case_id: str | None = None
        self._duplicates: list[DuplicateInfo] = []
        self._known_urns: set[str] = set()
        self._family_query: tuple[str, str, str] | None = None
        ui = self.ui
        today = service.today()
        for box in (ui.dob, ui.received):
            box.setMinimumDate(NO_DATE)
            box.setMaximumDate(qdate(today))
        ui.dob.setSpecialValueText(" ")
        ui.dob.setDate(NO_DATE)
        ui.received.setDate(qdate(today))
        for text, code in (("Not stated", ""), ("Female", "F"), ("Male", "M")):
            ui.gender.addItem(text, code)
        ui.year_group.addItem("Not known", "")
        ui.year_group.addItem("Reception", "R")
        for n in range(1, 12):
            ui.year_group.addItem(f"Year {n}", str(n))
        ui.adults.setColumnCount(len(ADULT_COLUMNS))
        ui.adults.setHorizontalHeaderLabels(list(ADULT_COLUMNS))
        columns = ui.adults.horizontalHeader()
        columns.setStretchLastSection(False)
        ui.adults.verticalHeader().setVisible(False)
        ui.adults.resizeColumnsToContents()
        for column, name in enumerate(ADULT_COLUMNS):
            # the names and the phone number take the room; the ticks and short words fit
            stretch = name in ("Forename", "Surname", "Phone")
            columns.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        for column, tip in ((3, "Parental responsibility"), (6, "An interpreter is needed")):
            header = ui.adults.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(literal(tip))
        ui.add_adult.clicked.connect(self.add_adult)
        ui.remove_adult.clicked.connect(self._remove_adult)
        for text, code in NEW_SCHOOL_PHASES:
            ui.new_school_phase.addItem(text, code)
        ui.school.textChanged.connect(self._school_changed)
        self._school_changed()
        ui.family_link.addItem(NEW_FAMILY, None)
        ui.family_link.currentIndexChanged.connect(self._family_changed)
        for line in (ui.surname, ui.postcode, ui.address1):
            line.editingFinished.connect(self._look_for_family)
        self._family_changed()
        ui.reason.setMaximumHeight(110)
        ui.duplicates_box.hide()
        ui.duplicates_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        ui.duplicates.setMaximumHeight(64)
        ui.layout.setStretch(0, 1)  # the form takes the room; the rest keeps to its lines
        ui.open_case.clicked.connect(self._open_existing)
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Save referral")
        ui.buttons.accepted.connect(self.submit)
        ui.buttons.rejected.connect(self.reject)
        self._clear_errors()
        self.add_adult()
        self._runner.run(self._service.schools, self._set_schools, self._failed)

    # --- the form --------------------------------------------------------------------------
    def _set_schools(self, schools: list[SchoolChoice]) -> None:
        self._known_urns = {s.urn for s in schools}
        names = [f"{s.name} ({s.urn})" for s in schools]
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.school.setCompleter(completer)
        if not schools:
            self.ui.school.setPlaceholderText("the school's URN (six digits): none held yet")
        self._school_changed()

    def _school_changed(self) -> None:
        """A URN the profile does not hold: the new school's name and phase are asked."""
        urn = self.ui.school.text().strip()
        new = bool(_URN.match(urn)) and urn not in self._known_urns
        for widget in (self.ui.new_school_label, self.ui.new_school_box):
            widget.setVisible(new)

    def is_new_school(self) -> bool:
        return self.ui.new_school_box.isVisibleTo(self)

    # --- the family: a sibling's, or a new one ---------------------------------------------
    def _look_for_family(self) -> None:
        ui = self.ui
        query = (ui.surname.text().strip(), ui.postcode.text().strip(), ui.address1.text())
        if not query[0] and not query[1]:
            return
        if query == self._family_query:
            return
        self._family_query = query
        service = self._service
        self._runner.run(lambda: service.matching_families(*query), self._set_families)

    def _set_families(self, found: list[FamilyMatch]) -> None:
        box = self.ui.family_link
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        first = NEW_FAMILY if not found else f"{NEW_FAMILY}, or a sibling's ({len(found)} found)"
        box.addItem(first, None)
        for match in found:
            box.addItem(match.label, match.family_id)
            box.setItemData(box.count() - 1, literal(match.label), Qt.ItemDataRole.ToolTipRole)
        at = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(0, at))
        box.blockSignals(False)
        self._family_changed()

    def _family_changed(self) -> None:
        """A sibling's family keeps its own name, address and adults: those fields rest."""
        linked = self.ui.family_link.currentData() is not None
        ui = self.ui
        for widget in (ui.family_name, ui.address1, ui.address2, ui.town, ui.postcode):
            widget.setEnabled(not linked)
        ui.adults.setEnabled(not linked)
        ui.add_adult.setEnabled(not linked)
        ui.remove_adult.setEnabled(not linked)

    def family_offers(self) -> list[str]:
        """The family choices offered (for tests): the first is always a new family."""
        box = self.ui.family_link
        return [box.itemText(n) for n in range(box.count())]

    def add_adult(self) -> None:
        table = self.ui.adults
        row = table.rowCount()
        table.insertRow(row)
        for column in range(len(ADULT_COLUMNS)):
            if column in _CHECK_COLUMNS:
                box = QCheckBox(table)
                box.setAccessibleName(f"{ADULT_COLUMNS[column]}, adult {row + 1}")
                box.setChecked(column == 3)
                table.setCellWidget(row, column, box)
            else:
                default = {2: "parent", 5: "English"}.get(column, "")
                table.setItem(row, column, QTableWidgetItem(default))

    def _remove_adult(self) -> None:
        row = self.ui.adults.currentRow()
        if row < 0:
            row = self.ui.adults.rowCount() - 1
        if row >= 0:
            self.ui.adults.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        found = self.ui.adults.item(row, column)
        return found.text() if found is not None else ""

    def _checked(self, row: int, column: int) -> bool:
        box = self.ui.adults.cellWidget(row, column)
        return isinstance(box, QCheckBox) and box.isChecked()

    def _adults(self) -> tuple[NewAdult, ...]:
        adults = []
        for row in range(self.ui.adults.rowCount()):
            texts = [self._cell(row, c) for c in (0, 1, 4)]
            if not any(t.strip() for t in texts):
                continue  # an empty row is no adult
            adults.append(
                NewAdult(
                    forename=self._cell(row, 0),
                    surname=self._cell(row, 1),
                    relationship=self._cell(row, 2),
                    parental_responsibility=self._checked(row, 3),
                    phone=self._cell(row, 4),
                    language=self._cell(row, 5),
                    interpreter_needed=self._checked(row, 6),
                )
            )
        return tuple(adults)

    def _school(self) -> str:
        text = self.ui.school.text().strip()
        found = _URN_IN_CHOICE.search(text)
        return found.group(1) if found else text

    def referral(self) -> NewReferral | None:
        """What the form says, or None (and the line at the date of birth) if it has none."""
        ui = self.ui
        if ui.dob.date() == NO_DATE:
            self._show_error("dob", "required")
            return None
        return NewReferral(
            forename=ui.forename.text(),
            surname=ui.surname.text(),
            date_of_birth=pydate(ui.dob.date()),
            gender=str(ui.gender.currentData() or ""),
            upn=ui.upn.text(),
            school=self._school(),
            school_name=ui.new_school_name.text() if self.is_new_school() else "",
            school_phase=str(ui.new_school_phase.currentData() or "")
            if self.is_new_school()
            else "",
            family_id=ui.family_link.currentData(),
            year_group=str(ui.year_group.currentData() or ""),
            family_name=ui.family_name.text(),
            address_line1=ui.address1.text(),
            address_line2=ui.address2.text(),
            town=ui.town.text(),
            postcode=ui.postcode.text(),
            adults=() if ui.family_link.currentData() is not None else self._adults(),
            referred_by=ui.referred_by.text(),
            reason=ui.reason.toPlainText(),
            received=pydate(ui.received.date()),
            not_duplicate_reason=ui.why_new.text() if self._duplicates else "",
        )

    # --- errors ----------------------------------------------------------------------------
    def _error_labels(self) -> dict[str, QLabel]:
        labels = {key: getattr(self.ui, f"{key}_error") for key in set(_FIELD_LABELS.values())}
        labels["adults"] = self.ui.adults_error
        return labels

    def _clear_errors(self) -> None:
        for label in self._error_labels().values():
            label.clear()
            label.hide()
        self.ui.message.clear()

    def _show_error(self, key: str, message: str) -> None:
        label = self._error_labels()[key]
        label.setText(message)
        label.show()
        if key != "adults":
            self.ui.scroll.ensureWidgetVisible(label)

    def error_at(self, key: str) -> str:
        """The line shown at a field (``upn``, ``dob``…), empty when none (for tests)."""
        label = self._error_labels()[key]
        return "" if label.isHidden() else label.text()

    def _show_problems(self, exc: ReferralInvalid) -> None:
        for problem in exc.problems:
            if problem.field.startswith("adult "):
                self._show_error("adults", str(problem))
            else:
                self._show_error(_FIELD_LABELS.get(problem.field, "reason"), problem.message)
        self.ui.message.setText("Not saved: correct the fields marked.")

    # --- saving ----------------------------------------------------------------------------
    def submit(self) -> None:
        self._clear_errors()
        referral = self.referral()
        if referral is None:
            self.ui.message.setText("Not saved: correct the fields marked.")
            return
        if self._duplicates and not referral.not_duplicate_reason.strip():
            self.ui.message.setText(
                "This child is already held: open that case, or say why this is a new case."
            )
            self.ui.why_new.setFocus()
            return
        self._busy(True)
        if self._duplicates:
            self._save(referral)
            return
        service = self._service
        self._runner.run(
            lambda: service.possible_duplicates(
                referral.forename, referral.surname, referral.date_of_birth, referral.upn
            ),
            lambda found: self._checked_duplicates(referral, found),
            self._failed,
        )

    def _checked_duplicates(self, referral: NewReferral, found: list[DuplicateInfo]) -> None:
        if found:
            self._busy(False)
            self._show_duplicates(found)
            return
        self._save(referral)

    def _save(self, referral: NewReferral) -> None:
        service = self._service
        self.ui.message.setText("Saving…")
        self._runner.run(
            lambda: service.take_referral(referral), self._saved, self._failed, lane=WRITES
        )

    def _show_duplicates(self, found: list[DuplicateInfo]) -> None:
        self._duplicates = found
        ui = self.ui
        first = found[0]
        ui.duplicates_text.setText(
            f"{first.child_name}, born {short_date(first.date_of_birth)}, is already in this "
            f"profile (same {first.matched_on}). Open that case, or say why this is a new case."
        )
        ui.duplicates.clear()
        for d in found:
            if d.reference:
                text = f"{d.reference}: {d.stage_label}, {d.status}, {d.officer}"
            else:
                text = "No case: the child is held without one"
            ui.duplicates.addItem(text)
        ui.duplicates.setCurrentRow(0)
        ui.open_case.setEnabled(any(d.case_id for d in found))
        ui.duplicates_box.show()
        ui.message.setText("Not saved yet: this child is already held.")
        ui.why_new.setFocus()

    def _open_existing(self) -> None:
        with_case = [d for d in self._duplicates if d.case_id]
        if not with_case:
            return
        row = max(0, self.ui.duplicates.currentRow())
        chosen = self._duplicates[row] if self._duplicates[row].case_id else with_case[0]
        self.open_case.emit(chosen.case_id)
        self.reject()

    def _saved(self, taken: ReferralTaken) -> None:
        self._busy(False)
        self.result_case_id = taken.case_id
        self.ui.message.setText(f"Saved as {taken.reference}.")
        self.taken.emit(taken.case_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ReferralInvalid):
            self._show_problems(exc)
        elif isinstance(exc, DuplicateChild):  # taken by someone else meanwhile
            self._show_duplicates(exc.duplicates)
        else:
            self.ui.message.setText(f"Not saved: {exc}")

    def _busy(self, busy: bool) -> None:
        self.ui.buttons.setEnabled(not busy)
        self.ui.open_case.setEnabled(not busy)

    def sizeHint(self) -> QSize:
        """Room for both columns without scrolling on a laptop; never more than its screen
        (the scroll area inside takes what does not fit)."""
        return PREFERRED.boundedTo(LAPTOP)
