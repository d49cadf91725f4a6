"""Tabular downloads: the same rows as CSV (UTF-8, comma-separated) or XLSX."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def write_csv(stream, columns, rows):
    writer = csv.writer(stream)
    writer.writerow(columns)
    writer.writerows(rows)


def write_xlsx(stream, columns, rows, *, sheet_title="Verkko"):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.append([_text_cell(sheet, column) for column in columns])
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    workbook.save(stream)


def _text_cell(sheet, value):
    """Text that starts with "=" stays text: a spreadsheet must never run a formula from the data."""
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return value


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
