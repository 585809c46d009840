# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout

class Ui_AuditPage(object):
    def setupUi(self, AuditPage):
        if not AuditPage.objectName():
            AuditPage.setObjectName(u"AuditPage")
        AuditPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(AuditPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 12, 16, 12)
        self.filter_row = QHBoxLayout()
        self.filter_row.setObjectName(u"filter_row")
        self.action_caption = QLabel(AuditPage)
        self.action_caption.setObjectName(u"action_caption")

        self.filter_row.addWidget(self.action_caption)

        self.action_combo = QComboBox(AuditPage)
        self.action_combo.setObjectName(u"action_combo")
        self.action_combo.setMinimumWidth(150)

        self.filter_row.addWidget(self.action_combo)

        self.employee_caption = QLabel(AuditPage)
        self.employee_caption.setObjectName(u"employee_caption")

        self.filter_row.addWidget(self.employee_caption)

        self.employee_combo = QComboBox(AuditPage)
        self.employee_combo.setObjectName(u"employee_combo")
        self.employee_combo.setMinimumWidth(140)

        self.filter_row.addWidget(self.employee_combo)

        self.since_caption = QLabel(AuditPage)
        self.since_caption.setObjectName(u"since_caption")

        self.filter_row.addWidget(self.since_caption)

        self.since_edit = QDateEdit(AuditPage)
        self.since_edit.setObjectName(u"since_edit")
        self.since_edit.setCalendarPopup(True)

        self.filter_row.addWidget(self.since_edit)

        self.until_caption = QLabel(AuditPage)
        self.until_caption.setObjectName(u"until_caption")

        self.filter_row.addWidget(self.until_caption)

        self.until_edit = QDateEdit(AuditPage)
        self.until_edit.setObjectName(u"until_edit")
        self.until_edit.setCalendarPopup(True)

        self.filter_row.addWidget(self.until_edit)

        self.text_edit = QLineEdit(AuditPage)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setClearButtonEnabled(True)

        self.filter_row.addWidget(self.text_edit)

        self.count_label = QLabel(AuditPage)
        self.count_label.setObjectName(u"count_label")

        self.filter_row.addWidget(self.count_label)

        self.check_button = QPushButton(AuditPage)
        self.check_button.setObjectName(u"check_button")

        self.filter_row.addWidget(self.check_button)

        self.filter_row.setStretch(8, 1)

        self.page_layout.addLayout(self.filter_row)

        self.filter_error = QLabel(AuditPage)
        self.filter_error.setObjectName(u"filter_error")

        self.page_layout.addWidget(self.filter_error)

        self.chain_label = QLabel(AuditPage)
        self.chain_label.setObjectName(u"chain_label")
        self.chain_label.setWordWrap(True)

        self.page_layout.addWidget(self.chain_label)

        self.splitter = QSplitter(AuditPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.audit_table = QTableView(self.splitter)
        self.audit_table.setObjectName(u"audit_table")
        self.audit_table.setAlternatingRowColors(True)
        self.audit_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.audit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_table.setWordWrap(False)
        self.splitter.addWidget(self.audit_table)
        self.audit_table.horizontalHeader().setStretchLastSection(True)
        self.audit_table.verticalHeader().setVisible(False)
        self.detail_edit = QPlainTextEdit(self.splitter)
        self.detail_edit.setObjectName(u"detail_edit")
        self.detail_edit.setReadOnly(True)
        self.splitter.addWidget(self.detail_edit)

        self.page_layout.addWidget(self.splitter)

        self.page_layout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.action_caption.setBuddy(self.action_combo)
        self.employee_caption.setBuddy(self.employee_combo)
        self.since_caption.setBuddy(self.since_edit)
        self.until_caption.setBuddy(self.until_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditPage)

        QMetaObject.connectSlotsByName(AuditPage)
    # setupUi

    def retranslateUi(self, AuditPage):
        self.action_caption.setText(QCoreApplication.translate("AuditPage", u"&Action", None))
        self.employee_caption.setText(QCoreApplication.translate("AuditPage", u"&Employee", None))
        self.since_caption.setText(QCoreApplication.translate("AuditPage", u"Fro&m", None))
        self.until_caption.setText(QCoreApplication.translate("AuditPage", u"T&o", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("AuditPage", u"Search actions and details", None))
        self.check_button.setText(QCoreApplication.translate("AuditPage", u"&Check chain", None))
        pass
    # retranslateUi

