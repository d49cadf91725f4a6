"""Property tests of the store: whatever is imported reads back, and re-imports count honestly."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_TIME, Dataset, Dimension
from verkko.stats.models import Observation
from verkko.stats.store import import_dataset

CELL = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6).map(lambda v: (float(v), "")),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda v: (v, "")),
    st.sampled_from([(None, ".."), (None, "..."), (0.0, "-")]),
)


@st.composite
def tables(draw):
    areas = draw(st.lists(st.sampled_from(["SSS", "KU072", "KU139", "KU244", "KU564"]), min_size=1, unique=True))
    month_count = draw(st.integers(min_value=1, max_value=5))
    months = [f"2025M{m:02d}" for m in range(1, month_count + 1)]
    contents = draw(st.lists(st.sampled_from(["A", "B", "C"]), min_size=1, unique=True))
    dims = [
        Dimension("alue", "Alue", areas, areas, role=ROLE_AREA),
        Dimension("kuukausi", "Kuukausi", months, months, role=ROLE_TIME),
        Dimension("tiedot", "Tiedot", contents, contents, role=ROLE_CONTENT),
    ]
    dims = draw(st.permutations(dims))
    size = len(areas) * month_count * len(contents)
    cells = draw(st.lists(CELL, min_size=size, max_size=size))
    return Dataset.from_values(dims, [v for v, _ in cells], [s for _, s in cells], table_id="prop")


def _stored():
    rows = Observation.objects.values_list(
        "series__area_code", "series__measure_code", "period_code", "value", "status"
    )
    return {(area, measure, period): (value, status) for area, measure, period, value, status in rows}


def _expected(dataset, *more):
    expected = {}
    for current in (dataset, *more):
        area_at = [d.code for d in current.dimensions if d.role != ROLE_TIME].index("alue")
        content_at = [d.code for d in current.dimensions if d.role != ROLE_TIME].index("tiedot")
        for row in current.rows():
            expected[(row[area_at], row[content_at], row[-3])] = (row[-2], row[-1])
    return expected


class Rollback(Exception):
    pass


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables(), tables())
def test_store_reads_back_what_two_imports_wrote_and_counts_every_cell(first, second):
    try:
        with transaction.atomic():
            import_dataset(first)
            assert _stored() == _expected(first)
            before = _stored()
            run = import_dataset(second)
            assert _stored() == _expected(first, second)
            after_second = _expected(second)
            new = sum(1 for key in after_second if key not in before)
            changed = sum(1 for key, cell in after_second.items() if key in before and before[key] != cell)
            assert (run.rows_new, run.rows_changed) == (new, changed)
            assert run.rows_unchanged == len(after_second) - new - changed
            raise Rollback
    except Rollback:
        pass
