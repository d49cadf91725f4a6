"""Partner-only addresses ask a visitor who is not signed in to sign in, instead of a bare 404.

An app's access helper raises ``PartnerOnly`` (a 404) when the object exists in the request's
area but the user may not see it. ``PartnerOnlyMiddleware`` turns it into the sign-in page
(with ``?next=``) for a visitor who is not signed in and opens the address with GET or HEAD;
anyone signed in still gets the plain 404, so nothing leaks to them. After signing in the
visitor lands at the address, and gets the 404 there if they still may not see it.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

_coordinator_check = None


def register_coordinator_check(check):
    """Accounts tells the lib layer who coordinates an area (accounts.access.is_coordinator), so that an
    app below accounts, such as stats, can ask without importing it."""
    global _coordinator_check
    _coordinator_check = check


def is_coordinator(user, area):
    """Whether the user is a coordinator of the area, as accounts decides it."""
    if _coordinator_check is None:
        raise RuntimeError("No coordinator check registered: is verkko.accounts installed?")
    return _coordinator_check(user, area)


class PartnerOnly(Http404):
    """The object exists in this area, but is hidden from this user."""


def get_visible_or_404(visible, everything, *args, **kwargs):
    """The object of the `visible` queryset matching the lookup; `PartnerOnly` when only the area's
    `everything` queryset holds it; a plain 404 when it does not exist in the area at all."""
    try:
        return visible.get(*args, **kwargs)
    except visible.model.DoesNotExist:
        if everything.filter(*args, **kwargs).exists():
            raise PartnerOnly from None
        raise Http404 from None


class PartnerOnlyMiddleware:
    """Sends a visitor who is not signed in from a partner-only address to the sign-in page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            isinstance(exception, PartnerOnly)
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
        ):
            return redirect_to_login(request.get_full_path())
        return None
