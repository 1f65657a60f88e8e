# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QListWidget, QListWidgetItem,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.setMinimumSize(QSize(480, 0))
        ImportPreviewDialog.setMaximumSize(QSize(900, 680))
        self.layout = QVBoxLayout(ImportPreviewDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ImportPreviewDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.counts = QFormLayout()
        self.counts.setObjectName(u"counts")
        self.matched_label = QLabel(ImportPreviewDialog)
        self.matched_label.setObjectName(u"matched_label")
        self.matched_label.setTextFormat(Qt.TextFormat.PlainText)

        self.counts.setWidget(0, QFormLayout.ItemRole.LabelRole, self.matched_label)

        self.matched = QLabel(ImportPreviewDialog)
        self.matched.setObjectName(u"matched")
        self.matched.setTextFormat(Qt.TextFormat.PlainText)
        self.matched.setWordWrap(True)

        self.counts.setWidget(0, QFormLayout.ItemRole.FieldRole, self.matched)

        self.added_label = QLabel(ImportPreviewDialog)
        self.added_label.setObjectName(u"added_label")
        self.added_label.setTextFormat(Qt.TextFormat.PlainText)

        self.counts.setWidget(1, QFormLayout.ItemRole.LabelRole, self.added_label)

        self.added = QLabel(ImportPreviewDialog)
        self.added.setObjectName(u"added")
        self.added.setTextFormat(Qt.TextFormat.PlainText)
        self.added.setWordWrap(True)

        self.counts.setWidget(1, QFormLayout.ItemRole.FieldRole, self.added)

        self.replaced_label = QLabel(ImportPreviewDialog)
        self.replaced_label.setObjectName(u"replaced_label")
        self.replaced_label.setTextFormat(Qt.TextFormat.PlainText)

        self.counts.setWidget(2, QFormLayout.ItemRole.LabelRole, self.replaced_label)

        self.replaced = QLabel(ImportPreviewDialog)
        self.replaced.setObjectName(u"replaced")
        self.replaced.setTextFormat(Qt.TextFormat.PlainText)
        self.replaced.setWordWrap(True)

        self.counts.setWidget(2, QFormLayout.ItemRole.FieldRole, self.replaced)

        self.unchanged_label = QLabel(ImportPreviewDialog)
        self.unchanged_label.setObjectName(u"unchanged_label")
        self.unchanged_label.setTextFormat(Qt.TextFormat.PlainText)

        self.counts.setWidget(3, QFormLayout.ItemRole.LabelRole, self.unchanged_label)

        self.unchanged = QLabel(ImportPreviewDialog)
        self.unchanged.setObjectName(u"unchanged")
        self.unchanged.setTextFormat(Qt.TextFormat.PlainText)
        self.unchanged.setWordWrap(True)

        self.counts.setWidget(3, QFormLayout.ItemRole.FieldRole, self.unchanged)

        self.left_out_label = QLabel(ImportPreviewDialog)
        self.left_out_label.setObjectName(u"left_out_label")
        self.left_out_label.setTextFormat(Qt.TextFormat.PlainText)

        self.counts.setWidget(4, QFormLayout.ItemRole.LabelRole, self.left_out_label)

        self.left_out = QLabel(ImportPreviewDialog)
        self.left_out.setObjectName(u"left_out")
        self.left_out.setTextFormat(Qt.TextFormat.PlainText)
        self.left_out.setWordWrap(True)

        self.counts.setWidget(4, QFormLayout.ItemRole.FieldRole, self.left_out)


        self.layout.addLayout(self.counts)

        self.notices_title = QLabel(ImportPreviewDialog)
        self.notices_title.setObjectName(u"notices_title")
        self.notices_title.setTextFormat(Qt.TextFormat.PlainText)
        self.notices_title.setWordWrap(True)
        self.notices_title.setProperty(u"role", u"section")

        self.layout.addWidget(self.notices_title)

        self.notices = QListWidget(ImportPreviewDialog)
        self.notices.setObjectName(u"notices")
        self.notices.setWordWrap(True)
        self.notices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.layout.addWidget(self.notices)

        self.message = QLabel(ImportPreviewDialog)
        self.message.setObjectName(u"message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setProperty(u"role", u"muted")

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ImportPreviewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(ImportPreviewDialog)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(QCoreApplication.translate("ImportPreviewDialog", u"Import a register: what would change", None))
#if QT_CONFIG(accessibility)
        self.intro.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"What the import would do", None))
#endif // QT_CONFIG(accessibility)
        self.matched_label.setText(QCoreApplication.translate("ImportPreviewDialog", u"Children on this caseload", None))
#if QT_CONFIG(accessibility)
        self.matched.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Children on this caseload", None))
#endif // QT_CONFIG(accessibility)
        self.added_label.setText(QCoreApplication.translate("ImportPreviewDialog", u"Marks added", None))
#if QT_CONFIG(accessibility)
        self.added.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Marks added", None))
#endif // QT_CONFIG(accessibility)
        self.replaced_label.setText(QCoreApplication.translate("ImportPreviewDialog", u"Marks replaced", None))
#if QT_CONFIG(accessibility)
        self.replaced.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Marks replaced", None))
#endif // QT_CONFIG(accessibility)
        self.unchanged_label.setText(QCoreApplication.translate("ImportPreviewDialog", u"Marks unchanged", None))
#if QT_CONFIG(accessibility)
        self.unchanged.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Marks unchanged", None))
#endif // QT_CONFIG(accessibility)
        self.left_out_label.setText(QCoreApplication.translate("ImportPreviewDialog", u"Pupils left out", None))
#if QT_CONFIG(accessibility)
        self.left_out.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Pupils left out", None))
#endif // QT_CONFIG(accessibility)
        self.notices_title.setText(QCoreApplication.translate("ImportPreviewDialog", u"Penalty-notice evidence that would move", None))
#if QT_CONFIG(accessibility)
        self.notices.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Penalty notices whose evidence would move", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("ImportPreviewDialog", u"Message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

