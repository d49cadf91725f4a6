"""Errors as JSON, in the language the caller asked for (Accept-Language: fi, sv or en).

Every error has the same shape: ``{"status": 404, "code": "not_found", "message": "…"}``, and a
validation error also ``"fields": {"progress": ["…"]}`` with the messages of each field.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

NON_FIELD = "non_field_errors"


def _messages(detail):
    """{field: [message]} of a validation error's detail (nested lists and dicts flattened)."""
    if isinstance(detail, dict):
        return {str(field): _flat(value) for field, value in detail.items()}
    return {NON_FIELD: _flat(detail)}


def _flat(value):
    if isinstance(value, dict):
        return [f"{key}: {message}" for key, item in value.items() for message in _flat(item)]
    if isinstance(value, list | tuple):
        return [message for item in value for message in _flat(item)]
    return [str(value)]


def body(status_code, code, message, fields=None):
    data = {"status": status_code, "code": code, "message": str(message)}
    if fields is not None:
        data["fields"] = fields
    return data


def handle(exc, context):
    """DRF's handler (which also turns Http404 and PermissionDenied into API errors), reshaped."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = body(
            response.status_code, "invalid", gettext("Check the values you sent."), _messages(exc.detail)
        )
        return response
    detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
    code = getattr(exc, "default_code", "error")
    if isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else code
    response.data = body(response.status_code, code, detail)
    return response


def not_found(request, *args, **kwargs):
    """Any address under /api/v1/ that is not one of the API's."""
    return JsonResponse(
        body(status.HTTP_404_NOT_FOUND, "not_found", gettext("There is no such address in the API.")),
        status=status.HTTP_404_NOT_FOUND,
    )
