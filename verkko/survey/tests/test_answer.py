import pytest

from verkko.ecosystem.tests.factories import OrganizationFactory
from verkko.survey import access
from verkko.survey.models import Participant, Response
from verkko.survey.tests.answers import part_one, ratings
from verkko.survey.tests.conftest import answer, by_role


def first_page(survey_round, organization):
    return f"/fi/oulu/survey/rounds/{survey_round.uuid}/answer/{organization.slug}/"


def second_page(survey_round, organization):
    return first_page(survey_round, organization) + "partners/"


@pytest.mark.parametrize(("role", "status"), by_role(403, 200, 403, 403, 302, 404, 404, 404))
def test_only_the_organisation_s_editors_answer_for_it(as_role, everyone, open_round, organization_a, role, status):
    assert as_role(role).get(first_page(open_round, organization_a)).status_code == status
    assert as_role(role).get(second_page(open_round, organization_a)).status_code == status


@pytest.mark.parametrize(("role", "status"), by_role(403, 302, 403, 403, 302, 404, 404, 404))
def test_posting_an_answer(as_role, everyone, open_round, organization_a, organization_b, role, status):
    response = as_role(role).post(first_page(open_round, organization_a), {**part_one(organization_b), "draft": ""})
    assert response.status_code == status
    assert Response.objects.filter(organization=organization_a).exists() is (role == "partner_editor")


def test_a_draft_is_saved_and_finished_later(
    as_role, partner_editor, open_round, organization_a, organization_b, backbone_organization
):
    client = as_role("partner_editor")
    response = client.post(
        first_page(open_round, organization_a), {**part_one(organization_b, backbone_organization), "continue": ""}
    )
    assert response["Location"] == second_page(open_round, organization_a)
    saved = Response.objects.get(round=open_round, organization=organization_a)
    assert saved.status == Response.Status.DRAFT
    assert saved.belonging == 4
    assert saved.contributions == ["expertise", "contacts"]
    assert saved.updated_by == partner_editor
    assert {tie.partner for tie in saved.ties.all()} == {organization_b, backbone_organization}
    # The first page shows what was saved.
    content = client.get(first_page(open_round, organization_a)).content.decode()
    assert "Hyvää yhteistyötä." in content
    page = client.get(second_page(open_round, organization_a))
    assert [form.partner for form in page.context["tie_forms"]] == [backbone_organization, organization_b]
    # Save the ratings as a draft, then submit.
    client.post(
        second_page(open_round, organization_a),
        {**ratings(organization_b), **ratings(backbone_organization, level="integrated"), "draft": ""},
    )
    saved.refresh_from_db()
    assert saved.status == Response.Status.DRAFT
    tie = saved.ties.get(partner=organization_b)
    assert (tie.level, tie.frequency, tie.trust_openness, tie.value_involvement) == ("coordinated", "monthly", 4, 3)
    assert tie.trust == pytest.approx(3.0)
    response = client.post(
        second_page(open_round, organization_a),
        {**ratings(organization_b), **ratings(backbone_organization, level="integrated"), "submit": ""},
    )
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.status == Response.Status.SUBMITTED
    assert saved.submitted_at is not None
    # Deselecting an organisation on the first page removes its ratings.
    client.post(first_page(open_round, organization_a), {**part_one(organization_b), "draft": ""})
    assert list(saved.ties.values_list("partner", flat=True)) == [organization_b.pk]


def test_submitting_an_incomplete_answer_keeps_it_a_draft_and_says_what_is_missing(
    as_role, partner_editor, open_round, organization_a, organization_b
):
    client = as_role("partner_editor")
    client.post(first_page(open_round, organization_a), {**part_one(organization_b, belonging=""), "draft": ""})
    response = client.post(second_page(open_round, organization_a), {**ratings(organization_b, level=""), "submit": ""})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vastaus tallennettiin luonnoksena, mutta sitä ei lähetetty" in content
    assert "Organisaatio B" in content.split('id="error-summary"')[1]
    saved = Response.objects.get(organization=organization_a)
    assert saved.status == Response.Status.DRAFT
    # The ratings given were kept.
    assert saved.ties.get().trust_openness == 4


