"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QSpacerItem, QSplitter, QTabWidget, QTableWidget, QVBoxLayout, QWidget
from officer_app.gui.pdf_preview import PdfPreview


class Ui_StatementEditor:
    layout: QVBoxLayout
    heading: QLabel
    banner_row: QHBoxLayout
    banner: QLabel
    latest_button: QPushButton
    split: QSplitter
    left: QWidget
    left_layout: QVBoxLayout
    paragraphs_label: QLabel
    paragraphs: QListWidget
    paragraph_buttons: QHBoxLayout
    add_button: QPushButton
    remove_button: QPushButton
    up_button: QPushButton
    down_button: QPushButton
    paragraph_buttons_end: QSpacerItem
    edit_label: QLabel
    edit: QPlainTextEdit
    tabs: QTabWidget
    exhibits_tab: QWidget
    exhibits_layout: QVBoxLayout
    exhibits: QTableWidget
    exhibit_buttons: QHBoxLayout
    add_exhibit_button: QPushButton
    remove_exhibit_button: QPushButton
    exhibits_note: QLabel
    versions_tab: QWidget
    versions_layout: QVBoxLayout
    versions: QListWidget
    versions_note: QLabel
    pdf: PdfPreview
    status: QLabel
    footer: QHBoxLayout
    save_button: QPushButton
    sign_button: QPushButton
    footer_middle: QSpacerItem
    print_button: QPushButton
    export_button: QPushButton
    close_button: QPushButton
    def setupUi(self, StatementEditor: QDialog) -> None: ...
    def retranslateUi(self, StatementEditor: QDialog) -> None: ...
