"""The "Log a recovery" dialog (SPEC §7): incident, optional customer, gesture, live budget
preview and, past a limit, an owner's approval with their PIN in the same dialog.

Keys: 1–9 pick a preset while the preset list has focus, Alt+1…9 from anywhere; Enter saves
(Ctrl+Enter from the description). Every problem is said next to its field and nothing is
saved until all are fixed; the save is one service call (one transaction).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QListWidgetItem, QWidget

from recoverydesk.core import money
from recoverydesk.core.budget import SpendCheck
from recoverydesk.core.domain import GESTURE_KINDS, MAX_DESCRIPTION, SEVERITIES, clean_text
from recoverydesk.errors import (
    AuthenticationError,
    OverLimit,
    PermissionDenied,
    RecoveryDeskError,
    ValidationError,
)
from recoverydesk.gui import clock
from recoverydesk.gui.dialogs.customer_picker import CustomerPicker
from recoverydesk.gui.dialogs.spend_approval import SpendApproval
from recoverydesk.gui.forms.ui_log_recovery_dialog import Ui_LogRecoveryDialog
from recoverydesk.gui.messages import show_message
from recoverydesk.services import catalog, recoveries
from recoverydesk.services._base import Settings
from recoverydesk.services.recoveries import IncidentInput
from recoverydesk.services.types import (
    Approval,
    GestureInput,
    PresetInfo,
    RecoveryLogged,
    SignedIn,
)

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class LogRecoveryDialog(QDialog):
    """Emits :attr:`saved` with the :class:`RecoveryLogged` and closes after a save."""

    saved = Signal(object)  # RecoveryLogged

    def __init__(self, person: SignedIn, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_LogRecoveryDialog()
        ui.setupUi(self)
        self.person, self.settings = person, settings
        self.result_logged: RecoveryLogged | None = None
        self.presets: list[PresetInfo] = catalog.list_presets()
        self.customers = CustomerPicker(ui, settings, self)
        self.spend = SpendApproval(person, settings, ui.preview_label, ui.approval_group,
                                   ui.owner_combo, ui.owner_pin_edit, ui.approval_error, self)
        self._errors = {"description": ui.description_error, "category": ui.description_error,
                        "severity": ui.description_error, "cost": ui.cost_error,
                        "kind": ui.cost_error, "gesture_description": ui.cost_error,
                        "value": ui.value_error, "approval": ui.approval_error}
        self._fill_choices()
        example = money.example_amount(settings.currency, settings.locale)
        ui.cost_edit.setPlaceholderText(self.tr("e.g. %s, empty for no gesture") % example)
        ui.value_edit.setPlaceholderText(self.tr("optional, e.g. %s") % example)
        ui.description_edit.setPlaceholderText(self.tr("What went wrong for the customer?"))
        ui.gesture_note_edit.setPlaceholderText(self.tr("e.g. a new dress, a free ticket"))
        for label in (*set(self._errors.values()), ui.general_error):
            show_message(label, "")

        ui.save_button.clicked.connect(self.save)
        ui.cancel_button.clicked.connect(self.reject)
        ui.preset_list.currentRowChanged.connect(self._on_preset_row)
        ui.cost_edit.textEdited.connect(self._on_cost_edited)
        self.spend.watch_cost(ui.cost_edit, ui.cost_error)
        ui.cost_edit.textChanged.connect(self.update_preview)
        ui.description_edit.installEventFilter(self)
        ui.preset_list.installEventFilter(self)
        for row in range(min(9, len(self.presets))):
            shortcut = QShortcut(QKeySequence(f"Alt+{row + 1}"), self)
            shortcut.activated.connect(lambda row=row: self.pick_preset(row))
        self.update_preview()
        ui.description_edit.setFocus()

    def _fill_choices(self) -> None:
        ui = self.ui
        for category in catalog.list_categories():
            ui.category_combo.addItem(category.name, category.id)
        names = {"minor": self.tr("minor"), "major": self.tr("major"),
                 "critical": self.tr("critical")}
        for severity in SEVERITIES:
            ui.severity_combo.addItem(names.get(severity, severity), severity)
        kinds = {"refund": self.tr("refund"), "replacement": self.tr("replacement"),
                 "discount": self.tr("discount"), "free_item": self.tr("free item"),
                 "upgrade": self.tr("upgrade"), "gift": self.tr("gift"),
                 "other": self.tr("other")}
        for kind in GESTURE_KINDS:
            ui.kind_combo.addItem(kinds.get(kind, kind), kind)
        for row, preset in enumerate(self.presets):
            key = f"{row + 1}  " if row < 9 else "    "
            cost = self.settings.money(preset.cost_minor)
            ui.preset_list.addItem(QListWidgetItem(f"{key}{preset.label} · {cost}"))

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if (watched is self.ui.description_edit and key in _ENTER_KEYS
                    and mods & Qt.KeyboardModifier.ControlModifier):
                self.save()
                return True
            if (watched is self.ui.preset_list and key in _DIGIT_KEYS
                    and not mods & ~Qt.KeyboardModifier.KeypadModifier):
                self.pick_preset(_DIGIT_KEYS[key] - 1)
                return True
        return super().eventFilter(watched, event)

    # --- gesture and preview --------------------------------------------------------------

    def pick_preset(self, row: int) -> None:
        """Fill the gesture from preset ``row`` (0-based), as keys 1–9 and Alt+1…9 do."""
        if 0 <= row < len(self.presets):
            if self.ui.preset_list.currentRow() == row:
                self._on_preset_row(row)
            else:
                self.ui.preset_list.setCurrentRow(row)

    def _on_preset_row(self, row: int) -> None:
        if not 0 <= row < len(self.presets):
            return
        preset = self.presets[row]
        ui, fmt = self.ui, self._amount_text
        ui.kind_combo.setCurrentIndex(max(0, ui.kind_combo.findData(preset.kind)))
        ui.gesture_note_edit.setText(preset.label)
        ui.value_edit.setText("" if preset.value_minor is None else fmt(preset.value_minor))
        ui.cost_edit.setText(fmt(preset.cost_minor))
        show_message(ui.cost_error, "")
        show_message(ui.value_error, "")

    def _on_cost_edited(self, _text: str) -> None:
        """Typing a cost makes it a custom gesture: the preset is no longer picked."""
        self.ui.preset_list.setCurrentRow(-1)

    def _amount_text(self, minor: int) -> str:
        return money.format_amount(minor, self.settings.currency, self.settings.locale)

    def _parse(self, text: str, field: str) -> int | None:
        return self.spend.parse(text, field)

    def update_preview(self) -> None:
        """Say, as the cost is typed, whether it is within budget or needs an owner."""
        self.spend.update(self.ui.cost_edit.text(),
                          no_cost_text=self.tr("No gesture: only the incident is logged."))

    def over_limit_text(self, check: SpendCheck) -> str:
        return self.spend.over_limit_text(check)

    # --- saving ---------------------------------------------------------------------------

    def _collect(self) -> tuple[IncidentInput, GestureInput | None, Approval | None] | None:
        """Read every field; show each problem next to its field. None if any."""
        ui, problems = self.ui, False
        for label in (*set(self._errors.values()), ui.general_error):
            show_message(label, "")

        def fail(field: str, message: str) -> None:
            nonlocal problems
            problems = True
            label = self._errors.get(field, ui.general_error)
            if not label.text():
                show_message(label, message)

        try:
            description = clean_text(ui.description_edit.toPlainText(), "description",
                                     max_len=MAX_DESCRIPTION, multiline=True,
                                     label="description of what happened")
        except ValidationError as exc:
            fail("description", str(exc))
            description = ""
        gesture = None
        try:
            cost = self._parse(ui.cost_edit.text(), "cost")
        except ValidationError as exc:
            fail("cost", str(exc))
            cost = None
        try:
            value = self._parse(ui.value_edit.text(), "value")
        except ValidationError as exc:
            fail("value", str(exc))
            value = None
        if ui.value_edit.text().strip() and cost is None and not ui.cost_error.text():
            fail("cost", self.tr("Type the cost too (0 if it costs nothing)."))
        if cost is not None:
            gesture = GestureInput(str(ui.kind_combo.currentData()), cost, value,
                                   ui.gesture_note_edit.text())
        if ui.category_combo.currentData() is None:
            fail("category", self.tr("There is no category to choose: an owner adds one."))
        if not self.customers.validate():
            problems = True
        approval = None
        if gesture is not None and self.spend.needed:
            approval = self.spend.approval(fail)
        if problems:
            return None
        incident = IncidentInput(int(ui.category_combo.currentData()), description,
                                 str(ui.severity_combo.currentData()),
                                 ui.proactive_check.isChecked())
        return incident, gesture, approval

    def save(self) -> None:
        """Save through :func:`recoveries.log_recovery`; on success emit and close."""
        collected = self._collect()
        if collected is None:
            self.spend.after_refusal()
            self._focus_first_problem()
            return
        incident, gesture, approval = collected
        customer_id, new_customer = self.customers.choice()
        ui = self.ui
        try:
            logged = recoveries.log_recovery(
                self.person.employee_id, incident, customer_id=customer_id,
                new_customer=new_customer, gesture=gesture, approval=approval, now=clock.now())
        except OverLimit as exc:
            check = exc.check
            if isinstance(check, SpendCheck):
                self.spend.show_over_limit(check)
            else:
                show_message(ui.preview_label, str(exc), "warning")
                self.spend.show_approval(True)
            self.spend.show_refused()
            (ui.owner_pin_edit if ui.owner_combo.count() else ui.cost_edit).setFocus()
            return
        except AuthenticationError as exc:  # wrong owner PIN or lockout: counted
            self.spend.show_wrong_pin(str(exc))
            return
        except PermissionDenied as exc:
            label = ui.approval_error if approval is not None else ui.general_error
            show_message(label, str(exc))
            return
        except ValidationError as exc:
            if not self.customers.show_error(exc):
                show_message(self._errors.get(exc.field or "", ui.general_error), str(exc))
            self._focus_first_problem()
            return
        except RecoveryDeskError as exc:
            show_message(ui.general_error, str(exc))
            return
        self.result_logged = logged
        self.saved.emit(logged)
        self.accept()

    def _focus_first_problem(self) -> None:
        ui = self.ui
        pairs: list[tuple[QLabel, QWidget]] = [
            (ui.description_error, ui.description_edit), (ui.customer_error, ui.customer_edit),
            (ui.cost_error, ui.cost_edit), (ui.value_error, ui.value_edit),
            (ui.approval_error, ui.owner_pin_edit)]
        for label, widget in pairs:
            if label.text() and widget.isVisible():
                widget.setFocus()
                return
