"""/fi/: one area leads straight to it, several are listed; superusers always see the list and can add one."""

import pytest

from verkko.ecosystem.tests.factories import UserFactory


@pytest.mark.django_db
def test_root_redirects_to_finnish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_one_area_leads_straight_to_it(client, area):
    response = client.get("/fi/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/"


def test_several_areas_are_listed(client, area, other_area):
    response = client.get("/fi/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<a href="/fi/oulu/">Oulun työllisyysalue</a>' in content
    assert '<a href="/fi/rannikko/">Rannikon työllisyysalue</a>' in content
    assert "Perusta työllisyysalue" not in content


def test_the_list_is_in_swedish_with_swedish_names(client, area, other_area):
    content = client.get("/sv/").content.decode()
    assert 'lang="sv"' in content
    assert '<a href="/sv/oulu/">Uleåborgs sysselsättningsområde</a>' in content


@pytest.mark.parametrize("name", ["coordinator", "outsider_coordinator"])
def test_only_superusers_see_the_button_to_set_up_an_area(request, client_for, area, other_area, name):
    assert "Perusta työllisyysalue" not in client_for(request.getfixturevalue(name)).get("/fi/").content.decode()
    admin = UserFactory(is_superuser=True, is_staff=True)
    content = client_for(admin).get("/fi/").content.decode()
    assert '<a class="button" href="/fi/areas/new/">Perusta työllisyysalue</a>' in content


def test_a_superuser_sees_the_list_even_with_one_area(client_for, area):
    admin = UserFactory(is_superuser=True, is_staff=True)
    response = client_for(admin).get("/fi/")
    assert response.status_code == 200
    assert '<a href="/fi/oulu/">Oulun työllisyysalue</a>' in response.content.decode()


@pytest.mark.django_db
def test_no_area_yet(client):
    assert "Työllisyysaluetta ei ole vielä perustettu." in client.get("/fi/").content.decode()


def test_home_refuses_post(client, area):
    assert client.post("/fi/").status_code == 405


def test_the_area_home_leads_to_the_main_sections(client, area):
    content = client.get("/fi/oulu/").content.decode()
    assert "Kempele" in content
    for address, label in [
        ("/fi/oulu/situation/", "Tilannekuva"),
        ("/fi/oulu/goals/", "Yhteiset tavoitteet"),
        ("/fi/oulu/ecosystem/", "Ekosysteemi"),
        ("/fi/oulu/reports/", "Raportit"),
    ]:
        assert f'<a href="{address}">{label}</a>' in content


def test_the_area_home_names_its_municipalities_without_their_codes(client, area):
    content = client.get("/sv/oulu/").content.decode()
    assert "<li>Kempele</li>" in content
    assert "<li>Uleåborg</li>" in content
    assert '<span class="code">' not in content
