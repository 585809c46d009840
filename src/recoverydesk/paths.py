"""Where RecoveryDesk keeps its files by default (platform conventions via platformdirs)."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "RecoveryDesk"

# platformdirs (which brings tempfile, shutil and the compression modules) is imported by
# the function that needs it: a start with --db (a PostgreSQL till, the demo) needs no
# default folder, and the entry point imports this module (benchmarks/startup.py).


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "recoverydesk.db"


def log_file_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / "recoverydesk.log"


def default_backup_folder() -> Path:
    """Where backups go unless the business setting ``backup_folder`` names another."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "backups"


def default_demo_path() -> Path:
    """The demo business the first-run chooser builds and opens, beside the default file."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "recoverydesk-demo.db"
