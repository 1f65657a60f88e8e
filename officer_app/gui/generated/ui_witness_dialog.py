# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'witness_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_WitnessDialog(object):
    def setupUi(self, WitnessDialog):
        if not WitnessDialog.objectName():
            WitnessDialog.setObjectName(u"WitnessDialog")
        WitnessDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(WitnessDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(WitnessDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(WitnessDialog)
        self.name_label.setObjectName(u"name_label")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(WitnessDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(120)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.occupation_label = QLabel(WitnessDialog)
        self.occupation_label.setObjectName(u"occupation_label")
        self.occupation_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.occupation_label)

        self.occupation = QLineEdit(WitnessDialog)
        self.occupation.setObjectName(u"occupation")
        self.occupation.setMaxLength(120)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.occupation)

        self.age_label = QLabel(WitnessDialog)
        self.age_label.setObjectName(u"age_label")
        self.age_label.setTextFormat(Qt.TextFormat.PlainText)

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.age_label)

        self.age_row = QHBoxLayout()
        self.age_row.setObjectName(u"age_row")
        self.over_18 = QCheckBox(WitnessDialog)
        self.over_18.setObjectName(u"over_18")
        self.over_18.setChecked(True)

        self.age_row.addWidget(self.over_18)

        self.age = QSpinBox(WitnessDialog)
        self.age.setObjectName(u"age")
        self.age.setMinimum(5)
        self.age.setMaximum(17)
        self.age.setValue(15)

        self.age_row.addWidget(self.age)

        self.age_row_end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.age_row.addItem(self.age_row_end)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.age_row)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(WitnessDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.occupation_label.setBuddy(self.occupation)
        self.age_label.setBuddy(self.over_18)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WitnessDialog)

        QMetaObject.connectSlotsByName(WitnessDialog)
    # setupUi

    def retranslateUi(self, WitnessDialog):
        WitnessDialog.setWindowTitle(QCoreApplication.translate("WitnessDialog", u"New witness statement", None))
        self.intro.setText(QCoreApplication.translate("WitnessDialog", u"The statement of another witness (a school's attendance lead, for example), typed in and produced in the same form as the officer's: it begins with the witness's name, occupation and \"over 18\", or their age if under 18 (s9 Criminal Justice Act 1967; CrimPR r16.2).", None))
        self.name_label.setText(QCoreApplication.translate("WitnessDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("WitnessDialog", u"Witness's name", None))
#endif // QT_CONFIG(accessibility)
        self.occupation_label.setText(QCoreApplication.translate("WitnessDialog", u"&Occupation", None))
#if QT_CONFIG(accessibility)
        self.occupation.setAccessibleName(QCoreApplication.translate("WitnessDialog", u"Witness's occupation", None))
#endif // QT_CONFIG(accessibility)
        self.occupation.setPlaceholderText(QCoreApplication.translate("WitnessDialog", u"Attendance lead, Ashby Vale Grammar School", None))
        self.age_label.setText(QCoreApplication.translate("WitnessDialog", u"A&ge", None))
        self.over_18.setText(QCoreApplication.translate("WitnessDialog", u"Over 18", None))
#if QT_CONFIG(accessibility)
        self.age.setAccessibleName(QCoreApplication.translate("WitnessDialog", u"Age of a witness under 18", None))
#endif // QT_CONFIG(accessibility)
        self.age.setSuffix(QCoreApplication.translate("WitnessDialog", u" years old", None))
    # retranslateUi

