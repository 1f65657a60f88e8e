"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout


class Ui_VisitPlanDialog:
    layout: QVBoxLayout
    form: QFormLayout
    when_label: QLabel
    when: QDateTimeEdit
    address_label: QLabel
    address: QLineEdit
    purpose_label: QLabel
    purpose: QLineEdit
    second_label: QLabel
    second: QComboBox
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, VisitPlanDialog: QDialog) -> None: ...
    def retranslateUi(self, VisitPlanDialog: QDialog) -> None: ...
