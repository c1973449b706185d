"""The server error page, or "temporarily unavailable" (503) when the database does not answer."""

import sys

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.views import defaults

DATABASE_ERRORS = (OperationalError, InterfaceError)


def _is_database_outage(error):
    """Django's wrapped errors, and the driver's own: a cursor closed after its server went away
    raises psycopg2's OperationalError outside Django's wrapper (a lazy queryset in a template)."""
    driver_errors = tuple(
        error_class
        for database in {connection.Database for connection in connections.all()}
        for error_class in (database.OperationalError, database.InterfaceError)
    )
    return isinstance(error, DATABASE_ERRORS + driver_errors)


RETRY_AFTER_SECONDS = 30


def server_error(request):
    """handler500: a database that cannot be reached (in a view or in a middleware) is a 503 with
    Retry-After, so that readers and crawlers come back later; any other error is the 500 page.
    Neither page touches the database."""
    if _is_database_outage(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)


def bad_request(request, exception):
    """handler400, rendered without the request as the 500 page is: a request for a host this
    site does not serve (DisallowedHost) cannot build the page's absolute links."""
    return HttpResponseBadRequest(loader.render_to_string("400.html"))
