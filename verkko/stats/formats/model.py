"""The tidy result every reader gives: dimensions, and cells handed on lazily in batches."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from itertools import product
from operator import itemgetter
from typing import NamedTuple

from .errors import FormatError
from .limits import check_cell_count
from .periods import Period, parse_period

ROLE_TIME = "time"
ROLE_AREA = "area"
ROLE_CONTENT = "content"
ROLE_OTHER = "other"
ROLES = (ROLE_TIME, ROLE_AREA, ROLE_CONTENT, ROLE_OTHER)

# How many cells one batch holds when the caller does not say.
DEFAULT_BATCH_CELLS = 65536

# Words that name a dimension's role when the source does not mark it (PX files often don't).
TIME_NAMES = frozenset(
    {"vuosi", "kuukausi", "neljännes", "vuosineljännes", "year", "month", "quarter", "år", "månad", "kvartal"}
)
AREA_NAMES = frozenset(
    {
        "alue",
        "kunta",
        "maakunta",
        "seutukunta",
        "area",
        "region",
        "municipality",
        "område",
        "kommun",
        "landskap",
        "ekonomisk region",
    }
)
CONTENT_NAMES = frozenset({"tiedot", "information", "uppgifter", "contentscode"})


def guess_role(code: str, label: str) -> str:
    """The role a dimension's name suggests, for sources that do not state roles."""
    names = {code.casefold(), label.casefold(), code.casefold().split("_", 1)[0]}
    if names & TIME_NAMES or code.casefold().startswith("timeperiod"):
        return ROLE_TIME
    if names & CONTENT_NAMES:
        return ROLE_CONTENT
    if names & AREA_NAMES:
        return ROLE_AREA
    return ROLE_OTHER


class CellBatch(NamedTuple):
    """Consecutive cells of a table in storage order, starting at flat index ``start``.

    ``values`` holds floats/ints, or None where the source has no figure; ``statuses`` holds
    the source's status symbol of each cell, or "" where it gave none.
    """

    start: int
    values: list
    statuses: list


@dataclass
class Dimension:
    code: str
    label: str
    codes: list[str]
    labels: list[str]
    role: str = ROLE_OTHER
    # Only for the content dimension: unit and decimals of each content value, by code.
    units: dict[str, str] = field(default_factory=dict)
    decimals: dict[str, int] = field(default_factory=dict)
    # The code of the value that stands for "all" (the total), when the source names one.
    elimination_code: str | None = None
    # A frequency letter (A, Q, M …) the source gives for time codes such as PX "202401".
    time_format: str | None = None

    def __post_init__(self):
        if len(self.codes) != len(self.labels):
            raise FormatError(f"dimension {self.code!r} has {len(self.codes)} codes but {len(self.labels)} labels")
        if len(set(self.codes)) != len(self.codes):
            raise FormatError(f"dimension {self.code!r} repeats a value code")
        if self.role not in ROLES:
            raise FormatError(f"dimension {self.code!r} has an unknown role {self.role!r}")

    def __len__(self) -> int:
        return len(self.codes)

    @cached_property
    def position(self) -> dict[str, int]:
        return {code: i for i, code in enumerate(self.codes)}

    @cached_property
    def periods(self) -> list[Period]:
        """The time codes parsed as periods (only meaningful for the time dimension)."""
        return [parse_period(code, hint=self.time_format) for code in self.codes]

    def label_of(self, code: str) -> str:
        return self.labels[self.position[code]]

    def as_dict(self) -> dict:
        """The form ``Table.dimensions`` keeps."""
        return {
            "code": self.code,
            "label": self.label,
            "role": self.role,
            "values": [{"code": c, "label": lbl} for c, lbl in zip(self.codes, self.labels, strict=True)],
        }


ChunkSource = Callable[[], Iterable[tuple[list, list]]]


