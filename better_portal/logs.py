"""Log records as one line each, key=value, for whatever collects the processes' stdout; the
records written while a request is handled carry its id (RequestIdMiddleware)."""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

# A value that needs no quotes: no spaces, quotes, equals signs or control characters.
_BARE = re.compile(r"[^\s\"=\\]+")


# The id the proxy gave the request (nginx's $request_id in X-Request-ID), or a new one.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
_current_request_id = ContextVar("request_id", default=None)


def current_request_id():
    """The id of the request being handled in this thread, or None outside a request."""
    return _current_request_id.get()


class RequestIdMiddleware:
    """Give each request an id: the proxy's X-Request-ID when it is a plain token, otherwise a
    new one. Every record logged while the request is handled says `request_id=…`, and the
    response carries it in X-Request-ID, so a user's report or the proxy's access log leads to
    the traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = _current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _current_request_id.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def _value(value):
    text = str(value)
    return text if _BARE.fullmatch(text) else json.dumps(text, ensure_ascii=False)


class KeyValueFormatter(logging.Formatter):
    """`time=… level=ERROR logger=django.request message="…" exc="Traceback …"`: one line per
    record whatever its message or traceback holds (line breaks are escaped), so that one line
    is one record for grep and for log collectors."""

    def format(self, record):
        fields = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        request = getattr(record, "request", None)
        request_id = getattr(request, "request_id", None) or current_request_id()
        if request_id:
            fields["request_id"] = request_id
        fields["message"] = record.getMessage()
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            fields["status"] = status_code
        if hasattr(request, "path"):
            fields["path"] = request.path
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        return " ".join(f"{key}={_value(value)}" for key, value in fields.items())
