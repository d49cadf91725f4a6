"""Ecosystem fixtures on top of the root ones: forums, meetings, decisions and people of organisation A."""

import datetime

import pytest
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.ecosystem import actions
from verkko.ecosystem.models import ForumMember, Visibility
from verkko.ecosystem.tests.factories import (
    DecisionFactory,
    ForumFactory,
    MeetingFactory,
    OrganizationFactory,
    PersonFactory,
)
from verkko.ecosystem.tests.helpers import pdf

# The roles of the area, the public, and the outsiders (roles in other_area only), in by_role's order.
ROLES = ["coordinator", "partner_editor", "partner_member", "editor_b", "public", *OUTSIDERS]


@pytest.fixture
def as_role(request, client_for):
    """as_role("partner_editor") gives a client signed in as that root fixture's user; "public" is anonymous."""

    def make(role):
        return client_for(None if role == "public" else request.getfixturevalue(role))

    return make


@pytest.fixture
def everyone(
    coordinator, partner_editor, partner_member, editor_b, outsider_member, outsider_editor, outsider_coordinator
):
    """Creates every named user, so that each role's client exists."""


@pytest.fixture
def public_person(organization_a):
    return PersonFactory(
        organization=organization_a,
        first_name="Julkinen",
        last_name="Henkilö",
        title="Koulutuspäällikkö",
        email="julkinen@example.org",
        phone="040 123 4567",
        show_publicly=True,
        show_email_publicly=True,
        show_phone_publicly=False,
    )


@pytest.fixture
def private_person(organization_a):
    return PersonFactory(
        organization=organization_a,
        first_name="Yksityinen",
        last_name="Ihminen",
        email="yksityinen@example.org",
        show_publicly=False,
    )


@pytest.fixture
def forum(area, organization_a, backbone_organization, public_person):
    forum = ForumFactory(
        area=area,
        name="Nuorten verkosto",
        slug="nuorten-verkosto",
        chair=organization_a,
        secretary=backbone_organization,
        purpose="Nuorten palvelut yhteen.",
    )
    ForumMember.objects.create(forum=forum, organization=organization_a, person=public_person, role="chair")
    ForumMember.objects.create(forum=forum, organization=backbone_organization, role="secretary")
    return forum


@pytest.fixture
def partner_forum(area, organization_a):
    forum = ForumFactory(
        area=area, name="Rekrytointitiimi", slug="rekrytointitiimi", level="operational", visibility=Visibility.PARTNERS
    )
    ForumMember.objects.create(forum=forum, organization=organization_a)
    return forum


@pytest.fixture
def meeting(forum):
    return MeetingFactory(forum=forum, minutes="Keskusteltiin nuorten tilanteesta.")


@pytest.fixture
def upcoming_meeting(forum):
    return MeetingFactory(forum=forum, starts_at=timezone.now() + datetime.timedelta(days=10), place="Ohjaamo")


@pytest.fixture
def partner_meeting(partner_forum):
    return MeetingFactory(forum=partner_forum, place="Salainen huone")


@pytest.fixture
def decision(meeting, organization_a):
    return DecisionFactory(
        meeting=meeting,
        text="Laaditaan nuorten palvelupolku.",
        responsible_organization=organization_a,
        due_date=datetime.date(2027, 3, 31),
    )


def by_role(*expected):
    """Pairs of (role, expected) in the order of ROLES, for parametrize: the area's four roles, the public,
    then the outsiders (member, editor, coordinator of other_area), who get what a signed-in visitor gets."""
    return list(zip(ROLES, expected, strict=True))


@pytest.fixture
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def attachment(media_in_tmp, coordinator, meeting):
    return actions.add_attachment(coordinator, meeting, {"title": "Esityslista", "file": pdf()})


@pytest.fixture
def linked_person(partner_editor, organization_a, forum, decision):
    """The partner editor's own contact record: a forum seat, a decision and a change in the history."""
    person = PersonFactory(
        organization=organization_a,
        user=partner_editor,
        first_name="Eero",
        last_name="Esimerkki",
        title="Rehtori",
        email="editor@example.com",
        phone="040 999",
    )
    actions.update_person(partner_editor, person, {"title": "Koulutusjohtaja"})
    ForumMember.objects.create(forum=forum, organization=organization_a, person=person, role="member")
    decision.responsible_person = person
    decision.save()
    return person


# The second area (root fixture other_area, slug rannikko): namesakes of this area's objects, with the
# same slugs, and objects that exist only there. Under /fi/oulu/ none of them may be found.


@pytest.fixture
def other_organization_a(other_area):
    """Organisation A's namesake in the other area: the same name and the same slug."""
    return OrganizationFactory(
        area=other_area, name="Organisaatio A", slug="organisaatio-a", description="Rannikon oma Organisaatio A."
    )


@pytest.fixture
def other_person(other_organization_a):
    return PersonFactory(
        organization=other_organization_a,
        first_name="Rauni",
        last_name="Rannikko",
        email="rauni@example.org",
        show_publicly=True,
    )


@pytest.fixture
def other_forum(other_area, other_organization_a, other_organization, other_person):
    """The namesake of the forum fixture's slug (nuorten-verkosto) in the other area, public."""
    forum = ForumFactory(
        area=other_area,
        name="Rannikon nuorten verkosto",
        slug="nuorten-verkosto",
        chair=other_organization_a,
        secretary=other_organization,
        purpose="Rannikon nuoret yhteen.",
    )
    ForumMember.objects.create(forum=forum, organization=other_organization_a, person=other_person, role="chair")
    ForumMember.objects.create(forum=forum, organization=other_organization, role="secretary")
    return forum


@pytest.fixture
def other_partner_forum(other_area, other_organization):
    """A partner-only forum that exists only in the other area."""
    forum = ForumFactory(
        area=other_area,
        name="Rannikon sisäinen ryhmä",
        slug="rannikon-sisainen-ryhma",
        level="operational",
        visibility=Visibility.PARTNERS,
    )
    ForumMember.objects.create(forum=forum, organization=other_organization)
    return forum


@pytest.fixture
def other_meeting(other_forum):
    return MeetingFactory(forum=other_forum, place="Raahen satama", minutes="Rannikon pöytäkirja.")


@pytest.fixture
def other_decision(other_meeting, other_organization):
    return DecisionFactory(meeting=other_meeting, text="Rannikon päätös.", responsible_organization=other_organization)


@pytest.fixture
def other_attachment(media_in_tmp, outsider_coordinator, other_meeting):
    return actions.add_attachment(outsider_coordinator, other_meeting, {"title": "Rannikon liite", "file": pdf()})
