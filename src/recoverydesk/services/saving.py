"""Saving a finished document (a PDF, a CSV export, a person's data, the recovery key sheet)
to a file the user chose, so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from recoverydesk.errors import StorageError


def save_file(path: str | Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, flushed to
    disk and then renamed over the target; return the path written.

    A new file gets the usual permissions (0666 less the umask), a replaced one keeps its
    own; ``private`` files (the recovery key) are readable by their owner only. A target
    that exists but is no regular file (``/dev/stdout``, a named pipe, a printer device) is
    written straight into: renaming over it would put a file in its place.

    Raises:
        StorageError: one sentence naming the file or folder and what went wrong.
    """
    path = Path(path).expanduser()
    try:
        mode: int | None = path.stat().st_mode
    except OSError:
        mode = None  # not there yet (or not visible): creating the temporary file will say
    if mode is not None and stat.S_ISDIR(mode):
        raise StorageError(f"{path} is a folder; give a file name.")
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with path.open("wb") as out:
                out.write(data)
        except OSError as exc:
            raise StorageError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
        return path
    target = path.resolve()  # a link to a file: replace the file, keep the link
    handle, temp = _new_file_beside(target, 0o600 if private else 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # on disk before it takes the name
        if mode is not None and not private:
            temp.chmod(stat.S_IMODE(mode))
        temp.replace(target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    return path


def _new_file_beside(target: Path, mode: int) -> tuple[int, Path]:
    """Create a hidden temporary file next to ``target``. Not ``tempfile.mkstemp``: that
    always makes the file private, and the saved document would keep that mode."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise StorageError(f"Cannot write to {target.parent}: "
                               f"{exc.strerror or exc}.") from exc
    raise StorageError(f"Cannot write to {target.parent}: no free temporary name.")
