"""Readers on files in the shapes real statistics offices write, made by the project.

JSON-stat 1.x with a single dataset at the top, 'updated' times that are not ISO 8601, and
PxWeb's own "json" answer; and large value arrays read piece by piece give the same cells.
"""

import io
from datetime import UTC, datetime
from unittest import mock

import orjson
import pytest
from django.core.management import call_command

from verkko.stats.formats import (
    ROLE_AREA,
    ROLE_CONTENT,
    ROLE_TIME,
    Dataset,
    Dimension,
    FormatError,
    jsonscan,
    read_bytes,
    read_file,
    read_jsonstat,
)
from verkko.stats.formats.times import parse_source_time
from verkko.stats.formats.writers import write_jsonstat, write_px
from verkko.stats.models import Observation, Series, Table

# --- JSON-stat 1.x: one dataset at the top --------------------------------------------------


@pytest.fixture
def bankruptcies(data_dir):
    (dataset,) = read_file(data_dir / "jsonstat1-dataset-dotnet-updated.json")
    return dataset


def test_jsonstat1_single_dataset_at_the_top_is_read(bankruptcies):
    assert [(d.code, d.role) for d in bankruptcies.dimensions] == [
        ("Region", ROLE_AREA),
        ("Quarter", ROLE_TIME),
        ("ContentsCode", ROLE_CONTENT),
    ]
    assert bankruptcies.title.startswith("Bankruptcies by region")
    assert bankruptcies.dimension("ContentsCode").units == {"konkurssit": "count"}
    assert list(bankruptcies.rows()) == [
        ("KU564", "konkurssit", "2014Q1", 31, ""),
        ("KU564", "konkurssit", "2014Q2", 28, ""),
        ("KU564", "konkurssit", "2014Q3", None, ".."),
        ("KU244", "konkurssit", "2014Q1", 4, ""),
        ("KU244", "konkurssit", "2014Q2", 5.0, ""),
        ("KU244", "konkurssit", "2014Q3", 3, ""),
    ]


def test_jsonstat1_single_dataset_reports_a_missing_size_inside_dimension(data_dir):
    document = orjson.loads((data_dir / "jsonstat1-dataset-dotnet-updated.json").read_bytes())
    del document["dimension"]["size"]
    with pytest.raises(FormatError, match="'dimension.size' is missing"):
        read_bytes(orjson.dumps(document))


# --- 'updated' as the source wrote it ---------------------------------------------------------


def test_updated_written_the_dotnet_way_is_kept_as_text_and_read_month_first(bankruptcies):
    assert bankruptcies.updated_text == "08/08/2014 16:39:07"
    # Naive times are Finnish local time (summer time, UTC+3).
    assert bankruptcies.updated == datetime(2014, 8, 8, 13, 39, 7, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-01-27T06:00:00Z", datetime(2026, 1, 27, 6, 0, tzinfo=UTC)),
        ("2026-01-27T08:00:00", datetime(2026, 1, 27, 6, 0, tzinfo=UTC)),
        ("2026-01-27 08:00:00.0", datetime(2026, 1, 27, 6, 0, tzinfo=UTC)),
        ("20260127 08:00", datetime(2026, 1, 27, 6, 0, tzinfo=UTC)),
        ("02/14/2026 08:00:00", datetime(2026, 2, 14, 6, 0, tzinfo=UTC)),
        ("14/02/2026 08:00:00", datetime(2026, 2, 14, 6, 0, tzinfo=UTC)),
        ("2/14/2026 8:00:00 AM", datetime(2026, 2, 14, 6, 0, tzinfo=UTC)),
        ("27.01.2026 08:00", datetime(2026, 1, 27, 6, 0, tzinfo=UTC)),
        ("27.1.2026", datetime(2026, 1, 26, 22, 0, tzinfo=UTC)),
    ],
)
def test_source_times_in_the_forms_offices_write_are_read(text, moment):
    assert parse_source_time(text) == moment


