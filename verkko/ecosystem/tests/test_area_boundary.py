"""The employment area as the boundary: under /fi/oulu/ nothing of another area is found, listed or changed.

The other area (rannikko) holds namesakes of Oulu's objects with the same slugs, and objects that
exist only there; its coordinator is the outsider_coordinator.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.accounts.models import Membership
from verkko.ecosystem import actions, responsibilities
from verkko.ecosystem.models import Decision, Forum, ForumMember, Meeting, MeetingAttachment, Organization, Person
from verkko.ecosystem.tests.conftest import ROLES
from verkko.ecosystem.tests.helpers import confirm, csv_file, preview

OULU = "/fi/oulu/ecosystem/"
RANNIKKO = "/fi/rannikko/ecosystem/"


@pytest.fixture
def both_areas(
    everyone, forum, partner_forum, public_person, other_forum, other_partner_forum, other_person, other_decision
):
    """Both areas with their forums, people, meetings and decisions, and every role's user."""
    responsibilities.set_responsibility(None, other_forum.chair, other_forum, "R")


# Same slugs in two areas


def test_the_same_organisation_slug_in_two_areas_leads_to_each_areas_own(as_role, organization_a, other_organization_a):
    assert organization_a.slug == other_organization_a.slug
    oulu = as_role("public").get(f"{OULU}organisaatio-a/")
    assert oulu.context["organization"] == organization_a
    assert "Rannikon oma Organisaatio A." not in oulu.content.decode()
    rannikko = as_role("public").get(f"{RANNIKKO}organisaatio-a/")
    assert rannikko.context["organization"] == other_organization_a
    assert "Rannikon oma Organisaatio A." in rannikko.content.decode()


def test_the_same_forum_slug_in_two_areas_leads_to_each_areas_own(as_role, forum, other_forum):
    assert forum.slug == other_forum.slug
    oulu = as_role("public").get(f"{OULU}forums/nuorten-verkosto/").content.decode()
    assert "Nuorten palvelut yhteen." in oulu
    assert "Rannikon nuoret yhteen." not in oulu
    assert "Rauni Rannikko" not in oulu
    rannikko = as_role("public").get(f"{RANNIKKO}forums/nuorten-verkosto/").content.decode()
    assert "Rannikon nuoret yhteen." in rannikko
    assert "Nuorten palvelut yhteen." not in rannikko


def test_editing_the_namesake_changes_only_the_areas_own(as_role, coordinator, organization_a, other_organization_a):
    data = {"name_fi": "Organisaatio A", "type": "education", "description_fi": "Oulun uusi kuvaus"}
    assert as_role("coordinator").post(f"{OULU}organisaatio-a/edit/", data).status_code == 302
    organization_a.refresh_from_db()
    other_organization_a.refresh_from_db()
    assert organization_a.description == "Oulun uusi kuvaus"
    assert other_organization_a.description == "Rannikon oma Organisaatio A."


def test_a_new_organisation_and_forum_take_a_slug_another_area_already_has(
    as_role, coordinator, other_organization, other_partner_forum
):
    client = as_role("coordinator")
    client.post(f"{OULU}organisations/new/", {"name_fi": "Rannikon kehitys", "type": "ngo"})
    client.post(
        f"{OULU}forums/new/", {"name_fi": "Rannikon sisäinen ryhmä", "level": "tactical", "visibility": "public"}
    )
    assert Organization.objects.get(area__slug="oulu", name="Rannikon kehitys").slug == other_organization.slug
    assert Forum.objects.get(area__slug="oulu", name="Rannikon sisäinen ryhmä").slug == other_partner_forum.slug


def test_slugs_stay_unique_within_the_area(coordinator, area):
    first = actions.create_organization(coordinator, area, {"name": "Sama Nimi", "type": "ngo"})
    second = actions.create_organization(coordinator, area, {"name": "Sama-nimi", "type": "ngo"})
    assert (first.slug, second.slug) == ("sama-nimi", "sama-nimi-2")


# Objects of the other area are not found under /fi/oulu/

