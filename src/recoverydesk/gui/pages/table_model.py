"""What the list pages' Qt models share: column titles, and rows fetched a page at a time
as the view scrolls."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel

from recoverydesk.errors import RecoveryDeskError
from recoverydesk.gui.messages import show_message

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class TitledTableModel(QAbstractTableModel):
    """A flat table: the subclass sets ``_headers`` and says how many rows it has.

    Rows read while the view paints or scrolls cannot raise (an error escaping ``data()``
    would be shown once per paint): a row that cannot be read (edited behind the app's
    back) is reported through :attr:`failed`, once until the next query.
    """

    failed = Signal(str)
    _headers: tuple[str, ...] = ()
    _failure = ""

    def report_failure(self, exc: RecoveryDeskError) -> None:
        if not self._failure:
            self._failure = str(exc)
            self.failed.emit(self._failure)

    def say_failures_on(self, label: QLabel) -> None:
        """Show a reported failure on ``label``; queued, since it comes mid-paint."""
        self.failed.connect(lambda text: show_message(label, text),
                            Qt.ConnectionType.QueuedConnection)

    def forget_failure(self) -> None:
        """A new query: a row that cannot be read is reported again."""
        self._failure = ""

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

    def clear(self) -> None:
        """No rows (the query that would fill them failed)."""
        self.beginResetModel()
        self.total, self.rows = 0, []
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        try:
            more = self.next_page(len(self.rows))
        except RecoveryDeskError as exc:
            self.report_failure(exc)
            self.total = len(self.rows)  # stop asking for the page that cannot be read
            return
        if more is None:
            return
        if not more:  # fewer matches than counted (deleted meanwhile): stop asking
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()
