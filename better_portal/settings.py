"""Settings for the portal. Everything deployment-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production mode)."
        )
    SECRET_KEY = "django-insecure-development-key-not-for-production"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get(
        "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,testserver"
    ).split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_countries",
    "django_filters",
    "better_portal",
    "content",
    "partners",
    "practices",
    "events",
    # History of every change, login throttling, the partner workspace and review.
    "simple_history",
    "axes",
    # Two-factor login (workspace/twofactor.py): TOTP apps and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",  # passkeys (WebAuthn credentials as django-otp devices)
    "workspace",
    "registrations",
    # The task queue (content/mail.py): Django's tasks API and its database backend.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: every record logged while a request is handled carries its id (better_portal/logs.py).
    "better_portal.logs.RequestIdMiddleware",
    # The project served (better_portal/projects.py): every later query is scoped to it.
    "better_portal.projects.ProjectMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compressed HTML, not on pages with a CSRF token (BREACH; see the module).
    "better_portal.compression.CompressionMiddleware",
    "better_portal.compression.StylesheetPreloadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, choosing among the languages of the project served.
    "better_portal.projects.ProjectLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "workspace.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Who made each change, for the history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # ETag/304 for every page, then cached rendering; then axes, last, as its docs require.
    "better_portal.page_cache.ConditionalGetMiddleware",
    "better_portal.page_cache.PageCacheMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "better_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "better_portal.context_processors.portal",
                "content.context_processors.site_identity",
            ],
        },
    },
]

WSGI_APPLICATION = "better_portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if REDIS_URL.startswith("redis"):
    # Redis down is a cache miss, logged once, not an error (better_portal/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "better_portal.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Cached rendering of public pages (better_portal/page_cache.py). On by default only with a
# shared cache: with the per-process local-memory cache, one process's edit would not reach the
# others' cached pages.
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", REDIS_URL.startswith("redis"))
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
PORTAL_CACHED_PAGES = {
    "home",
    "legal:page",
    "search",
    "sitemap",
    "events:list",
    "events:detail",
    "events:calendar",
    "events:event_calendar",
    "events:feed",
    "practices:list",
    "practices:detail",
    "partners:list",
    "partners:detail",
    "api:events",
    "api:practices",
    "api:organisations",
}
# Cached fragments (event cards, filter forms: content/fragments.py). None: where every process
# sees the same content versions (the page cache on, or Redis); True or False to choose.
PORTAL_FRAGMENT_CACHE = {"1": True, "0": False}.get(os.environ.get("PORTAL_FRAGMENT_CACHE", ""))
# `make bench` only: a bare constant view at /bench/bare/ as the ceiling of the server.
PORTAL_BENCH = env_bool("PORTAL_BENCH", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logins of the partner workspace and the admin.
# Login throttling for the admin and the workspace: AxesStandaloneBackend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client's address behind the proxies gunicorn trusts (make serve's FORWARDED_ALLOW_IPS,
# comma-separated addresses or networks, "*" for any), and guesses over many usernames from
# one address throttled too (content/clients.py).
TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1").split(",") if p.strip()
]
AXES_CLIENT_IP_CALLABLE = "content.clients.client_ip"
AXES_HANDLER = "content.clients.ClientAddressHandler"
PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "workspace/lockout.html"
# Coordinators must log in with a second factor in production (workspace/twofactor.py);
# in development the demo coordinator of `make run` logs in with its password alone.
PORTAL_TWO_FACTOR_REQUIRED = env_bool("PORTAL_TWO_FACTOR_REQUIRED", not DEBUG)


def _portal_name(device):
    """The issuer an authenticator app shows: the project's acronym (read when a device's key
    URI is made, not at start-up)."""
    from content.site import portal_name

    return portal_name(device)


OTP_TOTP_ISSUER = _portal_name
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no one's secret or QR code in the admin


def webauthn_rp_id(hosts):
    """Passkeys belong to one domain, the relying party ID: PORTAL_WEBAUTHN_RP_ID, or else the
    first host name of DJANGO_ALLOWED_HOSTS (an IP address cannot be one), or localhost."""
    configured = os.environ.get("PORTAL_WEBAUTHN_RP_ID", "").strip()
    if configured:
        return configured
    for host in hosts:
        name = host.lstrip(".")
        if name and name != "*" and not name.replace(".", "").isdigit() and ":" not in name:
            return name
    return "localhost"


# Passkeys as a second factor (workspace/passkeys.py), never as a login without the password.
OTP_WEBAUTHN_RP_ID = webauthn_rp_id(ALLOWED_HOSTS)
OTP_WEBAUTHN_RP_NAME_CALLABLE = "content.site.portal_name"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# The addresses a browser may use a passkey on: PORTAL_WEBAUTHN_ORIGINS (comma-separated), or
# https:// and the RP ID (plus http://localhost:8000 of `make run` in development).
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    o.strip().rstrip("/")
    for o in os.environ.get(
        "PORTAL_WEBAUTHN_ORIGINS",
        f"https://{OTP_WEBAUTHN_RP_ID}" + (",http://localhost:8000" if DEBUG else ""),
    ).split(",")
    if o.strip()
]
# Mail (sent by the task worker, content/mail.py): console by default; SMTP with
# DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and these.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# For django.core.mail.backends.filebased.EmailBackend: the directory it writes mails into.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# Seconds to wait on the mail server: a server that accepts and then hangs holds a worker no longer.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# The task queue: tasks are rows in the database, run by `manage.py db_worker` (docs/deployment.md),
# so one machine needs no other service and several share one queue through PostgreSQL.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# Mail (content/mail.py): a failed attempt is tried again after PORTAL_MAIL_RETRY_SECONDS, then
# twice, four times as long..., PORTAL_MAIL_MAX_ATTEMPTS attempts in all; then it is failed and
# shown to the coordinators in the admin.
PORTAL_MAIL_MAX_ATTEMPTS = int(os.environ.get("PORTAL_MAIL_MAX_ATTEMPTS", "8"))
PORTAL_MAIL_RETRY_SECONDS = int(os.environ.get("PORTAL_MAIL_RETRY_SECONDS", "60"))
# The health endpoint (/health/) fails when a task has been ready to run for longer than this:
# no worker is running, or the workers cannot keep up.
PORTAL_HEALTH_MAX_TASK_AGE = int(os.environ.get("PORTAL_HEALTH_MAX_TASK_AGE", "300"))
# Uploads (content/uploads.py): the largest image (logos, photos, practice images) and the
# largest document (workshop materials) accepted, everywhere a file is uploaded.
PORTAL_UPLOAD_MAX_BYTES = {
    "image": int(os.environ.get("PORTAL_UPLOAD_MAX_IMAGE_BYTES", 5 * 1024 * 1024)),
    "document": int(os.environ.get("PORTAL_UPLOAD_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024)),
}

# Languages: English is the required content language and the fallback for every field.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("it", _("Italian")),
    ("et", _("Estonian")),
    ("hu", _("Hungarian")),
    ("sv", _("Swedish")),
    ("el", _("Greek")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["better_portal.formats"]  # English dates as written in Europe: 16 June 2020
USE_I18N = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# Time: instants are stored in UTC; every event carries its own IANA zone.
USE_TZ = True
TIME_ZONE = "UTC"
PORTAL_DEFAULT_TIMEZONE = os.environ.get("PORTAL_DEFAULT_TIMEZONE", "Europe/Rome")

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Uploads are served by better_portal/media.py after checking their item is visible; the proxy
# then sends the file: nginx from this internal location, or Apache with X-Sendfile.
PORTAL_MEDIA_ACCEL_PREFIX = os.environ.get("PORTAL_MEDIA_ACCEL_PREFIX", "")
PORTAL_MEDIA_SENDFILE = os.environ.get("PORTAL_MEDIA_SENDFILE", "") == "1"
# Storage without local files (a bucket): a checked private upload is redirected to a signed URL
# valid this many seconds when set and the storage signs URLs; 0: the app streams it.
try:
    PORTAL_MEDIA_SIGNED_URL_SECONDS = int(os.environ.get("PORTAL_MEDIA_SIGNED_URL_SECONDS") or 0)
except ValueError as error:
    message = "PORTAL_MEDIA_SIGNED_URL_SECONDS must be a whole number of seconds."
    raise ImproperlyConfigured(message) from error
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Production serving and storage (docs/deployment.md). Media on S3-compatible storage when
# DJANGO_MEDIA_STORAGE=s3: django-storages is then required (pip install "django-storages[s3]").
MEDIA_STORAGE = os.environ.get("DJANGO_MEDIA_STORAGE", "filesystem").strip().lower()
MEDIA_ORIGINS = []  # where media is served from when not from this site, for the CSP's img-src
if MEDIA_STORAGE == "s3":
    import importlib.util

    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            'DJANGO_MEDIA_STORAGE=s3 needs django-storages: pip install "django-storages[s3]".'
        )
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("DJANGO_MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3.
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            "default_acl": None,  # the bucket's policy decides; public-read buckets for media
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    if PORTAL_MEDIA_SIGNED_URL_SECONDS and not env_bool("AWS_QUERYSTRING_AUTH", False):
        raise ImproperlyConfigured(
            "PORTAL_MEDIA_SIGNED_URL_SECONDS needs AWS_QUERYSTRING_AUTH=1 (signed URLs of a "
            "private bucket): unsigned URLs of drafts' files would be open to anyone."
        )
    MEDIA_ORIGINS = [
        origin
        for origin in (
            os.environ.get("AWS_S3_CUSTOM_DOMAIN")
            and f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}",
            os.environ.get("AWS_S3_ENDPOINT_URL"),
        )
        if origin
    ] or [f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"]
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured(
        f"DJANGO_MEDIA_STORAGE must be “filesystem” or “s3”, not “{MEDIA_STORAGE}”."
    )

# Several app machines share sessions through the database; with Redis, read through the cache.
if REDIS_URL.startswith("redis"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Logging: every record one line on stdout (key=value), whatever the process (web, worker, command).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"()": "better_portal.logs.KeyValueFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (mail to ADMINS, runserver's console) would print records twice.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # Its start-up banner, in every command; its login failures and lockouts still show.
        "axes.apps": {"level": "WARNING"},
    },
}

# Error reporting: off unless SENTRY_DSN is set; sentry-sdk is imported only then.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get(
            "SENTRY_ENVIRONMENT", "production" if not DEBUG else "development"
        ),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )

# Security headers on every response; the production-only ones follow DJANGO_DEBUG.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page may be framed, except the embeddable events list (events/embed.py), which opts out.
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Monitors ask the app machines themselves, over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^health/((ready|live)/)?$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Content Security Policy (django-csp): no inline script or style anywhere, the admin included.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGIN_URL = "admin:login"
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "portal@better.example")

# How a request names its project (better_portal/projects.py): "domain", each project on its own
# domain (any other host serves the first project), or "path", projects under /<lang>/<slug>/ on
# a shared domain.
PORTAL_PROJECT_URLS = os.environ.get("PORTAL_PROJECT_URLS", "domain")

# The name shown until coordinators set the project's identity in the admin (content.Project).
PORTAL_NAME = os.environ.get("PORTAL_NAME", "Project portal")

# Calendars: the domain in every iCalendar UID ("event-12@better.example"). Keep it fixed once
# published, or subscribed calendars see every event as new.
PORTAL_CALENDAR_DOMAIN = os.environ.get("PORTAL_CALENDAR_DOMAIN", "better.example")

# Registrations (registrations/): links in mails sent off the request (an event's change notice)
# start with PORTAL_SITE_URL. Abuse limits of the public form: sends per address and per client
# IP (content.clients.client_ip: behind a trusted proxy, the address it forwards) within the
# window; a form sent sooner than MIN_SECONDS or later than MAX_AGE after it was shown is
# refused. Personal data is removed RETENTION_DAYS after the event.
PORTAL_SITE_URL = os.environ.get("PORTAL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PORTAL_REGISTRATION_CONFIRM_MAX_AGE = int(
    os.environ.get("PORTAL_REGISTRATION_CONFIRM_MAX_AGE", str(3 * 24 * 3600))
)
PORTAL_REGISTRATION_FORM_MIN_SECONDS = int(
    os.environ.get("PORTAL_REGISTRATION_FORM_MIN_SECONDS", "3")
)
PORTAL_REGISTRATION_FORM_MAX_AGE = int(os.environ.get("PORTAL_REGISTRATION_FORM_MAX_AGE", "7200"))
PORTAL_REGISTRATION_RATE_WINDOW = int(os.environ.get("PORTAL_REGISTRATION_RATE_WINDOW", "3600"))
PORTAL_REGISTRATION_RATE_PER_EMAIL = int(os.environ.get("PORTAL_REGISTRATION_RATE_PER_EMAIL", "5"))
PORTAL_REGISTRATION_RATE_PER_IP = int(os.environ.get("PORTAL_REGISTRATION_RATE_PER_IP", "20"))
PORTAL_REGISTRATION_RETENTION_DAYS = int(
    os.environ.get("PORTAL_REGISTRATION_RETENTION_DAYS", "365")
)
