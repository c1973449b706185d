"""A URL configuration with an admin that uses the base classes the content admins must use."""

from django.contrib.admin import AdminSite
from django.urls import path

from events.models import StudyVisit
from workspace.admin import VersionedHistoryTranslationAdmin


class StudyVisitAdmin(VersionedHistoryTranslationAdmin):
    fieldsets = [(None, {"fields": ["title", "summary", "start_date", "end_date"]})]


site = AdminSite(name="admin")
site.register(StudyVisit, StudyVisitAdmin)
urlpatterns = [path("admin/", site.urls)]
