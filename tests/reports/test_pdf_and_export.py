"""The monthly PDF read back with pypdf, and the CSV export read back with the csv module."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from recoverydesk.core.months import Month
from recoverydesk.errors import StorageError
from recoverydesk.reports.export import neutralise
from recoverydesk.reports.figures import compute
from recoverydesk.services import business, customers, recoveries, reports, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import database
from tests.conftest import Shop, make_shop

MARCH = Month(2026, 3)
NAMES = ("Łucja Zażółć", "Magnus Øberg", "Иван Петров", "王小明")
AS_OF = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 11) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=UTC)


def populate(shop: Shop) -> list[int]:
    """Four staff with non-Latin names, each with an incident and a gesture in March."""
    ids = []
    for number, name in enumerate(NAMES):
        employee = shop.staff(name, 20_000, 5_000)
        ids.append(employee)
        logged = recoveries.log_recovery(
            employee, shop.incident("Soup was cold; " * 40),  # a long description
            new_customer=CustomerInput(name=f"Guest {name}"),
            gesture=GestureInput("free_item", 350 + 100 * number), now=at(10 + number))
        assert logged.customer_id is not None
        if number % 2 == 0:
            customers.record_return_visit(shop.owner_id, logged.customer_id,
                                          visited_on=date(2026, 3, 20), now=at(20))
    return ids


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def undrawable(path: Path) -> set[tuple[str, str]]:
    """(font, character) pairs the PDF draws in an embedded font that has no glyph for
    them: each prints as an empty box. The codes each text operator draws are looked up in
    its font's ToUnicode map and then in the registered font's own character map, where a
    missing character or glyph 0 is the box (private-use codes are the shaped glyphs
    HarfBuzz chose, which reportlab adds there; a letter HarfBuzz found no glyph for is
    drawn as glyph 0 under some character that maps to it)."""
    from pypdf.generic import ContentStream, TextStringObject
    from reportlab.pdfbase import pdfmetrics

    from recoverydesk.reports.fonts import unicode_fonts

    shipped = unicode_fonts()
    names = [shipped.regular, shipped.bold, *(f for pair in shipped.fallbacks for f in pair)]
    faces = [pdfmetrics.getFont(name).face for name in names]
    cmaps = {(face.name + face.subfontNameX).decode(): face.charToGlyph for face in faces}
    reader = PdfReader(path)
    missing = set()
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        to_unicode: dict[int, str] = {}
        face = ""
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font = resources[operands[0]].get_object()
                face = str(font["/BaseFont"]).split("+", 1)[-1]
                to_unicode = {}
                if "/ToUnicode" in font:  # else a built-in font: no embedded glyphs
                    mapping = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                    to_unicode = {int(code, 16): chr(int(char, 16)) for code, char in
                                  re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,})>", mapping)}
                continue
            if operator not in (b"Tj", b"TJ", b"'", b'"') or not to_unicode:
                continue
            items = operands[0] if operator == b"TJ" else [operands[-1]]
            for item in items:
                if isinstance(item, (bytes, TextStringObject)):
                    raw = item.get_original_bytes() if isinstance(item, TextStringObject) \
                        else bytes(item)
                    for code in raw:
                        char = to_unicode[code]
                        if not cmaps[face].get(ord(char)):  # glyph 0 is the box
                            missing.add((face, char))
    return missing


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_shows_the_business_month_names_and_totals(shop: Shop, tmp_path: Path,
                                                           paper: str) -> None:
    """Page count and "page 1 of N", business name, month, every employee name in every
    script, and the totals equal to the figures, on A4 and Letter."""
    populate(shop)
    target = tmp_path / "report.pdf"
    figures = reports.save_pdf(MARCH, target, paper=paper, now=AS_OF)
    pages, text = pdf_text(target)
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    assert pages >= 2
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    assert "Café Zażółć" in text and "2026-03" in text
    for name in NAMES:
        assert name in text
    assert not undrawable(target)
    assert figures.spend_minor == 350 + 450 + 550 + 650 == 2_000
    assert figures.provisional and "Provisional" in text
    # de_DE money: the key figure and the employee table's total both show the spend;
    # the total row also sums incidents, gestures, escalations and retained (2 visits).
    # the budget (four allowances of 200 €) appears as the key figure and the total.
    assert figures.budget_minor == 4 * 20_000
    assert text.count("20,00 €") >= 2 and text.count("800,00 €") >= 2
    assert re.search(r"Total\s+800,00 €\s+20,00 €\s+4\s+4\s+0\s+2", text)
    width = PdfReader(target).pages[0].mediabox.width
    assert round(float(width)) == (595 if paper == "a4" else 612)


def test_an_empty_month_gives_an_honest_short_report(shop: Shop, tmp_path: Path) -> None:
    """No data: a valid PDF that says there were no incidents, with zero totals."""
    target = tmp_path / "empty.pdf"
    figures = reports.save_pdf(Month(2025, 12), target, now=AS_OF)
    pages, text = pdf_text(target)
    assert figures.incidents == 0 and not figures.provisional
    assert f"page 1 of {pages}" in text
    assert "No incidents were logged in this month." in text
    assert "Provisional" not in text


def test_pdf_progress_reaches_the_end(shop: Shop) -> None:
    """The progress callback is called with a growing count and ends at its total."""
    populate(shop)
    calls: list[tuple[int, int, str]] = []
    data, _figures = reports.build_pdf(MARCH, now=AS_OF,
                                       progress=lambda d, t, label: calls.append((d, t, label)))
    assert data.startswith(b"%PDF")
    done = [d for d, _t, _label in calls]
    assert done == sorted(done) and calls[-1][0] == calls[-1][1]


def test_csv_round_trips_awkward_names_and_neutralises_formulas(tmp_path: Path) -> None:
    """One row per gesture with a header; commas, quotes and newlines survive; formula-like
    cells are neutralised; amounts are dot decimals a spreadsheet sums; voided rows marked."""
    shop = make_shop(tmp_path / "shop.db")
    try:
        anna = shop.staff('Anna "Ann", Smith', 20_000, 5_000)
        first = recoveries.log_recovery(
            anna, shop.incident(), new_customer=CustomerInput(name="=HYPERLINK(1)"),
            gesture=GestureInput("gift", 1_250, 2_000, "Flowers,\n\"roses\""), now=at(10))
        second = recoveries.log_recovery(anna, shop.incident(),
                                         gesture=GestureInput("refund", 5), now=at(11))
        assert second.gesture is not None
        recoveries.void_gesture(shop.owner_id, second.gesture.gesture_id, "Typo", now=at(12))
        customers.erase_customer(shop.owner_id, first.customer_id or 0, now=at(13))
        recoveries.log_recovery(anna, shop.incident(), new_customer=CustomerInput(
            name="-2+3"), gesture=GestureInput("discount", 300), now=at(14))
        out = io.BytesIO()
        assert reports.export_csv(MARCH, out) == 3
    finally:
        business.close_business()
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert [r["cost"] for r in rows] == ["12.50", "0.05", "3.00"]
    assert rows[0]["employee"] == 'Anna "Ann", Smith'
    assert rows[0]["description"] == 'Flowers,\n"roses"'
    assert rows[0]["customer"] == "(erased)" and rows[1]["customer"] == "anonymous"
    assert rows[2]["customer"] == "'-2+3"
    assert [r["voided"] for r in rows] == ["no", "yes", "no"]
    assert rows[0]["value"] == "20.00" and rows[0]["currency"] == "EUR"
    assert rows[0]["date"] == "2026-03-10" and rows[0]["time"] == "12:00"  # Berlin time


def test_neutralise_only_touches_formula_starts() -> None:
    assert [neutralise(t) for t in ("=1+1", "+1", "-1", "@x", "a=b", "")] == [
        "'=1+1", "'+1", "'-1", "'@x", "a=b", ""]


def test_jpy_amounts_have_no_decimals(tmp_path: Path) -> None:
    """Currencies without minor digits export whole numbers (1250, not 12.50)."""
    shop = make_shop(tmp_path / "yen.db", timezone="Asia/Tokyo", currency="JPY",
                     locale="ja_JP")
    try:
        ken = shop.staff("健", 100_000, 10_000)
        recoveries.log_recovery(ken, shop.incident(), gesture=GestureInput("gift", 1_250),
                                now=at(10))
        out = io.BytesIO()
        reports.export_csv(MARCH, out)
    finally:
        business.close_business()
    (row,) = csv.DictReader(io.StringIO(out.getvalue().decode("utf-8")))
    assert (row["cost"], row["currency"], row["employee"]) == ("1250", "JPY", "健")


def test_markup_escapes_and_wraps_only_what_dejavu_lacks() -> None:
    """Runs DejaVu cannot draw go to the CJK font; markup characters are escaped."""
    from recoverydesk.reports.fonts import unicode_fonts

    fonts = unicode_fonts()
    assert fonts.markup("李明 Łucja & <Иван>") == (
        f'<font name="{fonts.chart}">李明</font> Łucja &amp; &lt;Иван&gt;')
    # Bold text takes a script font's bold face; a joiner stays inside its cluster's run.
    assert fonts.markup("Hotel प्रिया", bold=True) == (
        'Hotel <font name="RDDevanagari-Bold">प्रिया</font>')
    assert fonts.markup("क्\u200dष") == '<font name="RDDevanagari">क्\u200dष</font>'
    # A tone mark typed after a space has no letter: its own script's font draws it.
    assert fonts.markup("สมชาย \u0e48") == (
        '<font name="RDThai">สมชาย</font> <font name="RDThai">\u0e48</font>')


def test_a_business_with_many_employees_still_gets_its_pdf(shop: Shop) -> None:
    """Sixty people: the spend-per-employee chart shrinks its bars to fit a page instead of
    failing the whole report (on A4 and Letter)."""
    from recoverydesk.services import team

    for i in range(60):
        shop.staff(f"Person {i:02d}", 10_000, 5_000)
    for paper in ("a4", "letter"):
        data, figures = reports.build_pdf(Month(2026, 3), paper,
                                          now=datetime(2026, 3, 20, tzinfo=UTC))
        assert len(figures.employees) == 61
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert "Person 59" in text and "Spend against allowance" in text
    assert len(team.list_employees()) == 61


def test_arabic_names_are_shaped_and_in_reading_order(shop: Shop, tmp_path: Path) -> None:
    """An Arabic-named employee and customer: HarfBuzz picks the joined letter forms and
    the words are drawn right to left, in the per-employee table, the chart and the incident
    list. pypdf reads a right-to-left line back in typed order, so each line must come back
    as the name in presentation forms. Unshaped, it would be plain letters; with the words
    in typed order, it would come back with the words swapped."""

    employee = shop.staff("سمير حداد", 20_000, 5_000)
    recoveries.log_recovery(employee, shop.incident(), new_customer=CustomerInput(
        name="ليلى العلي"), gesture=GestureInput("gift", 300), now=at(10))
    target = tmp_path / "report.pdf"
    reports.save_pdf(MARCH, target, now=AS_OF)
    _pages, text = pdf_text(target)
    found = []
    for line in text.splitlines():
        arabic = "".join(ch for ch in line if "\u0600" <= ch <= "\u06ff"
                         or "\ufe70" <= ch <= "\ufeff" or ch == " ").strip()
        if arabic:
            assert any("\ufe70" <= ch <= "\ufeff" for ch in arabic), line  # shaped forms
            found.append(unicodedata.normalize("NFKC", arabic))
    assert sorted(found) == sorted(["سمير حداد"] * 3 + ["ليلى العلي"])


def test_devanagari_and_thai_names_print_shaped_in_their_fonts(shop: Shop,
                                                               tmp_path: Path) -> None:
    """Hindi and Thai names get Noto Sans Devanagari and Noto Sans Thai (bold in a bold
    title): no character of the report lacks a glyph in its font. The Devanagari is
    shaped: a conjunct (प्र, र्म, क्ष) is drawn as one glyph, so the PDF holds no visible
    virama (्), which it would if the letters were set side by side."""
    hindi, thai = "प्रिया शर्मा", "สมชาย ใจดี"
    business.update_settings(shop.owner_id, name="होटल Zażółć")  # the bold title
    employee = shop.staff(hindi, 20_000, 5_000)
    recoveries.log_recovery(employee, shop.incident(), new_customer=CustomerInput(name=thai),
                            gesture=GestureInput("gift", 300), now=at(10))
    recoveries.log_recovery(employee, shop.incident(), new_customer=CustomerInput(
        name="क्षत्रिय"), now=at(11))
    target = tmp_path / "report.pdf"
    reports.save_pdf(MARCH, target, now=AS_OF)
    assert not undrawable(target)
    _pages, text = pdf_text(target)
    fonts = {str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
             for page in PdfReader(target).pages
             for font in page["/Resources"]["/Font"].values()}
    assert {"NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold",
            "NotoSansThai-Regular"} <= fonts
    assert "\u094d" in hindi and "\u094d" not in text
    assert text.count(thai) == 1  # Thai keeps its letters: only marks move


def test_the_demo_report_draws_every_character_in_a_font_that_has_it(tmp_path: Path) -> None:
    """The demo's guests come from eleven countries (Norwegian, Polish, Ukrainian, Chinese,
    Arabic, Hindi, Thai... names): its month report prints no empty box."""
    from recoverydesk.services.demo import build_demo

    build_demo(tmp_path / "demo.db", months=2, end_month=Month(2026, 10),
               today=date(2026, 11, 28), pin_cost=4)
    business.open_business(tmp_path / "demo.db")
    try:
        target = tmp_path / "october.pdf"
        reports.save_pdf(Month(2026, 10), target, now=datetime(2026, 11, 28, tzinfo=UTC))
    finally:
        business.close_business()
    _pages, text = pdf_text(target)
    assert re.search("[\u0900-\u097f]", text) and re.search("[\u0e00-\u0e7f]", text)
    assert not undrawable(target)


def test_undrawable_finds_the_boxes_of_a_script_without_a_font(shop: Shop, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """The check above can fail: with no Devanagari font among the fallbacks, the name
    goes to DejaVu Sans, which has no glyph for it."""
    from dataclasses import replace

    from recoverydesk.reports import fonts, pdf

    shipped = fonts.unicode_fonts()
    no_devanagari = replace(shipped, fallbacks=tuple(
        pair for pair in shipped.fallbacks if "Devanagari" not in pair[0]))
    monkeypatch.setattr(pdf, "unicode_fonts", lambda: no_devanagari)
    employee = shop.staff("प्रिया शर्मा", 20_000, 5_000)
    recoveries.log_recovery(employee, shop.incident(), now=at(10))
    target = tmp_path / "report.pdf"
    reports.save_pdf(MARCH, target, now=AS_OF)
    assert "DejaVuSans" in {face for face, _char in undrawable(target)}


def test_right_to_left_words_are_drawn_in_visual_order() -> None:
    """Words of a right-to-left line go right to left; a left-to-right run inside keeps its
    order; a left-to-right line is untouched; a wrapped line follows its paragraph."""
    from recoverydesk.reports.fonts import visual_words

    assert visual_words("سمير حداد") == ["حداد", "سمير"]
    assert visual_words("غرفة 212 Wi-Fi router معطل") == [
        "معطل", "Wi-Fi", "router", "212", "غرفة"]
    assert visual_words("Łucja Zażółć") == ["Łucja", "Zażółć"]
    assert visual_words("router معطل", rtl=True) == ["معطل", "router"]


def test_only_complex_scripts_are_shaped() -> None:
    """Shaping costs time on every paragraph, so Latin, Cyrillic and CJK text skip it."""
    from recoverydesk.reports.fonts import needs_shaping

    assert not any(needs_shaping(t) for t in ("Łucja Zażółć", "Иван", "王小明", "O'Brien"))
    assert all(needs_shaping(t) for t in ("ليلى", "שרה", "अनिल", "สมชาย", "Café ليلى"))


def test_a_chart_label_mixing_scripts_gets_a_font_per_run() -> None:
    """Chart labels take no markup: a name mixing Chinese and Arabic is drawn in runs, each
    in a font that has it (one font for the whole name would print boxes or nothing), the
    Arabic shaped and narrower than its letters set apart; a name in one script is one run,
    its words in visual order."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedStr

    from recoverydesk.reports.fonts import label_runs, unicode_fonts

    fonts = unicode_fonts()
    runs, width = label_runs(fonts, "王小明 علي", 7)
    (cjk, cjk_font, cjk_x), (arabic, arabic_font, arabic_x) = runs
    assert (cjk, cjk_font, arabic_font) == ("王小明", fonts.chart, fonts.regular)
    assert isinstance(arabic, ShapedStr) and str(arabic) != "علي"
    advance = width - arabic_x
    assert 0 < advance < stringWidth("علي", fonts.regular, 7)
    space = stringWidth(" ", fonts.chart, 7)
    assert cjk_x == 0 and arabic_x == pytest.approx(stringWidth("王小明", fonts.chart, 7) + space)
    [(name, font, _)], _width = label_runs(fonts, "سمير حداد", 7)
    assert font == fonts.regular and name.split(" ")[1] != "حداد"


