"""Accounts: the profile, accepting an invitation, and each area's page of people and roles.

Thin views: they check access, validate a form and call one action (verkko.accounts.actions).
"""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.accounts import access, actions, forms
from verkko.accounts.models import Invitation, Membership, User
from verkko.areas import area_reverse

get_or_post = require_http_methods(["GET", "HEAD", "POST"])
SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"


# The profile


@get_or_post
def profile(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = forms.ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.update_profile(request.user, data["first_name"], data["last_name"], data["language"])
        messages.success(request, _("Your details were saved."))
        return redirect("accounts:profile")
    if request.method == "POST":
        request.user.refresh_from_db()  # the header shows the saved values, not the refused ones
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "areas": _memberships_by_area(request.user)},
        status=400 if form.errors else 200,
    )


def _memberships_by_area(user):
    """[(area, its home address, [memberships])], areas by name."""
    by_area = {}
    for membership in access.memberships(user):
        by_area.setdefault(membership.organization.area, []).append(membership)
    return [
        (area, area_reverse(area, "area_home"), sorted(items, key=lambda m: m.organization.name))
        for area, items in sorted(by_area.items(), key=lambda item: item[0].name)
    ]


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


password_change = get_or_post(PasswordChangeView.as_view())


# Accepting an invitation (a site page: the link names no area)


def _joined(request, membership):
    area = membership.organization.area
    messages.success(
        request,
        _("Welcome! You are now %(role)s of %(organization)s.")
        % {"role": membership.get_role_display(), "organization": membership.organization},
    )
    return redirect(area_reverse(area, "area_home"))


def _refused(request, message, status):
    return render(request, "accounts/invitation_refused.html", {"message": message}, status=status)


@get_or_post
def invitation(request, token):
    try:
        invitation = actions.usable_invitation(token)
    except actions.InvalidInvitation as problem:
        return _refused(request, problem.message, problem.status)
    context = {"invitation": invitation, "organization": invitation.organization, "area": invitation.organization.area}
    if request.user.is_authenticated:
        if request.user.email.lower() != invitation.email.lower():
            message = _(
                "This invitation was sent to another e-mail address. Sign out and open the link again, "
                "or ask for an invitation of your own."
            )
            return _refused(request, message, 403)
        if request.method == "POST":
            try:
                return _joined(request, actions.accept_invitation(request.user, invitation))
            except actions.InvalidInvitation as problem:  # used or cancelled meanwhile
                return _refused(request, problem.message, problem.status)
        return render(request, "accounts/invitation_accept.html", context)
    if User.objects.filter(email__iexact=invitation.email).exists():
        login_url = reverse("accounts:login") + "?" + urlencode({"next": request.path})
        return render(request, "accounts/invitation_sign_in.html", {**context, "login_url": login_url})
    form = forms.InvitationSignUpForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = actions.register_by_invitation(
                request.user,
                invitation,
                data["first_name"],
                data["last_name"],
                data["password1"],
                translation.get_language(),
            )
        except actions.InvalidInvitation as problem:  # used or cancelled meanwhile
            return _refused(request, problem.message, problem.status)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, account, backend=SIGN_IN_BACKEND)
            return _joined(request, account.memberships.get(organization=invitation.organization))
    return render(
        request, "accounts/invitation_sign_up.html", {**context, "form": form}, status=400 if form.errors else 200
    )


# People and roles of an area (/fi/<area>/people/)


