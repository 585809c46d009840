# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout, QWidget

class Ui_TeamPage(object):
    def setupUi(self, TeamPage):
        if not TeamPage.objectName():
            TeamPage.setObjectName(u"TeamPage")
        TeamPage.resize(1366, 680)
        self.page_layout = QHBoxLayout(TeamPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 12, 16, 12)
        self.list_layout = QVBoxLayout()
        self.list_layout.setObjectName(u"list_layout")
        self.month_label = QLabel(TeamPage)
        self.month_label.setObjectName(u"month_label")

        self.list_layout.addWidget(self.month_label)

        self.team_tree = QTreeWidget(TeamPage)
        self.team_tree.setObjectName(u"team_tree")
        self.team_tree.setAlternatingRowColors(True)
        self.team_tree.setRootIsDecorated(False)
        self.team_tree.setUniformRowHeights(True)

        self.list_layout.addWidget(self.team_tree)

        self.add_group = QGroupBox(TeamPage)
        self.add_group.setObjectName(u"add_group")
        self.add_layout = QGridLayout(self.add_group)
        self.add_layout.setObjectName(u"add_layout")
        self.new_name_label = QLabel(self.add_group)
        self.new_name_label.setObjectName(u"new_name_label")

        self.add_layout.addWidget(self.new_name_label, 0, 0, 1, 1)

        self.new_name_edit = QLineEdit(self.add_group)
        self.new_name_edit.setObjectName(u"new_name_edit")

        self.add_layout.addWidget(self.new_name_edit, 0, 1, 1, 1)

        self.new_role_label = QLabel(self.add_group)
        self.new_role_label.setObjectName(u"new_role_label")

        self.add_layout.addWidget(self.new_role_label, 0, 2, 1, 1)

        self.new_role_combo = QComboBox(self.add_group)
        self.new_role_combo.setObjectName(u"new_role_combo")

        self.add_layout.addWidget(self.new_role_combo, 0, 3, 1, 1)

        self.new_name_message = QLabel(self.add_group)
        self.new_name_message.setObjectName(u"new_name_message")
        self.new_name_message.setWordWrap(True)

        self.add_layout.addWidget(self.new_name_message, 1, 1, 1, 3)

        self.new_pin_label = QLabel(self.add_group)
        self.new_pin_label.setObjectName(u"new_pin_label")

        self.add_layout.addWidget(self.new_pin_label, 2, 0, 1, 1)

        self.new_pin_edit = QLineEdit(self.add_group)
        self.new_pin_edit.setObjectName(u"new_pin_edit")
        self.new_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin_edit.setMaxLength(8)

        self.add_layout.addWidget(self.new_pin_edit, 2, 1, 1, 1)

        self.new_pin_again_label = QLabel(self.add_group)
        self.new_pin_again_label.setObjectName(u"new_pin_again_label")

        self.add_layout.addWidget(self.new_pin_again_label, 2, 2, 1, 1)

        self.new_pin_again_edit = QLineEdit(self.add_group)
        self.new_pin_again_edit.setObjectName(u"new_pin_again_edit")
        self.new_pin_again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin_again_edit.setMaxLength(8)

        self.add_layout.addWidget(self.new_pin_again_edit, 2, 3, 1, 1)

        self.new_pin_message = QLabel(self.add_group)
        self.new_pin_message.setObjectName(u"new_pin_message")
        self.new_pin_message.setWordWrap(True)

        self.add_layout.addWidget(self.new_pin_message, 3, 1, 1, 3)

        self.add_button = QPushButton(self.add_group)
        self.add_button.setObjectName(u"add_button")

        self.add_layout.addWidget(self.add_button, 4, 3, 1, 1)

        self.add_message = QLabel(self.add_group)
        self.add_message.setObjectName(u"add_message")
        self.add_message.setWordWrap(True)

        self.add_layout.addWidget(self.add_message, 5, 0, 1, 4)


        self.list_layout.addWidget(self.add_group)

        self.list_layout.setStretch(1, 1)

        self.page_layout.addLayout(self.list_layout)

        self.detail_group = QGroupBox(TeamPage)
        self.detail_group.setObjectName(u"detail_group")
        self.detail_layout = QVBoxLayout(self.detail_group)
        self.detail_layout.setObjectName(u"detail_layout")
        self.active_row = QHBoxLayout()
        self.active_row.setObjectName(u"active_row")
        self.active_label = QLabel(self.detail_group)
        self.active_label.setObjectName(u"active_label")

        self.active_row.addWidget(self.active_label)

        self.spacer_active_row_1 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.active_row.addItem(self.spacer_active_row_1)

        self.active_button = QPushButton(self.detail_group)
        self.active_button.setObjectName(u"active_button")

        self.active_row.addWidget(self.active_button)

        self.active_row.setStretch(1, 1)

        self.detail_layout.addLayout(self.active_row)

        self.active_message = QLabel(self.detail_group)
        self.active_message.setObjectName(u"active_message")
        self.active_message.setWordWrap(True)

        self.detail_layout.addWidget(self.active_message)

        self.budget_group = QGroupBox(self.detail_group)
        self.budget_group.setObjectName(u"budget_group")
        self.budget_layout = QVBoxLayout(self.budget_group)
        self.budget_layout.setObjectName(u"budget_layout")
        self.budget_grid = QGridLayout()
        self.budget_grid.setObjectName(u"budget_grid")
        self.from_month_label = QLabel(self.budget_group)
        self.from_month_label.setObjectName(u"from_month_label")

        self.budget_grid.addWidget(self.from_month_label, 0, 0, 1, 1)

        self.from_month_combo = QComboBox(self.budget_group)
        self.from_month_combo.setObjectName(u"from_month_combo")

        self.budget_grid.addWidget(self.from_month_combo, 0, 1, 1, 1)

        self.allowance_label = QLabel(self.budget_group)
        self.allowance_label.setObjectName(u"allowance_label")

        self.budget_grid.addWidget(self.allowance_label, 1, 0, 1, 1)

        self.allowance_edit = QLineEdit(self.budget_group)
        self.allowance_edit.setObjectName(u"allowance_edit")

        self.budget_grid.addWidget(self.allowance_edit, 1, 1, 1, 1)

        self.allowance_message = QLabel(self.budget_group)
        self.allowance_message.setObjectName(u"allowance_message")
        self.allowance_message.setWordWrap(True)

        self.budget_grid.addWidget(self.allowance_message, 2, 1, 1, 1)

        self.per_incident_label = QLabel(self.budget_group)
        self.per_incident_label.setObjectName(u"per_incident_label")

        self.budget_grid.addWidget(self.per_incident_label, 3, 0, 1, 1)

        self.limit_edit = QLineEdit(self.budget_group)
        self.limit_edit.setObjectName(u"limit_edit")

        self.budget_grid.addWidget(self.limit_edit, 3, 1, 1, 1)

        self.limit_message = QLabel(self.budget_group)
        self.limit_message.setObjectName(u"limit_message")
        self.limit_message.setWordWrap(True)

        self.budget_grid.addWidget(self.limit_message, 4, 1, 1, 1)

        self.no_limit_check = QCheckBox(self.budget_group)
        self.no_limit_check.setObjectName(u"no_limit_check")

        self.budget_grid.addWidget(self.no_limit_check, 5, 1, 1, 1)


        self.budget_layout.addLayout(self.budget_grid)

        self.budget_buttons = QHBoxLayout()
        self.budget_buttons.setObjectName(u"budget_buttons")
        self.spacer_budget_buttons_0 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.budget_buttons.addItem(self.spacer_budget_buttons_0)

        self.budget_button = QPushButton(self.budget_group)
        self.budget_button.setObjectName(u"budget_button")

        self.budget_buttons.addWidget(self.budget_button)


        self.budget_layout.addLayout(self.budget_buttons)

        self.budget_message = QLabel(self.budget_group)
        self.budget_message.setObjectName(u"budget_message")
        self.budget_message.setWordWrap(True)

        self.budget_layout.addWidget(self.budget_message)

        self.history_label = QLabel(self.budget_group)
        self.history_label.setObjectName(u"history_label")

        self.budget_layout.addWidget(self.history_label)

        self.history_tree = QTreeWidget(self.budget_group)
        self.history_tree.headerItem().setText(3, "")
        self.history_tree.setObjectName(u"history_tree")
        self.history_tree.setRootIsDecorated(False)
        self.history_tree.setMaximumSize(QSize(16777215, 120))

        self.budget_layout.addWidget(self.history_tree)


        self.detail_layout.addWidget(self.budget_group)

        self.pin_group = QGroupBox(self.detail_group)
        self.pin_group.setObjectName(u"pin_group")
        self.pin_layout = QGridLayout(self.pin_group)
        self.pin_layout.setObjectName(u"pin_layout")
        self.reset_pin_label = QLabel(self.pin_group)
        self.reset_pin_label.setObjectName(u"reset_pin_label")

        self.pin_layout.addWidget(self.reset_pin_label, 0, 0, 1, 1)

        self.reset_pin_edit = QLineEdit(self.pin_group)
        self.reset_pin_edit.setObjectName(u"reset_pin_edit")
        self.reset_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_pin_edit.setMaxLength(8)

        self.pin_layout.addWidget(self.reset_pin_edit, 0, 1, 1, 1)

        self.reset_pin_again_edit = QLineEdit(self.pin_group)
        self.reset_pin_again_edit.setObjectName(u"reset_pin_again_edit")
        self.reset_pin_again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_pin_again_edit.setMaxLength(8)

        self.pin_layout.addWidget(self.reset_pin_again_edit, 0, 2, 1, 1)

        self.reset_pin_message = QLabel(self.pin_group)
        self.reset_pin_message.setObjectName(u"reset_pin_message")
        self.reset_pin_message.setWordWrap(True)

        self.pin_layout.addWidget(self.reset_pin_message, 1, 1, 1, 2)

        self.owner_pin_label = QLabel(self.pin_group)
        self.owner_pin_label.setObjectName(u"owner_pin_label")

        self.pin_layout.addWidget(self.owner_pin_label, 2, 0, 1, 1)

        self.owner_pin_edit = QLineEdit(self.pin_group)
        self.owner_pin_edit.setObjectName(u"owner_pin_edit")
        self.owner_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.owner_pin_edit.setMaxLength(8)

        self.pin_layout.addWidget(self.owner_pin_edit, 2, 1, 1, 1)

        self.reset_pin_button = QPushButton(self.pin_group)
        self.reset_pin_button.setObjectName(u"reset_pin_button")

        self.pin_layout.addWidget(self.reset_pin_button, 2, 2, 1, 1)

        self.owner_pin_message = QLabel(self.pin_group)
        self.owner_pin_message.setObjectName(u"owner_pin_message")
        self.owner_pin_message.setWordWrap(True)

        self.pin_layout.addWidget(self.owner_pin_message, 3, 0, 1, 3)


        self.detail_layout.addWidget(self.pin_group)

        self.spacer_detail_layout_4 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detail_layout.addItem(self.spacer_detail_layout_4)


        self.page_layout.addWidget(self.detail_group)

        self.page_layout.setStretch(0, 3)
        self.page_layout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.new_name_label.setBuddy(self.new_name_edit)
        self.new_role_label.setBuddy(self.new_role_combo)
        self.new_pin_label.setBuddy(self.new_pin_edit)
        self.new_pin_again_label.setBuddy(self.new_pin_again_edit)
        self.from_month_label.setBuddy(self.from_month_combo)
        self.allowance_label.setBuddy(self.allowance_edit)
        self.per_incident_label.setBuddy(self.limit_edit)
        self.reset_pin_label.setBuddy(self.reset_pin_edit)
        self.owner_pin_label.setBuddy(self.owner_pin_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.team_tree, self.new_name_edit)
        QWidget.setTabOrder(self.new_name_edit, self.new_role_combo)
        QWidget.setTabOrder(self.new_role_combo, self.new_pin_edit)
        QWidget.setTabOrder(self.new_pin_edit, self.new_pin_again_edit)
        QWidget.setTabOrder(self.new_pin_again_edit, self.add_button)
        QWidget.setTabOrder(self.add_button, self.active_button)
        QWidget.setTabOrder(self.active_button, self.from_month_combo)
        QWidget.setTabOrder(self.from_month_combo, self.allowance_edit)
        QWidget.setTabOrder(self.allowance_edit, self.limit_edit)
        QWidget.setTabOrder(self.limit_edit, self.no_limit_check)
        QWidget.setTabOrder(self.no_limit_check, self.budget_button)
        QWidget.setTabOrder(self.budget_button, self.history_tree)
        QWidget.setTabOrder(self.history_tree, self.reset_pin_edit)
        QWidget.setTabOrder(self.reset_pin_edit, self.reset_pin_again_edit)
        QWidget.setTabOrder(self.reset_pin_again_edit, self.owner_pin_edit)
        QWidget.setTabOrder(self.owner_pin_edit, self.reset_pin_button)

        self.retranslateUi(TeamPage)

        QMetaObject.connectSlotsByName(TeamPage)
    # setupUi

    def retranslateUi(self, TeamPage):
        ___qtreewidgetitem = self.team_tree.headerItem()
        ___qtreewidgetitem.setText(7, QCoreApplication.translate("TeamPage", u"Use", None))
        ___qtreewidgetitem.setText(6, QCoreApplication.translate("TeamPage", u"Remaining", None))
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("TeamPage", u"Spent", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("TeamPage", u"Per incident", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("TeamPage", u"Allowance", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("TeamPage", u"Active", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("TeamPage", u"Role", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("TeamPage", u"Name", None))
        self.add_group.setTitle(QCoreApplication.translate("TeamPage", u"Add an employee", None))
        self.new_name_label.setText(QCoreApplication.translate("TeamPage", u"&Name", None))
        self.new_name_edit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"First name, or a name everyone knows", None))
        self.new_role_label.setText(QCoreApplication.translate("TeamPage", u"&Role", None))
        self.new_pin_label.setText(QCoreApplication.translate("TeamPage", u"&PIN", None))
        self.new_pin_edit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"4 to 8 digits", None))
        self.new_pin_again_label.setText(QCoreApplication.translate("TeamPage", u"A&gain", None))
        self.new_pin_again_edit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"the same PIN", None))
        self.add_button.setText(QCoreApplication.translate("TeamPage", u"&Add employee", None))
        self.detail_group.setTitle(QCoreApplication.translate("TeamPage", u"Employee", None))
        self.active_button.setText(QCoreApplication.translate("TeamPage", u"&Deactivate", None))
        self.budget_group.setTitle(QCoreApplication.translate("TeamPage", u"Budget", None))
        self.from_month_label.setText(QCoreApplication.translate("TeamPage", u"&From month", None))
        self.allowance_label.setText(QCoreApplication.translate("TeamPage", u"Monthly &allowance", None))
        self.per_incident_label.setText(QCoreApplication.translate("TeamPage", u"Per-&incident limit", None))
        self.no_limit_check.setText(QCoreApplication.translate("TeamPage", u"No limit (owners only)", None))
        self.budget_button.setText(QCoreApplication.translate("TeamPage", u"&Save budget", None))
        self.history_label.setText(QCoreApplication.translate("TeamPage", u"Budget history", None))
        ___qtreewidgetitem1 = self.history_tree.headerItem()
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("TeamPage", u"Per incident", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("TeamPage", u"Allowance", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("TeamPage", u"From", None))
        self.pin_group.setTitle(QCoreApplication.translate("TeamPage", u"Reset PIN", None))
        self.reset_pin_label.setText(QCoreApplication.translate("TeamPage", u"New P&IN", None))
        self.reset_pin_edit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"4 to 8 digits", None))
        self.reset_pin_again_edit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"again", None))
        self.owner_pin_label.setText(QCoreApplication.translate("TeamPage", u"&Your PIN", None))
        self.owner_pin_edit.setPlaceholderText(QCoreApplication.translate("TeamPage", u"to confirm", None))
        self.reset_pin_button.setText(QCoreApplication.translate("TeamPage", u"&Reset PIN", None))
        pass
    # retranslateUi

