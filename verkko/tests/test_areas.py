"""The area of a request comes from its address, in one place, and old addresses keep working."""

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from verkko.areas import AreaMiddleware, area_of_path, area_reverse, use_area
from verkko.urls import LEGACY_SECTIONS, RESERVED_AREA_SLUGS


def test_the_area_is_read_from_the_address_after_the_language(area, other_area):
    assert area_of_path("/fi/oulu/situation/") == area
    assert area_of_path("/sv/rannikko/") == other_area
    assert area_of_path("/fi/accounts/login/") is None
    assert area_of_path("/fi/ei-aluetta/goals/") is None
    assert area_of_path("/fi/fi/") is None


def test_an_areas_address_without_the_language_leads_to_it_in_finnish(area, client):
    response = client.get("/oulu/situation/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/situation/"


def test_the_middleware_puts_the_area_and_its_addresses_on_the_request(area):
    seen = {}

    def view(request):
        seen["area"] = request.area
        seen["urlconf"] = request.urlconf
        return None

    AreaMiddleware(view)(RequestFactory().get("/fi/oulu/goals/"))
    assert seen["area"] == area
    assert seen["urlconf"].__name__.endswith(".oulu")


def test_a_page_of_no_area_has_no_area(area, client):
    response = client.get("/fi/accounts/login/")
    assert response.wsgi_request.area is None


def test_links_on_an_areas_pages_stay_in_that_area(area, other_area, client):
    oulu = client.get("/fi/oulu/").content.decode()
    rannikko = client.get("/fi/rannikko/").content.decode()
    assert 'href="/fi/oulu/situation/"' in oulu
    assert 'href="/fi/rannikko/situation/"' not in oulu
    assert 'href="/fi/rannikko/situation/"' in rannikko
    assert 'href="/fi/oulu/situation/"' not in rannikko


def test_an_unknown_area_is_not_found(area, client):
    assert client.get("/fi/tuntematon/situation/").status_code == 404


def test_addresses_of_an_area_are_reversed_only_for_a_named_area(area, other_area):
    with pytest.raises(NoReverseMatch):
        reverse("situation:area")
    with use_area(other_area):
        assert reverse("situation:area") == "/fi/rannikko/situation/"
    assert area_reverse(area, "goals:goal", kwargs={"key": "tavoite"}) == "/fi/oulu/goals/tavoite/"
    with pytest.raises(NoReverseMatch):
        reverse("situation:area")  # the block leaves no area behind


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/fi/situation/", "/fi/oulu/situation/"),
        ("/sv/goals/nuoret/", "/sv/oulu/goals/nuoret/"),
        ("/en/ecosystem/forums/ohjausryhma/", "/en/oulu/ecosystem/forums/ohjausryhma/"),
        ("/fi/signals/?kind=layoff", "/fi/oulu/signals/?kind=layoff"),
        ("/fi/reports/monitoring/2026M11.pdf", "/fi/oulu/reports/monitoring/2026M11.pdf"),
        ("/fi/my-actions/", "/fi/oulu/my-actions/"),
        ("/fi/forums/ohjausryhma/", "/fi/oulu/forums/ohjausryhma/"),
    ],
)
def test_addresses_from_before_areas_redirect_permanently_to_the_first_area(area, other_area, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_old_addresses_are_not_found_before_any_area_exists(db, client):
    assert client.get("/fi/situation/").status_code == 404


def test_no_area_may_take_a_name_the_site_uses_for_its_own_addresses():
    assert set(LEGACY_SECTIONS) <= RESERVED_AREA_SLUGS
    assert {"accounts", "admin", "areas"} <= RESERVED_AREA_SLUGS