@pytest.mark.parametrize("text", ["syksyllä 2014", "13/13/2014", "2014-02-30", "", None, "31.02.2026 10:00"])
def test_source_times_that_name_no_moment_give_none(text):
    assert parse_source_time(text) is None


def test_a_file_whose_updated_is_no_time_is_read_and_keeps_the_text(data_dir):
    document = orjson.loads((data_dir / "jsonstat1-dataset-dotnet-updated.json").read_bytes())
    document["updated"] = "syksyllä 2014"
    (dataset,) = read_bytes(orjson.dumps(document))
    assert (dataset.updated, dataset.updated_text) == (None, "syksyllä 2014")


def test_a_px_file_whose_last_updated_is_no_time_is_read_and_keeps_the_text(data_dir):
    text = (data_dir / "befolkning-utf8.px").read_bytes()
    assert b"LAST-UPDATED=" in text
    start = text.index(b"LAST-UPDATED=")
    end = text.index(b";", start)
    (dataset,) = read_bytes(text[:start] + 'LAST-UPDATED="keväällä"'.encode() + text[end:])
    assert (dataset.updated, dataset.updated_text) == (None, "keväällä")


@pytest.mark.django_db
def test_import_keeps_the_updated_text_beside_the_moment(data_dir):
    call_command("import_statistics", str(data_dir / "jsonstat1-dataset-dotnet-updated.json"), stdout=io.StringIO())
    table = Table.objects.get(table_id="jsonstat1-dataset-dotnet-updated")
    assert table.updated_text == "08/08/2014 16:39:07"
    assert table.updated == datetime(2014, 8, 8, 13, 39, 7, tzinfo=UTC)
    assert Series.objects.filter(table=table).count() == 2


# --- PxWeb's own "json" answer -------------------------------------------------------------------


@pytest.fixture
def population(data_dir):
    (dataset,) = read_file(data_dir / "pxweb-json-vaesto.json")
    return dataset


def test_pxweb_json_answer_is_read_with_its_content_columns_as_one_dimension(population):
    assert [(d.code, d.role, d.codes) for d in population.dimensions] == [
        ("Alue", ROLE_AREA, ["KU564", "KU244"]),
        ("Vuosi", ROLE_TIME, ["2023", "2024"]),
        ("contentscode", ROLE_CONTENT, ["vaesto", "muutos"]),
    ]
    assert population.dimension("contentscode").labels == ["Väestö 31.12. (keksitty)", "Väestönmuutos (keksitty)"]
    assert population.title == "Väestö alueittain (keksitty testiaineisto)"
    assert population.updated == datetime(2025, 4, 25, 5, 0, tzinfo=UTC)


def test_pxweb_json_values_are_read_with_px_symbols(population):
    assert population.cell(Alue="KU564", Vuosi="2024", contentscode="vaesto") == (216152.0, "")
    assert population.cell(Alue="KU244", Vuosi="2023", contentscode="muutos") == (0.0, "-")
    assert population.cell(Alue="KU244", Vuosi="2024", contentscode="muutos") == (None, "..")


def test_pxweb_json_rows_left_out_are_missing_cells(data_dir):
    document = orjson.loads((data_dir / "pxweb-json-vaesto.json").read_bytes())
    del document["data"][1]
    (dataset,) = read_bytes(orjson.dumps(document))
    assert dataset.cell(Alue="KU564", Vuosi="2024", contentscode="vaesto") == (None, "")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["data"][0].update(values=["1"]), r"'data\[0\]' gives 2 codes and 1 values"),
        (lambda d: d["data"].append(d["data"][0]), r"'data\[4\]' repeats the key"),
        (lambda d: d["data"][2]["values"].__setitem__(0, {"x": 1}), r"'data\[2\].values' holds"),
        (lambda d: d.update(columns=[c for c in d["columns"] if c["type"] != "c"]), "no content column"),
    ],
)
def test_pxweb_json_errors_name_the_row(data_dir, damage, message):
    document = orjson.loads((data_dir / "pxweb-json-vaesto.json").read_bytes())
    damage(document)
    with pytest.raises(FormatError, match=message):
        read_bytes(orjson.dumps(document))


