"""A local HTTP server that plays Statistics Finland's PxWeb API v1 for the tests.

It serves ``?config``, folder listings, table metadata and json-stat2 answers to queries
(item/all/top filters, eliminated variables), and can be told to misbehave: answer 429
with Retry-After, 503, 400, 404, something that is not JSON-stat, answer too slowly, reset
the connection without answering, send a body without saying how long it is, or trickle it. ``slow``
makes every request wait that many seconds: a server that is always slow.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension
from verkko.stats.formats.writers import write_jsonstat

API_PREFIX = "/PxWeb/api/v1"


@dataclass
class FakeVariable:
    code: str
    text: str
    values: list[str]
    value_texts: list[str]
    time: bool = False
    elimination: bool = False
    area: bool = False


@dataclass
class FakeTable:
    id: str
    title: str
    variables: list[FakeVariable]
    updated: datetime
    folder: str = "tyonv"
    # Added to every value so a test can make the source "revise" its figures.
    revision: float = 0.0

    def value(self, codes: tuple[str, ...]) -> float:
        """A figure that depends on every code, so each cell is distinct and checkable."""
        return float(sum((i + 1) * (sum(map(ord, code)) % 97) for i, code in enumerate(codes))) + self.revision


def table_12r5(updated: datetime | None = None) -> FakeTable:
    """A small stand-in for 12r5: area × month × content, variable codes as after June 2026."""
    areas = ["SSS", "KU072", "KU139", "KU244", "KU564"]
    months = [f"2025M{m:02d}" for m in range(1, 13)]
    contents = ["TYOTTOMATLOPUSSA", "TYOVOIMATK", "TYOTOSUUS"]
    return FakeTable(
        id="12r5",
        title="Työnvälitystilasto kunnittain",
        variables=[
            FakeVariable(
                "alue_23_20260101", "Alue", areas, ["KOKO MAA", "Hailuoto", "Ii", "Kempele", "Oulu"], area=True
            ),
            FakeVariable("timeperiod_m", "Kuukausi", months, months, time=True),
            FakeVariable("contentscode", "Tiedot", contents, ["Työttömät", "Työvoima", "Työttömyysaste"]),
        ],
        updated=updated or datetime(2026, 6, 24, 5, 0, tzinfo=UTC),
    )


def table_11re(updated: datetime | None = None) -> FakeTable:
    areas = ["SSS", "KU072", "KU139", "KU244", "KU564"]
    years = [str(y) for y in range(2020, 2026)]
    return FakeTable(
        id="11re",
        title="Väestö 31.12.",
        variables=[
            FakeVariable("alue_23_20260101", "Alue", areas, areas, elimination=True, area=True),
            FakeVariable(
                "ikaryhma_10_20180101", "Ikä", ["SSS", "000", "001"], ["Yhteensä", "0", "1"], elimination=True
            ),
            FakeVariable(
                "sukupuoli_9_20180101",
                "Sukupuoli",
                ["SSS", "1", "2"],
                ["Yhteensä", "Miehet", "Naiset"],
                elimination=True,
            ),
            FakeVariable("timeperiod_y", "Vuosi", years, years, time=True),
            FakeVariable("contentscode", "Tiedot", ["vaerak-vaesto"], ["Väestö 31.12."]),
        ],
        updated=updated or datetime(2026, 4, 1, 5, 0, tzinfo=UTC),
        folder="vaerak",
    )


@dataclass
class Misbehaviour:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    # Close the connection with a TCP reset instead of answering.
    reset: bool = False
    # Send the body in pieces without a Content-Length, ending it by closing the connection.
    unsized: bool = False
    # Send the body ten bytes at a time, this many seconds apart: a server that trickles.
    trickle: float = 0.0


class FakeStatFin:
    def __init__(self, *tables: FakeTable, max_values: int = 1000, max_calls: int = 30, time_window: int = 10):
        self.tables = {table.id: table for table in tables}
        self.config = {"maxValues": max_values, "maxCalls": max_calls, "timeWindow": time_window}
        self.script: deque[Misbehaviour] = deque()
        # Saved answers served as they are (e.g. real samples), by path below the API prefix,
        # or by "POST path" when a table's query answer differs from its metadata.
        self.documents: dict[str, bytes] = {}
        self.requests: list[tuple[str, str, bytes]] = []
        # Seconds every request waits before it is answered.
        self.slow = 0.0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{API_PREFIX}"

    def start(self) -> FakeStatFin:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def misbehave(self, *answers: Misbehaviour) -> None:
        """The next requests get these answers, in order, before the server behaves again."""
        self.script.extend(answers)

    def queries(self) -> list[dict]:
        return [orjson.loads(body) for method, _, body in self.requests if method == "POST"]

    # --- answers ---------------------------------------------------------------------

    def answer(self, method: str, path: str, body: bytes) -> tuple[int, bytes, str]:
        if not path.startswith(API_PREFIX):
            return 404, b"Not found", "text/plain"
        path = path[len(API_PREFIX) :]
        saved = self.documents.get(f"{method} {path}", self.documents.get(path))
        if saved is not None:
            return 200, saved, "application/json"
        if path.endswith("?config"):
            return 200, orjson.dumps(self.config), "application/json"
        parts = [part for part in path.split("?")[0].split("/") if part]
        if len(parts) < 2 or parts[1] != "StatFin":
            return 404, b"Not found", "text/plain"
        rest = parts[2:]
        if not rest or not rest[-1].endswith(".px"):
            return self._listing(rest)
        table_id = rest[-1].removesuffix(".px")
        if table_id.startswith("statfin_"):
            return 400, b"Bad request: table ids changed on 8 June 2026", "text/plain"
        table = self.tables.get(table_id)
        if table is None:
            return 404, b"Table not found", "text/plain"
        if method == "GET":
            return 200, orjson.dumps(_metadata(table)), "application/json"
        return self._data(table, body)

    def _listing(self, folders: list[str]) -> tuple[int, bytes, str]:
        folder = folders[0] if folders else ""
        entries = [
            {
                "id": f"{table.id}.px",
                "type": "t",
                "text": f"{table.id} -- {table.title}",
                "updated": table.updated.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            for table in self.tables.values()
            if not folder or table.folder == folder
        ]
        if folder and not entries:
            return 404, b"Folder not found", "text/plain"
        return 200, orjson.dumps(entries), "application/json"

    def _data(self, table: FakeTable, body: bytes) -> tuple[int, bytes, str]:
        try:
            request = orjson.loads(body)
            selected = {item["code"]: item["selection"] for item in request["query"]}
        except (orjson.JSONDecodeError, KeyError, TypeError):
            return 400, b"Bad request: query is not valid", "text/plain"
        dimensions = []
        for variable in table.variables:
            if variable.code in selected:
                codes = _select(variable, selected[variable.code])
                if codes is None:
                    return 400, f"Bad request: bad selection for {variable.code}".encode(), "text/plain"
            elif variable.elimination:
                codes = variable.values[:1]
            else:
                return 400, f"Bad request: {variable.code} must be selected".encode(), "text/plain"
            labels = [variable.value_texts[variable.values.index(code)] for code in codes]
            role = ROLE_TIME if variable.time else ROLE_AREA if variable.area else ROLE_OTHER
            if variable.code == "contentscode":
                role = ROLE_CONTENT
            dimensions.append(Dimension(variable.code, variable.text, codes, labels, role=role))
        cells = 1
        for dimension in dimensions:
            cells *= len(dimension)
        if cells > self.config["maxValues"]:
            return 403, b"Too many values selected", "text/plain"
        values = [table.value(key) for key in _product(dimensions)]
        dataset = Dataset.from_values(dimensions, values, table_id=table.id, title=table.title, updated=table.updated)
        return 200, write_jsonstat(dataset), "application/json"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _serve(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append((method, self.path, body))
                if fake.slow:
                    time.sleep(fake.slow)
                trouble = fake.script.popleft() if fake.script else Misbehaviour()
                if trouble.delay:
                    time.sleep(trouble.delay)
                if trouble.reset:
                    # SO_LINGER with a zero timeout makes close() send RST: "connection reset by peer".
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                if trouble.status == 200 and not trouble.body:
                    status, content, kind = fake.answer(method, self.path, body)
                else:
                    status, content, kind = trouble.status, trouble.body, trouble.content_type
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    if not trouble.unsized:
                        self.send_header("Content-Length", str(len(content)))
                    for name, value in trouble.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    step = 10 if trouble.trickle else 65536
                    for start in range(0, len(content), step):
                        self.wfile.write(content[start : start + step])
                        if trouble.trickle:
                            self.wfile.flush()
                            time.sleep(trouble.trickle)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting or reading (a timeout or size test)
                if trouble.unsized:
                    self.close_connection = True

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

        return Handler


def _metadata(table: FakeTable) -> dict:
    variables = []
    for variable in table.variables:
        item = {
            "code": variable.code,
            "text": variable.text,
            "values": variable.values,
            "valueTexts": variable.value_texts,
        }
        if variable.time:
            item["time"] = True
        if variable.elimination:
            item["elimination"] = True
        if variable.area:
            item["map"] = "Alue 2026"
        variables.append(item)
    return {"title": table.title, "variables": variables}


def _select(variable: FakeVariable, selection: dict) -> list[str] | None:
    kind, values = selection.get("filter"), selection.get("values", [])
    if kind == "all":
        return list(variable.values)
    if kind == "top":
        return variable.values[-int(values[0]) :]
    if kind == "item":
        if any(value not in variable.values for value in values):
            return None
        return [code for code in variable.values if code in values]
    return None


def _product(dimensions: list[Dimension]):
    keys = [()]
    for dimension in dimensions:
        keys = [key + (code,) for key in keys for code in dimension.codes]
    return keys
