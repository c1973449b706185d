from django.urls import path

from . import calendars, feeds, views

app_name = "events"
# The calendars and the feed first, so that no event slug can shadow "feed/".
urlpatterns = [
    path("calendar.ics", calendars.events_calendar, name="calendar"),
    path("feed/", feeds.event_feed, name="feed"),
    path("", views.EventListView.as_view(), name="list"),
    path("<slug:slug>/calendar.ics", calendars.event_calendar, name="event_calendar"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
