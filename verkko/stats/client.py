"""A client of the PxWeb API, version 1 (Statistics Finland) or 2.0 (Sweden's and Norway's offices).

The configured base address chooses the version: one whose last part is ``v2`` (such as
``https://statistics.example/api/v2``) speaks PxWeb API 2.0 (``/config``,
``/tables/{id}/metadata`` as JSON-stat 2.0, ``/tables/{id}/data?outputFormat=json-stat2``
with ``valueCodes[VARIABLE]=…``, ``lang=``), any other v1. Both give the same metadata,
queries and datasets, so the rest of Verkko does not know which one it talks to.

Variable codes are read from each table's metadata at run time (they changed on 8 June 2026
and may change again); a selection names variables by role ("area", "time", "content") or
by their current code. Queries larger than the service's ``maxValues`` (2.0: ``maxDataCells``)
are split, calls are spaced to stay within ``maxCalls`` (2.0: ``maxCallsPerTimeWindow``) per
``timeWindow``, and lost connections, timeouts, 429 and 5xx answers are retried with exponential
backoff that honours ``Retry-After`` (``STATISTICS_RETRIES`` times).

Every request has a timeout (``STATISTICS_REQUEST_TIMEOUT``), an answer is read as it streams in
and refused once it passes ``STATISTICS_MAX_RESPONSE_BYTES``, and :meth:`PxWebClient.time_limit`
puts a deadline on a block of requests (a source's fetch): no request, wait or retry runs past it.
httpx's own retries cover only failures to connect, so the client retries by itself.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urlsplit

import httpx
import orjson
from django.utils.translation import gettext

from verkko.lib.formatting import format_number

from .formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, FormatError, parse_jsonstat
from .formats.jsonstat import load_json, parse_updated
from .formats.limits import check_cell_count
from .formats.model import guess_role

DEFAULT_API_URL = "https://pxdata.stat.fi/PxWeb/api/v1"
# Defaults of the settings of the same names.
STATISTICS_RETRIES = 3
STATISTICS_REQUEST_TIMEOUT = 20.0
STATISTICS_MAX_RESPONSE_BYTES = 200 * 1024 * 1024
# A 2.0 data query longer than this goes as a POST body instead of GET parameters.
MAX_GET_URL = 2000
_V2_ROLES = {"time": ROLE_TIME, "geo": ROLE_AREA, "metric": ROLE_CONTENT}


class PxWebError(Exception):
    """Anything that keeps the client from getting what it asked for."""


class PxWebNotFound(PxWebError):
    """404: the table or folder does not exist (old long table ids answer this way too)."""


class PxWebBadRequest(PxWebError):
    """400: the service refused the query."""


class PxWebNotJsonStat(PxWebError):
    """The answer was not the JSON (or JSON-stat) it should have been."""


class PxWebUnavailable(PxWebError):
    """The service kept answering 429/5xx, timing out or losing the connection after every retry."""


class PxWebDeadline(PxWebUnavailable):
    """The time given to the requests (a source's or the whole refresh's deadline) ran out."""


class PxWebTooLarge(PxWebError):
    """An answer longer than STATISTICS_MAX_RESPONSE_BYTES, or a query of more cells than a table may have."""


@dataclass(frozen=True)
class Limits:
    max_values: int = 100_000
    max_calls: int = 30
    time_window: float = 10.0


@dataclass
class Variable:
    code: str
    text: str
    values: list[str]
    value_texts: list[str]
    time: bool = False
    elimination: bool = False
    role: str = ROLE_OTHER


@dataclass
class TableMetadata:
    table_id: str
    title: str
    variables: list[Variable] = field(default_factory=list)
    # PxWeb API 2.0 tells when the table was updated in its metadata; v1 does not.
    updated: datetime | None = None

    def variable(self, key: str) -> Variable:
        """The variable with this code, or the one with this role (area, time, content)."""
        for variable in self.variables:
            if variable.code == key:
                return variable
        for variable in self.variables:
            if variable.role == key:
                return variable
        raise KeyError(f"table {self.table_id} has no variable {key!r}")


@dataclass(frozen=True)
class TableEntry:
    id: str
    type: str  # "l" folder, "t" table
    text: str
    updated: datetime | None


@dataclass(frozen=True)
class SearchHit:
    table_id: str  # "12r5", without the ".px" of the service's id
    path: str  # the subject folder, e.g. "/tyonv"
    title: str
    published: datetime | None


# A selection's key for every variable that has no role of its own.
OTHERS = "others"


def table_file(table_id: str) -> str:
    return table_id if table_id.endswith(".px") else f"{table_id}.px"


def api_version_of(url: str) -> int:
    """2 for a PxWeb API 2.0 address (its last part is "v2"), else 1."""
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].casefold()
    return 2 if last in ("v2", "v2beta") else 1


def configured_api_url() -> str:
    """STATFIN_API_URL from Django settings when they are configured, else Statistics Finland's."""
    return _setting("STATFIN_API_URL", DEFAULT_API_URL)


