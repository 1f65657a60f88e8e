# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'statement_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QListView, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from officer_app.gui.pdf_preview import PdfPreview

class Ui_StatementEditor(object):
    def setupUi(self, StatementEditor):
        if not StatementEditor.objectName():
            StatementEditor.setObjectName(u"StatementEditor")
        StatementEditor.resize(1260, 680)
        self.layout = QVBoxLayout(StatementEditor)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(StatementEditor)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setProperty(u"role", u"section")

        self.layout.addWidget(self.heading)

        self.banner_row = QHBoxLayout()
        self.banner_row.setObjectName(u"banner_row")
        self.banner = QLabel(StatementEditor)
        self.banner.setObjectName(u"banner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)

        self.banner_row.addWidget(self.banner)

        self.latest_button = QPushButton(StatementEditor)
        self.latest_button.setObjectName(u"latest_button")
        self.latest_button.setAutoDefault(False)

        self.banner_row.addWidget(self.latest_button)

        self.banner_row.setStretch(0, 1)

        self.layout.addLayout(self.banner_row)

        self.split = QSplitter(StatementEditor)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.left = QWidget(self.split)
        self.left.setObjectName(u"left")
        self.left.setMinimumSize(QSize(460, 0))
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(0, 0, 8, 0)
        self.paragraphs_label = QLabel(self.left)
        self.paragraphs_label.setObjectName(u"paragraphs_label")
        self.paragraphs_label.setTextFormat(Qt.TextFormat.PlainText)

        self.left_layout.addWidget(self.paragraphs_label)

        self.paragraphs = QListWidget(self.left)
        self.paragraphs.setObjectName(u"paragraphs")
        self.paragraphs.setWordWrap(True)
        self.paragraphs.setAlternatingRowColors(True)
        self.paragraphs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.paragraphs.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.paragraphs.setResizeMode(QListView.ResizeMode.Adjust)

        self.left_layout.addWidget(self.paragraphs)

        self.paragraph_buttons = QHBoxLayout()
        self.paragraph_buttons.setObjectName(u"paragraph_buttons")
        self.add_button = QPushButton(self.left)
        self.add_button.setObjectName(u"add_button")
        self.add_button.setAutoDefault(False)

        self.paragraph_buttons.addWidget(self.add_button)

        self.remove_button = QPushButton(self.left)
        self.remove_button.setObjectName(u"remove_button")
        self.remove_button.setAutoDefault(False)

        self.paragraph_buttons.addWidget(self.remove_button)

        self.up_button = QPushButton(self.left)
        self.up_button.setObjectName(u"up_button")
        self.up_button.setAutoDefault(False)

        self.paragraph_buttons.addWidget(self.up_button)

        self.down_button = QPushButton(self.left)
        self.down_button.setObjectName(u"down_button")
        self.down_button.setAutoDefault(False)

        self.paragraph_buttons.addWidget(self.down_button)

        self.paragraph_buttons_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.paragraph_buttons.addItem(self.paragraph_buttons_end)


        self.left_layout.addLayout(self.paragraph_buttons)

        self.edit_label = QLabel(self.left)
        self.edit_label.setObjectName(u"edit_label")
        self.edit_label.setTextFormat(Qt.TextFormat.PlainText)

        self.left_layout.addWidget(self.edit_label)

        self.edit = QPlainTextEdit(self.left)
        self.edit.setObjectName(u"edit")
        self.edit.setMinimumSize(QSize(0, 96))
        self.edit.setMaximumSize(QSize(16777215, 120))
        self.edit.setTabChangesFocus(True)

        self.left_layout.addWidget(self.edit)

        self.tabs = QTabWidget(self.left)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setMaximumSize(QSize(16777215, 180))
        self.exhibits_tab = QWidget()
        self.exhibits_tab.setObjectName(u"exhibits_tab")
        self.exhibits_layout = QVBoxLayout(self.exhibits_tab)
        self.exhibits_layout.setObjectName(u"exhibits_layout")
        self.exhibits_layout.setContentsMargins(4, 4, 4, 4)
        self.exhibits = QTableWidget(self.exhibits_tab)
        self.exhibits.setObjectName(u"exhibits")

        self.exhibits_layout.addWidget(self.exhibits)

        self.exhibit_buttons = QHBoxLayout()
        self.exhibit_buttons.setObjectName(u"exhibit_buttons")
        self.add_exhibit_button = QPushButton(self.exhibits_tab)
        self.add_exhibit_button.setObjectName(u"add_exhibit_button")
        self.add_exhibit_button.setAutoDefault(False)

        self.exhibit_buttons.addWidget(self.add_exhibit_button)

        self.remove_exhibit_button = QPushButton(self.exhibits_tab)
        self.remove_exhibit_button.setObjectName(u"remove_exhibit_button")
        self.remove_exhibit_button.setAutoDefault(False)

        self.exhibit_buttons.addWidget(self.remove_exhibit_button)

        self.exhibits_note = QLabel(self.exhibits_tab)
        self.exhibits_note.setObjectName(u"exhibits_note")
        self.exhibits_note.setTextFormat(Qt.TextFormat.PlainText)
        self.exhibits_note.setWordWrap(True)
        self.exhibits_note.setProperty(u"role", u"muted")

        self.exhibit_buttons.addWidget(self.exhibits_note)


        self.exhibits_layout.addLayout(self.exhibit_buttons)

        self.tabs.addTab(self.exhibits_tab, "")
        self.versions_tab = QWidget()
        self.versions_tab.setObjectName(u"versions_tab")
        self.versions_layout = QVBoxLayout(self.versions_tab)
        self.versions_layout.setObjectName(u"versions_layout")
        self.versions_layout.setContentsMargins(4, 4, 4, 4)
        self.versions = QListWidget(self.versions_tab)
        self.versions.setObjectName(u"versions")

        self.versions_layout.addWidget(self.versions)

        self.versions_note = QLabel(self.versions_tab)
        self.versions_note.setObjectName(u"versions_note")
        self.versions_note.setTextFormat(Qt.TextFormat.PlainText)
        self.versions_note.setWordWrap(True)
        self.versions_note.setProperty(u"role", u"muted")

        self.versions_layout.addWidget(self.versions_note)

        self.tabs.addTab(self.versions_tab, "")

        self.left_layout.addWidget(self.tabs)

        self.left_layout.setStretch(1, 1)
        self.split.addWidget(self.left)
        self.pdf = PdfPreview(self.split)
        self.pdf.setObjectName(u"pdf")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.pdf.sizePolicy().hasHeightForWidth())
        self.pdf.setSizePolicy(sizePolicy)
        self.split.addWidget(self.pdf)

        self.layout.addWidget(self.split)

        self.status = QLabel(StatementEditor)
        self.status.setObjectName(u"status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.footer = QHBoxLayout()
        self.footer.setObjectName(u"footer")
        self.save_button = QPushButton(StatementEditor)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)
        self.save_button.setProperty(u"primary", True)

        self.footer.addWidget(self.save_button)

        self.sign_button = QPushButton(StatementEditor)
        self.sign_button.setObjectName(u"sign_button")
        self.sign_button.setAutoDefault(False)

        self.footer.addWidget(self.sign_button)

        self.footer_middle = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer.addItem(self.footer_middle)

        self.print_button = QPushButton(StatementEditor)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.footer.addWidget(self.print_button)

        self.export_button = QPushButton(StatementEditor)
        self.export_button.setObjectName(u"export_button")
        self.export_button.setAutoDefault(False)

        self.footer.addWidget(self.export_button)

        self.close_button = QPushButton(StatementEditor)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.footer.addWidget(self.close_button)


        self.layout.addLayout(self.footer)

        self.layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.paragraphs_label.setBuddy(self.paragraphs)
        self.edit_label.setBuddy(self.edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StatementEditor)

        QMetaObject.connectSlotsByName(StatementEditor)
    # setupUi

    def retranslateUi(self, StatementEditor):
        StatementEditor.setWindowTitle(QCoreApplication.translate("StatementEditor", u"Witness statement", None))
