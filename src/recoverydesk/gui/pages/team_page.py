"""The Team page (owners, SPEC §7): every employee with this month's allowance, limit, spend
and what is left; adding people, (de)activating them, budgets from a chosen month with their
history, and PIN resets confirmed with the owner's own PIN."""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QTreeWidgetItem, QWidget

from recoverydesk.core import money
from recoverydesk.core.months import Month
from recoverydesk.errors import AuthenticationError, RecoveryDeskError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.forms.ui_team_page import Ui_TeamPage
from recoverydesk.gui.messages import failure_line, restyle, show_message
from recoverydesk.services import auth, business, team
from recoverydesk.services.team_view import current_month, team_overview
from recoverydesk.services.types import BudgetInfo, SignedIn, TeamMember

_BAR_STEPS = 1000
_MONTHS_AHEAD = 12


class TeamPage(QWidget):
    """Emits :attr:`changed` after a budget or an employee changed (the counter re-reads)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.members: list[TeamMember] = []
        self.month = current_month(clock.now())
        self._month_before_hire: int | None = None  # see _month_for
        self.ui = ui = Ui_TeamPage()
        ui.setupUi(self)
        self.setObjectName("team_page")
        ui.month_label.setObjectName("month_label")
        ui.new_role_combo.addItem(self.tr("Staff"), "staff")
        ui.new_role_combo.addItem(self.tr("Owner"), "owner")
        example = money.example_amount(self.settings.currency, self.settings.locale)
        for edit in (ui.allowance_edit, ui.limit_edit):
            edit.setPlaceholderText(self.tr("e.g. %s") % example)
        header = ui.team_tree.header()
        header.setStretchLastSection(True)
        for column in range(7):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        history = ui.history_tree.header()
        for column in range(4):
            history.setSectionResizeMode(column, history.ResizeMode.ResizeToContents)
        for label in self._messages():
            show_message(label, "")
        self.list_failure = failure_line(ui.list_layout, 1)  # under the month line
        ui.team_tree.currentItemChanged.connect(lambda *_: self._show_selected())
        ui.add_button.clicked.connect(self.add_employee)
        ui.active_button.clicked.connect(self.toggle_active)
        ui.budget_button.clicked.connect(self.save_budget)
        ui.reset_pin_button.clicked.connect(self.reset_pin)
        ui.from_month_combo.currentIndexChanged.connect(lambda _i: self._fill_budget())
        ui.no_limit_check.toggled.connect(self._on_no_limit)

    def _messages(self) -> tuple[QLabel, ...]:
        ui = self.ui
        return (ui.new_name_message, ui.new_pin_message, ui.add_message, ui.active_message,
                ui.allowance_message, ui.limit_message, ui.budget_message,
                ui.reset_pin_message, ui.owner_pin_message)

    def _clear_detail_messages(self) -> None:
        """Before an action on the selected employee: only its own outcome shows. The add
        line stays, since it may hold a new owner's recovery key, shown once."""
        for label in self._messages()[3:]:
            show_message(label, "")

    # --- the list -------------------------------------------------------------------------

    def show_person(self, person: SignedIn) -> None:
        self.person = person
        self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        """Re-read the team for the current month, keeping the selected employee."""
        if keep is None:
            keep = self.selected_id()
        self.month = current_month(clock.now())
        try:
            self.members = team_overview(self.month)
        except RecoveryDeskError as exc:  # a spend or budget edited behind the app's back
            self.members = []
            show_message(self.list_failure, str(exc))
        else:
            show_message(self.list_failure, "")
        self.ui.month_label.setText(self.tr("This month's budgets and use: %s")
                                    % self._month_name(str(self.month)))
        self._fill_months()
        tree = self.ui.team_tree
        tree.blockSignals(True)
        tree.clear()
        for member in self.members:
            item = QTreeWidgetItem(self._row_texts(member))
            item.setData(0, Qt.ItemDataRole.UserRole, member.id)
            for column in range(3, 7):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
            tree.setItemWidget(item, 7, self._use_bar(member))
        tree.blockSignals(False)
        row = next((i for i, m in enumerate(self.members) if m.id == keep), 0)
        current = tree.topLevelItem(row)
        if current is not None:
            tree.setCurrentItem(current)
        self._show_selected()

    def _row_texts(self, member: TeamMember) -> list[str]:
        status, fmt = member.status, self._money
        role = self.tr("Owner") if member.role == "owner" else self.tr("Staff")
        return [member.name, role, self.tr("yes") if member.active else self.tr("no"),
                fmt(status.allowance_minor), fmt(status.per_incident_limit_minor),
                fmt(status.spent_minor), fmt(status.remaining_minor), ""]

    def _money(self, minor: int | None) -> str:
        return self.tr("no limit") if minor is None else self.settings.money(minor)

    def _use_bar(self, member: TeamMember) -> QProgressBar:
        bar = QProgressBar()
        bar.setObjectName("use_bar")
        bar.setMaximum(_BAR_STEPS)
        bar.setTextVisible(False)
        allowance, spent = member.status.allowance_minor, member.status.spent_minor
        if allowance is None:
            share = 0.0
        else:
            share = spent / allowance if allowance else (1.0 if spent else 0.0)
        bar.setValue(round(min(share, 1.0) * _BAR_STEPS))
        bar.setProperty("over", allowance is not None and spent > allowance)
        restyle(bar)
        return bar

    def selected_id(self) -> int | None:
        item = self.ui.team_tree.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def selected(self) -> TeamMember | None:
        wanted = self.selected_id()
        return next((m for m in self.members if m.id == wanted), None)

    def select(self, name: str) -> None:
        row = next(i for i, m in enumerate(self.members) if m.name == name)
        item = self.ui.team_tree.topLevelItem(row)
        assert item is not None
        self.ui.team_tree.setCurrentItem(item)

    # --- the selected employee ------------------------------------------------------------

    def _fill_months(self) -> None:
        """This month and the next twelve; next month is the default (SPEC §4: past months
        keep their budget), except for someone with no budget yet (see _month_for)."""
        combo = self.ui.from_month_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        month = self.month
        for _ in range(_MONTHS_AHEAD + 1):
            combo.addItem(self._month_name(str(month)), str(month))
            month = month.next()
        index = combo.findData(chosen) if chosen else -1
        combo.setCurrentIndex(index if index >= 0 else 1)
        combo.blockSignals(False)

    def _show_selected(self) -> None:
        member = self.selected()
        ui = self.ui
        ui.detail_group.setEnabled(member is not None)
        self._clear_detail_messages()
        if member is None:
            return
        ui.detail_group.setTitle(member.name)
        status = member.status
        left = ("" if status.remaining_minor is None
                else self.tr(", %s left") % self.settings.money(status.remaining_minor))
        state = self.tr("Active") if member.active else self.tr("Inactive: cannot sign in")
        ui.active_label.setText(self.tr("%s · %s spent this month%s") % (
            state, self.settings.money(status.spent_minor), left))
        ui.active_button.setText(self.tr("&Deactivate") if member.active
                                 else self.tr("Re&activate"))
        ui.no_limit_check.setVisible(member.role == "owner")
        history = team.budget_history(member.id)
        self._month_for(has_budget=bool(history))
        self._fill_budget()
        ui.history_tree.clear()
        in_force = self._budget_in(member, self.month)
        for change in reversed(history):
            planned = Month.parse(change.effective_month) > self.month
            note = (self.tr("planned") if planned
                    else self.tr("in force now") if change == in_force else "")
            ui.history_tree.addTopLevelItem(QTreeWidgetItem([
                self._month_name(change.effective_month),
                self._money(change.allowance_minor),
                self._money(change.per_incident_limit_minor), note]))

    def _month_for(self, *, has_budget: bool) -> None:
        """Someone with no budget yet (just hired) needs one this month, not next: the later
        default is for changing a budget already in force. The month chosen before comes
        back with the next employee who has one."""
        combo = self.ui.from_month_combo
        combo.blockSignals(True)
        if not has_budget:
            if self._month_before_hire is None:
                self._month_before_hire = combo.currentIndex()
            combo.setCurrentIndex(0)
        elif self._month_before_hire is not None:
            combo.setCurrentIndex(self._month_before_hire)
            self._month_before_hire = None
        combo.blockSignals(False)

    def _month_name(self, key: str) -> str:
        """"November 2026" in the business locale (some locales write months in lower case;
        standing alone, the name starts a line)."""
        name = format_date(Month.parse(key).first_day(), "LLLL y", locale=self.settings.locale)
        return name[:1].upper() + name[1:]

    def _budget_in(self, member: TeamMember, month: Month) -> BudgetInfo | None:
        history = [b for b in team.budget_history(member.id)
                   if Month.parse(b.effective_month) <= month]
        return history[-1] if history else None

    def _fill_budget(self) -> None:
        """Show the budget in force in the chosen month, ready to be changed."""
        member = self.selected()
        if member is None or self.ui.from_month_combo.currentData() is None:
            return
        budget = self._budget_in(member, Month.parse(self.ui.from_month_combo.currentData()))
        no_limit = member.role == "owner" and (
            budget is None or budget.allowance_minor is None)
        self.ui.no_limit_check.setChecked(no_limit)
        allowance = None if budget is None else budget.allowance_minor
        limit = None if budget is None else budget.per_incident_limit_minor
        for edit, value in ((self.ui.allowance_edit, allowance), (self.ui.limit_edit, limit)):
            edit.setText("" if value is None else money.format_amount(
                value, self.settings.currency, self.settings.locale))
        self._on_no_limit(no_limit)

    def _on_no_limit(self, checked: bool) -> None:
        for edit in (self.ui.allowance_edit, self.ui.limit_edit):
            edit.setEnabled(not checked)

    # --- actions --------------------------------------------------------------------------

    def add_employee(self) -> None:
        """Add the typed employee; each bad input is said next to its field."""
        ui = self.ui
        for label in self._messages():  # an earlier "Saved" must not sit beside this one's
            show_message(label, "")      # errors
        if self.person is None:
            return
        pin = ui.new_pin_edit.text()
        if pin != ui.new_pin_again_edit.text():
            show_message(ui.new_pin_message, self.tr("The two PINs differ: type the same PIN "
                                                     "twice."))
            ui.new_pin_again_edit.setFocus()
            return
        try:
            added = team.add_employee(self.person.employee_id, ui.new_name_edit.text(),
                                      str(ui.new_role_combo.currentData()), pin,
                                      now=clock.now())
        except ValidationError as exc:
            target = ui.new_pin_message if exc.field == "pin" else ui.new_name_message
            show_message(target, str(exc))
            return
        except RecoveryDeskError as exc:
            show_message(ui.add_message, str(exc))
            return
        name = " ".join(ui.new_name_edit.text().split())
        for edit in (ui.new_name_edit, ui.new_pin_edit, ui.new_pin_again_edit):
            edit.clear()
        self.refresh(keep=added.id)
        text = self.tr("%s was added. Set their budget on the right.") % name
        if added.recovery_key:
            text += self.tr(" Recovery key (shown once: print it or write it down): %s") % (
                added.recovery_key)
            ui.add_message.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse)
        show_message(ui.add_message, text, "ok")
        self.changed.emit()

    def toggle_active(self) -> None:
        member = self.selected()
        self._clear_detail_messages()
        if member is None or self.person is None:
            return
        try:
            team.set_active(self.person.employee_id, member.id, not member.active,
                            now=clock.now())
        except RecoveryDeskError as exc:
            show_message(self.ui.active_message, str(exc))
            return
        self.refresh(keep=member.id)
        show_message(self.ui.active_message,
                     self.tr("%s can sign in again.") % member.name if not member.active
                     else self.tr("%s can no longer sign in; their history stays.")
                     % member.name, "ok")
        self.changed.emit()

    def _parse(self, text: str, field: str) -> int:
        if not text.strip():
            raise ValidationError(self.tr("Type an amount (0 is allowed), e.g. %s.") % (
                money.example_amount(self.settings.currency, self.settings.locale)), field)
        return money.parse_amount(text, self.settings.currency, self.settings.locale,
                                  field=field)

    def save_budget(self) -> None:
        """Set the chosen month's allowance and per-incident limit (and later months')."""
        member, ui = self.selected(), self.ui
        self._clear_detail_messages()
        if member is None or self.person is None:
            return
        allowance: int | None = None
        limit: int | None = None
        fields = {"allowance": ui.allowance_message, "per_incident_limit": ui.limit_message}
        try:
            if not (ui.no_limit_check.isVisible() and ui.no_limit_check.isChecked()):
                failed = False
                for field, edit in (("allowance", ui.allowance_edit),
                                    ("per_incident_limit", ui.limit_edit)):
                    try:
                        value = self._parse(edit.text(), field)
                    except ValidationError as exc:
                        show_message(fields[field], str(exc))
                        failed = True
                        continue
                    if field == "allowance":
                        allowance = value
                    else:
                        limit = value
                if failed:
                    return
            month = Month.parse(str(ui.from_month_combo.currentData()))
            team.set_budget(self.person.employee_id, member.id, month, allowance, limit,
                            now=clock.now())
        except ValidationError as exc:
            show_message(fields.get(exc.field or "", ui.budget_message), str(exc))
            return
        except RecoveryDeskError as exc:
            show_message(ui.budget_message, str(exc))
            return
        self.refresh(keep=member.id)
        show_message(ui.budget_message, self.tr("Saved: in force from %s; earlier months keep "
                                                "their budget.") % self._month_name(str(month)),
                     "ok")
        self.changed.emit()

    def reset_pin(self) -> None:
        """Give the selected employee a new PIN; the signed-in owner types theirs to confirm."""
        member, ui = self.selected(), self.ui
        self._clear_detail_messages()
        if member is None or self.person is None:
            return
        new_pin = ui.reset_pin_edit.text()
        if new_pin != ui.reset_pin_again_edit.text():
            show_message(ui.reset_pin_message, self.tr("The two PINs differ: type the same "
                                                       "new PIN twice."))
            return
        if not ui.owner_pin_edit.text():
            show_message(ui.owner_pin_message, self.tr("Type your own PIN to confirm."))
            ui.owner_pin_edit.setFocus()
            return
        try:
            auth.reset_pin(self.person.employee_id, ui.owner_pin_edit.text(), member.id,
                           new_pin, now=clock.now())
        except ValidationError as exc:
            show_message(ui.reset_pin_message, str(exc))
            return
        except AuthenticationError as exc:
            ui.owner_pin_edit.clear()
            show_message(ui.owner_pin_message, str(exc))
            ui.owner_pin_edit.setFocus()
            return
        except RecoveryDeskError as exc:
            show_message(ui.owner_pin_message, str(exc))
            return
        for edit in (ui.reset_pin_edit, ui.reset_pin_again_edit, ui.owner_pin_edit):
            edit.clear()
        show_message(ui.owner_pin_message, self.tr("%s has a new PIN.") % member.name, "ok")
