"""The Incidents page (SPEC §7): a filterable, sortable list over every incident and the
detail pane of the one picked.

Filters: month, employee, category, status and free text (what happened, or the customer's
name, phone or e-mail, any case and script). The list is :class:`IncidentListModel`, a
window over the matching ids, so it stays instant with 100 000 incidents.
"""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from recoverydesk.core.months import Month, month_of
from recoverydesk.errors import RecoveryDeskError, ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.forms.ui_incidents_page import Ui_IncidentsPage
from recoverydesk.gui.messages import counted, show_message
from recoverydesk.gui.pages.incident_detail_pane import IncidentDetailPane
from recoverydesk.gui.pages.incident_model import COLUMNS, IncidentListModel
from recoverydesk.services import business, catalog, team
from recoverydesk.services._base import utcnow
from recoverydesk.services.incident_list import IncidentFilter
from recoverydesk.services.types import SignedIn

MONTHS_LISTED = 36
TYPING_PAUSE_MS = 250


class IncidentsPage(QWidget):
    """Emits :attr:`changed` after an action changed an incident (the counter re-reads)."""

    changed = Signal()
    dialog_opened = Signal(object)  # an action dialog of the detail pane

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.model = IncidentListModel(self.settings, self)
        self.ui = ui = Ui_IncidentsPage()
        ui.setupUi(self)
        self.setObjectName("incidents_page")
        show_message(ui.filter_error, "")
        self.table = ui.incidents_table
        self.table.setModel(self.model)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_indicator_on_a_sorted_column)
        for column, width in enumerate((122, 115, 105, 62, 70, 130, 70)):
            self.table.setColumnWidth(column, width)
        self.detail = IncidentDetailPane(self.settings)
        ui.detail_layout.addWidget(self.detail)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([860, 480])

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply_filter)
        self.ui.text_edit.textEdited.connect(lambda _text: self._typing.start())
        self.ui.text_edit.returnPressed.connect(self.apply_filter)
        for combo in (self.ui.month_combo, self.ui.employee_combo, self.ui.category_combo,
                      self.ui.status_combo):
            combo.activated.connect(lambda _index: self.apply_filter())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._after_reset)
        self.model.say_failures_on(self.ui.filter_error)
        self.detail.changed.connect(self._on_incident_changed)
        self.detail.dialog_opened.connect(self.dialog_opened)

    def _keep_indicator_on_a_sorted_column(self, column: int, _order: Qt.SortOrder) -> None:
        """"What happened" is free text, not sorted: a click there moved the arrow while the
        rows kept the previous order. The arrow goes back to the column that sorts them."""
        if column < len(COLUMNS):
            return
        header = self.table.horizontalHeader()
        order = (Qt.SortOrder.DescendingOrder if self.model.descending
                 else Qt.SortOrder.AscendingOrder)
        header.blockSignals(True)
        header.setSortIndicator(COLUMNS.index(self.model.sort_key), order)
        header.blockSignals(False)
        header.viewport().update()

    def show_person(self, person: SignedIn) -> None:
        """Fill the choices and show this month's incidents for ``person``."""
        self.person = person
        self.detail.person = person
        self._fill_choices()
        self.apply_filter()

    def refresh(self) -> None:
        """Re-read the list and the incident shown (after a recovery was logged elsewhere)."""
        self.model.reload()

    def _fill_choices(self) -> None:
        locale = self.settings.locale
        this_month = month_of(utcnow(clock.now()), self.settings.tz)
        self.ui.month_combo.clear()
        self.ui.month_combo.addItem(self.tr("Any month"), None)
        month = this_month
        for _ in range(MONTHS_LISTED):
            name = format_date(month.first_day(), "LLLL y", locale=locale)
            self.ui.month_combo.addItem(name[:1].upper() + name[1:], str(month))
            month = month.previous()
        self.ui.month_combo.setCurrentIndex(1)
        self.ui.employee_combo.clear()
        self.ui.employee_combo.addItem(self.tr("Anyone"), None)
        for employee in team.list_employees(include_inactive=True):
            self.ui.employee_combo.addItem(employee.name, employee.id)
        self.ui.category_combo.clear()
        self.ui.category_combo.addItem(self.tr("Any category"), None)
        for category in catalog.list_categories(include_inactive=True):
            self.ui.category_combo.addItem(category.name, category.id)
        self.ui.status_combo.clear()
        for text, status in ((self.tr("Open or resolved"), None), (self.tr("Open"), "open"),
                             (self.tr("Resolved"), "resolved")):
            self.ui.status_combo.addItem(text, status)

    def current_filter(self) -> IncidentFilter:
        month = self.ui.month_combo.currentData()
        return IncidentFilter(
            month=Month.parse(month) if month else None,
            employee_id=self.ui.employee_combo.currentData(),
            category_id=self.ui.category_combo.currentData(),
            status=self.ui.status_combo.currentData(), text=self.ui.text_edit.text())

    def apply_filter(self) -> None:
        """Re-query with the filters as they stand; a bad search text is said in place."""
        self._typing.stop()
        try:
            self.model.set_filter(self.current_filter())
        except RecoveryDeskError as exc:  # a bad search text, or a row that cannot be read
            if not isinstance(exc, ValidationError):
                self.model.clear()
            show_message(self.ui.filter_error, str(exc))
            return
        show_message(self.ui.filter_error, "")

    def _after_reset(self) -> None:
        total = self.model.rowCount()
        self.ui.count_label.setText(counted(total, self.tr("1 incident"),
                                            self.tr("%d incidents")))
        shown = self.detail.detail.id if self.detail.detail else None
        self.detail.show_incident(None)  # re-read below: rights or data may have changed
        row = self.model.row_of(shown) if shown is not None else -1
        if row < 0 and total:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.detail.show_incident(None)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        incident = self.model.row_at(indexes[0].row()) if indexes else None
        if incident is not None and (self.detail.detail is None
                                     or self.detail.detail.id != incident.id):
            self.detail.show_incident(incident.id)

    def select_incident(self, incident_id: int) -> bool:
        """Select ``incident_id`` in the list if the filters show it."""
        row = self.model.row_of(incident_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _on_incident_changed(self, incident_id: int) -> None:
        self.model.reload()
        self.select_incident(incident_id)
        self.changed.emit()

