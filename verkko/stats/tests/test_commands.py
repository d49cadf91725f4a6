"""import_statistics, export_statistics and refresh_statistics."""

import csv
import io
from datetime import UTC, datetime

import orjson
import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from verkko.stats.models import ImportRun, Observation, Series, Source, Table

pytestmark = pytest.mark.django_db


def _call(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_statistics_prints_a_summary(data_dir):
    out = _call("import_statistics", str(data_dir / "tyonhakijat-ansi.px"))
    assert "tables:        tyonv_test" in out
    assert "series:        6" in out
    assert "observations:  12" in out
    assert "missing cells: 6" in out
    assert Observation.objects.count() == 12


def test_import_statistics_prints_json_when_asked(data_dir):
    summary = orjson.loads(_call("import_statistics", str(data_dir / "vaesto-jsonstat2-object-index.json"), "--json"))
    assert summary["tables"] == ["vaesto_test"]
    assert (summary["series"], summary["observations"], summary["missing_cells"]) == (2, 4, 1)
    assert summary["rows_new"] == 4


def test_import_statistics_names_a_table_without_id_after_the_file(tmp_path, data_dir):
    path = tmp_path / "aloitukset.json"
    document = orjson.loads((data_dir / "jsonstat1-bundle.json").read_bytes())
    path.write_bytes(orjson.dumps({"dataset": document["dataset"]}))
    summary = orjson.loads(_call("import_statistics", str(path), "--json", "--source", "statfin"))
    assert summary["tables"] == ["aloitukset"]
    assert Table.objects.get().source == Table.Source.STATFIN


def test_import_statistics_reimport_counts_unchanged_rows(data_dir):
    _call("import_statistics", str(data_dir / "tyonhakijat-ansi.px"))
    summary = orjson.loads(_call("import_statistics", str(data_dir / "tyonhakijat-ansi.px"), "--json"))
    assert (summary["rows_new"], summary["rows_unchanged"]) == (0, 12)
    assert Observation.objects.count() == 12


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[: b.index(b'"....." "......"')], "line 55: DATA does not end with ';': the file is truncated"),
        (lambda b: b.replace(b'812 "-"', b"812"), "line 57: DATA has 11 values but its variables need 12"),
        (lambda b: b.replace(b'MAP("Alue")="Kunta 2026";', b'MAP("Alue"="Kunta 2026";'), "line 38: unknown keyword"),
        (lambda b: b.replace("Työttömät".encode("iso-8859-15"), "Työttömät".encode()), "line 29: the file declares"),
    ],
)
def test_import_statistics_rejects_a_bad_file_and_changes_nothing(tmp_path, data_dir, damage, message):
    _call("import_statistics", str(data_dir / "befolkning-utf8.px"))
    before = list(Observation.objects.values_list("id", "value"))
    path = tmp_path / "bad.px"
    path.write_bytes(damage((data_dir / "tyonhakijat-ansi.px").read_bytes()))
    with pytest.raises(CommandError, match=message):
        _call("import_statistics", str(path))
    assert list(Observation.objects.values_list("id", "value")) == before
    failed = ImportRun.objects.get(status=ImportRun.Status.FAILED)
    assert message.split(": ", 1)[1][:20] in failed.errors


def test_import_statistics_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        _call("import_statistics", str(tmp_path / "missing.px"))


def test_export_statistics_writes_a_tidy_csv(data_dir):
    _call("import_statistics", str(data_dir / "tyonhakijat-ansi.px"))
    rows = list(csv.reader(io.StringIO(_call("export_statistics", "tyonv_test"))))
    assert rows[0] == ["Alue", "Tiedot", "period", "value", "status"]
    assert len(rows) == 13
    assert ["SSS", "TYOTTOMAT", "2024M01", "250123", ""] in rows
    assert ["SSS", "TYOTOSUUS", "2024M01", "10.2", ""] in rows
    assert ["SSS", "TYOTTOMAT", "2024M02", "0", "-"] in rows
    assert ["KU564", "TYOTOSUUS", "2024M01", "", ".."] in rows


def test_export_statistics_writes_xlsx(tmp_path, data_dir):
    _call("import_statistics", str(data_dir / "vaesto-jsonstat2-object-index.json"))
    path = tmp_path / "vaesto.xlsx"
    call_command("export_statistics", "vaesto_test", "--format", "xlsx", "--output", str(path), stderr=io.StringIO())
    sheet = load_workbook(path).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["alue_23_20260101", "sukupuoli", "contentscode", "period", "value", "status"]
    assert ["KU244", "SSS", "vaesto", "2025Q3", None, "..."] in rows
    assert ["KU072", "SSS", "vaesto", "2025Q4", 929, None] in rows  # an empty status is an empty cell


