"""The import's reader and planner on arbitrary input: it reads back what was written, and never crashes."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verkko.ecosystem import importing
from verkko.lib.exports import write_csv, write_xlsx

# Cells as spreadsheet users type them: printable text without surrounding spaces or line breaks.
# Not starting with "=": lib.exports.write_xlsx writes such text as a formula (reported to the lead).
cell = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda text: text and not text.startswith("="))
)
rows = st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=8)
HEADER = ["name", "type", "description"]


def upload(writer, name, data):
    buffer = io.StringIO() if writer is write_csv else io.BytesIO()
    writer(buffer, HEADER, data)
    content = buffer.getvalue()
    return SimpleUploadedFile(name, content.encode("utf-8") if isinstance(content, str) else content)


@pytest.mark.parametrize(("writer", "name"), [(write_csv, "rivit.csv"), (write_xlsx, "rivit.xlsx")])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=rows)
def test_what_the_exports_write_reads_back_cell_for_cell(writer, name, data):
    read = importing.read_rows(upload(writer, name, data))
    assert [[row[column] for column in HEADER] for row in read] == data
    assert [row["_row"] for row in read] == list(range(2, len(data) + 2))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=rows)
def test_planning_any_rows_gives_a_plan_or_row_errors_never_a_crash(area, data):
    raw = [{"_row": number, **dict(zip(HEADER, row, strict=True))} for number, row in enumerate(data, start=2)]
    plan = importing.plan(area, "organisations", raw)
    assert len(plan.rows) + len({error.split(":")[0] for error in plan.errors}) >= 1
    for error in plan.errors:
        assert error.startswith("Row ") or error.startswith("Rivi ")
