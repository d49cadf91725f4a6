"""PX file reader (PC-Axis): keywords, languages, VALUES/CODES, TIMEVAL and the DATA block."""

from __future__ import annotations

import codecs
import math
import re
from datetime import datetime

from .errors import FormatError
from .limits import MISSING_SYMBOLS, ZERO_SYMBOL, check_cell_count
from .model import ROLE_AREA, ROLE_CONTENT, ROLE_OTHER, ROLE_TIME, Dataset, Dimension, guess_role
from .times import parse_source_time

__all__ = ["MISSING_SYMBOLS", "ZERO_SYMBOL", "read_px"]

_DATA_KEYWORD = re.compile(rb"(?:\A|[\r\n;])[ \t]*DATA[ \t]*=")
_UTF8_PAIR = re.compile(rb"[\xc2\xc3][\x80-\xbf]")
_CHARSET = re.compile(rb'(?m)^\s*CHARSET\s*=\s*"([^"]*)"')
_CODEPAGE = re.compile(rb'(?m)^\s*CODEPAGE\s*=\s*"([^"]*)"')
_KEYWORD = re.compile(
    r"""\s*([A-Za-z][A-Za-z0-9_-]*)          # keyword
        (?:\[([A-Za-z0-9_-]+)\])?              # [language]
        (?:\(\s*("[^"]*"(?:\s*,\s*"[^"]*")*)\s*\))?  # ("argument", …)
        \s*=""",
    re.VERBOSE,
)
_STRING = re.compile(r'"([^"]*)"')
_TLIST = re.compile(r'TLIST\(\s*([A-Za-z])1\s*(?:,\s*"([^"]*)"\s*-\s*"([^"]*)"\s*)?\)')
_BARE = re.compile(r"[^\s,;\"]+")
_SPACE = re.compile(r"\s*")
# DATA is read about a megabyte of text at a time.
_DATA_CHUNK_BYTES = 1 << 20


class Statement:
    __slots__ = ("keyword", "language", "arguments", "items", "position")

    def __init__(self, keyword, language, arguments, items, position):
        self.keyword = keyword
        self.language = language
        self.arguments = arguments
        self.items = items
        self.position = position


def read_px(data: bytes, *, origin: str = "") -> Dataset:
    """A PX file's table: its header read and its DATA counted; the figures are read as the cells are asked for."""
    found = _DATA_KEYWORD.search(data)
    if not found:
        raise FormatError(
            "no DATA= keyword: the file is truncated or not a PX file", source=origin, line=data.count(b"\n") + 1
        )
    header_bytes = data[: found.start() + 1] if found.start() else b""
    header = _decode_header(header_bytes, origin)
    data_start = found.end()
    statements = _parse_statements(header, origin)
    return _dataset(statements, header, data, data_start, origin)


def _decode_header(header: bytes, origin: str) -> str:
    if header.startswith(codecs.BOM_UTF8):
        header = header[len(codecs.BOM_UTF8) :]
    charset = _CHARSET.search(header)
    codepage = _CODEPAGE.search(header)
    if codepage:
        encoding = codepage[1].decode("ascii", "replace").strip().lower()
    elif charset and charset[1].strip().upper() == b"ANSI":
        encoding = "iso-8859-15"
    else:
        encoding = "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise FormatError(
            f"unknown CODEPAGE {encoding!r}", source=origin, line=_line_of_bytes(header, codepage.start(1))
        ) from None
    try:
        text = header.decode(encoding)
    except UnicodeDecodeError as error:
        raise FormatError(
            f"the text is not valid {encoding} (byte {header[error.start]:#04x})",
            source=origin,
            line=_line_of_bytes(header, error.start),
        ) from None
    if codecs.lookup(encoding).name != "utf-8":
        # A one-byte charset decodes anything. UTF-8 text shows as Â or Ã followed by a byte
        # of 0x80–0xBF (ä is C3 A4), a pair that Finnish or Swedish ANSI text never has.
        utf8 = _UTF8_PAIR.search(header)
        if utf8:
            raise FormatError(
                f"the file declares {encoding} but its text is UTF-8",
                source=origin,
                line=_line_of_bytes(header, utf8.start()),
            )
    return text


