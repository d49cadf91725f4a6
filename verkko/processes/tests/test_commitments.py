from decimal import Decimal

import pytest

from verkko.processes.models import Commitment
from verkko.processes.tests.conftest import by_role

URL = "/fi/oulu/commitments/"
ADD = "/fi/oulu/commitments/new/"
DATA = {"kind": "person_months", "amount": "3", "starts_on": "2026-01-01", "ends_on": "2026-06-30"}


def test_sums_per_goal_forum_and_actor(as_role, everyone, goal, forum, commitment, action_commitment):
    response = as_role("public").get(URL)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert [(goal.title, sums.euros) for goal, sums in summary.by_goal] == [("Nuoret töihin", Decimal(15000))]
    assert [(forum.name, sums.person_months) for forum, sums in summary.by_forum] == [("Nuorten verkosto", Decimal(6))]
    assert [(o.name, s.person_months, s.euros) for o, s in summary.by_actor] == [
        ("Organisaatio A", Decimal(6), 0),
        ("Organisaatio B", 0, Decimal(15000)),
    ]


def test_actions_without_committed_resources_are_shown(as_role, goal, action, organization_a):
    from verkko.goals.models import Action

    Action.objects.create(title="Valmis jo", lead_organization=organization_a, status="done").goals.add(goal)
    response = as_role("public").get(URL)
    assert [item.title for item in response.context["without_resources"]] == ["Ohjaamon laajennus"]


@pytest.mark.parametrize(("role", "sees"), by_role(True, True, True, True, False, False, False, False))
def test_commitments_to_partner_only_agreements_stay_with_the_partners(
    as_role, everyone, partner_agreement, organization_a, role, sees
):
    Commitment.objects.create(
        agreement=partner_agreement,
        organization=organization_a,
        kind="in_kind",
        description="Tilat",
        starts_on="2026-01-01",
        ends_on="2026-12-31",
    )
    page = as_role(role).get(URL).content.decode()
    assert ("Luottamuksellinen sopimus" in page) is sees


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_record_commitments_to_actions(as_role, everyone, action, organization_b, role, status):
    response = as_role(role).post(ADD, {**DATA, "action": action.pk, "organization": organization_b.pk})
    assert response.status_code == status
    assert Commitment.objects.filter(action=action).exists() is (status == 302)


def test_an_action_of_another_area_is_refused(as_role, coordinator, organization_b, other_organization):
    from verkko.goals.models import Action

    foreign = Action.objects.create(title="Vieras", lead_organization=other_organization)
    response = as_role("coordinator").post(ADD, {**DATA, "action": foreign.pk, "organization": organization_b.pk})
    assert response.status_code == 400
    assert not Commitment.objects.exists()


def test_recording_refuses_get(as_role, coordinator):
    assert as_role("coordinator").get(ADD).status_code == 405


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_only_coordinators_remove_commitments(as_role, everyone, commitment, role, status):
    assert as_role(role).post(f"/fi/oulu/commitments/{commitment.uuid}/remove/").status_code == status
    assert Commitment.objects.exists() is (status != 302)


def test_removing_refuses_get(as_role, coordinator, commitment):
    assert as_role("coordinator").get(f"/fi/oulu/commitments/{commitment.uuid}/remove/").status_code == 405


def test_the_summary_refuses_post(as_role, area):
    assert as_role("public").post(URL).status_code == 405


def test_the_summary_reads_a_constant_number_of_queries(
    as_role, coordinator, commitment, action_commitment, django_assert_max_num_queries
):
    client = as_role("coordinator")
    with django_assert_max_num_queries(25):
        assert client.get(URL).status_code == 200
