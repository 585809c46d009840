"""What the list pages' Qt models share: column titles, and rows fetched a page at a time
as the view scrolls."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class TitledTableModel(QAbstractTableModel):
    """A flat table: the subclass sets ``_headers`` and says how many rows it has."""

    _headers: tuple[str, ...] = ()

    def row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


class PagedRowsModel(TitledTableModel, Generic[Row]):
    """``rows`` loaded so far of ``total`` matches; the next page comes from
    :meth:`next_page` when the view scrolls to the end."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.total = 0
        self.rows: list[Row] = []

    def next_page(self, offset: int) -> list[Row] | None:
        """The rows from ``offset`` on; ``None`` when there is nothing to ask yet."""
        raise NotImplementedError

    def row_total(self) -> int:
        return len(self.rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self.next_page(len(self.rows))
        if more is None:
            return
        if not more:  # fewer matches than counted (deleted meanwhile): stop asking
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()
