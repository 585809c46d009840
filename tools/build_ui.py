"""Compile the Designer forms in ``ui/`` to ``src/recoverydesk/gui/forms/ui_<name>.py``.

    python tools/build_ui.py            # (re)write the compiled forms
    python tools/build_ui.py --check    # exit 1 if a committed form is stale

Like Anki's ``qt/tools/build_ui.py``: forms are compiled with ``pyside6-uic`` and committed,
``:/icons/`` becomes the ``icons:`` search path that ``gui/theme.py`` registers (no .qrc), and
the line naming the uic version is dropped so another Qt patch release yields the same file,
and the imports are cut to the names the form uses: PySide6 creates each Qt class on first
access, and uic's blanket imports (gradients, transforms, …) cost start-up time for nothing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "recoverydesk" / "gui" / "forms"
INIT_TEXT = '"""Forms compiled from ui/*.ui by tools/build_ui.py; do not edit."""\n'


def _uic() -> list[str]:
    beside = Path(sys.executable).parent / "pyside6-uic"
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install PySide6 in this environment")
    return [found]


_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def _used_imports_only(source: str) -> str:
    body = _IMPORT.sub("", source)

    def keep_used(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).split(",") if n.strip()]
        used = [n for n in names if re.search(rf"\b{n}\b", body)]
        return f"from {match.group(1)} import {', '.join(used)}\n" if used else ""

    return _IMPORT.sub(keep_used, source)


def compile_form(ui_file: Path) -> str:
    """The Python source for one ``.ui`` file, as committed."""
    result = subprocess.run([*_uic(), str(ui_file)], capture_output=True, text=True,
                            check=True, encoding="utf-8")
    lines = [line for line in result.stdout.splitlines()
             if not line.startswith("## Created by: Qt User Interface Compiler")]
    source = "\n".join(lines).replace('":/icons/', '"icons:') + "\n"
    return _used_imports_only(source)


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args()
    stale = []
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not args.check and not init.exists():
        init.write_text(INIT_TEXT, encoding="utf-8")
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        source, target = compile_form(ui_file), target_for(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == source:
            continue
        stale.append(target.relative_to(ROOT))
        if not args.check:
            target.write_text(source, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if args.check else 'wrote'}: {path}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
