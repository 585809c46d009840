"""The Customers list's Qt model: pages of :func:`customer_list.find_customers`, fetched as
the view scrolls (``canFetchMore``/``fetchMore``), so thousands of customers cost a page."""

from __future__ import annotations

from typing import Any

from babel.dates import format_date
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from recoverydesk.services import customer_list
from recoverydesk.services.customer_list import CustomerRow

PAGE = 100
_Index = QModelIndex | QPersistentModelIndex


class CustomerListModel(QAbstractTableModel):
    """Rows of customers matching :attr:`text`; :meth:`set_text` re-queries."""

    def __init__(self, locale: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self.text = ""
        self.total = 0
        self.rows: list[CustomerRow] = []
        self._headers = (self.tr("Name"), self.tr("Phone"), self.tr("E-mail"),
                         self.tr("Incidents"), self.tr("Last visit"))

    def set_text(self, text: str) -> None:
        """Show customers matching ``text`` (raises ValidationError when it is too long)."""
        first = customer_list.find_customers(text, 0, PAGE)
        self.beginResetModel()
        self.text, self.total, self.rows = text, first.total, list(first.rows)
        self.endResetModel()

    def reload(self) -> None:
        self.set_text(self.text)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = customer_list.find_customers(self.text, len(self.rows), PAGE).rows
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def row_of(self, customer_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == customer_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return (self.tr("Customer %d (erased)") % row.id if row.erased
                    else row.name or "—")
        if column == 1:
            return row.phone
        if column == 2:
            return row.email
        if column == 3:
            return str(row.incidents)
        if row.last_visit is None:
            return ""
        return format_date(row.last_visit, "medium", locale=self.locale)
