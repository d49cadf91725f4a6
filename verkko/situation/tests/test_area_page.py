"""The area page /fi/<area>/situation/: key figures summed over the member municipalities."""

import pytest
from django.utils import timezone

from verkko.ecosystem.tests.factories import EmploymentAreaFactory
from verkko.situation.tests.conftest import LATEST, make_table
from verkko.stats.models import Observation, Table

NBSP = "\xa0"


def _cards(content):
    """The figure cards' HTML by their Finnish heading."""
    cards = {}
    for chunk in content.split('<li class="card">')[1:]:
        heading = chunk.split("<h3>")[1].split("</h3>")[0]
        cards[heading] = chunk.split("</li>")[0]
    return cards


def test_area_page_shows_the_sum_of_the_member_municipalities(client, table):
    response = client.get("/fi/oulu/situation/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Tilannekuva: Oulun työllisyysalue" in content
    card = _cards(content)["Työttömät työnhakijat"]
    assert f"10{NBSP}900" in card  # 10 000 in Oulu + 900 in Kempele
    assert "+220" in card  # on September's 9 800 + 880
    assert "+950" in card
    assert "+9,5" in card
    assert f"310{NBSP}000" in card  # the whole country beside it


def test_area_rate_is_computed_from_the_sums(client, table):
    card = _cards(client.get("/fi/oulu/situation/").content.decode())["Työttömyysaste"]

    assert "12,2&nbsp;%" in card  # 10 900 / 89 000, not the mean of 12,5 and 10,0
    assert "+1,1" in card  # on 9 950 / 89 000 = 11,2 a year earlier
    assert "11,5&nbsp;%" in card  # the whole country: 310 000 / 2 700 000


def test_a_figure_with_a_suppressed_municipal_cell_is_marked_incomplete(client, table):
    cards = _cards(client.get("/fi/oulu/situation/").content.decode())

    assert "800" in cards["Ulkomaalaiset työttömät"]
    assert "vajaa" in cards["Ulkomaalaiset työttömät"]
    assert "vajaa" not in cards["Työttömät työnhakijat"]


def test_every_figure_says_where_it_comes_from(client, table):
    table.url = "https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/StatFin__tyonv/statfin_tyonv_pxt_12r5.px"
    table.save()
    cards = _cards(client.get("/fi/oulu/situation/").content.decode())

    card = cards["Työttömyysaste"]
    assert "KU244, KU564" in card
    assert "TYOTTOMATLOPUSSA, TYOVOIMATK" in card
    assert "2026M10, 2026M09, 2025M10" in card
    assert "25.11.2026" in card  # updated at the source
    assert "26.11.2026" in card  # fetched by Verkko
    assert table.url in card
    assert all("Lähde" in card for card in cards.values())


def test_without_a_table_address_the_source_links_to_statistics_finland(client, table):
    content = client.get("/fi/oulu/situation/").content.decode()

    assert 'href="https://stat.fi/"' in content


def test_a_table_fetched_from_the_api_links_to_a_page_for_people(client, table, settings):
    table.url = "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/12r5.px"  # answers JSON
    table.save()
    assert 'href="https://stat.fi/"' in client.get("/fi/oulu/situation/").content.decode()

    settings.STATFIN_TABLE_URL = "https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/{table_id}.px/"
    content = client.get("/fi/oulu/situation/").content.decode()

    assert 'href="https://pxdata.stat.fi/PxWeb/pxweb/fi/StatFin/12r5.px/"' in content
    assert table.url not in content


def test_invented_figures_say_so_near_the_top(client, demo_table):
    content = client.get("/fi/oulu/situation/").content.decode()

    assert "Luvut ovat keksittyjä esimerkkilukuja" in content
    assert content.index("Luvut ovat keksittyjä") < content.index("Tunnusluvut")


def test_real_figures_replace_the_invented_ones(client, demo_table):
    make_table(
        source=Table.Source.STATFIN,
        figures={
            "KU564": {"TYOTTOMATLOPUSSA": {LATEST: 1234}},
            "KU244": {"TYOTTOMATLOPUSSA": {LATEST: 1}},
        },
    )
    content = client.get("/fi/oulu/situation/").content.decode()

    assert "Luvut ovat keksittyjä esimerkkilukuja" not in content
    assert f"1{NBSP}235" in content


def test_trend_filter_shows_the_chosen_measure(client, table):
    content = client.get("/fi/oulu/situation/", {"measure": "TYOTOSUUS", "years": "10"}).content.decode()

    assert "Työttömyysaste kuukausittain" in content
    assert "Koko maa" in content  # a rate is drawn beside the whole country


def test_bad_filters_are_reported_and_the_page_still_works(client, table):
    response = client.get("/fi/oulu/situation/", {"measure": "EIOLE", "years": "7"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "error-summary" in content
    assert "Työttömät työnhakijat kuukausittain" in content  # the default measure instead


def test_the_area_is_the_one_of_the_address(client, table):
    EmploymentAreaFactory(name="Toinen alue", slug="toinen")

    assert "Tilannekuva: Oulun työllisyysalue" in client.get("/fi/oulu/situation/").content.decode()
    assert "Tilannekuva: Toinen alue" in client.get("/fi/toinen/situation/").content.decode()
    assert client.get("/fi/ei-ole/situation/").status_code == 404


def test_without_statistics_the_page_says_how_to_get_them(client, area):
    response = client.get("/fi/oulu/situation/")

    assert response.status_code == 200
    assert "Tilastoja ei ole vielä tuotu" in response.content.decode()


def test_the_months_verified_signals_are_shown_beside_the_figures(client, table, make_signal):
    make_signal(description="Näkyvä", kind="layoffs")
    make_signal(kind="closure", status="submitted")

    content = client.get("/fi/oulu/situation/").content.decode()

    assert "Lomautukset tai muutosneuvottelut" in content
    assert "Yrityksen lopetus" not in content


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_area_page_refuses_writes(client, table, method):
    assert getattr(client, method)("/fi/oulu/situation/").status_code == 405


def test_area_page_uses_few_queries(client, table, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get("/fi/oulu/situation/")


def test_cached_figures_follow_a_refresh_of_the_table(client, table):
    assert f"10{NBSP}900" in client.get("/fi/oulu/situation/").content.decode()
    Observation.objects.filter(
        series__area_code="KU244", series__measure_code="TYOTTOMATLOPUSSA", period=LATEST
    ).update(value=1000)
    table.fetched_at = timezone.now()
    table.save()

    assert f"11{NBSP}000" in client.get("/fi/oulu/situation/").content.decode()


def test_area_page_has_a_card_for_each_key_figure_of_the_issue(client, table):
    cards = _cards(client.get("/fi/oulu/situation/").content.decode())

    assert list(cards) == [
        "Työttömät työnhakijat",
        "Kaikki työnhakijat",
        "Työttömyysaste",
        "Palveluissa olevat",
        "Aktivointiaste",
        "Alle 25-vuotiaat työttömät",
        "Yli 50-vuotiaat työttömät",
        "Pitkäaikaistyöttömät",
        "Ulkomaalaiset työttömät",
        "Kokoaikaisesti lomautetut",
        "Avoimet työpaikat",
        "Uudet avoimet työpaikat",
    ]
    assert "Taulukossa ei ole tätä lukua tältä kuukaudelta." in cards["Pitkäaikaistyöttömät"]  # not in the fixture
