"""Invented demo statistics shaped like StatFin table 12r5, demo signals and a published demo review.

Statistics Finland cannot be reached from every machine; then the pages show this table
(source "demo"), and say on screen that the figures are invented. When `refresh_statistics`
has imported the real table (source "statfin"), the pages use it instead.

Deterministic (seeded) and safe to load again: the table goes through the statistics store
(verkko.stats.store), which updates the cells in place and records an ImportRun like any import;
signals and the review are updated in place.
"""

import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from verkko.accounts.models import User
from verkko.ecosystem import demo as ecosystem_demo
from verkko.ecosystem.models import Municipality, ReferenceArea
from verkko.situation import business_demo, skills_demo
from verkko.situation.figures import add_months, period_code
from verkko.situation.measures import (
    COUNTRY_CODE,
    KEY_MEASURES,
    LABOUR_FORCE,
    TABLE_ID,
    UNEMPLOYED,
    UNEMPLOYMENT_RATE,
    content_labels,
)
from verkko.situation.models import Industry, OccupationGroup, Review, Signal
from verkko.situation.review import review_fields
from verkko.stats.actions import create_default_sources
from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset, Dimension
from verkko.stats.models import Table
from verkko.stats.store import import_dataset

YEARS = 7
SEED = 12_2026
SUPPRESSED = ".."
# Subgroups so small in small municipalities that the demo suppresses them when below five.
SMALL_SUBGROUPS = {"TYOTTOMAT20", "TYOTTOMATULK", "LYHTYOVKO", "KOKEILULOP", "TYOHARJOITTELULOP"}
DEMO_ORIGIN = "load_demo: verkko.situation.demo (invented figures)"
DEMO_NAMESPACE = uuid.UUID("6f0c7c52-2b8e-4d0e-9a43-3c1b2a5d9e10")


@dataclass(frozen=True)
class Profile:
    """An area's invented shape: labour force, usual unemployment rate, share of foreign nationals."""

    labour_force: int
    rate: float
    foreign_share: float = 0.03
    suppresses_small_cells: bool = False


# Labour forces and rates roughly of the size of the real municipalities; the values are invented.
PROFILES = {
    "KU072": Profile(420, 10.0, 0.02, True),
    "KU139": Profile(4100, 11.5),
    "KU244": Profile(9300, 8.8, 0.04),
    "KU425": Profile(4900, 7.2),
    "KU436": Profile(880, 8.0, 0.02, True),
    "KU494": Profile(3700, 11.0),
    "KU564": Profile(106000, 12.4, 0.10),
    "KU615": Profile(3100, 14.0),
    "KU859": Profile(2900, 6.9),
    "KU889": Profile(1050, 13.0, 0.02, True),
    "KU785": Profile(1000, 15.5, 0.02, True),
    COUNTRY_CODE: Profile(2_650_000, 10.6, 0.11),
    # The invented second area (verkko.ecosystem.demo.OTHER_AREA_MUNICIPALITIES): Raahe, Siikajoki, Pyhäjoki.
    "KU678": Profile(11200, 9.6, 0.03),
    "KU748": Profile(2300, 8.4, 0.02, True),
    "KU625": Profile(1300, 10.8, 0.02, True),
}
assert {f"KU{code}" for code in ecosystem_demo.OTHER_AREA_MUNICIPALITIES} <= set(PROFILES)

# Unemployment peaks in winter and in July, dips in May and in the autumn.
SEASON = [1.08, 1.06, 1.02, 0.98, 0.94, 1.03, 1.09, 0.99, 0.93, 0.94, 0.98, 1.05]
VACANCY_SEASON = [0.9, 1.05, 1.25, 1.3, 1.2, 0.95, 0.75, 0.9, 1.05, 1.0, 0.85, 0.7]
LAYOFF_SEASON = [1.35, 1.3, 1.1, 0.95, 0.85, 1.0, 1.45, 1.0, 0.85, 0.9, 1.0, 1.25]
TRAINING_SEASON = [1.0, 1.1, 1.1, 1.0, 0.8, 0.5, 0.4, 0.8, 1.2, 1.25, 1.2, 0.9]


def business_cycle(day):
    """The invented economy: a lay-off spike in spring 2020, good times in 2022, a slump from 2024."""
    if date(2020, 4, 1) <= day <= date(2020, 12, 1):
        return 1.35 if day.month in (4, 5) else 1.18
    if day.year == 2021:
        return 1.08
    if day.year in (2022, 2023):
        return 0.9
    if day.year >= 2024:
        return 1.0 + 0.06 * min(day.year - 2023, 3)
    return 1.0


def latest_full_month(today=None):
    today = today or timezone.localdate()
    return add_months(date(today.year, today.month, 1), -1)


