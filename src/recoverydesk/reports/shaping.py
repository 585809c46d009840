"""Shaping words that mix fonts, which reportlab cannot do by itself.

A shaped paragraph (``shaping=1``: Arabic, Hebrew, Devanagari, Thai...) passes each word to
``reportlab.pdfbase.ttfonts.shapeFragWord``, which shapes the whole word with its first
fragment's font and then looks the glyphs up in each fragment's own font. When a word mixes
fonts, as "प्रिया," does (the comma comes from DejaVu Sans) or a long Thai description cut
short with "…", the glyph numbers belong to the wrong font and the PDF build fails with an
``AttributeError``. :func:`install` makes platypus shape each font's stretch of such a word
on its own; a word in one font goes to reportlab unchanged.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

_shape_in_one_font = ttfonts.shapeFragWord


def shape_per_font(word: list[Any], *args: Any, **kwargs: Any) -> list[Any]:
    """``shapeFragWord`` for a frag word (``[width, (frag, text), ...]``) in any fonts."""
    groups = _stretches(word)
    if len(groups) < 2 or isinstance(word, ttfonts.ShapedFragWord):
        return _shape_in_one_font(word, *args, **kwargs)
    parts = []
    for group in groups:
        width = sum(pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
                    for frag, text in group if not hasattr(frag, "cbDefn"))
        parts.append(_shape_in_one_font(word.__class__([width, *group]), *args, **kwargs))
    if not any(isinstance(part, ttfonts.ShapedFragWord) for part in parts):
        return word
    shaped: list[Any] = ttfonts.makeShapedFragWord(word)([sum(p[0] for p in parts)])
    for part in parts:
        shaped.extend(part[1:])
    return shaped


def _stretches(word: list[Any]) -> list[list[Any]]:
    """The word's fragments in runs of one font (a callback fragment joins the run it is
    in: it draws no text)."""
    groups: list[list[Any]] = []
    font = None
    for item in word[1:]:
        frag = item[0]
        if hasattr(frag, "cbDefn") and groups:
            groups[-1].append(item)
            continue
        if not groups or frag.fontName != font:
            groups.append([])
            font = frag.fontName
        groups[-1].append(item)
    return groups


def install() -> None:
    """Have platypus paragraphs shape through :func:`shape_per_font` (idempotent)."""
    paragraph.shapeFragWord = shape_per_font
