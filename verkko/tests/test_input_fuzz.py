"""No input answers with a server error (issue 17): every form a coordinator is shown, and every
query parameter of the pages, gets impossible values, and the site answers with a message.

The forms are the ones the area's pages render (read from their HTML, so a new form is covered
without listing it here), posted with hostile values drawn by hypothesis: impossible periods
(0000M01, 2026M13), NaN, infinity, 1e400, the years 1 and 9999, overlong text, NUL bytes. A post
the site refuses (4xx) must leave the database as it was. After every post every page is opened
again, because an accepted value (an infinite target) once broke the pages that show it. The query
parameters of the pages' GET forms get the same values, and malformed UTF-8.

Run time is bounded: few examples per form, derandomized, no example database.
"""

import functools
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verkko.tests.test_outsider_walk import area_addresses, partner_only  # noqa: F401 (a fixture)

HOSTILE = [
    "0000M01",
    "2026M13",
    "0000Q1",
    "0001Q1",
    "9999",
    "0000",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "1e400",
    "-1e400",
    "1e308",
    "99999999999999999999999999",
    "-1",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "1.1.0001",
    "31.12.9999",
    "0001-01-01 00:00",
    "x" * 70_000,
    "nul\x00tavu",
    "",
    "   ",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://example.com")',
    "../../etc/passwd",
    "00000000-0000-0000-0000-000000000000",
]
HOSTILE_FILES = [
    ("tyhja.csv", b""),
    ("arvot.csv", b"period,value\n2026Q1,inf\n0000Q1,1e400\n"),
    ("pitka.csv", b"name,type\n" + b"x" * 140_000 + b",1\n"),
    ("liite.pdf", b"MZ\x90\x00 not a pdf"),
    ("kuva.png", b"<?php echo 1; ?>"),
    ("rikki.xlsx", b"PK\x03\x04 not a workbook"),
    ("utf.csv", b"\xff\xfe\x00n\x00a\x00m\x00e"),
]
LONG = "x" * 70_000
NUMBERS = ["NaN", "inf", "-inf", "1e400", "-1e400", "99999999999999999999999999"]
DATES = ["0001-01-01", "9999-12-31", "0000-01-01", "1.1.0001"]
DATETIMES = ["0001-01-01T00:00", "9999-12-31T23:59", "0000-01-01T00:00", "0001-01-01 00:00"]
# One field at a time, the others as the page fills them in (an edit form's are valid): by kind.
SWEEP = {
    "number": NUMBERS,
    "date": DATES,
    "datetime-local": DATETIMES,
    "text": [LONG, "nul\x00tavu", "0000M01", "2026M13", "0000Q1", "inf", "NaN", "1e400", "0001-01-01T00:00"],
    "textarea": [LONG, "nul\x00tavu"],
    "email": [LONG, "nul\x00@example.com"],
    "url": [LONG, "javascript:alert(1)"],
    "search": [LONG, "nul\x00tavu"],
    "select": ["nul\x00tavu", "0000M01"],
    "hidden": [LONG, "nul\x00tavu", "0000M01", "inf"],
}
# Requests that end the session or start something slow are left out; nothing else is.
SKIPPED_ACTIONS = ("/accounts/logout/",)
# Tables that change on any request (sessions, sign-in throttling) are no sign of a form saving.
IGNORED_TABLES = ("django_session", "axes_")
# Any text a browser can send (no lone surrogates, which no encoding carries).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
FUZZ = settings(
    max_examples=4,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


class _Forms(HTMLParser):
    """The forms of a page: method, action and fields (name, kind, value, options)."""

    def __init__(self):
        super().__init__()
        self.forms, self._select = [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append({"method": method, "action": attributes.get("action") or "", "fields": {}})
        elif not self.forms:
            return
        elif tag in ("input", "textarea", "select", "button") and attributes.get("name"):
            kind = attributes.get("type", tag).lower()
            if kind in ("submit", "button", "reset", "image") and tag != "select":
                return
            field = self.forms[-1]["fields"].setdefault(
                attributes["name"], {"kind": kind, "value": attributes.get("value") or "", "options": []}
            )
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                field.setdefault("unchecked", True)
            if tag == "select":
                self._select = field
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attributes.get("value") or "")
            if "selected" in attributes or not self._select["value"]:
                self._select["value"] = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def page_forms(address, response):
    parser = _Forms()
    parser.feed(response.content.decode("utf-8", errors="replace"))
    for form in parser.forms:
        form["action"] = urlsplit(urljoin(address, form["action"] or address)).path
    return parser.forms


def database_state():
    """Row counts of every table (one query) and the history's length: what a rejected post must not change."""
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if not table.startswith(IGNORED_TABLES)
    ]
    with connection.cursor() as cursor:
        quoted = connection.ops.quote_name
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quoted(table)})" for table in tables))
        counts = dict(zip(tables, cursor.fetchone(), strict=True))
    return counts, LogEntry.objects.count()