def months_back(latest, years):
    first = add_months(latest, -(years * 12) + 1)
    return [add_months(first, index) for index in range(years * 12)]


def monthly_values(profile, day, rng):
    """{content code: value or None} of every 12r5 content for one area and month."""
    cycle = business_cycle(day)
    noise = 1 + rng.uniform(-0.025, 0.025)
    labour_force = round(profile.labour_force * (1 + 0.003 * (day.year - 2020)))
    unemployed = round(labour_force * profile.rate / 100 * SEASON[day.month - 1] * cycle * noise)
    summer_youth = 1.5 if day.month in (6, 7) else 1.0
    layoff_spike = 6.0 if day.year == 2020 and day.month in (4, 5) else 1.0
    men = round(unemployed * rng.uniform(0.55, 0.59))
    values = {
        "HAKIJALOPUSSA": round(unemployed * 1.85),
        UNEMPLOYED: unemployed,
        LABOUR_FORCE: labour_force,
        UNEMPLOYMENT_RATE: round(100 * unemployed / labour_force, 1),
        "TYOTTOMATMIEHET": men,
        "TYOTTOMATNAISET": unemployed - men,
        "TYOTTOMAT20": round(unemployed * 0.035 * summer_youth),
        "TYOTTOMAT25": round(unemployed * 0.12 * (1.25 if day.month in (6, 7) else 1.0)),
        "TYOTTOMAT50": round(unemployed * rng.uniform(0.35, 0.38)),
        "TYOTTOMATSAIR": round(unemployed * 0.09),
        "TYOTTOMATULK": round(unemployed * profile.foreign_share * 1.8),
        "PITKAAIKAISTYOTTOMAT": round(unemployed / SEASON[day.month - 1] * 0.33 * (1 + 0.05 * (cycle - 1))),
        "KASSASSA": round(unemployed * 0.62),
        "LOMAUTETTU": round(labour_force * 0.006 * LAYOFF_SEASON[day.month - 1] * cycle * layoff_spike * noise),
        "LYHTYOVKO": round(labour_force * 0.0008 * cycle * layoff_spike),
        "TYOLLISTETTYLOP": round(unemployed * 0.06),
        "TYOHARJOITTELULOP": round(unemployed * 0.015),
        "KOKEILULOP": round(unemployed * 0.01),
        "TVKOULUTUSLOP": round(unemployed * 0.07 * TRAINING_SEASON[day.month - 1]),
        "VALMENNUSLOP": round(unemployed * 0.03),
        "MTPPALVELUTLOP": round(unemployed * 0.04),
        "AVPAIKATLOPUSSA": round(labour_force * 0.018 * VACANCY_SEASON[day.month - 1] / cycle * noise),
        "UUDETAVP": round(labour_force * 0.014 * VACANCY_SEASON[day.month - 1] / cycle * noise),
    }
    if profile.suppresses_small_cells:
        for code in SMALL_SUBGROUPS:
            if values[code] < 5:
                values[code] = None
    return values


def invented_profile(area_code, is_host=False):
    """A municipality's invented shape, the same on every load: for the comparison of employment areas.

    An area's host municipality (usually its town) is drawn larger than the others.
    """
    rng = random.Random(f"{SEED}-{area_code}")
    smallest, largest = (15_000, 150_000) if is_host else (600, 20_000)
    labour_force = round(math.exp(rng.uniform(math.log(smallest), math.log(largest))))
    return Profile(labour_force, round(rng.uniform(6.0, 14.5), 1), 0.03, labour_force < 1500)


def classification_profiles():
    """Every other municipality of the employment areas' classification, so that every area compares."""
    hosts = set(ReferenceArea.objects.values_list("host_municipality__code", flat=True))
    codes = Municipality.objects.filter(reference_area__isnull=False).values_list("code", flat=True)
    return {
        f"KU{code}": invented_profile(f"KU{code}", code in hosts)
        for code in sorted(codes)
        if f"KU{code}" not in PROFILES
    }


