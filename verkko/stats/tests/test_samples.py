"""Every real file saved from Statistics Finland (../shared/samples), checked against values read by hand.

The PX files and the JSON-stat query answers are read and imported into the database; the
metadata, table list and search answers are read through the PxWeb client from the local fake
service, which serves them as saved.
"""

import io
from datetime import UTC, datetime

import orjson
import pytest
from django.core.management import call_command

from verkko.stats.actions import refresh_source
from verkko.stats.client import PxWebClient
from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, read_file
from verkko.stats.models import Observation, Series, Source

ELIMINATED = {"ikaryhma_10_20180101": "SSS", "sukupuoli_9_20180101": "SSS", "contentscode": "vaerak-vaesto"}


def test_sample_three_cities_gives_each_city_population_in_2025(samples):
    (dataset,) = read_file(samples / "statfin-api" / "11re-query-three-cities.json")
    assert dataset.table_id == "11re"
    assert dataset.updated == datetime(2026, 4, 1, 5, 0, tzinfo=UTC)
    assert dataset.area_dimension.code == "alue_23_20260101"
    assert dataset.area_dimension.labels == ["Espoo", "Helsinki", "Vantaa"]
    for area, population in {"KU049": 325716, "KU091": 694392, "KU092": 252956}.items():
        assert dataset.cell(alue_23_20260101=area, timeperiod_y="2025", **ELIMINATED) == (population, "")


def test_sample_population_of_finland_for_three_years(samples):
    (dataset,) = read_file(samples / "statfin-api" / "11re-query-population-finland.json")
    rows = [(row[0], row[-3], row[-2]) for row in dataset.rows()]
    assert rows == [("SSS", "2023", 5603851), ("SSS", "2024", 5635971), ("SSS", "2025", 5652881)]
    assert dataset.area_dimension.labels == ["KOKO MAA"]
    assert dataset.content_dimension.units == {"vaerak-vaesto": "lukumäärä"}


def test_sample_helsinki_population_for_five_years(samples):
    (dataset,) = read_file(samples / "statfin-api" / "11re-query-helsinki-population.json")
    assert [row[-2] for row in dataset.rows()] == [658457, 664028, 674500, 684018, 694392]
    assert dataset.time_dimension.codes == ["2021", "2022", "2023", "2024", "2025"]
    assert dataset.frequency == "Y"


def test_sample_px_11rc_reads_ansi_crlf_with_three_languages(samples):
    (dataset,) = read_file(samples / "px" / "statfin_vaerak_pxt_11rc.px")
    assert dataset.language == "fi"
    assert dataset.title == "Väestö 31.12. muuttujina Vuosi, Sukupuoli, Ikä ja Tiedot"
    assert [(d.code, d.role) for d in dataset.dimensions] == [
        ("Vuosi", ROLE_TIME),
        ("Sukupuoli", ROLE_OTHER),
        ("Ikä", ROLE_OTHER),
        ("Tiedot", ROLE_CONTENT),
    ]
    assert dataset.shape == (159, 3, 19, 1)
    assert dataset.dimension("Ikä").codes[:3] == ["SSS", "0-4", "5-9"]
    assert dataset.dimension("Ikä").labels[-1] == "85 -"
    assert dataset.dimension("Sukupuoli").elimination_code == "SSS"
    assert dataset.updated == datetime(2024, 4, 26, 5, 0, tzinfo=UTC)


def test_sample_px_11rc_named_cells(samples):
    (dataset,) = read_file(samples / "px" / "statfin_vaerak_pxt_11rc.px")
    total = {"Sukupuoli": "SSS", "Ikä": "SSS", "Tiedot": "vaesto"}
    # The population of Finland at the end of 2023 agrees with table 11re's.
    assert dataset.cell(Vuosi="2023", **total) == (5603851, "")
    assert dataset.cell(Vuosi="1865", **total) == (1843245, "")
    assert dataset.cell(Vuosi="1865", Sukupuoli="SSS", Ikä="0-4", Tiedot="vaesto") == (264002, "")
    assert dataset.cell(Vuosi="2023", Sukupuoli="2", Ikä="85-", Tiedot="vaesto") == (108625, "")
    assert sum(1 for _ in dataset.rows()) == 159 * 3 * 19


def test_sample_px_akay_reads_decimals_and_dot_as_missing(samples):
    (dataset,) = read_file(samples / "px" / "statfin_akay_pxt_001.px")
    assert dataset.dimension("Vuosi").role == ROLE_TIME
    assert dataset.decimals == 2
    assert dataset.content_dimension.decimals == {"Kaytaika": 2}
    assert dataset.cell(Toiminto="01-26", Tiedot="Kaytaika", Sukupuoli="S", Vuosi="1979") == (24, "")
    assert dataset.cell(Toiminto="01", Tiedot="Kaytaika", Sukupuoli="S", Vuosi="1979") == (3.25, "")
    assert dataset.cell(Toiminto="01", Tiedot="Osallist", Sukupuoli="S", Vuosi="1979") == (None, ".")
    assert dataset.cell(Toiminto="26", Tiedot="Osallist", Sukupuoli="2", Vuosi="2009") == (12.3, "")
    missing = [row for row in dataset.rows() if row[-2] is None]
    assert len(missing) == 3


