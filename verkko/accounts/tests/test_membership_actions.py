"""Changing roles and removing memberships: who may, the last coordinator, the history."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from verkko.accounts import access, actions
from verkko.accounts.models import Membership
from verkko.ecosystem.tests.factories import member_of

ROLES = Membership.Role


def membership(user):
    return user.memberships.get()


def test_coordinator_changes_any_role(coordinator, partner_member, area):
    actions.change_role(coordinator, membership(partner_member), ROLES.COORDINATOR)
    assert access.is_coordinator(partner_member, area)
    entry = LogEntry.objects.get_for_object(membership(partner_member)).first()
    assert entry.actor == coordinator
    assert "coordinator" in str(entry.changes)


def test_partner_editor_changes_members_and_editors_of_their_own_organisation(partner_editor, partner_member):
    actions.change_role(partner_editor, membership(partner_member), ROLES.EDITOR)
    assert membership(partner_member).role == ROLES.EDITOR
    actions.change_role(partner_editor, membership(partner_member), ROLES.MEMBER)
    assert membership(partner_member).role == ROLES.MEMBER


def test_partner_editor_may_not_make_a_coordinator(partner_editor, partner_member):
    with pytest.raises(PermissionDenied):
        actions.change_role(partner_editor, membership(partner_member), ROLES.COORDINATOR)
    assert membership(partner_member).role == ROLES.MEMBER


def test_partner_editor_may_not_touch_a_coordinator_of_their_organisation(partner_editor, organization_a):
    coordinator_a = member_of(organization_a, ROLES.COORDINATOR, email="coordinator-a@example.com")
    for act in [
        lambda: actions.change_role(partner_editor, membership(coordinator_a), ROLES.MEMBER),
        lambda: actions.remove_membership(partner_editor, membership(coordinator_a)),
    ]:
        with pytest.raises(PermissionDenied):
            act()
    assert membership(coordinator_a).role == ROLES.COORDINATOR


@pytest.mark.parametrize("who", ["editor_b", "partner_member", "outsider_coordinator", "outsider_editor"])
def test_others_may_not_change_or_remove(request, who, partner_editor):
    actor = request.getfixturevalue(who)
    target = membership(partner_editor)
    with pytest.raises(PermissionDenied):
        actions.change_role(actor, target, ROLES.MEMBER)
    with pytest.raises(PermissionDenied):
        actions.remove_membership(actor, target)
    assert membership(partner_editor).role == ROLES.EDITOR


def test_an_unknown_role_is_refused(coordinator, partner_member):
    with pytest.raises(ValidationError):
        actions.change_role(coordinator, membership(partner_member), "owner")
    assert membership(partner_member).role == ROLES.MEMBER


def test_remove_membership(partner_editor, partner_member, area):
    target = membership(partner_member)
    pk = target.pk
    actions.remove_membership(partner_editor, target)
    assert not Membership.objects.filter(user=partner_member).exists()
    assert not access.is_partner(partner_member, area)
    assert LogEntry.objects.filter(object_pk=str(pk), action=LogEntry.Action.DELETE, actor=partner_editor).exists()


def test_nobody_removes_or_demotes_the_last_coordinator(coordinator, area, settings):
    admin = member_of(
        # a superuser is a coordinator everywhere, but has no membership: still refused
        coordinator.memberships.get().organization,
        ROLES.MEMBER,
        email="admin@example.com",
        is_superuser=True,
    )
    target = membership(coordinator)
    with pytest.raises(ValidationError, match="ainoa koordinaattori"):
        actions.remove_membership(admin, target)
    with pytest.raises(ValidationError, match="ainoa koordinaattori"):
        actions.change_role(admin, target, ROLES.EDITOR)
    assert membership(coordinator).role == ROLES.COORDINATOR


def test_a_coordinator_may_leave_when_another_remains(coordinator, organization_b, area):
    second = member_of(organization_b, ROLES.COORDINATOR, email="second@example.com")
    actions.remove_membership(second, membership(coordinator))
    assert not Membership.objects.filter(user=coordinator).exists()


def test_another_areas_coordinator_does_not_count(coordinator, outsider_coordinator):
    with pytest.raises(ValidationError):
        actions.remove_membership(coordinator, membership(coordinator))
