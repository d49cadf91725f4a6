"""The one error class every reader raises for bad input."""


class FormatError(ValueError):
    """Input that cannot be read as a statistical table, naming the problem and where it is.

    ``line`` and ``column`` count from 1; ``position`` is a character or byte offset when a
    line makes no sense for the format. ``path`` is the JSON member at fault ("dimension.alue.category"),
    which the JSON-stat reader turns into a line when it can find that member in the text.
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str = "",
        line: int | None = None,
        column: int | None = None,
        position: int | None = None,
        path: str = "",
    ):
        self.problem = problem
        self.source = source
        self.line = line
        self.column = column
        self.position = position
        self.path = path
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.source:
            where.append(str(self.source))
        if self.line is not None:
            where.append(f"line {self.line}" + (f", column {self.column}" if self.column is not None else ""))
        elif self.position is not None:
            where.append(f"position {self.position}")
        return f"{': '.join(where)}: {self.problem}" if where else self.problem

    def at(self, line: int, column: int) -> "FormatError":
        """The same error placed at a line and column found afterwards."""
        self.line, self.column = line, column
        self.args = (self._message(),)
        return self

    def located(self, source: str) -> "FormatError":
        """The same error naming the file or address it came from."""
        if not self.source:
            self.source = source
            self.args = (self._message(),)
        return self
