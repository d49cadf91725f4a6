import pytest

ENDPOINTS = [
    "",
    "organisations/",
    "people/",
    "forums/",
    "meetings/",
    "decisions/",
    "goals/",
    "indicators/",
    "actions/",
    "signals/",
    "figures/",
    "news/",
    "events/",
    "processes/",
    "services/",
    "survey/",
    "statistics/tables/",
]


@pytest.mark.parametrize("role", [None, "coordinator"])
def test_every_list(api_for, user_for, role, goal, partner_goal, action):
    client = api_for(user_for(role))
    for endpoint in ENDPOINTS:
        response = client.get(f"/api/v1/oulu/{endpoint}")
        assert response.status_code == 200, (endpoint, response.content[:500])
        print(endpoint, response.json() if endpoint in ("goals/", "indicators/") else "")
    assert client.get(f"/api/v1/oulu/indicators/{goal.indicators.first().slug}/").status_code == 200
    assert client.get("/api/v1/schema/").status_code == 200
    assert client.get("/api/v1/docs/").status_code == 200
