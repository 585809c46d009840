"""The layers of STYLE.md, read from the source: only ``gui/`` imports Qt, and ``gui/``
never reaches the storage layer (pages ask services and get dataclasses)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "recoverydesk"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(under: Path) -> list[Path]:
    files = sorted(under.rglob("*.py"))
    assert files, under
    return files


def test_only_the_gui_imports_qt() -> None:
    """No module outside ``gui/`` imports PySide6, even lazily."""
    offenders = {str(path.relative_to(PACKAGE)): sorted(m for m in _imports(path)
                                                        if m.split(".")[0] == "PySide6")
                 for path in _modules(PACKAGE) if "gui" not in path.relative_to(PACKAGE).parts}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_gui_never_imports_the_storage_layer() -> None:
    """No module in ``gui/`` imports ``recoverydesk.store`` (or peewee), even lazily."""
    offenders = {str(path.relative_to(PACKAGE)): sorted(
        m for m in _imports(path)
        if m.startswith("recoverydesk.store") or m.split(".")[0] in ("peewee", "playhouse"))
        for path in _modules(PACKAGE / "gui")}
    assert {k: v for k, v in offenders.items() if v} == {}
