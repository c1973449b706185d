from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]

# Calendars and feeds (issue 4), appended here to keep merges simple; put first, so that no
# event slug can shadow "feed/".
from . import calendars, feeds  # noqa: E402

urlpatterns = [
    path("calendar.ics", calendars.events_calendar, name="calendar"),
    path("feed/", feeds.event_feed, name="feed"),
    path("<slug:slug>/calendar.ics", calendars.event_calendar, name="event_calendar"),
] + urlpatterns
