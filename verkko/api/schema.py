"""The OpenAPI document: the token scheme, and the error responses every operation may give."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "status": {"type": "integer"},
        "code": {"type": "string"},
        "message": {"type": "string"},
        "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
    "required": ["status", "code", "message"],
}
ERRORS = {
    "400": "Invalid input: the messages of each field are in `fields`.",
    "401": "The token is not valid, or it has been revoked.",
    "403": "The caller may not do this (or the token is read-only).",
    "404": "Not found, or not visible to the caller.",
    "405": "The method is not allowed here.",
    "406": "The requested format is not available.",
    "415": "The request body's media type is not supported.",
    "429": "Too many requests: wait the seconds in the Retry-After header.",
}


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "verkko.api.authentication.ApiTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, created on your profile page: Authorization: Bearer <token>.",
        }


def add_error_responses(result, generator, request, public):
    """Every operation documents the error shape for the errors it may give."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in ERRORS.items():
                if code == "415" and method in ("get", "head", "delete"):
                    continue
                operation["responses"].setdefault(
                    code, {"description": description, "content": {"application/json": {"schema": reference}}}
                )
    return result
