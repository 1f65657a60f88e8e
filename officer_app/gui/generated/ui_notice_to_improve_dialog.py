# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notice_to_improve_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_NoticeToImproveDialog(object):
    def setupUi(self, NoticeToImproveDialog):
        if not NoticeToImproveDialog.objectName():
            NoticeToImproveDialog.setObjectName(u"NoticeToImproveDialog")
        NoticeToImproveDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(NoticeToImproveDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(NoticeToImproveDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.sent_on_label = QLabel(NoticeToImproveDialog)
        self.sent_on_label.setObjectName(u"sent_on_label")
        self.sent_on_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sent_on_label)

        self.sent_on = QDateEdit(NoticeToImproveDialog)
        self.sent_on.setObjectName(u"sent_on")
        self.sent_on.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sent_on)

        self.method_label = QLabel(NoticeToImproveDialog)
        self.method_label.setObjectName(u"method_label")
        self.method_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method = QComboBox(NoticeToImproveDialog)
        self.method.setObjectName(u"method")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.method)

        self.until_label = QLabel(NoticeToImproveDialog)
        self.until_label.setObjectName(u"until_label")
        self.until_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.until_label)

        self.until = QDateEdit(NoticeToImproveDialog)
        self.until.setObjectName(u"until")
        self.until.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.until)

        self.period_note = QLabel(NoticeToImproveDialog)
        self.period_note.setObjectName(u"period_note")
        self.period_note.setTextFormat(Qt.TextFormat.PlainText)
        self.period_note.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.period_note)

        self.improvement_label = QLabel(NoticeToImproveDialog)
        self.improvement_label.setObjectName(u"improvement_label")
        self.improvement_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.improvement_label)

        self.improvement = QPlainTextEdit(NoticeToImproveDialog)
        self.improvement.setObjectName(u"improvement")
        self.improvement.setMinimumSize(QSize(0, 60))
        self.improvement.setMaximumSize(QSize(16777215, 60))

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.improvement)

        self.support_label = QLabel(NoticeToImproveDialog)
        self.support_label.setObjectName(u"support_label")
        self.support_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.support_label)

        self.support = QPlainTextEdit(NoticeToImproveDialog)
        self.support.setObjectName(u"support")
        self.support.setMinimumSize(QSize(0, 60))
        self.support.setMaximumSize(QSize(16777215, 60))

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.support)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(NoticeToImproveDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.sent_on_label.setBuddy(self.sent_on)
        self.method_label.setBuddy(self.method)
        self.until_label.setBuddy(self.until)
        self.improvement_label.setBuddy(self.improvement)
        self.support_label.setBuddy(self.support)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoticeToImproveDialog)

        QMetaObject.connectSlotsByName(NoticeToImproveDialog)
    # setupUi

    def retranslateUi(self, NoticeToImproveDialog):
        NoticeToImproveDialog.setWindowTitle(QCoreApplication.translate("NoticeToImproveDialog", u"Notice to Improve", None))
        self.sent_on_label.setText(QCoreApplication.translate("NoticeToImproveDialog", u"&Sent on", None))
        self.sent_on.setDisplayFormat(QCoreApplication.translate("NoticeToImproveDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.sent_on.setAccessibleName(QCoreApplication.translate("NoticeToImproveDialog", u"Date sent", None))
#endif // QT_CONFIG(accessibility)
        self.method_label.setText(QCoreApplication.translate("NoticeToImproveDialog", u"&How", None))
#if QT_CONFIG(accessibility)
        self.method.setAccessibleName(QCoreApplication.translate("NoticeToImproveDialog", u"How it is sent", None))
#endif // QT_CONFIG(accessibility)
        self.until_label.setText(QCoreApplication.translate("NoticeToImproveDialog", u"Improvement &until", None))
        self.until.setDisplayFormat(QCoreApplication.translate("NoticeToImproveDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(accessibility)
        self.until.setAccessibleName(QCoreApplication.translate("NoticeToImproveDialog", u"Improvement period ends", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.period_note.setAccessibleName(QCoreApplication.translate("NoticeToImproveDialog", u"Improvement period check", None))
#endif // QT_CONFIG(accessibility)
        self.improvement_label.setText(QCoreApplication.translate("NoticeToImproveDialog", u"Sufficient &improvement", None))
        self.improvement.setPlainText(QCoreApplication.translate("NoticeToImproveDialog", u"Attendance of at least 90% over the improvement period, with no unauthorised absence.", None))
#if QT_CONFIG(accessibility)
        self.improvement.setAccessibleName(QCoreApplication.translate("NoticeToImproveDialog", u"Sufficient improvement", None))
#endif // QT_CONFIG(accessibility)
        self.support_label.setText(QCoreApplication.translate("NoticeToImproveDialog", u"&Support offered", None))
        self.support.setPlaceholderText(QCoreApplication.translate("NoticeToImproveDialog", u"e.g. Weekly check-in with the attendance mentor", None))
#if QT_CONFIG(accessibility)
        self.support.setAccessibleName(QCoreApplication.translate("NoticeToImproveDialog", u"Support offered", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

