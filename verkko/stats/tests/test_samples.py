"""The real files saved from Statistics Finland (../shared/samples), checked against values read by hand."""

from datetime import UTC, datetime

from verkko.stats.formats import ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, read_file

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