def people_manager_required(view):
    """Coordinators and partner editors of the area; others 403, the public to sign in."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.manages_people(request.user, request.area):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _managed_memberships(user, area):
    memberships = Membership.objects.filter(organization__area=area).select_related("user", "organization")
    if not access.is_coordinator(user, area):
        memberships = memberships.filter(
            organization_id__in=access.edited_organization_ids(user, area), role__in=access.PARTNER_ROLES
        )
    return memberships.order_by("organization__name", "user__last_name", "user__first_name", "user__email")


def _managed_invitations(user, area):
    invitations = Invitation.objects.filter(
        organization__area=area, accepted_at__isnull=True, cancelled_at__isnull=True
    ).select_related("organization", "invited_by")
    if not access.is_coordinator(user, area):
        invitations = invitations.filter(
            organization_id__in=access.edited_organization_ids(user, area), role__in=access.PARTNER_ROLES
        )
    return invitations.order_by("organization__name", "email")


def _people_page(request, invitation_form, status=200):
    user, area = request.user, request.area
    rows = [
        (membership, [(role.value, role.label) for role in access.assignable_roles(user, membership.organization)])
        for membership in _managed_memberships(user, area)
    ]
    now = timezone.now()
    invitations = [(invitation, actions.is_expired(invitation, now)) for invitation in _managed_invitations(user, area)]
    return render(
        request,
        "accounts/people.html",
        {
            "rows": rows,
            "invitations": invitations,
            "form": invitation_form,
            "invitation_days": settings.INVITATION_DAYS,
        },
        status=status,
    )


@require_safe
@people_manager_required
def people(request):
    return _people_page(request, forms.InvitationForm(user=request.user, area=request.area))


@require_POST
@people_manager_required
def invite(request):
    form = forms.InvitationForm(request.POST, user=request.user, area=request.area)
    if form.is_valid():
        data = form.cleaned_data
        try:
            invitation = actions.invite(request.user, data["organization"], data["email"], data["role"])
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s (%(role)s, %(organization)s).")
                % {
                    "email": invitation.email,
                    "role": invitation.get_role_display(),
                    "organization": invitation.organization,
                },
            )
            return redirect("people:list")
    return _people_page(request, form, status=400)


def _membership_or_404(request, pk):
    return get_object_or_404(
        Membership.objects.select_related("user", "organization__area"), pk=pk, organization__area=request.area
    )


def _invitation_or_404(request, uuid):
    return get_object_or_404(
        Invitation.objects.select_related("organization__area"), uuid=uuid, organization__area=request.area
    )


def _refuse(request, error):
    for message in error.messages:
        messages.error(request, message)
    return redirect("people:list")


@require_POST
@people_manager_required
def change_role(request, pk):
    membership = _membership_or_404(request, pk)
    form = forms.RoleChangeForm(request.POST)
    if not form.is_valid():
        return _refuse(request, ValidationError(_("Choose a role.")))
    try:
        actions.change_role(request.user, membership, form.cleaned_data["role"])
    except ValidationError as error:
        return _refuse(request, error)
    messages.success(
        request,
        _("%(person)s is now %(role)s of %(organization)s.")
        % {"person": membership.user, "role": membership.get_role_display(), "organization": membership.organization},
    )
    return redirect("people:list")


@get_or_post
@people_manager_required
def remove_membership(request, pk):
    membership = _membership_or_404(request, pk)
    if not access.can_manage_role(request.user, membership.organization, membership.role):
        raise PermissionDenied
    if request.method == "POST":
        try:
            actions.remove_membership(request.user, membership)
        except ValidationError as error:
            return _refuse(request, error)
        messages.success(
            request,
            _("%(person)s no longer belongs to %(organization)s.")
            % {"person": membership.user, "organization": membership.organization},
        )
        return redirect("people:list")
    return render(request, "accounts/membership_remove.html", {"membership": membership})


@require_POST
@people_manager_required
def resend_invitation(request, uuid):
    invitation = _invitation_or_404(request, uuid)
    try:
        actions.resend_invitation(request.user, invitation)
    except ValidationError as error:
        return _refuse(request, error)
    messages.success(request, _("The invitation was sent again to %(email)s.") % {"email": invitation.email})
    return redirect("people:list")


@require_POST
@people_manager_required
def cancel_invitation(request, uuid):
    invitation = _invitation_or_404(request, uuid)
    try:
        actions.cancel_invitation(request.user, invitation)
    except ValidationError as error:
        return _refuse(request, error)
    messages.success(request, _("The invitation to %(email)s was cancelled.") % {"email": invitation.email})
    return redirect("people:list")
