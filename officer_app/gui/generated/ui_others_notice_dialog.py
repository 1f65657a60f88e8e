# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'others_notice_dialog.ui'
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_OthersNoticeDialog(object):
    def setupUi(self, OthersNoticeDialog):
        if not OthersNoticeDialog.objectName():
            OthersNoticeDialog.setObjectName(u"OthersNoticeDialog")
        OthersNoticeDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(OthersNoticeDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(OthersNoticeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.parent_label = QLabel(OthersNoticeDialog)
        self.parent_label.setObjectName(u"parent_label")
        self.parent_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.parent_label)

        self.parent_choice = QComboBox(OthersNoticeDialog)
        self.parent_choice.setObjectName(u"parent_choice")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.parent_choice)

        self.issuer_label = QLabel(OthersNoticeDialog)
        self.issuer_label.setObjectName(u"issuer_label")
        self.issuer_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuer_label)

        self.issuer = QComboBox(OthersNoticeDialog)
        self.issuer.setObjectName(u"issuer")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuer)

        self.issuer_name_label = QLabel(OthersNoticeDialog)
        self.issuer_name_label.setObjectName(u"issuer_name_label")
        self.issuer_name_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuer_name_label)

        self.issuer_name = QLineEdit(OthersNoticeDialog)
        self.issuer_name.setObjectName(u"issuer_name")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuer_name)

        self.number_label = QLabel(OthersNoticeDialog)
        self.number_label.setObjectName(u"number_label")
        self.number_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number = QLineEdit(OthersNoticeDialog)
        self.number.setObjectName(u"number")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.number)

        self.issued_on_label = QLabel(OthersNoticeDialog)
        self.issued_on_label.setObjectName(u"issued_on_label")
        self.issued_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.issued_on_label)

        self.issued_on = QDateEdit(OthersNoticeDialog)
        self.issued_on.setObjectName(u"issued_on")
        self.issued_on.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.issued_on)

        self.status_label = QLabel(OthersNoticeDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(OthersNoticeDialog)
        self.status.setObjectName(u"status")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status)

        self.period_from_label = QLabel(OthersNoticeDialog)
        self.period_from_label.setObjectName(u"period_from_label")
        self.period_from_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.period_from_label)

        self.period_from = QDateEdit(OthersNoticeDialog)
        self.period_from.setObjectName(u"period_from")
        self.period_from.setCalendarPopup(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.period_from)

        self.period_to_label = QLabel(OthersNoticeDialog)
        self.period_to_label.setObjectName(u"period_to_label")
        self.period_to_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.period_to_label)

        self.period_to = QDateEdit(OthersNoticeDialog)
        self.period_to.setObjectName(u"period_to")
        self.period_to.setCalendarPopup(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.period_to)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(OthersNoticeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.parent_label.setBuddy(self.parent_choice)
        self.issuer_label.setBuddy(self.issuer)
        self.issuer_name_label.setBuddy(self.issuer_name)
        self.number_label.setBuddy(self.number)
        self.issued_on_label.setBuddy(self.issued_on)
        self.status_label.setBuddy(self.status)
        self.period_from_label.setBuddy(self.period_from)
        self.period_to_label.setBuddy(self.period_to)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OthersNoticeDialog)

        QMetaObject.connectSlotsByName(OthersNoticeDialog)
    # setupUi

    def retranslateUi(self, OthersNoticeDialog):
        OthersNoticeDialog.setWindowTitle(QCoreApplication.translate("OthersNoticeDialog", u"A penalty notice issued by someone else", None))
        self.intro.setText(QCoreApplication.translate("OthersNoticeDialog", u"A notice issued by someone else counts towards the limit of two in three years, and no notice or prosecution may follow for the absence it covers.", None))
        self.parent_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"&Parent", None))
#if QT_CONFIG(accessibility)
        self.parent_choice.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Parent", None))
#endif // QT_CONFIG(accessibility)
        self.issuer_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"Issued &by", None))
#if QT_CONFIG(accessibility)
        self.issuer.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Issued by", None))
#endif // QT_CONFIG(accessibility)
        self.issuer_name_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"&Name", None))
        self.issuer_name.setPlaceholderText(QCoreApplication.translate("OthersNoticeDialog", u"the school, the police force, or the LA", None))
#if QT_CONFIG(accessibility)
        self.issuer_name.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Issuer's name", None))
#endif // QT_CONFIG(accessibility)
        self.number_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"N&umber", None))
#if QT_CONFIG(accessibility)
        self.number.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Notice number", None))
#endif // QT_CONFIG(accessibility)
        self.issued_on_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"&Issued on", None))
        self.issued_on.setDisplayFormat(QCoreApplication.translate("OthersNoticeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.issued_on.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Date issued", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"&Status", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.period_from_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"Absence &from", None))
        self.period_from.setDisplayFormat(QCoreApplication.translate("OthersNoticeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_from.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Absence from", None))
#endif // QT_CONFIG(accessibility)
        self.period_to_label.setText(QCoreApplication.translate("OthersNoticeDialog", u"Absence &to", None))
        self.period_to.setDisplayFormat(QCoreApplication.translate("OthersNoticeDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_to.setAccessibleName(QCoreApplication.translate("OthersNoticeDialog", u"Absence to", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

