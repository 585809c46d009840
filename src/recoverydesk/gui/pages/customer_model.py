"""The Customers list's Qt model: pages of :func:`customer_list.find_customers`, fetched as
the view scrolls (``canFetchMore``/``fetchMore``), so thousands of customers cost a page."""

from __future__ import annotations

from typing import Any

from babel.dates import format_date
from PySide6.QtCore import Qt

from recoverydesk.gui.pages.table_model import Index, PagedRowsModel
from recoverydesk.services import customer_list
from recoverydesk.services.customer_list import CustomerRow

PAGE = 100


class CustomerListModel(PagedRowsModel[CustomerRow]):
    """Rows of customers matching :attr:`text`; :meth:`set_text` re-queries."""

    def __init__(self, locale: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self.text = ""
        self._headers = (self.tr("Name"), self.tr("Phone"), self.tr("E-mail"),
                         self.tr("Incidents"), self.tr("Last visit"))

    def set_text(self, text: str) -> None:
        """Show customers matching ``text`` (raises ValidationError when it is too long)."""
        first = customer_list.find_customers(text, 0, PAGE)
        self.beginResetModel()
        self.forget_failure()
        self.text, self.total, self.rows = text, first.total, list(first.rows)
        self.endResetModel()

    def reload(self) -> None:
        self.set_text(self.text)

    def next_page(self, offset: int) -> list[CustomerRow]:
        return list(customer_list.find_customers(self.text, offset, PAGE).rows)

    def row_of(self, customer_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == customer_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
