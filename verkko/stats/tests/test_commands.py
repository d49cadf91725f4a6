"""import_statistics, export_statistics and refresh_statistics."""

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from verkko.stats.actions import refresh_source, update_source
from verkko.stats.client import PxWebClient
from verkko.stats.models import ImportRun, Observation, Series, Source, Table

from .fake_statfin import Misbehaviour

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


# (a good file stored first, the file damaged, how it is damaged, what the error must say)
PX = ("befolkning-utf8.px", "tyonhakijat-ansi.px")
JSONSTAT = ("vaesto-jsonstat2-object-index.json", "tyonhakijat-jsonstat2-array-index.json")
BAD_FILES = [
    pytest.param(
        *PX,
        lambda b: b[: b.index(b'"....." "......"')],
        "line 55: DATA does not end with ';': the file is truncated",
        id="px-truncated",
    ),
    pytest.param(
        *PX,
        lambda b: b.replace(b'812 "-"', b"812"),
        "line 57: DATA has 11 values but its variables need 12",
        id="px-values-do-not-match-sizes",
    ),
    # A figure that is no number is found when the cells are read as they are stored: the import
    # is still refused whole, whether the table is new or stored before.
    pytest.param(
        *PX,
        lambda b: b.replace(b'812 "-"', b"812 8l2"),
        "line 56: DATA holds '8l2', which is neither a number nor a PX symbol",
        id="px-figure-that-is-no-number-in-a-new-table",
    ),
    pytest.param(
        PX[1],
        PX[1],
        lambda b: b.replace(b"250123 10.2", b"250124 10.3").replace(b'812 "-"', b"812 8l2"),
        "line 56: DATA holds '8l2', which is neither a number nor a PX symbol",
        id="px-figure-that-is-no-number-in-a-stored-table",
    ),
    pytest.param(
        *PX,
        lambda b: b.replace(b'MAP("Alue")="Kunta 2026";', b'MAP("Alue"="Kunta 2026";'),
        "line 38: unknown keyword",
        id="px-unknown-keyword-syntax",
    ),
    pytest.param(
        *PX,
        lambda b: b.replace("Työttömät".encode("iso-8859-15"), "Työttömät".encode()),
        "line 29: the file declares",
        id="px-utf8-in-ansi",
    ),
    pytest.param(
        *PX,
        lambda b: b.replace(b'CHARSET="ANSI";\r\n', b"").replace(b'CODEPAGE="iso-8859-15"', b'CODEPAGE="utf-8"'),
        r"line 11: the text is not valid utf-8 \(byte 0xf6\)",  # the ö of TITLE="Työnhakijat …"
        id="px-ansi-in-utf8",
    ),
    pytest.param(*JSONSTAT, lambda b: b[:500], r"line 14, column 62: not valid JSON", id="jsonstat-truncated"),
    pytest.param(
        *JSONSTAT,
        lambda b: b.replace("Työnhakijat kunnittain".encode(), "Työnhakijat kunnittain".encode("iso-8859-15")),
        r"line 4, column 15: the text is not valid UTF-8 \(byte 0xf6\)",
        id="jsonstat-wrong-encoding",
    ),
    pytest.param(
        *JSONSTAT,
        lambda b: b.replace(b"265003, 10.4]", b"265003]"),
        r"line 29, column 3: 'value' has 11 entries but the sizes multiply to 12",
        id="jsonstat-values-do-not-match-sizes",
    ),
    pytest.param(
        *JSONSTAT,
        lambda b: b.replace(b'"size": [2, 3, 2]', b'"size": [3, 3, 2]'),
        r"line 8, column 3: dimension 'alue' has 2 categories but 'size' says 3",
        id="jsonstat-categories-do-not-match-size",
    ),
    pytest.param(
        *JSONSTAT,
        lambda b: b.replace(b"265003, 10.4]", b"265003, {}]"),
        r"line 29, column 3: 'value\[11\]' is not a number: \{\}",
        id="jsonstat-value-not-a-number",
    ),
    pytest.param(
        *JSONSTAT,
        lambda b: b.replace(b'"class": "dataset"', b'"class": "datset"'),
        r"line 3, column 3: JSON-stat class 'datset' holds no data",
        id="jsonstat-unknown-class",
    ),
]


@pytest.mark.parametrize(("stored", "damaged", "damage", "message"), BAD_FILES)
def test_import_statistics_rejects_a_bad_file_naming_its_line_and_changes_nothing(
    tmp_path, data_dir, stored, damaged, damage, message
):
    _call("import_statistics", str(data_dir / stored))
    tables = list(Table.objects.values_list("table_id", flat=True))
    before = list(Observation.objects.values_list("series", "period", "value").order_by("series", "period"))
    bad = tmp_path / f"bad{Path(damaged).suffix}"
    bad.write_bytes(damage((data_dir / damaged).read_bytes()))
    with pytest.raises(CommandError, match=f"^{bad}: {message}"):
        _call("import_statistics", str(bad))
    assert list(Observation.objects.values_list("series", "period", "value").order_by("series", "period")) == before
    assert list(Table.objects.values_list("table_id", flat=True)) == tables
    failed = ImportRun.objects.get(status=ImportRun.Status.FAILED)
    assert failed.errors.startswith(f"{bad}: ")


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
    return Source.objects.create(
        area_id=area.pk, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564", "SSS"]
    )


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
    values_before = sorted(Observation.objects.values_list("series", "period", "value").order_by("series", "period"))
    missing = Source.objects.create(area_id=area.pk, table_id="12zz", title="Ei ole")
    fake_statfin.tables["12r5"].updated = datetime(2026, 7, 22, 5, 0, tzinfo=UTC)
    fake_statfin.tables["12r5"].revision = 5.0
    fake_statfin.config["maxValues"] = 10  # the 12r5 import is now split into parts …

    # … and the service refuses the second part: nothing of the first part may be kept.
    fake_statfin.misbehave(*[Misbehaviour()] * 5, Misbehaviour(status=400, body=b"Bad request"))
    with pytest.raises(CommandError, match="2 of 2 sources failed"):
        _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    assert (
        sorted(Observation.objects.values_list("series", "period", "value").order_by("series", "period"))
        == values_before
    )
    missing.refresh_from_db()
    assert "12zz.px not found (404)" in missing.last_error
    oulu_source.refresh_from_db()
    assert "refused the query (400)" in oulu_source.last_error
    assert oulu_source.last_updated == datetime(2026, 6, 24, 5, 0, tzinfo=UTC)
    assert ImportRun.objects.filter(status=ImportRun.Status.FAILED).count() == 2