def _line_of_bytes(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _parse_statements(text: str, origin: str) -> list[Statement]:
    """Every KEYWORD[lang]("arg",…)=value; statement before DATA."""
    statements = []
    position = 0
    end = len(text.rstrip())
    while position < end:
        match = _KEYWORD.match(text, position)
        if not match:
            position = _SPACE.match(text, position).end()
            snippet = text[position : position + 40].splitlines()[0]
            raise FormatError(f"unknown keyword syntax near {snippet!r}", source=origin, line=_line_of(text, position))
        keyword, language, arguments = match[1].upper(), match[2], match[3]
        argument_list = tuple(_STRING.findall(arguments)) if arguments else ()
        items, position = _parse_value(text, match.end(), match.start(1), origin)
        statements.append(Statement(keyword, language, argument_list, items, match.start(1)))
    return statements


def _parse_value(text: str, position: int, statement_start: int, origin: str) -> tuple[list, int]:
    """The items of one value up to its ';': strings (adjacent ones joined), words, TLISTs."""
    items: list = []
    expect_item = True

    def missing_comma():
        if _KEYWORD.match(text, position):
            keyword = text[statement_start:].split("=", 1)[0]
            return FormatError(
                f"the value of {keyword} does not end with ';'", source=origin, line=_line_of(text, statement_start)
            )
        return FormatError("two items without a comma between them", source=origin, line=_line_of(text, position))

    while True:
        position = _SPACE.match(text, position).end()
        if position >= len(text):
            raise FormatError("a keyword's value does not end with ';'", source=origin, line=_line_of(text, position))
        char = text[position]
        if char == ";":
            if expect_item and items:
                raise FormatError("a list ends with a comma", source=origin, line=_line_of(text, position))
            return items, position + 1
        if char == ",":
            if expect_item:
                raise FormatError("an empty item in a list", source=origin, line=_line_of(text, position))
            expect_item = True
            position += 1
            continue
        if char == '"':
            string = _STRING.match(text, position)
            if not string:
                raise FormatError("a quoted text is not closed", source=origin, line=_line_of(text, position))
            if not expect_item and isinstance(items[-1], str):
                items[-1] += string[1]  # "…" "…" across lines continue one text
            elif not expect_item:
                raise missing_comma()
            else:
                items.append(string[1])
            position = string.end()
            expect_item = False
            continue
        if not expect_item:
            raise missing_comma()
        tlist = _TLIST.match(text, position)
        if tlist:
            items.append(("TLIST", tlist[1].upper(), tlist[2], tlist[3]))
            position = tlist.end()
        else:
            word = _BARE.match(text, position)
            items.append(("WORD", word[0]))
            position = word.end()
        expect_item = False


class _Header:
    """Statements of the default language, looked up by keyword and arguments."""

    def __init__(self, statements: list[Statement], text: str, origin: str):
        self.source_text = text
        self.origin = origin
        language = None
        for statement in statements:
            if statement.keyword == "LANGUAGE" and statement.language is None:
                language = _single_text(statement)
        self.language = language or ""
        self.by_key: dict[tuple[str, tuple], Statement] = {}
        for statement in statements:
            if statement.language is None or statement.language == language:
                self.by_key.setdefault((statement.keyword, statement.arguments), statement)

    def get(self, keyword: str, *arguments: str) -> Statement | None:
        return self.by_key.get((keyword, arguments))

    def texts(self, keyword: str, *arguments: str) -> list[str] | None:
        statement = self.get(keyword, *arguments)
        if statement is None:
            return None
        return [item if isinstance(item, str) else item[1] for item in statement.items if not _is_tlist(item)]

    def text(self, keyword: str, *arguments: str) -> str | None:
        statement = self.get(keyword, *arguments)
        return _single_text(statement) if statement is not None else None

    def error(self, problem: str, statement: Statement | None = None) -> FormatError:
        line = _line_of(self.source_text, statement.position) if statement is not None else None
        return FormatError(problem, source=self.origin, line=line)


def _is_tlist(item) -> bool:
    return isinstance(item, tuple) and item[0] == "TLIST"


def _single_text(statement: Statement) -> str:
    return " ".join(item if isinstance(item, str) else str(item[1]) for item in statement.items)


def _dataset(statements, header_text, data, data_start, origin) -> Dataset:
    header = _Header(statements, header_text, origin)
    if any(keyword == "KEYS" for keyword, _ in header.by_key):
        raise header.error("KEYS (DATA given by key) is not supported; write DATA as a full cube")
    names = (header.texts("STUB") or []) + (header.texts("HEADING") or [])
    if not names:
        raise header.error("the file names no STUB or HEADING variables")
    # The declared cells are counted before any dimension is built or DATA is read.
    declared = math.prod(len(header.texts("VALUES", name) or ()) for name in names)
    check_cell_count(
        declared, origin=origin, line=_line_of(header_text, (header.get("STUB") or header.get("HEADING")).position)
    )
    content_name = header.text("CONTVARIABLE")
    dimensions = []
    for name in names:
        values_statement = header.get("VALUES", name)
        if values_statement is None:
            raise header.error(f"no VALUES for variable {name!r}", header.get("STUB") or header.get("HEADING"))
        labels = header.texts("VALUES", name)
        codes = header.texts("CODES", name) or labels
        if len(codes) != len(labels):
            raise header.error(
                f"variable {name!r} has {len(labels)} VALUES but {len(codes)} CODES", header.get("CODES", name)
            )
        dimensions.append(_dimension(header, name, codes, labels, content_name))
    _keep_one_of_each_role(dimensions)
    decimals_text = header.text("DECIMALS")
    expected = math.prod(len(d) for d in dimensions)
    # DATA is counted before any cell is handed on: a file with more or fewer cells than its
    # variables declare is refused when read, with the line at fault.
    cells = _Cells(data, data_start, expected, origin)
    updated, updated_text = _last_updated(header)
    return Dataset(
        dimensions=dimensions,
        chunk_source=cells.chunks,
        table_id=header.text("TABLEID") or header.text("MATRIX") or "",
        title=header.text("TITLE") or header.text("DESCRIPTION") or header.text("CONTENTS") or "",
        source=header.text("SOURCE") or "",
        updated=updated,
        updated_text=updated_text,
        language=header.language,
        decimals=int(decimals_text) if decimals_text and decimals_text.isdigit() else None,
        origin=origin,
    )


def _dimension(header: _Header, name: str, codes, labels, content_name) -> Dimension:
    timeval = header.get("TIMEVAL", name)
    variable_type = (header.text("VARIABLE-TYPE", name) or "").casefold()
    time_format = None
    if timeval is not None:
        role = ROLE_TIME
        tlist = next((item for item in timeval.items if _is_tlist(item)), None)
        time_format = tlist[1] if tlist else None
    elif variable_type == "time":
        role = ROLE_TIME
    elif name == content_name:
        role = ROLE_CONTENT
    elif header.get("MAP", name) is not None or variable_type.startswith("geo"):
        role = ROLE_AREA
    else:
        role = guess_role(name, name)
    units, decimals = {}, {}
    if role == ROLE_CONTENT:
        for code, label in zip(codes, labels, strict=True):
            units[code] = header.text("UNITS", label) or header.text("UNITS") or ""
            precision = header.text("PRECISION", name, label)
            if precision and precision.isdigit():
                decimals[code] = int(precision)
    elimination = header.text("ELIMINATION", name)
    elimination_code = None
    if elimination and elimination not in ("YES", "NO") and elimination in labels:
        elimination_code = codes[labels.index(elimination)]
    return Dimension(
        code=name,
        label=name,
        codes=codes,
        labels=labels,
        role=role,
        units=units,
        decimals=decimals,
        elimination_code=elimination_code,
        time_format=time_format,
    )


def _keep_one_of_each_role(dimensions: list[Dimension]) -> None:
    seen = set()
    for dim in dimensions:
        if dim.role in (ROLE_TIME, ROLE_AREA, ROLE_CONTENT):
            if dim.role in seen:
                dim.role = ROLE_OTHER
            seen.add(dim.role)


def _last_updated(header: _Header) -> tuple[datetime | None, str]:
    """The latest LAST-UPDATED that reads as a time, and the text of it (or of the first)."""
    texts = [
        _single_text(statement).strip()
        for (keyword, _), statement in header.by_key.items()
        if keyword == "LAST-UPDATED"
    ]
    moments = [(moment, text) for text in texts if (moment := parse_source_time(text)) is not None]
    if moments:
        return max(moments)
    return None, (texts[0][:100] if texts else "")


def _data_texts(data: bytes, start: int, origin: str):
    """(offset, text) pieces of the DATA block, about a megabyte at a time, never cutting a value."""
    end = data.find(b";", start)
    if end < 0:
        raise FormatError(
            "DATA does not end with ';': the file is truncated", source=origin, line=_line_of_bytes(data, len(data))
        )
    position = start
    while position < end:
        cut = min(position + _DATA_CHUNK_BYTES, end)
        if cut < end:
            # Cut after whitespace so no value is split in two.
            space = max(
                data.rfind(b" ", position, cut), data.rfind(b"\n", position, cut), data.rfind(b"\t", position, cut)
            )
            if space > position:
                cut = space + 1
        text = data[position:cut]
        if b"," in text:
            text = text.replace(b",", b" ")
        yield position, text
        position = cut
    yield end, b""


def _too_many(data: bytes, position: int, text: bytes, first_extra: int, expected: int, origin: str):
    extra = next(m for i, m in enumerate(re.finditer(rb"[^\s,]+", text)) if i == first_extra)
    raise FormatError(
        f"DATA has more than the {expected} values its variables need",
        source=origin,
        line=_line_of_bytes(data, position + extra.start()),
    )


class _Cells:
    """DATA counted when the file is read, and its figures read a piece at a time whenever the cells are
    asked for. Counting is cheap and reading the figures is not: when the store reads them as it writes
    the cells before them, the two run side by side. A figure that is no number is refused with its line
    when its piece is read; the store writes a table in one transaction, so its import is refused whole."""

    __slots__ = ("data", "origin", "start")

    def __init__(self, data: bytes, start: int, expected: int, origin: str):
        self.data, self.start, self.origin = data, start, origin
        count = 0
        for position, text in _data_texts(data, start, origin):
            if not text:
                if count != expected:
                    raise FormatError(
                        f"DATA has {count} values but its variables need {expected}",
                        source=origin,
                        line=_line_of_bytes(data, position),
                    )
                break
            found = len(text.split())
            if count + found > expected:
                _too_many(data, position, text, expected - count, expected, origin)
            count += found

    def chunks(self):
        """(values, statuses) pieces in storage order: None for a missing figure, the symbol as status."""
        for position, text in _data_texts(self.data, self.start, self.origin):
            if text:
                yield _read_piece(text, text.split(), self.data, position, self.origin)


# The tokens a PX file writes for its symbols, bare and quoted.
_SYMBOL_TOKENS = tuple(
    token for symbol in sorted((*MISSING_SYMBOLS, ZERO_SYMBOL)) for token in (symbol.encode(), f'"{symbol}"'.encode())
)


def _read_piece(text: bytes, tokens, data: bytes, chunk_start: int, origin: str) -> tuple[list, list]:
    """A piece of DATA as (values, statuses): the figures in one call of float, after the positions of
    its PX symbols (".." and the like), found by list.index, are set aside. Anything else that is no
    figure is left to _read_tokens, which names it."""
    marks = []
    try:
        values = list(map(float, tokens))
    except ValueError:
        for symbol in _SYMBOL_TOKENS:
            if symbol in text:
                position = -1
                try:
                    while True:
                        position = tokens.index(symbol, position + 1)
                        marks.append(position)
                except ValueError:
                    pass
        placeholders = list(tokens)
        for i in marks:
            placeholders[i] = b"0"
        try:
            values = list(map(float, placeholders))
        except ValueError:
            _read_tokens(tokens, data, chunk_start, origin)
            raise
    if not math.isfinite(sum(values)):  # "inf", "nan" or 1e400 somewhere (or a sum too large)
        _read_tokens(tokens, data, chunk_start, origin)
    statuses = [""] * len(values)
    for i in marks:
        symbol = tokens[i].strip(b'"').decode("ascii")
        if symbol in MISSING_SYMBOLS:
            values[i] = None
        statuses[i] = symbol
    return values, statuses


def _read_tokens(tokens, data: bytes, chunk_start: int, origin: str):
    """Token by token, for a piece of DATA with a token that is no figure: the first such is named."""
    values, statuses = [], []
    for token in tokens:
        try:
            value = float(token)
        except ValueError:
            pass
        else:
            if math.isfinite(value):
                values.append(value)
                statuses.append("")
                continue
        symbol = token.strip(b'"').decode("ascii", "replace")
        if symbol == ZERO_SYMBOL:
            values.append(0.0)
            statuses.append(ZERO_SYMBOL)
        elif symbol in MISSING_SYMBOLS:
            values.append(None)
            statuses.append(symbol)
        else:
            raise FormatError(
                f"DATA holds {token.decode('utf-8', 'replace')!r}, which is neither a number nor a PX symbol",
                source=origin,
                line=_line_of_bytes(data, data.find(token, chunk_start)),
            )
    return values, statuses
