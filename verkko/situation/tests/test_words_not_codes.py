"""Periods and areas are shown by their names where a person reads them; codes stay in the source
notes (provenance) and the downloads."""

import re

import pytest

from verkko.situation.tests.conftest import LATEST


def _without_provenance(html):
    return re.sub(r'<details class="provenance">.*?</details>', "", html, flags=re.S)


@pytest.mark.parametrize(
    ("language", "month"), [("fi", "lokakuu 2026"), ("sv", "oktober 2026"), ("en", "October 2026")]
)
def test_the_area_page_names_the_month_and_no_area_codes(client, table, language, month):
    html = client.get(f"/{language}/oulu/situation/").content.decode()

    assert f": {month}</h2>" in html
    readable = _without_provenance(html)
    assert "SSS" not in re.sub(r"<script.*?</script>", "", readable, flags=re.S)
    assert "2026M10" not in readable
    # The source note keeps the codes a statistician looks for.
    assert "2026M10" in html
    assert "KU564" in html


def test_the_review_archive_and_the_month_choice_name_the_months(client_for, coordinator, table, make_review):
    make_review(month=LATEST, status="published")

    html = client_for(coordinator).get("/fi/oulu/situation/reviews/").content.decode()

    assert ">Lokakuu 2026</a>" in html
    assert ">Syyskuu 2026</option>" in html


def test_the_tables_beside_the_charts_keep_the_compact_month(client, table):
    rows = client.get("/fi/oulu/situation/").content.decode()
    assert "10/2026" in rows  # the tables beside the charts
