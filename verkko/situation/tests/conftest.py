"""Fixtures of the situational picture: a small table 12r5 for the test area (Oulu 564 + Kempele 244).

The figures are chosen so that sums, rates from sums and changes can be computed by hand. The
second area (other_area, /fi/rannikko/: Raahe 678 + Siikajoki 748) has figures of its own in
OTHER_FIGURES, and ROLES is every role each view is tested with, the outsiders included.
"""

from datetime import date

import pytest
from django.core.cache import cache
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.situation.models import Review, Signal
from verkko.stats.models import Observation, Series, Table

# Everyone a view's role matrix is tested with: the roles of the area, the public and the
# members, editors and coordinators of another area, who get here what the public gets.
PARTNERS = ["coordinator", "partner_editor", "partner_member", "editor_b"]
ROLES = [*PARTNERS, "public", *OUTSIDERS]
NOT_PARTNERS = ["public", *OUTSIDERS]

LATEST = date(2026, 10, 1)
PREVIOUS = date(2026, 9, 1)
YEAR_AGO = date(2025, 10, 1)

# {area code: {content code: {month: value}}}; None is a suppressed cell.
FIGURES = {
    "KU564": {
        "TYOTTOMATLOPUSSA": {YEAR_AGO: 9000, PREVIOUS: 9800, LATEST: 10000},
        "TYOVOIMATK": {YEAR_AGO: 80000, PREVIOUS: 80000, LATEST: 80000},
        "TYOTTOMATULK": {YEAR_AGO: 700, PREVIOUS: 760, LATEST: 800},
        "TYOTTOMAT25": {YEAR_AGO: 1100, PREVIOUS: 1150, LATEST: 1200},
        "AVPAIKATLOPUSSA": {YEAR_AGO: 2500, PREVIOUS: 2100, LATEST: 2000},
    },
    "KU244": {
        "TYOTTOMATLOPUSSA": {YEAR_AGO: 950, PREVIOUS: 880, LATEST: 900},
        "TYOVOIMATK": {YEAR_AGO: 9000, PREVIOUS: 9000, LATEST: 9000},
        "TYOTTOMATULK": {YEAR_AGO: 30, PREVIOUS: 31, LATEST: None},
        "TYOTTOMAT25": {YEAR_AGO: 100, PREVIOUS: 105, LATEST: 110},
        "AVPAIKATLOPUSSA": {YEAR_AGO: 300, PREVIOUS: 260, LATEST: 250},
    },
    "SSS": {
        "TYOTTOMATLOPUSSA": {YEAR_AGO: 290000, PREVIOUS: 300000, LATEST: 310000},
        "TYOVOIMATK": {YEAR_AGO: 2700000, PREVIOUS: 2700000, LATEST: 2700000},
        "TYOTTOMATULK": {YEAR_AGO: 30000, PREVIOUS: 32000, LATEST: 33000},
        "TYOTTOMAT25": {YEAR_AGO: 36000, PREVIOUS: 37000, LATEST: 38000},
        "AVPAIKATLOPUSSA": {YEAR_AGO: 45000, PREVIOUS: 41000, LATEST: 40000},
    },
}


# The second area's municipalities: Raahe 5 000 of 50 000, Siikajoki 300 of 4 000 in October 2026.
OTHER_FIGURES = {
    "KU678": {
        "TYOTTOMATLOPUSSA": {YEAR_AGO: 4800, PREVIOUS: 4900, LATEST: 5000},
        "TYOVOIMATK": {YEAR_AGO: 50000, PREVIOUS: 50000, LATEST: 50000},
    },
    "KU748": {
        "TYOTTOMATLOPUSSA": {YEAR_AGO: 280, PREVIOUS: 290, LATEST: 300},
        "TYOVOIMATK": {YEAR_AGO: 4000, PREVIOUS: 4000, LATEST: 4000},
    },
}


@pytest.fixture
def person(request):
    """person(name): the user of a role fixture, or None for the public."""

    def get(name):
        return None if name == "public" else request.getfixturevalue(name)

    return get


@pytest.fixture
def client_as(client_for, person):
    """client_as(role name): a test client signed in in that role (the public signed out)."""

    def make(name):
        return client_for(person(name))

    return make


@pytest.fixture(autouse=True)
def empty_cache():
    """Pages cache their statistics by the data's version; each test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


def period_code(day):
    return f"{day.year}M{day.month:02d}"


def add_figures(table, figures):
    """Writes {area code: {content code: {month: value}}} into the table."""
    for area_code, by_content in figures.items():
        for content_code, values in by_content.items():
            series, _ = Series.objects.get_or_create(
                table=table,
                key=f"alue={area_code};contentscode={content_code}",
                defaults={"area_code": area_code, "measure_code": content_code},
            )
            Observation.objects.bulk_create(
                Observation(
                    series=series,
                    period=month,
                    period_code=period_code(month),
                    value=value,
                    status=".." if value is None else "",
                )
                for month, value in values.items()
            )


def make_table(source=Table.Source.STATFIN, figures=FIGURES, **fields):
    table = Table.objects.create(
        source=source,
        table_id="12r5",
        title="Työnvälitystilaston kuukausitiedot",
        updated=timezone.make_aware(timezone.datetime(2026, 11, 25, 8, 0)),
        fetched_at=timezone.make_aware(timezone.datetime(2026, 11, 26, 3, 15)),
        **fields,
    )
    add_figures(table, figures)
    return table


@pytest.fixture
def table(area):
    return make_table()


@pytest.fixture
def demo_table(area):
    return make_table(source=Table.Source.DEMO)


@pytest.fixture
def make_signal(area, organization_a):
    """make_signal(**fields): a signal of the test area, verified and public unless told otherwise."""

    def make(**fields):
        values = {
            "area": area,
            "kind": Signal.Kind.RECRUITMENT,
            "municipality": area.municipalities.get(code="564"),
            "date": LATEST.replace(day=12),
            "source": "Yrityskäynti",
            "description": "Konepaja tarvitsee hitsaajia.",
            "visibility": "public",
            "organization": organization_a,
            "status": Signal.Status.VERIFIED,
        }
        values.update(fields)
        return Signal.objects.create(**values)

    return make


@pytest.fixture
def other_table(table, other_area):
    """The test table with the second area's figures as well."""
    add_figures(table, OTHER_FIGURES)
    return table


@pytest.fixture
def make_other_signal(other_area, other_organization):
    """make_other_signal(**fields): a signal of the second area, verified and public unless told otherwise."""

    def make(**fields):
        values = {
            "area": other_area,
            "kind": Signal.Kind.LAYOFFS,
            "municipality": other_area.municipalities.get(code="678"),
            "date": LATEST.replace(day=9),
            "source": "Paikallislehti",
            "description": "Rannikon telakka lomauttaa.",
            "visibility": "public",
            "organization": other_organization,
            "status": Signal.Status.VERIFIED,
        }
        values.update(fields)
        return Signal.objects.create(**values)

    return make


@pytest.fixture
def make_review(area):
    """make_review(**fields): a draft review of the test area for October 2026 unless told otherwise."""

    def make(**fields):
        values = {
            "area": area,
            "month": LATEST,
            "title_fi": "Työllisyyskatsaus 10/2026",
            "title_sv": "Sysselsättningsöversikt 10/2026",
            "title_en": "Employment review 10/2026",
            "text_fi": "Työttömiä oli 10 900.",
            "text_sv": "Arbetslösa var 10 900.",
            "text_en": "There were 10,900 unemployed.",
        }
        values.update(fields)
        return Review.objects.create(**values)

    return make
