"""The Audit log page (SPEC §3, §7; owners only): the tamper-evident log, read-only.

Filters: action (or its family), employee, a range of business-local days and free text in
the action and details. The list is :class:`AuditListModel`, fetched a page at a time as it
scrolls; the pane at the right shows the picked entry with its JSON payload. *Check chain*
recomputes every hash in a worker and says "intact (N entries)" or names the first broken
entry, which it then shows at the top of the list, selected.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QDate, QItemSelection, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui.errors import show_error
from recoverydesk.gui.forms.ui_audit_page import Ui_AuditPage
from recoverydesk.gui.messages import counted, show_message
from recoverydesk.gui.pages.audit_model import AuditListModel
from recoverydesk.gui.workers import Task
from recoverydesk.services import audit_view, business, team
from recoverydesk.services.audit_view import AuditFilter, AuditRow, ChainCheck
from recoverydesk.services.types import SignedIn

TYPING_PAUSE_MS = 250
NO_DAY = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any day"


class AuditPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.chain_task: Task | None = None
        self.last_check: ChainCheck | None = None
        self._up_to_seq: int | None = None  # set while a broken entry is shown first
        self.model = AuditListModel(self.settings, self)
        self.ui = ui = Ui_AuditPage()
        ui.setupUi(self)
        self.setObjectName("audit_page")
        show_message(ui.filter_error, "")
        show_message(ui.chain_label, "")
        self.table = ui.audit_table
        self.table.setModel(self.model)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        for column, width in enumerate((60, 130, 140, 150, 120)):
            self.table.setColumnWidth(column, width)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([860, 470])
        for edit in (ui.since_edit, ui.until_edit):
            edit.setMinimumDate(NO_DAY)
            edit.setSpecialValueText(self.tr("any day"))
            edit.setDate(NO_DAY)
            edit.dateChanged.connect(lambda _day: self.apply_filter())
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply_filter)
        ui.text_edit.textEdited.connect(lambda _text: self._typing.start())
        ui.text_edit.returnPressed.connect(self.apply_filter)
        for combo in (ui.action_combo, ui.employee_combo):
            combo.activated.connect(lambda _index: self.apply_filter())
        ui.check_button.clicked.connect(self.check_chain)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._after_reset)
        self.model.say_failures_on(self.ui.filter_error)
        self.model.rowsInserted.connect(lambda *_args: self._show_count())

    def show_person(self, person: SignedIn) -> None:
        self.person = person
        self._fill_choices()
        self.apply_filter()

    def refresh(self) -> None:
        self._fill_choices()
        self.apply_filter()

    def _fill_choices(self) -> None:
        """Actions recorded so far (by family and exactly) and every employee."""
        keep_action = self.ui.action_combo.currentData()
        keep_employee = self.ui.employee_combo.currentData()
        actions = audit_view.audit_actions()
        families = sorted({a.split(".")[0] for a in actions if "." in a} - set(actions))
        self.ui.action_combo.clear()
        self.ui.action_combo.addItem(self.tr("Any action"), "")
        for family in families:
            self.ui.action_combo.addItem(self.tr("%s (all)") % family, family)
        for action in actions:
            self.ui.action_combo.addItem(action, action)
        self.ui.employee_combo.clear()
        self.ui.employee_combo.addItem(self.tr("Anyone"), None)
        for employee in team.list_employees(include_inactive=True):
            self.ui.employee_combo.addItem(employee.name, employee.id)
        self.ui.action_combo.setCurrentIndex(max(self.ui.action_combo.findData(keep_action), 0))
        self.ui.employee_combo.setCurrentIndex(
            max(self.ui.employee_combo.findData(keep_employee), 0))

    @staticmethod
    def _day(value: QDate) -> date | None:
        return None if value == NO_DAY else date(value.year(), value.month(), value.day())

    def current_filter(self) -> AuditFilter:
        return AuditFilter(since=self._day(self.ui.since_edit.date()),
                           until=self._day(self.ui.until_edit.date()),
                           actor_id=self.ui.employee_combo.currentData(),
                           action=self.ui.action_combo.currentData() or "",
                           text=self.ui.text_edit.text(), up_to_seq=self._up_to_seq)

    def apply_filter(self, keep_chain_view: bool = False) -> None:
        """Re-query with the filters as they stand; a bad filter is said in place."""
        self._typing.stop()
        if self.person is None:
            return
        if not keep_chain_view:
            self._up_to_seq = None
        try:
            self.model.set_filter(self.person.employee_id, self.current_filter())
        except ValidationError as exc:
            show_message(self.ui.filter_error, str(exc))
            return
        except RecoveryDeskError as exc:
            show_error(self, exc)
            return
        show_message(self.ui.filter_error, "")

    def _show_count(self) -> None:
        total = self.model.total
        self.ui.count_label.setText(counted(total, self.tr("1 entry"), self.tr("%d entries")))

    def _after_reset(self) -> None:
        self._show_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.show_entry(None)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.show_entry(self.model.row_at(indexes[0].row()) if indexes else None)

    def show_entry(self, row: AuditRow | None) -> None:
        """The entry's fields and its JSON payload, pretty-printed (as stored if unreadable)."""
        if row is None:
            self.ui.detail_edit.setPlainText("")
            return
        try:
            payload = json.dumps(json.loads(row.details), indent=2, ensure_ascii=False,
                                 sort_keys=True)
        except ValueError:
            payload = row.details
        about = row.entity if row.entity_id is None else f"{row.entity} {row.entity_id}"
        lines = [self.tr("Entry #%d") % row.seq,
                 self.tr("When: %s (%s)") % (self.model.when(row), self.settings.timezone),
                 self.tr("Who: %s") % (row.actor or self.tr("(system)")),
                 self.tr("Action: %s") % row.action, self.tr("About: %s") % about, "",
                 payload]
        self.ui.detail_edit.setPlainText("\n".join(lines))

    # --- the chain check ------------------------------------------------------------------

    def check_chain(self) -> None:
        """Verify the whole chain in a worker; the result is said above the list."""
        if self.person is None or self.chain_task is not None:
            return
        viewer = self.person.employee_id
        task = Task(lambda _progress: audit_view.check_chain(viewer))
        task.signals.finished.connect(self._on_checked)
        task.signals.failed.connect(self._on_check_failed)
        self.chain_task = task
        self.ui.check_button.setEnabled(False)
        show_message(self.ui.chain_label, self.tr("Checking the chain…"), "hint")
        task.start()

    def _on_check_failed(self, exc: BaseException) -> None:
        self.chain_task = None
        self.ui.check_button.setEnabled(True)
        show_message(self.ui.chain_label, "")
        show_error(self, exc)

    def _on_checked(self, result: ChainCheck) -> None:
        self.chain_task = None
        self.last_check = result
        self.ui.check_button.setEnabled(True)
        if result.intact:
            show_message(self.ui.chain_label,
                         self.tr("Audit chain intact (%d entries).") % result.entries, "ok")
            return
        broken = result.broken
        if broken is None:
            show_message(self.ui.chain_label, self.tr(
                "The audit chain is broken at entry #%d: %s.") % (result.broken_seq,
                                                                 result.message))
            return
        show_message(self.ui.chain_label, self.tr(
            "The audit chain is broken: entry #%d (%s, %s) no longer matches its hash, so "
            "it was changed outside RecoveryDesk. It is shown first below, with the older "
            "entries; change a filter to see all.") % (
            broken.seq, self.model.when(broken), broken.action))
        self.ui.action_combo.setCurrentIndex(0)
        self.ui.employee_combo.setCurrentIndex(0)
        self.ui.text_edit.clear()
        for edit in (self.ui.since_edit, self.ui.until_edit):
            edit.blockSignals(True)
            edit.setDate(NO_DAY)
            edit.blockSignals(False)
        self._up_to_seq = broken.seq
        self.apply_filter(keep_chain_view=True)
        row = self.model.row_of(broken.seq)
        if row >= 0:
            self.table.selectRow(row)
