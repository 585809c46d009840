"""The counter (home) page: my budget this month, the big *Log a recovery* button, my
entries today and the follow-ups that are due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from babel.dates import format_date, format_time
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from recoverydesk.core.months import local_date, month_of
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import clock
from recoverydesk.gui.forms.ui_counter_page import Ui_CounterPage
from recoverydesk.gui.messages import failure_line, restyle, show_message
from recoverydesk.services import business, counter, team
from recoverydesk.services._base import Settings, utcnow
from recoverydesk.services.types import BudgetStatus, SignedIn

_BAR_STEPS = 1000


class CounterPage(QWidget):
    """Shows one signed-in person's counter; :meth:`refresh` re-reads everything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CounterPage()
        self.ui.setupUi(self)
        self.setObjectName("counter_page")
        self.person: SignedIn | None = None
        self.entries_failure = failure_line(self.ui.entries_group.layout())
        self.followups_failure = failure_line(self.ui.followups_group.layout())
        self.ui.budget_bar.setMaximum(_BAR_STEPS)
        header = self.ui.entries_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        header = self.ui.followups_tree.header()
        header.setStretchLastSection(True)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)

    def show_person(self, person: SignedIn) -> None:
        self.person = person
        self.refresh()

    def refresh(self) -> None:
        """Re-read the budget, today's entries and the follow-ups due (after every save)."""
        if self.person is None:
            return
        settings = business.get_settings()
        now = utcnow(clock.now())
        month = month_of(now, settings.tz)
        self.ui.greeting_label.setText(self.person.name)
        month_name = format_date(month.first_day(), "LLLL y", locale=settings.locale)
        self.ui.month_label.setText(self.tr("Recovery budget for %s")
                                    % (month_name[:1].upper() + month_name[1:]))
        employee_id = self.person.employee_id
        # Each part on its own: a row edited behind the app's back (which the services
        # refuse with a sentence) darkens that part, not the whole counter.
        try:
            self._show_budget(team.budget_status(employee_id, month), settings)
        except RecoveryDeskError as exc:
            self._budget_failed(str(exc))
        self._show_list(lambda: self._show_entries(settings), self.ui.entries_tree,
                        self.ui.entries_group, self.tr("My entries today"), self.entries_failure)
        self._show_list(lambda: self._show_followups(settings), self.ui.followups_tree,
                        self.ui.followups_group, self.tr("Follow-ups due"),
                        self.followups_failure, self.ui.followups_label)

    @staticmethod
    def _show_list(show: Callable[[], None], tree: QTreeWidget, group: QGroupBox, title: str,
                   failure: QLabel, *stale: QLabel) -> None:
        """Fill one list, or empty it (and the ``stale`` labels about it) and say why it
        cannot be read."""
        show_message(failure, "")
        try:
            show()
        except RecoveryDeskError as exc:
            tree.clear()
            group.setTitle(title)
            for label in stale:
                label.clear()
            show_message(failure, str(exc))

    def _budget_failed(self, reason: str) -> None:
        self.ui.budget_bar.setValue(0)
        show_message(self.ui.budget_label, self.tr("The budget cannot be shown. %s") % reason)
        self.ui.limit_label.clear()

    def _show_budget(self, status: BudgetStatus, settings: Settings) -> None:
        bar, money = self.ui.budget_bar, settings.money
        if status.allowance_minor is None:
            bar.setValue(0)
            text = self.tr("%s spent this month: no monthly limit") % money(status.spent_minor)
        else:
            allowance = status.allowance_minor
            share = status.spent_minor / allowance if allowance else (1 if status.spent_minor
                                                                      else 0)
            bar.setValue(round(min(share, 1) * _BAR_STEPS))
            remaining = status.remaining_minor or 0
            if remaining >= 0:
                text = self.tr("%s spent of %s: <b>%s left</b>") % (
                    money(status.spent_minor), money(allowance), money(remaining))
            else:
                text = self.tr("%s spent of %s: <b>%s over</b> (owner-approved)") % (
                    money(status.spent_minor), money(allowance), money(-remaining))
        over = status.remaining_minor is not None and status.remaining_minor < 0
        if bar.property("over") != over:
            bar.setProperty("over", over)
            restyle(bar)
        show_message(self.ui.budget_label, text, "plain")  # "plain": no longer an error
        limit = status.per_incident_limit_minor
        self.ui.limit_label.setText(
            self.tr("No per-incident limit") if limit is None
            else self.tr("Up to %s per incident without approval") % money(limit))

    def _show_entries(self, settings: Settings) -> None:
        assert self.person is not None
        entries = counter.my_entries_today(self.person.employee_id, now=clock.now())
        tree = self.ui.entries_tree
        tree.clear()
        for entry in entries:
            local = entry.reported_at.replace(tzinfo=UTC).astimezone(settings.tz)
            spent = settings.money(entry.cost_minor) if entry.cost_minor else ""
            if entry.approved:
                spent += self.tr(" (approved)")
            item = QTreeWidgetItem([format_time(local, "short", locale=settings.locale),
                                    _one_line(entry.description), entry.customer_name, spent])
            item.setToolTip(1, entry.description)
            tree.addTopLevelItem(item)
        self.ui.entries_group.setTitle(self.tr("My entries today: %d") % len(entries))

    def _show_followups(self, settings: Settings) -> None:
        due = counter.followups_due(now=clock.now())
        today = local_date(utcnow(clock.now()), settings.tz)
        tree = self.ui.followups_tree
        tree.clear()
        for item_data in due.items:
            when = (self.tr("today") if item_data.due_on == today
                    else format_date(item_data.due_on, "medium", locale=settings.locale))
            if item_data.overdue:  # said as on the Follow-ups page, and in bold: call first
                when = self.tr("%s · overdue") % when
            item = QTreeWidgetItem([when, item_data.customer_name, item_data.customer_phone,
                                    _one_line(item_data.description)])
            item.setToolTip(3, item_data.description)
            if item_data.overdue:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            tree.addTopLevelItem(item)
        self.ui.followups_group.setTitle(
            self.tr("Follow-ups due: %d") % (due.due_today + due.overdue))
        text = self.tr("%d due today, %d overdue") % (due.due_today, due.overdue)
        if len(due.items) < due.due_today + due.overdue:
            text += self.tr(" (the oldest %d shown)") % len(due.items)
        self.ui.followups_label.setText(text)


def _one_line(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
