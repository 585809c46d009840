"""``reports.tables.TailTable``: a table split over pages leaves no lone row at its end."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A6
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from recoverydesk.reports.tables import MIN_TAIL_ROWS, TailTable

ROW = 20.0  # points: fixed row heights make the page breaks predictable


def rows_per_page(kind: type[Table], rows: int, space_before: float = 0,
                  last_row_height: float = ROW) -> list[list[str]]:
    """Build ``rows`` numbered rows under a repeated header (after ``space_before`` points
    of empty space) and read back, page by page, the labels printed (headers included)."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A6, topMargin=20, bottomMargin=20)
    data = [["Header"]] + [[f"row-{n:03d}"] for n in range(rows)]
    heights = [ROW] * rows + [last_row_height]
    story = [Spacer(1, space_before)] if space_before else []
    doc.build([*story, kind(data, rowHeights=heights, repeatRows=1)])
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    return [[w for w in page.extract_text().split() if w.startswith("row-")]
            + [w for w in page.extract_text().split() if w == "Header"][1:]
            for page in pages]


def page_rows() -> int:
    """Data rows a page holds under the header, measured with a plain table."""
    return len(rows_per_page(Table, 200)[0])


def test_a_plain_table_would_leave_one_row_alone() -> None:
    """The case the class is for, shown with reportlab's own table."""
    per_page = page_rows()
    assert [len(p) for p in rows_per_page(Table, per_page + 1)] == [per_page, 1]


@pytest.mark.parametrize("full_pages", [1, 2, 4])
def test_the_last_page_gets_two_rows_taken_from_the_page_before(full_pages: int) -> None:
    per_page = page_rows()
    rows = per_page * full_pages + 1
    pages = rows_per_page(TailTable, rows)
    counts = [len(p) for p in pages]
    assert counts == [per_page] * (full_pages - 1) + [per_page - 1, MIN_TAIL_ROWS]
    assert [r for p in pages for r in p] == [f"row-{n:03d}" for n in range(rows)]  # all, once


def test_tables_that_fit_or_leave_enough_are_split_as_before() -> None:
    per_page = page_rows()
    for rows in (per_page - 1, per_page, per_page + 2, 2 * per_page + 5):
        assert rows_per_page(TailTable, rows) == rows_per_page(Table, rows)


def test_a_page_with_room_for_few_rows_keeps_two_of_its_own() -> None:
    """When the page before holds only two rows it keeps them rather than sending all to
    the next page: the rule never empties a page."""
    per_page = page_rows()
    space = (per_page - 2) * ROW  # room for the header and two rows on the first page
    assert [len(p) for p in rows_per_page(TailTable, 3, space)] == [2, 1]
    assert [len(p) for p in rows_per_page(TailTable, 4, space)] == [2, 2]


def test_the_space_given_back_stays_empty() -> None:
    """A tall last row that does not fit leaves room on the page for the header and a short
    row: the two rows handed over must not start there again (a second header and the lone
    row after all, as a first version did)."""
    per_page = page_rows()
    pages = rows_per_page(TailTable, per_page - 1, last_row_height=3 * ROW)
    assert [len(p) for p in pages] == [per_page - 3, 2]
    assert "Header" not in pages[0] + pages[1]  # one header per page, the page's own
