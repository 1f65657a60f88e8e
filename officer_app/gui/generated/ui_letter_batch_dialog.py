# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_batch_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog,
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_LetterBatchDialog(object):
    def setupUi(self, LetterBatchDialog):
        if not LetterBatchDialog.objectName():
            LetterBatchDialog.setObjectName(u"LetterBatchDialog")
        LetterBatchDialog.resize(1080, 660)
        self.layout = QVBoxLayout(LetterBatchDialog)
        self.layout.setObjectName(u"layout")
        self.pages = QStackedWidget(LetterBatchDialog)
        self.pages.setObjectName(u"pages")
        self.setup = QWidget()
        self.setup.setObjectName(u"setup")
        self.setup_layout = QVBoxLayout(self.setup)
        self.setup_layout.setObjectName(u"setup_layout")
        self.setup_layout.setContentsMargins(0, 0, 0, 0)
        self.unfinished_box = QWidget(self.setup)
        self.unfinished_box.setObjectName(u"unfinished_box")
        self.unfinished_layout = QVBoxLayout(self.unfinished_box)
        self.unfinished_layout.setObjectName(u"unfinished_layout")
        self.unfinished_layout.setContentsMargins(0, 0, 0, 8)
        self.unfinished_banner = QLabel(self.unfinished_box)
        self.unfinished_banner.setObjectName(u"unfinished_banner")
        self.unfinished_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.unfinished_banner.setWordWrap(True)

        self.unfinished_layout.addWidget(self.unfinished_banner)

        self.unfinished_row = QHBoxLayout()
        self.unfinished_row.setObjectName(u"unfinished_row")
        self.unfinished = QListWidget(self.unfinished_box)
        self.unfinished.setObjectName(u"unfinished")
        self.unfinished.setMaximumSize(QSize(16777215, 90))

        self.unfinished_row.addWidget(self.unfinished)

        self.unfinished_buttons = QVBoxLayout()
        self.unfinished_buttons.setObjectName(u"unfinished_buttons")
        self.resume_button = QPushButton(self.unfinished_box)
        self.resume_button.setObjectName(u"resume_button")
        self.resume_button.setAutoDefault(False)

        self.unfinished_buttons.addWidget(self.resume_button)

        self.confirm_unfinished_button = QPushButton(self.unfinished_box)
        self.confirm_unfinished_button.setObjectName(u"confirm_unfinished_button")
        self.confirm_unfinished_button.setAutoDefault(False)

        self.unfinished_buttons.addWidget(self.confirm_unfinished_button)

        self.abandon_button = QPushButton(self.unfinished_box)
        self.abandon_button.setObjectName(u"abandon_button")
        self.abandon_button.setAutoDefault(False)

        self.unfinished_buttons.addWidget(self.abandon_button)

        self.unfinished_buttons_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unfinished_buttons.addItem(self.unfinished_buttons_end)


        self.unfinished_row.addLayout(self.unfinished_buttons)

        self.unfinished_row.setStretch(0, 1)

        self.unfinished_layout.addLayout(self.unfinished_row)


        self.setup_layout.addWidget(self.unfinished_box)

        self.split = QSplitter(self.setup)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.left = QWidget(self.split)
        self.left.setObjectName(u"left")
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(0, 0, 8, 0)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.template_label = QLabel(self.left)
        self.template_label.setObjectName(u"template_label")
        self.template_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.template_label)

        self.template = QComboBox(self.left)
        self.template.setObjectName(u"template")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.template)

        self.description = QLabel(self.left)
        self.description.setObjectName(u"description")
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setProperty(u"role", u"muted")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.description)

        self.dated_label = QLabel(self.left)
        self.dated_label.setObjectName(u"dated_label")
        self.dated_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dated_label)

        self.dated = QDateEdit(self.left)
        self.dated.setObjectName(u"dated")
        self.dated.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dated)


        self.left_layout.addLayout(self.form)

        self.section = QLabel(self.left)
        self.section.setObjectName(u"section")
        self.section.setTextFormat(Qt.TextFormat.PlainText)
        self.section.setProperty(u"role", u"section")

        self.left_layout.addWidget(self.section)

        self.asks_area = QScrollArea(self.left)
        self.asks_area.setObjectName(u"asks_area")
        self.asks_area.setFrameShape(QFrame.Shape.NoFrame)
        self.asks_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.asks_area.setWidgetResizable(True)

        self.left_layout.addWidget(self.asks_area)

        self.left_layout.setStretch(2, 1)
        self.split.addWidget(self.left)
        self.right = QWidget(self.split)
        self.right.setObjectName(u"right")
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setObjectName(u"right_layout")
        self.right_layout.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel(self.right)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setProperty(u"role", u"section")

        self.right_layout.addWidget(self.heading)

        self.cases_banner = QLabel(self.right)
        self.cases_banner.setObjectName(u"cases_banner")
        self.cases_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.cases_banner.setWordWrap(True)

        self.right_layout.addWidget(self.cases_banner)

        self.cases = QListWidget(self.right)
        self.cases.setObjectName(u"cases")

        self.right_layout.addWidget(self.cases)

        self.ticks = QHBoxLayout()
        self.ticks.setObjectName(u"ticks")
        self.tick_all = QPushButton(self.right)
        self.tick_all.setObjectName(u"tick_all")
        self.tick_all.setAutoDefault(False)

        self.ticks.addWidget(self.tick_all)

        self.untick_all = QPushButton(self.right)
        self.untick_all.setObjectName(u"untick_all")
        self.untick_all.setAutoDefault(False)

        self.ticks.addWidget(self.untick_all)

        self.ticks_middle = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ticks.addItem(self.ticks_middle)

        self.count = QLabel(self.right)
        self.count.setObjectName(u"count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setProperty(u"role", u"muted")

        self.ticks.addWidget(self.count)


        self.right_layout.addLayout(self.ticks)

        self.right_layout.setStretch(2, 1)
        self.split.addWidget(self.right)

        self.setup_layout.addWidget(self.split)

        self.footer = QHBoxLayout()
        self.footer.setObjectName(u"footer")
        self.status = QLabel(self.setup)
        self.status.setObjectName(u"status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.footer.addWidget(self.status)

        self.make_button = QPushButton(self.setup)
        self.make_button.setObjectName(u"make_button")
        self.make_button.setProperty(u"primary", True)

        self.footer.addWidget(self.make_button)

        self.close_button = QPushButton(self.setup)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.footer.addWidget(self.close_button)

        self.footer.setStretch(0, 1)

        self.setup_layout.addLayout(self.footer)

        self.setup_layout.setStretch(1, 1)
        self.pages.addWidget(self.setup)
        self.results = QWidget()
        self.results.setObjectName(u"results")
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setObjectName(u"results_layout")
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self.results)
        self.summary.setObjectName(u"summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.results_layout.addWidget(self.summary)

        self.skipped_heading = QLabel(self.results)
        self.skipped_heading.setObjectName(u"skipped_heading")
        self.skipped_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.skipped_heading.setProperty(u"role", u"section")

        self.results_layout.addWidget(self.skipped_heading)

        self.skipped = QListWidget(self.results)
        self.skipped.setObjectName(u"skipped")

        self.results_layout.addWidget(self.skipped)

        self.result_footer = QHBoxLayout()
        self.result_footer.setObjectName(u"result_footer")
        self.result_status = QLabel(self.results)
        self.result_status.setObjectName(u"result_status")
        self.result_status.setTextFormat(Qt.TextFormat.PlainText)
        self.result_status.setWordWrap(True)

        self.result_footer.addWidget(self.result_status)

        self.print_button = QPushButton(self.results)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.result_footer.addWidget(self.print_button)

        self.save_button = QPushButton(self.results)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.result_footer.addWidget(self.save_button)

        self.confirm_button = QPushButton(self.results)
        self.confirm_button.setObjectName(u"confirm_button")
        self.confirm_button.setAutoDefault(False)

        self.result_footer.addWidget(self.confirm_button)

        self.done_button = QPushButton(self.results)
        self.done_button.setObjectName(u"done_button")
        self.done_button.setAutoDefault(False)

        self.result_footer.addWidget(self.done_button)

        self.result_footer.setStretch(0, 1)

        self.results_layout.addLayout(self.result_footer)

        self.results_layout.setStretch(2, 1)
        self.pages.addWidget(self.results)

        self.layout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.template_label.setBuddy(self.template)
        self.dated_label.setBuddy(self.dated)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterBatchDialog)

        self.make_button.setDefault(True)


        QMetaObject.connectSlotsByName(LetterBatchDialog)
    # setupUi

    def retranslateUi(self, LetterBatchDialog):
        LetterBatchDialog.setWindowTitle(QCoreApplication.translate("LetterBatchDialog", u"Batch letters", None))
        self.unfinished_banner.setText(QCoreApplication.translate("LetterBatchDialog", u"Unfinished batches: their letters are prepared, NOT sent. Resume one, record it as sent once the post has gone out, or abandon it (its letters are kept, marked as never sent).", None))
#if QT_CONFIG(accessibility)
        self.unfinished.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Unfinished batches", None))
#endif // QT_CONFIG(accessibility)
        self.resume_button.setText(QCoreApplication.translate("LetterBatchDialog", u"R&esume", None))
        self.confirm_unfinished_button.setText(QCoreApplication.translate("LetterBatchDialog", u"Record as sen&t\u2026", None))
        self.abandon_button.setText(QCoreApplication.translate("LetterBatchDialog", u"A&bandon", None))
        self.template_label.setText(QCoreApplication.translate("LetterBatchDialog", u"&Letter", None))
#if QT_CONFIG(accessibility)
        self.template.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Letter", None))
#endif // QT_CONFIG(accessibility)
        self.dated_label.setText(QCoreApplication.translate("LetterBatchDialog", u"&Dated", None))
        self.dated.setDisplayFormat(QCoreApplication.translate("LetterBatchDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.dated.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Letters' date", None))
#endif // QT_CONFIG(accessibility)
        self.section.setText(QCoreApplication.translate("LetterBatchDialog", u"What every letter needs", None))
        self.heading.setText(QCoreApplication.translate("LetterBatchDialog", u"Cases (those shown in the caseload)", None))
        self.cases_banner.setText(QCoreApplication.translate("LetterBatchDialog", u"Each parent with parental responsibility at the family's address gets a letter of their own. The letters are prepared, not sent: after printing or saving them you say whether the post went out, and only then are they recorded as sent.", None))
#if QT_CONFIG(accessibility)
        self.cases.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Cases to write to", None))
#endif // QT_CONFIG(accessibility)
        self.tick_all.setText(QCoreApplication.translate("LetterBatchDialog", u"Tick all", None))
        self.untick_all.setText(QCoreApplication.translate("LetterBatchDialog", u"Untick all", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Batch status", None))
#endif // QT_CONFIG(accessibility)
        self.make_button.setText(QCoreApplication.translate("LetterBatchDialog", u"&Make the letters", None))
        self.close_button.setText(QCoreApplication.translate("LetterBatchDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Batch result", None))
#endif // QT_CONFIG(accessibility)
        self.skipped_heading.setText(QCoreApplication.translate("LetterBatchDialog", u"Cases that could not have a letter", None))
#if QT_CONFIG(accessibility)
        self.skipped.setAccessibleName(QCoreApplication.translate("LetterBatchDialog", u"Cases without a letter", None))
#endif // QT_CONFIG(accessibility)
        self.print_button.setText(QCoreApplication.translate("LetterBatchDialog", u"P&rint\u2026", None))
        self.save_button.setText(QCoreApplication.translate("LetterBatchDialog", u"Save as P&DF\u2026", None))
        self.confirm_button.setText(QCoreApplication.translate("LetterBatchDialog", u"Record as sen&t\u2026", None))
        self.done_button.setText(QCoreApplication.translate("LetterBatchDialog", u"Close", None))
    # retranslateUi

