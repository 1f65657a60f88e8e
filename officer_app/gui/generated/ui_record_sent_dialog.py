# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'record_sent_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDateEdit, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_RecordSentDialog(object):
    def setupUi(self, RecordSentDialog):
        if not RecordSentDialog.objectName():
            RecordSentDialog.setObjectName(u"RecordSentDialog")
        RecordSentDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(RecordSentDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(RecordSentDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.sent_on_label = QLabel(RecordSentDialog)
        self.sent_on_label.setObjectName(u"sent_on_label")
        self.sent_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sent_on_label)

        self.sent_on = QDateEdit(RecordSentDialog)
        self.sent_on.setObjectName(u"sent_on")
        self.sent_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sent_on)

        self.how_label = QLabel(RecordSentDialog)
        self.how_label.setObjectName(u"how_label")
        self.how_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.how_label)

        self.how = QHBoxLayout()
        self.how.setObjectName(u"how")
        self.how_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.how.addItem(self.how_end)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.how)


        self.layout.addLayout(self.form)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttons_start = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_start)

        self.ok_button = QPushButton(RecordSentDialog)
        self.ok_button.setObjectName(u"ok_button")
        self.ok_button.setProperty(u"primary", True)

        self.buttons.addWidget(self.ok_button)

        self.cancel_button = QPushButton(RecordSentDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons.addWidget(self.cancel_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.sent_on_label.setBuddy(self.sent_on)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordSentDialog)

        self.ok_button.setDefault(True)


        QMetaObject.connectSlotsByName(RecordSentDialog)
    # setupUi

    def retranslateUi(self, RecordSentDialog):
        RecordSentDialog.setWindowTitle(QCoreApplication.translate("RecordSentDialog", u"Record the letter as sent", None))
        self.sent_on_label.setText(QCoreApplication.translate("RecordSentDialog", u"&Sent on", None))
        self.sent_on.setDisplayFormat(QCoreApplication.translate("RecordSentDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.sent_on.setAccessibleName(QCoreApplication.translate("RecordSentDialog", u"Date sent", None))
#endif // QT_CONFIG(accessibility)
        self.how_label.setText(QCoreApplication.translate("RecordSentDialog", u"How", None))
        self.ok_button.setText(QCoreApplication.translate("RecordSentDialog", u"Record as sent", None))
        self.cancel_button.setText(QCoreApplication.translate("RecordSentDialog", u"Cancel", None))
    # retranslateUi

