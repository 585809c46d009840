"""Wizard page 6: incident categories and gesture presets, filled from the business kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from recoverydesk.core import money
from recoverydesk.core.domain import GESTURE_KINDS, MAX_NAME, clean_text
from recoverydesk.errors import ValidationError
from recoverydesk.gui.first_run.fields import error_label
from recoverydesk.gui.first_run.step import Step
from recoverydesk.gui.messages import show_message
from recoverydesk.services import first_run, setup_templates
from recoverydesk.services.types import PresetPlan

if TYPE_CHECKING:
    from recoverydesk.gui.first_run.wizard import SetupWizard

LABEL, KIND, COST, VALUE = range(4)


class ListsPage(Step):
    """Both lists are edited in place (double-click or F2); a bad entry is named under its
    list and selected. Changing the business kind or currency refills them."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self._filled_for: tuple[str, str] | None = None
        self.setTitle(self.tr("Categories and gesture presets"))
        self.setSubTitle(self.tr("Categories sort what went wrong; presets make the usual "
                                 "gestures one keystroke at the counter. Edit them to fit."))
        self.categories_list = QListWidget()
        self.categories_list.setObjectName("categories_list")
        self.first_field = self.categories_list
        self.category_error = error_label("category_error")
        self.add_category_button = QPushButton(self.tr("Add category"))
        self.add_category_button.setObjectName("add_category_button")
        self.remove_category_button = QPushButton(self.tr("Remove"))
        self.remove_category_button.setObjectName("remove_category_button")
        self.presets_table = QTableWidget(0, 4)
        self.presets_table.setObjectName("presets_table")
        self.presets_table.setHorizontalHeaderLabels([
            self.tr("Preset"), self.tr("Kind"), self.tr("Cost to you"),
            self.tr("Worth to the customer")])
        header = self.presets_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        self.presets_table.verticalHeader().hide()
        self.presets_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.preset_error = error_label("preset_error")
        self.add_preset_button = QPushButton(self.tr("Add preset"))
        self.add_preset_button.setObjectName("add_preset_button")
        self.remove_preset_button = QPushButton(self.tr("Remove"))
        self.remove_preset_button.setObjectName("remove_preset_button")
        self._kind_labels = {
            "refund": self.tr("refund"), "replacement": self.tr("replacement"),
            "discount": self.tr("discount"), "free_item": self.tr("free item"),
            "upgrade": self.tr("upgrade"), "gift": self.tr("gift"), "other": self.tr("other")}

        left = QGroupBox(self.tr("Categories"))
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.categories_list, 1)
        left_layout.addWidget(self.category_error)
        left_layout.addLayout(_buttons(self.add_category_button, self.remove_category_button))
        right = QGroupBox(self.tr("Gesture presets (empty worth: not known)"))
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.presets_table, 1)
        right_layout.addWidget(self.preset_error)
        right_layout.addLayout(_buttons(self.add_preset_button, self.remove_preset_button))
        layout = QHBoxLayout(self)
        layout.addWidget(left, 2)
        layout.addWidget(right, 5)
        self.add_category_button.clicked.connect(self.add_category)
        self.remove_category_button.clicked.connect(self._remove_category)
        self.add_preset_button.clicked.connect(lambda: self.add_preset_row(None))
        self.remove_preset_button.clicked.connect(self._remove_preset)

    def initializePage(self) -> None:
        wanted = (self.setup.template_key, self.setup.currency)
        if wanted == self._filled_for:
            return  # keep the owner's edits when they only went back and forth
        self._filled_for = wanted
        template = setup_templates.template(self.setup.template_key)
        self.categories_list.clear()
        for name in template.categories:
            self._category_item(name)
        self.presets_table.setRowCount(0)
        for preset in setup_templates.presets_for(template.key, self.setup.currency):
            self.add_preset_row(preset)
        show_message(self.category_error, "")
        show_message(self.preset_error, "")

    def _category_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.categories_list.addItem(item)
        return item

    def add_category(self) -> None:
        item = self._category_item("")
        self.categories_list.setCurrentItem(item)
        self.categories_list.editItem(item)

    def _remove_category(self) -> None:
        self.categories_list.takeItem(self.categories_list.currentRow())

    def add_preset_row(self, preset: PresetPlan | None) -> int:
        row = self.presets_table.rowCount()
        self.presets_table.insertRow(row)
        kind = QComboBox()
        for name in GESTURE_KINDS:
            kind.addItem(self._kind_labels[name], name)
        kind.setCurrentIndex(kind.findData(preset.kind if preset else "free_item"))
        self.presets_table.setCellWidget(row, KIND, kind)
        fmt = self._amount_text
        for column, text in ((LABEL, preset.label if preset else ""),
                             (COST, fmt(preset.cost_minor) if preset else ""),
                             (VALUE, fmt(preset.value_minor) if preset else "")):
            self.presets_table.setItem(row, column, QTableWidgetItem(text))
        if preset is None:
            self.presets_table.setCurrentCell(row, LABEL)
            self.presets_table.editItem(self.presets_table.item(row, LABEL))  # type: ignore[arg-type]
        return row

    def _amount_text(self, minor: int | None) -> str:
        if minor is None:
            return ""
        return money.format_amount(minor, self.setup.currency, self.setup.locale_code)

    def _remove_preset(self) -> None:
        self.presets_table.removeRow(self.presets_table.currentRow())

    def _cell(self, row: int, column: int) -> str:
        item = self.presets_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _presets(self) -> tuple[PresetPlan, ...]:
        """Parse every row; a ValidationError names the row, and its cell is selected."""
        out = []
        currency, locale = self.setup.currency, self.setup.locale_code
        for row in range(self.presets_table.rowCount()):
            column = LABEL
            try:
                label = clean_text(self._cell(row, LABEL), "label", max_len=MAX_NAME,
                                   label="preset name")
                combo = self.presets_table.cellWidget(row, KIND)
                assert isinstance(combo, QComboBox)
                column = COST
                if not self._cell(row, COST):
                    raise ValidationError(self.tr("Enter what the gesture costs you "
                                                  "(0 if nothing)."), "cost")
                cost = money.parse_amount(self._cell(row, COST), currency, locale,
                                          field="cost")
                column = VALUE
                value = (money.parse_amount(self._cell(row, VALUE), currency, locale,
                                            field="value") if self._cell(row, VALUE) else None)
            except ValidationError as exc:
                self.presets_table.setCurrentCell(row, column)
                raise ValidationError(self.tr("Preset %d: %s") % (row + 1, exc)) from exc
            out.append(PresetPlan(label, str(combo.currentData()), cost, value))
        return tuple(out)

    def validatePage(self) -> bool:
        show_message(self.category_error, "")
        show_message(self.preset_error, "")
        names = [self.categories_list.item(i).text()
                 for i in range(self.categories_list.count())]
        try:
            categories = first_run.check_categories(names)
        except ValidationError as exc:
            show_message(self.category_error, str(exc))
            bad = next((i for i, n in enumerate(names) if not n.strip()), None)
            if bad is not None:
                self.categories_list.setCurrentRow(bad)
            self.categories_list.setFocus()
            return False
        try:
            presets = self._presets()
        except ValidationError as exc:
            show_message(self.preset_error, str(exc))
            self.presets_table.setFocus()
            return False
        self.setup.categories, self.setup.presets = categories, presets
        return True


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
