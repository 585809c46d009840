"""Line breaks and cuts for shaped scripts (``reports.lines``): whole clusters only."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from recoverydesk.reports.fonts import unicode_fonts
from recoverydesk.reports.lines import break_allowed, shorten, wrap_lines

THAI = "ห้องพักไม่สะอาดและแอร์เสียทั้งคืนลูกค้าไม่พอใจมากจึงขอคืนเงินบางส่วน"
HINDI = "कमरेकाएयरकंडीशनरपूरीरातखराबरहाऔरबाथरूमगंदाथाइसलिएहमनेमुफ्तनाश्तादिया"


def test_breaks_are_never_inside_a_cluster() -> None:
    """Not before a vowel sign, tone mark or virama; not after a virama (conjunct) or a
    Thai vowel written before its consonant; not before a Thai vowel written after it."""
    assert not break_allowed("ห", "\u0e49")  # ห + tone mark
    assert not break_allowed("क", "\u094d") and not break_allowed("\u094d", "ष")  # क्ष
    assert not break_allowed("र", "ि")  # vowel sign i (drawn before, typed after)
    assert not break_allowed("แ", "อ") and not break_allowed("ส", "ะ")
    assert not break_allowed("क", "\u200d") and not break_allowed("\u200d", "ष")
    assert break_allowed("ก", "ข") and break_allowed("ा", "क") and break_allowed("a", "b")


@pytest.mark.parametrize("text", [THAI * 3, HINDI * 2, f"{HINDI} Wi-Fi {THAI}"])
@pytest.mark.parametrize("width", [60.0, 120.0, 300.0])
def test_wrapped_lines_fit_and_keep_every_letter(text: str, width: float) -> None:
    """Every line fits (its letters measured in the fonts that draw them), each break
    falls between clusters, and the lines joined again give the text back."""
    fonts = unicode_fonts()
    lines = wrap_lines(fonts, text, 8.5, width)
    assert len(lines) > 1
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    position = 0
    compact = text.replace(" ", "")
    for line in lines:
        drawn = sum(stringWidth(ch, fonts.regular if fonts.font_for(ch) == 0 else
                                fonts.fallbacks[fonts.font_for(ch) - 1][0], 8.5) for ch in line)
        assert drawn <= width
        chunk = line.replace(" ", "")
        if position:
            assert break_allowed(compact[position - 1], compact[position]), line
        position += len(chunk)


def test_a_word_is_moved_whole_when_it_fits_the_next_line() -> None:
    """Spaces come first: words are only cut when one alone is wider than a line."""
    fonts = unicode_fonts()
    assert wrap_lines(fonts, "สมชาย ใจดี", 8.5, 30) == ["สมชาย", "ใจดี"]
    assert wrap_lines(fonts, "प्रिया शर्मा", 8.5, 500) == ["प्रिया शर्मा"]


def test_shorten_cuts_at_a_cluster_boundary() -> None:
    """A name shortened for a chart label never ends in half a cluster."""
    assert shorten("short", 22) == "short"
    assert shorten("कमरेकाएयरकंडीशन", 4) == "कम…"  # not "कमर…": its vowel sign follows
    assert shorten("สมชายใจดีมาก", 7) == "สมชาย…"  # ใ is written before จ: no cut after it
    assert shorten("สมชายใจดีมาก", 4) == "สม…"  # nor before า, written after ช
    assert len(shorten(THAI, 22)) <= 22
