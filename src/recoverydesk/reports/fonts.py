"""The report's fonts: DejaVu Sans for text, and a font per script DejaVu lacks.

DejaVu Sans draws Latin, Greek, Cyrillic, Arabic and Hebrew; WenQuanYi Micro Hei draws
Chinese, Japanese and Korean; Noto Sans Devanagari and Noto Sans Thai draw Hindi (and the
other Devanagari languages) and Thai. All are TrueType (glyf) fonts shipped in
``recoverydesk/resources/fonts`` with their licences. reportlab has no per-character
fallback, so :meth:`FontSet.markup` wraps runs DejaVu lacks in ``<font name=...>``.
Registration happens once per process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import as_file, files
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont, shapeStr

from recoverydesk.reports import shaping

FONT_DIR = files("recoverydesk") / "resources" / "fonts"


@dataclass(frozen=True)
class FontSet:
    """Font names for body and bold text, and the fonts for scripts the body font lacks."""

    regular: str
    bold: str
    # (regular, bold) of each script font, tried in order for a character the body font
    # lacks; the first (CJK, which also has Latin) is the chart font. Empty: built-in
    # fonts only.
    fallbacks: tuple[tuple[str, str], ...] = ()

    @property
    def chart(self) -> str:
        return self.fallbacks[0][0] if self.fallbacks else self.regular

    def markup(self, text: str, bold: bool = False) -> str:
        """``text`` escaped for Paragraph markup, with each run the body font cannot draw
        in the first script font that can (its bold face for ``bold`` text)."""
        return _markup(self, text, bold)

    def font_for(self, ch: str) -> int:
        """Which font draws ``ch``: 0 for the body font, else 1 + its fallback's index."""
        code = ord(ch)
        if not self.fallbacks or code in _cmap(self.regular):
            return 0  # (the built-in fonts have no character map to look in)
        for index, (regular, _) in enumerate(self.fallbacks, start=1):
            if code in _cmap(regular):
                return index
        return 0  # nobody has it: the body font draws its box

    def name(self, index: int, bold: bool = False) -> str:
        """The font name of :meth:`font_for`'s ``index``, its bold face for ``bold``."""
        if index == 0:
            return self.bold if bold else self.regular
        return self.fallbacks[index - 1][1 if bold else 0]


# Characters that belong to their neighbours' run whatever font has them: combining marks
# (a Devanagari vowel sign, an Arabic vowel) and the joiners, so a cluster is never split
# across two fonts (which would break its shaping). Not after a space: a mark typed there
# has no letter, and its own script's font draws it (on a dotted circle), not a box.
_CLINGS = frozenset(("Mn", "Mc", "Me", "Cf"))


@lru_cache(maxsize=4096)
def _markup(fonts: FontSet, text: str, bold: bool) -> str:
    """:meth:`FontSet.markup`, cached: a report repeats the same names and labels."""
    out = []
    for chunk, font in font_runs(fonts, text):
        chunk = escape(chunk)
        if font:
            chunk = f'<font name="{fonts.name(font, bold)}">{chunk}</font>'
        out.append(chunk)
    return "".join(out)


def font_runs(fonts: FontSet, text: str) -> list[tuple[str, int]]:
    """``text`` in runs of one font, as ``(chunk, index)`` (see :meth:`FontSet.font_for`)."""
    runs: list[tuple[str, int]] = []
    if not fonts.fallbacks:
        return [(text, 0)] if text else []
    run: list[str] = []
    run_font = 0
    for ch in text:
        font = fonts.font_for(ch)
        clings = run and not run[-1].isspace() and unicodedata.category(ch) in _CLINGS
        if font != run_font and not clings:
            if run:
                runs.append(("".join(run), run_font))
                run.clear()
            run_font = font
        run.append(ch)
    if run:
        runs.append(("".join(run), run_font))
    return runs


# Scripts whose letters join, change form or reorder with their neighbours: Hebrew, Arabic
# (with Syriac, Thaana and N'Ko), the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer, and
# the Hebrew and Arabic presentation forms.
_COMPLEX_SCRIPT = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\ufb1d-\ufdff\ufe70-\ufeff]")


def needs_shaping(text: str) -> bool:
    """Does ``text`` hold a script that prints right only when shaped (HarfBuzz, through
    reportlab's ``shaping``)? Unshaped, an Arabic name prints as separate letters in the
    wrong order. Only such text is shaped: shaping every paragraph makes the whole PDF about
    half as slow again (benchmarks/report.py)."""
    return _COMPLEX_SCRIPT.search(text) is not None