def demo_dataset(latest, years=YEARS, profiles=PROFILES, latest_only=False):
    """The demo table 12r5 as a reader would give it: every content for the given areas, monthly.

    latest_only: the latest month and the contents of the key figures only (what the comparison
    of employment areas reads).
    """
    months = [latest] if latest_only else months_back(latest, years)
    labels = content_labels()
    if latest_only:
        key_contents = {code for measure in KEY_MEASURES for code in measure.content_codes}
        labels = {code: label for code, label in labels.items() if code in key_contents}
    names = dict(Municipality.objects.filter(code__in=[c[2:] for c in profiles]).values_list("code", "name_fi"))
    areas = Dimension(
        "alue",
        "Alue",
        list(profiles),
        [names.get(code[2:], "KOKO MAA" if code == COUNTRY_CODE else code) for code in profiles],
        role=ROLE_AREA,
    )
    contents = Dimension(
        "contentscode",
        "Tiedot",
        list(labels),
        [label["fi"] for label in labels.values()],
        role=ROLE_CONTENT,
        units={code: "%" if code == UNEMPLOYMENT_RATE else "lkm" for code in labels},
        decimals={code: 1 if code == UNEMPLOYMENT_RATE else 0 for code in labels},
    )
    codes = [period_code(day) for day in months]
    time_dimension = Dimension("kuukausi", "Kuukausi", codes, codes, role=ROLE_TIME)
    # Storage order: area, then content, then month fastest; one area's months are drawn in turn.
    rng = random.Random(SEED)
    values, statuses = [], []
    for profile in profiles.values():
        by_month = [monthly_values(profile, day, rng) for day in months]
        for code in labels:
            for month_values in by_month:
                value = month_values[code]
                values.append(value)
                statuses.append(SUPPRESSED if value is None else "")
    return Dataset.from_values(
        [areas, contents, time_dimension],
        values,
        statuses,
        table_id=TABLE_ID,
        title="Työnvälitystilaston kuukausitiedot kunnittain (keksityt esimerkkiluvut)",
        updated=published(latest),
    )


def published(latest, now=None):
    """When Statistics Finland would publish the month: about the 25th of the next month, never in the future."""
    usual = timezone.make_aware(datetime.combine(add_months(latest, 1) + timedelta(days=24), time(8, 0)))
    return min(usual, now or timezone.now())


def load_table(stdout, latest=None, years=YEARS):
    """Stores the demo table through the statistics store, like any import (an ImportRun records it).

    The demo areas' municipalities and the country have every month of the years; every other
    municipality of the classification has the latest month only, enough for the comparison of
    employment areas and cheap to load.
    """
    latest = latest or latest_full_month()
    dataset = demo_dataset(latest, years)
    parts = [dataset]
    others = classification_profiles()
    if others:
        parts.append(demo_dataset(latest, profiles=others, latest_only=True))
    run = import_dataset(parts, source=Table.Source.DEMO, origin=DEMO_ORIGIN)
    periods = dataset.time_dimension.codes
    stdout.write(
        f"Demo statistics (invented): table {TABLE_ID}, {run.series_count} series, {run.observations} observations "
        f"({run.rows_new} new, {run.rows_changed} changed), {periods[0]}–{periods[-1]}."
    )
    return run.table


# (key, kind, municipality code, industry, occupation group, headcount, months before the latest, day,
#  visibility, verified, reporter, source, description)
DEMO_SIGNALS = [
    (
        "recruitment-care",
        Signal.Kind.RECRUITMENT,
        "564",
        Industry.Q,
        OccupationGroup.SERVICE_AND_SALES,
        40,
        0,
        6,
        "public",
        True,
        "coordinator@example.com",
        "Yrityskäynti (keksitty esimerkki)",
        "Hoiva-alan yritys kertoo tarvitsevansa noin 40 lähihoitajaa kevään aikana.",
    ),
    (
        "layoffs-manufacturing",
        Signal.Kind.LAYOFFS,
        "564",
        Industry.C,
        OccupationGroup.CRAFT,
        85,
        0,
        14,
        "public",
        True,
        "coordinator@example.com",
        "Yrityksen tiedote (keksitty esimerkki)",
        "Konepajayritys aloittaa muutosneuvottelut; lomautusuhan alla noin 85 henkilöä.",
    ),
    (
        "skills-ict",
        Signal.Kind.SKILLS_SHORTAGE,
        "244",
        Industry.J,
        OccupationGroup.PROFESSIONALS,
        None,
        0,
        20,
        "partners",
        True,
        "editor@example.com",
        "Oppilaitoksen työelämäyhteistyö (keksitty esimerkki)",
        "Ohjelmistoyritykset kertovat pulasta sulautettujen järjestelmien osaajista.",
    ),
    (
        "opening-retail",
        Signal.Kind.OPENING,
        "425",
        Industry.G,
        OccupationGroup.SERVICE_AND_SALES,
        25,
        1,
        10,
        "public",
        True,
        "coordinator@example.com",
        "Kunnan elinkeinopalvelut (keksitty esimerkki)",
        "Uusi päivittäistavarakauppa avautuu ja rekrytoi noin 25 työntekijää.",
    ),
    (
        "closure-sawmill",
        Signal.Kind.CLOSURE,
        "615",
        Industry.C,
        OccupationGroup.OPERATORS,
        30,
        2,
        3,
        "public",
        True,
        "coordinator@example.com",
        "Paikallislehti (keksitty esimerkki)",
        "Pieni saha lopettaa toimintansa vuodenvaihteessa.",
    ),
    (
        "recruitment-construction",
        Signal.Kind.RECRUITMENT,
        "564",
        Industry.F,
        OccupationGroup.CRAFT,
        None,
        -1,
        2,
        "partners",
        False,
        "editor@example.com",
        "Alan oppilaitoksen yhteistyöverkosto (keksitty esimerkki)",
        "Rakennusliikkeet ennakoivat kevään rekrytointitarvetta; luku ei vielä tiedossa.",
    ),
    # With "recruitment-care" (5) and "skills-ict" (2) it meets occupations the invented 12ti lacks most.
    (
        "skills-welding",
        Signal.Kind.SKILLS_SHORTAGE,
        "244",
        Industry.C,
        OccupationGroup.CRAFT,
        None,
        0,
        6,
        "public",
        True,
        "editor@example.com",
        "Yrittäjäjärjestön kysely (keksitty esimerkki)",
        "Konepajat kertovat, että hitsaajista ja koneistajista on pulaa koko alueella.",
    ),
]