def _setting(name: str, default):
    """A Django setting when settings are configured, else the default."""
    try:
        from django.conf import settings

        return getattr(settings, name, default) if settings.configured else default
    except ImportError:
        return default


@dataclass(frozen=True)
class Answer:
    """An HTTP answer read whole (within the size limit): status, headers and body."""

    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


class PxWebClient:
    def __init__(
        self,
        base_url: str | None = None,
        *,
        language: str = "fi",
        database: str = "StatFin",
        timeout: float | None = None,
        max_retries: int | None = None,
        max_response_bytes: int | None = None,
        backoff: float = 1.0,
        max_backoff: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        """``timeout``, ``max_retries`` and ``max_response_bytes`` default to the settings
        STATISTICS_REQUEST_TIMEOUT, STATISTICS_RETRIES and STATISTICS_MAX_RESPONSE_BYTES."""
        self.base_url = (base_url or configured_api_url()).rstrip("/")
        self.api_version = api_version_of(self.base_url)
        self.language = language
        self.database = database
        self.timeout = float(
            timeout if timeout is not None else _setting("STATISTICS_REQUEST_TIMEOUT", STATISTICS_REQUEST_TIMEOUT)
        )
        self.max_retries = int(
            max_retries if max_retries is not None else _setting("STATISTICS_RETRIES", STATISTICS_RETRIES)
        )
        self.max_response_bytes = int(
            max_response_bytes
            if max_response_bytes is not None
            else _setting("STATISTICS_MAX_RESPONSE_BYTES", STATISTICS_MAX_RESPONSE_BYTES)
        )
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        self._clock = clock
        self._http = httpx.Client(timeout=self.timeout, headers={"User-Agent": "Verkko statistics client"})
        self._limits: Limits | None = None
        self._calls: deque[float] = deque()
        # (the moment by the client's clock, the seconds it was given) while a time limit holds.
        self._deadline: tuple[float, float] | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    @contextmanager
    def time_limit(self, seconds: float | None):
        """Requests in the block end within ``seconds`` (None: no limit), retries and waits included.

        A request that would run past the deadline is cut short and PxWebDeadline raised. Limits
        nest: an inner one never extends an outer one.
        """
        previous = self._deadline
        if seconds is not None:
            moment = self._clock() + seconds
            if previous is None or moment < previous[0]:
                self._deadline = (moment, seconds)
        try:
            yield
        finally:
            self._deadline = previous

    def check_deadline(self, doing: str = "") -> None:
        """Raise PxWebDeadline when the current time limit has run out."""
        remaining = self._remaining()
        if remaining is not None and remaining <= 0:
            raise self._deadline_error(doing)

    def _remaining(self) -> float | None:
        return None if self._deadline is None else self._deadline[0] - self._clock()

    def _deadline_error(self, doing: str) -> PxWebDeadline:
        seconds = self._deadline[1] if self._deadline else 0
        return PxWebDeadline(
            gettext("the time limit of %(seconds)s s ran out") % {"seconds": format_seconds(seconds)}
            + (f" ({doing})" if doing else "")
        )

    # --- addresses -------------------------------------------------------------------

    def url(self, path: str = "") -> str:
        url = f"{self.base_url}/{self.language}/{self.database}"
        return f"{url}/{path.strip('/')}" if path.strip("/") else url

    def table_url(self, table_id: str) -> str:
        if self.api_version == 2:
            return f"{self.base_url}/tables/{quote(metadata_id(table_id), safe='')}"
        return self.url(table_file(table_id))

    @property
    def _v2_params(self) -> dict:
        return {"lang": self.language}

    # --- service -----------------------------------------------------------------------

    def limits(self) -> Limits:
        """The service's maxValues, maxCalls and timeWindow from ``?config`` (read once)."""
        if self._limits is None:
            if self.api_version == 2:
                url, names = f"{self.base_url}/config", ("maxDataCells", "maxCallsPerTimeWindow", "timeWindow")
            else:
                url, names = f"{self.base_url}/{self.language}/?config", ("maxValues", "maxCalls", "timeWindow")
            config = self._json("GET", url)
            try:
                self._limits = Limits(
                    max_values=int(config[names[0]]),
                    max_calls=int(config[names[1]]),
                    time_window=float(config[names[2]]),
                )
            except (KeyError, TypeError, ValueError):
                raise PxWebNotJsonStat(f"{url} does not give {', '.join(names[:2])} and {names[2]}") from None
        return self._limits

    def list_tables(self, path: str = "") -> list[TableEntry]:
        """The folders and tables under a path, with each table's ``updated``."""
        if self.api_version == 2:
            return self._list_tables_v2(path)
        url = self.url(path)
        entries = self._json("GET", url)
        if not isinstance(entries, list):
            raise PxWebNotJsonStat(f"{url} did not answer with a list of tables")
        return [
            TableEntry(
                id=str(entry.get("id", "")),
                type=str(entry.get("type", "")),
                text=str(entry.get("text", "")),
                updated=_updated(entry.get("updated"), url),
            )
            for entry in entries
            if isinstance(entry, dict)
        ]

    def search(self, query: str) -> list[SearchHit]:
        """Tables whose title matches the words, best match first, as the service ranks them."""
        if self.api_version == 2:
            return self._search_v2(query)
        url = self.url()
        hits = self._json("GET", url, params={"query": query})
        if not isinstance(hits, list):
            raise PxWebNotJsonStat(f"{url}?query= did not answer with a list")
        return [
            SearchHit(
                table_id=metadata_id(str(hit.get("id", ""))),
                path=str(hit.get("path", "")),
                title=str(hit.get("title", "")),
                published=_updated(hit.get("published"), url),
            )
            for hit in hits
            if isinstance(hit, dict)
        ]

    def find_table(self, query: str, title_words: Sequence[str], *, subject: str = "") -> SearchHit | None:
        """The table whose title has every one of the words (case-insensitive), found in the metadata.

        The service's search is asked first, best match first; when it finds none, the subject's
        table list (``subject``, a folder such as "kony", and its subfolders) is read. None when
        neither has such a table. No table id or variable code is assumed.
        """
        words = [word.casefold() for word in title_words]

        def fits(title):
            return all(word in title.casefold() for word in words)

        hit = next((hit for hit in self.search(query) if fits(hit.title)), None)
        if hit is not None or not subject:
            return hit
        folders = [subject]
        while folders:
            folder = folders.pop(0)
            try:
                entries = self.list_tables(folder)
            except PxWebNotFound:
                continue  # a subject the service no longer has
            for entry in entries:
                if entry.type == "l":
                    folders.append(f"{folder.strip('/')}/{entry.id}")
                elif entry.type == "t" and fits(entry.text):
                    return SearchHit(metadata_id(entry.id), f"/{folder.strip('/')}", entry.text, entry.updated)
        return None

    def metadata(self, table_id: str) -> TableMetadata:
        """The table's variables as they are now: codes, texts, values, time and elimination."""
        if self.api_version == 2:
            return self._metadata_v2(table_id)
        url = self.table_url(table_id)
        document = self._json("GET", url)
        if not isinstance(document, dict) or not isinstance(document.get("variables"), list):
            raise PxWebNotJsonStat(f"{url} did not answer with table metadata (no 'variables')")
        variables = []
        for item in document["variables"]:
            if not isinstance(item, dict):
                raise PxWebNotJsonStat(f"{url} describes a variable with {str(item)[:40]!r}, not an object")
            code, text = str(item.get("code", "")), str(item.get("text", ""))
            if item.get("time"):
                role = ROLE_TIME
            elif "map" in item:
                role = ROLE_AREA
            else:
                role = guess_role(code, text)
            values = [str(v) for v in item.get("values", [])]
            variables.append(
                Variable(
                    code=code,
                    text=text,
                    values=values,
                    value_texts=[str(v) for v in item.get("valueTexts", values)],
                    time=bool(item.get("time")),
                    elimination=bool(item.get("elimination")),
                    role=role,
                )
            )
        _keep_one_of_each_role(variables)
        return TableMetadata(
            table_id=table_id.removesuffix(".px"), title=str(document.get("title", "")), variables=variables
        )

    # --- queries -----------------------------------------------------------------------

    def build_query(self, metadata: TableMetadata, selection: Mapping | None = None) -> dict:
        """A PxWeb query for a selection keyed by role or variable code.

        Each selection is a list of value codes ("item"), "*" (every value, "all") or
        {"top": n} (the latest n). A variable left out is eliminated when the table allows
        it, otherwise every value is taken.
        """
        chosen = _selection_by_code(metadata, selection or {})
        query = []
        for variable in metadata.variables:
            if variable.code in chosen:
                query.append({"code": variable.code, "selection": _filter(variable, chosen[variable.code])})
            elif not variable.elimination:
                query.append({"code": variable.code, "selection": {"filter": "all", "values": ["*"]}})
        return {"query": query, "response": {"format": "json-stat2"}}

    def split_query(self, metadata: TableMetadata, query: dict, max_values: int) -> list[dict]:
        """The query as several queries of at most ``max_values`` cells each."""
        if self.query_cells(metadata, query) <= max_values:
            return [query]
        items = {part["code"]: _resolved(metadata.variable(part["code"]), part["selection"]) for part in query["query"]}
        return [_item_query(part, query) for part in _split(items, max_values)]

    def query_cells(self, metadata: TableMetadata, query: dict) -> int:
        """How many cells the query asks for (eliminated variables count once)."""
        return math.prod(len(_resolved(metadata.variable(part["code"]), part["selection"])) for part in query["query"])

    def fetch(self, table_id: str, selection: Mapping | None = None) -> Iterator[Dataset]:
        """The selected cells of a table as JSON-stat datasets, one per (split) query."""
        metadata = self.metadata(table_id)
        query = self.build_query(metadata, selection)
        try:
            check_cell_count(self.query_cells(metadata, query), origin=self.table_url(table_id))
        except FormatError as error:
            raise PxWebTooLarge(str(error)) from None
        for part in self.split_query(metadata, query, self.limits().max_values):
            yield self.post_query(table_id, part)

    def post_query(self, table_id: str, query: dict) -> Dataset:
        """The cells a query (as :meth:`build_query` gives it) selects, as one dataset."""
        if self.api_version == 2:
            url, document = self._data_v2(table_id, query)
        else:
            url = self.table_url(table_id)
            document = self._json("POST", url, cells=True, content=orjson.dumps(query))
        try:
            (dataset,) = parse_jsonstat(document, origin=url)
        except FormatError as error:
            raise PxWebNotJsonStat(f"{url} did not answer with JSON-stat: {error.problem}") from None
        except ValueError:
            raise PxWebNotJsonStat(f"{url} answered with several datasets where one was expected") from None
        dataset.table_id = dataset.table_id or metadata_id(table_id)
        return dataset

    def table_updated(self, table_id: str) -> datetime | None:
        """When the table was last updated: 2.0's metadata says it, v1 needs a query of one cell."""
        metadata = self.metadata(table_id)
        if metadata.updated is not None:
            return metadata.updated
        selection = {}
        for variable in metadata.variables:
            if variable.time:
                selection[variable.code] = {"top": 1}
            elif not variable.elimination:
                selection[variable.code] = variable.values[:1]
        return self.post_query(table_id, self.build_query(metadata, selection)).updated

    # --- PxWeb API 2.0 --------------------------------------------------------------------

    def _metadata_v2(self, table_id: str) -> TableMetadata:
        """The table's variables from 2.0's metadata, a JSON-stat 2.0 dataset without values."""
        url = f"{self.table_url(table_id)}/metadata"
        document = self._json("GET", url, params={**self._v2_params, "outputFormat": "json-stat2"})
        if not isinstance(document, dict) or not isinstance(document.get("dimension"), dict):
            raise PxWebNotJsonStat(f"{url} did not answer with JSON-stat metadata (no 'dimension')")
        role_of = {}
        for role_name, codes in (document.get("role") or {}).items():
            for code in codes or []:
                role_of.setdefault(code, _V2_ROLES.get(role_name, ROLE_OTHER))
        variables = []
        for code in document.get("id") or list(document["dimension"]):
            item = document["dimension"].get(code)
            if not isinstance(item, dict):
                raise PxWebNotJsonStat(f"{url} names dimension {code!r} but does not describe it")
            category = item.get("category") or {}
            index = category.get("index") or list(category.get("label") or {})
            values = [str(v) for v in index] if isinstance(index, list) else sorted(index, key=index.get)
            labels = category.get("label") or {}
            text = str(item.get("label") or code)
            role = role_of.get(code) or guess_role(code, text)
            extension = item.get("extension") or {}
            variables.append(
                Variable(
                    code=code,
                    text=text,
                    values=values,
                    value_texts=[str(labels.get(v, v)) for v in values],
                    time=role == ROLE_TIME,
                    elimination=bool(extension.get("elimination")),
                    role=role,
                )
            )
        _keep_one_of_each_role(variables)
        return TableMetadata(
            table_id=metadata_id(table_id),
            title=str(document.get("label", "")),
            variables=variables,
            updated=_updated(document.get("updated"), url),
        )

    def _data_v2(self, table_id: str, query: dict) -> tuple[str, object]:
        """GET with ``valueCodes[…]`` parameters, or POST the selection when the address gets long."""
        url = f"{self.table_url(table_id)}/data"
        params = {**self._v2_params, "outputFormat": "json-stat2"}
        selection = [
            {"variableCode": part["code"], "valueCodes": _v2_value_codes(part["selection"])} for part in query["query"]
        ]
        get_params = {**params, **{f"valueCodes[{s['variableCode']}]": ",".join(s["valueCodes"]) for s in selection}}
        if len(str(httpx.URL(url, params=get_params))) <= MAX_GET_URL:
            return url, self._json("GET", url, cells=True, params=get_params)
        return url, self._json("POST", url, cells=True, params=params, content=orjson.dumps({"selection": selection}))

    def _list_tables_v2(self, path: str) -> list[TableEntry]:
        folder = path.strip("/")
        url = f"{self.base_url}/navigation" + (f"/{quote(folder, safe='')}" if folder else "")
        document = self._json("GET", url, params=self._v2_params)
        if not isinstance(document, dict) or not isinstance(document.get("folderContents"), list):
            raise PxWebNotJsonStat(f"{url} did not answer with a folder (no 'folderContents')")
        return [
            TableEntry(
                id=str(item.get("id", "")),
                type="t" if str(item.get("type") or item.get("objectType", "")).casefold() == "table" else "l",
                text=str(item.get("label", "")),
                updated=_updated(item.get("updated"), url),
            )
            for item in document["folderContents"]
            if isinstance(item, dict)
        ]

    def _search_v2(self, query: str, *, max_pages: int = 20) -> list[SearchHit]:
        url = f"{self.base_url}/tables"
        hits, page = [], 1
        while page <= max_pages:
            document = self._json("GET", url, params={**self._v2_params, "query": query, "pageNumber": page})
            if not isinstance(document, dict) or not isinstance(document.get("tables"), list):
                raise PxWebNotJsonStat(f"{url}?query= did not answer with a list of tables")
            for table in document["tables"]:
                if isinstance(table, dict):
                    hits.append(
                        SearchHit(
                            table_id=str(table.get("id", "")),
                            path="/".join(str(p.get("id", "")) for p in (table.get("paths") or [[]])[0] if p),
                            title=str(table.get("label", "")),
                            published=_updated(table.get("updated"), url),
                        )
                    )
            pages = (document.get("page") or {}).get("totalPages") or 1
            if page >= int(pages):
                break
            page += 1
        return hits

    # --- HTTP ----------------------------------------------------------------------------

    def _json(self, method: str, url: str, *, cells: bool = False, **kwargs):
        """The answer's JSON; with ``cells`` (a data answer) long value/status arrays stay text,
        parsed piece by piece when the cells are read, so memory stays near the answer's size."""
        response = self._request(method, url, **kwargs)
        try:
            return load_json(response.content, origin=url) if cells else orjson.loads(response.content)
        except (orjson.JSONDecodeError, FormatError):
            kind = response.headers.get("content-type", "unknown content")
            raise PxWebNotJsonStat(f"{url} answered with {kind}, not JSON: {_snippet(response)}") from None

    def _request(self, method: str, url: str, **kwargs) -> Answer:
        reason = ""
        retry_after = None
        for attempt in range(self.max_retries + 1):
            if attempt:
                self._pause(self._delay(attempt, retry_after), f"{method} {url} {reason}")
            self._wait_for_turn(f"{method} {url}")
            retry_after = None
            try:
                response = self._send(method, url, **kwargs)
            except httpx.TimeoutException as error:
                reason = f"timed out ({type(error).__name__})"
                continue
            except (httpx.NetworkError, httpx.RemoteProtocolError) as error:
                # A reset or dropped connection: the next attempt opens a new one.
                reason = f"lost the connection ({type(error).__name__}: {error})"
                continue
            except httpx.TransportError as error:
                raise PxWebError(f"{method} {url} failed: {error}") from error
            if response.status_code == 429 or response.status_code >= 500:
                reason = f"answered {response.status_code}"
                retry_after = _retry_after(response)
                continue
            if response.status_code == 404:
                raise PxWebNotFound(f"{url} not found (404): {_snippet(response)}")
            if response.status_code == 400:
                raise PxWebBadRequest(f"{url} refused the query (400): {_snippet(response)}")
            if response.status_code >= 400:
                raise PxWebError(f"{url} answered {response.status_code}: {_snippet(response)}")
            return response
        raise PxWebUnavailable(f"{method} {url} {reason} after {self.max_retries + 1} attempts")

    def _send(self, method: str, url: str, **kwargs) -> Answer:
        """One request, its answer read as it streams in: refused past the size limit or the deadline."""
        remaining = self._remaining()
        if remaining is not None and remaining <= 0:
            raise self._deadline_error(f"{method} {url}")
        timeout = self.timeout if remaining is None else min(self.timeout, remaining)
        # The timeout bounds each wait for bytes; this bounds the whole answer, so a server that
        # trickles a byte at a time cannot hold a request open for ever.
        ends = self._clock() + timeout
        limit = self.max_response_bytes
        with self._http.stream(method, url, timeout=timeout, **kwargs) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise self._too_large(url, int(declared))
            received, pieces = 0, []
            for piece in response.iter_bytes():
                received += len(piece)
                if received > limit:
                    raise self._too_large(url, None)
                pieces.append(piece)
                if self._clock() > ends:
                    if self._remaining() is not None and self._remaining() <= 0:
                        raise self._deadline_error(f"{method} {url} was still arriving")
                    raise httpx.ReadTimeout(f"the answer took longer than {timeout:g} s", request=response.request)
            return Answer(response.status_code, response.headers, b"".join(pieces))

    def _too_large(self, url: str, declared: int | None) -> PxWebTooLarge:
        values = {"url": url, "limit": format_number(self.max_response_bytes)}
        if declared is None:
            problem = gettext("%(url)s sent more than the %(limit)s bytes an answer may have here") % values
        else:
            problem = gettext(
                "%(url)s answers with %(size)s bytes, more than the %(limit)s bytes an answer may have here"
            ) % {**values, "size": format_number(declared)}
        return PxWebTooLarge(f"{problem} (STATISTICS_MAX_RESPONSE_BYTES)")

    def _pause(self, seconds: float, doing: str) -> None:
        """Sleep, unless the wait would pass the deadline: then fail at once rather than wait in vain."""
        remaining = self._remaining()
        if remaining is not None and seconds >= remaining:
            raise self._deadline_error(doing)
        if seconds > 0:
            self._sleep(seconds)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_backoff)
        return min(self.backoff * 2 ** (attempt - 1), self.max_backoff)

    def _wait_for_turn(self, doing: str) -> None:
        """Sleep until one more call fits within maxCalls per timeWindow.

        Until ``?config`` has been read (it is itself a call), cautious defaults apply.
        """
        limits = self._limits or Limits()
        now = self._clock()
        while self._calls and now - self._calls[0] >= limits.time_window:
            self._calls.popleft()
        if len(self._calls) >= limits.max_calls:
            wait = self._calls[0] + limits.time_window - now
            if wait > 0:
                self._pause(wait, doing)
            self._calls.popleft()
        self._calls.append(self._clock())


