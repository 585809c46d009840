"""The Incidents page's detail pane: one incident with its gestures (voided ones struck
through with who, when and why), follow-ups and customer, and the actions the signed-in
person may take on it (SPEC §7 Incidents)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from babel.dates import format_date, format_datetime
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QTreeWidgetItem, QWidget

from recoverydesk.core.domain import VOID_OWN_WINDOW_MINUTES
from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui import clock
from recoverydesk.gui.dialogs.add_gesture import AddGestureDialog, gesture_kind_names
from recoverydesk.gui.dialogs.incident_edits import (
    CorrectIncidentDialog,
    FollowUpDialog,
    ResolveDialog,
    VoidGestureDialog,
)
from recoverydesk.gui.forms.ui_incident_detail import Ui_IncidentDetail
from recoverydesk.gui.messages import show_message
from recoverydesk.services import incident_detail
from recoverydesk.services._base import Settings
from recoverydesk.services.incident_detail import GestureLine, IncidentDetail
from recoverydesk.services.types import SignedIn


class IncidentDetailPane(QWidget):
    """Shows :attr:`detail`; emits :attr:`changed` with the incident id after any action."""

    changed = Signal(int)
    dialog_opened = Signal(object)  # the QDialog: the window watches it for activity

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.person: SignedIn | None = None
        self.detail: IncidentDetail | None = None
        self.dialog: QDialog | None = None  # the open action dialog (tests drive it)
        self.kinds = gesture_kind_names(self)
        self.ui = Ui_IncidentDetail()
        self.ui.setupUi(self)
        self.setObjectName("incident_detail")
        self.ui.add_gesture_button.clicked.connect(self.open_add_gesture)
        self.ui.void_button.clicked.connect(self.open_void)
        self.ui.followup_button.clicked.connect(self.open_followup)
        self.ui.resolve_button.clicked.connect(self.open_resolve)
        self.ui.correct_button.clicked.connect(self.open_correct)
        self.ui.gestures_tree.currentItemChanged.connect(lambda *_: self._update_void_button())
        self.show_incident(None)

    # --- showing --------------------------------------------------------------------------

    def show_incident(self, incident_id: int | None) -> None:
        """Read and show one incident (None: an empty pane)."""
        self.detail = None
        failure = ""
        if incident_id is not None and self.person is not None:
            try:
                self.detail = incident_detail.incident_detail(
                    incident_id, self.person.employee_id, now=clock.now())
            except RecoveryDeskError as exc:
                failure = str(exc)
        self._fill()
        if failure:  # after _fill, which clears the message line
            self.ui.header_label.setText(self.tr("This incident cannot be shown."))
            show_message(self.ui.message_label, failure)

    def _fill(self) -> None:
        detail = self.detail
        for button in (self.ui.add_gesture_button, self.ui.followup_button, self.ui.resolve_button,
                       self.ui.correct_button, self.ui.void_button):
            button.setEnabled(detail is not None)
        self.ui.gestures_tree.clear()
        self.ui.followups_tree.clear()
        show_message(self.ui.message_label, "")
        if detail is None:
            self.ui.header_label.setText(self.tr("Pick an incident in the list to see it here."))
            self.ui.customer_label.clear()
            return
        self.ui.header_label.setText(self._header_html(detail))
        self.ui.customer_label.setText(self._customer_html(detail))
        for gesture in detail.gestures:
            item = self._gesture_item(gesture)
            self.ui.gestures_tree.addTopLevelItem(item)
            note = item.child(0)
            if note is not None:
                note.setFirstColumnSpanned(True)
                item.setExpanded(True)
        for followup in detail.followups:
            self.ui.followups_tree.addTopLevelItem(QTreeWidgetItem([
                format_date(followup.due_on, "medium", locale=self.settings.locale),
                self._when(followup.done_at) if followup.done_at else self.tr("open"),
                followup.done_by or "", self._outcome(followup.outcome), followup.note]))
        for tree in (self.ui.gestures_tree, self.ui.followups_tree):
            for column in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(column)
        # Long gesture descriptions keep the cost in view; the full text is in the tooltip.
        self.ui.gestures_tree.setColumnWidth(2, min(self.ui.gestures_tree.columnWidth(2), 200))
        self.ui.resolve_button.setEnabled(detail.status == "open")
        self.ui.correct_button.setVisible(detail.can_correct)
        self._update_void_button()

    def _header_html(self, d: IncidentDetail) -> str:
        severity = {"minor": self.tr("minor"), "major": self.tr("major"),
                    "critical": self.tr("critical")}.get(d.severity, d.severity)
        if d.status == "resolved":
            status = self.tr("resolved %s, customer %s") % (
                self._when(d.resolved_at), self._reaction(d.reaction))
        else:
            status = self.tr("open")
        proactive = self.tr(" · we noticed it first") if d.proactive else ""
        logged = self.tr("Logged by %s, %s") % (d.reported_by, self._when(d.reported_at))
        spent = self.tr("spent %s") % self.settings.money(d.spent_minor)
        text = escape(d.description).replace("\n", "<br>")
        return (f"<span style='font-size:13pt'><b>{self.tr('Incident')} {d.id}</b> · "
                f"{escape(d.category)} · {escape(severity)} · {escape(status)}</span><br>"
                f"{escape(logged)}{escape(proactive)} · {escape(spent)}<p>{text}</p>")

    def _customer_html(self, d: IncidentDetail) -> str:
        c = d.customer
        if c is None:
            return self.tr("<i>No customer (anonymous).</i>")
        if c.erased:
            return self.tr("<i>Customer %d: personal data erased.</i>") % c.id
        contact = " · ".join(escape(p) for p in (c.phone, c.email) if p)
        # A name in a right-to-left script must not turn the whole line around.
        text = (f"{escape(self.tr('Customer:'))} <b>{escape(c.name) or '—'}</b>"
                f"&#x200E; {contact}")
        if c.notes:
            text += "<br>" + escape(self.tr("Delighted by: %s") % c.notes)
        return f"<div dir='ltr'>{text}</div>"

    def _gesture_item(self, g: GestureLine) -> QTreeWidgetItem:
        what = self.kinds.get(g.kind, g.kind) + (f": {g.description}" if g.description else "")
        item = QTreeWidgetItem([self._when(g.created_at), g.employee, what,
                                self.settings.money(g.cost_minor), g.approved_by or ""])
        item.setData(0, Qt.ItemDataRole.UserRole, g.id)
        item.setToolTip(2, what)
        if g.void is not None:
            font = item.font(0)
            font.setStrikeOut(True)
            for column in range(4):
                item.setFont(column, font)
            voided = self.tr("↳ Voided by %s, %s: %s") % (g.void.by, self._when(g.void.at),
                                                          g.void.reason)
            note = QTreeWidgetItem([voided])
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a note, not a gesture to pick
            item.setToolTip(2, f"{what}\n{voided}")
            item.addChild(note)
        return item

    def selected_gesture(self) -> GestureLine | None:
        item = self.ui.gestures_tree.currentItem()
        if item is None or self.detail is None:
            return None
        gesture_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((g for g in self.detail.gestures if g.id == gesture_id), None)

    def _update_void_button(self) -> None:
        gesture = self.selected_gesture()
        self.ui.void_button.setEnabled(gesture is not None and gesture.void is None)
        if gesture is not None and gesture.void is None and not gesture.can_void:
            show_message(self.ui.message_label, self.tr(
                "Only an owner can void this gesture (staff void their own within %d "
                "minutes): an owner types their PIN in the void dialog."
            ) % VOID_OWN_WINDOW_MINUTES, "hint")
        else:
            show_message(self.ui.message_label, "")

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.replace(tzinfo=UTC).astimezone(self.settings.tz)
        return format_datetime(local, "short", locale=self.settings.locale)

    def _reaction(self, reaction: str | None) -> str:
        return {"delighted": self.tr("delighted"), "satisfied": self.tr("satisfied"),
                "still_unhappy": self.tr("still unhappy")}.get(reaction or "", reaction or "")

    def _outcome(self, outcome: str | None) -> str:
        return {"happy": self.tr("happy"), "neutral": self.tr("neutral"),
                "unhappy": self.tr("unhappy"), "unreachable": self.tr("could not reach")
                }.get(outcome or "", outcome or "")

    # --- actions --------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        assert self.detail is not None
        incident_id = self.detail.id
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_action(incident_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _after_action(self, incident_id: int) -> None:
        self.dialog = None
        self.show_incident(incident_id)
        self.changed.emit(incident_id)

    def open_add_gesture(self) -> None:
        if self.detail is not None and self.person is not None:
            self._open(AddGestureDialog(self.person, self.settings, self.detail.id, self))

    def open_void(self) -> None:
        gesture = self.selected_gesture()
        if gesture is not None and gesture.void is None and self.person is not None:
            self._open(VoidGestureDialog(self.person, self.settings, gesture, self))

    def open_followup(self) -> None:
        if self.detail is not None and self.person is not None:
            self._open(FollowUpDialog(self.person, self.settings, self.detail.id, self))

    def open_resolve(self) -> None:
        if self.detail is not None and self.person is not None:
            self._open(ResolveDialog(self.person, self.detail.id, self))

    def open_correct(self) -> None:
        if self.detail is not None and self.person is not None and self.detail.can_correct:
            self._open(CorrectIncidentDialog(self.person, self.detail, self))
