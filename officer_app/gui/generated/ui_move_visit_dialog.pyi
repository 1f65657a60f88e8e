"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class Ui_MoveVisitDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    when_label: QLabel
    when: QDateTimeEdit
    reason_label: QLabel
    reason: QLineEdit
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, MoveVisitDialog: QDialog) -> None: ...
    def retranslateUi(self, MoveVisitDialog: QDialog) -> None: ...