def format_seconds(seconds: float) -> str:
    """Seconds as a message says them: whole ones whole, others to a tenth (45, 0,5)."""
    shown = round(seconds, 1)
    return format_number(shown, 0 if shown == int(shown) else 1)


def metadata_id(table_id: str) -> str:
    return table_id.removesuffix(".px")


def _keep_one_of_each_role(variables: list[Variable]) -> None:
    seen = set()
    for variable in variables:
        if variable.role in (ROLE_TIME, ROLE_AREA, ROLE_CONTENT):
            if variable.role in seen:
                variable.role = ROLE_OTHER
            seen.add(variable.role)


def _selection_by_code(metadata: TableMetadata, selection: Mapping) -> dict:
    """{variable code: choice} for a selection keyed by code or role; "others" stands for every
    variable that is neither area, time nor content (ages, sexes, industries)."""
    chosen = {}
    for key, choice in selection.items():
        if key == OTHERS:
            chosen.update((v.code, choice) for v in metadata.variables if v.role == ROLE_OTHER)
            continue
        try:
            variable = metadata.variable(key)
        except KeyError:
            raise PxWebBadRequest(f"table {metadata.table_id} has no variable or role {key!r}") from None
        chosen[variable.code] = choice
    return chosen


def _filter(variable: Variable, choice) -> dict:
    if choice in ("*", "all"):
        return {"filter": "all", "values": ["*"]}
    if isinstance(choice, Mapping) and "top" in choice:
        return {"filter": "top", "values": [str(int(choice["top"]))]}
    codes = [str(code) for code in choice]
    unknown = [code for code in codes if code not in variable.values]
    if unknown:
        raise PxWebBadRequest(f"variable {variable.code} has no values {unknown}")
    return {"filter": "item", "values": codes}


