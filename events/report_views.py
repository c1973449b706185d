"""The coordinators' report page, its CSV and XLSX downloads, and its server-rendered chart."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from content.tables import table_response

from .reports import TABLES, Periods, report_tables, semester_totals

CHART_WIDTH, CHART_HEIGHT = 640, 240
CHART_TOP, CHART_BOTTOM, CHART_LEFT = 28, 36, 12


def bar_chart(chart_id, title, labels, values):
    """The geometry of a bar chart in SVG user units, one bar per label, scaled to the largest."""
    slot = (CHART_WIDTH - 2 * CHART_LEFT) / max(len(values), 1)
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    largest = max(values, default=0) or 1
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        height = round(plot_height * value / largest, 1)
        x = CHART_LEFT + index * slot
        bars.append(
            {
                "label": label,
                "value": value,
                "x": round(x + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                "y": round(CHART_TOP + plot_height - height, 1),
                "height": height,
                "center": round(x + slot / 2, 1),
                "value_y": round(CHART_TOP + plot_height - height - 6, 1),
            }
        )
    description = "; ".join(
        f"{label}: {value}" for label, value in zip(labels, values, strict=True)
    )
    return {
        "id": chart_id,
        "title": title,
        "description": description,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": CHART_TOP + plot_height,
        "label_y": CHART_HEIGHT - CHART_BOTTOM / 2 + 4,
        "right": CHART_WIDTH - CHART_LEFT,
        "left": CHART_LEFT,
        "bars": bars,
        "has_data": any(values),
    }


def charts(periods):
    """Held project events and their participants per semester (and outside, when there are any)."""
    totals = [
        (period, events, participants)
        for period, events, participants in semester_totals(periods)
        if period.key != "outside" or events or participants
    ]
    labels = [period.short_label for period, _events, _participants in totals]
    return [
        bar_chart(
            "chart-events",
            gettext("Project events held per semester"),
            labels,
            [events for _period, events, _participants in totals],
        ),
        bar_chart(
            "chart-participants",
            gettext("Participants in project events per semester"),
            labels,
            [participants for _period, _events, participants in totals],
        ),
    ]


class ReportAccessMixin(PermissionRequiredMixin):
    """Staff with the right to view events; others go to the admin login or get a 403."""

    permission_required = "events.view_event"
    raise_exception = True

    @method_decorator(staff_member_required)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class ReportView(ReportAccessMixin, TemplateView):
    template_name = "admin/reports/report.html"

    def get_context_data(self, **kwargs):
        periods = Periods()
        return super().get_context_data(
            **admin.site.each_context(self.request),
            title=_("Project report"),
            semesters=periods.semesters,
            tables=report_tables(periods),
            charts=charts(periods),
            **kwargs,
        )


class ReportExportView(ReportAccessMixin, View):
    """One report table as a download: /admin/reports/<table name>.<csv|xlsx>."""

    def get(self, request, name, fmt):
        if name not in TABLES:
            raise Http404(gettext("There is no report table of this name."))
        return table_response(TABLES[name](Periods()), fmt)
