"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class Ui_OthersNoticeDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    parent_label: QLabel
    parent_choice: QComboBox
    issuer_label: QLabel
    issuer: QComboBox
    issuer_name_label: QLabel
    issuer_name: QLineEdit
    number_label: QLabel
    number: QLineEdit
    issued_on_label: QLabel
    issued_on: QDateEdit
    status_label: QLabel
    status: QComboBox
    period_from_label: QLabel
    period_from: QDateEdit
    period_to_label: QLabel
    period_to: QDateEdit
    buttons: QDialogButtonBox
    def setupUi(self, OthersNoticeDialog: QDialog) -> None: ...
    def retranslateUi(self, OthersNoticeDialog: QDialog) -> None: ...
