"""The report's fonts: DejaVu Sans for text, WenQuanYi Micro Hei where DejaVu has no glyph.

Both are TrueType (glyf) fonts shipped in ``recoverydesk/resources/fonts`` with their
licences, so every name renders whatever its script. reportlab has no per-character
fallback, so :meth:`FontSet.markup` wraps runs DejaVu lacks in ``<font name=...>``.
Registration happens once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import as_file, files
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = files("recoverydesk") / "resources" / "fonts"


@dataclass(frozen=True)
class FontSet:
    """Font names for body, bold and (optionally) the fallback for other scripts."""

    regular: str
    bold: str
    fallback: str | None  # also the font for chart labels; None: built-in fonts only

    @property
    def chart(self) -> str:
        return self.fallback or self.regular

    def markup(self, text: str) -> str:
        """``text`` escaped for Paragraph markup, with runs the main font cannot draw in
        the fallback font."""
        return _markup(self, text)


@lru_cache(maxsize=4096)
def _markup(fonts: FontSet, text: str) -> str:
    """:meth:`FontSet.markup`, cached: a report repeats the same names and labels."""
    fallback = fonts.fallback
    if fallback is None:
        return escape(text)
    main, extra = _cmap(fonts.regular), _cmap(fallback)
    out: list[str] = []
    run: list[str] = []
    run_is_fallback = False

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(f'<font name="{fallback}">{chunk}</font>' if run_is_fallback else chunk)
            run.clear()

    for ch in text:
        needs = ord(ch) not in main and ord(ch) in extra
        if needs != run_is_fallback:
            flush()
            run_is_fallback = needs
        run.append(ch)
    flush()
    return "".join(out)


@cache
def _cmap(name: str) -> dict[int, int]:
    font = pdfmetrics.getFont(name)
    return font.face.charToGlyph


@cache
def unicode_fonts() -> FontSet:
    """Register the shipped fonts (once) and return their names."""
    def register(name: str, filename: str, **kwargs: int) -> None:
        with as_file(FONT_DIR / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path), **kwargs))

    register("RDSans", "DejaVuSans.ttf")
    register("RDSans-Bold", "DejaVuSans-Bold.ttf")
    register("RDCJK", "wqy-microhei.ttc", subfontIndex=0)
    addMapping("RDSans", 0, 0, "RDSans")
    addMapping("RDSans", 1, 0, "RDSans-Bold")
    addMapping("RDSans", 0, 1, "RDSans")
    addMapping("RDSans", 1, 1, "RDSans-Bold")
    return FontSet("RDSans", "RDSans-Bold", "RDCJK")


BUILTIN = FontSet("Helvetica", "Helvetica-Bold", None)
"""reportlab's built-in fonts (Latin-1 only): the benchmark's floor, never the report's."""