# The invented second area's signal: for its partners only, so that the boundary between areas shows.
OTHER_AREA_SIGNALS = [
    (
        "rannikko-skills-welding",
        Signal.Kind.SKILLS_SHORTAGE,
        "678",
        Industry.C,
        OccupationGroup.CRAFT,
        30,
        0,
        8,
        "partners",
        True,
        ecosystem_demo.OTHER_AREA_COORDINATOR,
        "Yrityskäynti (keksitty esimerkki)",
        "Terästeollisuuden alihankkija kertoo tarvitsevansa noin 30 hitsaajaa ja levyseppää; "
        "tieto on vain alueen kumppaneille.",
    ),
]


def load_signals(stdout, latest):
    """The signals of both demo areas, each checked by its own area's coordinator."""
    areas = [
        (ecosystem_demo.area(), "coordinator@example.com", DEMO_SIGNALS),
        (ecosystem_demo.other_area(), ecosystem_demo.OTHER_AREA_COORDINATOR, OTHER_AREA_SIGNALS),
    ]
    emails = {s[10] for s in DEMO_SIGNALS + OTHER_AREA_SIGNALS} | {email for _area, email, _signals in areas}
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    for area, coordinator_email, signals in areas:
        _load_area_signals(area, users, users.get(coordinator_email), signals, latest)
    stdout.write(f"Demo signals (invented): {len(DEMO_SIGNALS) + len(OTHER_AREA_SIGNALS)}.")


def _load_area_signals(area, users, coordinator, signals, latest):
    for (
        key,
        kind,
        municipality_code,
        industry,
        occupation,
        headcount,
        months_before,
        day,
        visibility,
        verified,
        reporter_email,
        source,
        description,
    ) in signals:
        month = add_months(latest, -months_before)
        reporter = users.get(reporter_email)
        own = reporter.memberships.filter(organization__area=area).first() if reporter else None
        organisation = own.organization if own else area.organizations.order_by("pk").first()
        signal, _created = Signal.objects.update_or_create(
            uuid=uuid.uuid5(DEMO_NAMESPACE, key),
            defaults={
                "area": area,
                "kind": kind,
                "municipality": Municipality.objects.get(code=municipality_code, area=area),
                "industry": industry,
                "occupation_group": occupation,
                "headcount": headcount,
                "date": month.replace(day=day),
                "source": source,
                "description": description,
                "visibility": visibility,
                "reporter": reporter,
                "organization": organisation,
                "status": Signal.Status.VERIFIED if verified else Signal.Status.SUBMITTED,
                "checked_by": coordinator if verified else None,
                "is_demo": True,
            },
        )
        # The check time is set once, so loading again leaves no change in the signal's history.
        Signal.objects.filter(uuid=signal.uuid, checked_at__isnull=True, status=Signal.Status.VERIFIED).update(
            checked_at=timezone.now()
        )


def load_review(stdout, table, latest):
    """A published review of each demo area's latest month."""
    for area in (ecosystem_demo.area(), ecosystem_demo.other_area()):
        fields = {**review_fields(table, area, latest), "status": Review.Status.PUBLISHED}
        # Published once: loading again changes the review only where its figures changed.
        Review.objects.update_or_create(
            area=area, month=latest, defaults=fields, create_defaults={**fields, "published_at": timezone.now()}
        )
    stdout.write(f"Demo reviews (invented figures): {period_code(latest)}, published.")


def load(stdout):
    latest = latest_full_month()
    # The real tables `refresh_statistics` fetches for the areas; until then the demo table serves.
    for area in (ecosystem_demo.area(), ecosystem_demo.other_area()):
        create_default_sources(None, area)
    table = load_table(stdout, latest)
    business_demo.load_tables(stdout, latest, PROFILES)
    skills_demo.load_table(stdout, latest, PROFILES)
    load_signals(stdout, latest)
    load_review(stdout, table, latest)
