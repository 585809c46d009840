# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_detail.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout

class Ui_IncidentDetail(object):
    def setupUi(self, IncidentDetail):
        if not IncidentDetail.objectName():
            IncidentDetail.setObjectName(u"IncidentDetail")
        IncidentDetail.resize(560, 620)
        self.detail_layout = QVBoxLayout(IncidentDetail)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.header_label = QLabel(IncidentDetail)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setWordWrap(True)

        self.detail_layout.addWidget(self.header_label)

        self.customer_label = QLabel(IncidentDetail)
        self.customer_label.setObjectName(u"customer_label")
        self.customer_label.setWordWrap(True)

        self.detail_layout.addWidget(self.customer_label)

        self.gestures_caption = QLabel(IncidentDetail)
        self.gestures_caption.setObjectName(u"gestures_caption")

        self.detail_layout.addWidget(self.gestures_caption)

        self.gestures_tree = QTreeWidget(IncidentDetail)
        self.gestures_tree.setObjectName(u"gestures_tree")
        self.gestures_tree.setRootIsDecorated(False)
        self.gestures_tree.setItemsExpandable(False)

        self.detail_layout.addWidget(self.gestures_tree)

        self.followups_caption = QLabel(IncidentDetail)
        self.followups_caption.setObjectName(u"followups_caption")

        self.detail_layout.addWidget(self.followups_caption)

        self.followups_tree = QTreeWidget(IncidentDetail)
        self.followups_tree.setObjectName(u"followups_tree")
        self.followups_tree.setMaximumSize(QSize(16777215, 120))
        self.followups_tree.setRootIsDecorated(False)

        self.detail_layout.addWidget(self.followups_tree)

        self.message_label = QLabel(IncidentDetail)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.detail_layout.addWidget(self.message_label)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.add_gesture_button = QPushButton(IncidentDetail)
        self.add_gesture_button.setObjectName(u"add_gesture_button")

        self.buttons_row.addWidget(self.add_gesture_button)

        self.void_button = QPushButton(IncidentDetail)
        self.void_button.setObjectName(u"void_button")

        self.buttons_row.addWidget(self.void_button)

        self.followup_button = QPushButton(IncidentDetail)
        self.followup_button.setObjectName(u"followup_button")

        self.buttons_row.addWidget(self.followup_button)

        self.resolve_button = QPushButton(IncidentDetail)
        self.resolve_button.setObjectName(u"resolve_button")

        self.buttons_row.addWidget(self.resolve_button)

        self.correct_button = QPushButton(IncidentDetail)
        self.correct_button.setObjectName(u"correct_button")

        self.buttons_row.addWidget(self.correct_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)


        self.detail_layout.addLayout(self.buttons_row)

        self.detail_layout.setStretch(3, 2)
        self.detail_layout.setStretch(5, 1)

        self.retranslateUi(IncidentDetail)

        QMetaObject.connectSlotsByName(IncidentDetail)
    # setupUi

    def retranslateUi(self, IncidentDetail):
        self.gestures_caption.setText(QCoreApplication.translate("IncidentDetail", u"<b>Gestures</b>", None))
        ___qtreewidgetitem = self.gestures_tree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("IncidentDetail", u"Approved by", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("IncidentDetail", u"Cost", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("IncidentDetail", u"Gesture", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("IncidentDetail", u"By", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("IncidentDetail", u"When", None))
        self.followups_caption.setText(QCoreApplication.translate("IncidentDetail", u"<b>Follow-ups</b>", None))
        ___qtreewidgetitem1 = self.followups_tree.headerItem()
        ___qtreewidgetitem1.setText(4, QCoreApplication.translate("IncidentDetail", u"Note", None))
        ___qtreewidgetitem1.setText(3, QCoreApplication.translate("IncidentDetail", u"Outcome", None))
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("IncidentDetail", u"By", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("IncidentDetail", u"Done", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("IncidentDetail", u"Due", None))
        self.add_gesture_button.setText(QCoreApplication.translate("IncidentDetail", u"Add a gesture\u2026", None))
        self.void_button.setText(QCoreApplication.translate("IncidentDetail", u"Void gesture\u2026", None))
        self.followup_button.setText(QCoreApplication.translate("IncidentDetail", u"Add a follow-up\u2026", None))
        self.resolve_button.setText(QCoreApplication.translate("IncidentDetail", u"Resolve\u2026", None))
        self.correct_button.setText(QCoreApplication.translate("IncidentDetail", u"Correct\u2026", None))
        pass
    # retranslateUi