def _field_strategy(name, field):
    if field["kind"] == "file":
        return st.sampled_from(HOSTILE_FILES).map(lambda file: SimpleUploadedFile(file[0], file[1]))
    if field["kind"] == "hidden" and name in ("csrfmiddlewaretoken", "next"):
        return st.just(field["value"])
    usual = [field["value"], *field["options"][:3]] if field["options"] else [field["value"]]
    return st.one_of(st.sampled_from(HOSTILE), st.sampled_from(usual), TEXT)


def _sweep(name, field):
    """The posts of one field's hostile values."""
    if field["kind"] == "file":
        return [SimpleUploadedFile(*file) for file in HOSTILE_FILES]
    if name in ("csrfmiddlewaretoken", "next"):
        return []
    return SWEEP.get(field["kind"], [])


# What a person would type into an empty field, so that a form with one hostile field and the rest
# filled in gets past its other checks to the save (where an infinite target once got through).
PLAUSIBLE = {
    "date": "2026-06-01",
    "datetime-local": "2026-06-01T10:00",
    "number": "1",
    "email": "fuzz@example.com",
    "url": "https://example.com/",
    "text": "Testi",
    "textarea": "Testi",
}


def _plausible(name, field):
    if field["value"] or field["kind"] in ("hidden", "file"):
        return field["value"]
    if field["kind"] == "select":
        return next((option for option in field["options"] if option), "")
    if "period" in name:
        return "2026M06"  # the fixture's partner-only indicator is monthly
    return PLAUSIBLE.get(field["kind"], field["value"])


def _defaults(form):
    return {
        name: _plausible(name, field)
        for name, field in form["fields"].items()
        if field["kind"] != "file" and not field.get("unchecked")
    }


def _fuzz(strategy, check):
    """Runs check on a few values hypothesis draws from the strategy."""

    @FUZZ
    @given(strategy)
    def run(value):
        check(value)

    run()


def _pages(client, addresses):
    return {address: client.get(address) for address in addresses}


@pytest.fixture
def addresses(area, partner_only):  # noqa: F811 (the fixture imported above)
    # PDF reports take a second each and have no forms; they are opened by the outsider walk.
    return [address for address in area_addresses(area, partner_only) if not address.endswith(".pdf")]


def _assert_every_page_opens(client, addresses, after):
    for address, response in _pages(client, addresses).items():
        assert response.status_code < 500, f"{address} answered {response.status_code} after {after}"


def test_no_form_answers_hostile_values_with_a_server_error_or_a_change(client_for, coordinator, addresses):
    client = client_for(coordinator)
    forms = {}
    for address, response in _pages(client, addresses).items():
        assert response.status_code < 500, f"{address} answered {response.status_code}"
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for form in page_forms(address, response):
                if form["method"] == "post" and not form["action"].endswith(SKIPPED_ACTIONS):
                    forms.setdefault((form["action"], tuple(sorted(form["fields"]))), form)
    assert len(forms) > 40, "the fuzz lost most of the coordinator's forms"
    refused = 0

    def post(action, data):
        nonlocal refused
        before = database_state()
        response = client.post(action, data)
        assert response.status_code < 500, f"POST {action} {data!r:.300} answered {response.status_code}"
        if 400 <= response.status_code < 500:
            refused += 1
            assert database_state() == before, f"POST {action} {data!r:.300} was refused but changed the database"

    for (action, names), form in sorted(forms.items()):
        fields = [name for name in names if name != "csrfmiddlewaretoken"]
        if not fields:
            continue
        for name in fields:
            for value in _sweep(name, form["fields"][name]):
                post(action, {**_defaults(form), name: value})
        strategy = st.fixed_dictionaries({name: _field_strategy(name, form["fields"][name]) for name in fields})
        _fuzz(strategy, functools.partial(post, action))
    assert refused, "no hostile post was refused: the fuzz is not reaching the forms"
    _assert_every_page_opens(client, addresses, "the hostile posts")


def test_no_query_parameter_answers_hostile_values_with_a_server_error(client_for, coordinator, addresses):
    for client in (client_for(None), client_for(coordinator)):
        queries = {}
        for address, response in _pages(client, addresses).items():
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                for form in page_forms(address, response):
                    if form["method"] == "get" and form["fields"]:
                        queries.setdefault(form["action"], set()).update(form["fields"])
        assert queries, "no page has a search or filter form: the fuzz is not reaching them"
        for action, names in sorted(queries.items()):
            parameters = sorted(names)
            for name in parameters:  # malformed UTF-8 and a NUL byte, which no client library sends by itself
                for raw in ("%ff%fe", "%c0%af", "%00", "%ed%a0%80"):
                    response = client.get(f"{action}?{quote(name)}={raw}")
                    assert response.status_code < 500, f"GET {action}?{name}={raw} answered {response.status_code}"
            strategy = st.fixed_dictionaries({name: st.sampled_from(HOSTILE) | TEXT for name in parameters})
            _fuzz(strategy, functools.partial(_get, client, action))


def _get(client, action, query):
    response = client.get(action, query)
    assert response.status_code < 500, f"GET {action} {query!r:.300} answered {response.status_code}"
