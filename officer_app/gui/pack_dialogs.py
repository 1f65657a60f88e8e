"""Approving an evidence pack for service and recording it as served (issue 13, point 2:
"draft, approved by a court officer, served (date and method)").

Drawn in ui/pack_approve_dialog.ui and ui/pack_served_dialog.ui. Each dialog makes its
service call on the task runner and stays open with the service's refusal shown plainly (an
officer without the role, a date before the build…); it closes once the change is recorded,
emitting ``recorded`` with the pack as it now stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_pack_approve_dialog import Ui_PackApproveDialog
from officer_app.gui.generated.ui_pack_served_dialog import Ui_PackServedDialog
from officer_app.gui.letter_dialog import style_banner
from officer_app.gui.markup import no_accelerator
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.pack_choices import Approver
from officer_app.services.packs import SERVE_METHODS, PackInfo, PackService
from officer_app.wording import long_date

METHOD_WORDS = {method: words.capitalize() for method, words in SERVE_METHODS.items()}


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


class _PackChange(QDialog):
    """What the two dialogs share: the refusal shown in place, OK busy while it is asked."""

    recorded = Signal(object)  # PackInfo: the pack as it now stands

    def _wire(self, runner: TaskRunner, buttons: QDialogButtonBox, ok_text: str) -> None:
        self._runner = runner
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.refusal = ""

    def _ask(self, work: Callable[[], PackInfo]) -> None:
        self.ok_button.setEnabled(False)
        self._runner.run(work, self._done, self._refused, lane=WRITES)

    def _done(self, info: PackInfo) -> None:
        self.recorded.emit(info)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.refusal = str(exc)
        self._show(f"Not recorded: {exc}")

    def _show(self, text: str) -> None:
        raise NotImplementedError

    def submit(self) -> None:
        raise NotImplementedError


class PackApproveDialog(_PackChange):
    """Who approves the draft for service: the acting officer, or a court officer or
    supervisor they name (PackService.approve refuses anyone else)."""

    def __init__(
        self,
        service: PackService,
        runner: TaskRunner,
        pack: PackInfo,
        approvers: tuple[Approver, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PackApproveDialog()
        self.ui.setupUi(self)
        self._service = service
        self.pack = pack
        self._wire(runner, self.ui.buttons, "&Approve")
        self.ui.intro.setText(
            f"Pack {pack.reference}: {pack.pages} pages, built by {pack.built_by or 'an officer'} "
            f"on {long_date(pack.built_at.date())} (SHA-256 {pack.sha256[:16]}…). Approving it "
            "says it may be served as it is; the approval is signed into the chronology. A "
            "court officer or a supervisor approves."
        )
        for approver in approvers:
            self.ui.approver.addItem(f"{approver.name} ({approver.role})", approver.id)
        self.approvers = approvers
        self.ui.approver.currentIndexChanged.connect(self._chosen)
        style_banner(self.ui.message)
        self.ui.message.hide()
        self._chosen()
        self.adjustSize()

    def _chosen(self) -> None:
        index = self.ui.approver.currentIndex()
        approver = self.approvers[index] if 0 <= index < len(self.approvers) else None
        self.ui.approver_note.setText(
            ""
            if approver is None or approver.may_approve
            else f"{approver.name} is {_article(approver.role)} {approver.role}: a court officer "
            "or a supervisor approves a pack."
        )
        self.ui.message.hide()
        self.adjustSize()

    def _show(self, text: str) -> None:
        self.ui.message.setText(text)
        self.ui.message.show()
        self.adjustSize()

    def submit(self) -> None:
        service, pack_id = self._service, self.pack.id
        approver = str(self.ui.approver.currentData())
        self._ask(lambda: service.approve(pack_id, approver_id=approver))


class PackServedDialog(_PackChange):
    """The day the approved pack was served and how: from then on it is frozen."""

    def __init__(
        self,
        service: PackService,
        runner: TaskRunner,
        pack: PackInfo,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PackServedDialog()
        self.ui.setupUi(self)
        self._service = service
        self.pack = pack
        self._wire(runner, self.ui.buttons, no_accelerator("Record as served"))
        self.ui.intro.setText(
            f"Pack {pack.reference}, approved by {pack.approved_by or 'a court officer'}. Once "
            "it is recorded as served it is frozen: nothing in it can change, and building "
            "again makes a new pack."
        )
        built = pack.built_at.date()
        self.ui.served_on.setDateRange(qdate(min(built, today)), qdate(today))
        self.ui.served_on.setDate(qdate(today))
        for method in SERVE_METHODS:
            self.ui.method.addItem(METHOD_WORDS.get(method, method), method)
        style_banner(self.ui.message)
        self.ui.message.hide()
        self.adjustSize()

    def chosen(self) -> tuple[dt.date, str]:
        return pydate(self.ui.served_on.date()), str(self.ui.method.currentData())

    def _show(self, text: str) -> None:
        self.ui.message.setText(text)
        self.ui.message.show()
        self.adjustSize()

    def submit(self) -> None:
        service, pack_id = self._service, self.pack.id
        day, method = self.chosen()
        self._ask(lambda: service.serve(pack_id, day, method))
