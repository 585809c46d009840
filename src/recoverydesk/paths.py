"""Where RecoveryDesk keeps its files by default (platform conventions via platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "RecoveryDesk"


def default_database_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "recoverydesk.db"


def log_file_path() -> Path:
    return user_log_path(APP_NAME, appauthor=False) / "recoverydesk.log"


def default_backup_folder() -> Path:
    """Where backups go unless the business setting ``backup_folder`` names another."""
    return user_data_path(APP_NAME, appauthor=False) / "backups"


def default_demo_path() -> Path:
    """The demo business the first-run chooser builds and opens, beside the default file."""
    return user_data_path(APP_NAME, appauthor=False) / "recoverydesk-demo.db"
