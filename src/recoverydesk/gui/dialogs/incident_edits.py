"""The Incidents page's small dialogs: void a gesture, add a follow-up, resolve, correct.

Each one calls one service with the window's clock; a refusal (bad input, no right) is shown
in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core.domain import REACTIONS, SEVERITIES, VOID_OWN_WINDOW_MINUTES
from recoverydesk.core.months import local_date
from recoverydesk.errors import (
    AuthenticationError,
    PermissionDenied,
    RecoveryDeskError,
    ValidationError,
)
from recoverydesk.gui import clock
from recoverydesk.gui.messages import show_message
from recoverydesk.services import catalog, customers, incidents, owner_voids, recoveries, team
from recoverydesk.services._base import Settings, utcnow
from recoverydesk.services.incident_detail import GestureLine, IncidentDetail
from recoverydesk.services.types import Approval, SignedIn


class _ActionDialog(QDialog):
    """A form, a message line and OK/Cancel; OK runs :meth:`act`, which raises on refusal."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        show_message(self.error_label, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def act(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        try:
            self.act()
        except RecoveryDeskError as exc:
            show_message(self.error_label, str(exc))
            return
        self.accept()


class VoidGestureDialog(_ActionDialog):
    """Void one gesture with a reason. Its author may within 10 minutes; otherwise an owner
    does, or, at a staff member's screen, types their PIN here (:mod:`owner_voids`)."""

    def __init__(self, person: SignedIn, settings: Settings, gesture: GestureLine,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Void a gesture"), parent)
        self.person, self.gesture = person, gesture
        self.needs_owner = not gesture.can_void
        what = gesture.description or gesture.kind
        intro = QLabel(self.tr("Void “%s” (%s) by %s? It stops counting against the budget; "
                               "it stays visible, struck through.")
                       % (what, settings.money(gesture.cost_minor), gesture.employee))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why, e.g. typed the wrong amount"))
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.owner_combo = QComboBox()
        self.owner_pin_edit = QLineEdit()
        self.owner_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.owner_pin_edit.setPlaceholderText(self.tr("Owner's PIN"))
        if self.needs_owner:
            for owner in team.list_employees():
                if owner.role == "owner" and owner.id != person.employee_id:
                    self.owner_combo.addItem(owner.name, owner.id)
            note = QLabel(self.tr("Only an owner can void this (staff void their own gesture "
                                  "within %d minutes): an owner picks their name and types "
                                  "their PIN.") % VOID_OWN_WINDOW_MINUTES)
            note.setWordWrap(True)
            self.form.addRow(note)
            self.form.addRow(self.tr("Owner"), self.owner_combo)
            self.form.addRow(self.tr("PIN"), self.owner_pin_edit)
        self.resize(480, self.sizeHint().height())

    def act(self) -> None:
        if not self.needs_owner:
            recoveries.void_gesture(self.person.employee_id, self.gesture.id,
                                    self.reason_edit.text(), now=clock.now())
            return
        if self.owner_combo.count() == 0:
            raise PermissionDenied(self.tr("No other owner can approve this void."))
        if not self.owner_pin_edit.text():
            raise ValidationError(self.tr("%s types their PIN to void this.")
                                  % self.owner_combo.currentText(), "approval")
        approval = Approval(int(self.owner_combo.currentData()), self.owner_pin_edit.text())
        try:
            owner_voids.void_with_owner_pin(self.person.employee_id, self.gesture.id,
                                            self.reason_edit.text(), approval,
                                            now=clock.now())
        except AuthenticationError:
            self.owner_pin_edit.clear()
            raise


class FollowUpDialog(_ActionDialog):
    """Schedule a follow-up on a business-local date (today up to a year ahead)."""

    def __init__(self, person: SignedIn, settings: Settings, incident_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a follow-up"), parent)
        self.person, self.incident_id = person, incident_id
        today = local_date(utcnow(clock.now()), settings.tz)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(_qdate(today + timedelta(days=settings.followup_delay_days)))
        self.form.addRow(self.tr("Due on"), self.date_edit)

    def act(self) -> None:
        picked = self.date_edit.date()
        due = date(picked.year(), picked.month(), picked.day())
        incidents.add_followup(self.person.employee_id, self.incident_id, due, now=clock.now())


class ResolveDialog(_ActionDialog):
    """Close the incident with the customer's reaction at the end."""

    def __init__(self, person: SignedIn, incident_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resolve incident %d") % incident_id, parent)
        self.person, self.incident_id = person, incident_id
        self.reaction_combo = QComboBox()
        for reaction, text in zip(REACTIONS, (self.tr("delighted"), self.tr("satisfied"),
                                              self.tr("still unhappy")), strict=True):
            self.reaction_combo.addItem(text, reaction)
        self.form.addRow(self.tr("The customer's reaction"), self.reaction_combo)

    def act(self) -> None:
        incidents.resolve_incident(self.person.employee_id, self.incident_id,
                                   str(self.reaction_combo.currentData()), now=clock.now())


class CorrectIncidentDialog(_ActionDialog):
    """Correct what happened, the category, severity or customer (audited old → new)."""

    def __init__(self, person: SignedIn, detail: IncidentDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Correct incident %d") % detail.id, parent)
        self.person, self.detail = person, detail
        self.description_edit = QPlainTextEdit(detail.description)
        self.category_combo = QComboBox()
        for category in catalog.list_categories(include_inactive=True):
            if category.active or category.id == detail.category_id:
                self.category_combo.addItem(category.name, category.id)
        self.category_combo.setCurrentIndex(self.category_combo.findData(detail.category_id))
        self.severity_combo = QComboBox()
        for severity, text in zip(SEVERITIES, (self.tr("minor"), self.tr("major"),
                                               self.tr("critical")), strict=True):
            self.severity_combo.addItem(text, severity)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(detail.severity))
        self.customer_id = detail.customer.id if detail.customer else None
        self._customer_name = ""
        self.customer_label = QLabel()
        self.customer_edit = QLineEdit()
        self.customer_edit.setPlaceholderText(self.tr("Type a name or phone to change"))
        self.matches_list = QListWidget()
        self.matches_list.setMaximumHeight(110)
        self.matches_list.hide()
        self.no_customer_check = QCheckBox(self.tr("No customer (anonymous)"))
        self.form.addRow(self.tr("What happened"), self.description_edit)
        self.form.addRow(self.tr("Category"), self.category_combo)
        self.form.addRow(self.tr("Severity"), self.severity_combo)
        self.form.addRow(self.tr("Customer"), self.customer_label)
        self.form.addRow("", self.customer_edit)
        self.form.addRow("", self.matches_list)
        self.form.addRow("", self.no_customer_check)
        self._show_customer(detail.customer.name if detail.customer else "")
        self.customer_edit.textEdited.connect(self._search)
        self.matches_list.itemClicked.connect(self._pick)
        self.no_customer_check.toggled.connect(
            lambda _on: self._show_customer(self._customer_name))
        self.resize(560, self.sizeHint().height())

    def _show_customer(self, name: str) -> None:
        self._customer_name = name
        if self.no_customer_check.isChecked() or self.customer_id is None:
            self.customer_label.setText(self.tr("none"))
        else:
            self.customer_label.setText(name or self.tr("(erased)"))

    def _search(self, text: str) -> None:
        self.matches_list.clear()
        for match in customers.search_customers(text) if text.strip() else []:
            item = QListWidgetItem(" · ".join(p for p in (match.name, match.phone,
                                                          match.email) if p))
            item.setData(Qt.ItemDataRole.UserRole, (match.id, match.name or match.phone))
            self.matches_list.addItem(item)
        self.matches_list.setVisible(self.matches_list.count() > 0)

    def _pick(self, item: QListWidgetItem) -> None:
        customer_id, name = item.data(Qt.ItemDataRole.UserRole)
        self.customer_id = customer_id
        self.no_customer_check.setChecked(False)
        self.matches_list.hide()
        self.customer_edit.clear()
        self._show_customer(name)

    def act(self) -> None:
        changes: dict[str, Any] = {
            "description": self.description_edit.toPlainText(),
            "category_id": int(self.category_combo.currentData()),
            "severity": str(self.severity_combo.currentData()),
        }
        customer = None if self.no_customer_check.isChecked() else self.customer_id
        current = self.detail.customer.id if self.detail.customer else None
        if customer != current:
            changes["customer_id"] = customer
        incidents.correct_incident(self.person.employee_id, self.detail.id, now=clock.now(),
                                   **changes)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


