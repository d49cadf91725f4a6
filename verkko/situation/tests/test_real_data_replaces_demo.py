"""Real data replaces the demo: table 12r5 imported from a file with `manage.py import_statistics`
(source statfin) or fetched with `refresh_statistics` takes over every statistics page from the
invented demo table, and the demo notice disappears."""

import io

import orjson
import pytest
from django.core.management import call_command
from django.utils import timezone

from verkko.ecosystem.models import EmploymentArea
from verkko.situation import demo
from verkko.situation.figures import add_months, period_code
from verkko.situation.models import Review
from verkko.stats.models import ImportRun, Source, Table

DEMO_NOTICE = "Luvut ovat keksittyjä esimerkkilukuja"
PAGES = ["/fi/oulu/situation/", "/fi/oulu/situation/municipalities/", "/fi/oulu/situation/564/"]
# The Oulu area's municipalities in the demo, and the whole country.
AREA_CODES = [code for code in demo.PROFILES if code != "SSS"]


def statfin_12r5_document(months):
    """A json-stat2 answer shaped like PxWeb's for table 12r5 since June 2026 (new variable codes).

    Each municipality has 1 000 unemployed and 10 000 in the labour force every month, so the
    area's 11 municipalities sum to 11 000 and its rate is 10,0 %.
    """
    areas = [*AREA_CODES, "SSS"]
    contents = ["TYOTTOMATLOPUSSA", "TYOVOIMATK"]
    times = [period_code(month) for month in months]
    values = []
    for area in areas:
        for month_index in range(len(times)):
            for content in contents:
                if area == "SSS":
                    values.append(250_000 if content == "TYOTTOMATLOPUSSA" else 2_600_000)
                else:
                    values.append(1000 + month_index if content == "TYOTTOMATLOPUSSA" else 10_000)
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "Työnvälitystilaston kuukausitiedot kunnittain",
        "source": "Tilastokeskus, työnvälitystilasto",
        "updated": "2026-11-25T06:00:00Z",
        "role": {"time": ["timeperiod_m"], "geo": ["alue_23_20260101"], "metric": ["contentscode"]},
        "id": ["alue_23_20260101", "timeperiod_m", "contentscode"],
        "size": [len(areas), len(times), len(contents)],
        "dimension": {
            "alue_23_20260101": {
                "label": "Alue",
                "category": {
                    "index": {code: i for i, code in enumerate(areas)},
                    "label": {code: "KOKO MAA" if code == "SSS" else code for code in areas},
                },
            },
            "timeperiod_m": {
                "label": "Kuukausi",
                "category": {
                    "index": {code: i for i, code in enumerate(times)},
                    "label": {code: code for code in times},
                },
            },
            "contentscode": {
                "label": "Tiedot",
                "category": {
                    "index": {code: i for i, code in enumerate(contents)},
                    "label": {"TYOTTOMATLOPUSSA": "Työttömät työnhakijat", "TYOVOIMATK": "Työvoima"},
                    "unit": {code: {"base": "lukumäärä", "decimals": 0} for code in contents},
                },
            },
        },
        "extension": {"px": {"tableid": "12r5", "decimals": 0, "language": "fi"}},
        "value": values,
    }


