from django.views.generic import DetailView, ListView

from content import images
from content.views import FilteredListMixin

from .filters import PracticeFilter
from .models import GoodPractice


class PracticeListView(FilteredListMixin, ListView):
    """The catalogue of published practices, narrowed by the valid filters."""

    paginate_by = 20
    template_name = "practices/goodpractice_list.html"

    filterset_class = PracticeFilter
    filter_scopes = ("practices", "themes", "partners")

    def visible_queryset(self):
        return GoodPractice.objects.published()

    def filtered(self, queryset):
        return queryset.by_title().card_rows()


class PracticeDetailView(DetailView):
    template_name = "practices/goodpractice_detail.html"

    def get_queryset(self):
        return GoodPractice.objects.visible_to(self.request.user).with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice = self.object
        # The reverse manager carries the events app's QuerySet: published() needs no import.
        context["events"] = practice.events.published().card_rows().distinct()
        context["og_image"] = images.og_image_url(self.request, practice.image)
        structured_data = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": practice.title,
            "url": self.request.build_absolute_uri(practice.get_absolute_url()),
            "author": {"@type": "Organization", "name": practice.owner.name},
        }
        if practice.summary:  # optional: no empty description
            structured_data["description"] = practice.summary
        context["structured_data"] = structured_data
        return context
