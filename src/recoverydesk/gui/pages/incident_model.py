"""The Incidents list's Qt model: a window over the ordered ids of the matching incidents.

A filter or a header click runs one query for the ordered ids
(:func:`incident_list.matching_ids`); rows are read only when the view asks for them, a
block at a time (:func:`incident_list.incident_rows`), so 100 000 incidents cost one id list
and the rows on screen.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from babel.dates import format_datetime
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui.pages.table_model import Index, TitledTableModel
from recoverydesk.services import incident_list
from recoverydesk.services._base import Settings
from recoverydesk.services.incident_list import IncidentFilter, IncidentRow, SortKey

BLOCK = 100
COLUMNS: tuple[SortKey, ...] = (SortKey.REPORTED, SortKey.EMPLOYEE, SortKey.CATEGORY,
                                SortKey.SEVERITY, SortKey.STATUS, SortKey.CUSTOMER,
                                SortKey.COST)
DESCRIPTION_COLUMN = len(COLUMNS)  # not sortable: free text


class IncidentListModel(TitledTableModel):
    """Rows of the incidents list; :meth:`set_filter` and :meth:`sort` re-query."""

    def __init__(self, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.wanted = IncidentFilter()
        self.sort_key = SortKey.REPORTED
        self.descending = True
        self.ids: list[int] = []
        self._filtered = False  # no query before the page sets its first filter
        self._rows: dict[int, IncidentRow] = {}
        self._tried: set[int] = set()  # blocks (their first row) read, rows found or not
        self._headers = (self.tr("Reported"), self.tr("Logged by"), self.tr("Category"),
                         self.tr("Severity"), self.tr("Status"), self.tr("Customer"),
                         self.tr("Spent"), self.tr("What happened"))
        self._words = {"minor": self.tr("minor"), "major": self.tr("major"),
                       "critical": self.tr("critical"), "open": self.tr("open"),
                       "resolved": self.tr("resolved")}

    # --- querying -------------------------------------------------------------------------

    def set_filter(self, wanted: IncidentFilter) -> None:
        """Show the incidents matching ``wanted`` (raises ValidationError for bad text)."""
        ids = incident_list.matching_ids(wanted, self.sort_key, self.descending)
        self.wanted, self._filtered = wanted, True
        self._reset(ids)

    def reload(self) -> None:
        """Re-read after a change (a correction, a gesture, a resolution)."""
        self._reset(incident_list.matching_ids(self.wanted, self.sort_key, self.descending))

    def clear(self) -> None:
        """No rows (the query that would fill them failed)."""
        self._reset([])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_key = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._filtered:  # the view sorts once as it is set up: nothing to show yet
            self.reload()

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self._tried.clear()
        self.forget_failure()
        self.endResetModel()

    def row_at(self, row: int) -> IncidentRow | None:
        """The incident on ``row``, reading its block if it is not loaded yet."""
        if not 0 <= row < len(self.ids):
            return None
        found = self._rows.get(self.ids[row])
        start = row - row % BLOCK
        if found is None and start not in self._tried:
            self._tried.add(start)
            self._load(self.ids[start:start + BLOCK])
            found = self._rows.get(self.ids[row])
        return found

    def _load(self, ids: list[int]) -> None:
        """Read a block of rows. Asked while the view paints, so nothing is raised: a row
        that cannot be read (edited behind the app's back) is reported once and left blank,
        its block read again row by row so the others still show."""
        try:
            rows = incident_list.incident_rows(ids)
        except RecoveryDeskError as exc:
            self.report_failure(exc)
            if len(ids) == 1:
                return
            for incident_id in ids:
                self._load([incident_id])
            return
        for loaded in rows:
            self._rows[loaded.id] = loaded

    def row_of(self, incident_id: int) -> int:
        try:
            return self.ids.index(incident_id)
        except ValueError:
            return -1

    # --- Qt model -------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION_COLUMN:
            return row.description
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COLUMNS.index(SortKey.COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.status == "open" and column == 4:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: IncidentRow, column: int) -> str:
        if column == 0:
            local = row.reported_at.replace(tzinfo=UTC).astimezone(self.settings.tz)
            return format_datetime(local, "short", locale=self.settings.locale)
        if column == 1:
            return row.employee
        if column == 2:
            return row.category
        if column == 3:
            return self._words.get(row.severity, row.severity)
        if column == 4:
            return self._words.get(row.status, row.status)
        if column == 5:  # an erased or nameless customer is still a known one (SPEC §5)
            if row.customer_erased:
                return self.tr("Customer %d (erased)") % row.customer_id
            if not row.customer and row.customer_id is not None:
                return self.tr("Customer %d") % row.customer_id
            return row.customer or "—"
        if column == 6:
            return self.settings.money(row.cost_minor) if row.cost_minor else ""
        return " ".join(row.description.split())[:120]
