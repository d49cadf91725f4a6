"""Property tests: generated tables written as JSON-stat or PX read back identically, read whole
or piece by piece; times in the forms sources write them read back."""

from datetime import UTC, datetime
from unittest import mock

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verkko.stats.formats import (
    ROLE_AREA,
    ROLE_CONTENT,
    ROLE_OTHER,
    ROLE_TIME,
    Dataset,
    Dimension,
    FormatError,
    jsonscan,
    read_bytes,
    read_jsonstat,
)
from verkko.stats.formats.limits import text_figure
from verkko.stats.formats.px import MISSING_SYMBOLS
from verkko.stats.formats.times import SOURCE_TIMEZONE, parse_source_time
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


# --- large arrays read piece by piece ---------------------------------------------------------

# Texts JSON must escape or that look like the array's own punctuation.
AWKWARD_TEXT = st.text(alphabet='.,]["\\ {}:x1-', min_size=0, max_size=6)
JSON_ENTRY = st.one_of(
    st.none(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.integers(min_value=0, max_value=999).map(str),
    AWKWARD_TEXT,
)


def _cells_of(dataset: Dataset) -> list:
    return [cell for batch in dataset.batches(size=3) for cell in zip(batch.values, batch.statuses, strict=True)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cubes(), st.booleans(), st.integers(min_value=1, max_value=40))
def test_jsonstat_read_piece_by_piece_equals_read_whole(dataset, status_as_array, piece_bytes):
    document = write_jsonstat(dataset, status_as_array=status_as_array)
    (whole,) = read_jsonstat(document, stream_above=10**9)
    with mock.patch.object(jsonscan, "PIECE_BYTES", piece_bytes):
        (streamed,) = read_jsonstat(document, stream_above=0)
        assert _cells_of(streamed) == _cells_of(whole)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.integers(min_value=1, max_value=30), st.booleans())
def test_arrays_with_awkward_texts_read_piece_by_piece_equal_read_whole(data, piece_bytes, indent):
    size = data.draw(st.integers(min_value=1, max_value=40))
    values = data.draw(st.lists(JSON_ENTRY, min_size=size, max_size=size))
    statuses = data.draw(st.lists(st.one_of(st.none(), AWKWARD_TEXT), min_size=size, max_size=size))
    codes = [str(2000 + i) for i in range(size)]
    document = {
        "version": "2.0",
        "class": "dataset",
        "id": ["vuosi"],
        "size": [size],
        "role": {"time": ["vuosi"]},
        "dimension": {"vuosi": {"category": {"index": codes}}},
        "status": statuses,
        "value": values,
    }
    text = orjson.dumps(document, option=orjson.OPT_INDENT_2 if indent else 0)
    if any(isinstance(value, str) and text_figure(value) is None for value in values):
        # A text that is no figure is refused, read whole or piece by piece, naming the same cell.
        with pytest.raises(FormatError, match=r"'value\[\d+\]'") as whole_error:
            read_jsonstat(text, stream_above=10**9)
        with mock.patch.object(jsonscan, "PIECE_BYTES", piece_bytes), pytest.raises(FormatError) as streamed_error:
            read_jsonstat(text, stream_above=0)
        assert streamed_error.value.problem == whole_error.value.problem
        return
    (whole,) = read_jsonstat(text, stream_above=10**9)
    with mock.patch.object(jsonscan, "PIECE_BYTES", piece_bytes):
        (streamed,) = read_jsonstat(text, stream_above=0)
        assert _cells_of(streamed) == _cells_of(whole)


# --- times as sources write them -----------------------------------------------------------------


@given(st.text(max_size=40))
def test_any_updated_text_is_taken_without_error(text):
    moment = parse_source_time(text)
    assert moment is None or moment.tzinfo is not None


SECONDS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0, fold=0)  # a written time carries no fold
)


@given(SECONDS)
def test_times_written_in_each_form_read_back(moment):
    expected = moment.replace(tzinfo=SOURCE_TIMEZONE).astimezone(UTC)
    forms = [
        moment.isoformat(),
        moment.strftime("%Y%m%d %H:%M:%S"),
        f"{moment.month:02d}/{moment.day:02d}/{moment.year} {moment:%H:%M:%S}",
        f"{moment.day}.{moment.month}.{moment.year} {moment:%H:%M:%S}",
    ]
    for text in forms:
        assert parse_source_time(text) == expected, text


TOKEN = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6).map(lambda v: str(v).encode()),
    st.floats(width=64).map(lambda v: repr(v).encode()),
    st.sampled_from(sorted(MISSING_SYMBOLS | {"-"})).map(lambda s: s.encode()),
    st.sampled_from(sorted(MISSING_SYMBOLS | {"-"})).map(lambda s: f'"{s}"'.encode()),
    st.sampled_from([b'"5"', b"x", b"1e400", b"nan", b'"', b"--", b"1,5"]),
)


@given(st.lists(TOKEN, min_size=1, max_size=30))
def test_px_symbols_found_first_read_as_token_by_token(tokens):
    """The fast reading of a DATA piece with symbols gives what reading it token by token gives, or
    refuses it with the same message."""
    from verkko.stats.formats import px

    data = b" ".join(tokens)

    def outcome(read):
        try:
            return read()
        except FormatError as error:
            return str(error)

    def fast():
        return px._read_piece(data, list(tokens), data, 0, "t.px")

    assert outcome(fast) == outcome(lambda: px._read_tokens(list(tokens), data, 0, "t.px"))
