"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpacerItem, QVBoxLayout, QWidget


class Ui_UnlockPage:
    outer: QVBoxLayout
    above: QSpacerItem
    card: QFrame
    inner: QVBoxLayout
    title: QLabel
    subtitle: QLabel
    before_prompt: QSpacerItem
    prompt: QLabel
    row: QHBoxLayout
    passphrase: QLineEdit
    button: QPushButton
    message: QLabel
    before_folder: QSpacerItem
    folder: QLabel
    below: QSpacerItem
    def setupUi(self, UnlockPage: QWidget) -> None: ...
    def retranslateUi(self, UnlockPage: QWidget) -> None: ...
