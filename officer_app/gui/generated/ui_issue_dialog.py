# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

class Ui_IssueDialog(object):
    def setupUi(self, IssueDialog):
        if not IssueDialog.objectName():
            IssueDialog.setObjectName(u"IssueDialog")
        IssueDialog.setMinimumSize(QSize(580, 0))
        self.layout = QVBoxLayout(IssueDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(IssueDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.issued_on_label = QLabel(IssueDialog)
        self.issued_on_label.setObjectName(u"issued_on_label")
        self.issued_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.issued_on_label)

        self.issued_on = QDateEdit(IssueDialog)
        self.issued_on.setObjectName(u"issued_on")
        self.issued_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.issued_on)

        self.served_by_label = QLabel(IssueDialog)
        self.served_by_label.setObjectName(u"served_by_label")
        self.served_by_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.served_by_label)

        self.served_by = QComboBox(IssueDialog)
        self.served_by.setObjectName(u"served_by")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.served_by)

        self.own_receipt = QCheckBox(IssueDialog)
        self.own_receipt.setObjectName(u"own_receipt")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.own_receipt)

        self.received_on = QDateEdit(IssueDialog)
        self.received_on.setObjectName(u"received_on")
        self.received_on.setEnabled(False)
        self.received_on.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.received_on)

        self.supervisor_label = QLabel(IssueDialog)
        self.supervisor_label.setObjectName(u"supervisor_label")
        self.supervisor_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.supervisor_label)

        self.supervisor = QComboBox(IssueDialog)
        self.supervisor.setObjectName(u"supervisor")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.supervisor)

        self.authorised_on_label = QLabel(IssueDialog)
        self.authorised_on_label.setObjectName(u"authorised_on_label")
        self.authorised_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.authorised_on_label)

        self.authorised_on = QDateEdit(IssueDialog)
        self.authorised_on.setObjectName(u"authorised_on")
        self.authorised_on.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.authorised_on)


        self.layout.addLayout(self.form)

        self.outcome = QLabel(IssueDialog)
        self.outcome.setObjectName(u"outcome")
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setWordWrap(True)

        self.layout.addWidget(self.outcome)

        self.buttons = QDialogButtonBox(IssueDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.issued_on_label.setBuddy(self.issued_on)
        self.served_by_label.setBuddy(self.served_by)
        self.supervisor_label.setBuddy(self.supervisor)
        self.authorised_on_label.setBuddy(self.authorised_on)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IssueDialog)

        QMetaObject.connectSlotsByName(IssueDialog)
    # setupUi

    def retranslateUi(self, IssueDialog):
        IssueDialog.setWindowTitle(QCoreApplication.translate("IssueDialog", u"Issue a penalty notice", None))
        self.issued_on_label.setText(QCoreApplication.translate("IssueDialog", u"&Issued on", None))
        self.issued_on.setDisplayFormat(QCoreApplication.translate("IssueDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.issued_on.setAccessibleName(QCoreApplication.translate("IssueDialog", u"Date of issue", None))
#endif // QT_CONFIG(accessibility)
        self.served_by_label.setText(QCoreApplication.translate("IssueDialog", u"&Served", None))
#if QT_CONFIG(accessibility)
        self.served_by.setAccessibleName(QCoreApplication.translate("IssueDialog", u"Served by", None))
#endif // QT_CONFIG(accessibility)
        self.own_receipt.setText(QCoreApplication.translate("IssueDialog", u"The parent received it on a known date:", None))
        self.received_on.setDisplayFormat(QCoreApplication.translate("IssueDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.received_on.setAccessibleName(QCoreApplication.translate("IssueDialog", u"Received on", None))
#endif // QT_CONFIG(accessibility)
        self.supervisor_label.setText(QCoreApplication.translate("IssueDialog", u"&Authorised by", None))
#if QT_CONFIG(accessibility)
        self.supervisor.setAccessibleName(QCoreApplication.translate("IssueDialog", u"Authorised by", None))
#endif // QT_CONFIG(accessibility)
        self.authorised_on_label.setText(QCoreApplication.translate("IssueDialog", u"Authorised &on", None))
        self.authorised_on.setDisplayFormat(QCoreApplication.translate("IssueDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.authorised_on.setAccessibleName(QCoreApplication.translate("IssueDialog", u"Authorised on", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.outcome.setAccessibleName(QCoreApplication.translate("IssueDialog", u"What the rules allow", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

