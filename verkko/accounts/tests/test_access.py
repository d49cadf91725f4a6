from django.contrib.auth.models import AnonymousUser

from verkko.accounts import access
from verkko.accounts.models import Membership
from verkko.ecosystem.tests.factories import EmploymentAreaFactory, UserFactory


def test_coordinator_coordinates_their_own_area_only(coordinator, area):
    other_area = EmploymentAreaFactory(slug="muu-alue")
    assert access.is_coordinator(coordinator, area)
    assert not access.is_coordinator(coordinator, other_area)


def test_coordinator_may_edit_every_organisation_of_the_area(coordinator, organization_a, organization_b):
    assert access.can_edit_organization(coordinator, organization_a)
    assert access.can_edit_organization(coordinator, organization_b)


def test_partner_editor_may_edit_own_organisation_only(partner_editor, organization_a, organization_b):
    assert access.can_edit_organization(partner_editor, organization_a)
    assert not access.can_edit_organization(partner_editor, organization_b)
    assert not access.is_coordinator(partner_editor, organization_a.area)


def test_partner_member_reads_partner_content_but_edits_nothing(partner_member, organization_a):
    assert access.is_partner(partner_member, organization_a.area)
    assert not access.can_edit_organization(partner_member, organization_a)


def test_public_and_users_without_membership_are_not_partners(area):
    assert not access.is_partner(AnonymousUser(), area)
    assert not access.is_coordinator(AnonymousUser(), area)
    assert not access.is_partner(UserFactory(), area)


def test_a_role_in_another_area_counts_for_nothing(area, outsider_coordinator, outsider_editor, outsider_member):
    for outsider in [outsider_coordinator, outsider_editor, outsider_member]:
        assert access.role_in(outsider, area) == access.Role.PUBLIC
        assert not access.manages_people(outsider, area)
        assert access.managed_organization_ids(outsider, area) == set()


def test_who_may_give_which_role(coordinator, partner_editor, partner_member, organization_a, organization_b):
    everything = set(Membership.Role)
    assert set(access.assignable_roles(coordinator, organization_b)) == everything
    assert set(access.assignable_roles(partner_editor, organization_a)) == {
        Membership.Role.MEMBER,
        Membership.Role.EDITOR,
    }
    assert access.assignable_roles(partner_editor, organization_b) == []
    assert access.assignable_roles(partner_member, organization_a) == []
    assert access.managed_organization_ids(coordinator, organization_a.area) == {
        coordinator.memberships.get().organization_id,
        organization_a.pk,
        organization_b.pk,
    }
    assert access.managed_organization_ids(partner_editor, organization_a.area) == {organization_a.pk}


def test_superuser_coordinates_every_area(area):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert access.is_coordinator(admin, area)
