from django.contrib.auth.models import AnonymousUser

from verkko.accounts import access
from verkko.ecosystem.tests.factories import EmploymentAreaFactory, UserFactory


def test_coordinator_coordinates_their_own_area_only(coordinator, area):
    other_area = EmploymentAreaFactory(slug="muu-alue")
    assert access.is_coordinator(coordinator)
    assert access.is_coordinator(coordinator, area)
    assert not access.is_coordinator(coordinator, other_area)


def test_coordinator_may_edit_every_organisation_of_the_area(coordinator, organization_a, organization_b):
    assert access.can_edit_organization(coordinator, organization_a)
    assert access.can_edit_organization(coordinator, organization_b)


def test_partner_editor_may_edit_own_organisation_only(partner_editor, organization_a, organization_b):
    assert access.can_edit_organization(partner_editor, organization_a)
    assert not access.can_edit_organization(partner_editor, organization_b)
    assert not access.is_coordinator(partner_editor)


def test_partner_member_reads_partner_content_but_edits_nothing(partner_member, organization_a):
    assert access.is_partner(partner_member)
    assert not access.can_edit_organization(partner_member, organization_a)


def test_public_and_users_without_membership_are_not_partners(db):
    assert not access.is_partner(AnonymousUser())
    assert not access.is_coordinator(AnonymousUser())
    assert not access.is_partner(UserFactory())


def test_superuser_coordinates_every_area(area):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert access.is_coordinator(admin, area)
