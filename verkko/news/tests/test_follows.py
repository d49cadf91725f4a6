"""Following forums, goals, indicators and organisations: a POST that works with and without htmx,
only for what the user may see; the button on their pages."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from verkko.goals.models import Goal, Indicator
from verkko.news.models import Follow
from verkko.news.tests.conftest import ROLES


@pytest.fixture
def goal(area, forum):
    return Goal.objects.create(
        area=area,
        slug="nuoret-toihin",
        title="Nuoret töihin",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        owner_forum=forum,
    )


@pytest.fixture
def indicator(area, goal):
    indicator = Indicator.objects.create(area=area, slug="nuorisotyottomyys", name="Nuorisotyöttömyys", frequency="M")
    goal.indicators.add(indicator)
    return indicator


def _follows(user):
    return list(Follow.objects.filter(user=user))


@pytest.mark.parametrize(
    ("kind", "key", "subject"),
    [
        ("forum", "nuorten-verkosto", "forum"),
        ("goal", "nuoret-toihin", "goal"),
        ("indicator", "nuorisotyottomyys", "indicator"),
        ("organisation", "organisaatio-a", "organization_a"),
    ],
)
def test_following_and_unfollowing_each_kind(
    request, as_role, partner_member, area, kind, key, subject, goal, indicator
):
    followed = request.getfixturevalue(subject)
    client = as_role("partner_member")
    response = client.post(f"/fi/oulu/follow/{kind}/{key}/", {"follow": "1", "next": "/fi/oulu/"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/oulu/"
    (follow,) = _follows(partner_member)
    assert follow.subject == followed
    assert follow.area == area
    client.post(f"/fi/oulu/follow/{kind}/{key}/", {"follow": "1"})
    assert len(_follows(partner_member)) == 1
    response = client.post(f"/fi/oulu/follow/{kind}/{key}/", {"follow": "0"})
    assert response.status_code == 302
    assert _follows(partner_member) == []


def test_htmx_gets_the_new_button(as_role, partner_member, forum):
    response = as_role("partner_member").post(
        "/fi/oulu/follow/forum/nuorten-verkosto/", {"follow": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "<html" not in text
    assert 'name="follow" value="0"' in text
    assert 'hx-post="/fi/oulu/follow/forum/nuorten-verkosto/"' in text


@pytest.mark.parametrize("role", ["public", "outsider_member", "outsider_editor", "outsider_coordinator"])
def test_partner_only_forums_cannot_be_followed_by_those_who_do_not_see_them(as_role, everyone, role, partner_forum):
    response = as_role(role).post("/fi/oulu/follow/forum/rekrytointitiimi/", {"follow": "1"})
    assert response.status_code == (302 if role == "public" else 404)
    assert not Follow.objects.exists()


def test_outsiders_follow_public_forums_of_this_area(as_role, outsider_member, forum):
    assert (
        as_role("outsider_member").post("/fi/oulu/follow/forum/nuorten-verkosto/", {"follow": "1"}).status_code == 302
    )
    assert Follow.objects.get().user == outsider_member


def test_the_public_is_asked_to_sign_in(as_role, forum):
    response = as_role("public").post("/fi/oulu/follow/forum/nuorten-verkosto/", {"follow": "1"})
    assert "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    ("path", "data", "status"),
    [
        ("/fi/oulu/follow/forum/nuorten-verkosto/", {"follow": "kyllä"}, 400),
        ("/fi/oulu/follow/forum/nuorten-verkosto/", {}, 400),
        ("/fi/oulu/follow/meeting/nuorten-verkosto/", {"follow": "1"}, 404),
        ("/fi/oulu/follow/forum/ei-ole/", {"follow": "1"}, 404),
    ],
)
def test_bad_input_changes_nothing(as_role, partner_member, forum, path, data, status):
    assert as_role("partner_member").post(path, data).status_code == status
    assert not Follow.objects.exists()


def test_follow_refuses_get(as_role, partner_member, forum):
    assert as_role("partner_member").get("/fi/oulu/follow/forum/nuorten-verkosto/").status_code == 405


def test_an_unsafe_next_address_is_not_followed(as_role, partner_member, forum):
    response = as_role("partner_member").post(
        "/fi/oulu/follow/forum/nuorten-verkosto/", {"follow": "1", "next": "https://evil.example.com/"}
    )
    assert response["Location"] == "/fi/oulu/ecosystem/forums/nuorten-verkosto/"


def test_another_areas_forum_of_the_same_slug_is_followed_there(
    as_role, partner_member, outsider_member, forum, other_area
):
    from verkko.ecosystem.tests.factories import ForumFactory

    theirs = ForumFactory(area=other_area, slug="nuorten-verkosto", name="Rannikon nuoret")
    as_role("outsider_member").post("/fi/rannikko/follow/forum/nuorten-verkosto/", {"follow": "1"})
    follow = Follow.objects.get()
    assert follow.subject == theirs
    assert follow.area == other_area


@pytest.mark.parametrize(
    "path",
    [
        "/fi/oulu/ecosystem/forums/nuorten-verkosto/",
        "/fi/oulu/ecosystem/organisaatio-a/",
        "/fi/oulu/goals/nuoret-toihin/",
        "/fi/oulu/indicators/nuorisotyottomyys/",
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_the_follow_button_is_on_the_pages_for_signed_in_users(as_role, everyone, role, path, goal, indicator):
    text = as_role(role).get(path).content.decode()
    assert ('name="follow" value="1"' in text) == (role != "public")


def test_the_button_shows_the_current_state(as_role, partner_member, forum):
    Follow.objects.create(
        user=partner_member,
        area=forum.area,
        subject_type=ContentType.objects.get_for_model(forum),
        subject_id=forum.pk,
    )
    text = as_role("partner_member").get("/fi/oulu/ecosystem/forums/nuorten-verkosto/").content.decode()
    assert 'name="follow" value="0"' in text
