"""The invented table 12ti has the real table's shape and adds up like it; after `load_demo` the
skills-needs page shows it marked invented, with demo signals on its lines, until real data replaces it."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from verkko.situation import skills, skills_demo
from verkko.situation.demo import PROFILES
from verkko.situation.tests.skills_tables import store_skills_table
from verkko.stats.models import Table

LATEST = date(2026, 10, 1)
SOME = {code: PROFILES[code] for code in ("KU564", "KU072", "SSS")}
URL = "/fi/oulu/situation/skills/"
NOTICE = "keksittyjä esimerkkilukuja"


def _cells(dataset):
    return {row[:-2]: row[-2] for row in dataset.rows()}


@pytest.mark.django_db
def test_demo_12ti_has_occupations_months_and_the_two_contents_and_its_total_adds_up():
    dataset = skills_demo.skills_dataset(LATEST, SOME)
    cells = _cells(dataset)

    assert [d.code for d in dataset.dimensions] == ["alue_23_20260101", "ammatti_2010", "timeperiod_m", "contentscode"]
    assert dataset.time_dimension.codes[-1] == "2026M10"
    assert len(dataset.time_dimension.codes) == skills_demo.MONTHS
    occupations = dataset.dimensions[1].codes
    mains = [code for code in occupations if len(code) == 1 and code.isdigit()]
    for content in ("TYOTTOMATLOPUSSA", "AVPAIKATLOPUSSA"):
        total = cells[("KU564", "SSS", content, "2026M10")]
        assert total == sum(cells[("KU564", code, content, "2026M10")] for code in [*mains, "X"])
    assert any(cells[("KU072", code, "AVPAIKATLOPUSSA", "2026M10")] is None for code in occupations if len(code) == 2)


@pytest.mark.django_db
def test_the_page_reads_the_demo_tables_layout_by_role_and_label():
    from verkko.stats.store import import_dataset

    table = import_dataset(skills_demo.skills_dataset(LATEST, SOME), source=Table.Source.DEMO).table
    found = skills.layout(table)

    assert found.occupation == "ammatti_2010"
    assert (found.vacancies, found.unemployed) == ("AVPAIKATLOPUSSA", "TYOTTOMATLOPUSSA")
    assert "72" in found.labels
    assert "X" not in found.labels
    assert "SSS" not in found.labels


@pytest.fixture
def demo_loaded(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    call_command("load_demo", stdout=io.StringIO())


def test_after_load_demo_the_page_is_invented_with_signals_on_its_lines_until_real_data_come(demo_loaded, client):
    content = client.get(URL).content.decode()

    assert NOTICE in content
    assert "Hoiva-alan yritys kertoo" not in content  # signals are linked by kind and date, not told in full
    care = content.split('id="occupation-5"')[1].split("</tr>")[0]
    craft = content.split('id="occupation-7"')[1].split("</tr>")[0]
    assert "Rekrytointitarve" in care
    assert "Osaajapula" in craft

    store_skills_table(source=Table.Source.STATFIN)

    content = client.get(URL).content.decode()
    assert NOTICE not in content
    assert skills.skills_table().source == Table.Source.STATFIN
    assert "10/2026" in content
