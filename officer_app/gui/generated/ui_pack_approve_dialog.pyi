"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class Ui_PackApproveDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    approver_label: QLabel
    approver: QComboBox
    approver_note: QLabel
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, PackApproveDialog: QDialog) -> None: ...
    def retranslateUi(self, PackApproveDialog: QDialog) -> None: ...
