"""The budget preview and owner approval of a spend, shared by *Log a recovery* and the
Incidents page's *Add a gesture* (SPEC §4): as the cost is typed, "within your budget" or
"needs owner approval" with which limit and by how much; past a limit, an owner picks their
name and types their PIN in the same dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from recoverydesk.core import money
from recoverydesk.core.budget import Limit, SpendCheck
from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.messages import show_message
from recoverydesk.services import recoveries, team
from recoverydesk.services._base import Settings
from recoverydesk.services.types import Approval, SignedIn


class SpendApproval(QObject):
    """Drives a preview label and an approval box (owner list, PIN field, error label)."""

    def __init__(self, person: SignedIn, settings: Settings, preview_label: QLabel,
                 approval_box: QWidget, owner_combo: QComboBox, pin_edit: QLineEdit,
                 error_label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.person, self.settings = person, settings
        self.preview_label, self.approval_box = preview_label, approval_box
        self.owner_combo, self.pin_edit, self.error_label = owner_combo, pin_edit, error_label
        self._cost_error: QLabel | None = None  # see watch_cost
        for owner in team.list_employees():
            if owner.role == "owner" and owner.active and owner.id != person.employee_id:
                owner_combo.addItem(owner.name, owner.id)
        approval_box.hide()

    def parse(self, text: str, field: str) -> int | None:
        if not text.strip():
            return None
        return money.parse_amount(text, self.settings.currency, self.settings.locale,
                                  field=field)

    def update(self, cost_text: str, incident_id: int | None = None,
               no_cost_text: str = "") -> None:
        """Say whether the typed cost is within budget (on ``incident_id`` if given)."""
        label = self.preview_label
        try:
            cost = self.parse(cost_text, "cost")
        except ValidationError:
            show_message(label, self.tr("Type the cost as an amount, for example %s.")
                         % money.example_amount(self.settings.currency,
                                                self.settings.locale), "hint")
            self.show_approval(False)  # no amount, so nothing for an owner to approve yet
            return
        if cost is None:
            show_message(label, no_cost_text, "hint")
            self.show_approval(False)
            return
        try:
            check = recoveries.preview_gesture(self.person.employee_id, cost, incident_id,
                                               now=clock.now())
        except RecoveryDeskError as exc:  # e.g. a spend edited behind the app's back
            show_message(label, str(exc))
            self.show_approval(False)
            return
        if check.within_limits:
            if check.remaining_after is None:
                text = self.tr("Within your budget (no monthly limit).")
            else:
                text = self.tr("Within your budget: %s left after this.") % (
                    self.settings.money(check.remaining_after))
            show_message(label, text, "ok")
            self.show_approval(False)
        else:
            self.show_over_limit(check)

    def watch_cost(self, cost_edit: QLineEdit, cost_error: QLabel) -> None:
        """One message about the cost at a time: a refused cost is said under the field at
        save, so the preview's general hint gives way; typing again brings the preview back
        and the field's message, now out of date, goes."""
        cost_edit.textEdited.connect(lambda _text: show_message(cost_error, ""))
        self._cost_error = cost_error

    def after_refusal(self) -> None:
        """Call when a save was refused: hides the preview if the cost itself was."""
        if self._cost_error is not None and self._cost_error.text():
            show_message(self.preview_label, "")

    def show_over_limit(self, check: SpendCheck) -> None:
        show_message(self.preview_label, self.over_limit_text(check), "warning")
        self.show_approval(True)

    def over_limit_text(self, check: SpendCheck) -> str:
        parts = []
        for overage in check.overages:
            amount = self.settings.money(overage.over_by)
            if overage.limit is Limit.MONTHLY_ALLOWANCE:
                parts.append(self.tr("over your monthly allowance by %s") % amount)
            else:
                parts.append(self.tr("over your per-incident limit by %s") % amount)
        return self.tr("Needs owner approval: %s.") % self.tr("; ").join(parts)

    def show_approval(self, needed: bool) -> None:
        self.approval_box.setVisible(needed)
        if needed and self.owner_combo.count() == 0:
            show_message(self.error_label, self.tr(
                "No other owner can approve this: lower the amount."))

    @property
    def needed(self) -> bool:
        return self.approval_box.isVisible()

    def approval(self, fail: Callable[[str, str], None]) -> Approval | None:
        """The owner's approval as typed, or None after ``fail("approval", message)``."""
        if self.owner_combo.count() == 0:
            fail("approval", self.tr("No other owner can approve this: lower the amount."))
            return None
        if not self.pin_edit.text():
            fail("approval", self.tr("%s types their PIN to approve, or lower the amount.")
                 % self.owner_combo.currentText())
            return None
        return Approval(int(self.owner_combo.currentData()), self.pin_edit.text())

    def show_refused(self) -> None:
        """After the service said the spend is over a limit and nobody approved it."""
        show_message(self.error_label, self.tr(
            "An owner picks their name and types their PIN, or lower the amount."))

    def show_wrong_pin(self, message: str) -> None:
        self.pin_edit.clear()
        show_message(self.error_label, message)
        self.pin_edit.setFocus()
