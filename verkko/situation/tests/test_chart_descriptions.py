"""The situational picture's charts describe themselves in the page's language, with figures and
months as every page writes them (verkko.lib.formatting): the words beside each chart and the
specification's description (what Vega names the chart in the browser); no raw float anywhere.

Rates from the fixtures' sums: the area (Oulu + Kempele) 10 900 / 89 000 = 12,2 % in October 2026
and 9 950 / 89 000 = 11,2 % a year earlier; the whole country 310 000 / 2 700 000 = 11,5 %;
Oulu 12,5 %, Kempele 10,0 %."""

import json
import re

import pytest

from verkko.situation.tests.conftest import PREVIOUS

RAW_FLOAT = re.compile(r"\d[.,]\d{4,}")
AREA_PAGE = {
    "fi": [
        "Viimeisin kuukausi lokakuu 2026: Oulun työllisyysalue 12,2 %, Koko maa 11,5 %.",
        "Viimeisin kuukausi lokakuu 2026: 12,2 %; vuotta aiemmin 11,2 %.",
    ],
    "sv": [
        "Senaste månad oktober 2026: Uleåborgs sysselsättningsområde 12,2 %, Hela landet 11,5 %.",
        "Senaste månad oktober 2026: 12,2 %; ett år tidigare 11,2 %.",
    ],
    "en": [
        "Latest month October 2026: Oulun työllisyysalue 12.2 %, Whole country 11.5 %.",
        "Latest month October 2026: 12.2 %; a year earlier 11.2 %.",
    ],
}
MUNICIPALITIES = {
    "fi": "Suurin Oulu 12,5 %, pienin Kempele 10,0 %.",
    "sv": "Högst Uleåborg 12,5 %, lägst Kempele 10,0 %.",
    "en": "Highest Oulu 12.5 %, lowest Kempele 10.0 %.",
}


def _words(content):
    return re.findall(r'<p class="chart-description"[^>]*>(.*?)</p>', content, re.S)


def _spec_descriptions(content):
    scripts = re.findall(r'<script id="chart-[^"]*-spec" type="application/json">(.*?)</script>', content, re.S)
    return [json.loads(script)["description"] for script in scripts]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_area_pages_charts_say_their_figures_in_the_pages_language(client, table, language):
    content = client.get(f"/{language}/oulu/situation/?measure=TYOTOSUUS").content.decode()
    assert _words(content) == AREA_PAGE[language]
    descriptions = _spec_descriptions(content)
    assert len(descriptions) == 2
    for description, words in zip(descriptions, AREA_PAGE[language], strict=True):
        assert description.endswith(". " + words)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_municipality_chart_names_the_highest_and_the_lowest(client, table, language):
    content = client.get(f"/{language}/oulu/situation/municipalities/?measure=TYOTOSUUS").content.decode()
    assert MUNICIPALITIES[language] in _words(content)


@pytest.mark.parametrize("address", ["/{language}/oulu/situation/", "/{language}/oulu/situation/municipalities/"])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("measure", ["TYOTOSUUS", "TYOTTOMATLOPUSSA"])
def test_no_chart_description_carries_a_raw_float(client, table, address, language, measure):
    content = client.get(address.format(language=language) + f"?measure={measure}").content.decode()
    texts = _words(content) + _spec_descriptions(content)
    assert texts
    for text in texts:
        assert not RAW_FLOAT.search(text), text
    # Vega's own labels of marks and axes (English, raw numbers) are left out of the drawn chart.
    assert "aria-label" not in "".join(re.findall(r"<svg.*?</svg>", content, re.S))


def test_tooltips_show_the_measures_decimals_and_months_as_the_tables_write_them(client, table):
    content = client.get("/fi/oulu/situation/?measure=TYOTOSUUS").content.decode()
    scripts = re.findall(r'<script id="chart-[^"]*-spec" type="application/json">(.*?)</script>', content, re.S)
    trend = json.loads(scripts[0])
    tooltip = {item["field"]: item for item in trend["encoding"]["tooltip"]}
    assert tooltip["value"]["format"] == ",.1f"
    assert tooltip["month"]["format"] == "%-m/%Y"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", "2 signaalia, syyskuu 2026 – lokakuu 2026."),
        ("sv", "2 signaler, september 2026 – oktober 2026."),
        ("en", "2 signals, September 2026 – October 2026."),
    ],
)
def test_the_signal_chart_counts_the_signals_and_names_its_months(client, make_signal, language, words):
    make_signal()
    make_signal(date=PREVIOUS.replace(day=3))
    content = client.get(f"/{language}/oulu/signals/").content.decode()
    assert words in _words(content)
