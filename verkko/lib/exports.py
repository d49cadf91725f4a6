"""Tabular downloads: the same rows as CSV (UTF-8, comma-separated) or XLSX; and reading uploaded
ones within limits, so that a small file that unpacks to millions of rows costs nothing."""

import csv
import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from verkko.lib.formatting import XLSX_DATE_FORMAT, XLSX_DATETIME_FORMAT, decimals_of, xlsx_number_format

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


# A spreadsheet program reads a CSV cell that starts with one of these as a formula (=HYPERLINK(…),
# +cmd|…, @SUM(…)); tab and carriage return hide the sign that follows them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d\s\u00a0]*([.,]\d+)?([eE][+-]?\d+)?$")


def _runs_as_formula(text):
    return text.startswith(FORMULA_STARTS) and not _NUMBER.match(text)


def csv_safe(value):
    """The cell as a CSV file may carry it: text that a spreadsheet would run as a formula gets an
    apostrophe in front (OWASP's advice), so it opens as the text it is. Numbers, and text that is
    just a signed number (-5, "-1,5"), stay as they are. csv_unquoted() reads it back."""
    if isinstance(value, str) and _runs_as_formula(value.lstrip("'")):
        return "'" + value
    return value


def csv_unquoted(cell):
    """A cell of an uploaded CSV as it was before csv_safe() ('=SUM(…) back to =SUM(…))."""
    return cell[1:] if cell.startswith("'") and _runs_as_formula(cell.lstrip("'")) else cell


def write_csv(stream, columns, rows):
    writer = csv.writer(stream)
    writer.writerow([csv_safe(column) for column in columns])
    writer.writerows([csv_safe(value) for value in row] for row in rows)


def write_xlsx(stream, columns, rows, *, sheet_title="Verkko"):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.append([_cell(sheet, column) for column in columns])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    workbook.save(stream)


# A figure with more decimals than this is a computed one (a rate), not one a person wrote.
MAX_SHOWN_DECIMALS = 6


def _number_format(value):
    """The spreadsheet format that shows the value as Verkko's pages do: numbers as numbers with
    their decimals, dates and times in the Finnish order; None for text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return XLSX_DATETIME_FORMAT
    if isinstance(value, date):
        return XLSX_DATE_FORMAT
    if isinstance(value, int):
        return xlsx_number_format(0)
    if isinstance(value, float | Decimal):
        return xlsx_number_format(min(decimals_of(value), MAX_SHOWN_DECIMALS))
    return None


def _cell(sheet, value):
    """A cell whose numbers and dates carry a number format, and whose text stays text.

    Text that starts with "=" stays text: a spreadsheet must never run a formula from the data.
    Control characters that XLSX cannot hold (a form took them as text) become U+FFFD.
    """
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
        cell.data_type = "s"
        return cell
    number_format = _number_format(value)
    if number_format is None:
        return value
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = number_format
    return cell


def tabular_response(filename, columns, rows, file_format):
    """An attachment response; filename without extension; file_format 'csv' or 'xlsx'."""
    if file_format == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, columns, rows)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    elif file_format == "csv":
        buffer = io.StringIO()
        write_csv(buffer, columns, rows)
        # The byte order mark lets spreadsheet programs recognise UTF-8.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        raise ValueError(f"Unknown format {file_format!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


# Reading uploaded tables

# Python's csv module refuses longer cells (csv.Error); no cell of Verkko's imports needs more.
MAX_CSV_CELL = 131072
# What an uploaded XLSX may unpack to: its parts are compressed XML, often 20 to 100 times smaller.
MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024


class TableTooLarge(ValueError):
    """The file holds more rows (or unpacks to more bytes) than the reader takes."""


def csv_table(text, *, delimiter=",", max_rows):
    """The rows of CSV text as lists of stripped strings, stopping past max_rows rows.

    Raises csv.Error for malformed text (a cell longer than MAX_CSV_CELL among them) and
    TableTooLarge for more than max_rows rows.
    """
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if len(rows) >= max_rows:
            raise TableTooLarge(max_rows)
        rows.append([cell.strip() for cell in row])
    return rows


def xlsx_table(content, *, max_rows, max_columns=100):
    """The first sheet's rows as tuples of cell values, read within limits.

    The sheet's declared dimension is checked before any row is read, the unpacked size of the
    workbook before it is opened, and reading stops at max_rows rows whatever the sheet declares.
    Raises TableTooLarge, or what openpyxl raises for a file that is not a workbook.
    """
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        if sum(member.file_size for member in archive.infolist()) > MAX_XLSX_UNPACKED_BYTES:
            raise TableTooLarge(max_rows)
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        declared = sheet.max_row if sheet.max_row is not None else 0
        if declared > max_rows:
            raise TableTooLarge(max_rows)
        rows = []
        # An explicit max_row: openpyxl would otherwise stop at the declared dimension, which may lie.
        for row in sheet.iter_rows(max_row=max_rows + 1, max_col=max_columns, values_only=True):
            if len(rows) >= max_rows:
                raise TableTooLarge(max_rows)
            rows.append(row)
        return rows
    finally:
        workbook.close()