class Dataset:
    """One table: its dimensions in storage order (last one varies fastest) and its cells.

    The cells come from ``chunk_source``, a callable returning an iterable of
    ``(values, statuses)`` pieces in storage order; it is called again for every pass, so a
    dataset can be read more than once without keeping every cell in memory.
    """

    def __init__(
        self,
        *,
        dimensions: Sequence[Dimension],
        chunk_source: ChunkSource,
        table_id: str = "",
        title: str = "",
        source: str = "",
        updated: datetime | None = None,
        updated_text: str = "",
        language: str = "",
        decimals: int | None = None,
        origin: str = "",
    ):
        self.dimensions = list(dimensions)
        if not self.dimensions:
            raise FormatError("a table needs at least one dimension", source=origin)
        codes = [d.code for d in self.dimensions]
        if len(set(codes)) != len(codes):
            raise FormatError(f"dimension codes repeat: {codes}", source=origin)
        # The readers check sooner, before they allocate; this holds for every other maker of a table.
        check_cell_count(math.prod(len(d) for d in self.dimensions), origin=origin)
        self._chunk_source = chunk_source
        self.table_id = table_id
        self.title = title
        self.source = source
        # When the source last updated the table, and that time as the source wrote it
        # (kept even when it could not be read as a time, so nobody loses what it said).
        self.updated = updated
        self.updated_text = updated_text
        self.language = language
        self.decimals = decimals
        self.origin = origin

    def __repr__(self) -> str:
        shape = " × ".join(f"{d.code}({len(d)})" for d in self.dimensions)
        return f"<Dataset {self.table_id or self.origin}: {shape}>"

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(d) for d in self.dimensions)

    @property
    def size(self) -> int:
        return math.prod(self.shape)

    def dimension(self, code: str) -> Dimension:
        for dim in self.dimensions:
            if dim.code == code:
                return dim
        raise KeyError(code)

    def _with_role(self, role: str) -> Dimension | None:
        found = [d for d in self.dimensions if d.role == role]
        return found[0] if found else None

    @property
    def time_dimension(self) -> Dimension | None:
        return self._with_role(ROLE_TIME)

    @property
    def area_dimension(self) -> Dimension | None:
        return self._with_role(ROLE_AREA)

    @property
    def content_dimension(self) -> Dimension | None:
        return self._with_role(ROLE_CONTENT)

    @property
    def frequency(self) -> str:
        """M, Q or Y from the time codes; "" when the table has no time dimension."""
        time = self.time_dimension
        if time is None or not time.codes:
            return ""
        return time.periods[0].frequency

    def batches(self, *, size: int = DEFAULT_BATCH_CELLS, align: int = 1) -> Iterator[CellBatch]:
        """The cells in storage order, in batches of about ``size`` cells.

        Every batch but the last holds a multiple of ``align`` cells, so a caller can ask for
        batches that never cut a block of cells apart.
        """
        expected = self.size
        target = max(size, align)
        target -= target % align
        pending_values: list = []
        pending_statuses: list = []
        start = 0
        received = 0
        for piece_values, piece_statuses in self._chunk_source():
            if len(piece_values) != len(piece_statuses):
                raise FormatError("a piece of cells has unequal numbers of values and statuses")
            received += len(piece_values)
            if received > expected:
                raise self._size_error(f"more than {expected}")
            taken = 0
            if pending_values:
                taken = target - len(pending_values)
                pending_values.extend(piece_values[:taken])
                pending_statuses.extend(piece_statuses[:taken])
                if len(pending_values) < target:
                    continue
                yield CellBatch(start, pending_values, pending_statuses)
                start += target
                pending_values, pending_statuses = [], []
            while len(piece_values) - taken >= target:
                yield CellBatch(start, piece_values[taken : taken + target], piece_statuses[taken : taken + target])
                start += target
                taken += target
            pending_values = piece_values[taken:]
            pending_statuses = piece_statuses[taken:]
        if received != expected:
            raise self._size_error(str(received))
        if pending_values:
            yield CellBatch(start, pending_values, pending_statuses)

    def _size_error(self, received: str) -> FormatError:
        return FormatError(
            f"the table has {received} values but its dimensions "
            f"({' × '.join(str(n) for n in self.shape)}) need {self.size}",
            source=self.origin,
        )

    def rows(self, *, size: int = DEFAULT_BATCH_CELLS) -> Iterator[tuple]:
        """Tidy rows: the codes of every non-time dimension, then period code, value, status.

        Without a time dimension the period code is "".
        """
        dims = self.dimensions
        time_at = next((i for i, d in enumerate(dims) if d.role == ROLE_TIME), None)
        positions = [i for i in range(len(dims)) if i != time_at]
        if time_at is not None:
            positions.append(time_at)
        order = itemgetter(*positions) if len(positions) > 1 else lambda key: (key[positions[0]],)
        no_period = ("",) if time_at is None else ()
        # product() walks the codes in storage order, the last dimension fastest, like the cells;
        # zip takes the batch first so that it stops without using up a key.
        keys = product(*(d.codes for d in dims))
        for batch in self.batches(size=size):
            for value, status, key in zip(batch.values, batch.statuses, keys, strict=False):
                yield (*order(key), *no_period, value, status)

    def cell(self, **codes: str) -> tuple:
        """(value, status) of one cell named by the code of every dimension; for checks and tests."""
        missing = {d.code for d in self.dimensions} - codes.keys()
        if missing:
            raise KeyError(f"name a code for every dimension; missing {sorted(missing)}")
        shape = self.shape
        strides = _strides(shape)
        flat = sum(d.position[codes[d.code]] * strides[i] for i, d in enumerate(self.dimensions))
        for batch in self.batches():
            if batch.start <= flat < batch.start + len(batch.values):
                return batch.values[flat - batch.start], batch.statuses[flat - batch.start]
        raise KeyError(codes)

    @classmethod
    def from_values(
        cls,
        dimensions: Sequence[Dimension],
        values: Sequence,
        statuses: Sequence[str] | None = None,
        **info,
    ) -> Dataset:
        """A dataset from a flat list of values in storage order (last dimension fastest)."""
        values = list(values)
        statuses = list(statuses) if statuses is not None else [""] * len(values)
        if len(statuses) != len(values):
            raise FormatError(f"{len(values)} values but {len(statuses)} statuses")

        def chunks():
            yield values, statuses

        return cls(dimensions=dimensions, chunk_source=chunks, **info)

    @classmethod
    def from_cells(
        cls,
        dimensions: Sequence[Dimension],
        cells: Mapping[tuple[str, ...], float | None | tuple[float | None, str]],
        **info,
    ) -> Dataset:
        """A dataset from ``{(code of each dimension…): value or (value, status)}``.

        Cells not named are missing (None). Meant for small, hand-built or generated tables.
        """
        shape = [len(d) for d in dimensions]
        check_cell_count(math.prod(shape), origin=info.get("origin", ""))
        strides = _strides(shape)
        values: list = [None] * math.prod(shape)
        statuses: list = [""] * len(values)
        for key, content in cells.items():
            if len(key) != len(dimensions):
                raise FormatError(f"cell {key!r} does not name a code for each of {len(dimensions)} dimensions")
            try:
                flat = sum(d.position[c] * strides[i] for i, (d, c) in enumerate(zip(dimensions, key, strict=True)))
            except KeyError as unknown:
                raise FormatError(f"cell {key!r} names an unknown code {unknown}") from None
            if isinstance(content, tuple):
                values[flat], statuses[flat] = content
            else:
                values[flat] = content
        return cls.from_values(dimensions, values, statuses, **info)


def _strides(shape: Sequence[int]) -> list[int]:
    strides = [1] * len(shape)
    for i in range(len(shape) - 2, -1, -1):
        strides[i] = strides[i + 1] * shape[i + 1]
    return strides
