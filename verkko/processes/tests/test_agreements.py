import datetime

import pytest
from django.utils import timezone

from verkko.ecosystem.tests.helpers import PDF, pdf
from verkko.processes.models import Agreement, AgreementDocument, Commitment
from verkko.processes.tests.conftest import by_role

LIST = "/fi/oulu/agreements/"
CREATE = "/fi/oulu/agreements/new/"


def detail(agreement):
    return f"/fi/oulu/agreements/{agreement.uuid}/"


@pytest.mark.parametrize(("role", "sees_partner_only"), by_role(True, True, True, True, False, False, False, False))
def test_the_registry_lists_agreements_by_visibility(
    as_role, everyone, agreement, partner_agreement, role, sees_partner_only
):
    page = as_role(role).get(LIST).content.decode()
    assert "Nuorten palvelujen yhteistyösopimus" in page
    assert ("Luottamuksellinen sopimus" in page) is sees_partner_only


def test_the_registry_shows_agreements_ending_within_90_days(as_role, agreement, partner_agreement):
    agreement.ends_on = timezone.localdate() + datetime.timedelta(days=30)
    agreement.save()
    response = as_role("public").get(LIST)
    assert [item.title for item in response.context["ending_soon"]] == ["Nuorten palvelujen yhteistyösopimus"]


def test_an_agreement_ending_later_is_not_ending_soon(as_role, agreement):
    agreement.ends_on = timezone.localdate() + datetime.timedelta(days=91)
    agreement.save()
    assert as_role("public").get(LIST).context["ending_soon"] == []


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_a_partner_only_agreement_is_not_found_outside_the_partners(as_role, everyone, partner_agreement, role, status):
    response = as_role(role).get(detail(partner_agreement))
    assert response.status_code == status


def test_another_areas_agreement_is_not_found(as_role, outsider_coordinator, other_agreement):
    assert as_role("outsider_coordinator").get(detail(other_agreement)).status_code == 404


def test_the_list_and_page_refuse_post(as_role, agreement):
    assert as_role("public").post(LIST).status_code == 405
    assert as_role("public").post(detail(agreement)).status_code == 405


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_add_agreements(as_role, everyone, forum, organization_a, organization_b, role, status):
    response = as_role(role).post(
        CREATE,
        {
            "title": "Hyvinvointialueen sopimus",
            "parties": [organization_a.pk, organization_b.pk],
            "starts_on": "2026-01-01",
            "ends_on": "2027-12-31",
            "review_on": "2026-11-01",
            "forum": forum.pk,
            "visibility": "public",
        },
    )
    assert response.status_code == status
    assert Agreement.objects.filter(title="Hyvinvointialueen sopimus").exists() is (status == 302)


@pytest.mark.parametrize(
    "bad",
    [{"ends_on": "2025-01-01"}, {"parties": "one"}, {"starts_on": "ei päivä"}],
)
def test_a_bad_agreement_is_refused(as_role, coordinator, organization_a, organization_b, bad):
    data = {
        "title": "Huono",
        "parties": [organization_a.pk, organization_b.pk],
        "starts_on": "2026-01-01",
        "visibility": "public",
    }
    if bad.get("parties") == "one":
        data["parties"] = [organization_a.pk]
    else:
        data.update(bad)
    assert as_role("coordinator").post(CREATE, data).status_code == 400
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_edit_agreements(as_role, everyone, agreement, organization_a, organization_b, role, status):
    response = as_role(role).post(
        f"{detail(agreement)}edit/",
        {
            "title": "Muutettu",
            "parties": [organization_a.pk, organization_b.pk],
            "starts_on": "2026-01-01",
            "visibility": "public",
        },
    )
    assert response.status_code == status
    agreement.refresh_from_db()
    assert (agreement.title == "Muutettu") is (status == 302)


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_add_documents(as_role, everyone, media_in_tmp, agreement, role, status):
    response = as_role(role).post(f"{detail(agreement)}documents/", {"title": "Sopimus", "file": pdf()})
    assert response.status_code == status
    assert AgreementDocument.objects.exists() is (status == 302)


def test_a_document_that_is_not_what_it_says_is_refused(as_role, coordinator, media_in_tmp, agreement):
    response = as_role("coordinator").post(
        f"{detail(agreement)}documents/", {"title": "Väärä", "file": pdf(content=b"ei pdf")}
    )
    assert response.status_code == 400
    assert not AgreementDocument.objects.exists()


def test_adding_a_document_refuses_get(as_role, coordinator, agreement):
    assert as_role("coordinator").get(f"{detail(agreement)}documents/").status_code == 405


@pytest.mark.parametrize("role", [role for role, _ in by_role(*[None] * 8)])
def test_anyone_who_sees_the_agreement_downloads_its_document(as_role, everyone, agreement_document, role):
    response = as_role(role).get(f"/fi/oulu/agreements/documents/{agreement_document.uuid}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_documents_of_partner_only_agreements_stay_with_the_partners(as_role, everyone, partner_document, role, status):
    assert as_role(role).get(f"/fi/oulu/agreements/documents/{partner_document.uuid}/").status_code == status


def test_a_download_refuses_post(as_role, agreement_document):
    assert as_role("public").post(f"/fi/oulu/agreements/documents/{agreement_document.uuid}/").status_code == 405


COMMITMENT = {"kind": "euros", "amount": "20000", "starts_on": "2026-01-01", "ends_on": "2026-12-31"}


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_record_a_partys_commitment(as_role, everyone, agreement, organization_a, role, status):
    response = as_role(role).post(f"{detail(agreement)}commitments/", {**COMMITMENT, "organization": organization_a.pk})
    assert response.status_code == status
    assert Commitment.objects.filter(agreement=agreement).exists() is (status == 302)


@pytest.mark.parametrize(
    "bad",
    [
        {"amount": ""},
        {"amount": "-5"},
        {"ends_on": "2025-01-01"},
        {"kind": "in_kind", "amount": "", "description": ""},
        {"kind": "kultaa"},
    ],
)
def test_a_bad_commitment_is_refused(as_role, coordinator, agreement, organization_a, bad):
    data = {**COMMITMENT, "organization": organization_a.pk, **bad}
    assert as_role("coordinator").post(f"{detail(agreement)}commitments/", data).status_code == 400
    assert not Commitment.objects.exists()


def test_only_a_party_commits_to_an_agreement(as_role, coordinator, agreement, backbone_organization):
    data = {**COMMITMENT, "organization": backbone_organization.pk}
    assert as_role("coordinator").post(f"{detail(agreement)}commitments/", data).status_code == 400


def test_the_page_sums_the_commitments(as_role, agreement, commitment):
    page = as_role("public").get(detail(agreement)).content.decode()
    assert "Organisaatio A" in page
    assert "6,0" in page
