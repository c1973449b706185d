"""Log records as one line each, key=value, for whatever collects the processes' stdout."""

import json
import logging
import re
from datetime import UTC, datetime

# A value that needs no quotes: no spaces, quotes, equals signs or control characters.
_BARE = re.compile(r"[^\s\"=\\]+")


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
            "message": record.getMessage(),
        }
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            fields["status"] = status_code
        request = getattr(record, "request", None)
        if hasattr(request, "path"):
            fields["path"] = request.path
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        return " ".join(f"{key}={_value(value)}" for key, value in fields.items())
