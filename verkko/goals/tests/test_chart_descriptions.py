"""An indicator's charts describe themselves in the page's language, with figures and periods as
every page writes them (verkko.lib.formatting): the words beside the chart, the name Vega gives it
in the browser (the specification's description) and the tooltips; no raw float anywhere."""

import json
import re
from datetime import date

import pytest

from verkko.goals.models import Indicator, IndicatorValue, Target

RAW_FLOAT = re.compile(r"\d[.,]\d{4,}")
WORDS = {
    "fi": ["Lähtötaso tammikuu 2026: 10,0 %.", "Viimeisin arvo lokakuu 2026: 9,2 %.", "Tavoite joulukuu 2026: 8,5 %."],
    "sv": [
        "Utgångsnivå januari 2026: 10,0 %.",
        "Senaste värde oktober 2026: 9,2 %.",
        "Mål december 2026: 8,5 %.",
    ],
    "en": ["Baseline January 2026: 10.0 %.", "Latest value October 2026: 9.2 %.", "Target December 2026: 8.5 %."],
}


@pytest.fixture
def rate(area, goal):
    indicator = Indicator.objects.create(
        area=area,
        slug="tyottomyysaste",
        name="Työttömyysaste",
        unit="%",
        decimals=1,
        polarity=Indicator.Polarity.LOWER,
        frequency="M",
        source=Indicator.Source.MANUAL,
        baseline_period=date(2026, 1, 1),
        baseline_value=10.04,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 12, 1), value=8.5)
    IndicatorValue.objects.create(indicator=indicator, period=date(2026, 10, 1), value=9.19811320755)
    goal.indicators.add(indicator)
    return indicator


def _descriptions(content):
    words = re.findall(r'<p class="chart-description"[^>]*>(.*?)</p>', content, re.S)
    specs = [
        json.loads(text)
        for text in re.findall(r'<script id="chart-[^"]*-spec" type="application/json">(.*?)</script>', content, re.S)
    ]
    return [text.replace("&#x27;", "'") for text in words], specs


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_indicator_chart_says_its_figures_in_the_pages_language(client_for, rate, language):
    content = client_for(None).get(f"/{language}/oulu/indicators/{rate.slug}/").content.decode()
    words, specs = _descriptions(content)
    assert words
    assert words[0] == " ".join(WORDS[language])
    assert specs[0]["description"] == "Työttömyysaste. " + " ".join(WORDS[language])


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_no_chart_description_or_tooltip_carries_a_raw_float(client_for, rate, language):
    content = client_for(None).get(f"/{language}/oulu/indicators/{rate.slug}/").content.decode()
    words, specs = _descriptions(content)
    for text in words + [spec["description"] for spec in specs]:
        assert not RAW_FLOAT.search(text), text
    # Vega's own labels of marks ("%: 9,19811320755") are left out: the chart is one named image.
    for svg in re.findall(r"<svg.*?</svg>", content, re.S):
        assert not re.search(r'aria-label="[^"]*\d[.,]\d{4,}', svg)
    assert '<svg aria-hidden="true"' in content
    tooltip = specs[0]["layer"][0]["encoding"]["tooltip"]
    assert {"field": "value", "type": "quantitative", "title": "%", "format": ",.1f"} in tooltip
    assert [datum["label"] for datum in specs[0]["data"]["values"] if datum["value"] == 9.2] == ["10/2026"]


def test_the_chart_is_one_image_named_by_its_title_and_described_by_its_words(client_for, rate):
    content = client_for(None).get(f"/fi/oulu/indicators/{rate.slug}/").content.decode()
    image = re.search(r'<div class="chart-svg"[^>]*role="img"[^>]*>', content).group(0)
    assert 'aria-label="Työttömyysaste"' in image
    described_by = re.search(r'aria-describedby="([^"]+)"', image).group(1)
    assert f'id="{described_by}">{" ".join(WORDS["fi"])}</p>' in content
