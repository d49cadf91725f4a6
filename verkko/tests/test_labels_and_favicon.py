"""Form labels begin with a capital letter whatever the model's verbose_name; every page links the favicon."""

import xml.etree.ElementTree as ET
from pathlib import Path

from django.conf import settings


def test_form_labels_begin_with_a_capital(client_for, coordinator):
    html = client_for(coordinator).get("/fi/oulu/indicators/new/?kind=manual").content.decode()

    assert ">Lähtötason jakso" in html
    assert ">lähtötason jakso" not in html


def test_the_error_summary_names_fields_with_a_capital(client_for, coordinator):
    html = client_for(coordinator).post("/fi/oulu/indicators/new/", {"kind": "manual", "name_fi": ""}).content.decode()

    assert 'class="error-summary"' in html
    assert ">Nimi suomeksi: " in html


def test_every_page_links_the_favicon(client, area):
    for address in ("/fi/accounts/login/", "/fi/oulu/situation/"):
        html = client.get(address).content.decode()
        assert 'rel="icon" href="/static/verkko/favicon.svg" type="image/svg+xml"' in html


def test_the_favicon_is_an_svg_of_our_own():
    path = Path(settings.BASE_DIR) / "verkko" / "static" / "verkko" / "favicon.svg"
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 32 32"
