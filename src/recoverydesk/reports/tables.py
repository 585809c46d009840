"""A reportlab table that does not leave a lone row for its last page."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import FrameBreak, Table

MIN_TAIL_ROWS = 2


class TailTable(Table):
    """A :class:`Table` that, split across pages, carries at least :data:`MIN_TAIL_ROWS`
    rows (or all it has) onto its last page: one incident alone under a repeated header, or
    a total cut off from its rows, reads like a leftover. The rows come from the end of the
    page before, as long as that page keeps two of its own."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first_rows = len(parts[0]._cellvalues)  # header included: it is row 0 of self
        tail_rows = len(parts[1]._cellvalues) - head
        move = MIN_TAIL_ROWS - tail_rows
        if move <= 0 or first_rows - head - move < MIN_TAIL_ROWS:
            return parts
        # Heights were measured by the split above: split again with just the room for the
        # rows that stay (the page may have had space left under the row that did not fit).
        kept = first_rows - move
        room = sum(self._rowHeights[:kept]) + min(0.5, self._rowHeights[kept] / 2)
        shorter: list[Any] = super().split(availWidth, room)
        if len(shorter) != 2:
            return parts
        # The space given back stays empty: without the break the tail would start in it and
        # be split again, leaving the lone row after all (with a second header above it).
        return [shorter[0], FrameBreak(), shorter[1]]
