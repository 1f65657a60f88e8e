# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_VisitPlanDialog(object):
    def setupUi(self, VisitPlanDialog):
        if not VisitPlanDialog.objectName():
            VisitPlanDialog.setObjectName(u"VisitPlanDialog")
        VisitPlanDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(VisitPlanDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.when_label = QLabel(VisitPlanDialog)
        self.when_label.setObjectName(u"when_label")
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.when_label)

        self.when = QDateTimeEdit(VisitPlanDialog)
        self.when.setObjectName(u"when")
        self.when.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.when)

        self.address_label = QLabel(VisitPlanDialog)
        self.address_label.setObjectName(u"address_label")
        self.address_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address = QLineEdit(VisitPlanDialog)
        self.address.setObjectName(u"address")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.address)

        self.purpose_label = QLabel(VisitPlanDialog)
        self.purpose_label.setObjectName(u"purpose_label")
        self.purpose_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose = QLineEdit(VisitPlanDialog)
        self.purpose.setObjectName(u"purpose")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.purpose)

        self.second_label = QLabel(VisitPlanDialog)
        self.second_label.setObjectName(u"second_label")
        self.second_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.second_label)

        self.second = QComboBox(VisitPlanDialog)
        self.second.setObjectName(u"second")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.second)


        self.layout.addLayout(self.form)

        self.message = QLabel(VisitPlanDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(u"color:#842029; font-weight:bold;")

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(VisitPlanDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.when_label.setBuddy(self.when)
        self.address_label.setBuddy(self.address)
        self.purpose_label.setBuddy(self.purpose)
        self.second_label.setBuddy(self.second)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VisitPlanDialog)

        QMetaObject.connectSlotsByName(VisitPlanDialog)
    # setupUi

    def retranslateUi(self, VisitPlanDialog):
        VisitPlanDialog.setWindowTitle(QCoreApplication.translate("VisitPlanDialog", u"Plan a home visit", None))
        self.when_label.setText(QCoreApplication.translate("VisitPlanDialog", u"&When", None))
        self.when.setDisplayFormat(QCoreApplication.translate("VisitPlanDialog", u"dddd dd/MM/yyyy HH:mm", None))
#if QT_CONFIG(accessibility)
        self.when.setAccessibleName(QCoreApplication.translate("VisitPlanDialog", u"Date and time of the visit", None))
#endif // QT_CONFIG(accessibility)
        self.address_label.setText(QCoreApplication.translate("VisitPlanDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.address.setAccessibleName(QCoreApplication.translate("VisitPlanDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.purpose_label.setText(QCoreApplication.translate("VisitPlanDialog", u"&Purpose", None))
        self.purpose.setPlaceholderText(QCoreApplication.translate("VisitPlanDialog", u"e.g. Discuss Monday absences with mum", None))
#if QT_CONFIG(accessibility)
        self.purpose.setAccessibleName(QCoreApplication.translate("VisitPlanDialog", u"Purpose of the visit", None))
#endif // QT_CONFIG(accessibility)
        self.second_label.setText(QCoreApplication.translate("VisitPlanDialog", u"&Second officer", None))
#if QT_CONFIG(accessibility)
        self.second.setAccessibleName(QCoreApplication.translate("VisitPlanDialog", u"Second officer", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

