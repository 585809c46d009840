"""The list models' shared paging: a page that cannot be read is reported once, and the
view stops asking for it (fetchMore runs inside Qt's scrolling, where raising would show a
message box per scroll step)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from recoverydesk.errors import StorageError
from recoverydesk.gui.pages.table_model import PagedRowsModel


class _Pages(PagedRowsModel[int]):
    def __init__(self) -> None:
        super().__init__()
        self._headers = ("n",)
        self.total, self.rows, self.asked = 5, [1, 2], 0

    def next_page(self, offset: int) -> list[int] | None:
        self.asked += 1
        raise StorageError("A stored thing has nonsense in it.")


def test_a_page_that_cannot_be_read_is_reported_once_and_not_asked_again(qtbot: QtBot) -> None:
    model = _Pages()
    reported: list[str] = []
    model.failed.connect(reported.append)
    assert model.canFetchMore()
    model.fetchMore()
    assert reported == ["A stored thing has nonsense in it."]
    assert not model.canFetchMore() and model.rowCount() == 2  # Qt asks no more
    model.total = 5  # as if the same query were scrolled again: reported once only
    model.fetchMore()
    assert reported == ["A stored thing has nonsense in it."] and model.asked == 2
    model.forget_failure()  # a new query reports again
    model.total = 5
    model.fetchMore()
    assert len(reported) == 2
