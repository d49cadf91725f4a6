"""A local HTTP server that plays a PxWeb API 2.0 service (as Sweden's and Norway's offices run).

Beside the v1 fake in fake_statfin.py, with the same tables and the same misbehaviours. It
serves ``/config``, ``/navigation``, ``/tables?query=``, ``/tables/{id}/metadata`` (JSON-stat
2.0 without values) and ``/tables/{id}/data?outputFormat=json-stat2`` with
``valueCodes[VARIABLE]=a,b`` parameters (``*``, ``top(n)`` or codes) or the same selection
as a POST body, in the languages ``lang=`` names.
"""

from __future__ import annotations

from datetime import UTC
from urllib.parse import parse_qs, unquote, urlsplit

import orjson

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension
from verkko.stats.formats.writers import write_jsonstat

from .fake_statfin import FakeStatFin, FakeTable, FakeVariable, _product

API_PREFIX = "/ov0104/v2/api/v2"
LANGUAGES = ("sv", "en", "fi")


class FakePxWeb2(FakeStatFin):
    def __init__(self, *tables: FakeTable, max_values: int = 1000, max_calls: int = 30, time_window: int = 10):
        super().__init__(*tables, max_values=max_values, max_calls=max_calls, time_window=time_window)
        self.config = {
            "apiVersion": "2.0.0",
            "languages": [{"id": code, "label": code} for code in LANGUAGES],
            "defaultLanguage": "sv",
            "maxDataCells": max_values,
            "maxCallsPerTimeWindow": max_calls,
            "timeWindow": time_window,
        }

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{API_PREFIX}"

    def queries(self) -> list[dict]:
        """Each data request's selection as {variable code: [value codes]}, GET or POST alike."""
        selections = []
        for method, path, body in self.requests:
            address = urlsplit(path)
            if not address.path.endswith("/data"):
                continue
            selections.append(_selection(method, parse_qs(address.query), body))
        return selections

    def answer(self, method: str, path: str, body: bytes) -> tuple[int, bytes, str]:
        address = urlsplit(path)
        if not address.path.startswith(API_PREFIX):
            return 404, b"Not found", "text/plain"
        route = [unquote(part) for part in address.path[len(API_PREFIX) :].split("/") if part]
        params = parse_qs(address.query)
        language = params.get("lang", [self.config["defaultLanguage"]])[0]
        if language not in LANGUAGES:
            return 400, f"Bad request: no language {language}".encode(), "text/plain"
        if route == ["config"]:
            return 200, orjson.dumps(self.config), "application/json"
        if route[:1] == ["navigation"]:
            return self._navigation(route[1:])
        if route == ["tables"]:
            return self._search(params.get("query", [""])[0])
        if len(route) != 3 or route[0] != "tables" or route[2] not in ("metadata", "data"):
            return 404, b"Not found", "text/plain"
        table = self.tables.get(route[1])
        if table is None:
            return 404, orjson.dumps({"title": "Not found", "status": 404}), "application/problem+json"
        if route[2] == "metadata":
            return 200, orjson.dumps(_metadata(table)), "application/json"
        if params.get("outputFormat", ["json-stat2"])[0] != "json-stat2":
            return 400, b"Bad request: only json-stat2 here", "text/plain"
        try:
            selection = _selection(method, params, body)
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return 400, b"Bad request: selection is not valid", "text/plain"
        return self._data(table, selection)

    def _navigation(self, folder: list[str]) -> tuple[int, bytes, str]:
        if not folder:
            folders = sorted({table.folder for table in self.tables.values()})
            contents = [{"type": "FolderInformation", "id": name, "label": name} for name in folders]
        else:
            contents = [
                {"type": "Table", "id": table.id, "label": table.title, "updated": _stamp(table)}
                for table in self.tables.values()
                if table.folder == folder[0]
            ]
            if not contents:
                return 404, b"Folder not found", "text/plain"
        return 200, orjson.dumps({"id": "/".join(folder), "folderContents": contents}), "application/json"

    def _search(self, query: str) -> tuple[int, bytes, str]:
        words = query.casefold().split()
        found = [
            {"id": table.id, "label": table.title, "updated": _stamp(table), "paths": [[{"id": table.folder}]]}
            for table in self.tables.values()
            if all(word in table.title.casefold() or word == table.id for word in words)
        ]
        page = {"pageNumber": 1, "pageSize": 100, "totalElements": len(found), "totalPages": 1}
        return 200, orjson.dumps({"tables": found, "page": page}), "application/json"

    def _data(self, table: FakeTable, selection: dict[str, list[str]]) -> tuple[int, bytes, str]:
        dimensions = []
        for variable in table.variables:
            if variable.code in selection:
                codes = _select(variable, selection[variable.code])
                if codes is None:
                    return 400, f"Bad request: bad valueCodes for {variable.code}".encode(), "text/plain"
            elif variable.elimination:
                codes = variable.values[:1]
            else:
                return 400, f"Bad request: {variable.code} must be selected".encode(), "text/plain"
            labels = [variable.value_texts[variable.values.index(code)] for code in codes]
            dimensions.append(Dimension(variable.code, variable.text, codes, labels, role=_role(variable)))
        cells = 1
        for dimension in dimensions:
            cells *= len(dimension)
        if cells > self.config["maxDataCells"]:
            return 403, b"Too many cells selected", "text/plain"
        values = [table.value(key) for key in _product(dimensions)]
        dataset = Dataset.from_values(dimensions, values, table_id=table.id, title=table.title, updated=table.updated)
        return 200, write_jsonstat(dataset), "application/json"


