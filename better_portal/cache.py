"""A Redis cache that the site can live without: when Redis does not answer, every operation
is a miss (reads find nothing, writes are dropped) instead of an error, so pages are rendered
afresh and sessions are read from the database (cached_db), slower but never failing.

An outage is logged once when it starts and once when Redis answers again, whatever the number
of requests in between. While Redis is down it is asked again at most every RETRY_SECONDS (a
setting of the cache, 5 by default), so that a Redis that hangs or drops packets does not hold
every request for its timeouts; short socket timeouts bound the one request that asks.

Writes dropped during an outage include new content versions (content/page_cache.py), so a
Redis that comes back with its data would serve pages cached before the outage for up to their
timeout. A process that saw the outage therefore replaces the shared content versions (which
every project's pages are stored under) as soon as Redis answers again, before it reads anything
from it: every project's cached pages are treated as stale.
"""

import logging
import threading
import time
import uuid

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from content.page_cache import SCOPES, version_key

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class _Outage:
    """Whether one Redis server is down, shared by every thread of the process (Django makes a
    cache backend per thread, and the outage should be logged once per process, not per thread)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0

    def skipping(self):
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, location, error, retry_seconds):
        with self._lock:
            now = time.monotonic()
            self.retry_at = now + retry_seconds
            if self.down_since is not None:
                return
            self.down_since = now
        logger.error(
            "The cache at %s does not answer (%s: %s): serving without it until it is back.",
            location,
            type(error).__name__,
            error,
        )

    def answered(self, location):
        """True for the one caller that ends an outage."""
        if self.down_since is None:
            return False
        with self._lock:
            if self.down_since is None:
                return False
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning("The cache at %s answers again after %.0f s.", location, seconds)
        return True


_MISSING = object()
_outages = {}
_outages_lock = threading.Lock()


def _outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


class _ReusingClient(RedisCacheClient):
    """Django's client, with one redis.Redis per connection pool instead of a new one for every
    operation: building one was about 500 Python calls, repeated on each of a page's cache
    reads. A redis.Redis is safe to share between threads (each command takes a connection from
    the pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache, with Redis being down answered as a cache miss (see the module)."""

    def __init__(self, server, params):
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _ReusingClient
        self._location = ",".join(self._servers)
        self._retry_seconds = float(params.get("RETRY_SECONDS", 5))
        self._outage = _outage_for(self._location)

    def _try(self, miss, operation, *args, reread=False):
        if self._outage.skipping():
            return miss
        try:
            result = operation(*args)
            if self._outage.answered(self._location):
                # What was cached before the outage is stale: a new content version, and a
                # read asked again so that it does not return the old one.
                super().set_many({version_key(s): uuid.uuid4().hex for s in SCOPES}, None)
                result = operation(*args) if reread else result
        except OUTAGE_ERRORS as error:
            self._outage.failed(self._location, error, self._retry_seconds)
            return miss
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._try(default, super().get, key, default, version, reread=True)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._try(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._try({}, super().get_many, keys, version, reread=True)

    def has_key(self, key, version=None):
        return self._try(False, super().has_key, key, version, reread=True)

    def incr(self, key, delta=1, version=None):
        result = self._try(_MISSING, super().incr, key, delta, version)
        if result is _MISSING:  # as for a key that is not there
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._try(None, super().delete_many, keys, version)

    def clear(self):
        return self._try(False, super().clear)
