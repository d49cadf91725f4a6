"""The outsiders: a member, an editor and a coordinator of another area get here what a signed-in visitor gets.

Partner-only objects are not found (404), edits are refused (403, not the sign-in page: they are
signed in), and public pages show only their public content.
"""

import pytest

from conftest import OUTSIDERS
from verkko.ecosystem import actions
from verkko.ecosystem.models import Decision, Person
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.helpers import pdf

OULU = "/fi/oulu/ecosystem/"
VISITORS = ["public", *OUTSIDERS]


@pytest.fixture
def partner_only(coordinator, partner_meeting, private_person, media_in_tmp):
    """A partner-only forum's meeting with a decision and an attachment, and a person not shown publicly."""
    decision = Decision.objects.create(meeting=partner_meeting, text="Sisäinen päätös")
    attachment = actions.add_attachment(coordinator, partner_meeting, {"title": "Sisäinen", "file": pdf()})
    return {"meeting": partner_meeting, "decision": decision, "attachment": attachment, "person": private_person}


def partner_only_reads(objects):
    meeting, decision, attachment = objects["meeting"], objects["decision"], objects["attachment"]
    return [
        "forums/rekrytointitiimi/",
        f"meetings/{meeting.uuid}/",
        f"attachments/{attachment.uuid}/",
        f"decisions/{decision.uuid}/",
    ]


def partner_only_edits(objects):
    meeting, decision, attachment = objects["meeting"], objects["decision"], objects["attachment"]
    return [
        ("get", "forums/rekrytointitiimi/edit/"),
        ("get", "forums/rekrytointitiimi/meetings/new/"),
        ("post", "forums/rekrytointitiimi/archive/"),
        ("post", "forums/rekrytointitiimi/members/"),
        ("post", "forums/rekrytointitiimi/members/remove/"),
        ("post", "forums/rekrytointitiimi/responsibilities/"),
        ("get", f"meetings/{meeting.uuid}/edit/"),
        ("post", f"meetings/{meeting.uuid}/attachments/"),
        ("post", f"meetings/{meeting.uuid}/decisions/"),
        ("post", f"attachments/{attachment.uuid}/remove/"),
        ("get", f"decisions/{decision.uuid}/edit/"),
        ("post", f"decisions/{decision.uuid}/remove/"),
        ("get", f"people/{objects['person'].uuid}/edit/"),
        ("post", f"people/{objects['person'].uuid}/erase/"),
    ]


@pytest.mark.parametrize(("role", "found"), by_role(True, True, True, True, None, False, False, False))
def test_partner_only_objects_are_found_only_by_the_areas_partners(as_role, everyone, partner_only, role, found):
    """The public (None) is asked to sign in; signed in without a role, nothing is found."""
    client = as_role(role)
    for page in partner_only_reads(partner_only):
        response = client.get(f"{OULU}{page}")
        if found is None:
            assert response["Location"].startswith("/fi/accounts/login/?next="), page
        else:
            assert response.status_code in ((200, 302) if found else (404,)), page


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_may_not_even_find_partner_only_objects_to_edit(as_role, everyone, partner_only, role):
    client = as_role(role)
    for method, page in partner_only_edits(partner_only):
        assert getattr(client, method)(f"{OULU}{page}", {"archived": "1"}).status_code == 404, page
    assert Decision.objects.filter(pk=partner_only["decision"].pk).exists()
    assert partner_only["meeting"].attachments.count() == 1
    assert not Person.objects.get(pk=partner_only["person"].pk).is_erased


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_are_refused_edits_of_public_objects(
    as_role, everyone, forum, meeting, decision, public_person, role
):
    """Signed in, so refused (403), not sent to the sign-in page; nothing changes."""
    client = as_role(role)
    edits = [
        ("get", "organisations/new/"),
        ("get", "forums/new/"),
        ("get", "import/"),
        ("get", "export/people.csv"),
        ("get", "organisaatio-a/edit/"),
        ("get", "organisaatio-a/role/"),
        ("get", "organisaatio-a/people/new/"),
        ("get", "organisaatio-a/remove/"),
        ("post", "organisaatio-a/remove/"),
        ("get", "forums/nuorten-verkosto/edit/"),
        ("post", "forums/nuorten-verkosto/archive/"),
        ("get", f"meetings/{meeting.uuid}/edit/"),
        ("post", f"decisions/{decision.uuid}/remove/"),
        ("get", f"people/{public_person.uuid}/edit/"),
        ("post", f"people/{public_person.uuid}/erase/"),
    ]
    for method, page in edits:
        assert getattr(client, method)(f"{OULU}{page}", {"archived": "1"}).status_code == 403, page
    forum.refresh_from_db()
    assert forum.archived_at is None
    assert Decision.objects.filter(pk=decision.pk).exists()
    assert not Person.objects.get(pk=public_person.pk).is_erased


@pytest.mark.parametrize("role", VISITORS)
def test_visitors_see_only_the_public_content_of_an_organisation(
    as_role, everyone, coordinator, organization_a, public_person, private_person, partner_forum, role
):
    actions.update_organization(coordinator, organization_a, {"description": "Uusi kuvaus"})
    content = as_role(role).get(f"{OULU}organisaatio-a/").content.decode()
    assert "Julkinen Henkilö" in content
    assert "Yksityinen Ihminen" not in content
    assert "040 123 4567" not in content
    assert "Rekrytointitiimi" not in content  # its seat in a partner-only forum
    assert "Kuka muutti mitä ja milloin" not in content  # the public sees only that and when something changed
    assert "Muokkaa tietoja" not in content


@pytest.mark.parametrize("role", VISITORS)
def test_visitors_see_only_the_public_content_of_a_forum(as_role, everyone, forum, partner_forum, role):
    partner_forum.parent = forum
    partner_forum.save()
    content = as_role(role).get(f"{OULU}forums/nuorten-verkosto/").content.decode()
    assert "Nuorten palvelut yhteen." in content
    assert "Rekrytointitiimi" not in content  # a partner-only forum under it
    assert "Kuka muutti mitä ja milloin" not in content  # the public sees only that and when something changed
    assert "Tallenna jäsen" not in content


@pytest.mark.parametrize("role", VISITORS)
def test_visitors_find_nobody_who_is_not_shown_nor_anyone_by_email(
    as_role, everyone, public_person, private_person, role
):
    client = as_role(role)
    assert "Yksityinen" not in client.get(f"{OULU}search/", {"q": "Ihminen"}).content.decode()
    assert "Julkinen Henkilö" not in client.get(f"{OULU}search/", {"q": "julkinen@"}).content.decode()
    assert "Julkinen Henkilö" in client.get(f"{OULU}search/", {"q": "Julkinen"}).content.decode()
