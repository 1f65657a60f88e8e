# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'finish_entry_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateTimeEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_FinishEntryDialog(object):
    def setupUi(self, FinishEntryDialog):
        if not FinishEntryDialog.objectName():
            FinishEntryDialog.setObjectName(u"FinishEntryDialog")
        FinishEntryDialog.setMinimumSize(QSize(560, 0))
        FinishEntryDialog.setMaximumSize(QSize(1300, 680))
        self.layout = QVBoxLayout(FinishEntryDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(FinishEntryDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.title_label = QLabel(FinishEntryDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(FinishEntryDialog)
        self.title.setObjectName(u"title")
        self.title.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.when_label = QLabel(FinishEntryDialog)
        self.when_label.setObjectName(u"when_label")
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.when_label)

        self.when = QDateTimeEdit(FinishEntryDialog)
        self.when.setObjectName(u"when")
        self.when.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.when)

        self.text_label = QLabel(FinishEntryDialog)
        self.text_label.setObjectName(u"text_label")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text = QPlainTextEdit(FinishEntryDialog)
        self.text.setObjectName(u"text")
        self.text.setMinimumSize(QSize(0, 160))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.text)


        self.layout.addLayout(self.form)

        self.message = QLabel(FinishEntryDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color:#842029; font-weight:bold;")

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(FinishEntryDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.when_label.setBuddy(self.when)
        self.text_label.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.when)
        QWidget.setTabOrder(self.when, self.text)

        self.retranslateUi(FinishEntryDialog)

        QMetaObject.connectSlotsByName(FinishEntryDialog)
    # setupUi

    def retranslateUi(self, FinishEntryDialog):
        FinishEntryDialog.setWindowTitle(QCoreApplication.translate("FinishEntryDialog", u"Finish and sign an entry", None))
        self.intro.setText(QCoreApplication.translate("FinishEntryDialog", u"Finish it as it should stand, with the time it happened; once signed it is evidence and can only be corrected by an amendment.", None))
        self.title_label.setText(QCoreApplication.translate("FinishEntryDialog", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("FinishEntryDialog", u"Entry title", None))
#endif // QT_CONFIG(accessibility)
        self.when_label.setText(QCoreApplication.translate("FinishEntryDialog", u"&Happened", None))
#if QT_CONFIG(accessibility)
        self.when.setAccessibleName(QCoreApplication.translate("FinishEntryDialog", u"When it happened", None))
#endif // QT_CONFIG(accessibility)
        self.text_label.setText(QCoreApplication.translate("FinishEntryDialog", u"Te&xt", None))
#if QT_CONFIG(accessibility)
        self.text.setAccessibleName(QCoreApplication.translate("FinishEntryDialog", u"Entry text", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

