"""Telling what an existing file is before SQLite opens it for writing.

Opening a file normally would already switch it to WAL mode, so every probe here reads only:
a stranger's file, an empty one or a damaged one is left exactly as it was. Each refusal is an
:class:`UnreadableDatabase` whose ``kind`` and one-line message say which case it is.
"""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from pathlib import Path

from recoverydesk.errors import StorageError, UnreadableDatabase
from recoverydesk.store.engine_errors import NOT_ALLOWED, engine_trouble

SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Leading bytes of common files that people rename by mistake, and what to call them.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
)
_IMAGES = ("a PNG image", "a JPEG image", "a GIF image")


def _refuse(path: Path, kind: str, what: str) -> UnreadableDatabase:
    return UnreadableDatabase(f"{path} {what}", path, kind)


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:  # a multi-byte character cut at the sample's end is fine
        return exc.start >= len(sample) - 3
    return True


def _expected_size(header: bytes) -> int | None:
    """Bytes the header says the main file holds, when that count is trustworthy."""
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if page_count == 0 or valid_for != change_counter:  # older writers leave it unset
        return None
    return int(page_size) * int(page_count)


def _has_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.is_file() and wal.stat().st_size > 0


def check_database_file(path: Path) -> None:
    """Refuse anything at ``path`` that is not a readable RecoveryDesk SQLite database.

    Raises:
        UnreadableDatabase: empty, text, an image or other file, another program's SQLite
            file, cut short, or damaged; the message names the case.
        StorageError: ``path`` is a folder, is not there, or cannot be read.
    """
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a RecoveryDesk database.")
    if path.exists() and not path.is_file():
        raise StorageError(f"{path} is a device or a pipe, not a RecoveryDesk database.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            sample = handle.read(4096)
    except FileNotFoundError:
        raise StorageError(f"There is no file at {path}.") from None
    except OSError as exc:
        raise StorageError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise _refuse(path, "empty", "is empty (0 bytes): it is not a RecoveryDesk database.")
    if not sample.startswith(SQLITE_MAGIC):
        for signature, name in _SIGNATURES:
            if sample.startswith(signature):
                kind = "image" if name in _IMAGES else "other"
                raise _refuse(path, kind, f"is {name}, not a RecoveryDesk database.")
        if _looks_like_text(sample):
            raise _refuse(path, "text", "is a text file, not a RecoveryDesk database.")
        raise _refuse(path, "other", "is not a RecoveryDesk database (not an SQLite file).")
    if size < _HEADER_SIZE:
        raise _refuse(path, "truncated", f"is damaged: it is cut short ({size} bytes, less "
                                         "than an SQLite header); restore it from a backup.")
    expected = _expected_size(sample[:_HEADER_SIZE])
    # With a WAL next to it the header may run ahead of the file: a checkpoint cut short by a
    # crash has written page 1 but not yet the pages that extend the file, and SQLite rebuilds
    # them from the WAL on open. Only without a WAL is a short file really cut short.
    if expected is not None and size < expected and not _has_wal(path):
        raise _refuse(path, "truncated", f"is damaged: it is cut short ({size} of {expected} "
                                         "bytes); restore it from a backup.")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as probe:
            tables = {row[0] for row in probe.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorname", None) or "").startswith(NOT_ALLOWED):
            # A sound file SQLite may not use here (a WAL file in a folder it cannot write
            # its shared-memory file in): saying "damaged" would send people to a backup.
            raise StorageError(f"{path}: {engine_trouble(exc)}") from exc
        raise _refuse(path, "damaged", f"is damaged and cannot be read ({exc}); restore it "
                                       "from a backup.") from exc
    if "schema_version" not in tables:
        raise _refuse(path, "foreign", "is an SQLite file but not a RecoveryDesk database.")


def remove_database_files(path: Path) -> None:
    """Remove a half-made database and the files SQLite keeps beside it.

    Regular files only: a device or a pipe named by mistake (``--db /dev/full``) is never
    removed, whatever went wrong.
    """
    for leftover in (path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm",
                                                                    "-journal"))):
        if leftover.is_file():
            leftover.unlink(missing_ok=True)
