"""The Follow-ups page (SPEC §7): overdue and due today first, then upcoming; mark one done
with its outcome and a note, and record "the customer came back" from here.

The list is :func:`followup_list.open_followups`, which counts "due" exactly as the counter
does, so the two always agree.
"""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from recoverydesk.core.domain import FOLLOWUP_OUTCOMES
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import clock
from recoverydesk.gui.forms.ui_followups_page import Ui_FollowUpsPage
from recoverydesk.gui.messages import show_message
from recoverydesk.services import business, followup_list, incidents
from recoverydesk.services.followup_list import FollowUpItem, FollowUpList
from recoverydesk.services.types import SignedIn


class FollowUpsPage(QWidget):
    """Emits :attr:`changed` after a follow-up was done (the counter's count drops)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_FollowUpsPage()
        ui.setupUi(self)
        self.setObjectName("followups_page")
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.listed: FollowUpList | None = None
        for outcome, text in zip(FOLLOWUP_OUTCOMES, (
                self.tr("happy"), self.tr("neutral"), self.tr("unhappy"),
                self.tr("could not reach")), strict=True):
            ui.outcome_combo.addItem(text, outcome)
        header = ui.followups_tree.header()
        for column, width in enumerate((215, 180, 130, 200, 120)):
            header.resizeSection(column, width)
        show_message(ui.message_label, "")
        ui.followups_tree.currentItemChanged.connect(lambda *_: self._on_current())
        ui.done_button.clicked.connect(self.mark_done)
        ui.note_edit.returnPressed.connect(self.mark_done)

    def show_person(self, person: SignedIn) -> None:
        self.person = person
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list (the clock may have passed midnight)."""
        try:
            listed = followup_list.open_followups(now=clock.now())
        except RecoveryDeskError as exc:  # a row edited behind the app's back
            self.listed = None
            self.ui.followups_tree.clear()
            self.ui.summary_label.clear()
            self._on_current()  # nothing to mark done
            show_message(self.ui.message_label, str(exc))  # after: _on_current clears it
            return
        self.listed = listed
        current = self.current_item()
        self.ui.followups_tree.clear()
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
            self.ui.followups_tree.addTopLevelItem(row)
        self.ui.summary_label.setText(
            self.tr("<b>%d due</b> (%d overdue, %d today) · %d upcoming")
            % (listed.due, listed.overdue, listed.due_today, listed.upcoming))
        if not (current and self.select_followup(current.followup_id)):
            first = self.ui.followups_tree.topLevelItem(0)
            if first is not None:
                self.ui.followups_tree.setCurrentItem(first)
        self._on_current()

    def _no_name(self, item: FollowUpItem) -> str:
        if item.customer_id is None:
            return self.tr("(no customer)")
        return "" if item.customer_phone or item.customer_email else self.tr("(erased)")

    def current_item(self) -> FollowUpItem | None:
        row = self.ui.followups_tree.currentItem()
        if row is None or self.listed is None:
            return None
        wanted = row.data(0, Qt.ItemDataRole.UserRole)
        return next((i for i in self.listed.items if i.followup_id == wanted), None)

    def _on_current(self) -> None:
        item = self.current_item()
        self.ui.done_group.setEnabled(item is not None)
        has_customer = item is not None and item.customer_id is not None
        self.ui.came_back_check.setEnabled(has_customer)
        if not has_customer:
            self.ui.came_back_check.setChecked(False)
        show_message(self.ui.message_label, "")

    def select_followup(self, followup_id: int) -> bool:
        for index in range(self.ui.followups_tree.topLevelItemCount()):
            row = self.ui.followups_tree.topLevelItem(index)
            if row is not None and row.data(0, Qt.ItemDataRole.UserRole) == followup_id:
                self.ui.followups_tree.setCurrentItem(row)
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
                str(self.ui.outcome_combo.currentData()), self.ui.note_edit.text(),
                came_back=self.ui.came_back_check.isChecked(), now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.ui.message_label, str(exc))
            return
        self.ui.note_edit.clear()
        self.ui.came_back_check.setChecked(False)
        self.refresh()
        show_message(self.ui.message_label, self.tr("Done: %s.") % (
            item.customer_name or self.tr("follow-up")), "ok")
        self.changed.emit()
