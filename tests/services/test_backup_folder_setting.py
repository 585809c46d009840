"""The backup folder setting: empty means the default folder; a path must be absolute and
must not be a file (a missing folder is made by the first backup)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoverydesk.errors import ValidationError
from recoverydesk.services import backups, business
from tests.conftest import Shop


@pytest.mark.sqlite_only
def test_a_missing_folder_is_kept_and_used_by_the_next_backup(shop: Shop,
                                                              tmp_path: Path) -> None:
    """A folder that does not exist yet is accepted; the next backup creates it."""
    folder = tmp_path / "later" / "backups"
    business.update_settings(shop.owner_id, backup_folder=f"  {folder}  ")
    assert business.get_settings().backup_folder == str(folder)
    made = backups.make_backup(actor_id=shop.owner_id)
    assert made.path.parent == folder


def test_empty_means_the_default_folder(shop: Shop) -> None:
    """Blank text sets the setting back to the default folder (stored as none)."""
    business.update_settings(shop.owner_id, backup_folder="/somewhere")
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