def _resolved(variable: Variable, selection: dict) -> list[str]:
    """The value codes a selection stands for, in table order."""
    kind, values = selection["filter"], selection["values"]
    if kind == "all":
        return list(variable.values)
    if kind == "top":
        return variable.values[-int(values[0]) :]
    return [code for code in variable.values if code in set(values)]


def _split(items: dict[str, list[str]], max_values: int) -> list[dict[str, list[str]]]:
    """Cut the longest value list until every part has at most ``max_values`` cells."""
    total = math.prod(len(values) for values in items.values())
    if total <= max_values:
        return [items]
    code = max(items, key=lambda key: len(items[key]))
    values = items[code]
    if len(values) == 1:
        raise PxWebBadRequest(f"one cell per variable already exceeds maxValues {max_values}")
    others = total // len(values)
    step = max(1, max_values // others)
    parts = []
    for start in range(0, len(values), step):
        parts.extend(_split({**items, code: values[start : start + step]}, max_values))
    return parts


def _item_query(items: dict[str, list[str]], query: dict) -> dict:
    return {
        "query": [{"code": code, "selection": {"filter": "item", "values": values}} for code, values in items.items()],
        "response": query["response"],
    }


def _v2_value_codes(selection: dict) -> list[str]:
    """A v1-style selection ({"filter", "values"}) as 2.0's valueCodes."""
    kind, values = selection["filter"], selection["values"]
    if kind == "all":
        return ["*"]
    if kind == "top":
        return [f"top({int(values[0])})"]
    return [str(value) for value in values]


def _retry_after(response: Answer) -> float | None:
    header = response.headers.get("retry-after")
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _updated(text, url: str) -> datetime | None:
    """A listing's or metadata's 'updated'; a text that is no time reads as unknown (None)."""
    return parse_updated(text)


def _snippet(response: Answer) -> str:
    return response.text[:200].strip()
