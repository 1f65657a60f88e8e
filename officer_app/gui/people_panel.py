"""The family on a case: the address and since when, earlier addresses, the adults (current
first, those who left greyed with the day they left), and the tracked changes to them.

An address marked withheld (a parent fleeing domestic abuse: it must not appear in anything
served) is said plainly above the address, and on the adult's line; it is set and cleared,
with a reason, like the other changes (services/withheld_changes.py).

Each change asks its reason and runs through :class:`FamilyChangeService` on the writes lane;
the service signs it into the chronology of every open case of the family. After a change
the panel reloads and emits ``changed`` (the case page reloads its chronology on it).
Built for a side panel or tab about 360 px wide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.change_dialog import ChangeDialog, run_change
from officer_app.gui.markup import literal, plain_label
from officer_app.gui.task_runner import TaskRunner
from officer_app.gui.theme import WARNING_BANNER
from officer_app.services.family_changes import (
    AdultInfo,
    FamilyChange,
    FamilyChangeRefused,
    FamilyChangeService,
    FamilyPeople,
)
from officer_app.services.person_details import PersonDetails
from officer_app.services.withheld_changes import WITHHELD_TEXT, WithheldFlags
from officer_app.wording import short_date

ENDED_COLOUR = "#8a939b"
WITHHELD_STYLE = (
    f"background: {WARNING_BANNER[0]}; color: {WARNING_BANNER[1]}; font-weight: bold; "
    "padding: 3px 8px; border-radius: 3px;"
)
RELATIONSHIPS = (
    "mother",
    "father",
    "stepmother",
    "stepfather",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "foster carer",
    "carer",
)


def adult_lines(adult: AdultInfo, withheld: bool = False) -> str:
    """Two or three lines about an adult, for the list."""
    pr = "parental responsibility" if adult.parental_responsibility else "no PR"
    first = f"{adult.name} ({adult.relationship}, {pr})"
    language = adult.language or "English"
    second = f"{adult.phone or 'no phone'} · {language}"
    if adult.interpreter_needed:
        second += " · interpreter needed"
    if not adult.lives_with_child:
        second += " · lives elsewhere"
    if withheld:
        first += f" · {WITHHELD_TEXT.upper()}"
    if adult.ended_on is not None:
        return f"{first}\nLeft on {short_date(adult.ended_on)}: {adult.end_reason}"
    return f"{first}\n{second}"


class PeoplePanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        case_id: str,
        service: FamilyChangeService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._withheld = service.withheld()
        self._runner = runner
        self.people: FamilyPeople | None = None
        self.flags: WithheldFlags | None = None
        self.dialog: ChangeDialog | None = None  # the change being made, if any

        self.withheld = plain_label("")
        self.withheld.setWordWrap(True)
        self.withheld.setStyleSheet(WITHHELD_STYLE)
        self.withheld.setAccessibleName(WITHHELD_TEXT)
        self.withheld.hide()
        self.address = plain_label("")
        self.address.setWordWrap(True)
        self.address.setAccessibleName("Address")
        self.since = plain_label("")
        self.since.setProperty("role", "muted")
        self.earlier = plain_label("")
        self.earlier.setWordWrap(True)
        self.earlier.setProperty("role", "muted")
        self.earlier.setAccessibleName("Earlier addresses")
        self.move_button = QPushButton("Change address…")
        self.move_button.clicked.connect(self.change_address)
        self.withhold_button = QPushButton("Withhold address…")
        self.withhold_button.setToolTip(
            literal("Mark the family's address as not to appear in anything served, or clear it")
        )
        self.withhold_button.clicked.connect(self.withhold_family)

        self.adults = QListWidget()
        self.adults.setAccessibleName("Adults in the family")
        self.adults.setWordWrap(True)
        self.adults.setAlternatingRowColors(True)
        self.adults.setSpacing(3)
        self.adults.currentItemChanged.connect(lambda *_: self._enable())
        self.add_button = QPushButton("Add adult…")
        self.add_button.clicked.connect(self.add_adult)
        self.edit_button = QPushButton("Edit adult…")
        self.edit_button.setToolTip(literal("Change the selected adult's phone or PR"))
        self.edit_button.clicked.connect(self.edit_adult)
        self.left_button = QPushButton("Adult left…")
        self.left_button.setToolTip(literal("Record that the selected adult left the family"))
        self.left_button.clicked.connect(self.adult_left)
        self.withhold_adult_button = QPushButton("Withhold their address…")
        self.withhold_adult_button.setToolTip(
            literal("Mark where the selected adult lives as not to appear in anything served")
        )
        self.withhold_adult_button.clicked.connect(self.withhold_adult)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")

        address_title = plain_label("Address")
        address_title.setProperty("role", "section")
        adults_title = plain_label("Adults")
        adults_title.setProperty("role", "section")
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.edit_button, 0, 1)
        buttons.addWidget(self.withhold_adult_button, 1, 0)
        buttons.addWidget(self.left_button, 1, 1)
        address_buttons = QHBoxLayout()
        address_buttons.addWidget(self.move_button)
        address_buttons.addWidget(self.withhold_button)
        address_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(address_title)
        layout.addWidget(self.withheld)
        layout.addWidget(self.address)
        layout.addWidget(self.since)
        layout.addWidget(self.earlier)
        layout.addLayout(address_buttons)
        layout.addWidget(adults_title)
        layout.addWidget(self.adults, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._enable()
        self.reload()

    # --- showing ------------------------------------------------------------------------
    def reload(self) -> None:
        case_id, service, withheld = self.case_id, self._service, self._withheld
        self._runner.run(
            lambda: (service.people(case_id), withheld.flags(case_id)),
            lambda found: self.show_people(*found) if shiboken6.isValid(self) else None,
            lambda exc: self._failed(exc) if shiboken6.isValid(self) else None,
        )  # the case's tab may have closed while the worker ran

    def show_people(self, people: FamilyPeople, flags: WithheldFlags | None = None) -> None:
        self.people = people
        self.flags = flags
        self._show_withheld(people, flags)
        self.address.setText(people.address.one_line or "No address recorded")
        since = people.address.from_date
        self.since.setText(
            f"Lived here since {short_date(since)}" if since else "Lived here since: not known"
        )
        earlier = [
            f"{a.one_line}, "
            + (f"{short_date(a.from_date)} to " if a.from_date else "to ")
            + short_date(a.to_date)
            for a in people.earlier
        ]
        self.earlier.setText("Earlier: " + "; ".join(earlier) if earlier else "")
        self.earlier.setVisible(bool(earlier))
        selected = self._selected()
        self.adults.clear()
        for adult in people.adults:
            lines = adult_lines(adult, flags is not None and adult.id in flags.adult_ids)
            item = QListWidgetItem(lines)
            item.setData(Qt.ItemDataRole.UserRole, adult.id)
            item.setToolTip(literal(lines))
            if not adult.current:
                item.setForeground(QColor(ENDED_COLOUR))
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            self.adults.addItem(item)
            if selected is not None and adult.id == selected.id:
                self.adults.setCurrentItem(item)
        self._enable()

    def _show_withheld(self, people: FamilyPeople, flags: WithheldFlags | None) -> None:
        """ "Address withheld" above the address when the family's, or a current adult's who
        lives with the child, is withheld: the address is then not to be served."""
        family = flags is not None and flags.family
        whose = [
            a.name
            for a in people.adults
            if flags is not None and a.id in flags.adult_ids and a.lives_with_child
        ]
        if family or whose:
            who = " and ".join(["the family"] * family + whose)
            self.withheld.setText(
                f"{WITHHELD_TEXT.upper()} ({who}): not to appear in anything served"
            )
        self.withheld.setVisible(family or bool(whose))
        self.withhold_button.setText("Stop withholding…" if family else "Withhold address…")

    def _selected(self) -> AdultInfo | None:
        item = self.adults.currentItem()
        if item is None or self.people is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.people.adults if a.id == wanted), None)

    def _enable(self) -> None:
        adult = self._selected()
        for button in (self.edit_button, self.left_button):
            button.setEnabled(adult is not None and adult.current)
        self.withhold_adult_button.setEnabled(adult is not None)
        if adult is not None and self._adult_withheld(adult):
            self.withhold_adult_button.setText("Stop withholding theirs…")
        else:
            self.withhold_adult_button.setText("Withhold their address…")

    def _adult_withheld(self, adult: AdultInfo) -> bool:
        return self.flags is not None and adult.id in self.flags.adult_ids

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc) if isinstance(exc, FamilyChangeRefused | LookupError) else "")
        if not isinstance(exc, FamilyChangeRefused | LookupError):
            self._runner.error.emit(
                f"The family's details could not be read ({type(exc).__name__})"
            )

    # --- changes ------------------------------------------------------------------------
    def _open(
        self, dialog: ChangeDialog, make: Callable[[ChangeDialog], Callable[[], FamilyChange]]
    ) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        run_change(dialog, self._runner, make, self._done)

    def _done(self, change: FamilyChange) -> None:
        cases = ", ".join(change.case_references)
        self.status.setText(f"{change.headline}: signed on {cases}" if cases else change.headline)
        self.reload()
        self.changed.emit()

    def change_address(self) -> None:
        current = self.people.address.one_line if self.people else ""
        today = self._service.today()
        dialog = ChangeDialog(
            "Change address",
            f"Now: {current or 'no address recorded'}. The old address is kept with its dates.",
            "Record the new address",
            self,
        )
        dialog.line("line1", "Address line 1")
        dialog.line("line2", "Address line 2")
        dialog.line("town", "Town", limit=80)
        dialog.line("postcode", "Postcode", limit=10)
        dialog.date("moved_on", "Moved on", today, today)
        dialog.reason()
        case_id, service = self.case_id, self._service
        self._open(
            dialog,
            lambda d: partial(
                service.change_address,
                case_id,
                d.value("line1"),
                d.value("line2"),
                d.value("town"),
                d.value("postcode"),
                d.day("moved_on"),
                d.value("reason"),
            ),
        )

    def add_adult(self) -> None:
        dialog = ChangeDialog("Add an adult", "", "Add the adult", self)
        dialog.line("forename", "Forename", limit=80)
        dialog.line("surname", "Surname", limit=80)
        dialog.choice(
            "relationship", "Relationship", [(r, r) for r in RELATIONSHIPS], editable=True
        )
        dialog.tick("parental_responsibility", "Has parental responsibility", True)
        dialog.line("phone", "Phone", limit=30)
        dialog.line("language", "Language", "English", limit=40)
        dialog.tick("interpreter", "Needs an interpreter", False)
        dialog.tick("lives_with_child", "Lives with the child", True)
        dialog.reason()
        case_id, service = self.case_id, self._service
        self._open(
            dialog,
            lambda d: partial(
                service.add_adult,
                case_id,
                d.value("forename"),
                d.value("surname"),
                d.value("relationship"),
                d.checked("parental_responsibility"),
                d.value("phone"),
                d.value("language"),
                d.checked("interpreter"),
                d.checked("lives_with_child"),
                d.value("reason"),
            ),
        )

    def edit_adult(self) -> None:
        adult = self._selected()
        if adult is None or not adult.current:
            return
        dialog = ChangeDialog(
            f"Edit {adult.name}", f"{adult.name} ({adult.relationship})", "Record the change", self
        )
        dialog.line("phone", "Phone", adult.phone, limit=30)
        dialog.tick(
            "parental_responsibility", "Has parental responsibility", adult.parental_responsibility
        )
        born = adult.date_of_birth
        dialog.line(
            "date_of_birth",
            "Date of birth (dd/mm/yyyy; blank if not known)",
            f"{born:%d/%m/%Y}" if born else "",
            limit=10,
        )
        dialog.tick(
            "vulnerable",
            "Vulnerable (needs an appropriate adult at an interview under caution)",
            adult.vulnerable,
        )
        dialog.tick("interpreter", "Needs an interpreter", adult.interpreter_needed)
        dialog.line("language", "Language", adult.language, limit=40)
        dialog.reason()
        service = self._service
        self._open(
            dialog,
            lambda d: partial(
                service.edit_adult,
                adult.id,
                d.value("reason"),
                phone=d.value("phone"),
                parental_responsibility=d.checked("parental_responsibility"),
                details=PersonDetails(
                    d.value("date_of_birth"),
                    d.checked("vulnerable"),
                    d.checked("interpreter"),
                    d.value("language"),
                ),
            ),
        )

    def adult_left(self) -> None:
        adult = self._selected()
        if adult is None or not adult.current:
            return
        today = self._service.today()
        dialog = ChangeDialog(
            f"{adult.name} left the family",
            f"{adult.name} is kept on the case, shown apart, and no longer offered for letters "
            "or penalty notices.",
            "Record that they left",
            self,
        )
        dialog.date("ended_on", "Left on", today, today)
        dialog.reason()
        service = self._service
        self._open(
            dialog,
            lambda d: partial(service.end_adult, adult.id, d.day("ended_on"), d.value("reason")),
        )

    # --- addresses withheld ---------------------------------------------------------------
    def withhold_family(self) -> None:
        now = self.flags is not None and self.flags.family
        self._withhold(None, "the family's address", now)

    def withhold_adult(self) -> None:
        adult = self._selected()
        if adult is not None:
            self._withhold(adult.id, f"where {adult.name} lives", self._adult_withheld(adult))

    def _withhold(self, adult_id: str | None, what: str, withheld_now: bool) -> None:
        if withheld_now:
            dialog = ChangeDialog(
                "Stop withholding an address",
                f"{what[0].upper()}{what[1:]} may then appear in what is served again (an "
                "evidence pack, a statement). Say why it no longer needs withholding.",
                "Stop withholding",
                self,
            )
        else:
            dialog = ChangeDialog(
                "Withhold an address",
                f"{what[0].upper()}{what[1:]} must then not appear in anything served: an "
                "evidence pack that would show it is refused, with every place it appears.",
                "Withhold the address",
                self,
            )
        dialog.reason()
        case_id, withheld = self.case_id, self._withheld
        self._open(
            dialog,
            lambda d: partial(
                withheld.set_address_withheld,
                case_id,
                not withheld_now,
                d.value("reason"),
                adult_id=adult_id,
            ),
        )
