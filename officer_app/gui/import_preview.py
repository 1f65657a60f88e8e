"""The register import asks first (issue 11 point 9): what importing a file would change,
shown before anything changes; the import runs only when the officer confirms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from officer_app.gui.generated.ui_import_preview import Ui_ImportPreviewDialog
from officer_app.gui.markup import no_accelerator
from officer_app.services.register_preview import ImportPreview
from officer_app.wording import short_date


class ImportPreviewDialog(QDialog):
    """Drawn in ui/import_preview.ui. Accepted: import; rejected (Cancel): nothing changes."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.preview = preview
        self.buttons = self.ui.buttons
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(
            no_accelerator(f"Import and replace {preview.replaced} mark(s)")
            if preview.replaces_held
            else "Import"
        )
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)  # Enter does not replace marks by accident
        self.import_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ui = self.ui
        ui.intro.setText(
            f"{preview.file}: {preview.rows} row{'s' * (preview.rows != 1)} read. "
            + (
                f"Importing it would replace {preview.replaced} mark(s) the profile already "
                "holds with the school's new ones; the old marks are kept in each case's "
                "chronology. Nothing changes until you choose Import."
                if preview.replaces_held
                else "Importing it replaces no mark already held."
            )
        )
        ui.matched.setText(str(preview.pupils_matched))
        ui.added.setText(str(preview.added))
        ui.replaced.setText(
            f"{preview.replaced} (for {preview.children_replaced} "
            f"{'child' if preview.children_replaced == 1 else 'children'})"
            if preview.replaced
            else "0"
        )
        ui.unchanged.setText(f"{preview.unchanged} (already held)")
        ui.left_out.setText(f"{preview.pupils_not_on_caseload} (not on this caseload)")
        for notice in preview.notices:
            change = (
                f"unauthorised sessions in the period {notice.unauthorised_change:+d}"
                if notice.unauthorised_change
                else "the unauthorised count stays the same"
            )
            text = (
                f"{notice.case_reference} {notice.child_name}: notice {notice.notice} "
                f"({notice.status}), evidence period {short_date(notice.period_from)} to "
                f"{short_date(notice.period_to)}: {notice.replaced} mark(s) replaced, {change}"
            )
            item = QListWidgetItem(text)
            ui.notices.addItem(item)
        has_notices = bool(preview.notices)
        ui.notices_title.setVisible(has_notices)
        ui.notices.setVisible(has_notices)
        warnings = len(preview.warnings)
        ui.message.setText(
            (
                "No penalty notice's evidence period holds a replaced mark. "
                if preview.replaces_held and not has_notices
                else ""
            )
            + (
                f"{warnings} warning(s) in the file: the marks are imported as given."
                if warnings
                else ""
            )
        )
        ui.message.setVisible(bool(ui.message.text()))
        self.adjustSize()
