"""Property tests: generated tables written as JSON-stat or PX read back identically."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verkko.stats.formats import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension, read_bytes
from verkko.stats.formats.px import MISSING_SYMBOLS
from verkko.stats.formats.writers import write_jsonstat, write_px

# Text that ISO-8859-15 can hold, without the quote PX uses to delimit texts.
TEXT = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöåÄÖÅ0123456789 -_.()%", min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
CODE = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", min_size=1, max_size=8)

CELL = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9).map(lambda v: (v, "")),
    st.floats(allow_nan=False, allow_infinity=False, width=64).map(lambda v: (v, "")),
    st.sampled_from(sorted(MISSING_SYMBOLS)).map(lambda symbol: (None, symbol)),
    st.just((0, "-")),
)


@st.composite
def time_dimension(draw):
    kind = draw(st.sampled_from(["M", "Q", "Y"]))
    first_year = draw(st.integers(min_value=1990, max_value=2030))
    count = draw(st.integers(min_value=1, max_value=6))
    if kind == "M":
        codes = [f"{first_year + (i // 12)}M{i % 12 + 1:02d}" for i in range(count)]
    elif kind == "Q":
        codes = [f"{first_year + (i // 4)}Q{i % 4 + 1}" for i in range(count)]
    else:
        codes = [str(first_year + i) for i in range(count)]
    return Dimension("aika", "Aika", codes, codes, role=ROLE_TIME)


@st.composite
def other_dimension(draw, name, role):
    codes = draw(st.lists(CODE, min_size=1, max_size=4, unique=True))
    labels = draw(st.lists(TEXT, min_size=len(codes), max_size=len(codes)))
    return Dimension(name, name.capitalize(), codes, labels, role=role)


@st.composite
def cubes(draw):
    dimensions = [draw(time_dimension())]
    for name, role in (("alue", ROLE_AREA), ("tiedot", ROLE_CONTENT), ("ryhma", ROLE_OTHER)):
        if draw(st.booleans()):
            dimensions.append(draw(other_dimension(name, role)))
    dimensions = draw(st.permutations(dimensions))
    size = 1
    for dim in dimensions:
        size *= len(dim)
    cells = draw(st.lists(CELL, min_size=size, max_size=size))
    return Dataset.from_values(
        dimensions,
        [value for value, _ in cells],
        [status for _, status in cells],
        table_id="generated",
        title=draw(TEXT),
    )


def _same_rows(read_back: Dataset, original: Dataset) -> None:
    assert list(read_back.rows(size=7)) == list(original.rows(size=5))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cubes(), st.booleans(), st.booleans())
def test_jsonstat_round_trip_of_generated_cubes(dataset, index_as_array, status_as_array):
    document = write_jsonstat(dataset, index_as_array=index_as_array, status_as_array=status_as_array)
    (read_back,) = read_bytes(document)
    assert [(d.code, d.role, d.codes, d.labels) for d in read_back.dimensions] == [
        (d.code, d.role, d.codes, d.labels) for d in dataset.dimensions
    ]
    assert read_back.title == dataset.title
    _same_rows(read_back, dataset)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cubes(), st.sampled_from(["utf-8", "ANSI"]), st.integers(min_value=1, max_value=9))
def test_px_round_trip_of_generated_cubes(dataset, charset, values_per_line):
    document = write_px(dataset, charset=charset, values_per_line=values_per_line)
    (read_back,) = read_bytes(document)
    assert [(d.code, d.role, d.codes, d.labels) for d in read_back.dimensions] == [
        (d.code, d.role, d.codes, d.labels) for d in dataset.dimensions
    ]
    _same_rows(read_back, dataset)
