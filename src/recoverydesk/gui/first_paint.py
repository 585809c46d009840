"""Run work on the next turn of the event loop after a widget's first paint.

The start shows the sign-in window first (benchmarks/startup.py); what it does not need
(the daily backup, the modules behind sign-in) waits until it has been painted once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _AfterFirstPaint(QObject):
    """Watches ``widget`` (only it: a filter on the whole application would run Python for
    every event) and calls ``callback`` once, after its first paint."""

    def __init__(self, widget: QObject, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(widget: QObject, callback: Callable[[], object]) -> None:
    """Call ``callback`` on the next turn of the event loop after ``widget`` first paints."""
    _AfterFirstPaint(widget, callback)
