"""Middleware every response passes: a request id for the logs, and the Permissions-Policy header.

The other security headers come from Django's SecurityMiddleware (HSTS, nosniff, Referrer-Policy,
Cross-Origin-Opener-Policy), XFrameOptionsMiddleware and django-csp's CSPMiddleware (settings.py).
"""

import re
import uuid

import sentry_sdk
from django.core.exceptions import BadRequest
from django.core.signals import request_finished

from verkko.lib.log import current_request_id

# An id a proxy or load balancer gave the request is kept when it looks like one.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
# The browser features no page of Verkko uses, switched off for the page and anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "interest-cohort",
    )
)


class RequestIdMiddleware:
    """Sets request.id from the X-Request-ID header (or a new uuid), puts it in every log record of
    the request and answers with it in X-Request-ID, so a user's report finds the log lines."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        # Kept until the response is finished: Django logs a 4xx or 5xx answer after the middleware.
        current_request_id.set(request.id)
        sentry_sdk.set_tag("request_id", request.id)  # nothing happens unless SENTRY_DSN is set
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


def _forget_request_id(**kwargs):
    current_request_id.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="verkko.lib.middleware.forget_request_id")


class RejectNulMiddleware:
    """A NUL character in a query parameter or form field answers 400 before any view runs.

    No input of Verkko holds one, PostgreSQL refuses them in text (a server error wherever a value
    reaches a query unchecked), and Django's forms refuse them only in their text fields.
    Uploaded files are not looked at: binary files hold NUL bytes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        # Here rather than in __call__: the area's URLconf is in force, for the 400 page's links.
        if "%00" in request.META.get("QUERY_STRING", "") or _holds_nul(request.GET):
            raise BadRequest("NUL in a query parameter")
        if request.method == "POST" and _holds_nul(request.POST):
            raise BadRequest("NUL in a form field")


def _holds_nul(data):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
