"""Writes of the statistics app, each taking the acting user (None for scheduled jobs)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from verkko.lib.history import recorded_action

from .areas import municipality_codes
from .client import PxWebClient, PxWebDeadline, format_seconds
from .models import ImportRun, Source, Table
from .store import StatisticsImportError, import_dataset, record_failure

# What every employment area keeps by default: table id, title, how many latest periods
# (None: every period), whether every breakdown is kept (11re's ages give the working-age share,
# 12ti's occupations the skills needs).
# Titles are data in Finnish, like the tables' own titles.
DEFAULT_SOURCES = [
    ("12r5", "Työnvälitystilasto kunnittain, kuukausittain", None, False),
    ("11re", "Väestö alueittain", 10, True),
    ("11yq", "Aloittaneet ja lopettaneet yritykset", None, False),
    ("12ti", "Työnhakijat ja avoimet työpaikat ammateittain", 13, True),
]


@dataclass(frozen=True)
class DiscoveredSource:
    """A default source whose table is found in the service's metadata, not named by id."""

    query: str  # what the service's search is asked
    title_words: tuple  # every one of them is in the table's title (Finnish, as tables are fetched)
    subject: str  # the subject folder whose table list is read when the search finds none
    title: str
    latest_periods: int | None = None


# Statistics Finland's bankruptcy statistics (subject "kony": bankruptcies and business
# restructurings): the table of bankruptcies by municipality.
BANKRUPTCIES = DiscoveredSource("konkurssit", ("konkurs", "kunn"), "kony", "Konkurssit kunnittain", 36)
DISCOVERED_SOURCES = [BANKRUPTCIES]
WHOLE_COUNTRY = "SSS"


def default_area_codes(area) -> list[str]:
    """Statistics Finland area codes of the area's municipalities (KU564 …) and the whole country;
    `area` is an employment area or its id."""
    return [*municipality_codes(getattr(area, "pk", area)), WHOLE_COUNTRY]


@recorded_action
def create_source(
    user,
    *,
    area,
    table_id,
    title,
    area_codes=(),
    measure_codes=(),
    latest_periods=None,
    active=True,
    keeps_breakdowns=False,
):
    return Source.objects.create(
        area_id=area.pk,
        table_id=table_id,
        title=title,
        area_codes=list(area_codes),
        measure_codes=list(measure_codes),
        latest_periods=latest_periods,
        active=active,
        keeps_breakdowns=keeps_breakdowns,
    )


# Changing any of these changes what a refresh fetches.
SELECTION_FIELDS = ("table_id", "area_codes", "measure_codes", "latest_periods", "keeps_breakdowns")


@recorded_action
def update_source(user, source, **changes):
    """Save the changes; a changed selection is fetched at the next refresh even if the table is not updated."""
    saved = Source.objects.filter(pk=source.pk).values(*SELECTION_FIELDS).first() or {}
    for name, value in changes.items():
        setattr(source, name, value)
    if any(getattr(source, name) != saved.get(name) for name in SELECTION_FIELDS):
        source.last_updated = None
    source.save()
    return source


@recorded_action
def delete_source(user, source):
    source.delete()


@recorded_action
def create_default_sources(user, area) -> list[Source]:
    """The default sources for the area; tables the area already has a source for are skipped."""
    existing = set(Source.objects.filter(area_id=area.pk).values_list("table_id", flat=True))
    codes = default_area_codes(area)
    return [
        Source.objects.create(
            area_id=area.pk,
            table_id=table_id,
            title=title,
            area_codes=codes,
            latest_periods=latest,
            keeps_breakdowns=breakdowns,
        )
        for table_id, title, latest, breakdowns in DEFAULT_SOURCES
        if table_id not in existing
    ]


@recorded_action
def add_discovered_sources(user, area, *, client: PxWebClient) -> list[Source]:
    """The area's sources of tables found in the service's metadata (bankruptcies), where it has none;
    `area` is an employment area or its id.

    A source counts as there when the area has one with the same title or the found table id.
    A table the service does not have is skipped; the next refresh looks again.
    """
    area_id = getattr(area, "pk", area)
    existing = Source.objects.filter(area_id=area_id)
    titles = set(existing.values_list("title", flat=True))
    table_ids = set(existing.values_list("table_id", flat=True))
    created = []
    for wanted in DISCOVERED_SOURCES:
        if wanted.title in titles:
            continue
        hit = client.find_table(wanted.query, wanted.title_words, subject=wanted.subject)
        if hit is None or hit.table_id in table_ids:
            continue
        created.append(
            Source.objects.create(
                area_id=area_id,
                table_id=hit.table_id,
                title=wanted.title,
                area_codes=default_area_codes(area),
                latest_periods=wanted.latest_periods,
            )
        )
    return created


