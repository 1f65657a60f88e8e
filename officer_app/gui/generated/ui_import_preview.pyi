"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QVBoxLayout


class Ui_ImportPreviewDialog:
    layout: QVBoxLayout
    intro: QLabel
    counts: QFormLayout
    matched_label: QLabel
    matched: QLabel
    added_label: QLabel
    added: QLabel
    replaced_label: QLabel
    replaced: QLabel
    unchanged_label: QLabel
    unchanged: QLabel
    left_out_label: QLabel
    left_out: QLabel
    notices_title: QLabel
    notices: QListWidget
    message: QLabel
    buttons: QDialogButtonBox
    def setupUi(self, ImportPreviewDialog: QDialog) -> None: ...
    def retranslateUi(self, ImportPreviewDialog: QDialog) -> None: ...
