"""The optional import from the national service catalogue (PTV v11), against a local fake of it."""

import pytest

from verkko.processes.models import PtvOrganization, Service
from verkko.processes.tests.conftest import by_role
from verkko.processes.tests.fake_ptv import (
    EMPLOYER_SERVICE,
    ORGANIZATION_ID,
    YOUTH_SERVICE,
    FakePtvServer,
    youth_service,
)

URL = "/fi/oulu/services/import/"


@pytest.fixture
def ptv(settings, target_groups):
    with FakePtvServer() as server:
        settings.PTV_API_URL = server.url
        yield server.state


def post(client, organization, ptv_id=ORGANIZATION_ID):
    return client.post(URL, {"organization": organization.pk, "ptv_id": ptv_id})


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_import(as_role, everyone, ptv, organization_a, role, status):
    assert post(as_role(role), organization_a).status_code == status
    assert Service.objects.exists() is (status == 302)


def test_services_come_in_three_languages_with_areas_and_channels(as_role, coordinator, ptv, organization_a):
    response = post(as_role("coordinator"), organization_a)
    assert response.status_code == 302
    youth = Service.objects.get(ptv_id=YOUTH_SERVICE)
    assert youth.organization == organization_a
    assert youth.source == Service.Source.PTV
    assert (youth.name, youth.name_sv, youth.name_en) == (
        "Nuorten työllisyyspalvelut",
        "Sysselsättningstjänster för unga",
        "Employment services for young people",
    )
    assert youth.description == "Ohjausta ja valmennusta alle 30-vuotiaille."
    assert youth.description_sv == "Vägledning för unga."
    assert youth.languages == "fi, sv, en"
    assert youth.cost == "maksuton"
    assert [m.code for m in youth.municipalities.all()] == ["244"]  # Helsinki is not of the area
    assert [g.code for g in youth.target_groups.all()] == ["young_people"]
    assert youth.referral_phone == "+358 401234567"
    assert youth.referral_email == "nuoret@example.fi"
    assert youth.walk_in == "Kirkkotie 5 KEMPELE"
    employer = Service.objects.get(ptv_id=EMPLOYER_SERVICE)
    assert employer.audience == "employers"
    assert employer.referral_form_url == "https://lomake.example.fi/rekry"
    assert not employer.municipalities.exists()  # the whole country: the whole area
    assert str(PtvOrganization.objects.get(organization=organization_a).ptv_id) == ORGANIZATION_ID


def test_a_reimport_updates_and_never_duplicates(as_role, coordinator, ptv, organization_a):
    client = as_role("coordinator")
    post(client, organization_a)
    ptv.pages[0] = [youth_service(name="Nuorten palvelut, uusi nimi")]
    post(client, organization_a)
    assert Service.objects.count() == 2
    assert Service.objects.get(ptv_id=YOUTH_SERVICE).name == "Nuorten palvelut, uusi nimi"


@pytest.mark.parametrize("failure", ["server_error", "not_json", "nameless", "unknown_organisation"])
def test_a_failed_import_saves_nothing(as_role, coordinator, ptv, organization_a, failure):
    if failure == "server_error":
        ptv.fail_with = 500
    elif failure == "not_json":
        ptv.not_json = True
    elif failure == "nameless":
        broken = youth_service()
        broken["serviceNames"] = []
        ptv.pages[1] = [broken]  # the second page fails after the first was read
    ptv_id = "00000000-0000-4000-8000-000000000000" if failure == "unknown_organisation" else ORGANIZATION_ID
    response = post(as_role("coordinator"), organization_a, ptv_id)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Service.objects.exists()
    assert not PtvOrganization.objects.exists()


def test_a_bad_id_is_refused_before_asking(as_role, coordinator, ptv, organization_a):
    assert post(as_role("coordinator"), organization_a, "ei-uuid").status_code == 400
    assert ptv.requests == []


def test_another_areas_organisation_is_refused(as_role, coordinator, ptv, other_organization):
    assert post(as_role("coordinator"), other_organization).status_code == 400
    assert not Service.objects.exists()


def test_the_import_refuses_put(as_role, coordinator):
    assert as_role("coordinator").put(URL).status_code == 405


def test_an_organisation_with_imported_services_is_archived_not_deleted(as_role, coordinator, ptv, organization_a):
    post(as_role("coordinator"), organization_a)
    response = as_role("coordinator").post(f"/fi/oulu/ecosystem/{organization_a.slug}/remove/")
    assert response.status_code == 302
    organization_a.refresh_from_db()
    assert organization_a.is_archived
    assert Service.objects.filter(organization=organization_a).count() == 2


@pytest.mark.parametrize(
    ("charge_type", "cost"),
    [("FreeOfCharge", "maksuton"), ("Chargeable", "maksullinen"), ("Free", "maksuton"), ("Other", "")],
)
def test_the_charge_type_reads_in_version_11_words_and_in_the_older_ones(charge_type, cost):
    from verkko.processes import ptv_v11
    from verkko.processes.tests.fake_ptv import youth_service

    service = {**youth_service(), "serviceChargeType": charge_type}
    assert ptv_v11.read_service(service, {}, ["244"]).cost == cost
