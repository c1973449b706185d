from django.urls import path

from . import report_views

app_name = "reports"
urlpatterns = [
    path("", report_views.ReportView.as_view(), name="index"),
    path("<slug:name>.csv", report_views.ReportExportView.as_view(), {"fmt": "csv"}, name="csv"),
    path("<slug:name>.xlsx", report_views.ReportExportView.as_view(), {"fmt": "xlsx"}, name="xlsx"),
]
