"""Running a service call off the GUI thread, with progress, so the window never freezes."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressCallback = Callable[[int, int], None]



def _release_worker_connection() -> None:
    # Imported here: the start imports this module before the business is opened (gui.app);
    # any worker runs after that.
    from recoverydesk.services import business

    business.release_worker_connection()

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
            _release_worker_connection()


def start(worker: ServiceWorker) -> ServiceWorker:
    QThreadPool.globalInstance().start(worker)
    return worker


def wait_for_workers() -> None:
    QThreadPool.globalInstance().waitForDone()


class Cancelled(Exception):
    """Raised inside a task's progress callback once the user asked to cancel."""


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total, label
    finished = Signal(object)  # the call's result
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Task(QRunnable):
    """Like :class:`ServiceWorker`, for services taking ``progress(done, total, label)``, and
    cancellable: after :meth:`cancel` the next progress call raises :class:`Cancelled`, which
    unwinds the service (whose writes are atomic, so nothing half-made stays) and emits
    ``cancelled`` instead of ``finished``."""

    def __init__(self, call: Callable[[Callable[[int, int, str], None]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the page keeps it to cancel it
        self.signals = TaskSignals()
        self._call = call
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, label: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total, label)

    def run(self) -> None:
        # A long build (a PDF) allocates enough to start full garbage collections here, which
        # hold the interpreter lock while they walk every object of the app: the window
        # could not repaint for 110-160 ms at a time (benchmarks/reports_page.py). Objects
        # that exist already are set aside for the task's length, so those passes walk only
        # what the task made (about 80 ms at worst); they are put back when it ends.
        gc.freeze()
        try:
            result = self._call(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the GUI thread, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            gc.unfreeze()
            _release_worker_connection()

    def start(self) -> Task:
        """Run on the pool. The task is kept alive until the GUI thread has handled its last
        signal, even if its owner dropped it (a month's figures replaced by another's)."""
        _LIVE.add(self)
        for signal in (self.signals.finished, self.signals.failed, self.signals.cancelled):
            signal.connect(self._forget)
        QThreadPool.globalInstance().start(self)
        return self

    def _forget(self, *_result: object) -> None:
        _LIVE.discard(self)


_LIVE: set[Task] = set()
