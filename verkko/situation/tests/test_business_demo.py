"""The invented business-life tables have the real tables' shapes and add up like them."""

from datetime import date

import pytest

from verkko.situation import business_demo
from verkko.situation.demo import PROFILES

LATEST = date(2026, 10, 1)
SOME = {code: PROFILES[code] for code in ("KU564", "KU072", "SSS")}


def _cells(dataset):
    return {row[:-2]: row[-2] for row in dataset.rows()}


@pytest.mark.django_db
def test_demo_population_has_one_year_ages_and_sexes_whose_totals_add_up():
    dataset = business_demo.population_dataset(LATEST, SOME)
    cells = _cells(dataset)

    assert [d.code for d in dataset.dimensions] == [
        "alue_23_20260101",
        "ikaryhma_10_20180101",
        "sukupuoli_9_20180101",
        "timeperiod_y",
        "contentscode",
    ]
    assert dataset.time_dimension.codes[-1] == "2025"  # the year before the latest month
    ages = dataset.dimensions[1].codes[1:]
    total = cells[("KU564", "SSS", "SSS", "vaerak-vaesto", "2025")]
    assert total == sum(cells[("KU564", age, "SSS", "vaerak-vaesto", "2025")] for age in ages)
    assert total == sum(cells[("KU564", "SSS", sex, "vaerak-vaesto", "2025")] for sex in ("1", "2"))


@pytest.mark.django_db
def test_demo_enterprises_are_quarterly_and_their_total_covers_the_industries():
    dataset = business_demo.enterprise_dataset(LATEST, SOME)
    cells = _cells(dataset)

    assert dataset.frequency == "Q"
    assert dataset.time_dimension.codes[-1] == "2026Q2"  # published about four months after the quarter
    for content in ("aloittaneet", "lopettaneet"):
        total = cells[("KU564", "SSS", content, "2026Q2")]
        parts = sum(cells[("KU564", industry, content, "2026Q2")] for industry in ("C", "F", "G"))
        assert total >= parts


@pytest.mark.django_db
def test_demo_bankruptcies_are_monthly_with_the_staff_as_a_content_of_its_own():
    dataset = business_demo.bankruptcy_dataset(LATEST, SOME)

    assert dataset.frequency == "M"
    assert dataset.time_dimension.codes[-1] == "2026M10"
    assert "konkurssit" in dataset.title
    assert dataset.content_dimension.codes == ["konkurssit", "henkilokunta"]