# --- the saved API answers read through the PxWeb client, served by the local fake service ---


def _saved(samples, name: str) -> bytes:
    return (samples / "statfin-api" / name).read_bytes()


def test_sample_11re_metadata_gives_todays_codes_names_and_roles(fake_statfin, statfin_client, samples):
    fake_statfin.documents["/fi/StatFin/11re.px"] = _saved(samples, "11re-metadata.json")
    metadata = statfin_client.metadata("11re")
    assert metadata.title == "Väestö 31.12. muuttujina Alue, Ikä, Sukupuoli, Vuosi ja Tiedot"
    assert [(v.code, v.text, v.role, v.elimination) for v in metadata.variables] == [
        ("alue_23_20260101", "Alue", ROLE_AREA, True),
        ("ikaryhma_10_20180101", "Ikä", ROLE_OTHER, True),
        ("sukupuoli_9_20180101", "Sukupuoli", ROLE_OTHER, True),
        ("timeperiod_y", "Vuosi", ROLE_TIME, False),
        ("contentscode", "Tiedot", ROLE_CONTENT, False),
    ]
    areas = metadata.variable("area")
    names = dict(zip(areas.values, areas.value_texts, strict=True))
    assert len(areas.values) == 309
    assert (names["SSS"], names["KU020"], names["KU564"], names["KU244"], names["KU992"]) == (
        "KOKO MAA",
        "Akaa",
        "Oulu",
        "Kempele",
        "Äänekoski",
    )
    ages = metadata.variable("ikaryhma_10_20180101")
    assert (len(ages.values), ages.values[-1], ages.value_texts[-1]) == (102, "100-", "100 -")
    assert metadata.variable("sukupuoli_9_20180101").value_texts == ["Yhteensä", "Miehet", "Naiset"]
    years = metadata.variable("time")
    assert (len(years.values), years.values[0], years.values[-1]) == (54, "1972", "2025")
    assert metadata.variable("content").value_texts == ["Väestö 31.12."]


def test_sample_11re_metadata_gives_the_query_the_samples_readme_shows(fake_statfin, statfin_client, samples):
    fake_statfin.documents["/fi/StatFin/11re.px"] = _saved(samples, "11re-metadata.json")
    metadata = statfin_client.metadata("11re")
    selection = {"area": ["SSS"], "ikaryhma_10_20180101": ["SSS"], "sukupuoli_9_20180101": ["SSS"], "time": {"top": 3}}
    query = statfin_client.build_query(metadata, selection)
    assert query["query"][:4] == [
        {"code": "alue_23_20260101", "selection": {"filter": "item", "values": ["SSS"]}},
        {"code": "ikaryhma_10_20180101", "selection": {"filter": "item", "values": ["SSS"]}},
        {"code": "sukupuoli_9_20180101", "selection": {"filter": "item", "values": ["SSS"]}},
        {"code": "timeperiod_y", "selection": {"filter": "top", "values": ["3"]}},
    ]
    assert query["response"] == {"format": "json-stat2"}
    assert statfin_client.query_cells(metadata, query) == 3


def test_sample_135z_metadata_has_months_and_contents_but_no_area(fake_statfin, statfin_client, samples):
    fake_statfin.documents["/fi/StatFin/135z.px"] = _saved(samples, "135z-metadata.json")
    metadata = statfin_client.metadata("135z")
    assert metadata.title.startswith("Työvoimatutkimuksen tärkeimmät tunnusluvut")
    assert [(v.code, v.role) for v in metadata.variables] == [
        ("timeperiod_m", ROLE_TIME),
        ("contentscode", ROLE_CONTENT),
    ]
    months = metadata.variable("time").values
    assert (len(months), months[0], months[-1]) == (196, "2010M01", "2026M04")
    contents = metadata.variable("content")
    assert len(contents.values) == 21
    assert (contents.values[0], contents.value_texts[0]) == (
        "Tyollisyysaste_15_64",
        "Työllisyysaste, 15-64-vuotiaat, %",
    )
    assert "Tyottaste_15_24_trendi" in contents.values
    with pytest.raises(KeyError):
        metadata.variable("area")


def test_sample_table_list_gives_each_table_and_when_it_was_updated(fake_statfin, statfin_client, samples):
    fake_statfin.documents["/fi/StatFin/vaerak"] = _saved(samples, "vaerak-table-list.json")
    entries = statfin_client.list_tables("vaerak")
    assert len(entries) == 32
    assert {entry.type for entry in entries} == {"t"}
    by_id = {entry.id: entry for entry in entries}
    assert by_id["11re.px"].text == "11re -- Väestö iän (1-v.) ja sukupuolen mukaan alueittain, 1972-2025"
    # 21:04:32 Finnish summer time
    assert by_id["11re.px"].updated == datetime(2026, 6, 6, 18, 4, 32, tzinfo=UTC)
    assert by_id["11rc.px"].text == "11rc -- Väestö iän (5-v.) ja sukupuolen mukaan, 1865-2025"
    assert entries[-1].id == "15an.px"


