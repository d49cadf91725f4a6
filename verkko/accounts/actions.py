"""Every write of people and roles: invitations, memberships and the user's own profile.

Each action takes the acting user first and plain values, checks that the user may do it,
runs in one transaction and is recorded in the history (verkko.lib.history). Bad input is
refused with a ValidationError whose message is in the active language; a forbidden act
raises PermissionDenied.
"""

import datetime

from auditlog.context import set_actor
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from verkko.accounts import access
from verkko.accounts.models import Invitation, Membership, User
from verkko.lib.history import recorded_action

INVITATION_SALT = "verkko.accounts.invitation"


class InvalidInvitation(Exception):
    """An invitation link that cannot be used; ``status`` is the HTTP status to answer with."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


# Invitation links


def invitation_token(invitation):
    """The signed token of an invitation's link: its UUID, which only this site can sign."""
    return signing.dumps(str(invitation.uuid), salt=INVITATION_SALT)


def invitation_url(invitation, language):
    """The absolute address of the invitation's link, in the given language."""
    with translation.override(language):
        path = reverse("accounts:invitation", args=[invitation_token(invitation)])
    return settings.SITE_URL + path


def usable_invitation(token, now=None):
    """The open invitation of a link's token, or InvalidInvitation saying why the link does not work."""
    try:
        uuid = signing.loads(token, salt=INVITATION_SALT)
        invitation = Invitation.objects.select_related("organization__area", "invited_by").get(uuid=uuid)
    except (signing.BadSignature, ValueError, ValidationError, Invitation.DoesNotExist):
        raise InvalidInvitation(_("The invitation link is broken. Check that you copied all of it."), 400) from None
    check_usable(invitation, now)
    return invitation


def check_usable(invitation, now=None):
    if invitation.accepted_at is not None:
        raise InvalidInvitation(_("This invitation has already been used. Sign in to continue."), 410)
    if invitation.cancelled_at is not None:
        raise InvalidInvitation(_("This invitation has been cancelled. Ask the person who invited you."), 410)
    if invitation.expires_at <= (now or timezone.now()):
        raise InvalidInvitation(_("This invitation has expired. Ask the person who invited you to send it again."), 410)


def is_expired(invitation, now=None):
    return invitation.expires_at <= (now or timezone.now())


# Invitations


def normalized_email(email):
    """The address in lower case, or a ValidationError for a malformed one."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address."), code="invalid") from None
    return email


def check_invitable(organization, email, now=None):
    """Refuses an invitation to a person who already belongs to the organisation or is already invited to it."""
    email = normalized_email(email)
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already belongs to %(organization)s.") % {"email": email, "organization": organization},
            code="member",
        )
    pending = Invitation.objects.filter(
        organization=organization,
        email__iexact=email,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=now or timezone.now(),
    )
    if pending.exists():
        raise ValidationError(
            _("%(email)s already has an open invitation to %(organization)s. Send it again instead.")
            % {"email": email, "organization": organization},
            code="invited",
        )
    return email


def _expires_at():
    return timezone.now() + datetime.timedelta(days=settings.INVITATION_DAYS)


def _check_role(user, organization, role):
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose a role."), code="role")
    if not access.can_manage_role(user, organization, role):
        raise PermissionDenied


def _language_of(invitation, language=None):
    """The invitee's language: their account's, else the inviter's current one."""
    account = User.objects.filter(email__iexact=invitation.email).first()
    if account is not None and account.language:
        return account.language
    return language or translation.get_language() or settings.LANGUAGE_CODE


def _send(invitation, language=None):
    language = _language_of(invitation, language)
    with translation.override(language):
        context = {
            "invitation": invitation,
            "organization": invitation.organization,
            "area": invitation.organization.area,
            "role": invitation.get_role_display(),
            "inviter": invitation.invited_by,
            "url": invitation_url(invitation, language),
            "days": settings.INVITATION_DAYS,
        }
        subject = render_to_string("accounts/invitation_subject.txt", context).strip()
        text = render_to_string("accounts/invitation_email.txt", context)
        html = render_to_string("accounts/invitation_email.html", context)
    message = EmailMultiAlternatives(subject, text, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])


