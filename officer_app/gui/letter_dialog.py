"""Write a letter on a case: choose the template and the recipient, fill the asks, preview the
PDF in the window, then record it as sent (when and how), print it or save it.

Every service call runs on the task runner. What is recorded, printed or saved is exactly the
PDF previewed: any change to the inputs after a preview disables those actions until the
letter is previewed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from officer_app.gui.ask_form import AskForm
from officer_app.gui.confirm_sent import RecordSentDialog
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_letter_dialog import Ui_LetterDialog
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


def style_banner(label: QLabel) -> None:
    """A drawn label shown as a warning banner, in the theme's colours."""
    bg, fg = WARNING_BANNER
    label.setStyleSheet(f"background:{bg}; color:{fg}; padding: 6px 8px; border-radius: 3px;")


class LetterDialog(QDialog):
    """Drawn in ui/letter_dialog.ui; the choices, the asks and every service call are here."""

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
        template_id: str | None = None,
        asks: Mapping[str, str] | None = None,
        recipient_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``template_id`` opens the dialog with that template chosen, ``asks`` its answers
        prefilled (an interview invitation from its plan), ``recipient_id`` the adult it goes
        to: the officer still checks them, previews and records the letter as for any other."""
        super().__init__(parent)
        self.ui = ui = Ui_LetterDialog()
        ui.setupUi(self)
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
        self._prefill = (template_id, dict(asks or {}))

        self.template, self.recipient, self.dated = ui.template, ui.recipient, ui.dated
        self.description, self.not_offered = ui.description, ui.not_offered
        self.asks_area, self.asks_box, self.pdf = ui.asks_area, ui.asks_box, ui.pdf
        self.preview_button, self.record_button = ui.preview_button, ui.record_button
        self.print_button, self.save_button = ui.print_button, ui.save_button
        self.close_button, self.status, self.warning = ui.close_button, ui.status, ui.warning
        for info in choices.templates:
            self.template.addItem(info.title, info.id)
        for person in choices.recipients:
            if person.can_receive:
                self.recipient.addItem(f"{person.name} ({person.relationship})", person.id)
        others = [p for p in choices.recipients if not p.can_receive]
        if others:
            self.not_offered.setText(
                "Not offered: " + "; ".join(f"{p.name}: {p.reason}" for p in others)
            )
        self.not_offered.setVisible(bool(others))
        self.dated.setMaximumDate(qdate(today))
        self.dated.setDate(qdate(today))
        # Only Preview is the default button (in the .ui): a button that becomes the default
        # when focused turns bold without being measured again, and its words are cut off.
        self.preview_button.clicked.connect(self.preview)
        self.record_button.clicked.connect(self.ask_record)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)

        warnings = []
        if choices.demo_letterhead:
            warnings.append(
                "These letters carry the demo letterhead (Northam City Council): an LA sets its "
                "own in [letterhead] in settings.toml."
            )
        if choices.unavailable:
            warnings.append(unavailable_text(choices.unavailable))
        style_banner(self.warning)
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        # Everything above the Preview button scrolls as one (ui/letter_dialog.ui): on a small
        # screen nothing is squeezed, the Preview button stays in view.
        ui.split.setSizes([420, 720])

        if template_id is not None and self.template.findData(template_id) >= 0:
            self.template.setCurrentIndex(self.template.findData(template_id))
        if recipient_id is not None and self.recipient.findData(recipient_id) >= 0:
            self.recipient.setCurrentIndex(self.recipient.findData(recipient_id))
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
        prefill_id, prefill = self._prefill
        if info is not None and info.id == prefill_id:  # as if the officer had typed them
            for name, value in prefill.items():
                if value and name in self._asks.widgets:
                    self._asks.set_value(name, value)
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
        if not self.asks.confirm_warnings(self.status, "Not made"):
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
