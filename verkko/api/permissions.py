"""What a caller may do in general; what they may do to one object is the apps' access.py's question."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from verkko.api.models import ApiToken


class ReadOnlyTokensRead(permissions.BasePermission):
    """A read-only token may not write (403), whatever its user's roles."""

    message = _("This token is read-only; create a token that may write.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return not (isinstance(request.auth, ApiToken) and request.auth.read_only)


class SignedInToWrite(permissions.BasePermission):
    """Anyone reads what is public; writing needs a session or a token."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or bool(request.user and request.user.is_authenticated)
