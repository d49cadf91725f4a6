"""The employment area as the boundary: each area's signals, reviews, municipalities and cached pages
are its own, and another area's are not found under this one's address."""

import io

import pytest
from django.core.management import call_command

from verkko.situation.models import Review, Signal
from verkko.situation.tests.conftest import LATEST, OUTSIDERS

NBSP = "\xa0"


@pytest.fixture
def other_signals(area, make_other_signal):
    return {
        "public": make_other_signal(description="Rannikon julkinen"),
        "partners": make_other_signal(visibility="partners", description="Rannikon kumppaneille"),
    }


@pytest.fixture
def other_review(area, other_area):
    return Review.objects.create(
        area=other_area,
        month=LATEST,
        status=Review.Status.PUBLISHED,
        title_fi="Rannikon katsaus",
        title_sv="Kustens översikt",
        title_en="Coastal review",
        text_fi="Rannikolla työttömiä oli 5 300.",
        text_sv="Arbetslösa var 5 300.",
        text_en="There were 5,300 unemployed.",
    )


def test_an_unknown_area_is_not_found(client, table):
    assert client.get("/fi/ei-ole/situation/").status_code == 404
    assert client.get("/fi/ei-ole/signals/").status_code == 404


def test_the_area_comes_from_the_address_never_from_a_query(client, other_table):
    content = client.get("/fi/oulu/situation/", {"area": "rannikko"}).content.decode()

    assert "Tilannekuva: Oulun työllisyysalue" in content
    assert f"10{NBSP}900" in content


def test_each_area_has_its_own_figures_and_addresses(client, other_table):
    oulu = client.get("/fi/oulu/situation/municipalities/").content.decode()
    rannikko = client.get("/fi/rannikko/situation/municipalities/").content.decode()  # after Oulu's was cached

    assert "Kunnittain: Rannikon työllisyysalue" in rannikko
    assert f"5{NBSP}300" in rannikko  # Raahe 5 000 + Siikajoki 300
    assert 'href="/fi/rannikko/situation/678/"' in rannikko
    assert 'href="/fi/oulu/situation/564/"' not in rannikko
    assert "Raahe" not in oulu
    assert 'href="/fi/oulu/situation/564/"' in oulu


def test_the_cached_figures_of_one_area_are_never_another_areas(client, other_table):
    client.get("/fi/oulu/situation/")

    content = client.get("/fi/rannikko/situation/").content.decode()

    assert "Tilannekuva: Rannikon työllisyysalue" in content
    assert f"5{NBSP}300" in content
    assert f"10{NBSP}900" not in content


def test_the_pages_link_to_the_other_areas_running_here(client, other_table):
    content = client.get("/fi/oulu/situation/").content.decode()

    assert 'href="/fi/rannikko/situation/"' in content
    assert (
        'href="/fi/rannikko/situation/municipalities/"'
        in client.get("/fi/oulu/situation/municipalities/").content.decode()
    )


def test_a_municipality_of_another_area_or_of_none_is_not_found(client, other_table):
    from verkko.ecosystem.tests.factories import MunicipalityFactory

    MunicipalityFactory(code="091", name_fi="Helsinki", area=None)

    assert client.get("/fi/oulu/situation/678/").status_code == 404
    assert client.get("/fi/oulu/situation/091/").status_code == 404
    assert client.get("/fi/rannikko/situation/564/").status_code == 404
    assert client.get("/fi/rannikko/situation/678/").status_code == 200
    assert client.get("/fi/oulu/situation/download/trend.csv", {"municipality": "678"}).status_code == 404


@pytest.mark.parametrize("who", ["coordinator", "partner_member", "public", *OUTSIDERS])
@pytest.mark.parametrize("name", ["public", "partners"])
def test_another_areas_signal_is_not_found_under_this_area(client_as, other_signals, who, name):
    signal = other_signals[name]

    assert client_as(who).get(f"/fi/oulu/signals/{signal.uuid}/").status_code == 404


def test_another_areas_signals_are_not_listed_or_counted_here(client_as, area, other_signals):
    for who in ("coordinator", "outsider_coordinator"):
        response = client_as(who).get("/fi/oulu/signals/")
        assert list(response.context["signals"]) == []
        assert "Rannikon" not in response.content.decode()
        download = client_as(who).get("/fi/oulu/signals/download.csv").content.decode().lstrip("\ufeff")
        assert download.strip().count("\n") == 0  # the heading only


def test_a_partner_of_this_area_sees_nothing_partner_only_of_the_other(client_as, area, other_signals):
    client = client_as("partner_member")

    response = client.get("/fi/rannikko/signals/")

    assert {s.description for s in response.context["signals"]} == {"Rannikon julkinen"}
    assert client.get(f"/fi/rannikko/signals/{other_signals['partners'].uuid}/").status_code == 404
    assert client.get(f"/fi/rannikko/signals/{other_signals['public'].uuid}/").status_code == 200
    assert (
        client_as("outsider_member").get(f"/fi/rannikko/signals/{other_signals['partners'].uuid}/").status_code == 200
    )