@pytest.mark.django_db
def test_import_statistics_detects_a_pxweb_json_answer(data_dir):
    out = io.StringIO()
    call_command("import_statistics", str(data_dir / "pxweb-json-vaesto.json"), "--json", stdout=out)
    summary = orjson.loads(out.getvalue())
    assert summary["tables"] == ["pxweb-json-vaesto"]
    assert (summary["series"], summary["observations"], summary["missing_cells"]) == (4, 8, 1)
    assert Observation.objects.filter(series__area_code="KU564", series__measure_code="vaesto").count() == 2


@pytest.mark.django_db
def test_import_statistics_reads_a_pxweb_json_answer_without_a_json_name(tmp_path, data_dir):
    path = tmp_path / "saved-from-pxweb.txt"
    path.write_bytes((data_dir / "pxweb-json-vaesto.json").read_bytes())
    out = io.StringIO()
    call_command("import_statistics", str(path), "--format", "auto", "--json", stdout=out)
    assert orjson.loads(out.getvalue())["observations"] == 8


# --- large value arrays, read piece by piece ---------------------------------------------------


def _table(values, statuses, **info):
    months = [f"{2000 + i // 12}M{i % 12 + 1:02d}" for i in range(len(values))]
    time = Dimension("kuukausi", "Kuukausi", months, months, role=ROLE_TIME)
    return Dataset.from_values([time], values, statuses, **info)


def _cells(dataset):
    return [(value, status) for batch in dataset.batches(size=7) for value, status in zip(*batch[1:], strict=True)]


def test_long_arrays_are_left_as_text_and_give_the_same_cells(data_dir):
    values = [float(i) if i % 5 else None for i in range(3000)]
    statuses = ["" if i % 5 else "..." for i in range(3000)]
    document = write_jsonstat(_table(values, statuses, table_id="t"), status_as_array=True)
    loaded = jsonscan.load_with_lazy_arrays(document, stream_above=100)
    assert isinstance(loaded["value"], jsonscan.LazyArray)
    assert isinstance(loaded["status"], jsonscan.LazyArray)
    with mock.patch.object(jsonscan, "PIECE_BYTES", 97):
        (streamed,) = read_jsonstat(document, stream_above=100)
        assert _cells(streamed) == list(zip(values, statuses, strict=True))


def test_a_long_array_with_a_bad_entry_names_it_and_its_line():
    values = [1.0] * 500
    document = write_jsonstat(_table(values, [""] * 500, table_id="t")).replace(b"1.0,1.0,1.0]", b'1.0,{"a":1},1.0]')
    with pytest.raises(FormatError, match=r"line 1, column \d+: 'value\[498\]' is not a number: \{'a': 1\}"):
        read_jsonstat(document, stream_above=100)


def test_a_long_array_of_the_wrong_length_is_refused_before_any_cell():
    document = write_jsonstat(_table([1.0] * 500, [""] * 500, table_id="t")).replace(b"1.0,1.0]", b"1.0]")
    with pytest.raises(FormatError, match="'value' has 499 entries but the sizes multiply to 500"):
        read_jsonstat(document, stream_above=100)


def test_a_long_array_with_broken_json_names_the_line():
    document = write_jsonstat(_table([1.0] * 500, [""] * 500, table_id="t")).replace(b"1.0,1.0]", b"1.0,,1.0]")
    with pytest.raises(FormatError, match=r"line 1, column \d+: not valid JSON"):
        read_jsonstat(document, stream_above=100)


def test_px_and_streamed_jsonstat_of_the_same_table_agree():
    values = [float(i % 17) for i in range(2400)]
    table = _table(values, [""] * 2400, table_id="t")
    (from_json,) = read_jsonstat(write_jsonstat(table), stream_above=100)
    (from_px,) = read_bytes(write_px(table))
    assert list(from_json.rows()) == list(from_px.rows())
