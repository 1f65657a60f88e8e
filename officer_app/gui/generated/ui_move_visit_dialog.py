# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'move_visit_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_MoveVisitDialog(object):
    def setupUi(self, MoveVisitDialog):
        if not MoveVisitDialog.objectName():
            MoveVisitDialog.setObjectName(u"MoveVisitDialog")
        MoveVisitDialog.setMinimumSize(QSize(480, 0))
        MoveVisitDialog.setMaximumSize(QSize(1300, 680))
        self.layout = QVBoxLayout(MoveVisitDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(MoveVisitDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.when_label = QLabel(MoveVisitDialog)
        self.when_label.setObjectName(u"when_label")
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.when_label)

        self.when = QDateTimeEdit(MoveVisitDialog)
        self.when.setObjectName(u"when")
        self.when.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.when)

        self.reason_label = QLabel(MoveVisitDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QLineEdit(MoveVisitDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.message = QLabel(MoveVisitDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color:#842029; font-weight:bold;")

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(MoveVisitDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.when_label.setBuddy(self.when)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.when, self.reason)

        self.retranslateUi(MoveVisitDialog)

        QMetaObject.connectSlotsByName(MoveVisitDialog)
    # setupUi

    def retranslateUi(self, MoveVisitDialog):
        MoveVisitDialog.setWindowTitle(QCoreApplication.translate("MoveVisitDialog", u"Move a planned visit", None))
        self.intro.setText("")
        self.when_label.setText(QCoreApplication.translate("MoveVisitDialog", u"&New time", None))
#if QT_CONFIG(accessibility)
        self.when.setAccessibleName(QCoreApplication.translate("MoveVisitDialog", u"New date and time of the visit", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("MoveVisitDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("MoveVisitDialog", u"Reason for the change", None))
#endif // QT_CONFIG(accessibility)
        self.reason.setPlaceholderText(QCoreApplication.translate("MoveVisitDialog", u"e.g. Mum works until 2pm on Tuesdays", None))
        self.message.setText("")
    # retranslateUi