ORGANISATION_PAGES = ["", "edit/", "remove/", "role/", "people/new/"]
FORUM_PAGES = ["", "edit/", "meetings/new/"]
FORUM_POSTS = ["archive/", "members/", "members/remove/", "responsibilities/"]


@pytest.mark.parametrize("role", ROLES)
def test_an_organisation_or_forum_only_in_the_other_area_is_not_found(
    as_role, everyone, other_organization, other_partner_forum, role
):
    client = as_role(role)
    for page in ORGANISATION_PAGES:
        assert client.get(f"{OULU}rannikon-kehitys/{page}").status_code == 404, page
    assert client.post(f"{OULU}rannikon-kehitys/restore/").status_code == 404
    for page in FORUM_PAGES:
        assert client.get(f"{OULU}forums/rannikon-sisainen-ryhma/{page}").status_code == 404, page
    for page in FORUM_POSTS:
        assert client.post(f"{OULU}forums/rannikon-sisainen-ryhma/{page}", {"archived": "1"}).status_code == 404
    other_partner_forum.refresh_from_db()
    assert other_partner_forum.archived_at is None


def uuid_pages(meeting, decision, person, attachment):
    """(method, address under /fi/oulu/ecosystem/) of every page found by a UUID."""
    return [
        ("get", f"meetings/{meeting.uuid}/"),
        ("get", f"meetings/{meeting.uuid}/edit/"),
        ("post", f"meetings/{meeting.uuid}/attachments/"),
        ("post", f"meetings/{meeting.uuid}/decisions/"),
        ("get", f"attachments/{attachment.uuid}/"),
        ("post", f"attachments/{attachment.uuid}/remove/"),
        ("get", f"decisions/{decision.uuid}/"),
        ("get", f"decisions/{decision.uuid}/edit/"),
        ("post", f"decisions/{decision.uuid}/remove/"),
        ("get", f"people/{person.uuid}/edit/"),
        ("get", f"people/{person.uuid}/erase/"),
        ("post", f"people/{person.uuid}/erase/"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_a_meeting_decision_person_or_attachment_of_the_other_area_is_not_found(
    as_role, everyone, other_meeting, other_decision, other_person, other_attachment, role
):
    client = as_role(role)
    for method, page in uuid_pages(other_meeting, other_decision, other_person, other_attachment):
        response = getattr(client, method)(f"{OULU}{page}", {"text": "Muutettu", "title": "x"})
        assert response.status_code == 404, (method, page)
    assert Decision.objects.get(pk=other_decision.pk).text == "Rannikon päätös."
    assert MeetingAttachment.objects.filter(pk=other_attachment.pk).exists()
    assert Meeting.objects.get(pk=other_meeting.pk).decisions.count() == 1
    assert not Person.objects.get(pk=other_person.pk).is_erased


def test_the_other_areas_coordinator_finds_them_in_their_own_area(
    as_role, outsider_coordinator, other_meeting, other_decision, other_person, other_attachment
):
    """The same addresses under /fi/rannikko/ work: the 404s above come from the boundary alone."""
    client = as_role("outsider_coordinator")
    for method, page in uuid_pages(other_meeting, other_decision, other_person, other_attachment):
        if method == "get":
            assert client.get(f"{RANNIKKO}{page}").status_code in (200, 302), page


# Lists, search, map and matrix under /fi/oulu/ hold nothing of the other area

LIST_PAGES = ["", "who-does-what/", "map/", "responsibilities/", "search/?q=rannik", "search/?q=rauni@"]


@pytest.mark.parametrize("role", ROLES)
def test_lists_of_the_area_hold_nothing_of_the_other_area(as_role, both_areas, role):
    client = as_role(role)
    for page in LIST_PAGES:
        response = client.get(f"{OULU}{page}")
        assert response.status_code == 200, page
        content = response.content.decode()
        for other in ["Rannikon", "Rauni", "rauni@example.org", "Raahen satama"]:
            assert other not in content, (page, other)


@pytest.mark.parametrize("role", ROLES)
def test_an_organisation_page_shows_no_seats_or_cells_of_the_other_area(
    as_role, both_areas, organization_a, other_forum, role
):
    """Organisation A's namesake sits in the other area's forum; Oulu's Organisation A page does not show it."""
    content = as_role(role).get(f"{OULU}organisaatio-a/").content.decode()
    assert "Rannikon nuorten verkosto" not in content


def test_the_who_does_what_filter_offers_only_the_areas_municipalities(as_role, both_areas, other_organization):
    other_organization.municipality = other_organization.area.host_municipality
    other_organization.save()
    response = as_role("public").get(f"{OULU}who-does-what/", {"municipality": "678"})
    assert "errorlist" in response.content.decode()
    assert "678" not in dict(response.context["form"].fields["municipality"].choices)


# Exports and imports of the area


@pytest.mark.parametrize("kind", ["organisations", "people", "forums"])
def test_exports_hold_only_the_areas_rows(as_role, coordinator, both_areas, kind):
    content = as_role("coordinator").get(f"{OULU}export/{kind}.csv").content.decode("utf-8-sig")
    assert "Rannikon" not in content
    assert "Rauni" not in content


def test_an_import_finds_organisations_of_its_own_area_only(as_role, coordinator, other_organization):
    """Rannikon kehitys exists only in the other area: in Oulu it is new, with the same slug."""
    client = as_role("coordinator")
    rows = [["name", "type", "description"], ["Rannikon kehitys", "ngo", "Oulun oma"]]
    response = preview(client, csv_file(rows))
    assert [row.status for row in response.context["plan"].rows] == ["new"]
    assert confirm(client, response).status_code == 302
    imported = Organization.objects.get(area__slug="oulu", name="Rannikon kehitys")
    assert imported.slug == other_organization.slug
    other_organization.refresh_from_db()
    assert other_organization.description == ""


@pytest.mark.parametrize(
    ("kind", "rows", "message"),
    [
        ("people", [["organisation", "first_name", "last_name"], ["Rannikon kehitys", "Iida", "I"]], "Rannikon"),
        ("forums", [["name", "level", "members"], ["Verkosto", "tactical", "Rannikon kehitys"]], "Rannikon"),
        ("forums", [["name", "level", "chair"], ["Verkosto", "tactical", "Rannikon kehitys"]], "Rannikon"),
        ("organisations", [["name", "type", "municipality_code"], ["Uusi ry", "ngo", "678"]], "Raahe (678)"),
    ],
)
def test_an_import_refuses_what_belongs_to_the_other_area(
    as_role, coordinator, other_organization, other_forum, kind, rows, message
):
    response = preview(as_role("coordinator"), csv_file(rows), kind=kind)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["plan"].errors
    assert not Organization.objects.filter(name="Uusi ry").exists()
    assert not Forum.objects.filter(name="Verkosto").exists()


def test_an_import_preview_of_one_area_is_not_confirmed_in_another(as_role, coordinator, other_organization):
    """A coordinator of both areas previews in Oulu and confirms under rannikko: the preview has expired."""
    Membership.objects.create(user=coordinator, organization=other_organization, role=Membership.Role.COORDINATOR)
    client = as_role("coordinator")
    response = preview(client, csv_file([["name", "type"], ["Kaksoisalue ry", "ngo"]]))
    confirmed = client.post(f"{RANNIKKO}import/confirm/", {"token": response.context["token"]})
    assert confirmed["Location"] == f"{RANNIKKO}import/"
    assert not Organization.objects.filter(name="Kaksoisalue ry").exists()


# Forms offer the area's own objects only and refuse another area's ids


def test_forms_offer_only_the_areas_own_choices(as_role, coordinator, both_areas, meeting):
    client = as_role("coordinator")
    forms_of = {
        f"{OULU}organisations/new/": ["municipality"],
        f"{OULU}forums/new/": ["parent", "chair", "secretary"],
        f"{OULU}meetings/{meeting.uuid}/edit/": ["attendees"],
    }
    for url, fields in forms_of.items():
        form = client.get(url).context["form"]
        for name in fields:
            assert set(form.fields[name].queryset.values_list("area__slug", flat=True)) == {"oulu"}, (url, name)
    forum_page = client.get(f"{OULU}forums/nuorten-verkosto/").context
    member_fields = forum_page["member_form"].fields
    assert set(member_fields["organization"].queryset.values_list("area__slug", flat=True)) == {"oulu"}
    assert set(member_fields["person"].queryset.values_list("organization__area__slug", flat=True)) == {"oulu"}
    responsibility_organizations = forum_page["responsibility_form"].fields["organization"].queryset
    assert set(responsibility_organizations.values_list("area__slug", flat=True)) == {"oulu"}


def test_forum_forms_refuse_the_other_areas_organisations_people_and_forums(
    as_role, coordinator, both_areas, forum, other_organization, other_person, other_forum
):
    client = as_role("coordinator")
    response = client.post(f"{OULU}forums/nuorten-verkosto/members/", {"organization": other_organization.pk})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    response = client.post(
        f"{OULU}forums/nuorten-verkosto/members/",
        {"organization": forum.chair_id, "person": other_person.pk, "role": "member"},
    )
    assert response.status_code == 400
    response = client.post(
        f"{OULU}forums/nuorten-verkosto/responsibilities/", {"organization": other_organization.pk, "level": "R"}
    )
    assert response.status_code == 400
    assert not ForumMember.objects.filter(forum=forum, organization__area__slug="rannikko").exists()
    assert not ForumMember.objects.filter(forum=forum, person=other_person).exists()
    new_forum = {"name_fi": "Uusi foorumi", "level": "tactical", "visibility": "public"}
    for field, value in [("parent", other_forum.pk), ("chair", other_organization.pk)]:
        response = client.post(f"{OULU}forums/new/", {**new_forum, field: value})
        assert response.status_code == 200
        assert response.context["form"].errors[field]
    assert not Forum.objects.filter(name="Uusi foorumi").exists()


def test_meeting_and_decision_forms_refuse_the_other_areas_organisations_and_people(
    as_role, coordinator, both_areas, meeting, other_organization, other_person
):
    client = as_role("coordinator")
    response = client.post(
        f"{OULU}meetings/{meeting.uuid}/edit/",
        {"starts_at": "2027-01-15T09:00", "place": "Ohjaamo", "attendees": [other_organization.pk]},
    )
    assert response.context["form"].errors["attendees"]
    for field, value in [("responsible_organization", other_organization.pk), ("responsible_person", other_person.pk)]:
        response = client.post(f"{OULU}meetings/{meeting.uuid}/decisions/", {"text": "Ulkopuolinen", field: value})
        assert response.status_code == 400
        assert response.context["decision_form"].errors[field]
    assert not Decision.objects.filter(text="Ulkopuolinen").exists()
    assert not meeting.attendees.exists()


def test_an_organisation_cannot_be_placed_in_the_other_areas_municipality(as_role, coordinator, other_area):
    raahe = other_area.host_municipality
    response = as_role("coordinator").post(
        f"{OULU}organisations/new/", {"name_fi": "Raahen yhdistys", "type": "ngo", "municipality": raahe.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["municipality"]
    assert not Organization.objects.filter(name="Raahen yhdistys").exists()


def test_an_organisation_already_in_a_municipality_outside_the_area_keeps_it(
    as_role, coordinator, organization_a, other_area
):
    """Placed there before (say, by the admin), it can still be edited and exported and imported back."""
    organization_a.municipality = other_area.host_municipality
    organization_a.save()
    client = as_role("coordinator")
    form = client.get(f"{OULU}organisaatio-a/edit/").context["form"]
    assert other_area.host_municipality in form.fields["municipality"].queryset
    exported = client.get(f"{OULU}export/organisations.csv").content
    response = preview(client, SimpleUploadedFile("organisations.csv", exported, content_type="text/csv"))
    assert response.context["plan"].errors == []
    assert {row.status for row in response.context["plan"].rows} == {"unchanged"}
