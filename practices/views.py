from django.views.generic import DetailView, ListView

from .filters import PracticeFilter
from .models import GoodPractice


class PracticeListView(ListView):
    """The catalogue of published practices, narrowed by the valid filters."""

    paginate_by = 20
    template_name = "practices/goodpractice_list.html"

    def get_queryset(self):
        visible = GoodPractice.objects.published().with_related()
        self.filterset = PracticeFilter(self.request.GET or None, queryset=visible)
        return self.filterset.qs.by_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class PracticeDetailView(DetailView):
    template_name = "practices/goodpractice_detail.html"

    def get_queryset(self):
        return GoodPractice.objects.visible_to(self.request.user).with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice = self.object
        # The reverse manager carries the events app's QuerySet: published() needs no import.
        context["events"] = practice.events.published().with_related().distinct()
        context["structured_data"] = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": practice.title,
            "description": practice.summary,
            "url": self.request.build_absolute_uri(practice.get_absolute_url()),
            "author": {"@type": "Organization", "name": practice.owner.name},
        }
        return context
