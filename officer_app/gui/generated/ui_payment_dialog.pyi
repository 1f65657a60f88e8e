"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout


class Ui_PaymentDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    paid_on_label: QLabel
    paid_on: QDateEdit
    amount_label: QLabel
    amount: QSpinBox
    buttons: QDialogButtonBox
    def setupUi(self, PaymentDialog: QDialog) -> None: ...
    def retranslateUi(self, PaymentDialog: QDialog) -> None: ...
