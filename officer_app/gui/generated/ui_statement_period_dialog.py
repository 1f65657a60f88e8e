# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'statement_period_dialog.ui'
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
    QVBoxLayout, QWidget)

class Ui_StatementPeriodDialog(object):
    def setupUi(self, StatementPeriodDialog):
        if not StatementPeriodDialog.objectName():
            StatementPeriodDialog.setObjectName(u"StatementPeriodDialog")
        StatementPeriodDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(StatementPeriodDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(StatementPeriodDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.from_label = QLabel(StatementPeriodDialog)
        self.from_label.setObjectName(u"from_label")
        self.from_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.from_label)

        self.period_from = QDateEdit(StatementPeriodDialog)
        self.period_from.setObjectName(u"period_from")
        self.period_from.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.period_from)

        self.to_label = QLabel(StatementPeriodDialog)
        self.to_label.setObjectName(u"to_label")
        self.to_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.to_label)

        self.period_to = QDateEdit(StatementPeriodDialog)
        self.period_to.setObjectName(u"period_to")
        self.period_to.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.period_to)

        self.source = QLabel(StatementPeriodDialog)
        self.source.setObjectName(u"source")
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setWordWrap(True)
        self.source.setProperty(u"role", u"muted")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.source)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(StatementPeriodDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.from_label.setBuddy(self.period_from)
        self.to_label.setBuddy(self.period_to)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StatementPeriodDialog)

        QMetaObject.connectSlotsByName(StatementPeriodDialog)
    # setupUi

    def retranslateUi(self, StatementPeriodDialog):
        StatementPeriodDialog.setWindowTitle(QCoreApplication.translate("StatementPeriodDialog", u"New officer statement", None))
        self.from_label.setText(QCoreApplication.translate("StatementPeriodDialog", u"&From", None))
        self.period_from.setDisplayFormat(QCoreApplication.translate("StatementPeriodDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_from.setAccessibleName(QCoreApplication.translate("StatementPeriodDialog", u"First day of the offence period", None))
#endif // QT_CONFIG(accessibility)
        self.to_label.setText(QCoreApplication.translate("StatementPeriodDialog", u"&To", None))
        self.period_to.setDisplayFormat(QCoreApplication.translate("StatementPeriodDialog", u"dddd d MMMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_to.setAccessibleName(QCoreApplication.translate("StatementPeriodDialog", u"Last day of the offence period", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

