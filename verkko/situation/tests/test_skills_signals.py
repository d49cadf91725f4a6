"""Partners' signals on the skills-needs page: verified recruitment and skills-shortage signals beside
their occupation's main group, newest first and linked, as each role may see them; and a query
budget that does not grow with occupations or signals."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from verkko.situation.models import OccupationGroup, Signal
from verkko.situation.tests.conftest import NOT_PARTNERS, PARTNERS
from verkko.situation.tests.skills_tables import store_skills_table

URL = "/fi/oulu/situation/skills/"


@pytest.fixture
def skills_table(area):
    return store_skills_table()


def _line(content, code):
    return content.split(f'id="occupation-{code}"')[1].split("</tr>")[0]


def _signal_cell(content, code):
    return _line(content, code).split('class="signals"')[1].split("</td>")[0]


def test_signals_stand_on_their_main_groups_line_newest_first(client, skills_table, make_signal):
    older = make_signal(occupation_group=OccupationGroup.PROFESSIONALS, date=date(2026, 6, 3))
    newer = make_signal(
        occupation_group=OccupationGroup.PROFESSIONALS, kind=Signal.Kind.SKILLS_SHORTAGE, date=date(2026, 10, 20)
    )
    craft = make_signal(occupation_group=OccupationGroup.CRAFT)

    content = client.get(URL).content.decode()
    professionals = _signal_cell(content, "2")
    assert professionals.startswith(">2<ul>")
    assert professionals.index(str(newer.uuid)) < professionals.index(str(older.uuid))
    assert "Osaajapula 20.10.2026" in professionals
    assert str(craft.uuid) in _signal_cell(content, "7")
    assert _signal_cell(content, "5") == ">0"
    assert "<ul>" not in _signal_cell(content, "5")
    assert 'class="signals"></td>' in _line(content, "21")  # groups below the main ones carry none


def test_only_verified_recruitment_and_shortage_signals_of_the_last_year_count(client, skills_table, make_signal):
    make_signal(occupation_group=OccupationGroup.PROFESSIONALS, status=Signal.Status.SUBMITTED)
    make_signal(occupation_group=OccupationGroup.PROFESSIONALS, status=Signal.Status.REJECTED)
    make_signal(occupation_group=OccupationGroup.PROFESSIONALS, kind=Signal.Kind.LAYOFFS)
    make_signal(occupation_group=OccupationGroup.PROFESSIONALS, date=date(2025, 10, 31))
    make_signal(occupation_group="")

    assert _signal_cell(client.get(URL).content.decode(), "2") == ">0"


@pytest.mark.parametrize("role", PARTNERS)
def test_partners_of_the_area_see_partner_only_signals(client_as, skills_table, make_signal, role):
    make_signal(occupation_group=OccupationGroup.PROFESSIONALS, visibility="public")
    hidden = make_signal(occupation_group=OccupationGroup.PROFESSIONALS, visibility="partners")

    cell = _signal_cell(client_as(role).get(URL).content.decode(), "2")
    assert cell.startswith(">2<ul>")
    assert str(hidden.uuid) in cell


@pytest.mark.parametrize("role", NOT_PARTNERS)
def test_the_public_and_outsiders_see_only_public_signals(client_as, skills_table, make_signal, role):
    public = make_signal(occupation_group=OccupationGroup.PROFESSIONALS, visibility="public")
    hidden = make_signal(occupation_group=OccupationGroup.PROFESSIONALS, visibility="partners")

    cell = _signal_cell(client_as(role).get(URL).content.decode(), "2")
    assert cell.startswith(">1<ul>")
    assert str(public.uuid) in cell
    assert str(hidden.uuid) not in cell


def test_another_areas_signals_never_show(client, skills_table, make_other_signal):
    make_other_signal(kind=Signal.Kind.RECRUITMENT, occupation_group=OccupationGroup.PROFESSIONALS)

    assert _signal_cell(client.get(URL).content.decode(), "2") == ">0"


def test_a_municipality_shows_its_own_signals_and_the_whole_areas(client, area, skills_table, make_signal):
    kempele = make_signal(occupation_group="2", municipality=area.municipalities.get(code="244"))
    whole_area = make_signal(occupation_group="2", municipality=None)
    oulu = make_signal(occupation_group="2")

    cell = _signal_cell(client.get(URL, {"place": "244"}).content.decode(), "2")
    assert str(kempele.uuid) in cell
    assert str(whole_area.uuid) in cell
    assert str(oulu.uuid) not in cell


def test_the_download_counts_the_signals_the_user_may_see(client, skills_table, make_signal):
    make_signal(occupation_group="2", visibility="public")
    make_signal(occupation_group="2", visibility="partners")

    rows = client.get("/fi/oulu/situation/skills/download.csv").content.decode("utf-8-sig").splitlines()
    professionals = next(row for row in rows if row.startswith("2,"))
    assert professionals.split(",")[6] == "1"


# The page's queries for a signed-in coordinator: session and user, area, memberships, the table,
# the latest month, the month's cells of the place and of the country, and the signals.
QUERY_BUDGET = 14


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_signals(
    client_for, coordinator, skills_table, make_signal, django_assert_max_num_queries
):
    client = client_for(coordinator)
    make_signal(occupation_group="2")
    with django_assert_max_num_queries(QUERY_BUDGET):
        few = _queries(client)
    for group in ("2", "5", "7", "1", "3"):
        for _ in range(4):
            make_signal(occupation_group=group)
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert _queries(client) == few


def test_the_number_of_queries_does_not_grow_with_occupations(
    client_for, coordinator, area, django_assert_max_num_queries
):
    from verkko.situation.tests import skills_tables

    client = client_for(coordinator)
    store_skills_table()
    with django_assert_max_num_queries(QUERY_BUDGET):
        few = _queries(client)
    more = [(f"{group}{sub}", f"Ryhmä {group}{sub}") for group in "1346789" for sub in "123"]
    original = skills_tables.OCCUPATIONS, {area_code: dict(v) for area_code, v in skills_tables.LATEST.items()}
    try:
        skills_tables.OCCUPATIONS = original[0] + more
        for by_code in skills_tables.LATEST.values():
            by_code.update({code: (10, 20) for code, _label in more})
        store_skills_table()
    finally:
        skills_tables.OCCUPATIONS = original[0]
        for area_code, values in original[1].items():
            skills_tables.LATEST[area_code] = values
    assert 'id="occupation-93"' in client.get(URL).content.decode()
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert _queries(client) == few


def test_a_line_links_the_newest_five_and_counts_them_all(client, skills_table, make_signal):
    signals = [make_signal(occupation_group="5", date=date(2026, 10, day)) for day in range(1, 8)]

    cell = _signal_cell(client.get(URL).content.decode(), "5")
    assert cell.startswith(">7<ul>")
    assert cell.count("<li>") == 5
    assert str(signals[-1].uuid) in cell
    assert str(signals[0].uuid) not in cell
