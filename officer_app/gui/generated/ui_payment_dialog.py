# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'payment_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_PaymentDialog(object):
    def setupUi(self, PaymentDialog):
        if not PaymentDialog.objectName():
            PaymentDialog.setObjectName(u"PaymentDialog")
        self.layout = QVBoxLayout(PaymentDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PaymentDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.paid_on_label = QLabel(PaymentDialog)
        self.paid_on_label.setObjectName(u"paid_on_label")
        self.paid_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.paid_on_label)

        self.paid_on = QDateEdit(PaymentDialog)
        self.paid_on.setObjectName(u"paid_on")
        self.paid_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.paid_on)

        self.amount_label = QLabel(PaymentDialog)
        self.amount_label.setObjectName(u"amount_label")
        self.amount_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount = QSpinBox(PaymentDialog)
        self.amount.setObjectName(u"amount")
        self.amount.setMinimum(1)
        self.amount.setMaximum(1000)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amount)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(PaymentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.paid_on_label.setBuddy(self.paid_on)
        self.amount_label.setBuddy(self.amount)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PaymentDialog)

        QMetaObject.connectSlotsByName(PaymentDialog)
    # setupUi

    def retranslateUi(self, PaymentDialog):
        PaymentDialog.setWindowTitle(QCoreApplication.translate("PaymentDialog", u"Payment of a penalty notice", None))
        self.paid_on_label.setText(QCoreApplication.translate("PaymentDialog", u"&Paid on", None))
        self.paid_on.setDisplayFormat(QCoreApplication.translate("PaymentDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.paid_on.setAccessibleName(QCoreApplication.translate("PaymentDialog", u"Date paid", None))
#endif // QT_CONFIG(accessibility)
        self.amount_label.setText(QCoreApplication.translate("PaymentDialog", u"&Amount", None))
#if QT_CONFIG(accessibility)
        self.amount.setAccessibleName(QCoreApplication.translate("PaymentDialog", u"Amount paid", None))
#endif // QT_CONFIG(accessibility)
        self.amount.setPrefix(QCoreApplication.translate("PaymentDialog", u"\u00a3", None))
    # retranslateUi

