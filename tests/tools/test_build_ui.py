"""The committed compiled forms are what tools/build_ui.py makes from ui/*.ui today."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _build_ui() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "tools" / "build_ui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_ui", module)
    spec.loader.exec_module(module)
    return module


def test_every_form_is_compiled_and_committed_up_to_date() -> None:
    """Regenerating each ui/*.ui gives exactly the committed gui/forms/ui_<name>.py, with
    ``:/icons/`` rewritten to the ``icons:`` search path; no compiled form lacks its .ui."""
    build_ui = _build_ui()
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert {f.stem for f in ui_files} >= {"start_page", "counter_page", "log_recovery_dialog"}
    for ui_file in ui_files:
        committed = build_ui.target_for(ui_file).read_text(encoding="utf-8")
        generated = build_ui.compile_form(ui_file)
        assert generated == committed, f"{ui_file.name}: run python tools/build_ui.py"
        assert ":/icons/" not in generated
    compiled = {p.stem.removeprefix("ui_") for p in build_ui.FORMS_DIR.glob("ui_*.py")}
    assert compiled == {f.stem for f in ui_files}


def test_icons_the_forms_name_exist_in_the_resources() -> None:
    """Each ``icons:NAME`` a form or the window asks for is a file in gui/resources/icons."""
    icons = ROOT / "src" / "recoverydesk" / "gui" / "resources" / "icons"
    gui = ROOT / "src" / "recoverydesk" / "gui"

    asked = {name for path in gui.rglob("*.py")
             for name in re.findall(r'icons:([\w.-]+\.svg)', path.read_text(encoding="utf-8"))}
    assert asked, "no icons referenced"
    assert asked <= {p.name for p in icons.glob("*.svg")}
