"""The Incidents page (SPEC §7): a filterable, sortable list over every incident and the
detail pane of the one picked.

Filters: month, employee, category, status and free text (what happened, or the customer's
name, phone or e-mail, any case and script). The list is :class:`IncidentListModel`, a
window over the matching ids, so it stays instant with 100 000 incidents.
"""

from __future__ import annotations

from babel.dates import format_date
from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recoverydesk.core.months import Month, month_of
from recoverydesk.errors import ValidationError
from recoverydesk.gui import clock
from recoverydesk.gui.messages import show_message
from recoverydesk.gui.pages.incident_detail_pane import IncidentDetailPane
from recoverydesk.gui.pages.incident_model import IncidentListModel
from recoverydesk.services import business, catalog, team
from recoverydesk.services._base import utcnow
from recoverydesk.services.incident_list import IncidentFilter
from recoverydesk.services.types import SignedIn

MONTHS_LISTED = 36
TYPING_PAUSE_MS = 250


class IncidentsPage(QWidget):
    """Emits :attr:`changed` after an action changed an incident (the counter re-reads)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidents_page")
        self.settings = business.get_settings()
        self.person: SignedIn | None = None
        self.model = IncidentListModel(self.settings, self)

        self.month_combo = QComboBox()
        self.employee_combo = QComboBox()
        self.category_combo = QComboBox()
        self.status_combo = QComboBox()
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Search what happened, or a customer's "
                                                  "name, phone or e-mail"))
        self.text_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.filter_error = QLabel()
        show_message(self.filter_error, "")
        filters = QHBoxLayout()
        for label, widget in ((self.tr("&Month"), self.month_combo),
                              (self.tr("&Employee"), self.employee_combo),
                              (self.tr("C&ategory"), self.category_combo),
                              (self.tr("S&tatus"), self.status_combo)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.text_edit, 1)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("incidents_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(True)
        for column, width in enumerate((122, 115, 105, 62, 70, 130, 70)):
            self.table.setColumnWidth(column, width)
        self.detail = IncidentDetailPane(self.settings)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 480])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(filters)
        layout.addWidget(self.filter_error)
        layout.addWidget(splitter, 1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply_filter)
        self.text_edit.textEdited.connect(lambda _text: self._typing.start())
        self.text_edit.returnPressed.connect(self.apply_filter)
        for combo in (self.month_combo, self.employee_combo, self.category_combo,
                      self.status_combo):
            combo.activated.connect(lambda _index: self.apply_filter())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._after_reset)
        self.detail.changed.connect(self._on_incident_changed)

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
        self.month_combo.clear()
        self.month_combo.addItem(self.tr("Any month"), None)
        month = this_month
        for _ in range(MONTHS_LISTED):
            name = format_date(month.first_day(), "LLLL y", locale=locale)
            self.month_combo.addItem(name[:1].upper() + name[1:], str(month))
            month = month.previous()
        self.month_combo.setCurrentIndex(1)
        self.employee_combo.clear()
        self.employee_combo.addItem(self.tr("Anyone"), None)
        for employee in team.list_employees(include_inactive=True):
            self.employee_combo.addItem(employee.name, employee.id)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("Any category"), None)
        for category in catalog.list_categories(include_inactive=True):
            self.category_combo.addItem(category.name, category.id)
        self.status_combo.clear()
        for text, status in ((self.tr("Open or resolved"), None), (self.tr("Open"), "open"),
                             (self.tr("Resolved"), "resolved")):
            self.status_combo.addItem(text, status)

    def current_filter(self) -> IncidentFilter:
        month = self.month_combo.currentData()
        return IncidentFilter(
            month=Month.parse(month) if month else None,
            employee_id=self.employee_combo.currentData(),
            category_id=self.category_combo.currentData(),
            status=self.status_combo.currentData(), text=self.text_edit.text())

    def apply_filter(self) -> None:
        """Re-query with the filters as they stand; a bad search text is said in place."""
        self._typing.stop()
        try:
            self.model.set_filter(self.current_filter())
        except ValidationError as exc:
            show_message(self.filter_error, str(exc))
            return
        show_message(self.filter_error, "")

    def _after_reset(self) -> None:
        total = self.model.rowCount()
        self.count_label.setText(self.tr("%d incidents") % total if total != 1
                                 else self.tr("1 incident"))
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

