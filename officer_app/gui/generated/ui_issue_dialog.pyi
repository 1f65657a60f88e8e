"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class Ui_IssueDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    issued_on_label: QLabel
    issued_on: QDateEdit
    served_by_label: QLabel
    served_by: QComboBox
    own_receipt: QCheckBox
    received_on: QDateEdit
    supervisor_label: QLabel
    supervisor: QComboBox
    authorised_on_label: QLabel
    authorised_on: QDateEdit
    outcome: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, IssueDialog: QDialog) -> None: ...
    def retranslateUi(self, IssueDialog: QDialog) -> None: ...