def test_refresh_source_that_keeps_getting_503_is_recorded_as_failed(fake_statfin, oulu_source, recorded_sleep):
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


class Terminal(io.StringIO):
    """An error stream that says it is a terminal, as a person's shell is."""

    def isatty(self):
        return True


def test_refresh_statistics_shows_a_progress_bar_on_a_terminal(fake_statfin, oulu_source):
    terminal = Terminal()
    call_command("refresh_statistics", "--api-url", fake_statfin.base_url, stdout=io.StringIO(), stderr=terminal)
    assert "Statistics: 100%" in terminal.getvalue()
    assert "1/1" in terminal.getvalue()


def test_refresh_statistics_fetches_the_changed_skips_the_unchanged_and_shows_a_failure_on_its_page(
    fake_statfin, oulu_source, area, client_for, coordinator
):
    fake_statfin.tables["11rd"] = replace(fake_statfin.tables["11re"], id="11rd", title="Väestö, toinen taulukko")
    unchanged = Source.objects.create(area_id=area.pk, table_id="11re", title="Väestö", area_codes=["KU564"])
    failing = Source.objects.create(area_id=area.pk, table_id="11rd", title="Väestö, toinen", area_codes=["KU564"])
    _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")

    def stored(table_id):
        rows = Observation.objects.filter(series__table__table_id=table_id)
        return sorted(rows.values_list("series__key", "period_code", "value"))

    failing_before, unchanged_before = stored("11rd"), stored("11re")
    assert len(failing_before) == len(unchanged_before) == 6  # KU564, six years
    changed_table = fake_statfin.tables["12r5"]
    changed_table.updated = datetime(2026, 7, 22, 5, 0, tzinfo=UTC)
    changed_table.revision = 2.0
    del fake_statfin.tables["11rd"]  # Statistics Finland withdrew the table
    requests_before = len(fake_statfin.requests)

    with pytest.raises(CommandError, match="1 of 3 sources failed"):
        _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")

    refreshed = stored("12r5")
    assert len(refreshed) == 72
    assert all(value == changed_table.value(_codes(key, period)) for key, period, value in refreshed)
    assert stored("11re") == unchanged_before
    assert ImportRun.objects.filter(source=unchanged).count() == 1
    posts_for_11re = [path for method, path, _ in fake_statfin.requests[requests_before:] if "11re" in path]
    assert posts_for_11re == ["/PxWeb/api/v1/fi/StatFin/11re.px"] * 2  # metadata and the one-cell 'updated' query
    assert stored("11rd") == failing_before
    failing.refresh_from_db()
    assert "11rd.px not found (404)" in failing.last_error

    coordinator_client = client_for(coordinator)
    page = coordinator_client.get(f"/fi/oulu/statistics/sources/{failing.pk}/").content.decode()
    assert "Viimeisin päivitys epäonnistui" in page
    assert "11rd.px not found (404)" in page
    assert "Näkyvät luvut ovat viimeksi onnistuneesti haetut." in page
    listing = coordinator_client.get("/fi/oulu/statistics/sources/").content.decode()
    assert listing.count("Last refresh failed") + listing.count("Viimeisin päivitys epäonnistui") == 1


def _codes(key: str, period: str) -> tuple[str, str, str]:
    """The fake table's (area, month, content) of a stored series key and period."""
    codes = dict(part.split("=", 1) for part in key.split(";"))
    return codes["alue_23_20260101"], period, codes["contentscode"]


def test_refresh_statistics_fetches_a_source_again_after_a_coordinator_changed_its_selection(
    fake_statfin, oulu_source, client_for, coordinator, area
):
    _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    form = {"table_id": "12r5", "title": "Työnvälitystilasto", "area_codes": "KU564, KU244, SSS"}
    client_for(coordinator).post(f"/fi/oulu/statistics/sources/{oulu_source.pk}/edit/", {**form, "active": "on"})
    out = _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    assert "12r5: imported 108 cells (36 new, 0 changed, 72 unchanged)" in out
    assert Series.objects.filter(area_code="KU244").count() == 3


def test_editing_only_a_sources_title_does_not_fetch_it_again(fake_statfin, oulu_source):
    _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
    oulu_source.refresh_from_db()
    update_source(None, oulu_source, title="Työnvälitystilasto, kunnat")
    assert "12r5: unchanged since" in _call("refresh_statistics", "--api-url", fake_statfin.base_url, "--no-progress")