def test_sample_search_gives_table_ids_subjects_and_titles_best_first(fake_statfin, samples):

    fake_statfin.documents["/en/StatFin?query=unemployment"] = _saved(samples, "search-unemployment-en.json")
    with PxWebClient(fake_statfin.base_url, language="en") as client:
        hits = client.search("unemployment")
    assert len(hits) == 74
    assert [hit.table_id for hit in hits[:3]] == ["12tn", "12tp", "12ta"]
    first = hits[0]
    assert first.path == "/tyonv"
    assert first.title.startswith("12tn -- Periods of unemployment ended by reason")
    assert first.published == datetime(2026, 6, 6, 18, 2, tzinfo=UTC)  # 21:02 in Helsinki
    by_id = {hit.table_id: hit for hit in hits}
    assert by_id["12r5"].title.startswith("12r5 -- Unemployed jobseekers, persons in services and vacant jobs")
    assert by_id["135z"].path == "/tyti"


def test_sample_query_answer_fetched_and_stored_gives_the_population_of_finland(fake_statfin, samples, area):
    """Metadata and a query answer of 11re, as saved, fetched by a configured source and stored."""

    fake_statfin.documents["GET /fi/StatFin/11re.px"] = _saved(samples, "11re-metadata.json")
    fake_statfin.documents["POST /fi/StatFin/11re.px"] = _saved(samples, "11re-query-population-finland.json")
    source = Source.objects.create(
        area_id=area.pk, table_id="11re", title="Väestö", area_codes=["SSS"], latest_periods=3
    )
    with PxWebClient(fake_statfin.base_url) as client:
        outcome = refresh_source(None, source, client=client)
    assert outcome.status == "imported", outcome.message
    stored = Observation.objects.filter(series__table__table_id="11re", series__area_code="SSS")
    assert sorted(stored.values_list("period_code", "value")) == [
        ("2023", 5603851),
        ("2024", 5635971),
        ("2025", 5652881),
    ]
    assert stored.first().series.measure_code == "vaerak-vaesto"
    source.refresh_from_db()
    assert source.last_updated == datetime(2026, 4, 1, 5, 0, tzinfo=UTC)


# --- the real files through import_statistics into the database ------------------------------


def _import(path) -> dict:

    out = io.StringIO()
    call_command("import_statistics", str(path), "--json", stdout=out)
    return orjson.loads(out.getvalue())


@pytest.mark.django_db
def test_sample_three_cities_imported_stores_each_citys_population(samples):
    summary = _import(samples / "statfin-api" / "11re-query-three-cities.json")
    assert (summary["tables"], summary["series"], summary["observations"], summary["missing_cells"]) == (
        ["11re"],
        3,
        3,
        0,
    )

    stored = dict(Observation.objects.filter(period_code="2025").values_list("series__area_code", "value"))
    assert stored == {"KU049": 325716, "KU091": 694392, "KU092": 252956}


@pytest.mark.django_db
def test_sample_helsinki_imported_over_three_cities_adds_only_the_new_years(samples):
    _import(samples / "statfin-api" / "11re-query-three-cities.json")
    summary = _import(samples / "statfin-api" / "11re-query-helsinki-population.json")
    assert (summary["rows_new"], summary["rows_unchanged"]) == (4, 1)  # 2025 was already stored

    helsinki = Observation.objects.filter(series__area_code="KU091").order_by("period")
    assert [(o.period_code, o.value) for o in helsinki] == [
        ("2021", 658457),
        ("2022", 664028),
        ("2023", 674500),
        ("2024", 684018),
        ("2025", 694392),
    ]


@pytest.mark.django_db
def test_sample_px_11rc_imported_stores_named_cells(samples):
    summary = _import(samples / "px" / "statfin_vaerak_pxt_11rc.px")
    assert (summary["series"], summary["observations"], summary["missing_cells"]) == (3 * 19, 159 * 3 * 19, 0)

    def value(year, sex, age):
        series_key = f"Ikä={age};Sukupuoli={sex};Tiedot=vaesto"
        return Observation.objects.get(series__key=series_key, period_code=year).value

    assert value("2023", "SSS", "SSS") == 5603851
    assert value("1865", "SSS", "0-4") == 264002
    assert value("2023", "2", "85-") == 108625


@pytest.mark.django_db
def test_sample_px_akay_imported_keeps_decimals_and_missing_symbols(samples):
    summary = _import(samples / "px" / "statfin_akay_pxt_001.px")
    assert summary["missing_cells"] == 3

    def cell(activity, content, sex, year):
        key = f"Sukupuoli={sex};Tiedot={content};Toiminto={activity}"
        observation = Observation.objects.get(series__key=key, period_code=year)
        return observation.value, observation.status

    assert cell("01", "Kaytaika", "S", "1979") == (3.25, "")
    assert cell("01", "Osallist", "S", "1979") == (None, ".")
    assert cell("26", "Osallist", "2", "2009") == (12.3, "")
    assert Series.objects.get(key="Sukupuoli=S;Tiedot=Kaytaika;Toiminto=01").decimals == 2
