"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class Ui_PackServedDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    served_on_label: QLabel
    served_on: QDateEdit
    method_label: QLabel
    method: QComboBox
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, PackServedDialog: QDialog) -> None: ...
    def retranslateUi(self, PackServedDialog: QDialog) -> None: ...
