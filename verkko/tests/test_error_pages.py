"""Error pages speak the user's language inside the site's layout."""

import pytest
from django.test import Client, override_settings


@pytest.mark.django_db
@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("language", "expected"), [("fi", "Sivua ei löydy"), ("sv", "Sidan hittades inte"), ("en", "Page not found")]
)
def test_a_missing_page_says_so_in_the_users_language(language, expected):
    response = Client().get(f"/{language}/ei-ole-olemassa/")
    assert response.status_code == 404
    content = response.content.decode()
    assert f"<h1>{expected}</h1>" in content
    assert 'class="skip-link"' in content


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("language", "expected"), [("fi", "Sivua ei löydy"), ("sv", "Sidan hittades inte"), ("en", "Page not found")]
)
def test_a_missing_page_of_an_area_says_so_inside_the_areas_layout(area, language, expected):
    response = Client().get(f"/{language}/oulu/ei-ole-olemassa/")
    assert response.status_code == 404
    content = response.content.decode()
    assert f"<h1>{expected}</h1>" in content
    assert 'class="skip-link"' in content


@override_settings(DEBUG=False)
def test_a_page_the_user_may_not_open_says_so_in_finnish(client_for, partner_member):
    response = client_for(partner_member).get("/fi/oulu/statistics/sources/")
    assert response.status_code == 403
    assert "<h1>Ei käyttöoikeutta</h1>" in response.content.decode()


def test_the_server_error_page_needs_no_template_context():
    from django.template.loader import get_template

    assert "Palvelussa tapahtui virhe" in get_template("500.html").render({})
