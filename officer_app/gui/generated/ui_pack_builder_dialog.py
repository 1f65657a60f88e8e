# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pack_builder_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog,
    QFormLayout, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QVBoxLayout, QWidget)

from officer_app.gui.pdf_preview import PdfPreview

class Ui_PackBuilderDialog(object):
    def setupUi(self, PackBuilderDialog):
        if not PackBuilderDialog.objectName():
            PackBuilderDialog.setObjectName(u"PackBuilderDialog")
        PackBuilderDialog.resize(1180, 680)
        self.layout = QVBoxLayout(PackBuilderDialog)
        self.layout.setObjectName(u"layout")
        self.split = QSplitter(PackBuilderDialog)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.left = QWidget(self.split)
        self.left.setObjectName(u"left")
        self.left.setMinimumSize(QSize(460, 0))
        self.left_layout = QVBoxLayout(self.left)
        self.left_layout.setObjectName(u"left_layout")
        self.left_layout.setContentsMargins(0, 0, 8, 0)
        self.intro = QLabel(self.left)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.left_layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.offence_label = QLabel(self.left)
        self.offence_label.setObjectName(u"offence_label")
        self.offence_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.offence_label)

        self.offence = QComboBox(self.left)
        self.offence.setObjectName(u"offence")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.offence)

        self.period_label = QLabel(self.left)
        self.period_label.setObjectName(u"period_label")
        self.period_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period = QHBoxLayout()
        self.period.setObjectName(u"period")
        self.period_from = QDateEdit(self.left)
        self.period_from.setObjectName(u"period_from")
        self.period_from.setCalendarPopup(True)

        self.period.addWidget(self.period_from)

        self.period_to_label = QLabel(self.left)
        self.period_to_label.setObjectName(u"period_to_label")
        self.period_to_label.setTextFormat(Qt.TextFormat.PlainText)

        self.period.addWidget(self.period_to_label)

        self.period_to = QDateEdit(self.left)
        self.period_to.setObjectName(u"period_to")
        self.period_to.setCalendarPopup(True)

        self.period.addWidget(self.period_to)

        self.period_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.period.addItem(self.period_end)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.period)

        self.limit = QLabel(self.left)
        self.limit.setObjectName(u"limit")
        self.limit.setTextFormat(Qt.TextFormat.PlainText)
        self.limit.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.limit)


        self.left_layout.addLayout(self.form)

        self.defendants_label = QLabel(self.left)
        self.defendants_label.setObjectName(u"defendants_label")
        self.defendants_label.setTextFormat(Qt.TextFormat.PlainText)
        self.defendants_label.setWordWrap(True)

        self.left_layout.addWidget(self.defendants_label)

        self.defendants = QListWidget(self.left)
        self.defendants.setObjectName(u"defendants")
        self.defendants.setMaximumSize(QSize(16777215, 64))

        self.left_layout.addWidget(self.defendants)

        self.contents_label = QLabel(self.left)
        self.contents_label.setObjectName(u"contents_label")
        self.contents_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contents_label.setWordWrap(True)

        self.left_layout.addWidget(self.contents_label)

        self.contents = QListWidget(self.left)
        self.contents.setObjectName(u"contents")
        self.contents.setAlternatingRowColors(True)
        self.contents.setUniformItemSizes(True)

        self.left_layout.addWidget(self.contents)

        self.refusal = QLabel(self.left)
        self.refusal.setObjectName(u"refusal")
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setWordWrap(True)

        self.left_layout.addWidget(self.refusal)

        self.places = QListWidget(self.left)
        self.places.setObjectName(u"places")
        self.places.setMaximumSize(QSize(16777215, 96))

        self.left_layout.addWidget(self.places)

        self.progress_text = QLabel(self.left)
        self.progress_text.setObjectName(u"progress_text")
        self.progress_text.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_text.setWordWrap(True)
        self.progress_text.setProperty(u"role", u"muted")

        self.left_layout.addWidget(self.progress_text)

        self.progress = QProgressBar(self.left)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximum(1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)

        self.left_layout.addWidget(self.progress)

        self.left_layout.setStretch(5, 1)
        self.split.addWidget(self.left)
        self.preview = PdfPreview(self.split)
        self.preview.setObjectName(u"preview")
        self.split.addWidget(self.preview)

        self.layout.addWidget(self.split)

        self.status = QLabel(PackBuilderDialog)
        self.status.setObjectName(u"status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setProperty(u"role", u"muted")

        self.layout.addWidget(self.status)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttons_start = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_start)

        self.build_button = QPushButton(PackBuilderDialog)
        self.build_button.setObjectName(u"build_button")
        self.build_button.setAutoDefault(False)
        self.build_button.setProperty(u"primary", True)

        self.buttons.addWidget(self.build_button)

        self.stop_button = QPushButton(PackBuilderDialog)
        self.stop_button.setObjectName(u"stop_button")
        self.stop_button.setAutoDefault(False)

        self.buttons.addWidget(self.stop_button)

        self.save_button = QPushButton(PackBuilderDialog)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.buttons.addWidget(self.save_button)

        self.close_button = QPushButton(PackBuilderDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.buttons.addWidget(self.close_button)


        self.layout.addLayout(self.buttons)

        self.layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.offence_label.setBuddy(self.offence)
        self.period_label.setBuddy(self.period_from)
        self.period_to_label.setBuddy(self.period_to)
        self.defendants_label.setBuddy(self.defendants)
        self.contents_label.setBuddy(self.contents)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackBuilderDialog)

        QMetaObject.connectSlotsByName(PackBuilderDialog)
    # setupUi

    def retranslateUi(self, PackBuilderDialog):
        PackBuilderDialog.setWindowTitle(QCoreApplication.translate("PackBuilderDialog", u"Build an evidence pack", None))
        self.offence_label.setText(QCoreApplication.translate("PackBuilderDialog", u"&Offence", None))
