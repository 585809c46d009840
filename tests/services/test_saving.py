"""Saving finished documents (``services.saving.save_file``): whole or not at all, with the
permissions a saved document should have, and never in place of a device or a pipe."""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from recoverydesk.errors import StorageError
from recoverydesk.services.saving import save_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and pipes")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_file_gets_the_usual_permissions(tmp_path: Path, umask_022: None) -> None:
    """0666 less the umask, as any program's new file: an accountant on the same machine or
    share can open the report (a private temporary file would have kept mode 0600)."""
    target = save_file(tmp_path / "report.pdf", b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert mode_of(target) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary left


@posix_only
def test_a_replaced_file_keeps_its_own_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "october.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    save_file(target, b"new")
    assert (target.read_bytes(), mode_of(target)) == (b"new", 0o640)


@posix_only
def test_a_private_file_is_for_its_owner_only(tmp_path: Path, umask_022: None) -> None:
    """The recovery key sheet: readable by the owner's account alone, new or replaced."""
    target = tmp_path / "key.txt"
    save_file(target, b"KEY-1", private=True)
    assert mode_of(target) == 0o600
    target.chmod(0o644)
    save_file(target, b"KEY-2", private=True)
    assert (target.read_bytes(), mode_of(target)) == (b"KEY-2", 0o600)


@posix_only
def test_a_link_to_a_file_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    save_file(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_folder_or_a_missing_folder_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder; give a file name"):
        save_file(tmp_path, b"x")
    missing = tmp_path / "no such folder" / "report.pdf"
    with pytest.raises(StorageError, match=r"Cannot write to .*no such folder"):
        save_file(missing, b"x")
    assert not missing.parent.exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fails while the new copy is flushed (a disk error cannot be made here, so
    ``fsync`` raises one): the old report is still whole and nothing else is left."""
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")

    def failing_fsync(_fd: int) -> None:
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(StorageError, match=r"Cannot write .*report\.pdf: Input/output error"):
        save_file(target, b"the new report")
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


@posix_only
def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/stdout`` or a pipe to a printer: the data goes in and the pipe stays."""
    pipe = tmp_path / "to-printer"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    save_file(pipe, b"%PDF-1.4 to the printer")
    reader.join(timeout=10)
    assert received == [b"%PDF-1.4 to the printer"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
