# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'followups_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeWidget, QVBoxLayout, QWidget

class Ui_FollowUpsPage(object):
    def setupUi(self, FollowUpsPage):
        if not FollowUpsPage.objectName():
            FollowUpsPage.setObjectName(u"FollowUpsPage")
        FollowUpsPage.resize(1366, 680)
        self.page_layout = QVBoxLayout(FollowUpsPage)
        self.page_layout.setObjectName(u"page_layout")
        self.page_layout.setContentsMargins(16, 12, 16, 12)
        self.summary_label = QLabel(FollowUpsPage)
        self.summary_label.setObjectName(u"summary_label")

        self.page_layout.addWidget(self.summary_label)

        self.followups_tree = QTreeWidget(FollowUpsPage)
        self.followups_tree.setObjectName(u"followups_tree")
        self.followups_tree.setAlternatingRowColors(True)
        self.followups_tree.setRootIsDecorated(False)

        self.page_layout.addWidget(self.followups_tree)

        self.done_group = QGroupBox(FollowUpsPage)
        self.done_group.setObjectName(u"done_group")
        self.done_layout = QVBoxLayout(self.done_group)
        self.done_layout.setObjectName(u"done_layout")
        self.done_row = QHBoxLayout()
        self.done_row.setObjectName(u"done_row")
        self.outcome_label = QLabel(self.done_group)
        self.outcome_label.setObjectName(u"outcome_label")

        self.done_row.addWidget(self.outcome_label)

        self.outcome_combo = QComboBox(self.done_group)
        self.outcome_combo.setObjectName(u"outcome_combo")

        self.done_row.addWidget(self.outcome_combo)

        self.note_label = QLabel(self.done_group)
        self.note_label.setObjectName(u"note_label")

        self.done_row.addWidget(self.note_label)

        self.note_edit = QLineEdit(self.done_group)
        self.note_edit.setObjectName(u"note_edit")

        self.done_row.addWidget(self.note_edit)

        self.came_back_check = QCheckBox(self.done_group)
        self.came_back_check.setObjectName(u"came_back_check")

        self.done_row.addWidget(self.came_back_check)

        self.done_button = QPushButton(self.done_group)
        self.done_button.setObjectName(u"done_button")
        self.done_button.setMinimumSize(QSize(140, 0))

        self.done_row.addWidget(self.done_button)

        self.done_row.setStretch(3, 1)

        self.done_layout.addLayout(self.done_row)

        self.message_label = QLabel(self.done_group)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.done_layout.addWidget(self.message_label)


        self.page_layout.addWidget(self.done_group)

        self.page_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.outcome_label.setBuddy(self.outcome_combo)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.followups_tree, self.outcome_combo)
        QWidget.setTabOrder(self.outcome_combo, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.came_back_check)
        QWidget.setTabOrder(self.came_back_check, self.done_button)

        self.retranslateUi(FollowUpsPage)

        QMetaObject.connectSlotsByName(FollowUpsPage)
    # setupUi

    def retranslateUi(self, FollowUpsPage):
        ___qtreewidgetitem = self.followups_tree.headerItem()
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("FollowUpsPage", u"What happened", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("FollowUpsPage", u"Logged by", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("FollowUpsPage", u"E-mail", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("FollowUpsPage", u"Phone", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("FollowUpsPage", u"Customer", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("FollowUpsPage", u"Due", None))
        self.done_group.setTitle(QCoreApplication.translate("FollowUpsPage", u"Mark done", None))
        self.outcome_label.setText(QCoreApplication.translate("FollowUpsPage", u"&Outcome", None))
        self.note_label.setText(QCoreApplication.translate("FollowUpsPage", u"N&ote", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("FollowUpsPage", u"What they said (optional)", None))
#if QT_CONFIG(tooltip)
        self.came_back_check.setToolTip(QCoreApplication.translate("FollowUpsPage", u"Records a return visit today", None))
#endif // QT_CONFIG(tooltip)
        self.came_back_check.setText(QCoreApplication.translate("FollowUpsPage", u"The customer &came back today", None))
        self.done_button.setText(QCoreApplication.translate("FollowUpsPage", u"&Mark done", None))
        pass
    # retranslateUi