def test_a_coordinator_cannot_check_another_areas_signal(client_as, other_signals, coordinator):
    signal = other_signals["public"]

    response = client_as("coordinator").post(
        f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "rejected", "note": "x"}
    )
    also = client_as("coordinator").post(
        f"/fi/rannikko/signals/{signal.uuid}/check/", {"decision": "rejected", "note": "x"}
    )

    signal.refresh_from_db()
    assert (response.status_code, also.status_code) == (404, 403)
    assert signal.status == Signal.Status.VERIFIED


def test_the_other_areas_coordinator_checks_its_signal_in_its_own_address(client_as, other_signals):
    signal = other_signals["partners"]

    assert (
        client_as("outsider_coordinator")
        .post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "rejected", "note": "x"})
        .status_code
        == 404
    )
    response = client_as("outsider_coordinator").post(
        f"/fi/rannikko/signals/{signal.uuid}/check/", {"decision": "rejected", "note": "Vanha"}
    )

    signal.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/fi/rannikko/signals/{signal.uuid}/"
    assert signal.status == Signal.Status.REJECTED


def test_an_editor_reports_only_in_their_own_area_and_organisations(
    client_as, area, organization_a, other_organization
):
    data = {
        "kind": "layoffs",
        "date": "2026-10-14",
        "description": "Telakka lomauttaa.",
        "source": "Tiedote",
        "visibility": "partners",
    }
    outsider = client_as("outsider_editor")

    form = outsider.get("/fi/rannikko/signals/new/")
    refused = outsider.post("/fi/rannikko/signals/new/", {**data, "organization": str(organization_a.pk)})
    reported = outsider.post("/fi/rannikko/signals/new/", {**data, "organization": str(other_organization.pk)})

    assert list(form.context["form"].fields["organization"].queryset) == [other_organization]
    assert refused.status_code == 200
    assert "error-summary" in refused.content.decode()
    signal = Signal.objects.get()
    assert reported["Location"] == f"/fi/rannikko/signals/{signal.uuid}/"
    assert (signal.area.slug, signal.organization) == ("rannikko", other_organization)
    assert client_as("partner_editor").get("/fi/rannikko/signals/new/").status_code == 403


@pytest.mark.parametrize("who", ["coordinator", "public", *OUTSIDERS])
def test_another_areas_review_is_not_found_under_this_area(client_as, other_review, who):
    client = client_as(who)

    assert client.get(f"/fi/oulu/situation/reviews/{other_review.uuid}/").status_code == 404
    assert client.post(f"/fi/oulu/situation/reviews/{other_review.uuid}/publish/").status_code == 404
    assert client.get(f"/fi/oulu/situation/reviews/{other_review.uuid}/edit/").status_code == 404
    assert other_review not in client.get("/fi/oulu/situation/reviews/").context["reviews"]


def test_the_other_areas_review_is_its_own(client_as, other_review, make_review):
    assert client_as("public").get(f"/fi/rannikko/situation/reviews/{other_review.uuid}/").status_code == 200
    assert (
        client_as("outsider_coordinator").get(f"/fi/rannikko/situation/reviews/{other_review.uuid}/edit/").status_code
        == 200
    )
    assert client_as("coordinator").get(f"/fi/rannikko/situation/reviews/{other_review.uuid}/edit/").status_code == 403


def test_a_review_drafted_in_an_area_reads_only_its_figures_and_signals(
    client_as, other_table, make_signal, make_other_signal
):
    make_signal(description="Oulun signaali", kind="closure")
    make_other_signal(kind="recruitment", headcount=12)
    make_other_signal(kind="opening", visibility="partners", headcount=99)

    response = client_as("outsider_coordinator").post(
        "/fi/rannikko/situation/reviews/new/", {"month": LATEST.isoformat()}
    )

    review = Review.objects.get()
    assert response["Location"] == f"/fi/rannikko/situation/reviews/{review.uuid}/edit/"
    assert review.area.slug == "rannikko"
    assert f"5{NBSP}300" in review.text_fi
    assert f"10{NBSP}900" not in review.text_fi
    assert "Rekrytointitarve, Raahe, 12 henkilöä" in review.text_fi
    assert "99" not in review.text_fi  # partner-only: a published review is public
    assert "Yrityksen lopetus" not in review.text_fi  # Oulu's signal


def test_the_draft_command_gives_each_areas_own_address(other_table, area, other_area):
    output = io.StringIO()

    call_command("draft_review", "--area", "rannikko", stdout=output)

    review = Review.objects.get()
    assert review.area == other_area
    assert f"edit it at /fi/rannikko/situation/reviews/{review.uuid}/edit/" in output.getvalue()


def test_a_page_cached_for_a_partner_shows_the_public_nothing_partner_only(client_as, table, make_signal):
    hidden = make_signal(visibility="partners", kind="closure")
    for address in ("/fi/oulu/situation/", "/fi/oulu/situation/564/"):
        assert str(hidden.uuid) in client_as("partner_member").get(address).content.decode()

        for who in ("public", *OUTSIDERS):
            assert str(hidden.uuid) not in client_as(who).get(address).content.decode(), (address, who)
