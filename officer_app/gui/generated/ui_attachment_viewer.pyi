"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpacerItem, QVBoxLayout, QWidget


class Ui_AttachmentViewer:
    layout: QVBoxLayout
    title: QLabel
    details: QLabel
    body: QWidget
    body_layout: QVBoxLayout
    message: QLabel
    actions: QHBoxLayout
    export_button: QPushButton
    actions_spacer: QSpacerItem
    buttons: QDialogButtonBox
    def setupUi(self, AttachmentViewer: QDialog) -> None: ...
    def retranslateUi(self, AttachmentViewer: QDialog) -> None: ...
