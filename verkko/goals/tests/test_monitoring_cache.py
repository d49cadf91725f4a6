"""The goals page is cached per audience until its data change: a write in the area shows at
once, a write in another area keeps the cached page, the public never receives what partners
see, and languages never mix."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from verkko.ecosystem.models import EmploymentArea
from verkko.goals import actions
from verkko.goals.tests.conftest import OUTSIDERS, PARTNERS

URL = "/fi/oulu/goals/"


def _queries(client, url=URL):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_second_visitor_gets_the_page_from_the_cache(client_for, goal, action):
    cold, first = _queries(client_for(None))
    warm, second = _queries(client_for(None))
    assert warm < cold
    assert second == first


def test_a_check_in_in_the_area_shows_at_once(client_for, goal, action, partner_editor):
    assert "30 %" in _queries(client_for(None))[1]
    actions.check_in(partner_editor, action, progress=80, status="under_way", confidence="on_track", narrative="")
    content = _queries(client_for(None))[1]
    assert "80 %" in content
    assert "30 %" not in content


def test_a_change_made_outside_an_action_shows_too(client_for, goal):
    _queries(client_for(None))
    goal.title = "Nuorten työllisyys paranee"
    goal.save()
    assert "Nuorten työllisyys paranee" in _queries(client_for(None))[1]


def test_a_write_in_another_area_keeps_the_cached_page(
    client_for, area, goal, action, other_area, other_action, outsider_editor
):
    client_for(None).get(URL)
    warm, _ = _queries(client_for(None))
    version = EmploymentArea.objects.get(pk=area.pk).content_version
    other_version = EmploymentArea.objects.get(pk=other_area.pk).content_version
    actions.check_in(
        outsider_editor, other_action, progress=90, status="under_way", confidence="on_track", narrative=""
    )
    assert EmploymentArea.objects.get(pk=other_area.pk).content_version > other_version
    assert EmploymentArea.objects.get(pk=area.pk).content_version == version
    assert _queries(client_for(None))[0] == warm


@pytest.mark.parametrize("reader", [None, *OUTSIDERS])
@pytest.mark.parametrize("partner", PARTNERS)
def test_the_public_never_receives_the_partners_cached_page(client_for, user_for, goal, partner_goal, partner, reader):
    assert "Osatyökykyisten työllistyminen" in _queries(client_for(user_for(partner)))[1]
    content = _queries(client_for(user_for(reader)))[1]
    assert "Nuorisotyöttömyyden vähentäminen" in content
    assert "Osatyökykyisten työllistyminen" not in content


def test_only_coordinators_get_the_cached_page_with_the_editing_buttons(client_for, goal, coordinator, partner_editor):
    assert "/goals/new/" in _queries(client_for(coordinator))[1]
    assert "/goals/new/" not in _queries(client_for(partner_editor))[1]


def test_languages_do_not_mix(client_for, goal):
    finnish = _queries(client_for(None))[1]
    swedish = _queries(client_for(None), "/sv/oulu/goals/")[1]
    assert "Yhteiset tavoitteet: seuranta" in finnish
    assert "Gemensamma mål: uppföljning" in swedish
    assert "Gemensamma mål: uppföljning" not in finnish


def test_filtered_pages_are_cached_apart(client_for, coordinator, goal, partner_goal):
    client = client_for(coordinator)
    assert "Osatyökykyisten työllistyminen" in _queries(client)[1]
    filtered = _queries(client, URL + "?status=off_track")[1]
    assert "Osatyökykyisten työllistyminen" not in filtered
    assert "Osatyökykyisten työllistyminen" in _queries(client)[1]


def test_the_user_menu_is_never_cached(client_for, goal, partner_editor, partner_member):
    _queries(client_for(partner_editor))
    content = _queries(client_for(partner_member))[1]
    assert partner_member.email in content
    assert partner_editor.email not in content


def _with_message(client, text):
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies[storage.cookie_name] = storage._encode([Message(constants.SUCCESS, text)])
    return client


def test_a_message_is_shown_to_its_visitor_and_never_shared(client_for, goal):
    _queries(client_for(None))
    assert "Tervetuloa takaisin" in _queries(_with_message(client_for(None), "Tervetuloa takaisin"))[1]
    assert "Tervetuloa takaisin" not in _queries(client_for(None))[1]


def test_the_public_answer_is_shared_only_without_a_query(client_for, goal, partner_goal):
    _queries(client_for(None))  # drawn and shared
    warm, _ = _queries(client_for(None))
    filtered, content = _queries(client_for(None), URL + "?status=off_track")
    assert warm < filtered
    assert "Nuorisotyöttömyyden vähentäminen" in content
