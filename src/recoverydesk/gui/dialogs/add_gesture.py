"""*Add a gesture* to an existing incident (Incidents page): the same budget rules, live
preview and owner approval by PIN as *Log a recovery* (:class:`SpendApproval`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core import money
from recoverydesk.core.budget import SpendCheck
from recoverydesk.core.domain import GESTURE_KINDS
from recoverydesk.errors import (
    AuthenticationError,
    OverLimit,
    PermissionDenied,
    RecoveryDeskError,
    ValidationError,
)
from recoverydesk.gui import clock
from recoverydesk.gui.dialogs.spend_approval import SpendApproval
from recoverydesk.gui.messages import show_message
from recoverydesk.services import catalog, recoveries
from recoverydesk.services._base import Settings
from recoverydesk.services.types import Approval, GestureInput, SignedIn


def gesture_kind_names(widget: QWidget) -> dict[str, str]:
    tr = widget.tr
    return {"refund": tr("refund"), "replacement": tr("replacement"),
            "discount": tr("discount"), "free_item": tr("free item"), "upgrade": tr("upgrade"),
            "gift": tr("gift"), "other": tr("other")}


class AddGestureDialog(QDialog):
    """Emits :attr:`saved` with the gesture id and closes after a save."""

    saved = Signal(int)

    def __init__(self, person: SignedIn, settings: Settings, incident_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AddGestureDialog")
        self.setWindowTitle(self.tr("Add a gesture to incident %d") % incident_id)
        self.person, self.settings, self.incident_id = person, settings, incident_id
        self.presets = catalog.list_presets()
        self.preset_combo = QComboBox()
        self.preset_combo.addItem(self.tr("(custom gesture)"), None)
        for preset in self.presets:
            self.preset_combo.addItem(f"{preset.label} · {settings.money(preset.cost_minor)}",
                                      preset.id)
        self.kind_combo = QComboBox()
        names = gesture_kind_names(self)
        for kind in GESTURE_KINDS:
            self.kind_combo.addItem(names[kind], kind)
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(self.tr("What we give, e.g. a new dress"))
        example = money.example_amount(settings.currency, settings.locale)
        self.cost_edit = QLineEdit()
        self.cost_edit.setPlaceholderText(self.tr("e.g. %s") % example)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("optional, e.g. %s") % example)
        self.cost_error, self.value_error, self.general_error = QLabel(), QLabel(), QLabel()
        self.preview_label = QLabel()
        self.preview_label.setObjectName("preview_label")
        self.preview_label.setWordWrap(True)

        self.approval_group = QGroupBox(self.tr("Owner approval"))
        self.owner_combo = QComboBox()
        self.owner_pin_edit = QLineEdit()
        self.owner_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.owner_pin_edit.setPlaceholderText(self.tr("Owner's PIN"))
        self.approval_error = QLabel()
        box = QFormLayout(self.approval_group)
        box.addRow(self.tr("Owner"), self.owner_combo)
        box.addRow(self.tr("PIN"), self.owner_pin_edit)
        box.addRow(self.approval_error)
        self.spend = SpendApproval(person, settings, self.preview_label, self.approval_group,
                                   self.owner_combo, self.owner_pin_edit, self.approval_error,
                                   self)

        form = QFormLayout()
        form.addRow(self.tr("Preset"), self.preset_combo)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("What we give"), self.description_edit)
        form.addRow(self.tr("Cost"), self.cost_edit)
        form.addRow("", self.cost_error)
        form.addRow(self.tr("Worth to the customer"), self.value_edit)
        form.addRow("", self.value_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.approval_group)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for label in (self.cost_error, self.value_error, self.general_error,
                      self.approval_error):
            show_message(label, "")

        self.preset_combo.currentIndexChanged.connect(self._on_preset)
        self.cost_edit.textChanged.connect(self.update_preview)
        self.spend.watch_cost(self.cost_edit, self.cost_error)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.update_preview()
        self.resize(520, self.sizeHint().height())

    def _on_preset(self, index: int) -> None:
        if index <= 0:
            return
        preset = self.presets[index - 1]
        fmt = self._amount_text
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(preset.kind)))
        self.description_edit.setText(preset.label)
        self.value_edit.setText("" if preset.value_minor is None else fmt(preset.value_minor))
        self.cost_edit.setText(fmt(preset.cost_minor))

    def _amount_text(self, minor: int) -> str:
        return money.format_amount(minor, self.settings.currency, self.settings.locale)

    def update_preview(self) -> None:
        self.spend.update(self.cost_edit.text(), self.incident_id,
                          no_cost_text=self.tr("Type what the gesture costs (0 if nothing)."))

    def _collect(self) -> tuple[GestureInput, Approval | None] | None:
        for label in (self.cost_error, self.value_error, self.general_error,
                      self.approval_error):
            show_message(label, "")
        problems = False
        labels = {"cost": self.cost_error, "value": self.value_error,
                  "approval": self.approval_error}

        def fail(field: str, message: str) -> None:
            nonlocal problems
            problems = True
            show_message(labels.get(field, self.general_error), message)

        cost = value = None
        try:
            cost = self.spend.parse(self.cost_edit.text(), "cost")
            if cost is None:
                fail("cost", self.tr("Type what the gesture costs (0 if nothing)."))
        except ValidationError as exc:
            fail("cost", str(exc))
        try:
            value = self.spend.parse(self.value_edit.text(), "value")
        except ValidationError as exc:
            fail("value", str(exc))
        approval = self.spend.approval(fail) if self.spend.needed else None
        if problems or cost is None:
            return None
        gesture = GestureInput(str(self.kind_combo.currentData()), cost, value,
                               self.description_edit.text())
        return gesture, approval

    def save(self) -> None:
        collected = self._collect()
        if collected is None:
            self.spend.after_refusal()
            return
        gesture, approval = collected
        try:
            logged = recoveries.add_gesture(self.person.employee_id, self.incident_id, gesture,
                                            approval, now=clock.now())
        except OverLimit as exc:
            if isinstance(exc.check, SpendCheck):
                self.spend.show_over_limit(exc.check)
            self.spend.show_approval(True)
            self.spend.show_refused()
            return
        except AuthenticationError as exc:
            self.spend.show_wrong_pin(str(exc))
            return
        except PermissionDenied as exc:
            show_message(self.approval_error if approval else self.general_error, str(exc))
            return
        except ValidationError as exc:
            label = {"cost": self.cost_error, "value": self.value_error}.get(
                exc.field or "", self.general_error)
            show_message(label, str(exc))
            return
        except RecoveryDeskError as exc:
            show_message(self.general_error, str(exc))
            return
        self.saved.emit(logged.gesture_id)
        self.accept()