@dataclass
class RefreshOutcome:
    source: Source
    status: str  # "imported", "unchanged" or "failed"
    run: ImportRun | None = None
    message: str = ""


def refresh_source(
    user, source: Source, *, client: PxWebClient, force: bool = False, deadline: float | None = None
) -> RefreshOutcome:
    """Fetch and import the source when its table's ``updated`` has changed since the last run.

    ``deadline`` is how many seconds the source may take; a source past it fails. Any error
    (the service's, the answer's, the import's, memory running out) fails this source only:
    it is recorded on the source and as a failed ImportRun, and the last good data stays.

    Not one transaction on purpose: the import is its own transaction, and a failure must
    stay recorded while the last good data stays.
    """
    now = timezone.now()
    origin = client.table_url(source.table_id)
    with client.time_limit(deadline):
        try:
            updated = client.table_updated(source.table_id)
        except Exception as error:  # noqa: BLE001 (whatever went wrong, the next source still runs)
            return _failed(user, source, origin, error, now)
        if not force and updated is not None and source.last_updated is not None and updated <= source.last_updated:
            Source.objects.filter(pk=source.pk).update(last_checked_at=now)
            source.last_checked_at = now
            return RefreshOutcome(source, "unchanged")
        try:
            parts = list(client.fetch(source.table_id, source.selection()))
            client.check_deadline(f"fetching {source.table_id}")
            run = import_dataset(parts, source=Table.Source.STATFIN, origin=origin, user=user, configured_source=source)
        except Exception as error:  # noqa: BLE001
            return _failed(user, source, origin, error, now)
    source.last_updated = updated
    source.last_checked_at = now
    source.last_error = ""
    source.last_error_at = None
    Source.objects.filter(pk=source.pk).update(
        last_updated=updated, last_checked_at=now, last_error="", last_error_at=None
    )
    return RefreshOutcome(source, "imported", run=run)


def record_not_started(user, source: Source, *, client: PxWebClient, seconds: float) -> RefreshOutcome:
    """A source the refresh had no time left for, recorded as failed so that its page says so."""
    error = PxWebDeadline(
        gettext("not fetched: the refresh's time limit of %(seconds)s s ran out before this source's turn")
        % {"seconds": format_seconds(seconds)}
    )
    return _failed(user, source, client.table_url(source.table_id), error, timezone.now())


def _failed(user, source, origin, error, now) -> RefreshOutcome:
    run = error.run if isinstance(error, StatisticsImportError) else None
    # Some errors (MemoryError) have no words of their own.
    message = str(error) or type(error).__name__
    if run is None:
        run = record_failure(origin, message, user=user, configured_source=source)
    source.last_checked_at = now
    source.last_error = message
    source.last_error_at = now
    Source.objects.filter(pk=source.pk).update(last_checked_at=now, last_error=message, last_error_at=now)
    return RefreshOutcome(source, "failed", run=run, message=message)


def fetch_now(user, source: Source) -> RefreshOutcome:
    """A coordinator's "fetch now": the source's refresh, run at once against the configured service
    within the deadline of one source (STATISTICS_SOURCE_DEADLINE)."""
    with PxWebClient() as client:
        return refresh_source(user, source, client=client, deadline=settings.STATISTICS_SOURCE_DEADLINE)


def last_fetches(sources) -> dict:
    """{table id: (fetched at, table source)}: when the figures of each source's table were last
    fetched or imported here, whoever did it (a refresh, an import of a file, the demo)."""
    fetched = {}
    for table_id, kind, at in Table.objects.filter(
        table_id__in={source.table_id for source in sources}, fetched_at__isnull=False
    ).values_list("table_id", "source", "fetched_at"):
        if table_id not in fetched or at > fetched[table_id][0]:
            fetched[table_id] = (at, Table.Source(kind).label)
    return fetched
