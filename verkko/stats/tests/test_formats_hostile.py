"""Hostile files: tables that declare more cells than they hold or than memory could take, and
cells whose text is no figure. Each is refused with a message, in bounded memory: a table's
size before any cell is handed on, a cell that is no figure when it is read; an import of one
changes nothing in the database."""

import io
import tracemalloc

import orjson
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from verkko.stats.formats import FormatError, read_bytes, read_jsonstat
from verkko.stats.models import ImportRun, Observation, Series, Table

# A file of some 50 KB that declares 2081³ ≈ 9 billion cells.
HUGE_SIDE = 2081


def _values(name: str, count: int) -> str:
    return f'VALUES("{name}")=' + ",".join(f'"{name[0]}{i}"' for i in range(count)) + ";\n"


def _px(stub_counts: dict[str, int], heading: str, periods: list[str], data: str) -> bytes:
    stub = ",".join(f'"{name}"' for name in stub_counts)
    text = (
        'CHARSET="ANSI";\nMATRIX="vihamielinen";\nTITLE="Vihamielinen";\n'
        f'STUB={stub};\nHEADING="{heading}";\n'
        + "".join(_values(name, count) for name, count in stub_counts.items())
        + f'VALUES("{heading}")='
        + ",".join(f'"{period}"' for period in periods)
        + f';\nTIMEVAL("{heading}")=TLIST(A1),'
        + ",".join(f'"{period}"' for period in periods)
        + f";\nDATA=\n{data};\n"
    )
    return text.encode("iso-8859-15")


def _peak_bytes(work) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def huge_px() -> bytes:
    periods = [str(1000 + i) for i in range(HUGE_SIDE)]
    return _px({"Alue": HUGE_SIDE, "Tiedot": HUGE_SIDE}, "Vuosi", periods, "1 2 3")


def test_px_file_declaring_nine_billion_cells_is_refused_before_anything_is_allocated():
    data = huge_px()
    assert len(data) < 70_000
    refused = []

    def read():
        with translation.override("en"), pytest.raises(FormatError) as error:
            read_bytes(data, origin="huge.px")
        refused.append(error.value)

    assert _peak_bytes(read) < 20_000_000
    assert "declares 9,011,897,441 cells, more than the 10,000,000 one table may have" in str(refused[0])
    assert str(refused[0]).startswith("huge.px: line 4:")


def test_the_cell_limit_is_a_setting_and_its_message_is_in_the_users_language(settings):
    settings.STATISTICS_MAX_CELLS = 5
    data = _px({"Alue": 3}, "Vuosi", ["2024", "2025"], "1 2 3 4 5 6")
    with translation.override("fi"), pytest.raises(FormatError, match="6 solua.*5 solua") as error:
        read_bytes(data)
    assert "STATISTICS_MAX_CELLS" in str(error.value)
    with translation.override("sv"), pytest.raises(FormatError, match="6 celler"):
        read_bytes(data)
    settings.STATISTICS_MAX_CELLS = 6
    (dataset,) = read_bytes(data)
    assert dataset.size == 6


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("1 2 3 4 5", "line 10: DATA has 5 values but its variables need 6"),
        ("1 2 3\n4 5 6\n7", "line 12: DATA has more than the 6 values its variables need"),
    ],
)
def test_px_data_with_other_cells_than_declared_is_refused_when_read(data, message):
    text = _px({"Alue": 3}, "Vuosi", ["2024", "2025"], data)
    with pytest.raises(FormatError, match=message):
        read_bytes(text)


def _cells(dataset) -> list:
    return [cell for batch in dataset.batches() for cell in zip(batch.values, batch.statuses, strict=True)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('1 2 3 4 5 "abc"', "neither a number nor a PX symbol"),
        ("1 2 3 4 5 inf", "'inf', which is neither a number"),
        ("1 2 nan 4 5 6", "'nan', which is neither a number"),
        ("1 2 3 4 5 1e400", "'1e400', which is neither a number"),
        # Bytes that Python's text would take for spaces (no-break space, separators) make no figure.
        ("1 2 3 4 5 6\xa0", "line 10: DATA holds '6\ufffd', which is neither a number nor a PX symbol"),
        ("1 2 3 4 5 \x1c6", r"line 10: DATA holds '\\x1c6', which is neither a number"),
        ("1 2 x 4 5 \xa06", "line 10: DATA holds 'x', which is neither a number"),
    ],
)
def test_px_cell_that_is_no_figure_is_refused_with_its_line_when_the_cells_are_read(data, message):
    (dataset,) = read_bytes(_px({"Alue": 3}, "Vuosi", ["2024", "2025"], data))
    with pytest.raises(FormatError, match=message):
        _cells(dataset)


def test_px_cells_are_read_again_the_same_on_every_pass():
    (dataset,) = read_bytes(_px({"Alue": 3}, "Vuosi", ["2024", "2025"], '1 2.5 ".." "-" 5 6'))
    expected = [(1.0, ""), (2.5, ""), (None, ".."), (0.0, "-"), (5.0, ""), (6.0, "")]
    assert _cells(dataset) == expected
    assert _cells(dataset) == expected


def _jsonstat(size: list[int], value, **extra) -> dict:
    ids = [f"d{i}" for i in range(len(size))]
    return {
        "version": "2.0",
        "class": "dataset",
        "id": ids,
        "size": size,
        "role": {"time": [ids[-1]]},
        "dimension": {
            code: {"category": {"index": [str(2000 + n) if code == ids[-1] else f"c{n}" for n in range(count)]}}
            for code, count in zip(ids, size, strict=True)
        },
        "value": value,
        "extension": {"px": {"tableid": "vihamielinen"}},
        **extra,
    }