@recorded_action
def invite(user, organization, email, role, language=None):
    """Invite a person by e-mail to an organisation with a role, and send the link.

    Coordinators of the organisation's area give any role; a partner editor invites members
    and editors to their own organisation. An expired invitation of the same person is
    cancelled by the new one.
    """
    _check_role(user, organization, role)
    email = check_invitable(organization, email)
    expired = Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at__isnull=True, cancelled_at__isnull=True
    )
    for old in expired:
        old.cancelled_at = timezone.now()
        old.save(update_fields=["cancelled_at"])
    invitation = Invitation.objects.create(
        email=email,
        organization=organization,
        role=role,
        invited_by=user if user.is_authenticated else None,
        expires_at=_expires_at(),
    )
    _send(invitation, language)
    return invitation


def _check_manages_invitation(user, invitation):
    if not access.can_manage_role(user, invitation.organization, invitation.role):
        raise PermissionDenied
    if not invitation.is_open:
        raise ValidationError(_("This invitation is no longer open."), code="closed")


@recorded_action
def resend_invitation(user, invitation, language=None):
    """Send the same link again; it works for another INVITATION_DAYS days."""
    _check_manages_invitation(user, invitation)
    invitation.expires_at = _expires_at()
    invitation.save(update_fields=["expires_at"])
    _send(invitation, language)
    return invitation


@recorded_action
def cancel_invitation(user, invitation):
    """The link stops working."""
    _check_manages_invitation(user, invitation)
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    return invitation


def _open_for_update(invitation):
    """The invitation read again under a lock, so that a link is used only once."""
    invitation = Invitation.objects.select_for_update().select_related("organization__area").get(pk=invitation.pk)
    check_usable(invitation)
    return invitation


def _join(user, invitation):
    membership, _created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    access.forget_memberships(user)
    return membership


@recorded_action
def accept_invitation(user, invitation):
    """The invited person, signed in, joins the organisation with the invited role (once)."""
    invitation = _open_for_update(invitation)
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied
    return _join(user, invitation)


@recorded_action
def register_by_invitation(user, invitation, first_name, last_name, password, language):
    """A person without an account accepts: their account is created with the invited address.

    ``user`` is the (anonymous) acting user; the history records the new account as the actor
    of the membership. Returns the new user.
    """
    invitation = _open_for_update(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address already exists. Sign in instead."))
    account = User.objects.create_user(
        email=invitation.email, password=password, first_name=first_name, last_name=last_name, language=language
    )
    with set_actor(account):
        _join(account, invitation)
    return account


# Memberships


def _check_manages_membership(user, membership, new_role=None):
    organization = membership.organization
    if not access.can_manage_role(user, organization, membership.role):
        raise PermissionDenied
    if new_role is not None:
        _check_role(user, organization, new_role)


def _check_not_last_coordinator(membership):
    if membership.role != Membership.Role.COORDINATOR:
        return
    coordinators = Membership.objects.filter(
        organization__area_id=membership.organization.area_id, role=Membership.Role.COORDINATOR
    )
    if not coordinators.exclude(pk=membership.pk).exists():
        raise ValidationError(
            _("%(person)s is the area's last coordinator. Make someone else a coordinator first.")
            % {"person": membership.user},
            code="last_coordinator",
        )


@recorded_action
def change_role(user, membership, role):
    _check_manages_membership(user, membership, role)
    if role != membership.role:
        if role != Membership.Role.COORDINATOR:
            _check_not_last_coordinator(membership)
        membership.role = role
        membership.save(update_fields=["role"])
        access.forget_memberships(membership.user)
    return membership


@recorded_action
def remove_membership(user, membership):
    _check_manages_membership(user, membership)
    _check_not_last_coordinator(membership)
    membership.delete()
    access.forget_memberships(membership.user)


# The user's own profile


@recorded_action
def update_profile(user, first_name, last_name, language):
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose a language."), code="language")
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.language = language
    user.save(update_fields=["first_name", "last_name", "language"])
    return user
