"""The programme level (issue 20): pages above the projects, on every instance. The programme's
home lists its projects; its practice database holds the published practices of every project,
as the Interreg Europe policy learning platform does."""

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from content.fallback import localized
from content.scoping import every_project
from content.site import all_projects, current_project, programme
from content.views import FilteredListMixin
from practices.filters import ProgrammePracticeFilter
from practices.models import GoodPractice


def programme_label():
    """The programme's name in the reader's language (else in English), or "Programme"."""
    named = programme()
    return localized(named, "programme_name").value if named else gettext("Programme")


class ProgrammeMixin:
    """The programme's pages: the projects, the programme's name, and the trail of links from
    the served project's home to the page (`crumbs`, the page's own last, without a link)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = all_projects()
        context["programme_label"] = label = programme_label()
        context["crumbs"] = [
            {"label": current_project().acronym, "url": reverse("home")},
            {"label": label, "url": reverse("programme:home")},
            *self.crumbs(),
        ]
        context["crumbs"][-1]["url"] = ""
        return context

    def crumbs(self):
        return []


class ProgrammeHomeView(ProgrammeMixin, TemplateView):
    template_name = "programme/home.html"


class ProgrammePracticeListView(ProgrammeMixin, FilteredListMixin, ListView):
    """The published practices of every project, narrowed by the valid filters."""

    paginate_by = 20
    template_name = "programme/practice_list.html"

    filterset_class = ProgrammePracticeFilter
    # The cards name their project and link its site: the projects are the "site" scope.
    filter_scopes = ("site", "practices", "themes", "partners")

    def dispatch(self, request, *args, **kwargs):
        # Every project's rows, read by the view and by its template (rendered here, in the
        # scope, rather than after the view returns, where only the served project's are).
        with every_project():
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def crumbs(self):
        return [{"label": _("Good practices"), "url": ""}]

    def visible_queryset(self):
        return GoodPractice.objects.published()

    def filtered(self, queryset):
        return queryset.by_title().programme_card_rows()


app_name = "programme"
urlpatterns = [
    path("", ProgrammeHomeView.as_view(), name="home"),
    path("practices/", ProgrammePracticeListView.as_view(), name="practices"),
]