def _selection(method: str, params: dict, body: bytes) -> dict[str, list[str]]:
    if method == "POST":
        return {item["variableCode"]: list(item["valueCodes"]) for item in orjson.loads(body)["selection"]}
    return {
        key[len("valueCodes[") : -1]: values[0].split(",")
        for key, values in params.items()
        if key.startswith("valueCodes[") and key.endswith("]")
    }


def _select(variable: FakeVariable, codes: list[str]) -> list[str] | None:
    if codes == ["*"]:
        return list(variable.values)
    if len(codes) == 1 and codes[0].startswith("top(") and codes[0].endswith(")"):
        return variable.values[-int(codes[0][4:-1]) :]
    if any(code not in variable.values for code in codes):
        return None
    return [code for code in variable.values if code in codes]


def _role(variable: FakeVariable) -> str:
    if variable.code == "contentscode":
        return ROLE_CONTENT
    return ROLE_TIME if variable.time else ROLE_AREA if variable.area else ROLE_OTHER


def _stamp(table: FakeTable) -> str:
    return table.updated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _metadata(table: FakeTable) -> dict:
    """The table as 2.0's metadata gives it: JSON-stat 2.0 with categories and no values."""
    roles: dict[str, list[str]] = {}
    dimension = {}
    for variable in table.variables:
        role = _role(variable)
        name = {ROLE_TIME: "time", ROLE_AREA: "geo", ROLE_CONTENT: "metric"}.get(role)
        if name:
            roles.setdefault(name, []).append(variable.code)
        extension = {"elimination": variable.elimination}
        if variable.elimination:
            extension["eliminationValueCode"] = variable.values[0]
        dimension[variable.code] = {
            "label": variable.text,
            "category": {
                "index": {code: i for i, code in enumerate(variable.values)},
                "label": dict(zip(variable.values, variable.value_texts, strict=True)),
            },
            "extension": extension,
        }
    return {
        "version": "2.0",
        "class": "dataset",
        "label": table.title,
        "updated": _stamp(table),
        "id": [variable.code for variable in table.variables],
        "size": [len(variable.values) for variable in table.variables],
        "role": roles,
        "dimension": dimension,
        "extension": {"px": {"tableid": table.id}},
    }
