"""A stored table as a tidy table: one column per dimension code, then period, value, status."""

from __future__ import annotations

from openpyxl import Workbook

from .formats import ROLE_TIME
from .models import Observation, Table

XLSX_MAX_ROWS = 1_048_576
READ_CHUNK = 20_000


class TidyExport:
    def __init__(self, table: Table):
        self.table = table
        self.dimension_codes = [d["code"] for d in table.dimensions if d.get("role") != ROLE_TIME]
        self.header = [*self.dimension_codes, "period", "value", "status"]

    def rows(self):
        """Rows in series order, then by period; read from the database a chunk at a time."""
        codes_of = {
            series_id: [codes.get(code, "") for code in self.dimension_codes]
            for series_id, codes in self.table.series.values_list("id", "codes")
        }
        observations = (
            Observation.objects.filter(series__table=self.table)
            .order_by("series_id", "period")
            .values_list("series_id", "period_code", "value", "status")
        )
        for series_id, period_code, value, status in observations.iterator(chunk_size=READ_CHUNK):
            yield [*codes_of[series_id], period_code, value, status]

    def write_csv(self, writer) -> int:
        writer.writerow(self.header)
        count = 0
        for row in self.rows():
            row[-2] = _plain_number(row[-2])
            writer.writerow(row)
            count += 1
        return count

    def write_xlsx(self, target) -> int:
        """Write-only workbook; rows beyond one sheet's limit go on to further sheets."""
        workbook = Workbook(write_only=True)
        sheet = None
        count = 0
        sheet_rows = XLSX_MAX_ROWS
        for row in self.rows():
            if sheet_rows == XLSX_MAX_ROWS:
                sheet = workbook.create_sheet(title=f"{self.table.table_id}-{len(workbook.worksheets) + 1}"[:31])
                sheet.append(self.header)
                sheet_rows = 1
            sheet.append(row)
            sheet_rows += 1
            count += 1
        if sheet is None:
            workbook.create_sheet(title=self.table.table_id[:31]).append(self.header)
        workbook.save(target)
        return count


def _plain_number(value):
    """Whole numbers without a trailing .0; an empty cell where the value is missing."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value
