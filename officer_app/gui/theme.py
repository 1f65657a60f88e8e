"""The look: calm, high-contrast, one accent. RAG colours always come with their text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f4e79"  # council navy
ACCENT_LIGHT = "#e8eef5"
TEXT = "#1b1f24"
MUTED = "#5b6570"
BORDER = "#c9d1d9"
WINDOW = "#f6f7f9"

# Background / foreground pairs with WCAG AA contrast for the text on them.
RAG_COLOURS: dict[str, tuple[str, str]] = {
    "red": ("#f8d7da", "#842029"),
    "amber": ("#fff3cd", "#664d03"),
    "green": ("#d1e7dd", "#0f5132"),
    "none": ("#eceff1", "#41464b"),
}
# The LA attendance bands, most serious first (background, text); bands beyond the list take
# the last colour. Always shown with the figure and the band's limit as text as well.
BAND_COLOURS: tuple[tuple[str, str], ...] = (
    ("#f1aeb5", "#58151c"),
    ("#f8d7da", "#842029"),
    ("#ffe5b4", "#663c00"),
    ("#fff3cd", "#664d03"),
)
RISK_BANNER = ("#842029", "#ffffff")
# A risk flag's chip by its severity: HIGH red, MEDIUM amber, LOW muted (never a red banner
# for a LOW flag); the two-officers rule in the strong red of the banner, always.
RISK_COLOURS: dict[str, tuple[str, str]] = {
    "high": ("#842029", "#ffffff"),
    "medium": ("#ffe5b4", "#663c00"),
    "low": ("#eceff1", "#41464b"),
}
TWO_OFFICERS = RISK_BANNER
WARNING_BANNER = ("#fff3cd", "#664d03")

STYLE = f"""
QMainWindow, QDialog {{ background: {WINDOW}; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background: white; top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; border: 1px solid {BORDER}; border-bottom: none;
    background: {WINDOW}; margin-right: 2px; }}
QTabBar::tab:selected {{ background: white; color: {ACCENT}; font-weight: bold; }}
QTableView, QTreeView {{ background: white; alternate-background-color: #f3f6f9;
    gridline-color: #e3e7eb; selection-background-color: {ACCENT}; selection-color: white;
    border: 1px solid {BORDER}; }}
QHeaderView::section {{ background: {ACCENT_LIGHT}; color: {TEXT}; padding: 4px 6px;
    border: none; border-right: 1px solid {BORDER}; border-bottom: 1px solid {BORDER};
    font-weight: bold; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit {{ background: white; border: 1px solid {BORDER};
    border-radius: 3px; padding: 3px 5px; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
QPushButton {{ padding: 5px 14px; border: 1px solid {BORDER}; border-radius: 3px;
    background: white; }}
QPushButton:hover {{ background: {ACCENT_LIGHT}; }}
QPushButton:default, QPushButton[primary="true"] {{ background: {ACCENT}; color: white;
    border-color: {ACCENT}; }}
QPushButton[primary="true"] {{ font-weight: bold; }}
QPushButton:disabled {{ color: #9aa3ab; background: #f0f2f4; }}
QStatusBar {{ background: {ACCENT_LIGHT}; color: {TEXT}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="heading"] {{ font-size: 15pt; font-weight: bold; color: {TEXT}; }}
QLabel[role="section"] {{ font-weight: bold; color: {ACCENT}; margin-top: 4px; }}
QLabel[role="chip"] {{ background: {ACCENT_LIGHT}; color: {ACCENT}; border-radius: 9px;
    padding: 2px 8px; font-weight: bold; }}
QPushButton[role="tool"] {{ padding: 3px 10px; }}
QFrame[role="card"] {{ background: white; border: 1px solid {BORDER}; border-radius: 4px; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f6f9"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("white"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("white"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    app.setPalette(palette)
    font = QFont("DejaVu Sans", 10)
    app.setFont(font)
    app.setStyleSheet(STYLE)
