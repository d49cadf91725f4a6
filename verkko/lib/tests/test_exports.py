import csv
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from verkko.lib.exports import (
    MAX_CSV_CELL,
    TableTooLarge,
    csv_safe,
    csv_table,
    csv_unquoted,
    tabular_response,
    write_xlsx,
    xlsx_table,
)


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text():
    buffer = io.BytesIO()
    write_xlsx(buffer, ["nimi", "arvo"], [['=HYPERLINK("http://example.com")', 1.5], ["Oulu", None]])
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [("nimi", "arvo"), ('=HYPERLINK("http://example.com")', 1.5), ("Oulu", None)]
    assert sheet["A2"].data_type == "s"


def test_xlsx_keeps_numbers_and_dates_as_such_with_formats_that_show_them_as_the_pages_do():
    import datetime
    from decimal import Decimal

    buffer = io.BytesIO()
    row = [
        1662,
        12.8,
        Decimal("150.50"),
        9.19811320755,
        datetime.date(2026, 12, 1),
        datetime.datetime(2026, 12, 1, 9, 5),
        True,
    ]
    write_xlsx(buffer, ["a", "b", "c", "d", "e", "f", "g"], [row])
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = sheet[2]
    assert [cell.value for cell in cells[:4]] == [1662, 12.8, 150.5, 9.19811320755]
    assert [cell.data_type for cell in cells[:4]] == ["n"] * 4
    assert [cell.number_format for cell in cells] == [
        "#,##0",
        "#,##0.0",
        "#,##0.0",
        "#,##0.000000",
        "d.m.yyyy",
        "d.m.yyyy h:mm",
        "General",
    ]


def test_csv_download_is_utf8_with_a_byte_order_mark():
    response = tabular_response("luvut", ["kunta", "työttömät"], [["Hailuoto", 35], ["Ii", 410]], "csv")
    assert response["Content-Disposition"] == 'attachment; filename="luvut.csv"'
    assert response.content.decode("utf-8-sig").splitlines() == ["kunta,työttömät", "Hailuoto,35", "Ii,410"]


def test_csv_cells_that_a_spreadsheet_would_run_open_as_text():
    formulas = ['=HYPERLINK("http://example.com","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1"]
    response = tabular_response("organisaatiot", ["nimi"], [[formula] for formula in formulas], "csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1:] == [["'" + formula] for formula in formulas]


def test_csv_keeps_numbers_and_signed_numbers_as_they_are():
    response = tabular_response("luvut", ["kunta", "muutos"], [["Ii", -5], ["Oulu", "-1,5"], ["Muhos", "+12"]], "csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1:] == ["Ii,-5", 'Oulu,"-1,5"', "Muhos,+12"]


@pytest.mark.parametrize("text", ["=1+1", "'=1+1", "''@x", "'abc", "-5", "'-5", "-x", "plain"])
def test_what_csv_safe_protects_csv_unquoted_reads_back(text):
    assert csv_unquoted(csv_safe(text)) == text


def test_reading_a_csv_with_a_cell_longer_than_the_csv_module_takes_is_a_csv_error():
    with pytest.raises(csv.Error):
        csv_table("a,b\n" + "x" * (MAX_CSV_CELL + 1) + ",1\n", max_rows=10)


def test_reading_stops_at_the_row_limit():
    with pytest.raises(TableTooLarge):
        csv_table("a\n" * 11, max_rows=10)
    assert len(csv_table("a\n" * 10, max_rows=10)) == 10


def _xlsx_declaring(rows, declared):
    """A workbook with a few rows whose sheet says it holds `declared` rows, as a crafted file may."""
    buffer = io.BytesIO()
    write_xlsx(buffer, ["nimi"], [[f"rivi {number}"] for number in range(rows)])
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:A{declared}"/>'.encode(), data)
                if b"<dimension" not in data:
                    data = data.replace(b"<sheetData", f'<dimension ref="A1:A{declared}"/><sheetData'.encode(), 1)
            target.writestr(item, data)
    return out.getvalue()


def test_an_xlsx_declaring_millions_of_rows_is_refused_before_reading_them():
    with pytest.raises(TableTooLarge):
        xlsx_table(_xlsx_declaring(3, 3_000_000), max_rows=5000)


def test_an_xlsx_with_more_rows_than_the_limit_stops_at_the_limit_whatever_it_declares():
    with pytest.raises(TableTooLarge):
        xlsx_table(_xlsx_declaring(30, 2), max_rows=20)
    assert len(xlsx_table(_xlsx_declaring(19, 2), max_rows=20)) == 20


def test_an_xlsx_that_unpacks_to_too_many_bytes_is_refused_unopened(monkeypatch):
    monkeypatch.setattr("verkko.lib.exports.MAX_XLSX_UNPACKED_BYTES", 100)
    with pytest.raises(TableTooLarge):
        xlsx_table(_xlsx_declaring(3, 3), max_rows=5000)


def test_xlsx_takes_control_characters_that_a_text_field_accepted():
    buffer = io.BytesIO()
    write_xlsx(buffer, ["nimi"], [["a\x1fb\x0bc"]])
    rows = list(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows(values_only=True))
    assert rows[1] == ("a\ufffdb\ufffdc",)