def label_runs(fonts: FontSet, text: str,
               size: float) -> tuple[list[tuple[str, str, float]], float]:
    """A one-line chart label (drawn without markup) as ``(text, font, x)`` runs, ``x``
    from the label's left end, in the order drawn left to right, and the label's width.

    Neighbouring words that one font has form a run (usually the whole name, which then
    copies out of the PDF whole); a name mixing Arabic and Chinese gets a run in each font,
    and so does a word no one font has all of (a Thai name shortened with "…"). Words
    whose script needs it are shaped by HarfBuzz (the canvas draws the glyphs chosen, in
    visual order)."""
    runs: list[tuple[str, str, float]] = []
    x, last_font = 0.0, ""
    for number, word in enumerate(visual_words(text)):
        font = _word_font(fonts, word)
        pieces = [(word, font)] if font else [
            (chunk, fonts.name(index)) for chunk, index in font_runs(fonts, word)]
        for piece_number, (piece, name) in enumerate(pieces):
            drawn, advance = _drawn(piece, name, size)
            if number and not piece_number:  # a space before each word but the first
                gap = pdfmetrics.stringWidth(" ", last_font or name, size)
                if runs and runs[-1][1] == name:
                    before, _, start = runs[-1]
                    runs[-1] = (before + " " + drawn, name, start)
                    x += gap + advance
                    continue
                x += gap
            runs.append((drawn, name, x))
            x += advance
            last_font = name
    return runs, x


def _drawn(text: str, font: str, size: float) -> tuple[str, float]:
    """``text`` as the canvas should draw it in ``font``, shaped if its script needs it,
    and its advance."""
    if needs_shaping(text) and getattr(pdfmetrics.getFont(font), "shapable", False):
        shaped = shapeStr(text, font, size)  # joined forms: narrower than the letters
        if isinstance(shaped, ShapedStr):  # a plain str: shaping changed nothing ("สมชาย")
            return shaped, sum(glyph.x_advance for glyph in shaped.__shapeData__) * size / 1000
    return text, pdfmetrics.stringWidth(text, font, size)


def _word_font(fonts: FontSet, word: str) -> str:
    """The body font when it has every character of ``word`` (Arabic and Hebrew are
    there), else the first script font that has them all; "" when none has."""
    if not fonts.fallbacks:
        return fonts.regular  # the built-in fonts: no character maps to look in
    for name in (fonts.regular, *(regular for regular, _ in fonts.fallbacks)):
        cmap = _cmap(name)
        if all(ord(ch) in cmap for ch in word):
            return name
    return ""


def right_to_left(text: str) -> bool:
    """Is the first strongly directional character of ``text`` a right-to-left one?"""
    for ch in text:
        direction = _direction(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def visual_words(line: str, rtl: bool | None = None) -> list[str]:
    """The words of one line in the order they are drawn left to right.

    reportlab has no bidi algorithm without the ``rlbidi`` package, which no package index
    carries, so this is the part of one a report line needs: in a right-to-left line the
    words are reversed, but a run of left-to-right words (a Latin name, "Wi-Fi router")
    keeps its own order. Each word's letters are put in order by HarfBuzz when shaped.
    ``rtl`` is the paragraph's direction when the line is part of one (default: the line's).
    """
    words = line.split(" ")
    if not (right_to_left(line) if rtl is None else rtl):
        return words
    runs: list[list[str]] = []
    for word in words:
        ltr = not right_to_left(word) and any(_direction(ch) == "L" for ch in word)
        if ltr and runs and runs[-1][0] == "L":
            runs[-1].append(word)
        else:
            runs.append(["L" if ltr else "R", word])
    return [word for run in reversed(runs) for word in run[1:]]


def _direction(ch: str) -> str:
    return unicodedata.bidirectional(ch)


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
    register("RDCJK", "wqy-microhei.ttc", subfontIndex=0)  # one face: bold is regular
    for script in ("Devanagari", "Thai"):
        register(f"RD{script}", f"NotoSans{script}-Regular.ttf")
        register(f"RD{script}-Bold", f"NotoSans{script}-Bold.ttf")
    shaping.install()  # a shaped word in two fonts ("प्रिया,") would fail the build
    addMapping("RDSans", 0, 0, "RDSans")
    addMapping("RDSans", 1, 0, "RDSans-Bold")
    addMapping("RDSans", 0, 1, "RDSans")
    addMapping("RDSans", 1, 1, "RDSans-Bold")
    return FontSet("RDSans", "RDSans-Bold", (("RDCJK", "RDCJK"),
                                               ("RDDevanagari", "RDDevanagari-Bold"),
                                               ("RDThai", "RDThai-Bold")))


BUILTIN = FontSet("Helvetica", "Helvetica-Bold")
"""reportlab's built-in fonts (Latin-1 only): the benchmark's floor, never the report's."""
