"""Invented demo tables shaped like StatFin 11re (population), 11yq (enterprise openings and closures)
and the bankruptcy statistics, for the business-life part of the situational picture.

Like the demo table 12r5 (verkko.situation.demo), each goes through the statistics store as source
"demo" and is marked invented on screen; a real table of the same id (or, for the bankruptcies,
of the same subject) replaces it. Deterministic (seeded) and safe to load again.
"""

import random

from verkko.ecosystem.models import Municipality
from verkko.situation.business import ENTERPRISE_TABLE, POPULATION_TABLE
from verkko.situation.figures import add_months
from verkko.situation.measures import COUNTRY_CODE
from verkko.stats import periods
from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension
from verkko.stats.models import Frequency, Table
from verkko.stats.store import import_dataset

SEED = 15_2026
SUPPRESSED = ".."
DEMO_ORIGIN = "load_demo: verkko.situation.business_demo (invented figures)"
POPULATION_YEARS = 6
ENTERPRISE_QUARTERS = 16
BANKRUPTCY_MONTHS = 36
# The bankruptcy statistics' own table is found by search; the demo stands in under an id of its own.
BANKRUPTCY_DEMO_TABLE = "konkurssit-demo"
AGES = [f"{age:03d}" for age in range(100)] + ["100-"]


def area_dimension(profiles):
    """The area dimension of an invented table, named as StatFin names its areas."""
    names = dict(Municipality.objects.filter(code__in=[c[2:] for c in profiles]).values_list("code", "name_fi"))
    return Dimension(
        "alue_23_20260101",
        "Alue",
        list(profiles),
        [names.get(code[2:], "KOKO MAA" if code == COUNTRY_CODE else code) for code in profiles],
        role=ROLE_AREA,
    )


def _age_weight(age):
    """An invented age pyramid: fewer children than adults, few very old."""
    if age < 20:
        return 1.0
    if age < 65:
        return 1.15
    return max(0.02, 1.1 - 0.035 * (age - 65))


def population_dataset(latest, profiles, years=POPULATION_YEARS):
    """11re's shape: area × age (1-year, with a total) × sex (with a total) × year × content."""
    last_year = latest.year - 1  # the population at the end of a year is published in the spring after it
    year_codes = [str(year) for year in range(last_year - years + 1, last_year + 1)]
    ages = Dimension(
        "ikaryhma_10_20180101",
        "Ikä",
        ["SSS", *AGES],
        ["Yhteensä"] + [str(int(a)) for a in AGES[:-1]] + ["100 -"],
        role=ROLE_OTHER,
    )
    sexes = Dimension("sukupuoli_9_20180101", "Sukupuoli", ["SSS", "1", "2"], ["Yhteensä", "Miehet", "Naiset"])
    time_dimension = Dimension("timeperiod_y", "Vuosi", year_codes, year_codes, role=ROLE_TIME)
    contents = Dimension(
        "contentscode",
        "Tiedot",
        ["vaerak-vaesto"],
        ["Väestö 31.12."],
        role=ROLE_CONTENT,
        units={"vaerak-vaesto": "henkilöä"},
    )
    weights = [_age_weight(age) for age in range(len(AGES))]
    total_weight = sum(weights)
    rng = random.Random(f"{SEED}-population")
    cells = {}  # (area, age, sex, year) → value
    for area_code, profile in profiles.items():
        base = profile.labour_force * 1.9
        growth = rng.uniform(-0.012, 0.015)
        for index, year in enumerate(year_codes):
            people = base * (1 + growth) ** (index - len(year_codes) + 1)
            for age_index, age in enumerate(AGES):
                share = weights[age_index] / total_weight
                men = round(people * share * rng.uniform(0.49, 0.52))
                women = round(people * share * rng.uniform(0.48, 0.51))
                cells[(area_code, age, "1", year)] = men
                cells[(area_code, age, "2", year)] = women
            for sex in ("1", "2"):
                cells[(area_code, "SSS", sex, year)] = sum(cells[(area_code, age, sex, year)] for age in AGES)
            for age in ["SSS", *AGES]:
                cells[(area_code, age, "SSS", year)] = (
                    cells[(area_code, age, "1", year)] + cells[(area_code, age, "2", year)]
                )
    values = [
        cells[(area_code, age, sex, year)]
        for area_code in profiles
        for age in ages.codes
        for sex in sexes.codes
        for year in year_codes
    ]
    return Dataset.from_values(
        [area_dimension(profiles), ages, sexes, time_dimension, contents],
        values,
        [""] * len(values),
        table_id=POPULATION_TABLE,
        title="Väestö iän (1-v.) ja sukupuolen mukaan alueittain (keksityt esimerkkiluvut)",
    )


def _quarters(latest, count):
    """The last `count` quarters that would be published by the month `latest`: a quarter's figures
    come out about four months after it ends."""
    last = periods.containing(add_months(latest, -4), Frequency.QUARTERLY)
    return [periods.shift_months(last, -3 * (count - 1 - index)) for index in range(count)]


INDUSTRIES = [
    ("SSS", "Kaikki toimialat"),
    ("C", "Teollisuus"),
    ("F", "Rakentaminen"),
    ("G", "Tukku- ja vähittäiskauppa"),
]
INDUSTRY_SHARES = {"C": 0.08, "F": 0.16, "G": 0.17}


