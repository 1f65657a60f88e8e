# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_dialog.ui'
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
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QVBoxLayout, QWidget)

from officer_app.gui.pdf_preview import PdfPreview

class Ui_LetterDialog(object):
    def setupUi(self, LetterDialog):
        if not LetterDialog.objectName():
            LetterDialog.setObjectName(u"LetterDialog")
        LetterDialog.resize(1180, 680)
        self.layout = QVBoxLayout(LetterDialog)
        self.layout.setObjectName(u"layout")
        self.split = QSplitter(LetterDialog)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.left = QWidget(self.split)
        self.left.setObjectName(u"left")
        self.left.setMinimumSize(QSize(400, 0))
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(0, 0, 8, 0)
        self.asks_area = QScrollArea(self.left)
        self.asks_area.setObjectName(u"asks_area")
        self.asks_area.setFrameShape(QFrame.Shape.NoFrame)
        self.asks_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.asks_area.setWidgetResizable(True)
        self.inputs = QWidget()
        self.inputs.setObjectName(u"inputs")
        self.inputs.setGeometry(QRect(0, 0, 400, 400))
        self.inputs_layout = QVBoxLayout(self.inputs)
        self.inputs_layout.setObjectName(u"inputs_layout")
        self.inputs_layout.setContentsMargins(0, 0, 10, 0)
        self.warning = QLabel(self.inputs)
        self.warning.setObjectName(u"warning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)

        self.inputs_layout.addWidget(self.warning)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.template_label = QLabel(self.inputs)
        self.template_label.setObjectName(u"template_label")
        self.template_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.template_label)

        self.template = QComboBox(self.inputs)
        self.template.setObjectName(u"template")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.template)

        self.description = QLabel(self.inputs)
        self.description.setObjectName(u"description")
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setProperty(u"role", u"muted")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.description)

        self.recipient_label = QLabel(self.inputs)
        self.recipient_label.setObjectName(u"recipient_label")
        self.recipient_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recipient_label)

        self.recipient = QComboBox(self.inputs)
        self.recipient.setObjectName(u"recipient")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recipient)

        self.not_offered = QLabel(self.inputs)
        self.not_offered.setObjectName(u"not_offered")
        self.not_offered.setTextFormat(Qt.TextFormat.PlainText)
        self.not_offered.setWordWrap(True)
        self.not_offered.setProperty(u"role", u"muted")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.not_offered)

        self.dated_label = QLabel(self.inputs)
        self.dated_label.setObjectName(u"dated_label")
        self.dated_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dated_label)

        self.dated = QDateEdit(self.inputs)
        self.dated.setObjectName(u"dated")
        self.dated.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dated)


        self.inputs_layout.addLayout(self.form)

        self.section = QLabel(self.inputs)
        self.section.setObjectName(u"section")
        self.section.setTextFormat(Qt.TextFormat.PlainText)
        self.section.setProperty(u"role", u"section")

        self.inputs_layout.addWidget(self.section)

        self.asks_box = QVBoxLayout()
        self.asks_box.setObjectName(u"asks_box")
        self.asks_box.setContentsMargins(0, 0, 0, 0)

        self.inputs_layout.addLayout(self.asks_box)

        self.inputs_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.inputs_layout.addItem(self.inputs_end)

        self.asks_area.setWidget(self.inputs)

        self.left_layout.addWidget(self.asks_area)

        self.preview_row = QHBoxLayout()
        self.preview_row.setObjectName(u"preview_row")
        self.preview_row_start = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preview_row.addItem(self.preview_row_start)

        self.preview_button = QPushButton(self.left)
        self.preview_button.setObjectName(u"preview_button")
        self.preview_button.setProperty(u"primary", True)

        self.preview_row.addWidget(self.preview_button)


        self.left_layout.addLayout(self.preview_row)

        self.left_layout.setStretch(0, 1)
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

        self.status = QLabel(LetterDialog)
        self.status.setObjectName(u"status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.footer = QHBoxLayout()
        self.footer.setObjectName(u"footer")
        self.footer_start = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer.addItem(self.footer_start)

        self.print_button = QPushButton(LetterDialog)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.footer.addWidget(self.print_button)

        self.save_button = QPushButton(LetterDialog)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.footer.addWidget(self.save_button)

        self.record_button = QPushButton(LetterDialog)
        self.record_button.setObjectName(u"record_button")
        self.record_button.setAutoDefault(False)

        self.footer.addWidget(self.record_button)

        self.close_button = QPushButton(LetterDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.footer.addWidget(self.close_button)


        self.layout.addLayout(self.footer)

        self.layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.template_label.setBuddy(self.template)
        self.recipient_label.setBuddy(self.recipient)
        self.dated_label.setBuddy(self.dated)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterDialog)

        self.preview_button.setDefault(True)


        QMetaObject.connectSlotsByName(LetterDialog)
    # setupUi

    def retranslateUi(self, LetterDialog):
#if QT_CONFIG(accessibility)
        self.asks_area.setAccessibleName(QCoreApplication.translate("LetterDialog", u"What the letter needs", None))
#endif // QT_CONFIG(accessibility)
        self.template_label.setText(QCoreApplication.translate("LetterDialog", u"&Letter", None))
#if QT_CONFIG(accessibility)
        self.template.setAccessibleName(QCoreApplication.translate("LetterDialog", u"Letter", None))
#endif // QT_CONFIG(accessibility)
        self.recipient_label.setText(QCoreApplication.translate("LetterDialog", u"&To", None))
#if QT_CONFIG(accessibility)
        self.recipient.setAccessibleName(QCoreApplication.translate("LetterDialog", u"To", None))
#endif // QT_CONFIG(accessibility)
        self.dated_label.setText(QCoreApplication.translate("LetterDialog", u"&Dated", None))
        self.dated.setDisplayFormat(QCoreApplication.translate("LetterDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.dated.setAccessibleName(QCoreApplication.translate("LetterDialog", u"Letter's date", None))
#endif // QT_CONFIG(accessibility)
        self.section.setText(QCoreApplication.translate("LetterDialog", u"What the letter needs", None))
        self.preview_button.setText(QCoreApplication.translate("LetterDialog", u"&Preview", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("LetterDialog", u"Letter status", None))
#endif // QT_CONFIG(accessibility)
        self.print_button.setText(QCoreApplication.translate("LetterDialog", u"P&rint\u2026", None))
        self.save_button.setText(QCoreApplication.translate("LetterDialog", u"Save as P&DF\u2026", None))
        self.record_button.setText(QCoreApplication.translate("LetterDialog", u"&Record as sent\u2026", None))
        self.close_button.setText(QCoreApplication.translate("LetterDialog", u"Close", None))
        pass
    # retranslateUi

