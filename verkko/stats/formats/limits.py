"""How large a table the readers take, and which texts stand for a figure.

A table's declared cells (the product of its dimensions' sizes) are counted before anything
is allocated for them, so a small file that declares billions of cells is refused at once.
The limit is the ``STATISTICS_MAX_CELLS`` setting.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.utils.translation import gettext

from verkko.lib.formatting import format_number

from .errors import FormatError

DEFAULT_MAX_CELLS = 10_000_000

# Symbols that stand for a missing figure ("." … "......", secrecy among them), and "-" for a
# true zero, as PX files and Statistics Finland's answers write them.
MISSING_SYMBOLS = frozenset({".", "..", "...", "....", ".....", "......"})
ZERO_SYMBOL = "-"


def max_cells() -> int:
    """The most cells one table may declare (``STATISTICS_MAX_CELLS``)."""
    return int(getattr(settings, "STATISTICS_MAX_CELLS", DEFAULT_MAX_CELLS))


def check_cell_count(cells: int, *, origin: str = "", line: int | None = None, path: str = "") -> None:
    """Refuse a table that declares more cells than this installation takes."""
    limit = max_cells()
    if cells > limit:
        raise FormatError(
            gettext(
                "the table declares %(cells)s cells, more than the %(limit)s one table may have here "
                "(the STATISTICS_MAX_CELLS setting)"
            )
            % {"cells": format_number(cells), "limit": format_number(limit)},
            source=origin,
            line=line,
            path=path,
        )


def text_figure(text: str) -> tuple[float | None, str] | None:
    """(value, status) of a figure given as text: a finite number, a missing symbol or "-" (zero).

    None when the text is none of these.
    """
    stripped = text.strip()
    if stripped == ZERO_SYMBOL:
        return 0.0, ZERO_SYMBOL
    if stripped in MISSING_SYMBOLS:
        return None, stripped
    try:
        value = float(stripped)
    except ValueError:
        return None
    return (value, "") if math.isfinite(value) else None


def not_a_figure(member: str, text) -> str:
    """The message for a cell (``member``, such as "value[12]") whose text is no number and no symbol."""
    return gettext(
        "'%(member)s' holds %(text)s, which is neither a number nor a symbol of a missing figure (%(symbols)s)"
    ) % {
        "member": member,
        "text": repr(text)[:60],
        "symbols": " ".join(['"-"', *(f'"{symbol}"' for symbol in sorted(MISSING_SYMBOLS, key=len))]),
    }
