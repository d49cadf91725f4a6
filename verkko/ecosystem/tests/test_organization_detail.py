import pytest

from verkko.ecosystem import actions
from verkko.ecosystem.tests.conftest import ROLES, by_role

URL = "/fi/oulu/ecosystem/organisaatio-a/"


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_organisation_page(as_role, everyone, organization_a, role):
    response = as_role(role).get(URL)
    assert response.status_code == 200
    assert "Rooli ja vastuut" in response.content.decode()


def test_public_sees_only_what_people_agreed_to_show(as_role, public_person, private_person):
    content = as_role("public").get(URL).content.decode()
    assert "Julkinen Henkilö" in content
    assert "julkinen@example.org" in content
    assert "040 123 4567" not in content  # the phone was not agreed to be shown
    assert "Yksityinen Ihminen" not in content


def test_partners_see_every_contact_detail(as_role, partner_member, public_person, private_person):
    content = as_role("partner_member").get(URL).content.decode()
    assert "040 123 4567" in content
    assert "Yksityinen Ihminen" in content


@pytest.mark.parametrize(("role", "edits"), by_role(True, True, False, False, False, False, False, False))
def test_edit_links_show_to_those_who_may_edit(as_role, everyone, role, edits):
    assert ("Muokkaa tietoja" in as_role(role).get(URL).content.decode()) is edits


def test_history_is_shown_to_partners_but_not_to_the_public(as_role, coordinator, partner_member, organization_a):
    actions.update_organization(coordinator, organization_a, {"description": "Uusi kuvaus"})
    assert "coordinator@example.com" in as_role("partner_member").get(URL).content.decode()
    assert "coordinator@example.com" not in as_role("public").get(URL).content.decode()


def test_history_shows_what_a_person_changed_not_ids_or_timestamps(as_role, coordinator, area):
    organisation = actions.create_organization(coordinator, area, {"name": "Uusi Oy", "type": "company"})
    content = as_role("coordinator").get(f"/fi/oulu/ecosystem/{organisation.slug}/").content.decode()
    assert "nimi: – → Uusi Oy" in content
    assert "ID:" not in content
    assert "päivitetty:" not in content


def test_seats_in_partner_only_forums_are_hidden_from_the_public(as_role, partner_member, partner_forum):
    assert "Rekrytointitiimi" not in as_role("public").get(URL).content.decode()
    assert "Rekrytointitiimi" in as_role("partner_member").get(URL).content.decode()


INVENTED = "mutta niiden roolit sekä foorumit, kokoukset, päätökset ja yhteyshenkilöt ovat keksittyjä esimerkkejä."


@pytest.mark.parametrize(
    "path", [URL, "/fi/oulu/ecosystem/", "/fi/oulu/ecosystem/who-does-what/", "/fi/oulu/ecosystem/map/"]
)
def test_pages_of_a_demo_area_say_what_is_invented(as_role, area, public_person, path):
    area.is_demo = True
    area.save()
    assert INVENTED in as_role("public").get(path).content.decode()


def test_pages_of_a_real_area_say_nothing_of_invention(as_role, area, public_person):
    assert INVENTED not in as_role("public").get(URL).content.decode()


def test_an_unknown_organisation_is_not_found(as_role, area):
    assert as_role("public").get("/fi/oulu/ecosystem/ei-ole/").status_code == 404


def test_organisation_page_refuses_post(as_role, organization_a):
    assert as_role("public").post(URL).status_code == 405


@pytest.mark.parametrize(("role", "sees_partner_forum"), by_role(True, True, True, True, False, False, False, False))
def test_the_organisations_responsibilities_are_listed_where_visible(
    as_role, coordinator, partner_member, forum, partner_forum, organization_a, role, sees_partner_forum
):
    from verkko.ecosystem import responsibilities

    responsibilities.set_responsibility(coordinator, organization_a, forum, "A")
    responsibilities.set_responsibility(coordinator, organization_a, partner_forum, "R")
    section = as_role(role).get(URL).content.decode().split('id="raci-heading"')[1]
    assert "Nuorten verkosto" in section
    assert "tilivelvollinen" in section
    assert ("Rekrytointitiimi" in section) is sees_partner_forum
