"""Wizard page 5: optional staff with their monthly allowance and per-incident limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from recoverydesk.core import money, pins
from recoverydesk.core.domain import MAX_NAME, clean_text
from recoverydesk.errors import ValidationError
from recoverydesk.gui.first_run.fields import error_label, pin_edit
from recoverydesk.gui.first_run.step import Step
from recoverydesk.gui.messages import show_message
from recoverydesk.services import first_run
from recoverydesk.services.types import StaffPlan

if TYPE_CHECKING:
    from recoverydesk.gui.first_run.wizard import SetupWizard


class StaffPage(Step):
    """A row of fields adds one person; each bad value is said under its field. Owners
    added here may have no limit and get a recovery key, shown in the list."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.people: list[StaffPlan] = []
        self._currency: str | None = None  # the one the amounts in ``people`` are in
        self.setTitle(self.tr("Your team (optional)"))
        self.setSubTitle(self.tr("Each person spends from a monthly allowance, at most the "
                                 "per-incident limit on one incident, without asking. Past "
                                 "a limit an owner approves. You can add people later."))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("staff_name_edit")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("staff_role_combo")
        self.role_combo.addItem(self.tr("staff"), "staff")
        self.role_combo.addItem(self.tr("owner"), "owner")
        self.pin_edit = pin_edit("staff_pin_edit")
        self.allowance_edit = QLineEdit()
        self.allowance_edit.setObjectName("staff_allowance_edit")
        self.limit_edit = QLineEdit()
        self.limit_edit.setObjectName("staff_limit_edit")
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("add_staff_button")
        self.errors = {field: error_label(f"staff_{field}_error")
                       for field in ("name", "pin", "allowance", "limit")}
        grid = QGridLayout()
        headers = (self.tr("Name"), self.tr("Role"), self.tr("PIN"),
                   self.tr("Monthly allowance"), self.tr("Per-incident limit"))
        edits = (self.name_edit, self.role_combo, self.pin_edit, self.allowance_edit,
                 self.limit_edit)
        under = (self.errors["name"], None, self.errors["pin"], self.errors["allowance"],
                 self.errors["limit"])
        for column, (header, edit, error) in enumerate(zip(headers, edits, under, strict=True)):
            label = QLabel(header)
            label.setBuddy(edit)
            grid.addWidget(label, 0, column)
            grid.addWidget(edit, 1, column)
            if error is not None:
                grid.addWidget(error, 2, column)
        grid.addWidget(self.add_button, 1, len(edits))
        grid.setColumnStretch(0, 3)
        for column in (2, 3, 4):
            grid.setColumnStretch(column, 2)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("staff_table")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Allowance"), self.tr("Limit"),
                                              self.tr("Recovery key (owners; note it)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        table_header = self.table.horizontalHeader()
        table_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.notice_label = error_label("staff_notice_label")
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("remove_staff_button")
        row = QHBoxLayout()
        row.addWidget(self.notice_label, 1)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_person)
        self.first_field = self.name_edit
        self.remove_button.clicked.connect(self.remove_selected)
        self.role_combo.currentIndexChanged.connect(self._placeholders)

    def initializePage(self) -> None:
        if self.people and self._currency != self.setup.currency:
            self.people.clear()  # amounts in another currency's units mean nothing now
            show_message(self.notice_label, self.tr("The currency changed, so the people "
                                                    "added before were removed: add them "
                                                    "again."), "warning")
        self._currency = self.setup.currency
        self._placeholders()
        self._refill()

    def _placeholders(self) -> None:
        example = money.example_amount(self.setup.currency, self.setup.locale_code)
        owner = self.role_combo.currentData() == "owner"
        for edit in (self.allowance_edit, self.limit_edit):
            edit.setPlaceholderText(self.tr("empty: no limit") if owner else
                                    self.tr("e.g. %s") % example)

    def _amount(self, edit: QLineEdit, field: str, owner: bool) -> int | None:
        if not edit.text().strip():
            if owner:
                return None
            raise ValidationError(self.tr("Enter an amount (0 means every spend needs an "
                                          "owner's approval)."), field)
        return money.parse_amount(edit.text(), self.setup.currency, self.setup.locale_code,
                                  field=field)

    def add_person(self) -> bool:
        """Check the fields and add the person to the list; False with messages if not."""
        for label in self.errors.values():
            show_message(label, "")
        role = str(self.role_combo.currentData())
        owner = role == "owner"
        edits = {"name": self.name_edit, "pin": self.pin_edit,
                 "allowance": self.allowance_edit, "limit": self.limit_edit}
        try:
            name = clean_text(self.name_edit.text(), "name", max_len=MAX_NAME)
            taken = {self.setup.owner_name.casefold(), *(p.name.casefold()
                                                         for p in self.people)}
            if name.casefold() in taken:
                raise ValidationError(self.tr("There is already someone called %s.") % name,
                                      "name")
            pin = pins.validate_pin(self.pin_edit.text())
            allowance = self._amount(self.allowance_edit, "allowance", owner)
            limit = self._amount(self.limit_edit, "limit", owner)
        except ValidationError as exc:
            field = exc.field if exc.field in self.errors else "name"
            show_message(self.errors[field], str(exc))
            edits[field].setFocus()
            return False
        key = first_run.new_recovery_key() if owner else None
        self.people.append(StaffPlan(name, role, pin, allowance, limit, key))
        for edit in edits.values():
            edit.clear()
        self.role_combo.setCurrentIndex(0)
        self._refill()
        self.name_edit.setFocus()
        return True

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.people[row]
        self._refill()

    def _refill(self) -> None:
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            cells = (person.name, self.tr("owner") if person.role == "owner" else
                     self.tr("staff"), self._money(person.allowance_minor),
                     self._money(person.per_incident_limit_minor), person.recovery_key or "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.setup.staff = tuple(self.people)

    def _money(self, minor: int | None) -> str:
        if minor is None:
            return self.tr("no limit")
        return money.format_money(minor, self.setup.currency, self.setup.locale_code)

    def validatePage(self) -> bool:
        """Someone typed but not added is added (or what is wrong is said) and the page
        stays, so Enter adds a person and Enter on empty fields goes on."""
        if self.name_edit.text().strip() or self.pin_edit.text():
            self.add_person()
            return False
        return True
