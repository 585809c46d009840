"""Settings → Categories and presets: add, rename, (de)activate and reorder the incident
categories and gesture presets the counter offers (SPEC §3). Every change goes through
``services.catalog``, which audits it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QTreeWidgetItem

from recoverydesk.core import money
from recoverydesk.core.domain import GESTURE_KINDS
from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.forms.ui_settings_page import Ui_SettingsPage
from recoverydesk.gui.messages import show_message
from recoverydesk.services import catalog
from recoverydesk.services._base import Settings
from recoverydesk.services.types import CategoryInfo, PresetInfo

KIND_LABELS = {"refund": "Refund", "replacement": "Replacement", "discount": "Discount",
               "free_item": "Free item", "upgrade": "Upgrade", "gift": "Gift", "other": "Other"}


class CatalogEditor(QObject):
    """Drives the categories and presets tab of the settings form ``ui`` for ``owner_id``."""

    def __init__(self, ui: Ui_SettingsPage, settings: Settings,
                 owner_id: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui, self.settings, self.owner_id = ui, settings, owner_id
        self.categories: list[CategoryInfo] = []
        self.presets: list[PresetInfo] = []
        for kind in GESTURE_KINDS:
            ui.preset_kind_combo.addItem(self.tr(KIND_LABELS[kind]), kind)
        example = money.example_amount(settings.currency, settings.locale)
        ui.preset_cost_edit.setPlaceholderText(self.tr("e.g. %s") % example)
        header = ui.presets_tree.header()
        for column in (0, 2, 3, 4, 5):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        ui.categories_list.currentRowChanged.connect(self._on_category)
        ui.presets_tree.currentItemChanged.connect(lambda *_: self._on_preset())
        ui.add_category_button.clicked.connect(self.add_category)
        ui.rename_category_button.clicked.connect(self.rename_category)
        ui.category_active_button.clicked.connect(self.toggle_category)
        ui.category_up_button.clicked.connect(lambda: self.move("categories", -1))
        ui.category_down_button.clicked.connect(lambda: self.move("categories", 1))
        ui.add_preset_button.clicked.connect(lambda: self.save_preset(new=True))
        ui.update_preset_button.clicked.connect(lambda: self.save_preset(new=False))
        ui.preset_active_button.clicked.connect(self.toggle_preset)
        ui.preset_up_button.clicked.connect(lambda: self.move("presets", -1))
        ui.preset_down_button.clicked.connect(lambda: self.move("presets", 1))

    def _messages(self) -> tuple[QLabel, ...]:
        ui = self.ui
        return (ui.category_message, ui.preset_label_message, ui.preset_cost_message,
                ui.preset_value_message, ui.preset_message)

    def clear_messages(self) -> None:
        for label in self._messages():
            show_message(label, "")

    def reload(self, category_id: int | None = None, preset_id: int | None = None) -> None:
        """Re-read both lists (inactive ones too, marked), keeping or setting the selection."""
        ui = self.ui
        if category_id is None and 0 <= ui.categories_list.currentRow() < len(self.categories):
            category_id = self.categories[ui.categories_list.currentRow()].id
        current = ui.presets_tree.currentItem()
        if preset_id is None and current is not None:
            preset_id = int(current.data(0, Qt.ItemDataRole.UserRole))
        self.categories = catalog.list_categories(include_inactive=True)
        self.presets = catalog.list_presets(include_inactive=True)
        ui.categories_list.blockSignals(True)
        ui.categories_list.clear()
        for category in self.categories:
            text = category.name if category.active else self.tr("%s (inactive)") % category.name
            entry = QListWidgetItem(text)
            if not category.active:
                entry.setForeground(ui.categories_list.palette().placeholderText())
            ui.categories_list.addItem(entry)
        row = next((i for i, c in enumerate(self.categories) if c.id == category_id), 0)
        ui.categories_list.setCurrentRow(row if self.categories else -1)
        ui.categories_list.blockSignals(False)
        self._on_category(ui.categories_list.currentRow())

        ui.presets_tree.blockSignals(True)
        ui.presets_tree.clear()
        key = 0
        for preset in self.presets:
            if preset.active:
                key += 1
            fmt = self.settings.money
            row_item = QTreeWidgetItem([
                str(key) if preset.active and key <= 9 else "", preset.label,
                self.tr(KIND_LABELS.get(preset.kind, preset.kind)), fmt(preset.cost_minor),
                "" if preset.value_minor is None else fmt(preset.value_minor),
                self.tr("yes") if preset.active else self.tr("no")])
            row_item.setData(0, Qt.ItemDataRole.UserRole, preset.id)
            for column in (3, 4):
                row_item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
            ui.presets_tree.addTopLevelItem(row_item)
        ui.presets_tree.blockSignals(False)
        row = next((i for i, p in enumerate(self.presets) if p.id == preset_id), 0)
        first = ui.presets_tree.topLevelItem(row)
        if first is not None:
            ui.presets_tree.setCurrentItem(first)
        self._on_preset()

    # --- categories -----------------------------------------------------------------------

    def _category(self) -> CategoryInfo | None:
        row = self.ui.categories_list.currentRow()
        return self.categories[row] if 0 <= row < len(self.categories) else None

    def _on_category(self, _row: int) -> None:
        category = self._category()
        self.ui.category_name_edit.setText(category.name if category else "")
        self.ui.category_active_button.setText(
            self.tr("Deactivate") if category is None or category.active
            else self.tr("Reactivate"))

    def _run(self, label_for: Callable[[str | None], QLabel], call: Callable[[], object]) -> bool:
        """Call a service; a refusal is shown next to its field (``label_for(field)``)."""
        self.clear_messages()
        try:
            call()
        except ValidationError as exc:
            show_message(label_for(exc.field), str(exc))
            return False
        except RecoveryDeskError as exc:
            show_message(label_for(None), str(exc))
            return False
        return True

    def _category_label(self, _field: str | None) -> QLabel:
        return self.ui.category_message

    def add_category(self) -> None:
        owner = self.owner_id()
        name = self.ui.category_name_edit.text()
        created: list[int] = []
        if owner is not None and self._run(self._category_label, lambda: created.append(
                catalog.add_category(owner, name, now=clock.now()))):
            self.reload(category_id=created[0])
            show_message(self.ui.category_message, self.tr("Category added."), "ok")

    def rename_category(self) -> None:
        owner, category = self.owner_id(), self._category()
        if owner is None or category is None:
            return
        name = self.ui.category_name_edit.text()
        if self._run(self._category_label, lambda: catalog.update_category(
                owner, category.id, name=name, now=clock.now())):
            self.reload(category_id=category.id)
            show_message(self.ui.category_message, self.tr("Category renamed."), "ok")

    def toggle_category(self) -> None:
        owner, category = self.owner_id(), self._category()
        if owner is None or category is None:
            return
        if self._run(self._category_label, lambda: catalog.update_category(
                owner, category.id, active=not category.active, now=clock.now())):
            self.reload(category_id=category.id)

    def move(self, what: str, step: int) -> None:
        """Move the selected category or preset one place up (-1) or down (+1)."""
        owner = self.owner_id()
        rows: list = self.categories if what == "categories" else self.presets
        if what == "categories":
            row = self.ui.categories_list.currentRow()
        else:
            item = self.ui.presets_tree.currentItem()
            row = -1 if item is None else self.ui.presets_tree.indexOfTopLevelItem(item)
        if owner is None or not 0 <= row < len(rows) or not 0 <= row + step < len(rows):
            return
        ids = [r.id for r in rows]
        ids[row], ids[row + step] = ids[row + step], ids[row]
        label = self.ui.category_message if what == "categories" else self.ui.preset_message
        if self._run(lambda _f: label, lambda: catalog.reorder(owner, what, ids,
                                                                now=clock.now())):
            if what == "categories":
                self.reload(category_id=ids[row + step])
            else:
                self.reload(preset_id=ids[row + step])

    # --- presets --------------------------------------------------------------------------

    def _preset(self) -> PresetInfo | None:
        item = self.ui.presets_tree.currentItem()
        if item is None:
            return None
        wanted = int(item.data(0, Qt.ItemDataRole.UserRole))
        return next((p for p in self.presets if p.id == wanted), None)

    def _on_preset(self) -> None:
        preset, ui = self._preset(), self.ui
        fmt = self._amount_text
        ui.preset_label_edit.setText(preset.label if preset else "")
        ui.preset_kind_combo.setCurrentIndex(
            max(0, ui.preset_kind_combo.findData(preset.kind)) if preset else 0)
        ui.preset_cost_edit.setText(fmt(preset.cost_minor) if preset else "")
        ui.preset_value_edit.setText(fmt(preset.value_minor) if preset else "")
        ui.preset_active_button.setText(
            self.tr("Deactivate") if preset is None or preset.active else self.tr("Reactivate"))
        for widget in (ui.update_preset_button, ui.preset_active_button):
            widget.setEnabled(preset is not None)

    def _amount_text(self, minor: int | None) -> str:
        if minor is None:
            return ""
        return money.format_amount(minor, self.settings.currency, self.settings.locale)

    def _preset_label(self, field: str | None) -> QLabel:
        ui = self.ui
        return {"label": ui.preset_label_message, "cost": ui.preset_cost_message,
                "value": ui.preset_value_message}.get(field or "", ui.preset_message)

    def _parse(self, text: str, field: str, optional: bool) -> int | None:
        if not text.strip():
            if optional:
                return None
            raise ValidationError(self.tr("Type the cost (0 is allowed), e.g. %s.") % (
                money.example_amount(self.settings.currency, self.settings.locale)), field)
        return money.parse_amount(text, self.settings.currency, self.settings.locale,
                                  field=field)

    def save_preset(self, new: bool) -> None:
        """Add a preset from the fields, or save them onto the selected one."""
        owner, preset, ui = self.owner_id(), self._preset(), self.ui
        if owner is None or (not new and preset is None):
            return
        self.clear_messages()
        amounts: dict[str, int | None] = {}
        for field, edit, optional in (("cost", ui.preset_cost_edit, False),
                                      ("value", ui.preset_value_edit, True)):
            try:
                amounts[field] = self._parse(edit.text(), field, optional)
            except ValidationError as exc:
                show_message(self._preset_label(field), str(exc))
        if len(amounts) < 2:
            return
        cost = amounts["cost"]
        assert cost is not None
        label, kind = ui.preset_label_edit.text(), str(ui.preset_kind_combo.currentData())
        saved: list[int] = []

        def call() -> None:
            if new:
                saved.append(catalog.add_preset(owner, label, kind, cost, amounts["value"],
                                                now=clock.now()))
            else:
                assert preset is not None
                catalog.update_preset(owner, preset.id, label=label, kind=kind,
                                      cost_minor=cost, value_minor=amounts["value"],
                                      now=clock.now())
                saved.append(preset.id)

        if self._run(self._preset_label, call):
            self.reload(preset_id=saved[-1])
            show_message(ui.preset_message, self.tr("Preset added.") if new
                         else self.tr("Preset saved."), "ok")

    def toggle_preset(self) -> None:
        owner, preset = self.owner_id(), self._preset()
        if owner is None or preset is None:
            return
        if self._run(self._preset_label, lambda: catalog.update_preset(
                owner, preset.id, active=not preset.active, now=clock.now())):
            self.reload(preset_id=preset.id)