#if QT_CONFIG(accessibility)
        self.offence.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Offence", None))
#endif // QT_CONFIG(accessibility)
        self.period_label.setText(QCoreApplication.translate("PackBuilderDialog", u"&Period from", None))
        self.period_from.setDisplayFormat(QCoreApplication.translate("PackBuilderDialog", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_from.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Offence period from", None))
#endif // QT_CONFIG(accessibility)
        self.period_to_label.setText(QCoreApplication.translate("PackBuilderDialog", u"&to", None))
        self.period_to.setDisplayFormat(QCoreApplication.translate("PackBuilderDialog", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.period_to.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Offence period to", None))
#endif // QT_CONFIG(accessibility)
        self.defendants_label.setText(QCoreApplication.translate("PackBuilderDialog", u"&Defendants (each parent with parental responsibility)", None))
#if QT_CONFIG(accessibility)
        self.defendants.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Defendants", None))
#endif // QT_CONFIG(accessibility)
        self.contents_label.setText(QCoreApplication.translate("PackBuilderDialog", u"&Contents (untick what to leave out: it goes on the schedule of unused material)", None))
#if QT_CONFIG(accessibility)
        self.contents.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Contents of the pack", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.places.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Where a withheld address would show", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progress.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Progress of the build", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Preview of the pack", None))
#endif // QT_CONFIG(accessibility)
        self.build_button.setText(QCoreApplication.translate("PackBuilderDialog", u"&Build the pack", None))
#if QT_CONFIG(accessibility)
        self.build_button.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Build the pack", None))
#endif // QT_CONFIG(accessibility)
        self.stop_button.setText(QCoreApplication.translate("PackBuilderDialog", u"&Cancel the build", None))
#if QT_CONFIG(accessibility)
        self.stop_button.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Cancel the build", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("PackBuilderDialog", u"&Save as\u2026", None))
#if QT_CONFIG(accessibility)
        self.save_button.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Save the pack and its manifest as files", None))
#endif // QT_CONFIG(accessibility)
        self.close_button.setText(QCoreApplication.translate("PackBuilderDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.close_button.setAccessibleName(QCoreApplication.translate("PackBuilderDialog", u"Close the pack builder", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

