"""A local HTTP server that plays the national service catalogue's (PTV) open API v11 for the tests.

Built from PTV's published schema for the two reads Verkko makes (verkko/processes/ptv_v11.py):
pages of an organisation's services and the service channels by their ids. It can be told to
misbehave: answer 500, answer something that is not JSON, or serve a service without a name.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

API_PREFIX = "/api/v11"
ORGANIZATION_ID = "5a6fbb1c-2d3e-4f50-9a1b-0c2d3e4f5a6b"
PHONE_CHANNEL = "11111111-1111-4111-8111-111111111111"
WEB_CHANNEL = "22222222-2222-4222-8222-222222222222"
LOCATION_CHANNEL = "33333333-3333-4333-8333-333333333333"
YOUTH_SERVICE = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
EMPLOYER_SERVICE = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"


def _texts(kind, fi, sv="", en=""):
    return [
        {"type": kind, "language": language, "value": value}
        for language, value in (("fi", fi), ("sv", sv), ("en", en))
        if value
    ]


def youth_service(name="Nuorten työllisyyspalvelut"):
    return {
        "id": YOUTH_SERVICE,
        "type": "Service",
        "serviceNames": _texts(
            "Name", name, "Sysselsättningstjänster för unga", "Employment services for young people"
        ),
        "serviceDescriptions": _texts(
            "Description", "Ohjausta ja valmennusta alle 30-vuotiaille.", "Vägledning för unga."
        )
        + _texts("Summary", "Nuorten ohjaus."),
        "languages": ["fi", "sv", "en"],
        "serviceChargeType": "FreeOfCharge",
        "areaType": "AreaType",
        "areas": [
            {"type": "Municipality", "code": "244", "name": _texts("Name", "Kempele")},
            {"type": "Municipality", "code": "091", "name": _texts("Name", "Helsinki")},
        ],
        "targetGroups": [{"code": "KR1.2", "name": _texts("Name", "Nuoret")}],
        "serviceChannels": [
            {"serviceChannel": {"id": PHONE_CHANNEL, "name": "Puhelinpalvelu"}},
            {"serviceChannel": {"id": LOCATION_CHANNEL, "name": "Ohjaamo"}},
        ],
        "publishingStatus": "Published",
    }


def employer_service():
    return {
        "id": EMPLOYER_SERVICE,
        "type": "Service",
        "serviceNames": _texts("Name", "Rekrytointipalvelut työnantajille"),
        "serviceDescriptions": _texts("Description", "Apua osaajien löytämiseen."),
        "languages": ["fi"],
        "serviceChargeType": "Free",
        "areaType": "WholeCountry",
        "areas": [],
        "targetGroups": [{"code": "KR2"}],
        "serviceChannels": [{"serviceChannel": {"id": WEB_CHANNEL, "name": "Verkkolomake"}}],
        "publishingStatus": "Published",
    }


CHANNELS = {
    PHONE_CHANNEL: {
        "id": PHONE_CHANNEL,
        "serviceChannelType": "Phone",
        "serviceChannelNames": _texts("Name", "Puhelinpalvelu"),
        "phoneNumbers": [{"prefixNumber": "+358", "number": "401234567", "language": "fi"}],
        "emails": [{"value": "nuoret@example.fi", "language": "fi"}],
    },
    WEB_CHANNEL: {
        "id": WEB_CHANNEL,
        "serviceChannelType": "EChannel",
        "serviceChannelNames": _texts("Name", "Verkkolomake"),
        "webPage": [{"value": "https://lomake.example.fi/rekry", "language": "fi"}],
    },
    LOCATION_CHANNEL: {
        "id": LOCATION_CHANNEL,
        "serviceChannelType": "ServiceLocation",
        "serviceChannelNames": _texts("Name", "Ohjaamo"),
        "addresses": [
            {
                "type": "Location",
                "streetAddress": {
                    "street": [{"language": "fi", "value": "Kirkkotie"}],
                    "streetNumber": "5",
                    "postOfficeName": [{"language": "fi", "value": "KEMPELE"}],
                },
            }
        ],
    },
}


class FakePtv:
    """The catalogue's state: its services per page, and how it misbehaves."""

    def __init__(self):
        self.pages = [[youth_service()], [employer_service()]]
        self.fail_with = None  # an HTTP status to answer every request with
        self.not_json = False
        self.requests = []


def _handler(state):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status, body):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlparse(self.path)
            query = {key: values[0] for key, values in parse_qs(url.query).items()}
            state.requests.append((url.path, query))
            if state.fail_with:
                return self._answer(state.fail_with, {"error": "fake failure"})
            if state.not_json:
                return self._answer(200, b"<html>maintenance</html>")
            if url.path == f"{API_PREFIX}/Service/list/organization":
                if query.get("organizationId") != ORGANIZATION_ID:
                    return self._answer(404, {"error": "not found"})
                page = int(query.get("page", "1"))
                items = state.pages[page - 1] if 0 < page <= len(state.pages) else []
                return self._answer(
                    200,
                    {"pageNumber": page, "pageSize": 1, "pageCount": len(state.pages), "itemList": items},
                )
            if url.path == f"{API_PREFIX}/ServiceChannel/list":
                ids = query.get("guids", "").split(",")
                return self._answer(200, [CHANNELS[channel_id] for channel_id in ids if channel_id in CHANNELS])
            return self._answer(404, {"error": "no such address"})

    return Handler


class FakePtvServer:
    def __init__(self):
        self.state = FakePtv()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}{API_PREFIX}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