def test_export_statistics_reports_an_unknown_table():
    with pytest.raises(CommandError, match="No stored table '12r5'"):
        _call("export_statistics", "12r5")


def test_export_statistics_asks_which_source_when_two_have_the_table(data_dir):
    _call("import_statistics", str(data_dir / "tyonhakijat-ansi.px"))
    _call("import_statistics", str(data_dir / "tyonhakijat-ansi.px"), "--source", "demo")
    with pytest.raises(CommandError, match="choose one with --source"):
        _call("export_statistics", "tyonv_test")
    assert "KU564" in _call("export_statistics", "tyonv_test", "--source", "demo")


# --- refresh ------------------------------------------------------------------------------


@pytest.fixture
def oulu_source(area):
    return Source.objects.create(area=area, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564", "SSS"])


def test_refresh_statistics_imports_a_configured_source(fake_statfin, oulu_source):
    out = _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    assert f"{oulu_source.pk} 12r5: imported 72 cells (72 new" in out
    table = Table.objects.get(source=Table.Source.STATFIN, table_id="12r5")
    assert set(Series.objects.filter(table=table).values_list("area_code", flat=True)) == {"KU564", "SSS"}
    assert {s.measure_code for s in Series.objects.filter(table=table)} == {
        "TYOTTOMATLOPUSSA",
        "TYOVOIMATK",
        "TYOTOSUUS",
    }
    oulu_source.refresh_from_db()
    assert oulu_source.last_updated == fake_statfin.tables["12r5"].updated
    assert oulu_source.last_error == ""
    assert ImportRun.objects.get(source=oulu_source).status == ImportRun.Status.SUCCEEDED


def test_refresh_statistics_fetches_nothing_when_the_table_has_not_changed(fake_statfin, oulu_source):
    _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    posts_before = len(fake_statfin.queries())
    out = _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    assert "12r5: unchanged since" in out
    assert len(fake_statfin.queries()) == posts_before + 1  # only the one-cell query that reads 'updated'
    assert ImportRun.objects.count() == 1


def test_refresh_statistics_imports_again_when_the_table_was_updated(fake_statfin, oulu_source):
    _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    table = fake_statfin.tables["12r5"]
    table.updated = datetime(2026, 7, 22, 5, 0, tzinfo=UTC)
    table.revision = 1.0
    out = _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    assert "imported 72 cells (0 new, 72 changed, 0 unchanged)" in out
    oulu_source.refresh_from_db()
    assert oulu_source.last_updated == datetime(2026, 7, 22, 5, 0, tzinfo=UTC)


def test_refresh_statistics_failure_keeps_last_good_data_and_is_recorded(fake_statfin, oulu_source, area):
    _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    values_before = sorted(Observation.objects.values_list("id", "value"))
    missing = Source.objects.create(area=area, table_id="12zz", title="Ei ole")
    fake_statfin.tables["12r5"].updated = datetime(2026, 7, 22, 5, 0, tzinfo=UTC)
    fake_statfin.tables["12r5"].revision = 5.0
    fake_statfin.config["maxValues"] = 10  # the 12r5 import is now split into parts …
    from .fake_statfin import Misbehaviour

    # … and the service refuses the second part: nothing of the first part may be kept.
    fake_statfin.misbehave(*[Misbehaviour()] * 5, Misbehaviour(status=400, body=b"Bad request"))
    with pytest.raises(CommandError, match="2 of 2 sources failed"):
        _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    assert sorted(Observation.objects.values_list("id", "value")) == values_before
    missing.refresh_from_db()
    assert "12zz.px not found (404)" in missing.last_error
    oulu_source.refresh_from_db()
    assert "refused the query (400)" in oulu_source.last_error
    assert oulu_source.last_updated == datetime(2026, 6, 24, 5, 0, tzinfo=UTC)
    assert ImportRun.objects.filter(status=ImportRun.Status.FAILED).count() == 2


def test_refresh_source_that_keeps_getting_503_is_recorded_as_failed(fake_statfin, oulu_source, recorded_sleep):
    from verkko.stats.actions import refresh_source
    from verkko.stats.client import PxWebClient

    from .fake_statfin import Misbehaviour

    fake_statfin.misbehave(*[Misbehaviour(status=503, body=b"Service unavailable")] * 3)
    with PxWebClient(fake_statfin.base_url, sleep=recorded_sleep, clock=recorded_sleep.clock, max_retries=2) as client:
        outcome = refresh_source(None, oulu_source, client=client)
    assert outcome.status == "failed"
    assert "answered 503 after 3 attempts" in outcome.message
    assert recorded_sleep.waits == [1.0, 2.0]
    oulu_source.refresh_from_db()
    assert "503" in oulu_source.last_error
    assert oulu_source.last_error_at is not None
    assert outcome.run.status == ImportRun.Status.FAILED
    assert not Observation.objects.exists()
