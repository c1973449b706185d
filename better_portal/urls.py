from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from events import embed

from . import api, health, media, programme, views
from .sitemaps import SITEMAPS

# What every project has of its own, beside its public pages: at the root of its domain, or
# under /<slug>/ on a domain that serves several projects (PORTAL_PROJECT_URLS = "path";
# better_portal/projects.py builds each project's URLconf from these lists).
project_patterns = [
    path("admin/reports/", include("events.report_urls")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

# A project's public pages, under each language's prefix (and its slug, on a shared domain).
public_patterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("events/", include("registrations.urls")),
    path("events/", include("events.urls")),
    path("subscribe/", include("registrations.subscription_urls")),
    path("partners/", include("partners.urls")),
    path("practices/", include("practices.urls")),
    path("workspace/", include("workspace.urls")),
    path("api/", include(api)),
    path("embed/", include(embed)),
    path("about/", include("content.urls")),
    # The programme's pages, about every project (better_portal/programme.py).
    path("programme/", include(programme)),
]

# What the whole instance shares. Every upload goes through the view that checks its item is
# visible (better_portal/media.py), whatever the storage.
shared_patterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", views.robots_txt, name="robots"),
    path("health/", health.health, name="health"),
    path("health/ready/", health.ready, name="health-ready"),
    path("health/live/", health.live, name="health-live"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_media, name="media"),
]

urlpatterns = [
    *shared_patterns,
    *project_patterns,
    *i18n_patterns(*public_patterns, prefix_default_language=True),
]

# A database that does not answer is a 503 with Retry-After, not a 500 (better_portal/errors.py).
handler500 = "better_portal.errors.server_error"
handler400 = "better_portal.errors.bad_request"

if settings.PORTAL_BENCH:
    # `make bench` only: a constant response through the same server and middleware, the ceiling.
    from django.http import HttpResponse

    urlpatterns += [path("bench/bare/", lambda request: HttpResponse(b"ok"), name="bench_bare")]
