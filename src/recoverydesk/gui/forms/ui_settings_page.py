# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QTreeWidget, QVBoxLayout, QWidget

from recoverydesk.gui.searchable_combo import SearchableCombo

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(SettingsPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget(SettingsPage)
        self.tabs.setObjectName(u"tabs")
        self.business_tab = QWidget()
        self.business_tab.setObjectName(u"business_tab")
        self.business_layout = QVBoxLayout(self.business_tab)
        self.business_layout.setObjectName(u"business_layout")
        self.business_grid = QGridLayout()
        self.business_grid.setObjectName(u"business_grid")
        self.name_label = QLabel(self.business_tab)
        self.name_label.setObjectName(u"name_label")

        self.business_grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name_edit = QLineEdit(self.business_tab)
        self.name_edit.setObjectName(u"name_edit")

        self.business_grid.addWidget(self.name_edit, 0, 1, 1, 1)

        self.name_message = QLabel(self.business_tab)
        self.name_message.setObjectName(u"name_message")
        self.name_message.setWordWrap(True)

        self.business_grid.addWidget(self.name_message, 1, 1, 1, 1)

        self.currency_label = QLabel(self.business_tab)
        self.currency_label.setObjectName(u"currency_label")

        self.business_grid.addWidget(self.currency_label, 2, 0, 1, 1)

        self.currency_combo = SearchableCombo(self.business_tab)
        self.currency_combo.setObjectName(u"currency_combo")

        self.business_grid.addWidget(self.currency_combo, 2, 1, 1, 1)

        self.currency_message = QLabel(self.business_tab)
        self.currency_message.setObjectName(u"currency_message")
        self.currency_message.setWordWrap(True)

        self.business_grid.addWidget(self.currency_message, 3, 1, 1, 1)

        self.locale_label = QLabel(self.business_tab)
        self.locale_label.setObjectName(u"locale_label")

        self.business_grid.addWidget(self.locale_label, 4, 0, 1, 1)

        self.locale_combo = SearchableCombo(self.business_tab)
        self.locale_combo.setObjectName(u"locale_combo")

        self.business_grid.addWidget(self.locale_combo, 4, 1, 1, 1)

        self.locale_message = QLabel(self.business_tab)
        self.locale_message.setObjectName(u"locale_message")
        self.locale_message.setWordWrap(True)

        self.business_grid.addWidget(self.locale_message, 5, 1, 1, 1)

        self.timezone_label = QLabel(self.business_tab)
        self.timezone_label.setObjectName(u"timezone_label")

        self.business_grid.addWidget(self.timezone_label, 6, 0, 1, 1)

        self.timezone_combo = SearchableCombo(self.business_tab)
        self.timezone_combo.setObjectName(u"timezone_combo")

        self.business_grid.addWidget(self.timezone_combo, 6, 1, 1, 1)

        self.timezone_message = QLabel(self.business_tab)
        self.timezone_message.setObjectName(u"timezone_message")
        self.timezone_message.setWordWrap(True)

        self.business_grid.addWidget(self.timezone_message, 7, 1, 1, 1)

        self.retention_label = QLabel(self.business_tab)
        self.retention_label.setObjectName(u"retention_label")

        self.business_grid.addWidget(self.retention_label, 8, 0, 1, 1)

        self.retention_spin = QSpinBox(self.business_tab)
        self.retention_spin.setObjectName(u"retention_spin")
        self.retention_spin.setMinimum(1)
        self.retention_spin.setMaximum(3650)

        self.business_grid.addWidget(self.retention_spin, 8, 1, 1, 1)

        self.followup_label = QLabel(self.business_tab)
        self.followup_label.setObjectName(u"followup_label")

        self.business_grid.addWidget(self.followup_label, 9, 0, 1, 1)

        self.followup_spin = QSpinBox(self.business_tab)
        self.followup_spin.setObjectName(u"followup_spin")
        self.followup_spin.setMinimum(0)
        self.followup_spin.setMaximum(365)

        self.business_grid.addWidget(self.followup_spin, 9, 1, 1, 1)

        self.signout_label = QLabel(self.business_tab)
        self.signout_label.setObjectName(u"signout_label")

        self.business_grid.addWidget(self.signout_label, 10, 0, 1, 1)

        self.signout_spin = QSpinBox(self.business_tab)
        self.signout_spin.setObjectName(u"signout_spin")
        self.signout_spin.setMinimum(1)
        self.signout_spin.setMaximum(240)

        self.business_grid.addWidget(self.signout_spin, 10, 1, 1, 1)

        self.avg_value_label = QLabel(self.business_tab)
        self.avg_value_label.setObjectName(u"avg_value_label")

        self.business_grid.addWidget(self.avg_value_label, 11, 0, 1, 1)

        self.avg_value_edit = QLineEdit(self.business_tab)
        self.avg_value_edit.setObjectName(u"avg_value_edit")

        self.business_grid.addWidget(self.avg_value_edit, 11, 1, 1, 1)

        self.avg_value_message = QLabel(self.business_tab)
        self.avg_value_message.setObjectName(u"avg_value_message")
        self.avg_value_message.setWordWrap(True)

        self.business_grid.addWidget(self.avg_value_message, 12, 1, 1, 1)

        self.rollover_check = QCheckBox(self.business_tab)
        self.rollover_check.setObjectName(u"rollover_check")

        self.business_grid.addWidget(self.rollover_check, 13, 1, 1, 1)

        self.theme_label = QLabel(self.business_tab)
        self.theme_label.setObjectName(u"theme_label")

        self.business_grid.addWidget(self.theme_label, 14, 0, 1, 1)

        self.theme_combo = QComboBox(self.business_tab)
        self.theme_combo.setObjectName(u"theme_combo")

        self.business_grid.addWidget(self.theme_combo, 14, 1, 1, 1)


        self.business_layout.addLayout(self.business_grid)

        self.business_buttons = QHBoxLayout()
        self.business_buttons.setObjectName(u"business_buttons")
        self.settings_message = QLabel(self.business_tab)
        self.settings_message.setObjectName(u"settings_message")
        self.settings_message.setWordWrap(True)

        self.business_buttons.addWidget(self.settings_message)

        self.spacer_business_buttons_1 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.business_buttons.addItem(self.spacer_business_buttons_1)

        self.save_settings_button = QPushButton(self.business_tab)
        self.save_settings_button.setObjectName(u"save_settings_button")
        self.save_settings_button.setMinimumSize(QSize(160, 0))

        self.business_buttons.addWidget(self.save_settings_button)

        self.business_buttons.setStretch(1, 1)

        self.business_layout.addLayout(self.business_buttons)

        self.spacer_business_layout_2 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.business_layout.addItem(self.spacer_business_layout_2)

        self.tabs.addTab(self.business_tab, "")
        self.catalog_tab = QWidget()
        self.catalog_tab.setObjectName(u"catalog_tab")
        self.catalog_layout = QHBoxLayout(self.catalog_tab)
        self.catalog_layout.setObjectName(u"catalog_layout")
        self.categories_group = QGroupBox(self.catalog_tab)
        self.categories_group.setObjectName(u"categories_group")
        self.categories_layout = QVBoxLayout(self.categories_group)
        self.categories_layout.setObjectName(u"categories_layout")
        self.categories_list = QListWidget(self.categories_group)
        self.categories_list.setObjectName(u"categories_list")

        self.categories_layout.addWidget(self.categories_list)

        self.category_order_row = QHBoxLayout()
        self.category_order_row.setObjectName(u"category_order_row")
        self.category_up_button = QPushButton(self.categories_group)
        self.category_up_button.setObjectName(u"category_up_button")

        self.category_order_row.addWidget(self.category_up_button)

        self.category_down_button = QPushButton(self.categories_group)
        self.category_down_button.setObjectName(u"category_down_button")

        self.category_order_row.addWidget(self.category_down_button)

        self.spacer_category_order_row_2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.category_order_row.addItem(self.spacer_category_order_row_2)

        self.category_active_button = QPushButton(self.categories_group)
        self.category_active_button.setObjectName(u"category_active_button")

        self.category_order_row.addWidget(self.category_active_button)


        self.categories_layout.addLayout(self.category_order_row)

        self.category_edit_row = QHBoxLayout()
        self.category_edit_row.setObjectName(u"category_edit_row")
        self.category_name_label = QLabel(self.categories_group)
        self.category_name_label.setObjectName(u"category_name_label")

        self.category_edit_row.addWidget(self.category_name_label)

        self.category_name_edit = QLineEdit(self.categories_group)
        self.category_name_edit.setObjectName(u"category_name_edit")

        self.category_edit_row.addWidget(self.category_name_edit)

        self.add_category_button = QPushButton(self.categories_group)
        self.add_category_button.setObjectName(u"add_category_button")

        self.category_edit_row.addWidget(self.add_category_button)

        self.rename_category_button = QPushButton(self.categories_group)
        self.rename_category_button.setObjectName(u"rename_category_button")

        self.category_edit_row.addWidget(self.rename_category_button)

        self.category_edit_row.setStretch(1, 1)

        self.categories_layout.addLayout(self.category_edit_row)

        self.category_message = QLabel(self.categories_group)
        self.category_message.setObjectName(u"category_message")
        self.category_message.setWordWrap(True)

        self.categories_layout.addWidget(self.category_message)


        self.catalog_layout.addWidget(self.categories_group)

        self.presets_group = QGroupBox(self.catalog_tab)
        self.presets_group.setObjectName(u"presets_group")
        self.presets_layout = QVBoxLayout(self.presets_group)
        self.presets_layout.setObjectName(u"presets_layout")
        self.presets_tree = QTreeWidget(self.presets_group)
        self.presets_tree.setObjectName(u"presets_tree")
        self.presets_tree.setRootIsDecorated(False)
        self.presets_tree.setAlternatingRowColors(True)

        self.presets_layout.addWidget(self.presets_tree)

        self.preset_order_row = QHBoxLayout()
        self.preset_order_row.setObjectName(u"preset_order_row")
        self.preset_up_button = QPushButton(self.presets_group)
        self.preset_up_button.setObjectName(u"preset_up_button")

        self.preset_order_row.addWidget(self.preset_up_button)

        self.preset_down_button = QPushButton(self.presets_group)
        self.preset_down_button.setObjectName(u"preset_down_button")

        self.preset_order_row.addWidget(self.preset_down_button)

        self.spacer_preset_order_row_2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preset_order_row.addItem(self.spacer_preset_order_row_2)

        self.preset_active_button = QPushButton(self.presets_group)
        self.preset_active_button.setObjectName(u"preset_active_button")

        self.preset_order_row.addWidget(self.preset_active_button)


        self.presets_layout.addLayout(self.preset_order_row)

        self.preset_grid = QGridLayout()
        self.preset_grid.setObjectName(u"preset_grid")
        self.preset_label_label = QLabel(self.presets_group)
        self.preset_label_label.setObjectName(u"preset_label_label")

        self.preset_grid.addWidget(self.preset_label_label, 0, 0, 1, 1)

        self.preset_label_edit = QLineEdit(self.presets_group)
        self.preset_label_edit.setObjectName(u"preset_label_edit")

        self.preset_grid.addWidget(self.preset_label_edit, 0, 1, 1, 3)

        self.preset_label_message = QLabel(self.presets_group)
        self.preset_label_message.setObjectName(u"preset_label_message")
        self.preset_label_message.setWordWrap(True)

        self.preset_grid.addWidget(self.preset_label_message, 1, 1, 1, 3)

        self.preset_kind_label = QLabel(self.presets_group)
        self.preset_kind_label.setObjectName(u"preset_kind_label")

        self.preset_grid.addWidget(self.preset_kind_label, 2, 0, 1, 1)

        self.preset_kind_combo = QComboBox(self.presets_group)
        self.preset_kind_combo.setObjectName(u"preset_kind_combo")

        self.preset_grid.addWidget(self.preset_kind_combo, 2, 1, 1, 3)

        self.preset_cost_label = QLabel(self.presets_group)
        self.preset_cost_label.setObjectName(u"preset_cost_label")

        self.preset_grid.addWidget(self.preset_cost_label, 3, 0, 1, 1)

        self.preset_cost_edit = QLineEdit(self.presets_group)
        self.preset_cost_edit.setObjectName(u"preset_cost_edit")

        self.preset_grid.addWidget(self.preset_cost_edit, 3, 1, 1, 1)

        self.preset_value_label = QLabel(self.presets_group)
        self.preset_value_label.setObjectName(u"preset_value_label")

        self.preset_grid.addWidget(self.preset_value_label, 3, 2, 1, 1)

        self.preset_value_edit = QLineEdit(self.presets_group)
        self.preset_value_edit.setObjectName(u"preset_value_edit")

        self.preset_grid.addWidget(self.preset_value_edit, 3, 3, 1, 1)

        self.preset_cost_message = QLabel(self.presets_group)
        self.preset_cost_message.setObjectName(u"preset_cost_message")
        self.preset_cost_message.setWordWrap(True)

        self.preset_grid.addWidget(self.preset_cost_message, 4, 1, 1, 1)

        self.preset_value_message = QLabel(self.presets_group)
        self.preset_value_message.setObjectName(u"preset_value_message")
        self.preset_value_message.setWordWrap(True)

        self.preset_grid.addWidget(self.preset_value_message, 4, 3, 1, 1)


        self.presets_layout.addLayout(self.preset_grid)

        self.preset_buttons = QHBoxLayout()
        self.preset_buttons.setObjectName(u"preset_buttons")
        self.preset_message = QLabel(self.presets_group)
        self.preset_message.setObjectName(u"preset_message")
        self.preset_message.setWordWrap(True)

        self.preset_buttons.addWidget(self.preset_message)

        self.spacer_preset_buttons_1 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preset_buttons.addItem(self.spacer_preset_buttons_1)

        self.add_preset_button = QPushButton(self.presets_group)
        self.add_preset_button.setObjectName(u"add_preset_button")

        self.preset_buttons.addWidget(self.add_preset_button)

        self.update_preset_button = QPushButton(self.presets_group)
        self.update_preset_button.setObjectName(u"update_preset_button")

        self.preset_buttons.addWidget(self.update_preset_button)

        self.preset_buttons.setStretch(1, 1)

        self.presets_layout.addLayout(self.preset_buttons)


        self.catalog_layout.addWidget(self.presets_group)

        self.catalog_layout.setStretch(0, 2)
        self.catalog_layout.setStretch(1, 3)
        self.tabs.addTab(self.catalog_tab, "")
        self.backups_tab = QWidget()
        self.backups_tab.setObjectName(u"backups_tab")
        self.backups_tab_layout = QVBoxLayout(self.backups_tab)
        self.backups_tab_layout.setObjectName(u"backups_tab_layout")
        self.backup_settings_group = QGroupBox(self.backups_tab)
        self.backup_settings_group.setObjectName(u"backup_settings_group")
        self.backup_grid = QGridLayout(self.backup_settings_group)
        self.backup_grid.setObjectName(u"backup_grid")
        self.folder_label = QLabel(self.backup_settings_group)
        self.folder_label.setObjectName(u"folder_label")

        self.backup_grid.addWidget(self.folder_label, 0, 0, 1, 1)

        self.folder_edit = QLineEdit(self.backup_settings_group)
        self.folder_edit.setObjectName(u"folder_edit")

        self.backup_grid.addWidget(self.folder_edit, 0, 1, 1, 1)

        self.browse_button = QPushButton(self.backup_settings_group)
        self.browse_button.setObjectName(u"browse_button")

        self.backup_grid.addWidget(self.browse_button, 0, 2, 1, 1)

        self.folder_message = QLabel(self.backup_settings_group)
        self.folder_message.setObjectName(u"folder_message")
        self.folder_message.setWordWrap(True)

        self.backup_grid.addWidget(self.folder_message, 1, 1, 1, 2)

        self.keep_label = QLabel(self.backup_settings_group)
        self.keep_label.setObjectName(u"keep_label")

        self.backup_grid.addWidget(self.keep_label, 2, 0, 1, 1)

        self.keep_spin = QSpinBox(self.backup_settings_group)
        self.keep_spin.setObjectName(u"keep_spin")
        self.keep_spin.setMinimum(1)
        self.keep_spin.setMaximum(365)
        self.keep_spin.setMaximumSize(QSize(180, 16777215))

        self.backup_grid.addWidget(self.keep_spin, 2, 1, 1, 1)

        self.save_backup_settings_button = QPushButton(self.backup_settings_group)
        self.save_backup_settings_button.setObjectName(u"save_backup_settings_button")

        self.backup_grid.addWidget(self.save_backup_settings_button, 2, 2, 1, 1)

        self.backup_settings_message = QLabel(self.backup_settings_group)
        self.backup_settings_message.setObjectName(u"backup_settings_message")
        self.backup_settings_message.setWordWrap(True)

        self.backup_grid.addWidget(self.backup_settings_message, 3, 0, 1, 3)


        self.backups_tab_layout.addWidget(self.backup_settings_group)

        self.backups_group = QGroupBox(self.backups_tab)
        self.backups_group.setObjectName(u"backups_group")
        self.backups_layout = QVBoxLayout(self.backups_group)
        self.backups_layout.setObjectName(u"backups_layout")
        self.backup_now_row = QHBoxLayout()
        self.backup_now_row.setObjectName(u"backup_now_row")
        self.backup_now_button = QPushButton(self.backups_group)
        self.backup_now_button.setObjectName(u"backup_now_button")

        self.backup_now_row.addWidget(self.backup_now_button)

        self.backup_progress = QProgressBar(self.backups_group)
        self.backup_progress.setObjectName(u"backup_progress")
        self.backup_progress.setTextVisible(False)
        self.backup_progress.setMaximumSize(QSize(320, 16777215))

        self.backup_now_row.addWidget(self.backup_progress)

        self.spacer_backup_now_row_2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backup_now_row.addItem(self.spacer_backup_now_row_2)

        self.restore_button = QPushButton(self.backups_group)
        self.restore_button.setObjectName(u"restore_button")

        self.backup_now_row.addWidget(self.restore_button)

        self.backup_now_row.setStretch(2, 1)

        self.backups_layout.addLayout(self.backup_now_row)

        self.backup_message = QLabel(self.backups_group)
        self.backup_message.setObjectName(u"backup_message")
        self.backup_message.setWordWrap(True)

        self.backups_layout.addWidget(self.backup_message)

        self.backups_tree = QTreeWidget(self.backups_group)
        self.backups_tree.setObjectName(u"backups_tree")
        self.backups_tree.setRootIsDecorated(False)
        self.backups_tree.setAlternatingRowColors(True)

        self.backups_layout.addWidget(self.backups_tree)


        self.backups_tab_layout.addWidget(self.backups_group)

        self.backups_tab_layout.setStretch(1, 1)
        self.tabs.addTab(self.backups_tab, "")

        self.page_layout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.currency_label.setBuddy(self.currency_combo)
        self.locale_label.setBuddy(self.locale_combo)
        self.timezone_label.setBuddy(self.timezone_combo)
        self.retention_label.setBuddy(self.retention_spin)
        self.followup_label.setBuddy(self.followup_spin)
        self.signout_label.setBuddy(self.signout_spin)
        self.avg_value_label.setBuddy(self.avg_value_edit)
        self.theme_label.setBuddy(self.theme_combo)
        self.category_name_label.setBuddy(self.category_name_edit)
        self.preset_label_label.setBuddy(self.preset_label_edit)
        self.preset_kind_label.setBuddy(self.preset_kind_combo)
        self.preset_cost_label.setBuddy(self.preset_cost_edit)
        self.preset_value_label.setBuddy(self.preset_value_edit)
        self.folder_label.setBuddy(self.folder_edit)
        self.keep_label.setBuddy(self.keep_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.currency_combo)
        QWidget.setTabOrder(self.currency_combo, self.locale_combo)
        QWidget.setTabOrder(self.locale_combo, self.timezone_combo)
        QWidget.setTabOrder(self.timezone_combo, self.retention_spin)
        QWidget.setTabOrder(self.retention_spin, self.followup_spin)
        QWidget.setTabOrder(self.followup_spin, self.signout_spin)
        QWidget.setTabOrder(self.signout_spin, self.avg_value_edit)
        QWidget.setTabOrder(self.avg_value_edit, self.rollover_check)
        QWidget.setTabOrder(self.rollover_check, self.theme_combo)
        QWidget.setTabOrder(self.theme_combo, self.save_settings_button)
        QWidget.setTabOrder(self.save_settings_button, self.categories_list)
        QWidget.setTabOrder(self.categories_list, self.category_up_button)
        QWidget.setTabOrder(self.category_up_button, self.category_down_button)
        QWidget.setTabOrder(self.category_down_button, self.category_active_button)
        QWidget.setTabOrder(self.category_active_button, self.category_name_edit)
        QWidget.setTabOrder(self.category_name_edit, self.add_category_button)
        QWidget.setTabOrder(self.add_category_button, self.rename_category_button)
        QWidget.setTabOrder(self.rename_category_button, self.presets_tree)
        QWidget.setTabOrder(self.presets_tree, self.preset_up_button)
        QWidget.setTabOrder(self.preset_up_button, self.preset_down_button)
        QWidget.setTabOrder(self.preset_down_button, self.preset_active_button)
        QWidget.setTabOrder(self.preset_active_button, self.preset_label_edit)
        QWidget.setTabOrder(self.preset_label_edit, self.preset_kind_combo)
        QWidget.setTabOrder(self.preset_kind_combo, self.preset_cost_edit)
        QWidget.setTabOrder(self.preset_cost_edit, self.preset_value_edit)
        QWidget.setTabOrder(self.preset_value_edit, self.add_preset_button)
        QWidget.setTabOrder(self.add_preset_button, self.update_preset_button)
        QWidget.setTabOrder(self.update_preset_button, self.folder_edit)
        QWidget.setTabOrder(self.folder_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.keep_spin)
        QWidget.setTabOrder(self.keep_spin, self.save_backup_settings_button)
        QWidget.setTabOrder(self.save_backup_settings_button, self.backup_now_button)
        QWidget.setTabOrder(self.backup_now_button, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.backups_tree)

        self.retranslateUi(SettingsPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.name_label.setText(QCoreApplication.translate("SettingsPage", u"Business &name", None))
        self.currency_label.setText(QCoreApplication.translate("SettingsPage", u"&Currency", None))
        self.locale_label.setText(QCoreApplication.translate("SettingsPage", u"&Locale (number and date format)", None))
        self.timezone_label.setText(QCoreApplication.translate("SettingsPage", u"&Time zone", None))
        self.retention_label.setText(QCoreApplication.translate("SettingsPage", u"&Retention window", None))
        self.retention_spin.setSuffix(QCoreApplication.translate("SettingsPage", u" days", None))
        self.followup_label.setText(QCoreApplication.translate("SettingsPage", u"&Follow-up after", None))
        self.followup_spin.setSuffix(QCoreApplication.translate("SettingsPage", u" days", None))
        self.signout_label.setText(QCoreApplication.translate("SettingsPage", u"Sign out after &inactivity", None))
        self.signout_spin.setSuffix(QCoreApplication.translate("SettingsPage", u" minutes", None))
        self.avg_value_label.setText(QCoreApplication.translate("SettingsPage", u"Average yearly &value of a customer", None))
        self.avg_value_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"optional: for the ROI estimate", None))
        self.rollover_check.setText(QCoreApplication.translate("SettingsPage", u"&Unused allowance carries into the next month (at most one month's)", None))
        self.theme_label.setText(QCoreApplication.translate("SettingsPage", u"T&heme", None))
        self.save_settings_button.setText(QCoreApplication.translate("SettingsPage", u"&Save settings", None))
        self.tabs.setTabText(self.tabs.indexOf(self.business_tab), QCoreApplication.translate("SettingsPage", u"Business", None))
        self.categories_group.setTitle(QCoreApplication.translate("SettingsPage", u"Incident categories", None))
        self.category_up_button.setText(QCoreApplication.translate("SettingsPage", u"Move up", None))
        self.category_down_button.setText(QCoreApplication.translate("SettingsPage", u"Move down", None))
        self.category_active_button.setText(QCoreApplication.translate("SettingsPage", u"Deactivate", None))
        self.category_name_label.setText(QCoreApplication.translate("SettingsPage", u"Na&me", None))
        self.add_category_button.setText(QCoreApplication.translate("SettingsPage", u"Add", None))
        self.rename_category_button.setText(QCoreApplication.translate("SettingsPage", u"Rename", None))
        self.presets_group.setTitle(QCoreApplication.translate("SettingsPage", u"Gesture presets (the first nine get keys 1\u20139)", None))
        ___qtreewidgetitem = self.presets_tree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("SettingsPage", u"Active", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("SettingsPage", u"Value", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("SettingsPage", u"Cost", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("SettingsPage", u"Kind", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("SettingsPage", u"Label", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("SettingsPage", u"#", None))
        self.preset_up_button.setText(QCoreApplication.translate("SettingsPage", u"Move up", None))
        self.preset_down_button.setText(QCoreApplication.translate("SettingsPage", u"Move down", None))
        self.preset_active_button.setText(QCoreApplication.translate("SettingsPage", u"Deactivate", None))
        self.preset_label_label.setText(QCoreApplication.translate("SettingsPage", u"&Label", None))
        self.preset_label_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"e.g. Free coffee", None))
        self.preset_kind_label.setText(QCoreApplication.translate("SettingsPage", u"&Kind", None))
        self.preset_cost_label.setText(QCoreApplication.translate("SettingsPage", u"C&ost", None))
        self.preset_value_label.setText(QCoreApplication.translate("SettingsPage", u"Val&ue to the customer", None))
        self.preset_value_edit.setPlaceholderText(QCoreApplication.translate("SettingsPage", u"optional", None))
        self.add_preset_button.setText(QCoreApplication.translate("SettingsPage", u"Add preset", None))
        self.update_preset_button.setText(QCoreApplication.translate("SettingsPage", u"Save changes", None))
        self.tabs.setTabText(self.tabs.indexOf(self.catalog_tab), QCoreApplication.translate("SettingsPage", u"Categories and presets", None))
        self.backup_settings_group.setTitle(QCoreApplication.translate("SettingsPage", u"Where and how many", None))
        self.folder_label.setText(QCoreApplication.translate("SettingsPage", u"Backup &folder", None))
        self.browse_button.setText(QCoreApplication.translate("SettingsPage", u"&Browse\u2026", None))
        self.keep_label.setText(QCoreApplication.translate("SettingsPage", u"&Keep the newest", None))
        self.keep_spin.setSuffix(QCoreApplication.translate("SettingsPage", u" backups", None))
        self.save_backup_settings_button.setText(QCoreApplication.translate("SettingsPage", u"Save", None))
        self.backups_group.setTitle(QCoreApplication.translate("SettingsPage", u"Backups of this business", None))
        self.backup_now_button.setText(QCoreApplication.translate("SettingsPage", u"Back &up now", None))
        self.restore_button.setText(QCoreApplication.translate("SettingsPage", u"&Restore from a backup\u2026", None))
        ___qtreewidgetitem1 = self.backups_tree.headerItem()
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("SettingsPage", u"Size", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("SettingsPage", u"Made", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("SettingsPage", u"File", None))
        self.tabs.setTabText(self.tabs.indexOf(self.backups_tab), QCoreApplication.translate("SettingsPage", u"Backups", None))
        pass
    # retranslateUi