@pytest.fixture
def demo_loaded(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def real_file(tmp_path):
    latest = demo.latest_full_month()
    path = tmp_path / "12r5.json"
    path.write_bytes(orjson.dumps(statfin_12r5_document([add_months(latest, -n) for n in range(12, -1, -1)])))
    return path


def labour_market(content):
    """The page without its business-life part, whose tables are replaced one by one (tested below)."""
    return content.split('id="business-heading"')[0]


def business_section(content, key):
    return content.split(f'id="business-{key}"')[1].split("</section>")[0]


def test_the_demo_pages_say_their_figures_are_invented_before_the_import(demo_loaded, client):
    for path in PAGES:
        assert DEMO_NOTICE in client.get(path).content.decode(), path


def test_an_imported_statfin_table_replaces_the_demo_on_every_page(demo_loaded, real_file, client):
    call_command("import_statistics", str(real_file), "--source", "statfin", stdout=io.StringIO())

    real = Table.objects.get(source=Table.Source.STATFIN, table_id="12r5")
    assert ImportRun.objects.filter(table=real, status=ImportRun.Status.SUCCEEDED).exists()
    for path in PAGES:
        content = labour_market(client.get(path).content.decode())
        assert DEMO_NOTICE not in content, path
        assert "(Tilastokeskus (StatFin))" in content, path
    area_page = client.get("/fi/oulu/situation/").content.decode()
    assert "11\xa0132" in area_page  # 11 municipalities × (1 000 + 12) unemployed in the latest month
    assert "10,1&nbsp;%" in area_page  # 11 132 / 110 000 from the sums
    municipality = client.get("/fi/oulu/situation/564/").content.decode()
    assert "1\xa0012" in municipality


def test_a_review_drafted_after_the_import_is_written_from_the_real_figures(demo_loaded, real_file):
    call_command("import_statistics", str(real_file), "--source", "statfin", stdout=io.StringIO())
    Review.objects.all().delete()
    call_command("draft_review", "--area", "oulu", stdout=io.StringIO())

    review = Review.objects.get()
    assert not review.from_demo_figures
    assert "11 132" in review.text_fi.replace("\xa0", " ")


@pytest.fixture
def statfin_with_the_oulu_area():
    """The statistics app's fake PxWeb service, serving a 12r5 for the demo area's municipalities."""
    from verkko.stats.tests.fake_statfin import FakeStatFin, FakeTable, FakeVariable

    latest = demo.latest_full_month()
    months = [period_code(add_months(latest, -n)) for n in range(12, -1, -1)]
    areas = [*AREA_CODES, "SSS"]
    contents = ["TYOTTOMATLOPUSSA", "TYOVOIMATK"]
    table = FakeTable(
        id="12r5",
        title="Työnvälitystilasto kunnittain",
        variables=[
            FakeVariable("alue_23_20260101", "Alue", areas, areas, area=True),
            FakeVariable("timeperiod_m", "Kuukausi", months, months, time=True),
            FakeVariable("contentscode", "Tiedot", contents, ["Työttömät", "Työvoima"]),
        ],
        updated=timezone.now(),
    )
    server = FakeStatFin(table).start()
    yield server
    server.stop()


def test_refresh_statistics_replaces_the_demo(demo_loaded, statfin_with_the_oulu_area, client):
    source = Source.objects.get(table_id="12r5", area_id=EmploymentArea.objects.get(slug="oulu").pk)

    call_command(
        "refresh_statistics",
        "--source",
        str(source.pk),
        "--api-url",
        statfin_with_the_oulu_area.base_url,
        "--no-progress",
        stdout=io.StringIO(),
    )

    assert Table.objects.filter(source=Table.Source.STATFIN, table_id="12r5").exists()
    for path in PAGES:
        content = labour_market(client.get(path).content.decode())
        assert DEMO_NOTICE not in content, path
        assert "(Tilastokeskus (StatFin))" in content, path


@pytest.mark.parametrize("key", ["population", "enterprises", "bankruptcies"])
def test_the_demo_business_tables_say_their_figures_are_invented(demo_loaded, client, key):
    section = business_section(client.get("/fi/oulu/situation/").content.decode(), key)

    assert DEMO_NOTICE in section
    assert "keksitty esimerkkiluku" in section or "keksityt esimerkkiluvut" in section  # the provenance says it too


def test_an_imported_population_table_replaces_the_demo_one(demo_loaded, client, tmp_path):
    from verkko.situation.tests.business_tables import population_dataset
    from verkko.stats.formats.writers import write_jsonstat

    path = tmp_path / "11re.json"
    path.write_bytes(write_jsonstat(population_dataset()))
    call_command("import_statistics", str(path), "--source", "statfin", "--table-id", "11re", stdout=io.StringIO())

    content = client.get("/fi/oulu/situation/564/").content.decode()
    population = business_section(content, "population")
    assert DEMO_NOTICE not in population
    assert "(Tilastokeskus (StatFin))" in population
    assert "210\xa0000" in population  # Oulu's population in the imported table
    assert DEMO_NOTICE in business_section(content, "enterprises")  # still the demo until 11yq is imported


def test_a_fetched_bankruptcy_table_replaces_the_demo_one_whatever_its_id(demo_loaded, client):
    from verkko.situation.tests.business_tables import bankruptcy_dataset
    from verkko.stats.store import import_dataset

    import_dataset(bankruptcy_dataset("14qs"), source=Table.Source.STATFIN, origin="https://pxdata.stat.fi/")

    bankruptcies = business_section(client.get("/fi/oulu/situation/564/").content.decode(), "bankruptcies")
    assert DEMO_NOTICE not in bankruptcies
    assert "14qs" in bankruptcies
