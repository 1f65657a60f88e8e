"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout


class Ui_NoticeToImproveDialog:
    layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    sent_on_label: QLabel
    sent_on: QDateEdit
    method_label: QLabel
    method: QComboBox
    until_label: QLabel
    until: QDateEdit
    period_note: QLabel
    improvement_label: QLabel
    improvement: QPlainTextEdit
    support_label: QLabel
    support: QPlainTextEdit
    buttons: QDialogButtonBox
    def setupUi(self, NoticeToImproveDialog: QDialog) -> None: ...
    def retranslateUi(self, NoticeToImproveDialog: QDialog) -> None: ...
