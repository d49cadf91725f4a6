"""Storing datasets: bulk upserts, re-imports that never duplicate, counts, failures."""

from datetime import UTC, date, datetime

import pytest

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset, Dimension, read_file
from verkko.stats.models import ImportRun, Observation, Series, Table
from verkko.stats.store import StatisticsImportError, import_dataset, import_datasets

pytestmark = pytest.mark.django_db


def _demo(values, months=("2026M01", "2026M02"), statuses=None):
    dimensions = [
        Dimension("alue", "Alue", ["KU564", "SSS"], ["Oulu", "KOKO MAA"], role=ROLE_AREA),
        Dimension("kuukausi", "Kuukausi", list(months), list(months), role=ROLE_TIME),
        Dimension("tiedot", "Tiedot", ["TYOTTOMAT"], ["Työttömät"], role=ROLE_CONTENT, units={"TYOTTOMAT": "lkm"}),
    ]
    return Dataset.from_values(dimensions, values, statuses, table_id="12r5", title="Demo 12r5")


def _observations(table_id="12r5"):
    return {
        (o.series.area_code, o.period_code): (o.value, o.status)
        for o in Observation.objects.filter(series__table__table_id=table_id).select_related("series")
    }


def test_store_imports_a_px_file_into_table_series_and_observations(data_dir):
    (dataset,) = read_file(data_dir / "tyonhakijat-ansi.px")
    run = import_dataset(dataset, origin="tyonhakijat-ansi.px")
    assert run.status == ImportRun.Status.SUCCEEDED
    assert (run.rows_new, run.rows_changed, run.rows_unchanged) == (12, 0, 0)
    assert (run.series_count, run.missing_cells, run.observations) == (6, 6, 12)
    table = run.table
    assert (table.source, table.table_id, table.frequency) == (Table.Source.FILE, "tyonv_test", "M")
    assert table.updated == datetime(2026, 1, 27, 6, 0, tzinfo=UTC)
    assert [d["role"] for d in table.dimensions] == ["area", "time", "content"]
    series = Series.objects.get(table=table, area_code="KU564", measure_code="TYOTOSUUS")
    assert series.key == "Alue=KU564;Tiedot=TYOTOSUUS"
    assert series.codes == {"Alue": "KU564", "Tiedot": "TYOTOSUUS"}
    assert series.labels["Alue"] == "Oulu"
    assert (series.unit, series.decimals) == ("%", 1)
    rows = {(o.period, o.value, o.status) for o in series.observations.all()}
    assert rows == {(date(2024, 1, 1), None, ".."), (date(2024, 2, 1), None, "....")}
    dash = Observation.objects.get(series__key="Alue=SSS;Tiedot=TYOTTOMAT", period_code="2024M02")
    assert (dash.value, dash.status) == (0.0, "-")


def test_store_reimport_of_unchanged_file_counts_unchanged_and_never_duplicates(data_dir):
    (dataset,) = read_file(data_dir / "tyonhakijat-ansi.px")
    import_dataset(dataset)
    run = import_dataset(dataset)
    assert (run.rows_new, run.rows_changed, run.rows_unchanged) == (0, 0, 12)
    assert Observation.objects.count() == 12
    assert Series.objects.count() == 6
    assert Table.objects.count() == 1


def test_store_reimport_updates_changed_values_and_adds_new_periods():
    import_dataset(_demo([100, 110, 5000, 5100]), source=Table.Source.DEMO)
    months = ("2026M01", "2026M02", "2026M03")
    run = import_dataset(_demo([100, 111, 120, 5000, 5100, 5200], months=months), source=Table.Source.DEMO)
    assert (run.rows_new, run.rows_changed, run.rows_unchanged) == (2, 1, 3)
    assert _observations() == {
        ("KU564", "2026M01"): (100, ""),
        ("KU564", "2026M02"): (111, ""),
        ("KU564", "2026M03"): (120, ""),
        ("SSS", "2026M01"): (5000, ""),
        ("SSS", "2026M02"): (5100, ""),
        ("SSS", "2026M03"): (5200, ""),
    }


def test_store_reimport_that_suppresses_a_value_records_the_status():
    import_dataset(_demo([100, 110, 5000, 5100]))
    run = import_dataset(_demo([100, None, 5000, 5100], statuses=["", "..", "", ""]))
    assert (run.rows_changed, run.rows_unchanged, run.missing_cells) == (1, 3, 1)
    assert _observations()[("KU564", "2026M02")] == (None, "..")


