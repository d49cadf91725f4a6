import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Goal
from verkko.goals.tests.conftest import ROLES


def _data(forum, indicator, **changes):
    data = {
        "title": "Työllisyysasteen nosto",
        "slug": "tyollisyysaste",
        "description": "Yhteinen päätavoite.",
        "owner_forum": forum.pk,
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "visibility": "public",
        "indicators": [indicator.pk],
    }
    data.update(changes)
    return data


def test_coordinator_creates_a_goal_with_history(client_for, coordinator, forum, indicator, area):
    client = client_for(coordinator)
    assert "Uusi tavoite" in client.get("/fi/goals/new/").content.decode()
    response = client.post("/fi/goals/new/", _data(forum, indicator))
    assert response.status_code == 302
    goal = Goal.objects.get(slug="tyollisyysaste")
    assert goal.area == area
    assert list(goal.indicators.all()) == [indicator]
    assert {entry.actor for entry in LogEntry.objects.get_for_object(goal)} == {coordinator}


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b"])
def test_partners_may_not_create_goals(client_for, user_for, role, forum, indicator):
    client = client_for(user_for(role))
    assert client.get("/fi/goals/new/").status_code == 403
    assert client.post("/fi/goals/new/", _data(forum, indicator)).status_code == 403
    assert not Goal.objects.filter(slug="tyollisyysaste").exists()


def test_public_is_sent_to_sign_in(client_for, forum, indicator):
    response = client_for(None).post("/fi/goals/new/", _data(forum, indicator))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Goal.objects.exists()


def test_end_before_start_is_an_error_and_nothing_is_saved(client_for, coordinator, forum, indicator):
    response = client_for(coordinator).post("/fi/goals/new/", _data(forum, indicator, ends_on="2024-01-01"))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Goal.objects.exists()


def test_reserved_slug_is_refused(client_for, coordinator, forum, indicator):
    response = client_for(coordinator).post("/fi/goals/new/", _data(forum, indicator, slug="new"))
    assert response.status_code == 400


def test_coordinator_edits_a_goal_and_history_shows_the_change(client_for, coordinator, goal, forum, indicator):
    client = client_for(coordinator)
    data = _data(forum, indicator, slug=goal.slug, title="Nuorten työllisyys")
    assert client.post(f"/fi/goals/{goal.slug}/edit/", data).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Nuorten työllisyys"
    content = client.get(f"/fi/goals/{goal.slug}/").content.decode()
    assert "Nuorisotyöttömyyden vähentäminen → Nuorten työllisyys" in content


def test_goal_cannot_be_its_own_parent(client_for, coordinator, goal, forum, indicator):
    data = _data(forum, indicator, slug=goal.slug, parent=goal.pk)
    assert client_for(coordinator).post(f"/fi/goals/{goal.slug}/edit/", data).status_code == 400
    goal.refresh_from_db()
    assert goal.parent is None


@pytest.mark.parametrize("role", ROLES[1:4])
def test_partners_may_not_edit_goals(client_for, user_for, role, goal):
    assert client_for(user_for(role)).get(f"/fi/goals/{goal.slug}/edit/").status_code == 403


def test_goal_forms_refuse_other_methods(client_for, coordinator, goal):
    client = client_for(coordinator)
    assert client.put("/fi/goals/new/").status_code == 405
    assert client.delete(f"/fi/goals/{goal.slug}/edit/").status_code == 405