def test_bad_input_changes_nothing(as_role, partner_editor, open_round, organization_a, other_organization):
    client = as_role("partner_editor")
    response = client.post(first_page(open_round, organization_a), {**part_one(belonging="9"), "draft": ""})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    # An organisation outside the round cannot be chosen.
    response = client.post(first_page(open_round, other_organization.__class__.objects.get(pk=other_organization.pk)))
    assert response.status_code == 404
    assert not Response.objects.exists()


def test_an_organisation_outside_the_round_cannot_be_rated(as_role, partner_editor, open_round, organization_a):
    stranger = OrganizationFactory(area=open_round.area, name="Ulkopuolinen")
    response = as_role("partner_editor").post(
        first_page(open_round, organization_a), {**part_one(stranger), "draft": ""}
    )
    assert response.status_code == 200
    assert not Response.objects.exists()


def test_bad_scores_change_nothing(as_role, partner_editor, open_round, organization_a, organization_b):
    client = as_role("partner_editor")
    client.post(first_page(open_round, organization_a), {**part_one(organization_b), "draft": ""})
    response = client.post(second_page(open_round, organization_a), {**ratings(organization_b, trust_openness="7")})
    assert response.status_code == 200
    assert Response.objects.get().ties.get().trust_openness is None


def test_after_the_close_the_answer_can_only_be_read(
    as_role, partner_editor, closed_round, organization_a, backbone_organization
):
    answer(closed_round, organization_a, {backbone_organization: ("integrated", [4, 4, 4], [3, 3, 3])})
    client = as_role("partner_editor")
    response = client.get(first_page(closed_round, organization_a))
    content = response.content.decode()
    assert "Kierros on päättynyt: vastausta voi vain lukea." in content
    assert '<form method="post" class="stacked"' not in content
    assert "integroitu" in content
    response = client.post(first_page(closed_round, organization_a), {**part_one(belonging="1"), "draft": ""})
    assert response.status_code == 200
    assert Response.objects.get().belonging == 4
    client.post(second_page(closed_round, organization_a), {**ratings(backbone_organization, level="none")})
    assert Response.objects.get().ties.get().level == "integrated"


def test_an_organisation_not_in_the_round_is_not_found(as_role, partner_editor, open_round, organization_a):
    Participant.objects.filter(round=open_round, organization=organization_a).delete()
    assert as_role("partner_editor").get(first_page(open_round, organization_a)).status_code == 404


def test_a_round_of_another_area_is_not_found(as_role, outsider_editor, other_round, other_organization):
    client = as_role("outsider_editor")
    assert client.get(first_page(other_round, other_organization)).status_code == 404


def test_thirty_organisations_fit_the_form_and_its_query_budget(
    as_role, partner_editor, open_round, organization_a, django_assert_max_num_queries
):
    others = [OrganizationFactory(area=open_round.area, name=f"Kumppani {number:02}") for number in range(26)]
    for organization in others:
        Participant.objects.create(round=open_round, organization=organization)
    client = as_role("partner_editor")
    page = client.get(first_page(open_round, organization_a))
    assert len(page.context["form"].fields["partners"].queryset) == 30
    client.post(first_page(open_round, organization_a), {**part_one(*others), "continue": ""})
    with django_assert_max_num_queries(15):
        page = client.get(second_page(open_round, organization_a))
    assert len(page.context["tie_forms"]) == 26
    assert page.content.decode().count("<legend>Luottamus</legend>") == 26
    values = {}
    for organization in others:
        values |= ratings(organization)
    client.post(second_page(open_round, organization_a), {**values, "submit": ""})
    assert Response.objects.get().status == Response.Status.SUBMITTED


def test_answer_pages_refuse_other_methods(as_role, partner_editor, open_round, organization_a):
    assert as_role("partner_editor").put(first_page(open_round, organization_a)).status_code == 405
    assert as_role("partner_editor").delete(second_page(open_round, organization_a)).status_code == 405


def test_the_editor_of_two_organisations_answers_for_each(as_role, partner_editor, open_round, organization_b):
    from verkko.accounts.models import Membership

    Membership.objects.create(user=partner_editor, organization=organization_b, role=Membership.Role.EDITOR)
    assert list(access.answerable_organizations(partner_editor, open_round).values_list("name", flat=True)) == [
        "Organisaatio A",
        "Organisaatio B",
    ]
    assert as_role("partner_editor").get(first_page(open_round, organization_b)).status_code == 200