def test_store_compares_cell_by_cell_when_a_series_was_written_another_way():
    import_dataset(_demo([100, 110, 5000, 5100]))
    Series.objects.update(checksum=None)
    run = import_dataset(_demo([100, 110, 5000, 5101]))
    assert (run.rows_new, run.rows_changed, run.rows_unchanged) == (0, 1, 3)


def test_store_keeps_real_and_demo_tables_apart():
    import_dataset(_demo([1, 2, 3, 4]), source=Table.Source.DEMO)
    import_dataset(_demo([1, 2, 3, 4]), source=Table.Source.STATFIN)
    assert sorted(Table.objects.values_list("source", flat=True)) == ["demo", "statfin"]


def test_store_failed_import_changes_nothing_and_records_a_failed_run(data_dir):
    (dataset,) = read_file(data_dir / "tyonhakijat-ansi.px")
    import_dataset(dataset)
    before = _observations("tyonv_test")
    # The readers count a file's cells before handing any on; a maker of cells that gives too few
    # is found only while storing, after the first cells were written.
    bad = Dataset(
        dimensions=dataset.dimensions,
        chunk_source=lambda: iter([([999.0] * 6, [""] * 6), ([1.0] * 5, [""] * 5)]),
        table_id=dataset.table_id,
        origin="broken.px",
    )
    with pytest.raises(StatisticsImportError, match=r"broken.px: the table has 11 values .* need 12") as error:
        import_dataset(bad, origin="broken.px")
    assert _observations("tyonv_test") == before
    run = error.value.run
    assert run.status == ImportRun.Status.FAILED
    assert "the table has 11 values" in run.errors
    assert run.table.table_id == "tyonv_test"
    assert (run.rows_new, run.rows_changed) == (0, 0)
    assert ImportRun.objects.filter(status=ImportRun.Status.SUCCEEDED).count() == 1


def test_store_failed_first_import_leaves_no_table():
    with pytest.raises(StatisticsImportError, match="need 4"):
        import_dataset(_demo([1, 2, 3]))
    assert not Table.objects.exists()
    assert not Series.objects.exists()
    assert ImportRun.objects.get().table is None


def test_store_refuses_a_table_without_time_dimension():
    dimensions = [Dimension("alue", "Alue", ["KU564"], ["Oulu"], role=ROLE_AREA)]
    with pytest.raises(StatisticsImportError, match="no time dimension"):
        import_dataset(Dataset.from_values(dimensions, [1], table_id="x"))


def test_store_imports_the_parts_of_one_table_as_one_run():
    first = _demo([1, 2, 3, 4])
    second = _demo([5, 6, 7, 8], months=("2026M03", "2026M04"))
    run = import_dataset([first, second], source=Table.Source.STATFIN)
    assert (run.rows_new, run.series_count) == (8, 2)
    assert len(_observations()) == 8
    months = [v["code"] for v in run.table.dimensions[1]["values"]]
    assert months == ["2026M01", "2026M02", "2026M03", "2026M04"]


def test_store_imports_each_dataset_of_a_bundle_as_its_own_table(data_dir):
    first, second = read_file(data_dir / "jsonstat1-bundle.json")
    first.table_id = "aloitukset"  # PxWeb names it just "dataset"; the second is named "lopetukset"
    runs = import_datasets([first, second], origin="bundle")
    assert [run.table.table_id for run in runs] == ["aloitukset", "lopetukset"]
    assert [run.rows_new for run in runs] == [4, 2]
    assert Table.objects.count() == 2


def test_store_refuses_a_dataset_without_table_id(data_dir):
    (first, _) = read_file(data_dir / "jsonstat1-bundle.json")
    with pytest.raises(StatisticsImportError, match="no id"):
        import_dataset(first)


def test_store_takes_a_table_id_given_by_the_caller(data_dir):
    (first, _) = read_file(data_dir / "jsonstat1-bundle.json")
    run = import_dataset(first, table_id="11yq")
    assert run.table.table_id == "11yq"
    series = Series.objects.get(area_code="KU139")
    assert series.measure_code == "aloitukset"
    assert list(series.observations.values_list("period_code", "value")) == [("2023", 38.0), ("2024", 41.0)]


