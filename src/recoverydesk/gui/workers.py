"""Running a service call off the GUI thread, with progress, so the window never freezes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from recoverydesk.services import business

ProgressCallback = Callable[[int, int], None]


class WorkerSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the call's result
    failed = Signal(object)  # the exception


class ServiceWorker(QRunnable):
    """Calls ``call(progress)`` on a pool thread and reports through :attr:`signals`.

    The thread's own database connection is closed when the call ends.
    """

    def __init__(self, call: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self._call = call

    def run(self) -> None:
        try:
            result = self._call(self.signals.progress.emit)
        except Exception as exc:  # reported to the GUI thread, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            business.release_worker_connection()


def start(worker: ServiceWorker) -> ServiceWorker:
    QThreadPool.globalInstance().start(worker)
    return worker


def wait_for_workers() -> None:
    QThreadPool.globalInstance().waitForDone()
