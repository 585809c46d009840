"""Showing errors in the window: known ones as their sentence, others logged first."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QWidget

from recoverydesk.crashlog import record_unexpected, unexpected_message
from recoverydesk.errors import RecoveryDeskError


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, RecoveryDeskError):
        text = str(exc)
    else:
        text = unexpected_message(exc, record_unexpected(exc, "gui"))
    # Imported when an error is shown: the message box class (with its enums) is a
    # millisecond or two of every start otherwise (benchmarks/startup.py).
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, "RecoveryDesk", text)


def install_excepthook() -> None:
    """An exception escaping a slot is logged and shown, instead of only printed."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        show_error(None, exc.with_traceback(tb))

    sys.excepthook = hook
