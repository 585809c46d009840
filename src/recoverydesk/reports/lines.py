"""Line breaks and cuts that keep letter clusters whole, for text in shaped scripts.

Thai writes a whole sentence without spaces, and a Hindi or Arabic name can be one long
word. reportlab breaks a word wider than its column at any character, even between a
consonant and its vowel sign or inside a conjunct, and the broken pieces of shaped text
print as boxes. So such paragraphs are broken into lines here: at spaces, and inside a word
only where a new cluster begins. Widths are the sum of each character's own width in the
font that draws it, which is no less than the shaped width (joined letters and conjuncts
are narrower), so reportlab never has to break a line again.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase.pdfmetrics import stringWidth

from recoverydesk.reports.fonts import FontSet

_JOINERS = "\u200c\u200d"  # zero-width (non-)joiner: part of the cluster around them
# Thai and Lao vowels written before their consonant, and those written after it that are
# letters (Lo) rather than marks: a line must not separate either from the consonant.
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")
_FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45\u0eb0\u0eb2\u0eb3")


def break_allowed(before: str, after: str) -> bool:
    """May a line end between the characters ``before`` and ``after`` of one word?"""
    if unicodedata.category(after) in ("Mn", "Mc", "Me") or after in _JOINERS:
        return False  # a vowel sign, tone mark, virama or nukta belongs to what precedes
    if before in _JOINERS or unicodedata.combining(before) == 9:
        return False  # after a virama the next consonant joins the conjunct
    return before not in _LEADING_VOWELS and after not in _FOLLOWING_VOWELS


def wrap_lines(fonts: FontSet, text: str, size: float, width: float,
               bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width`` points: broken at spaces, and a word
    wider than a line between clusters (never less than one cluster a line)."""
    lines: list[str] = []
    line, line_width = "", 0.0
    space = stringWidth(" ", fonts.bold if bold else fonts.regular, size)
    for word in text.split():
        widths = [stringWidth(ch, fonts.name(fonts.font_for(ch), bold), size) for ch in word]
        word_width = sum(widths)
        if line and line_width + space + word_width <= width:
            line, line_width = f"{line} {word}", line_width + space + word_width
            continue
        if line:
            lines.append(line)
        while word_width > width:
            cut = _cut(word, widths, width)
            if cut == len(word):
                break
            lines.append(word[:cut])
            word, widths = word[cut:], widths[cut:]
            word_width = sum(widths)
        line, line_width = word, word_width
    lines.append(line)
    return lines


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters with "…", at a cluster boundary."""
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 1 and not break_allowed(text[cut - 1], text[cut]):
        cut -= 1
    return text[:cut].rstrip() + "…"


def _cut(word: str, widths: list[float], width: float) -> int:
    """Where the first line of a too-wide word ends: the last cluster boundary within
    ``width``, or the first boundary at all when one cluster is wider than the line."""
    best, used = 0, 0.0
    for index in range(1, len(word)):
        used += widths[index - 1]  # the width of word[:index]
        if break_allowed(word[index - 1], word[index]):
            if used > width:
                return best or index
            best = index
    return best or len(word)
