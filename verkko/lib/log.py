"""Structured logs: one JSON object a line, each with the request id of the request it belongs to.

settings.LOGGING uses JsonFormatter when LOG_FORMAT=json (the production default) and a readable
key=value line otherwise; RequestIdFilter adds request_id to every record (``-`` outside requests).
"""

import contextvars
import json
import logging
from datetime import UTC, datetime

current_request_id = contextvars.ContextVar("request_id", default="-")

# The attributes every LogRecord has; anything else was passed in `extra` and is logged as a field.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "request_id"}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


def _fields(record):
    fields = {
        "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
        "level": record.levelname,
        "logger": record.name,
        "request_id": getattr(record, "request_id", current_request_id.get()),
        "message": record.getMessage(),
    }
    for key, value in record.__dict__.items():
        if key not in _STANDARD and not key.startswith("_"):
            fields[key] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
    return fields


class JsonFormatter(logging.Formatter):
    def format(self, record):
        fields = _fields(record)
        if record.exc_info:
            fields["exception"] = self.formatException(record.exc_info)
        return json.dumps(fields, ensure_ascii=False)


class KeyValueFormatter(logging.Formatter):
    """time level logger request_id=… message key=value …: for reading in a terminal."""

    def format(self, record):
        fields = _fields(record)
        head = (
            f"{fields.pop('time')} {fields.pop('level')} {fields.pop('logger')} request_id={fields.pop('request_id')}"
        )
        message = fields.pop("message")
        extra = "".join(f" {key}={json.dumps(value, ensure_ascii=False)}" for key, value in fields.items())
        text = f"{head} {message}{extra}"
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text