def enterprise_dataset(latest, profiles, quarters=ENTERPRISE_QUARTERS):
    """11yq's shape: area × industry (with a total) × quarter × content (openings, closures, stock)."""
    days = _quarters(latest, quarters)
    codes = [periods.code(day, Frequency.QUARTERLY) for day in days]
    industries = Dimension("toimiala", "Toimiala", [c for c, _ in INDUSTRIES], [label for _, label in INDUSTRIES])
    time_dimension = Dimension("timeperiod_q", "Vuosineljännes", codes, codes, role=ROLE_TIME)
    contents = Dimension(
        "contentscode",
        "Tiedot",
        ["aloittaneet", "lopettaneet", "kanta"],
        ["Aloittaneet yritykset (lkm)", "Lopettaneet yritykset (lkm)", "Yrityskanta (lkm)"],
        role=ROLE_CONTENT,
    )
    rng = random.Random(f"{SEED}-enterprises")
    cells = {}
    for area_code, profile in profiles.items():
        stock = profile.labour_force * 0.11
        for day, code in zip(days, codes, strict=True):
            season = 1.25 if day.month == 1 else (0.85 if day.month == 7 else 1.0)
            parts = {}
            for industry, share in INDUSTRY_SHARES.items():
                parts[industry] = (
                    round(stock * share * 0.03 * season * rng.uniform(0.7, 1.3)),
                    round(stock * share * 0.024 * rng.uniform(0.7, 1.3)),
                    round(stock * share),
                )
            other = (
                round(stock * 0.59 * 0.03 * season * rng.uniform(0.8, 1.2)),
                round(stock * 0.59 * 0.024 * rng.uniform(0.8, 1.2)),
                round(stock * 0.59),
            )
            total = tuple(sum(values) for values in zip(*parts.values(), other, strict=True))
            for industry, triple in [("SSS", total), *parts.items()]:
                for position, content in enumerate(contents.codes):
                    value = triple[position]
                    if profile.suppresses_small_cells and industry != "SSS" and content != "kanta" and value < 3:
                        value = None
                    cells[(area_code, industry, code, content)] = value
    values = [
        cells[(area_code, industry, code, content)]
        for area_code in profiles
        for industry in industries.codes
        for code in codes
        for content in contents.codes
    ]
    return Dataset.from_values(
        [area_dimension(profiles), industries, time_dimension, contents],
        values,
        [SUPPRESSED if value is None else "" for value in values],
        table_id=ENTERPRISE_TABLE,
        title="Aloittaneet ja lopettaneet yritykset kunnittain neljännesvuosittain (keksityt esimerkkiluvut)",
    )


def bankruptcy_dataset(latest, profiles, months=BANKRUPTCY_MONTHS):
    """The bankruptcy statistics' shape: area × industry (with a total) × month × content."""
    first = add_months(latest, -(months - 1))
    days = [add_months(first, index) for index in range(months)]
    codes = [periods.code(day, Frequency.MONTHLY) for day in days]
    industries = Dimension("toimiala", "Toimiala", [c for c, _ in INDUSTRIES], [label for _, label in INDUSTRIES])
    time_dimension = Dimension("timeperiod_m", "Kuukausi", codes, codes, role=ROLE_TIME)
    contents = Dimension(
        "contentscode",
        "Tiedot",
        ["konkurssit", "henkilokunta"],
        ["Vireille pannut konkurssit (lkm)", "Konkurssiin haettujen yritysten henkilökunta (lkm)"],
        role=ROLE_CONTENT,
    )
    rng = random.Random(f"{SEED}-bankruptcies")
    cells = {}
    for area_code, profile in profiles.items():
        usual = profile.labour_force * 0.00012
        for day, code in zip(days, codes, strict=True):
            slump = 1.0 + 0.08 * max(0, day.year - 2023)
            parts = {
                industry: round(usual * share * slump * rng.uniform(0, 2))
                for industry, share in INDUSTRY_SHARES.items()
            }
            other = round(usual * 0.59 * slump * rng.uniform(0, 2))
            total = sum(parts.values()) + other
            for industry, count in [("SSS", total), *parts.items()]:
                cells[(area_code, industry, code, "konkurssit")] = count
                cells[(area_code, industry, code, "henkilokunta")] = round(count * rng.uniform(2, 6))
    values = [
        cells[(area_code, industry, code, content)]
        for area_code in profiles
        for industry in industries.codes
        for code in codes
        for content in contents.codes
    ]
    return Dataset.from_values(
        [area_dimension(profiles), industries, time_dimension, contents],
        values,
        [""] * len(values),
        table_id=BANKRUPTCY_DEMO_TABLE,
        title="Vireille pannut konkurssit kunnittain kuukausittain (keksityt esimerkkiluvut)",
    )


def load_tables(stdout, latest, profiles):
    """Stores the three invented tables through the statistics store, like any import."""
    for dataset in (
        population_dataset(latest, profiles),
        enterprise_dataset(latest, profiles),
        bankruptcy_dataset(latest, profiles),
    ):
        run = import_dataset(dataset, source=Table.Source.DEMO, origin=DEMO_ORIGIN)
        stdout.write(
            f"Demo statistics (invented): table {run.table.table_id}, {run.series_count} series, "
            f"{run.observations} observations ({run.rows_new} new, {run.rows_changed} changed)."
        )
