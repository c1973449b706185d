from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from events import embed

from . import api, health, media, programme, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/reports/", include("events.report_urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("health/", health.health, name="health"),
    path("health/ready/", health.ready, name="health-ready"),
    path("health/live/", health.live, name="health-live"),
    path("favicon.ico", views.favicon, name="favicon"),
]

# Every upload through the view that checks its item is visible (better_portal/media.py),
# whatever the storage.
urlpatterns.append(
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_media, name="media")
)

urlpatterns += i18n_patterns(
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
    path("programme/", include(programme)),
    prefix_default_language=True,
)

# A database that does not answer is a 503 with Retry-After, not a 500 (better_portal/errors.py).
handler500 = "better_portal.errors.server_error"
handler400 = "better_portal.errors.bad_request"

if settings.PORTAL_BENCH:
    # `make bench` only: a constant response through the same server and middleware, the ceiling.
    from django.http import HttpResponse

    urlpatterns += [path("bench/bare/", lambda request: HttpResponse(b"ok"), name="bench_bare")]
