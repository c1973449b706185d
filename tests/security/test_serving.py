"""Production serving: hashed, compressed static files; media storage chosen by the environment."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x8#Vq2!mZr7@Lw4$Tn9^Kp3&Hs6*Jd1(Fb5)Gc0-Ae8+Yu2=Xo7"


def production(*args, **env):
    """Run manage.py (or python -c) in production mode with a clean DJANGO_ environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))}
    environment.update(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY=SECRET, DJANGO_ALLOWED_HOSTS="better.example", **env
    )
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )


def print_setting(expression, **env):
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return production("-c", code, DJANGO_SETTINGS_MODULE="better_portal.settings", **env)


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    result = production("manage.py", "collectstatic", "--noinput", DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").is_file()
    hashed = sorted(p.name for p in (tmp_path / "css").glob("site.*.css"))
    assert len(hashed) == 1 and len(hashed[0].split(".")) == 3, hashed
    assert (tmp_path / "css" / f"{hashed[0]}.gz").is_file()
    assert (tmp_path / "admin" / "js").is_dir()


def test_static_root_from_environment(tmp_path):
    result = print_setting("settings.STATIC_ROOT", DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.stdout.strip() == str(tmp_path)


def test_unknown_media_storage_fails_with_clear_message():
    result = print_setting("settings.STORAGES", DJANGO_MEDIA_STORAGE="ftp")

    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith("DJANGO_MEDIA_STORAGE must be “filesystem” or “s3”, not “ftp”.")
    )


@pytest.mark.skipif(importlib.util.find_spec("storages") is not None, reason="storages installed")
def test_s3_media_without_django_storages_fails_with_clear_message():
    result = print_setting(
        "settings.STORAGES", DJANGO_MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="better-media"
    )

    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(
            'DJANGO_MEDIA_STORAGE=s3 needs django-storages: pip install "django-storages[s3]".'
        )
    )


@pytest.mark.skipif(importlib.util.find_spec("storages") is None, reason="storages not installed")
def test_s3_media_settings_from_environment():
    result = print_setting(
        "settings.STORAGES['default']['OPTIONS']['endpoint_url'], "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']",
        DJANGO_MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="better-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
    )

    assert (
        result.stdout.strip()
        == "https://s3.example.net ['self', 'data:', 'https://s3.example.net']"
    )


def test_redis_keeps_sessions_in_database_read_through_cache():
    result = print_setting("settings.SESSION_ENGINE", REDIS_URL="redis://127.0.0.1:6379/1")

    assert result.stdout.strip() == "django.contrib.sessions.backends.cached_db"


def test_redis_cache_is_fail_soft():
    result = print_setting(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/1"
    )

    assert result.stdout.strip() == "better_portal.cache.FailSoftRedisCache"


def test_signed_media_url_lifetime_must_be_a_number():
    result = print_setting(
        "settings.PORTAL_MEDIA_SIGNED_URL_SECONDS", PORTAL_MEDIA_SIGNED_URL_SECONDS="1h"
    )

    assert result.returncode == 1
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith("PORTAL_MEDIA_SIGNED_URL_SECONDS must be a whole number of seconds.")
    )


@pytest.mark.skipif(importlib.util.find_spec("storages") is None, reason="storages not installed")
def test_signed_media_urls_need_a_signing_bucket():
    result = print_setting(
        "settings.STORAGES",
        DJANGO_MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="better-media",
        PORTAL_MEDIA_SIGNED_URL_SECONDS="60",
    )

    assert result.returncode == 1
    assert "PORTAL_MEDIA_SIGNED_URL_SECONDS needs AWS_QUERYSTRING_AUTH=1" in result.stderr
