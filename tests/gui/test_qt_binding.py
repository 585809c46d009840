"""The Qt binding itself: guards against a PySide6 build that would crash a till."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    """PySide6-Essentials 6.12.0 drops one reference to ``None`` per call of a Qt method
    that returns nothing; on Python 3.11 the interpreter then aborts ("none_dealloc") after
    a few thousand label updates, a morning at a busy counter. (From Python 3.12 on, None
    is immortal: nothing can be lost and the check passes.)"""
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm-up")
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i))
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"{lost} references to None lost in 500 setText calls"
