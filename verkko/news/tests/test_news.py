"""News items: who reads which, who writes, edits and deletes them, and that bad input changes nothing."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from verkko.news.models import Audience, NewsItem
from verkko.news.tests.conftest import MARKER, PARTNERS, ROLES, by_role, news

LIST = "/fi/oulu/news/"


def detail(item):
    return f"/fi/oulu/news/{item.uuid}/"


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_each_role_the_news_of_its_audience(
    as_role, everyone, role, public_news, partner_news, forum_news, scheduled_news, other_area_news
):
    page = as_role(role).get(LIST)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Julkinen uutinen" in text
    assert "Rannikon uutinen" not in text
    assert ("kumppaniuutinen" in text) == (role in PARTNERS)
    # Forum news: members of the chosen forum (organisation B's) and the coordinators.
    assert ("foorumiuutinen" in text) == (role in ("coordinator", "editor_b"))
    # Scheduled: coordinators and the author organisation's editor.
    assert ("ajastettu uutinen" in text) == (role in ("coordinator", "partner_editor"))
    if role not in PARTNERS:
        assert MARKER not in text


@pytest.mark.parametrize(("role", "expected"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_partner_news_asks_the_public_to_sign_in_not_found_for_outsiders(
    as_role, everyone, role, expected, partner_news
):
    assert as_role(role).get(detail(partner_news)).status_code == expected


@pytest.mark.parametrize(("role", "expected"), by_role(200, 200, 404, 404, 302, 404, 404, 404))
def test_scheduled_news_shows_only_to_coordinators_and_its_author(as_role, everyone, role, expected, scheduled_news):
    assert as_role(role).get(detail(scheduled_news)).status_code == expected


def test_the_body_is_rendered_safely(as_role, area):
    item = news(area, "Vaarallinen", body="**Lihava** <script>alert(1)</script> [x](javascript:alert(2))")
    text = as_role("public").get(detail(item)).content.decode()
    assert "<strong>Lihava</strong>" in text
    assert "<script>alert(1)" not in text
    assert "javascript:alert" not in text


def test_another_areas_news_is_not_found_here(as_role, area, other_area_news):
    assert as_role("public").get(detail(other_area_news)).status_code == 404
    assert as_role("public").get(f"/fi/rannikko/news/{other_area_news.uuid}/").status_code == 200


def test_the_list_and_detail_link_the_atom_feed(as_role, public_news):
    for path in (LIST, detail(public_news)):
        text = as_role("public").get(path).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in text
        assert 'href="/fi/oulu/news/feed.atom"' in text


def test_the_list_refuses_post(as_role, area):
    assert as_role("public").post(LIST).status_code == 405
    assert as_role("public").post(f"/fi/oulu/news/{NewsItem().uuid}/").status_code == 405


def _form(**overrides):
    data = {
        "title": "Uusi uutinen",
        "body": "Tekstiä **lihavana**.",
        "audience": Audience.PUBLIC,
        "publish_at": (timezone.localtime() - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M"),
    }
    return {**data, **overrides}


@pytest.mark.parametrize(("role", "expected"), by_role(200, 200, 403, 200, 302, 403, 403, 403))
def test_coordinators_and_editors_open_the_new_item_form(as_role, everyone, role, expected):
    assert as_role(role).get("/fi/oulu/news/new/").status_code == expected


def test_an_editor_writes_in_the_name_of_their_organisation(as_role, partner_editor, organization_a, organization_b):
    client = as_role("partner_editor")
    refused = client.post("/fi/oulu/news/new/", _form(author_organization=organization_b.pk))
    assert refused.status_code == 400
    assert not NewsItem.objects.exists()
    response = client.post("/fi/oulu/news/new/", _form(author_organization=organization_a.pk))
    item = NewsItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(item)
    assert item.author_organization == organization_a
    assert item.created_by == partner_editor
    assert LogEntry.objects.get_for_object(item).exists()


def test_an_editor_must_name_the_author_organisation(as_role, partner_editor):
    assert as_role("partner_editor").post("/fi/oulu/news/new/", _form()).status_code == 400
    assert not NewsItem.objects.exists()


def test_a_coordinator_writes_for_chosen_forums(as_role, coordinator, forum, partner_forum):
    response = as_role("coordinator").post(
        "/fi/oulu/news/new/", _form(audience=Audience.FORUMS, forums=[partner_forum.pk])
    )
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert list(item.forums.all()) == [partner_forum]
    assert item.author_organization is None


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"body": ""},
        {"publish_at": "eilen"},
        {"audience": "everybody"},
        {"audience": Audience.FORUMS},  # no forum chosen
    ],
)
def test_bad_input_creates_nothing(as_role, coordinator, bad):
    response = as_role("coordinator").post("/fi/oulu/news/new/", _form(**bad))
    assert response.status_code == 400
    assert not NewsItem.objects.exists()


def test_a_forum_of_another_area_cannot_be_chosen(as_role, coordinator, other_area):
    from verkko.ecosystem.tests.factories import ForumFactory

    elsewhere = ForumFactory(area=other_area, slug="nuorten-verkosto")
    response = as_role("coordinator").post("/fi/oulu/news/new/", _form(audience=Audience.FORUMS, forums=[elsewhere.pk]))
    assert response.status_code == 400
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 403, 302, 403, 403, 403))
def test_the_author_organisation_and_coordinators_edit(as_role, everyone, role, expected, public_news):
    response = as_role(role).post(
        f"/fi/oulu/news/{public_news.uuid}/edit/",
        _form(title="Muokattu", author_organization=public_news.author_organization_id),
    )
    assert response.status_code == expected
    public_news.refresh_from_db()
    assert (public_news.title == "Muokattu") == (expected == 302 and role != "public")
    if role == "public":
        assert "/accounts/login/" in response["Location"]


def test_bad_edits_change_nothing(as_role, coordinator, public_news):
    response = as_role("coordinator").post(f"/fi/oulu/news/{public_news.uuid}/edit/", _form(title=""))
    assert response.status_code == 400
    public_news.refresh_from_db()
    assert public_news.title == "Julkinen uutinen"


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 403, 302, 403, 403, 403))
def test_delete_is_for_the_author_organisation_and_coordinators(as_role, everyone, role, expected, public_news):
    response = as_role(role).post(f"/fi/oulu/news/{public_news.uuid}/delete/")
    assert response.status_code == expected
    deleted = role in ("coordinator", "partner_editor")
    assert NewsItem.objects.filter(pk=public_news.pk).exists() != deleted
    if deleted:
        assert response["Location"] == LIST


def test_delete_asks_first(as_role, coordinator, public_news):
    page = as_role("coordinator").get(f"/fi/oulu/news/{public_news.uuid}/delete/")
    assert page.status_code == 200
    assert NewsItem.objects.filter(pk=public_news.pk).exists()
    assert as_role("coordinator").put(f"/fi/oulu/news/{public_news.uuid}/delete/").status_code == 405


def test_the_history_shows_changes_to_partners_only(as_role, coordinator, partner_member, public_news):
    as_role("coordinator").post(
        f"/fi/oulu/news/{public_news.uuid}/edit/",
        _form(title="Uusi otsikko", author_organization=public_news.author_organization_id),
    )
    assert "Julkinen uutinen → Uusi otsikko" in as_role("partner_member").get(detail(public_news)).content.decode()
    assert "Julkinen uutinen → Uusi otsikko" not in as_role("public").get(detail(public_news)).content.decode()


def test_demo_items_are_marked_invented(as_role, area):
    item = news(area, "Keksitty", body="x")
    item.is_demo = True
    item.save()
    assert "keksitty esimerkki" in as_role("public").get(detail(item)).content.decode().lower()


@pytest.mark.parametrize(
    ("language", "heading", "audience_tag"),
    [("fi", "Uutiset", "vain kumppaneille"), ("sv", "Nyheter", "endast för partner"), ("en", "News", "partners only")],
)
def test_the_news_pages_speak_finnish_swedish_and_english(
    as_role, partner_member, public_news, partner_news, language, heading, audience_tag
):
    text = as_role("partner_member").get(f"/{language}/oulu/news/").content.decode()
    assert f"<h1>{heading}</h1>" in text
    assert audience_tag in text