def test_jsonstat_declaring_a_huge_size_is_refused_before_its_categories_are_read():
    # The size is refused even though the categories do not match it: nothing else is looked at first.
    document = orjson.dumps(_jsonstat([1, 1, 1], {"0": 1}) | {"size": [3_000_000, 3_000, 1_000]})
    refused = []

    def read():
        with translation.override("en"), pytest.raises(FormatError) as error:
            read_jsonstat(document, origin="huge.json")
        refused.append(error.value)

    assert _peak_bytes(read) < 5_000_000
    assert "declares 9,000,000,000,000 cells" in str(refused[0])


@pytest.mark.parametrize("size", [["12"], [-1], [True], [1.5]])
def test_jsonstat_with_a_size_that_is_no_whole_number_is_refused(size):
    document = _jsonstat([1], [1]) | {"size": size}
    with pytest.raises(FormatError, match="'size' should list whole numbers"):
        read_jsonstat(orjson.dumps(document))


def test_sparse_jsonstat_is_read_without_making_the_dense_table():
    # 2 million cells, two of them given: a dense list alone would take 16 MB.
    document = orjson.dumps(_jsonstat([1000, 2000], {"5": 1.5, "1999999": 7}, status={"5": "p"}))
    seen = []

    def read_all():
        (dataset,) = read_jsonstat(document)
        found = []
        for batch in dataset.batches():
            found.extend(
                (batch.start + i, value, status)
                for i, (value, status) in enumerate(zip(batch.values, batch.statuses, strict=True))
                if value is not None or status
            )
        seen.append(found)

    assert _peak_bytes(read_all) < 8_000_000
    assert seen[0] == [(5, 1.5, "p"), (1999999, 7, "")]


def test_sparse_jsonstat_names_a_cell_outside_the_table():
    with pytest.raises(FormatError, match="'value' names cell 4 but the table has 4 cells"):
        read_jsonstat(orjson.dumps(_jsonstat([2, 2], {"4": 1})))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([1, "abc", 3, 4], r"'value\[1\]' holds 'abc', which is neither a number nor a symbol"),
        ([1, 2, 3, "NaN"], r"'value\[3\]' holds 'NaN'"),
        (["Infinity", 2, 3, 4], r"'value\[0\]' holds 'Infinity'"),
        ([1, 2, "", 4], r"'value\[2\]' holds ''"),
        ({"0": 1, "3": "x"}, r"'value\[3\]' holds 'x'"),
    ],
)
def test_jsonstat_text_that_is_no_figure_is_refused_naming_its_position(value, message):
    with translation.override("en"), pytest.raises(FormatError, match=message):
        read_jsonstat(orjson.dumps(_jsonstat([2, 2], value)))


def test_jsonstat_text_that_is_no_figure_is_refused_with_its_line_when_read_piece_by_piece():
    document = orjson.dumps(_jsonstat([2, 2], [1, 2, "..", "kolme"]), option=orjson.OPT_INDENT_2)
    with translation.override("en"), pytest.raises(FormatError, match=r"'value\[3\]' holds 'kolme'") as error:
        read_jsonstat(document, stream_above=0)
    line = document.decode().splitlines()[error.value.line - 1]
    assert '"kolme"' in line


def test_jsonstat_figures_given_as_text_are_read_and_symbols_kept():
    (dataset,) = read_jsonstat(orjson.dumps(_jsonstat([2, 2], ["12.5", "..", "-", " 7 "])))
    cells = [cell for batch in dataset.batches() for cell in zip(batch.values, batch.statuses, strict=True)]
    assert cells == [(12.5, ""), (None, ".."), (0.0, "-"), (7.0, "")]


def test_pxweb_json_text_that_is_no_figure_is_refused(data_dir):
    document = orjson.loads((data_dir / "pxweb-json-vaesto.json").read_bytes())
    document["data"][1]["values"][0] = "salainen"
    with translation.override("en"), pytest.raises(FormatError, match=r"'data\[1\].values' holds 'salainen'"):
        read_bytes(orjson.dumps(document))


# --- the import command ------------------------------------------------------------------------


def _database_state():
    return (
        Table.objects.count(),
        Series.objects.count(),
        list(Observation.objects.order_by("pk").values_list("pk", "value")),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("huge.px", huge_px, "declares 9,011,897,441 cells"),
        ("short.px", lambda: _px({"Alue": 3}, "Vuosi", ["2024", "2025"], "1 2 3 4 5"), "DATA has 5 values"),
        ("huge.json", lambda: orjson.dumps(_jsonstat([1, 1], [1]) | {"size": [10**6, 10**6]}), "declares"),
        ("text.json", lambda: orjson.dumps(_jsonstat([2, 2], [1, 2, 3, "neljä"])), "holds 'neljä'"),
    ],
)
def test_import_statistics_refuses_a_hostile_file_and_changes_nothing(tmp_path, data_dir, name, content, message):
    call_command("import_statistics", str(data_dir / "tyonhakijat-ansi.px"), stdout=io.StringIO())
    before = _database_state()
    path = tmp_path / name
    path.write_bytes(content())
    with translation.override("en"), pytest.raises(CommandError, match=message):
        call_command("import_statistics", str(path), stdout=io.StringIO())
    assert _database_state() == before
    failed = ImportRun.objects.get(status=ImportRun.Status.FAILED)
    assert message in failed.errors
