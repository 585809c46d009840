"""Unexpected errors go with their traceback to the log file; people get one sentence."""

from __future__ import annotations

import logging
import traceback
from datetime import UTC, datetime
from pathlib import Path

from recoverydesk.paths import log_file_path

_log = logging.getLogger("recoverydesk")


def record_unexpected(exc: BaseException, where: str) -> Path | None:
    """Append ``exc`` with its traceback to the log file; return the file, or None if the
    log itself cannot be written (the caller still reports the error)."""
    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} unexpected error in {where}\n")
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        _log.exception("cannot write the log file %s", path)
        return None
    return path


def unexpected_message(exc: BaseException, log_path: Path | None) -> str:
    """One sentence for ``exc``: what the disk or the file did, if that is the cause (a full
    disk, a damaged file), else "Unexpected error" with the exception."""
    from recoverydesk.store.engine_errors import engine_trouble  # sqlite3: not at start-up

    known = engine_trouble(exc)
    if known is not None:
        return f"{known} Details are in {log_path}." if log_path else known
    where = f"; details are in {log_path}" if log_path else ""
    return f"Unexpected error ({type(exc).__name__}: {exc}){where}."
