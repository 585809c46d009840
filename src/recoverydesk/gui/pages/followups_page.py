"""The Follow-ups page (SPEC §7): overdue and due today first, then upcoming; mark one done
with its outcome and a note, and record "the customer came back" from here.

The list is :func:`followup_list.open_followups`, which counts "due" exactly as the counter
does, so the two always agree.
"""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core.domain import FOLLOWUP_OUTCOMES
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import clock
from recoverydesk.gui.messages import show_message
from recoverydesk.services import business, followup_list, incidents
from recoverydesk.services.followup_list import FollowUpItem, FollowUpList
from recoverydesk.services.types import SignedIn


class FollowUpsPage(QWidget):
    """Emits :attr:`changed` after a follow-up was done (the counter's count drops)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followups_page")
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.listed: FollowUpList | None = None
        self.summary_label = QLabel()
        self.summary_label.setObjectName("followups_summary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("followups_list")
        self.tree.setHeaderLabels([self.tr("Due"), self.tr("Customer"), self.tr("Phone"),
                                   self.tr("E-mail"), self.tr("Logged by"),
                                   self.tr("What happened")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        for column, width in enumerate((215, 180, 130, 200, 120)):
            header.resizeSection(column, width)

        self.done_group = QGroupBox(self.tr("Mark done"))
        self.outcome_combo = QComboBox()
        for outcome, text in zip(FOLLOWUP_OUTCOMES, (
                self.tr("happy"), self.tr("neutral"), self.tr("unhappy"),
                self.tr("could not reach")), strict=True):
            self.outcome_combo.addItem(text, outcome)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What they said (optional)"))
        self.came_back_check = QCheckBox(self.tr("The customer &came back today"))
        self.came_back_check.setToolTip(self.tr("Records a return visit today"))
        self.done_button = QPushButton(self.tr("&Mark done"))
        self.done_button.setObjectName("done_button")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        show_message(self.message_label, "")
        self.done_button.setMinimumWidth(140)
        box = QVBoxLayout(self.done_group)
        row = QHBoxLayout()
        outcome_caption = QLabel(self.tr("&Outcome"))
        outcome_caption.setBuddy(self.outcome_combo)
        note_caption = QLabel(self.tr("N&ote"))
        note_caption.setBuddy(self.note_edit)
        for widget, stretch in ((outcome_caption, 0), (self.outcome_combo, 0),
                                (note_caption, 0), (self.note_edit, 1),
                                (self.came_back_check, 0), (self.done_button, 0)):
            row.addWidget(widget, stretch)
        box.addLayout(row)
        box.addWidget(self.message_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.done_group)
        self.tree.currentItemChanged.connect(lambda *_: self._on_current())
        self.done_button.clicked.connect(self.mark_done)
        self.note_edit.returnPressed.connect(self.mark_done)

    def show_person(self, person: SignedIn) -> None:
        self.person = person
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list (the clock may have passed midnight)."""
        listed = followup_list.open_followups(now=clock.now())
        self.listed = listed
        current = self.current_item()
        self.tree.clear()
        locale = self.settings.locale
        words = {"overdue": self.tr("overdue"), "today": self.tr("today"),
                 "upcoming": self.tr("upcoming")}
        bold = QFont()
        bold.setBold(True)
        for item in listed.items:
            day = format_date(item.due_on, "medium", locale=locale)
            when = words["today"] if item.when == "today" else f"{day} · {words[item.when]}"
            row = QTreeWidgetItem([when, item.customer_name or self._no_name(item),
                                   item.customer_phone, item.customer_email, item.logged_by,
                                   " ".join(item.description.split())[:140]])
            row.setData(0, Qt.ItemDataRole.UserRole, item.followup_id)
            row.setToolTip(5, item.description)
            if item.when != "upcoming":
                row.setFont(0, bold)
            self.tree.addTopLevelItem(row)
        self.summary_label.setText(
            self.tr("<b>%d due</b> (%d overdue, %d today) · %d upcoming")
            % (listed.due, listed.overdue, listed.due_today, listed.upcoming))
        if not (current and self.select_followup(current.followup_id)):
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        self._on_current()

    def _no_name(self, item: FollowUpItem) -> str:
        if item.customer_id is None:
            return self.tr("(no customer)")
        return "" if item.customer_phone or item.customer_email else self.tr("(erased)")

    def current_item(self) -> FollowUpItem | None:
        row = self.tree.currentItem()
        if row is None or self.listed is None:
            return None
        wanted = row.data(0, Qt.ItemDataRole.UserRole)
        return next((i for i in self.listed.items if i.followup_id == wanted), None)

    def _on_current(self) -> None:
        item = self.current_item()
        self.done_group.setEnabled(item is not None)
        has_customer = item is not None and item.customer_id is not None
        self.came_back_check.setEnabled(has_customer)
        if not has_customer:
            self.came_back_check.setChecked(False)
        show_message(self.message_label, "")

    def select_followup(self, followup_id: int) -> bool:
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is not None and row.data(0, Qt.ItemDataRole.UserRole) == followup_id:
                self.tree.setCurrentItem(row)
                return True
        return False

    def mark_done(self) -> None:
        """Complete the picked follow-up; a refusal is said next to the button."""
        item = self.current_item()
        if item is None or self.person is None:
            return
        try:
            incidents.complete_followup(
                self.person.employee_id, item.followup_id,
                str(self.outcome_combo.currentData()), self.note_edit.text(),
                came_back=self.came_back_check.isChecked(), now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.message_label, str(exc))
            return
        self.note_edit.clear()
        self.came_back_check.setChecked(False)
        self.refresh()
        show_message(self.message_label, self.tr("Done: %s.") % (
            item.customer_name or self.tr("follow-up")), "ok")
        self.changed.emit()
