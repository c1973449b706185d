"""Who is asking: the client's address behind the trusted proxies, and the login throttle
keyed on it. Every app that needs the client's address takes it from client_ip()."""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address):
    proxies = settings.TRUSTED_PROXIES
    if "*" in proxies:
        return True
    return address is not None and any(
        address in ipaddress.ip_network(proxy, strict=False) for proxy in proxies
    )


def client_ip(request):
    """The address of the client: REMOTE_ADDR, unless that is a trusted proxy
    (settings.TRUSTED_PROXIES, the FORWARDED_ALLOW_IPS gunicorn trusts); then the nearest
    address in X-Forwarded-For that is not a trusted proxy. A header sent by anyone else, or
    a malformed hop, is not believed."""
    remote = request.META.get("REMOTE_ADDR", "")
    client = remote
    if not _is_trusted(_address(remote)):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed([hop for hop in hops if hop.strip()]):
        address = _address(hop)
        if address is None:
            break
        client = str(address)
        if not _is_trusted(address):
            break
    return client


class ClientAddressHandler(AxesDatabaseHandler):
    """django-axes' lock per username and address, and a throttle per address across
    usernames: an address whose failures, whichever usernames they tried, reach
    PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT is locked out as well."""

    def get_failures(self, request, credentials=None):
        per_login = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None) or client_ip(request)
        recent = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=timezone.now() - get_cool_off(request)
        )
        per_address = recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
        # Scaled to the per-login limit that axes compares every count with.
        scaled = (
            per_address * settings.AXES_FAILURE_LIMIT // settings.PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT
        )
        return max(per_login, scaled)
