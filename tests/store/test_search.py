"""Case-folded "contains" on SQLite: plain ASCII rows take the built-in ``lower``, others
Python's casefold; both must find the same things."""

from __future__ import annotations

import pytest

from recoverydesk.core.domain import fold_text
from recoverydesk.services import recoveries
from recoverydesk.services.incident_list import IncidentFilter, matching_ids
from tests.conftest import T0, Shop


# PostgreSQL folds with LOWER, which keeps ß; casefold (SQLite's rd_fold) makes it ss.
@pytest.mark.sqlite_only
def test_ascii_and_other_text_match_the_same_way_as_casefold(shop: Shop) -> None:
    """ASCII (also over several lines), German ß, Polish and Cyrillic descriptions are each
    found by a search in another case exactly when Python's casefold says they contain it."""
    texts = ["Dirty CUP at table 4", "Line one\nSecond LINE\twith a tab", "Große Straße",
             "ZAŻÓŁĆ gęślą", "Холодный СУП", "strasse in ascii", "100% _wild_ card",
             "\u212a\u212aelvin sign", "Kri\u017fp", "C:\\temp\\x_y", "Æbler OG pærer"]
    ids = {recoveries.log_recovery(shop.owner_id, shop.incident(t), now=T0).incident_id: t
           for t in texts}
    # "\u212a" (Kelvin sign) and "\u017f" (long s) fold to ASCII: an ASCII needle finds them.
    for needle in ("cup", "second line", "STRASSE", "straße", "zażółć", "суп", "%", "_wild_",
                   "e\tw", "nothing", "kk", "krisp", "\\temp\\", "x_y", "p_", "og pær",
                   "æbler", "ÆBLER og"):
        found = {ids[i] for i in matching_ids(IncidentFilter(text=needle))}
        expected = {t for t in texts if fold_text(needle) in fold_text(t)}
        assert found == expected, needle
    assert {ids[i] for i in matching_ids(IncidentFilter(text="strasse"))} == {
        "Große Straße", "strasse in ascii"}
