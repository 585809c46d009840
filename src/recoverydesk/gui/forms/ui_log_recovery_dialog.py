# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'log_recovery_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_LogRecoveryDialog(object):
    def setupUi(self, LogRecoveryDialog):
        if not LogRecoveryDialog.objectName():
            LogRecoveryDialog.setObjectName(u"LogRecoveryDialog")
        LogRecoveryDialog.resize(1040, 640)
        self.dialog_layout = QVBoxLayout(LogRecoveryDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.dialog_layout.setContentsMargins(18, 14, 18, 14)
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setSpacing(22)
        self.columns_layout.setObjectName(u"columns_layout")
        self.incident_layout = QVBoxLayout()
        self.incident_layout.setSpacing(6)
        self.incident_layout.setObjectName(u"incident_layout")
        self.kind_grid = QGridLayout()
        self.kind_grid.setObjectName(u"kind_grid")
        self.category_label = QLabel(LogRecoveryDialog)
        self.category_label.setObjectName(u"category_label")

        self.kind_grid.addWidget(self.category_label, 0, 0, 1, 1)

        self.category_combo = QComboBox(LogRecoveryDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.kind_grid.addWidget(self.category_combo, 0, 1, 1, 1)

        self.severity_label = QLabel(LogRecoveryDialog)
        self.severity_label.setObjectName(u"severity_label")

        self.kind_grid.addWidget(self.severity_label, 0, 2, 1, 1)

        self.severity_combo = QComboBox(LogRecoveryDialog)
        self.severity_combo.setObjectName(u"severity_combo")

        self.kind_grid.addWidget(self.severity_combo, 0, 3, 1, 1)

        self.proactive_check = QCheckBox(LogRecoveryDialog)
        self.proactive_check.setObjectName(u"proactive_check")

        self.kind_grid.addWidget(self.proactive_check, 1, 1, 1, 3)


        self.incident_layout.addLayout(self.kind_grid)

        self.description_label = QLabel(LogRecoveryDialog)
        self.description_label.setObjectName(u"description_label")

        self.incident_layout.addWidget(self.description_label)

        self.description_edit = QPlainTextEdit(LogRecoveryDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumSize(QSize(0, 80))
        self.description_edit.setMaximumSize(QSize(16777215, 120))

        self.incident_layout.addWidget(self.description_edit)

        self.description_error = QLabel(LogRecoveryDialog)
        self.description_error.setObjectName(u"description_error")
        self.description_error.setWordWrap(True)

        self.incident_layout.addWidget(self.description_error)

        self.customer_label = QLabel(LogRecoveryDialog)
        self.customer_label.setObjectName(u"customer_label")

        self.incident_layout.addWidget(self.customer_label)

        self.customer_row = QHBoxLayout()
        self.customer_row.setObjectName(u"customer_row")
        self.customer_edit = QLineEdit(LogRecoveryDialog)
        self.customer_edit.setObjectName(u"customer_edit")
        self.customer_edit.setClearButtonEnabled(True)

        self.customer_row.addWidget(self.customer_edit)

        self.new_customer_button = QPushButton(LogRecoveryDialog)
        self.new_customer_button.setObjectName(u"new_customer_button")
        self.new_customer_button.setAutoDefault(False)

        self.customer_row.addWidget(self.new_customer_button)


        self.incident_layout.addLayout(self.customer_row)

        self.customer_matches_list = QListWidget(LogRecoveryDialog)
        self.customer_matches_list.setObjectName(u"customer_matches_list")
        self.customer_matches_list.setMaximumSize(QSize(16777215, 110))

        self.incident_layout.addWidget(self.customer_matches_list)

        self.history_label = QLabel(LogRecoveryDialog)
        self.history_label.setObjectName(u"history_label")
        self.history_label.setWordWrap(True)

        self.incident_layout.addWidget(self.history_label)

        self.new_customer_group = QGroupBox(LogRecoveryDialog)
        self.new_customer_group.setObjectName(u"new_customer_group")
        self.new_customer_form = QFormLayout(self.new_customer_group)
        self.new_customer_form.setObjectName(u"new_customer_form")
        self.new_customer_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.new_name_label = QLabel(self.new_customer_group)
        self.new_name_label.setObjectName(u"new_name_label")

        self.new_customer_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.new_name_label)

        self.new_name_edit = QLineEdit(self.new_customer_group)
        self.new_name_edit.setObjectName(u"new_name_edit")

        self.new_customer_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.new_name_edit)

        self.new_phone_label = QLabel(self.new_customer_group)
        self.new_phone_label.setObjectName(u"new_phone_label")

        self.new_customer_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_phone_label)

        self.new_phone_edit = QLineEdit(self.new_customer_group)
        self.new_phone_edit.setObjectName(u"new_phone_edit")

        self.new_customer_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new_phone_edit)

        self.new_notes_label = QLabel(self.new_customer_group)
        self.new_notes_label.setObjectName(u"new_notes_label")

        self.new_customer_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.new_notes_label)

        self.new_notes_edit = QLineEdit(self.new_customer_group)
        self.new_notes_edit.setObjectName(u"new_notes_edit")

        self.new_customer_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.new_notes_edit)


        self.incident_layout.addWidget(self.new_customer_group)

        self.customer_error = QLabel(LogRecoveryDialog)
        self.customer_error.setObjectName(u"customer_error")
        self.customer_error.setWordWrap(True)

        self.incident_layout.addWidget(self.customer_error)

        self.incident_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.incident_layout.addItem(self.incident_spacer)


        self.columns_layout.addLayout(self.incident_layout)

        self.gesture_layout = QVBoxLayout()
        self.gesture_layout.setSpacing(6)
        self.gesture_layout.setObjectName(u"gesture_layout")
        self.gesture_label = QLabel(LogRecoveryDialog)
        self.gesture_label.setObjectName(u"gesture_label")

        self.gesture_layout.addWidget(self.gesture_label)

        self.preset_list = QListWidget(LogRecoveryDialog)
        self.preset_list.setObjectName(u"preset_list")
        self.preset_list.setMinimumSize(QSize(0, 150))

        self.gesture_layout.addWidget(self.preset_list)

        self.gesture_form = QFormLayout()
        self.gesture_form.setObjectName(u"gesture_form")
        self.gesture_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.kind_label = QLabel(LogRecoveryDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.gesture_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(LogRecoveryDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.gesture_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.gesture_note_label = QLabel(LogRecoveryDialog)
        self.gesture_note_label.setObjectName(u"gesture_note_label")

        self.gesture_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gesture_note_label)

        self.gesture_note_edit = QLineEdit(LogRecoveryDialog)
        self.gesture_note_edit.setObjectName(u"gesture_note_edit")
        self.gesture_note_edit.setMaxLength(2000)

        self.gesture_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.gesture_note_edit)

        self.cost_label = QLabel(LogRecoveryDialog)
        self.cost_label.setObjectName(u"cost_label")

        self.gesture_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cost_label)

        self.cost_edit = QLineEdit(LogRecoveryDialog)
        self.cost_edit.setObjectName(u"cost_edit")

        self.gesture_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cost_edit)

        self.cost_error = QLabel(LogRecoveryDialog)
        self.cost_error.setObjectName(u"cost_error")
        self.cost_error.setWordWrap(True)

        self.gesture_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cost_error)

        self.value_label = QLabel(LogRecoveryDialog)
        self.value_label.setObjectName(u"value_label")

        self.gesture_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.value_label)

        self.value_edit = QLineEdit(LogRecoveryDialog)
        self.value_edit.setObjectName(u"value_edit")

        self.gesture_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.value_edit)

        self.value_error = QLabel(LogRecoveryDialog)
        self.value_error.setObjectName(u"value_error")
        self.value_error.setWordWrap(True)

        self.gesture_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.value_error)


        self.gesture_layout.addLayout(self.gesture_form)

        self.preview_label = QLabel(LogRecoveryDialog)
        self.preview_label.setObjectName(u"preview_label")
        self.preview_label.setWordWrap(True)

        self.gesture_layout.addWidget(self.preview_label)

        self.approval_group = QGroupBox(LogRecoveryDialog)
        self.approval_group.setObjectName(u"approval_group")
        self.approval_form = QFormLayout(self.approval_group)
        self.approval_form.setObjectName(u"approval_form")
        self.approval_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.owner_label = QLabel(self.approval_group)
        self.owner_label.setObjectName(u"owner_label")

        self.approval_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.owner_label)

        self.owner_combo = QComboBox(self.approval_group)
        self.owner_combo.setObjectName(u"owner_combo")

        self.approval_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.owner_combo)

        self.owner_pin_label = QLabel(self.approval_group)
        self.owner_pin_label.setObjectName(u"owner_pin_label")

        self.approval_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.owner_pin_label)

        self.owner_pin_edit = QLineEdit(self.approval_group)
        self.owner_pin_edit.setObjectName(u"owner_pin_edit")
        self.owner_pin_edit.setMaxLength(8)
        self.owner_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.approval_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.owner_pin_edit)

        self.approval_error = QLabel(self.approval_group)
        self.approval_error.setObjectName(u"approval_error")
        self.approval_error.setWordWrap(True)

        self.approval_form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.approval_error)


        self.gesture_layout.addWidget(self.approval_group)

        self.gesture_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.gesture_layout.addItem(self.gesture_spacer)


        self.columns_layout.addLayout(self.gesture_layout)

        self.columns_layout.setStretch(0, 11)
        self.columns_layout.setStretch(1, 10)

        self.dialog_layout.addLayout(self.columns_layout)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.general_error = QLabel(LogRecoveryDialog)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setWordWrap(True)

        self.buttons_layout.addWidget(self.general_error)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.cancel_button = QPushButton(LogRecoveryDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)

        self.save_button = QPushButton(LogRecoveryDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.buttons_layout.setStretch(0, 3)
        self.buttons_layout.setStretch(1, 1)

        self.dialog_layout.addLayout(self.buttons_layout)

        self.dialog_layout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.category_label.setBuddy(self.category_combo)
        self.severity_label.setBuddy(self.severity_combo)
        self.description_label.setBuddy(self.description_edit)
        self.customer_label.setBuddy(self.customer_edit)
        self.new_name_label.setBuddy(self.new_name_edit)
        self.new_phone_label.setBuddy(self.new_phone_edit)
        self.new_notes_label.setBuddy(self.new_notes_edit)
        self.gesture_label.setBuddy(self.preset_list)
        self.kind_label.setBuddy(self.kind_combo)
        self.gesture_note_label.setBuddy(self.gesture_note_edit)
        self.cost_label.setBuddy(self.cost_edit)
        self.value_label.setBuddy(self.value_edit)
        self.owner_label.setBuddy(self.owner_combo)
        self.owner_pin_label.setBuddy(self.owner_pin_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.category_combo, self.severity_combo)
        QWidget.setTabOrder(self.severity_combo, self.proactive_check)
        QWidget.setTabOrder(self.proactive_check, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.customer_edit)
        QWidget.setTabOrder(self.customer_edit, self.customer_matches_list)
        QWidget.setTabOrder(self.customer_matches_list, self.new_customer_button)
        QWidget.setTabOrder(self.new_customer_button, self.new_name_edit)
        QWidget.setTabOrder(self.new_name_edit, self.new_phone_edit)
        QWidget.setTabOrder(self.new_phone_edit, self.new_notes_edit)
        QWidget.setTabOrder(self.new_notes_edit, self.preset_list)
        QWidget.setTabOrder(self.preset_list, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.gesture_note_edit)
        QWidget.setTabOrder(self.gesture_note_edit, self.cost_edit)
        QWidget.setTabOrder(self.cost_edit, self.value_edit)
        QWidget.setTabOrder(self.value_edit, self.owner_combo)
        QWidget.setTabOrder(self.owner_combo, self.owner_pin_edit)
        QWidget.setTabOrder(self.owner_pin_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(LogRecoveryDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(LogRecoveryDialog)
    # setupUi

    def retranslateUi(self, LogRecoveryDialog):
        LogRecoveryDialog.setWindowTitle(QCoreApplication.translate("LogRecoveryDialog", u"Log a recovery", None))
        self.category_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Category", None))
        self.severity_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Severity", None))
        self.proactive_check.setText(QCoreApplication.translate("LogRecoveryDialog", u"We noticed it before the customer did", None))
        self.description_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"What happened (Ctrl+Enter saves)", None))
        self.customer_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Customer (optional): type a name or phone", None))
        self.new_customer_button.setText(QCoreApplication.translate("LogRecoveryDialog", u"New customer", None))
        self.new_customer_group.setTitle(QCoreApplication.translate("LogRecoveryDialog", u"New customer", None))
        self.new_name_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Name", None))
        self.new_phone_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Phone", None))
        self.new_notes_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"What delights them", None))
        self.gesture_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Gesture: keys 1\u20139 in the list, Alt+1\u20269 anywhere", None))
        self.kind_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Kind", None))
        self.gesture_note_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"What we give", None))
        self.cost_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Cost to us", None))
        self.value_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Worth to them", None))
        self.approval_group.setTitle(QCoreApplication.translate("LogRecoveryDialog", u"Owner approval", None))
        self.owner_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Owner", None))
        self.owner_pin_label.setText(QCoreApplication.translate("LogRecoveryDialog", u"Owner's PIN", None))
        self.cancel_button.setText(QCoreApplication.translate("LogRecoveryDialog", u"Cancel", None))
        self.save_button.setText(QCoreApplication.translate("LogRecoveryDialog", u"Save", None))
    # retranslateUi

