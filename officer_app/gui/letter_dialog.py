"""Write a letter on a case: choose the template and the recipient, fill the asks, preview the
PDF in the window, then record it as sent (when and how), print it or save it.

Every service call runs on the task runner. What is recorded, printed or saved is exactly the
PDF previewed: any change to the inputs after a preview disables those actions until the
letter is previewed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.ask_form import AskForm
from officer_app.gui.confirm_sent import RecordSentDialog
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.markup import plain_label
from officer_app.gui.pdf_preview import PdfPreview
from officer_app.gui.task_runner import TaskRunner
from officer_app.gui.theme import WARNING_BANNER
from officer_app.letters import AskRefused
from officer_app.services.letters import (
    METHOD_WORDS,
    LetterInfo,
    LetterService,
    RecipientInfo,
    RenderedLetter,
    TemplateInfo,
)
from officer_app.wording import long_date


@dataclass(frozen=True)
class LetterChoices:
    """What the dialog needs, gathered on a worker before it opens."""

    templates: list[TemplateInfo]
    recipients: list[RecipientInfo]
    unavailable: list[tuple[str, str]]
    demo_letterhead: bool


def gather_choices(service: LetterService, case_id: str) -> LetterChoices:
    """Blocking: run it on the task runner."""
    return LetterChoices(
        templates=service.templates(),
        recipients=service.recipients(case_id),
        unavailable=service.unavailable(),
        demo_letterhead=service.letterhead.is_demo,
    )


def unavailable_text(unavailable: list[tuple[str, str]]) -> str:
    if not unavailable:
        return ""
    ids = ", ".join(template_id for template_id, _why in unavailable)
    return f"⚠ Unavailable (the template is broken): {ids}. {unavailable[0][1]}"


def banner(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    bg, fg = WARNING_BANNER
    label.setStyleSheet(f"background:{bg}; color:{fg}; padding: 6px 8px; border-radius: 3px;")
    label.setVisible(bool(text))
    return label


class LetterDialog(QDialog):
    recorded = Signal(object)  # LetterInfo: the chronology should refresh

    def __init__(
        self,
        case_id: str,
        child_name: str,
        service: LetterService,
        runner: TaskRunner,
        choices: LetterChoices,
        *,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Write a letter: {child_name}")
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self._today = today
        self.choices = choices
        self.rendered: RenderedLetter | None = None
        self.last_recorded: LetterInfo | None = None
        self.record_dialog: RecordSentDialog | None = None
        self._asks: AskForm | None = None
        self._busy = False

        self.template = QComboBox()
        self.template.setAccessibleName("Letter")
        for info in choices.templates:
            self.template.addItem(info.title, info.id)
        self.description = plain_label("")
        self.description.setWordWrap(True)
        self.description.setProperty("role", "muted")
        self.recipient = QComboBox()
        self.recipient.setAccessibleName("To")
        for person in choices.recipients:
            if person.can_receive:
                self.recipient.addItem(f"{person.name} ({person.relationship})", person.id)
        others = [p for p in choices.recipients if not p.can_receive]
        self.not_offered = plain_label(
            "Not offered: " + "; ".join(f"{p.name}: {p.reason}" for p in others) if others else ""
        )
        self.not_offered.setWordWrap(True)
        self.not_offered.setProperty("role", "muted")
        self.not_offered.setVisible(bool(others))
        self.dated = QDateEdit(qdate(today))
        self.dated.setCalendarPopup(True)
        self.dated.setDisplayFormat("dddd d MMMM yyyy")
        self.dated.setMaximumDate(qdate(today))
        self.dated.setAccessibleName("Letter's date")
        self.asks_area = QScrollArea()
        self.asks_area.setWidgetResizable(True)
        self.asks_area.setFrameShape(QFrame.Shape.NoFrame)
        self.asks_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.asks_area.setAccessibleName("What the letter needs")

        self.preview_button = QPushButton("&Preview")
        self.preview_button.setProperty("primary", True)
        self.preview_button.clicked.connect(self.preview)
        self.record_button = QPushButton("&Record as sent…")
        self.record_button.clicked.connect(self.ask_record)
        self.print_button = QPushButton("P&rint…")
        self.print_button.clicked.connect(self.print_letter)
        self.save_button = QPushButton("Save as P&DF…")
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Letter status")
        # Only Preview is the default button: a button that becomes the default when focused
        # turns bold without being measured again, and its words are cut off.
        self.preview_button.setDefault(True)
        for button in (self.record_button, self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)

        warnings = []
        if choices.demo_letterhead:
            warnings.append(
                "These letters carry the demo letterhead (Northam City Council): an LA sets its "
                "own in [letterhead] in settings.toml."
            )
        if choices.unavailable:
            warnings.append(unavailable_text(choices.unavailable))
        self.warning = banner("\n".join(warnings))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow("&Letter", self.template)
        form.addRow("", self.description)
        form.addRow("&To", self.recipient)
        form.addRow("", self.not_offered)
        form.addRow("&Dated", self.dated)
        # Everything above the Preview button scrolls as one: on a small screen nothing is
        # squeezed, the Preview button stays in view.
        inputs = QWidget()
        inputs_layout = QVBoxLayout(inputs)
        inputs_layout.setContentsMargins(0, 0, 10, 0)
        inputs_layout.addWidget(self.warning)
        inputs_layout.addLayout(form)
        section = plain_label("What the letter needs")
        section.setProperty("role", "section")
        inputs_layout.addWidget(section)
        self.asks_box = QVBoxLayout()
        self.asks_box.setContentsMargins(0, 0, 0, 0)
        inputs_layout.addLayout(self.asks_box)
        inputs_layout.addStretch(1)
        self.asks_area.setWidget(inputs)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.asks_area, 1)
        preview_row = QHBoxLayout()
        preview_row.addStretch(1)
        preview_row.addWidget(self.preview_button)
        left_layout.addLayout(preview_row)
        left.setMinimumWidth(400)

        self.pdf = PdfPreview()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.pdf)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 720])
        footer = QHBoxLayout()
        footer.addStretch(1)
        for button in (self.print_button, self.save_button, self.record_button, self.close_button):
            footer.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)  # a row of its own: a long message is never cut off
        layout.addLayout(footer)
        self.resize(1180, 680)

        self.template.currentIndexChanged.connect(self._template_changed)
        self.recipient.currentIndexChanged.connect(self._inputs_changed)
        self.dated.dateChanged.connect(self._inputs_changed)
        self._template_changed()
        if self.recipient.count() == 0:
            self.preview_button.setEnabled(False)
            self.status.setText(
                "No one on this case can receive a letter: a letter goes to a parent with "
                "parental responsibility at the family's address."
            )
        if not choices.templates:
            self.preview_button.setEnabled(False)
            self.status.setText("No letter template is available.")

    # --- inputs -----------------------------------------------------------------------------
    def current_template(self) -> TemplateInfo | None:
        template_id = self.template.currentData()
        return next((t for t in self.choices.templates if t.id == template_id), None)

    @property
    def asks(self) -> AskForm:
        assert self._asks is not None
        return self._asks

    def _template_changed(self) -> None:
        info = self.current_template()
        self.description.setText(info.description if info else "")
        if self._asks is not None:
            self.asks_box.removeWidget(self._asks)
            self._asks.hide()
            self._asks.deleteLater()
        self._asks = AskForm(info.asks if info else (), self._today)
        self._asks.changed.connect(self._inputs_changed)
        self.asks_box.addWidget(self._asks)
        self._inputs_changed()

    def _inputs_changed(self) -> None:
        had_preview = self.rendered is not None
        self.rendered = None
        self._set_actions()
        if had_preview:
            self.status.setText("Changed since the preview: preview again before printing or "
                                "recording it.")  # fmt: skip

    def _set_actions(self) -> None:
        ready = self.rendered is not None and not self._busy
        recorded = self.last_recorded is not None and self.rendered is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.record_button.setEnabled(ready and not recorded)
        self.preview_button.setEnabled(
            not self._busy and self.recipient.count() > 0 and self.template.count() > 0
        )

    # --- preview ----------------------------------------------------------------------------
    def preview(self) -> None:
        info = self.current_template()
        recipient_id = self.recipient.currentData()
        if info is None or recipient_id is None:
            return
        asks = self.asks.values()
        dated = pydate(self.dated.date())
        self.asks.mark(None)
        self._busy = True
        self.last_recorded = None
        self._set_actions()
        self.status.setText("Making the letter…")
        service, case_id = self._service, self.case_id
        self._runner.run(
            lambda: service.render(
                case_id, info.id, recipient_id=recipient_id, asks=asks, dated=dated
            ),
            self._previewed,
            self._preview_failed,
        )

    def _previewed(self, rendered: RenderedLetter) -> None:
        self._busy = False
        self.rendered = rendered
        pages = self.pdf.show_pdf(rendered.pdf)
        self._set_actions()
        self.status.setText(
            f"Preview: {pages} page{'s' * (pages != 1)} to {rendered.recipient_name}. Check it, "
            "then print it, save it, or record it as sent."
        )

    def _preview_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._set_actions()
        if isinstance(exc, AskRefused):
            self.asks.mark(exc.ask)
        self.pdf.clear("No preview: see the message below.")
        self.status.setText(f"Not made: {exc}")

    # --- after the preview ------------------------------------------------------------------
    def ask_record(self) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        dialog = RecordSentDialog(rendered.dated, self._today, rendered.recipient_name, self)
        self.record_dialog = dialog
        dialog.accepted.connect(lambda: self._record(rendered, dialog))
        dialog.open()

    def _record(self, rendered: RenderedLetter, dialog: RecordSentDialog) -> None:
        sent_on, method = dialog.chosen_day(), dialog.method()
        self._busy = True
        self._set_actions()
        self.status.setText("Recording the letter as sent…")
        service, case_id = self._service, self.case_id
        self._runner.run(
            lambda: service.record_sent(case_id, rendered, sent_on=sent_on, method=method),
            self._recorded,
            self._failed("Not recorded"),
        )

    def _recorded(self, info: LetterInfo) -> None:
        self._busy = False
        self.last_recorded = info
        self._set_actions()
        self.status.setText(
            f"Recorded as sent {METHOD_WORDS[info.method]} on {long_date(info.sent_on)}: the "
            "copy is kept on the case and the letter is in the chronology."
        )
        self.recorded.emit(info)

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self._busy = False
            self._set_actions()
            self.status.setText(f"{what}: {exc}")

        return failed

    def print_letter(self) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        service = self._service
        self._runner.run(
            lambda: service.print_rendered(rendered),
            lambda data: self._show_print_dialog(data, rendered.title),
            self._failed("Not printed"),
        )

    def _show_print_dialog(self, data: bytes, title: str) -> None:
        from officer_app.gui.printing import print_pdf

        try:
            pages = print_pdf(data, title, self)
        except RuntimeError as exc:
            self.status.setText(f"Not printed: {exc}")
            return
        if pages:
            self.status.setText(f"Sent {pages} page(s) to the printer.")

    def save_pdf(self, target: Path | None = None) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        if target is None:
            suggested = f"{rendered.case_reference} {rendered.title} {rendered.dated}.pdf"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, "Save the letter as a PDF", suggested, "PDF documents (*.pdf)"
            )
            if not chosen:
                return
            target = Path(chosen)
        service, out = self._service, target
        self._runner.run(
            lambda: service.export_rendered(rendered, out),
            lambda pages: self.status.setText(f"Saved a {pages}-page PDF to {out}"),
            self._failed("Not saved"),
        )
