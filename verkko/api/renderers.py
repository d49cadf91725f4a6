"""CSV of tidy rows, for Excel and Power Query: UTF-8 with a BOM, a heading row, dots as decimals."""

import csv
import io

from rest_framework.renderers import BaseRenderer


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    MAX_ROWS = 100_000

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        if isinstance(data, dict):
            # An error: its message as a one-cell table.
            data = [{"status": data.get("status", ""), "message": data.get("message", "")}]
        rows = list(data or [])
        out = io.StringIO()
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