#if QT_CONFIG(accessibility)
        self.heading.setAccessibleName(QCoreApplication.translate("StatementEditor", u"The witness", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.banner.setAccessibleName(QCoreApplication.translate("StatementEditor", u"What can be done with this statement", None))
#endif // QT_CONFIG(accessibility)
        self.latest_button.setText(QCoreApplication.translate("StatementEditor", u"Back to the &latest", None))
#if QT_CONFIG(accessibility)
        self.latest_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Back to the latest version", None))
#endif // QT_CONFIG(accessibility)
        self.paragraphs_label.setText(QCoreApplication.translate("StatementEditor", u"&Paragraphs (numbered as printed)", None))
#if QT_CONFIG(accessibility)
        self.paragraphs.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Paragraphs of the statement", None))
#endif // QT_CONFIG(accessibility)
        self.add_button.setText(QCoreApplication.translate("StatementEditor", u"&Add paragraph", None))
#if QT_CONFIG(accessibility)
        self.add_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Add a paragraph after the selected one", None))
#endif // QT_CONFIG(accessibility)
        self.remove_button.setText(QCoreApplication.translate("StatementEditor", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.remove_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Remove the selected paragraph", None))
#endif // QT_CONFIG(accessibility)
        self.up_button.setText(QCoreApplication.translate("StatementEditor", u"Move &up", None))
#if QT_CONFIG(accessibility)
        self.up_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Move the selected paragraph up", None))
#endif // QT_CONFIG(accessibility)
        self.down_button.setText(QCoreApplication.translate("StatementEditor", u"Move do&wn", None))
#if QT_CONFIG(accessibility)
        self.down_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Move the selected paragraph down", None))
#endif // QT_CONFIG(accessibility)
        self.edit_label.setText(QCoreApplication.translate("StatementEditor", u"&Text of the paragraph", None))
#if QT_CONFIG(accessibility)
        self.edit.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Text of the selected paragraph", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.exhibits.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Exhibits the statement produces", None))
#endif // QT_CONFIG(accessibility)
        self.add_exhibit_button.setText(QCoreApplication.translate("StatementEditor", u"Add e&xhibit", None))
#if QT_CONFIG(accessibility)
        self.add_exhibit_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Add an exhibit the witness produces", None))
#endif // QT_CONFIG(accessibility)
        self.remove_exhibit_button.setText(QCoreApplication.translate("StatementEditor", u"Remove exhibit", None))
#if QT_CONFIG(accessibility)
        self.remove_exhibit_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Remove the selected exhibit", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.exhibits_tab), QCoreApplication.translate("StatementEditor", u"E&xhibits", None))
#if QT_CONFIG(accessibility)
        self.versions.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Saved versions (select one to read it)", None))
#endif // QT_CONFIG(accessibility)
        self.versions_note.setText(QCoreApplication.translate("StatementEditor", u"Every saved version is kept and may have to be disclosed (CPIA 1996). Select one to read it.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.versions_tab), QCoreApplication.translate("StatementEditor", u"&Versions", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Statement status", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("StatementEditor", u"&Save version", None))
        self.sign_button.setText(QCoreApplication.translate("StatementEditor", u"S&ign\u2026", None))
#if QT_CONFIG(accessibility)
        self.sign_button.setAccessibleName(QCoreApplication.translate("StatementEditor", u"Sign the statement", None))
#endif // QT_CONFIG(accessibility)
        self.print_button.setText(QCoreApplication.translate("StatementEditor", u"P&rint\u2026", None))
        self.export_button.setText(QCoreApplication.translate("StatementEditor", u"Save as P&DF\u2026", None))
        self.close_button.setText(QCoreApplication.translate("StatementEditor", u"Close", None))
    # retranslateUi