def test_a_chart_label_that_shaping_leaves_alone_is_measured_as_typed() -> None:
    """A Thai name with no vowel or tone marks comes back from HarfBuzz unchanged, as a
    plain string: it is measured as typed (the chart failed the whole report on it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from recoverydesk.reports.fonts import label_runs, unicode_fonts

    fonts = unicode_fonts()
    [(name, font, x)], width = label_runs(fonts, "สมชาย", 7)
    assert (name, font, x) == ("สมชาย", "RDThai", 0)
    assert width == pytest.approx(stringWidth("สมชาย", "RDThai", 7))


def test_a_chart_label_no_one_font_can_draw_is_split_inside_its_word() -> None:
    """A long Thai name shortened for the chart ends in "…", which the Thai font lacks:
    the letters go to the Thai font and the "…" to DejaVu, side by side (one font for the
    whole word would draw the letters as boxes)."""
    from recoverydesk.reports.fonts import label_runs, unicode_fonts
    from recoverydesk.reports.lines import shorten

    fonts = unicode_fonts()
    label = shorten("สมชายใจดีมากมายหลายคนในโรงแรม", 22)
    (thai, thai_font, _), (ellipsis, ellipsis_font, ellipsis_x) = label_runs(fonts, label, 7)[0]
    assert thai and (thai_font, str(ellipsis), ellipsis_font) == ("RDThai", "…", fonts.regular)
    assert ellipsis_x > 0


def test_long_thai_and_hindi_text_wraps_between_clusters(shop: Shop, tmp_path: Path) -> None:
    """Thai writes a sentence without spaces, so a Thai description is one long "word":
    it is broken into lines between letter clusters (never between a letter and its vowel
    sign or tone mark, or inside a Hindi conjunct), each line shaped on its own. reportlab
    alone broke such words at any character, which drew boxes, and a shaped word mixing
    two fonts (the "…" that shortens a long description) failed the whole report."""
    thai = "ห้องพักไม่สะอาดและแอร์เสียทั้งคืนลูกค้าไม่พอใจมากจึงขอคืนเงินบางส่วน" * 3
    hindi = "कमरेकाएयरकंडीशनरपूरीरातखराबरहाऔरबाथरूमगंदाथाइसलिएहमनेमुफ्तनाश्तादिया" * 2
    employee = shop.staff("สมชายใจดีมากมายหลายคนในโรงแรม", 20_000, 5_000)  # shortened in the chart
    for day, (text, name) in enumerate(((thai, "สมชายใจดีมากมายหลายคนในโรงแรมของเรา"),
                                        (hindi, "प्रिया,"))):
        recoveries.log_recovery(employee, shop.incident(text), new_customer=CustomerInput(
            name=name), gesture=GestureInput("gift", 300), now=at(10 + day))
    target = tmp_path / "report.pdf"
    reports.save_pdf(MARCH, target, now=AS_OF)
    assert not undrawable(target)


@pytest.mark.sqlite_only
def test_a_moment_edited_into_no_moment_stops_the_file_with_a_message(shop: Shop,
                                                                      tmp_path: Path) -> None:
    """SQLite keeps any text in a date column. A month row whose moment was edited into an
    impossible one (still sorting inside the month) stops the PDF or CSV with a message
    naming the row, and no file is left behind."""
    populate(shop)
    database.execute_sql("UPDATE gesture SET created_at = '2026-03-11 25:00:00' WHERE id = "
                         "(SELECT min(id) FROM gesture)")
    gesture = database.execute_sql("SELECT min(id) FROM gesture").fetchone()[0]
    with pytest.raises(StorageError, match=rf"^Gesture {gesture} has a moment that is not a "
                                           r"date and time \('2026-03-11 25:00:00'\)"):
        reports.export_csv(MARCH, tmp_path / "march.csv")
    incident = database.execute_sql("SELECT min(id) FROM incident").fetchone()[0]
    database.execute_sql("UPDATE incident SET reported_at = '2026-03-10 11:60:00' WHERE id = ?",
                         (incident,))
    with pytest.raises(StorageError, match=rf"^Incident {incident} has a moment"):
        reports.save_pdf(MARCH, tmp_path / "march.pdf", now=AS_OF)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".pdf")) == []


@pytest.mark.sqlite_only
@pytest.mark.parametrize("typed", ["'lots'", "2.5"])
def test_an_amount_edited_into_no_whole_number_stops_the_export_with_a_message(
        shop: Shop, tmp_path: Path, typed: str) -> None:
    """SQLite keeps text or a fraction in an integer column: the export names the gesture
    instead of writing a wrong amount or stopping with an unexpected error."""
    populate(shop)
    gesture = database.execute_sql("SELECT min(id) FROM gesture").fetchone()[0]
    database.execute_sql(f"UPDATE gesture SET cost_minor = {typed} WHERE id = ?", (gesture,))
    with pytest.raises(StorageError, match=rf"^Gesture {gesture} has an amount that is not a "
                                           "whole number"):
        reports.export_csv(MARCH, tmp_path / "march.csv")
    assert not (tmp_path / "march.csv").exists()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("typed", ["'lots'", "2.5"])
@pytest.mark.parametrize("where", ["this month", "an earlier month", "a void"])
def test_an_amount_edited_into_no_whole_number_stops_the_figures_with_a_message(
        shop: Shop, tmp_path: Path, typed: str, where: str) -> None:
    """SQLite's SUM adds a word as 0 and a fraction as itself, so a damaged cost used to
    change the report's totals without a word. The figures (PDF, stats, Reports page) now
    stop with a message pointing to ``check``, wherever in the report's months it lies."""
    populate(shop)
    first_of_february = datetime(2026, 2, 1, 9, tzinfo=UTC)
    earlier = team.add_employee(shop.owner_id, "Fanny February", "staff", "1234",
                                now=first_of_february).id
    team.set_budget(shop.owner_id, earlier, Month(2026, 2), 20_000, 5_000,
                    now=first_of_february)
    february = recoveries.log_recovery(earlier, shop.incident(),
                                       gesture=GestureInput("gift", 800),
                                       now=datetime(2026, 2, 10, 11, tzinfo=UTC)).gesture
    assert february is not None
    recoveries.void_gesture(shop.owner_id, february.gesture_id, "Entered twice",
                            now=datetime(2026, 3, 1, 9, tzinfo=UTC))
    target = {"this month": "UPDATE gesture SET cost_minor = {} WHERE id = "
                            "(SELECT max(id) FROM gesture WHERE created_at >= '2026-03')",
              "an earlier month": "UPDATE gesture SET cost_minor = {} WHERE id = ?",
              "a void": "UPDATE void SET gesture_cost_minor = {} WHERE gesture_id = ?"}[where]
    params = () if where == "this month" else (february.gesture_id,)
    reports.save_pdf(MARCH, tmp_path / "before.pdf", now=AS_OF)  # readable before the edit
    database.execute_sql(target.format(typed), params)
    with pytest.raises(StorageError, match=r"^An amount among the .* is not a whole number "
                                           r"of minor units: it was edited outside "
                                           r"RecoveryDesk; `recoverydesk check`"):
        compute(MARCH, now=AS_OF)
    with pytest.raises(StorageError):
        reports.save_pdf(MARCH, tmp_path / "march.pdf", now=AS_OF)
    assert not (tmp_path / "march.pdf").exists()


@pytest.mark.sqlite_only
def test_a_budget_edited_into_words_stops_the_figures_with_a_message(shop: Shop) -> None:
    populate(shop)
    change = database.execute_sql("SELECT max(id) FROM budget_change").fetchone()[0]
    database.execute_sql("UPDATE budget_change SET allowance_minor = 'plenty' WHERE id = ?",
                         (change,))
    with pytest.raises(StorageError, match=rf"^Budget change {change} has an amount that is "
                                           r"not a whole number of minor units \('plenty'\)"):
        compute(MARCH, now=AS_OF)
    database.execute_sql("UPDATE budget_change SET allowance_minor = 100, "
                         "effective_month = 'March' WHERE id = ?", (change,))
    with pytest.raises(StorageError, match=rf"^Budget change {change} has a month that is "
                                           r"not YYYYMM \('March'\)"):
        compute(MARCH, now=AS_OF)
