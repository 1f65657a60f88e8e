# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'eso_decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_EsoDecisionDialog(object):
    def setupUi(self, EsoDecisionDialog):
        if not EsoDecisionDialog.objectName():
            EsoDecisionDialog.setObjectName(u"EsoDecisionDialog")
        EsoDecisionDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(EsoDecisionDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(EsoDecisionDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.considered_on_label = QLabel(EsoDecisionDialog)
        self.considered_on_label.setObjectName(u"considered_on_label")
        self.considered_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.considered_on_label)

        self.considered_on = QDateEdit(EsoDecisionDialog)
        self.considered_on.setObjectName(u"considered_on")
        self.considered_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.considered_on)

        self.considered_by_label = QLabel(EsoDecisionDialog)
        self.considered_by_label.setObjectName(u"considered_by_label")
        self.considered_by_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.considered_by_label)

        self.considered_by = QLineEdit(EsoDecisionDialog)
        self.considered_by.setObjectName(u"considered_by")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.considered_by)

        self.decision_label = QLabel(EsoDecisionDialog)
        self.decision_label.setObjectName(u"decision_label")
        self.decision_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decision_label)

        self.decision = QComboBox(EsoDecisionDialog)
        self.decision.setObjectName(u"decision")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decision)

        self.reason_label = QLabel(EsoDecisionDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QPlainTextEdit(EsoDecisionDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMinimumSize(QSize(0, 80))
        self.reason.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(EsoDecisionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.considered_on_label.setBuddy(self.considered_on)
        self.considered_by_label.setBuddy(self.considered_by)
        self.decision_label.setBuddy(self.decision)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EsoDecisionDialog)

        QMetaObject.connectSlotsByName(EsoDecisionDialog)
    # setupUi

    def retranslateUi(self, EsoDecisionDialog):
        EsoDecisionDialog.setWindowTitle(QCoreApplication.translate("EsoDecisionDialog", u"Education Supervision Order considered (s447)", None))
        self.intro.setText(QCoreApplication.translate("EsoDecisionDialog", u"Before prosecuting a parent under s444, the LA must consider applying for an Education Supervision Order (s447 Education Act 1996). Record the decision and the reason: it is signed into the case's chronology.", None))
        self.considered_on_label.setText(QCoreApplication.translate("EsoDecisionDialog", u"&Considered on", None))
        self.considered_on.setDisplayFormat(QCoreApplication.translate("EsoDecisionDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.considered_on.setAccessibleName(QCoreApplication.translate("EsoDecisionDialog", u"Date considered", None))
#endif // QT_CONFIG(accessibility)
        self.considered_by_label.setText(QCoreApplication.translate("EsoDecisionDialog", u"&By", None))
        self.considered_by.setPlaceholderText(QCoreApplication.translate("EsoDecisionDialog", u"e.g. the attendance legal panel, or a name", None))
#if QT_CONFIG(accessibility)
        self.considered_by.setAccessibleName(QCoreApplication.translate("EsoDecisionDialog", u"Considered by", None))
#endif // QT_CONFIG(accessibility)
        self.decision_label.setText(QCoreApplication.translate("EsoDecisionDialog", u"&Decision", None))
#if QT_CONFIG(accessibility)
        self.decision.setAccessibleName(QCoreApplication.translate("EsoDecisionDialog", u"Decision", None))
#endif // QT_CONFIG(accessibility)
        self.reason_label.setText(QCoreApplication.translate("EsoDecisionDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("EsoDecisionDialog", u"Reason for the decision", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

