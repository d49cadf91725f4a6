"""The browsable documentation at /api/v1/docs/: a plain server-rendered page of the OpenAPI document
(no Swagger UI: it would need scripts from a CDN or another package; this page needs none)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@require_safe
def documentation(request):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "description": operation.get("description", ""),
                    "parameters": [p for p in operation.get("parameters", []) if p.get("in") == "query"],
                    "body": bool(operation.get("requestBody")),
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return render(request, "api/docs.html", {"schema": schema, "operations": operations})
