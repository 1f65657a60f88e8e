"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QListWidget, QProgressBar, QPushButton, QSpacerItem, QSplitter, QVBoxLayout, QWidget
from officer_app.gui.pdf_preview import PdfPreview


class Ui_PackBuilderDialog:
    layout: QVBoxLayout
    split: QSplitter
    left: QWidget
    left_layout: QVBoxLayout
    intro: QLabel
    form: QFormLayout
    offence_label: QLabel
    offence: QComboBox
    period_label: QLabel
    period: QHBoxLayout
    period_from: QDateEdit
    period_to_label: QLabel
    period_to: QDateEdit
    period_end: QSpacerItem
    limit: QLabel
    defendants_label: QLabel
    defendants: QListWidget
    contents_label: QLabel
    contents: QListWidget
    refusal: QLabel
    places: QListWidget
    progress_text: QLabel
    progress: QProgressBar
    preview: PdfPreview
    status: QLabel
    buttons: QHBoxLayout
    buttons_start: QSpacerItem
    build_button: QPushButton
    stop_button: QPushButton
    save_button: QPushButton
    close_button: QPushButton
    def setupUi(self, PackBuilderDialog: QDialog) -> None: ...
    def retranslateUi(self, PackBuilderDialog: QDialog) -> None: ...
