"""The Audit log's Qt model: pages of :func:`audit_view.list_audit`, newest first, fetched
as the view scrolls (``canFetchMore``/``fetchMore``), so a long log costs a page."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from babel.dates import format_datetime
from PySide6.QtCore import Qt

from recoverydesk.gui.pages.table_model import Index, PagedRowsModel
from recoverydesk.services import audit_view
from recoverydesk.services._base import Settings
from recoverydesk.services.audit_view import AuditFilter, AuditRow

PAGE = 200


class AuditListModel(PagedRowsModel[AuditRow]):
    """Read-only rows of the audit entries matching :attr:`wanted`."""

    def __init__(self, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.viewer_id: int | None = None
        self.wanted = AuditFilter()
        self._headers = (self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("Action"),
                         self.tr("About"), self.tr("Details"))

    def set_filter(self, viewer_id: int, wanted: AuditFilter) -> None:
        """Show the entries matching ``wanted`` (raises ValidationError for bad filters)."""
        first = audit_view.list_audit(viewer_id, wanted, 0, PAGE)
        self.beginResetModel()
        self.forget_failure()
        self.viewer_id, self.wanted = viewer_id, wanted
        self.total, self.rows = first.total, list(first.rows)
        self.endResetModel()

    def next_page(self, offset: int) -> list[AuditRow] | None:
        if self.viewer_id is None:
            return None
        return list(audit_view.list_audit(self.viewer_id, self.wanted, offset, PAGE).rows)

    def row_at(self, row: int) -> AuditRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, seq: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.seq == seq), -1)

    def when(self, row: AuditRow) -> str:
        if isinstance(row.at, str):  # a tampered entry is shown as it is stored
            return row.at
        local = row.at.replace(tzinfo=UTC).astimezone(self.settings.tz)
        return format_datetime(local, "short", locale=self.settings.locale)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.seq
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return str(row.seq)
        if column == 1:
            return self.when(row)
        if column == 2:
            return row.actor or self.tr("(system)")
        if column == 3:
            return row.action
        if column == 4:
            return row.entity if row.entity_id is None else f"{row.entity} {row.entity_id}"
        return row.details[:160]