def _generated(revision=0.0, months=120):
    areas = [f"KU{n:03d}" for n in range(1, 8)]
    periods = [f"{2010 + i // 12}M{i % 12 + 1:02d}" for i in range(months)]
    contents = ["TYOTTOMAT", "TYOVOIMA", "OSUUS"]
    dimensions = [
        Dimension("alue", "Alue", areas, areas, role=ROLE_AREA),
        Dimension("kuukausi", "Kuukausi", periods, periods, role=ROLE_TIME),
        Dimension("tiedot", "Tiedot", contents, contents, role=ROLE_CONTENT),
    ]
    # Each cell's value follows from its codes; a revision changes the first month of each series.
    values = [
        a * 1000.0 + m * 3 + c + (revision if m == 0 else 0.0)
        for a in range(len(areas))
        for m in range(months)
        for c in range(len(contents))
    ]
    return Dataset.from_values(dimensions, values, table_id="gen", title="Generated")


def test_store_imports_and_reimports_a_table_larger_than_one_statement():
    first = import_dataset(_generated())
    assert (first.rows_new, first.series_count) == (7 * 120 * 3, 21)
    again = import_dataset(_generated(revision=0.5, months=130))
    assert again.rows_new == 7 * 10 * 3
    assert again.rows_changed == 21
    assert again.rows_unchanged == 7 * 119 * 3
    assert Observation.objects.count() == 7 * 130 * 3
    series = Series.objects.get(area_code="KU002", measure_code="TYOVOIMA")
    assert series.observations.get(period_code="2010M01").value == 1001.5
    assert series.observations.get(period_code="2020M10").value == 1000.0 + 129 * 3 + 1


def test_store_keeps_a_status_with_characters_that_copy_escapes():
    run = import_dataset(_demo([1, None, 3, 4], statuses=["", "a\\b\tc", "", ""]))
    assert run.rows_new == 4
    assert _observations()[("KU564", "2026M02")] == (None, "a\\b\tc")


def test_store_keeps_a_python_built_demo_table_that_area_figures_read():
    from verkko.stats.aggregation import area_ratio, area_totals, preferred_table

    municipalities = ["KU072", "KU139", "KU244", "KU425", "KU436", "KU494", "KU564", "KU615", "KU785", "KU859", "KU889"]
    areas = [*municipalities, "SSS"]
    months = ["2026M09", "2026M10"]
    contents = ["TYOTTOMATLOPUSSA", "TYOVOIMATK"]
    dimensions = [
        Dimension("alue", "Alue", areas, areas, role=ROLE_AREA),
        Dimension("kuukausi", "Kuukausi", months, months, role=ROLE_TIME),
        Dimension("tiedot", "Tiedot", contents, ["Työttömät", "Työvoima"], role=ROLE_CONTENT),
    ]
    cells = {}
    for number, area in enumerate(areas, start=1):
        for month in months:
            cells[(area, month, "TYOTTOMATLOPUSSA")] = 10.0 * number
            cells[(area, month, "TYOVOIMATK")] = 100.0 * number
    cells[("KU072", "2026M10", "TYOTTOMATLOPUSSA")] = (None, "..")  # a suppressed cell
    dataset = Dataset.from_cells(dimensions, cells, table_id="12r5", title="Keksitty 12r5")
    run = import_dataset(dataset, source=Table.Source.DEMO, origin="demo")
    assert (run.series_count, run.observations, run.missing_cells) == (24, 48, 1)
    table = preferred_table("12r5")
    totals = area_totals(table, "TYOTTOMATLOPUSSA", municipalities)
    assert [(t.period_code, t.value, t.complete) for t in totals] == [
        ("2026M09", 660.0, True),
        ("2026M10", 650.0, False),
    ]
    (september, _) = area_ratio(table, "TYOTTOMATLOPUSSA", "TYOVOIMATK", municipalities)
    assert september.value == pytest.approx(10.0)


def test_store_first_import_that_fails_after_cells_were_sent_changes_nothing(monkeypatch):
    """On PostgreSQL the new cells stream through one open COPY; a table found broken half way abandons it,
    and the import rolls back as a whole."""
    from verkko.stats import store

    monkeypatch.setattr(store, "WRITE_BATCH_CELLS", 2)  # the first series' cells are sent before the error
    good = _demo([1, 2, 3, 4])
    broken = Dataset(
        dimensions=good.dimensions,
        chunk_source=lambda: iter([([1.0, 2.0], ["", ""]), ([3.0], [""])]),
        table_id="12r5",
        origin="broken.json",
    )
    with pytest.raises(StatisticsImportError, match="need 4"):
        import_dataset(broken, origin="broken.json")
    assert not Table.objects.exists()
    assert not Series.objects.exists()
    assert not Observation.objects.exists()
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED
    assert import_dataset(good).rows_new == 4
