"""Every address of the area, opened by the outsiders of another area, shows nothing partner-only.

The walk fills each URL pattern's parameters with the keys of partner-only objects of the area
(marked SALAINEN in their names and texts), opens every address as each outsider, and reads
the answer as a person would: the page, the CSV, the spreadsheet's cells and the PDF's text.
A partner of the area walks the same addresses and must meet the marker, so the walk can fail.
"""

import re
from pathlib import Path

import pytest

from conftest import OUTSIDERS
from verkko.tests.urlwalk import MARKER, area_addresses, readable_text, walk_values


@pytest.fixture
def partner_only(partner_only_by_name):
    """The values that fill every URL parameter of the area with its partner-only objects."""
    return walk_values(partner_only_by_name)


def _walk(client, addresses):
    found = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code < 500, f"{address} answered {response.status_code}"
        if response.status_code == 200 and MARKER in readable_text(response):
            found[address] = response.status_code
    return found


pdftotext = pytest.mark.skipif(
    not Path("/usr/bin/pdftotext").exists(), reason="pdftotext (poppler-utils) reads the PDF reports"
)


@pdftotext
@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_no_address_of_the_area_shows_an_outsider_anything_partner_only(
    request, outsider, area, partner_only, client_for
):
    addresses = area_addresses(area, partner_only)
    assert len(addresses) > 60, "the walk lost most of the area's addresses"
    leaks = _walk(client_for(request.getfixturevalue(outsider)), addresses)
    assert not leaks, f"{outsider} sees partner-only content at {sorted(leaks)}"


@pdftotext
def test_a_partner_of_the_area_meets_the_partner_only_content_on_the_same_walk(
    area, partner_only, client_for, partner_member
):
    found = _walk(client_for(partner_member), area_addresses(area, partner_only))
    expected = [
        r"/ecosystem/forums/salainen-foorumi/$",
        r"/goals/salainen-tavoite/$",
        r"/signals/[-0-9a-f]+/$",
        r"/survey/rounds/[-0-9a-f]+/$",
        r"/processes/salainen-prosessi/$",
        r"/agreements/[-0-9a-f]+/$",
        r"/agreements/documents/[-0-9a-f]+/$",
        r"/collaboration-model/versions/[-0-9a-f]+/$",
        r"/collaboration-model/$",
        r"/commitments/$",
    ]
    for pattern in expected:
        assert any(re.search(pattern, address) for address in found), f"a partner should see {pattern}"
