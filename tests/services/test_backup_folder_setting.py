"""The backup folder setting: empty means the default folder; a path must be absolute, and
a folder that takes a file (a missing one is made when the setting is saved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoverydesk.errors import ValidationError
from recoverydesk.services import backups, business
from tests.conftest import Shop


@pytest.mark.sqlite_only
def test_a_missing_folder_is_made_and_used_by_the_next_backup(shop: Shop,
                                                              tmp_path: Path) -> None:
    """A folder that does not exist yet is made when saved, and left empty."""
    folder = tmp_path / "later" / "backups"
    business.update_settings(shop.owner_id, backup_folder=f"  {folder}  ")
    assert business.get_settings().backup_folder == str(folder)
    assert folder.is_dir() and list(folder.iterdir()) == []
    made = backups.make_backup(actor_id=shop.owner_id)
    assert made.path.parent == folder


def test_empty_means_the_default_folder(shop: Shop, tmp_path: Path) -> None:
    """Blank text sets the setting back to the default folder (stored as none)."""
    business.update_settings(shop.owner_id, backup_folder=str(tmp_path / "somewhere"))
    business.update_settings(shop.owner_id, backup_folder="   ")
    assert business.get_settings().backup_folder is None


@pytest.mark.parametrize("folder", ["relative/folder", "a\0b", "/media/Sicherung\udce4"])
def test_a_relative_or_malformed_path_is_refused(shop: Shop, folder: str) -> None:
    """A relative path, one with a NUL character, or one whose name was not UTF-8 (Python
    hands such bytes over as half characters, which the database cannot store) is refused
    naming the field."""
    with pytest.raises(ValidationError) as caught:
        business.update_settings(shop.owner_id, backup_folder=folder)
    assert caught.value.field == "backup_folder"
    assert business.get_settings().backup_folder is None


def test_a_file_is_not_a_folder(shop: Shop, tmp_path: Path) -> None:
    """A path to an existing file is refused with a message saying so."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    with pytest.raises(ValidationError, match="is a file, not a folder"):
        business.update_settings(shop.owner_id, backup_folder=str(a_file))


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_folder_that_cannot_take_a_file_is_refused_when_saved(shop: Shop) -> None:
    """``/proc/forbidden`` was "Saved.", then every backup failed with "[Errno 2] No such
    file or directory" (the daily one in the status bar only). /proc takes no folders, even
    from root."""
    with pytest.raises(ValidationError) as refused:
        business.update_settings(shop.owner_id, backup_folder="/proc/forbidden")
    assert refused.value.field == "backup_folder"
    assert str(refused.value) == ("Backups cannot be written to /proc/forbidden (No such file "
                                  "or directory); choose another folder.")
    assert business.get_settings().backup_folder is None
