"""lib.charts: a chart's text alternative is its title, description and main figures in the active
language; the drawn SVG carries none of Vega's own English, raw-number labels."""

import re

import pytest
from django.utils import translation

from verkko.lib.charts import chart, highest_and_lowest

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": [{"place": "Oulu", "value": 9.19811320755}, {"place": "Kemi", "value": 1234.5}]},
    "mark": "bar",
    "encoding": {
        "x": {"field": "value", "type": "quantitative", "title": "%"},
        "y": {"field": "place", "type": "nominal"},
    },
}


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", "Suurin Kemi 1\xa0234,5 %, pienin Oulu 9,2 %."),
        ("sv", "Högst Kemi 1\xa0234,5 %, lägst Oulu 9,2 %."),
        ("en", "Highest Kemi 1,234.5 %, lowest Oulu 9.2 %."),
    ],
)
def test_highest_and_lowest_read_in_the_active_language(language, words):
    with translation.override(language):
        assert highest_and_lowest([("Oulu", 9.19811320755), ("Kemi", 1234.5)], decimals=1, unit="%") == words


def test_one_value_has_no_highest_and_lowest():
    assert highest_and_lowest([("Oulu", 9.2), ("Kemi", None)]) == ""


def test_the_text_alternative_is_title_description_and_summary_as_sentences():
    with translation.override("fi"):
        drawn = chart(
            SPEC,
            title="Osuus kunnittain",
            columns=[],
            rows=[],
            description="Palkki kunnittain",
            summary="Suurin Kemi.",
        )
    assert drawn["details"] == "Palkki kunnittain. Suurin Kemi."
    assert drawn["alternative"] == "Osuus kunnittain. Palkki kunnittain. Suurin Kemi."
    assert drawn["spec"]["description"] == drawn["alternative"]


def test_the_drawn_chart_has_no_labels_of_vegas_own():
    with translation.override("fi"):
        svg = chart(SPEC, title="Osuus kunnittain", columns=[], rows=[])["svg"]
    assert svg.startswith('<svg aria-hidden="true" ')
    assert "aria-label" not in svg
    assert not re.search(r"9[.,]19811", svg)
