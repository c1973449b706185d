import socket

import pytest


@pytest.fixture
def cache_down(settings):
    """The cache is a Redis on a local port where none listens: every cache call fails.
    Gives the port (the messages name it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    return port
