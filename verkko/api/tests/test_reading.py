"""Reading under the same rules as the pages: public data for all, partner-only data for the area's
partners; another area's roles count for nothing, another area's objects are not found here."""

import pytest

from verkko.api.tests.conftest import PARTNERS, ROLES
from verkko.ecosystem.tests.factories import PersonFactory


@pytest.mark.parametrize("role", ROLES)
def test_goals_list_shows_partner_goals_to_partners_only(api_for, user_for, role, goal, partner_goal, other_goal):
    response = api_for(user_for(role)).get("/api/v1/oulu/goals/")
    assert response.status_code == 200
    slugs = {row["slug"] for row in response.json()["results"]}
    expected = {"nuorisotyottomyys", "osatyokykyiset"} if role in PARTNERS else {"nuorisotyottomyys"}
    assert slugs == expected
    assert "SALAINEN" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_partner_goal_is_a_404_for_others(api_for, user_for, role, partner_goal):
    response = api_for(user_for(role)).get("/api/v1/oulu/goals/osatyokykyiset/")
    assert response.status_code == (200 if role in PARTNERS else 404)


@pytest.mark.parametrize("role", ["outsider_member", "outsider_editor", "outsider_coordinator"])
def test_an_outsiders_token_reads_nothing_partner_only_of_this_area(api_for, user_for, role, partner_goal, action):
    client = api_for(user_for(role))
    for address in ["/api/v1/oulu/goals/osatyokykyiset/", "/api/v1/oulu/survey/"]:
        response = client.get(address)
        assert response.status_code in (200, 404)
        assert "Osatyökykyisten" not in response.content.decode()


def test_a_partners_token_does_not_read_another_areas_partner_data(api_for, partner_editor, other_goal):
    client = api_for(partner_editor)
    assert client.get("/api/v1/rannikko/goals/nuorisotyottomyys/").status_code == 404
    assert client.get("/api/v1/rannikko/goals/").json()["results"] == []
    # The same slug here is this area's public goal, not the other one.
    assert client.get("/api/v1/oulu/goals/").json()["results"] == []


def test_same_slug_in_two_areas(api_for, coordinator, goal, other_goal, outsider_coordinator):
    here = api_for(coordinator).get("/api/v1/oulu/goals/nuorisotyottomyys/").json()
    there = api_for(outsider_coordinator).get("/api/v1/rannikko/goals/nuorisotyottomyys/").json()
    assert here["uuid"] != there["uuid"]
    assert there["title"] == "SALAINEN rannikon tavoite"


def test_goal_has_its_status_and_page(api_for, goal):
    data = api_for(None).get("/api/v1/oulu/goals/nuorisotyottomyys/").json()
    assert data["status"] in {"on_track", "at_risk", "off_track", "no_data"}
    assert data["page"] == "/fi/oulu/goals/nuorisotyottomyys/"
    assert data["indicators"] == ["koulutukseen-ohjatut"]


def test_indicator_has_values_targets_status_and_provenance(api_for, goal, indicator):
    data = api_for(None).get("/api/v1/oulu/indicators/koulutukseen-ohjatut/").json()
    assert [row["period_code"] for row in data["values"]] == ["2025Q2", "2025Q3", "2025Q4"]
    assert data["targets"] == [{"period": "2026-01-01", "period_code": "2026Q1", "value": 48.0}]
    assert data["assessment"]["status"] in {"on_track", "at_risk", "off_track"}
    assert data["provenance"]["manual"] is True


def test_indicator_values_as_csv(api_for, goal, indicator):
    response = api_for(None).get("/api/v1/oulu/indicators/koulutukseen-ohjatut/values/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "period,period_code,value,complete"
    assert lines[1] == "2025-04-01,2025Q2,42.0,True"


def test_indicator_values_filtered_by_period(api_for, goal, indicator):
    rows = api_for(None).get("/api/v1/oulu/indicators/koulutukseen-ohjatut/values/?period_from=2025-07-01").json()
    assert [row["period_code"] for row in rows] == ["2025Q3", "2025Q4"]


def test_filters_status_and_organisation(api_for, coordinator, goal, action, organization_a, organization_b):
    client = api_for(coordinator)
    assert len(client.get("/api/v1/oulu/actions/?status=under_way").json()["results"]) == 1
    assert client.get("/api/v1/oulu/actions/?status=done").json()["results"] == []
    assert len(client.get(f"/api/v1/oulu/actions/?organisation={organization_a.slug}").json()["results"]) == 1
    assert client.get(f"/api/v1/oulu/actions/?organisation={organization_b.slug}").json()["results"] == []
    assert len(client.get("/api/v1/oulu/goals/?forum=nuorten-verkosto").json()["results"]) == 1


def test_a_bad_filter_is_a_400_per_field(api_for, goal):
    response = api_for(None).get("/api/v1/oulu/actions/?status=nonsense&period_from=not-a-day")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"status", "period_from"}


def test_pagination_is_capped(api_for, area, organization_a):
    from verkko.ecosystem.tests.factories import OrganizationFactory

    for number in range(3):
        OrganizationFactory(area=area, name=f"Org {number}")
    client = api_for(None)
    data = client.get("/api/v1/oulu/organisations/?page_size=2").json()
    assert data["count"] == 4
    assert len(data["results"]) == 2
    assert data["next"]
    assert len(client.get("/api/v1/oulu/organisations/?page_size=100000").json()["results"]) == 4
    assert client.get("/api/v1/oulu/organisations/?page=99").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_people_cards_follow_person_card(api_for, user_for, role, organization_a):
    PersonFactory(organization=organization_a, first_name="Julkinen", show_publicly=True, email="j@example.com")
    PersonFactory(organization=organization_a, first_name="Salainen", show_publicly=False)
    response = api_for(user_for(role)).get("/api/v1/oulu/people/")
    names = {card["name"].split()[0] for card in response.json()["results"]}
    assert names == ({"Julkinen", "Salainen"} if role in PARTNERS else {"Julkinen"})
    emails = {card["email"] for card in response.json()["results"]}
    assert ("j@example.com" in emails) == (role in PARTNERS)


def test_unknown_area_and_address_are_json_404s(api_for, db, area):
    client = api_for(None)
    response = client.get("/api/v1/nowhere/goals/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    response = client.get("/api/v1/oulu/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_areas_list(api_for, area, other_area):
    data = api_for(None).get("/api/v1/areas/").json()
    assert {row["slug"] for row in data["results"]} == {"oulu", "rannikko"}
