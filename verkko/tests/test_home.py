import pytest


@pytest.mark.django_db
def test_root_redirects_to_finnish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_home_shows_the_employment_area_and_its_municipalities(client, area):
    response = client.get("/fi/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Oulun työllisyysalue" in content
    assert "Kempele" in content
    assert 'lang="fi"' in content


def test_home_in_swedish_uses_swedish_names(client, area):
    response = client.get("/sv/")
    content = response.content.decode()
    assert 'lang="sv"' in content
    assert "Uleåborgs sysselsättningsområde" in content
    assert "Uleåborg" in content


def test_home_refuses_post(client, area):
    assert client.post("/fi/").status_code == 405


def test_home_leads_to_the_main_sections(client, area):
    content = client.get("/fi/").content.decode()
    for address, label in [
        ("/fi/situation/", "Tilannekuva"),
        ("/fi/goals/", "Yhteiset tavoitteet"),
        ("/fi/ecosystem/", "Ekosysteemi"),
        ("/fi/reports/", "Raportit"),
    ]:
        assert f'<a href="{address}">{label}</a>' in content
