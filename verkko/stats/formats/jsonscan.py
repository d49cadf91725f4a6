"""Reading a large JSON-stat document without holding every cell as a Python object.

A JSON-stat file is a small description (dimensions, labels, roles) and one or two long
arrays (``value`` and ``status``). :func:`load_with_lazy_arrays` finds those arrays in the
bytes, parses everything else with orjson, and leaves a :class:`LazyArray` in their place
that parses its text piece by piece, so memory stays at the file's bytes plus one piece.

The arrays are found by their member names: a ``"value"`` or ``"status"`` key, preceded by
``{`` or ``,`` and followed by ``:`` and ``[``, can only be a member name, because a quote
inside a JSON string is always escaped. The end of an array is its first ``]`` outside a
string; where the text has no backslash, a ``]`` or ``,`` is outside a string when an even
number of quotes comes before it, so the bytes are searched in C and never walked in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import orjson

from .errors import FormatError

# Arrays shorter than this (in bytes) are parsed with the rest of the document.
STREAM_ABOVE = 1 << 20
# About how many bytes of an array one piece parses.
PIECE_BYTES = 1 << 19
_KEYS = (b'"value"', b'"status"')
_AFTER_KEY = re.compile(rb"\s*:\s*\[")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_PLACEHOLDER = "\x00verkko-lazy-array-"
# Bytes that no number or null has (true, false, objects, arrays, text): where an error points.
_NOT_NUMERIC = (b"t", b"f", b"{", b"[", b'"')


class LazyArray:
    """A JSON array of scalars left as text; parsed piece by piece when its cells are read."""

    def __init__(self, data: bytes, start: int, end: int, *, piece_bytes: int | None = None):
        self.data = data
        self.start = start  # just after "["
        self.end = end  # at "]"
        self.piece_bytes = piece_bytes or PIECE_BYTES

    def __repr__(self) -> str:
        return f"<LazyArray bytes {self.start}–{self.end}>"

    def pieces(self) -> Iterator[tuple[list, int]]:
        """(parsed elements, byte offset of the piece) in order."""
        data, end = self.data, self.end
        position = self.start
        while position < end:
            cut = min(position + self.piece_bytes, end)
            if cut < end:
                cut = data.find(b",", cut, end)
                cut = end if cut < 0 else _comma_outside_string(data, position, cut, end)
            try:
                piece = orjson.loads(b"[" + data[position:cut] + b"]")
            except orjson.JSONDecodeError as error:
                raise _located(data, position + max(error.pos - 1, 0), f"not valid JSON ({error.msg})") from None
            yield piece, position
            position = cut + 1

    def first_not_numeric(self, start: int) -> int:
        """The offset of the first byte from ``start`` that no number or null has (or ``start``)."""
        found = [self.data.find(byte, start, self.end) for byte in _NOT_NUMERIC]
        found = [position for position in found if position >= 0]
        return min(found) if found else start


def load_with_lazy_arrays(data: bytes, *, stream_above: int = STREAM_ABOVE) -> object:
    """The parsed document with each long ``value``/``status`` array as a :class:`LazyArray`.

    Raises orjson.JSONDecodeError when the document is not valid JSON; the caller parses the
    whole text again then, to name the line at fault.
    """
    parts: list[bytes] = []
    lazy: list[LazyArray] = []
    copied = cursor = 0
    while True:
        hits = [found for key in _KEYS if (found := data.find(key, cursor)) >= 0]
        if not hits:
            break
        hit = min(hits)
        key_end = data.index(b'"', hit + 1) + 1
        after = _AFTER_KEY.match(data, key_end)
        if after is None or not _is_member_start(data, hit):
            cursor = key_end
            continue
        opening = after.end() - 1
        closing = _array_end(data, opening)
        if closing is None:
            break
        if closing - opening > stream_above:
            parts.append(data[copied:opening])
            parts.append(orjson.dumps(f"{_PLACEHOLDER}{len(lazy)}"))
            lazy.append(LazyArray(data, opening + 1, closing))
            copied = closing + 1
        cursor = closing + 1
    if not lazy:
        return orjson.loads(data)
    parts.append(data[copied:])
    document = orjson.loads(b"".join(parts))
    return _put_back(document, lazy)


def _is_member_start(data: bytes, quote: int) -> bool:
    position = quote - 1
    while position >= 0 and data[position] in b" \t\r\n":
        position -= 1
    return position >= 0 and data[position] in b"{,"


def _array_end(data: bytes, opening: int) -> int | None:
    """The offset of the "]" that closes the array of scalars opened at ``opening``."""
    closing = data.find(b"]", opening)
    while closing >= 0:
        if _outside_string(data, opening, closing):
            return closing
        closing = data.find(b"]", closing + 1)
    return None


def _comma_outside_string(data: bytes, start: int, comma: int, end: int) -> int:
    """The first comma at or after ``comma`` that is outside a string (or ``end``)."""
    while comma >= 0 and not _outside_string(data, start, comma):
        comma = data.find(b",", comma + 1, end)
    return end if comma < 0 else comma


def _outside_string(data: bytes, start: int, position: int) -> bool:
    """Whether ``position`` is outside any string, given that ``start`` is."""
    if data.find(b'"', start, position) < 0:
        return True
    if data.find(b"\\", start, position) < 0:
        return data.count(b'"', start, position) % 2 == 0
    cursor = start
    while (quote := data.find(b'"', cursor, position)) >= 0:
        match = _STRING.match(data, quote)
        if match is None or match.end() > position:
            return False
        cursor = match.end()
    return True


def _put_back(node, lazy: list[LazyArray]):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and value.startswith(_PLACEHOLDER):
                node[key] = lazy[int(value[len(_PLACEHOLDER) :])]
            elif isinstance(value, (dict, list)):
                _put_back(value, lazy)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, (dict, list)):
                _put_back(item, lazy)
    return node


def line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[line_start:offset].decode("utf-8", "replace")) + 1


def _located(data: bytes, offset: int, problem: str) -> FormatError:
    line, column = line_and_column(data, offset)
    return FormatError(problem, line=line, column=column)
