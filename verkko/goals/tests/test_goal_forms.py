import pytest
from auditlog.models import LogEntry

from verkko.goals.models import Goal
from verkko.goals.tests.conftest import OUTSIDERS


def _data(forum, indicator, **changes):
    data = {
        "title_fi": "Työllisyysasteen nosto",
        "slug": "tyollisyysaste",
        "description_fi": "Yhteinen päätavoite.",
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
    assert "Uusi tavoite" in client.get("/fi/oulu/goals/new/").content.decode()
    response = client.post("/fi/oulu/goals/new/", _data(forum, indicator))
    assert response.status_code == 302
    goal = Goal.objects.get(slug="tyollisyysaste")
    assert goal.area == area
    assert list(goal.indicators.all()) == [indicator]
    assert {entry.actor for entry in LogEntry.objects.get_for_object(goal)} == {coordinator}


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_create_goals(client_for, user_for, role, forum, indicator):
    client = client_for(user_for(role))
    assert client.get("/fi/oulu/goals/new/").status_code == 403
    assert client.post("/fi/oulu/goals/new/", _data(forum, indicator)).status_code == 403
    assert not Goal.objects.filter(slug="tyollisyysaste").exists()


def test_public_is_sent_to_sign_in(client_for, forum, indicator):
    response = client_for(None).post("/fi/oulu/goals/new/", _data(forum, indicator))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Goal.objects.exists()


def test_end_before_start_is_an_error_and_nothing_is_saved(client_for, coordinator, forum, indicator):
    response = client_for(coordinator).post("/fi/oulu/goals/new/", _data(forum, indicator, ends_on="2024-01-01"))
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Goal.objects.exists()


def test_reserved_slug_is_refused(client_for, coordinator, forum, indicator):
    response = client_for(coordinator).post("/fi/oulu/goals/new/", _data(forum, indicator, slug="new"))
    assert response.status_code == 400


def test_coordinator_edits_a_goal_and_history_shows_the_change(client_for, coordinator, goal, forum, indicator):
    client = client_for(coordinator)
    data = _data(forum, indicator, slug=goal.slug, title_fi="Nuorten työllisyys")
    assert client.post(f"/fi/oulu/goals/{goal.slug}/edit/", data).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Nuorten työllisyys"
    content = client.get(f"/fi/oulu/goals/{goal.slug}/").content.decode()
    assert "Nuorisotyöttömyyden vähentäminen → Nuorten työllisyys" in content


def test_goal_cannot_be_its_own_parent(client_for, coordinator, goal, forum, indicator):
    data = _data(forum, indicator, slug=goal.slug, parent=goal.pk)
    assert client_for(coordinator).post(f"/fi/oulu/goals/{goal.slug}/edit/", data).status_code == 400
    goal.refresh_from_db()
    assert goal.parent is None


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_edit_goals(client_for, user_for, role, goal, forum, indicator):
    client = client_for(user_for(role))
    assert client.get(f"/fi/oulu/goals/{goal.slug}/edit/").status_code == 403
    data = _data(forum, indicator, slug=goal.slug, title_fi="Muutettu")
    assert client.post(f"/fi/oulu/goals/{goal.slug}/edit/", data).status_code == 403
    goal.refresh_from_db()
    assert goal.title == "Nuorisotyöttömyyden vähentäminen"


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_get_404_for_editing_a_partner_only_goal(client_for, user_for, role, partner_goal):
    assert client_for(user_for(role)).get(f"/fi/oulu/goals/{partner_goal.slug}/edit/").status_code == 404


def test_same_slug_may_exist_in_another_area(client_for, coordinator, forum, indicator, area, other_goal):
    response = client_for(coordinator).post("/fi/oulu/goals/new/", _data(forum, indicator, slug=other_goal.slug))
    assert response.status_code == 302
    assert Goal.objects.get(area=area, slug=other_goal.slug).title == "Työllisyysasteen nosto"
    assert Goal.objects.filter(slug=other_goal.slug).count() == 2


def test_slug_taken_in_this_area_is_an_error_and_nothing_is_saved(
    client_for, coordinator, goal, partner_goal, forum, indicator
):
    client = client_for(coordinator)
    response = client.post("/fi/oulu/goals/new/", _data(forum, indicator, slug=goal.slug))
    assert response.status_code == 400
    assert "Tämä osoite on jo käytössä" in response.content.decode()
    response = client.post(f"/fi/oulu/goals/{partner_goal.slug}/edit/", _data(forum, indicator, slug=goal.slug))
    assert response.status_code == 400
    assert Goal.objects.filter(slug=goal.slug).count() == 1
    partner_goal.refresh_from_db()
    assert partner_goal.slug == "osatyokykyiset"


@pytest.mark.parametrize("field", ["owner_forum", "parent", "indicators"])
def test_form_refuses_what_belongs_to_another_area(
    client_for, coordinator, forum, indicator, other_forum, other_goal, other_indicator, field
):
    foreign = {"owner_forum": other_forum.pk, "parent": other_goal.pk, "indicators": [other_indicator.pk]}
    client = client_for(coordinator)
    form = client.get("/fi/oulu/goals/new/").content.decode()
    assert "Rannikon ohjausryhmä" not in form
    assert "Rannikon nuorten työllisyys" not in form
    assert "Rannikon koulutukseen ohjatut" not in form
    response = client.post("/fi/oulu/goals/new/", _data(forum, indicator, **{field: foreign[field]}))
    assert response.status_code == 400
    assert not Goal.objects.filter(area=forum.area).exists()


def test_another_areas_goal_cannot_be_edited_here(client_for, coordinator, other_goal, forum, indicator):
    data = _data(forum, indicator, slug=other_goal.slug, title_fi="Kaapattu")
    assert client_for(coordinator).post(f"/fi/oulu/goals/{other_goal.uuid}/edit/", data).status_code == 404
    other_goal.refresh_from_db()
    assert other_goal.title == "Rannikon nuorten työllisyys"


def test_goal_forms_refuse_other_methods(client_for, coordinator, goal):
    client = client_for(coordinator)
    assert client.put("/fi/oulu/goals/new/").status_code == 405
    assert client.delete(f"/fi/oulu/goals/{goal.slug}/edit/").status_code == 405
