from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView

from content import images
from content.fragments import fragments_enabled
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


class PracticePageParts:
    """What the practice page shows beyond the practice's own row (owner, contact, themes,
    transfers, the events that examined it, structured data), read only when the page renders
    them: with the fragment cache they are cached fragments and a warm page reads the row alone."""

    def __init__(self, practice, request):
        self._practice, self._request = practice, request

    @cached_property
    def practice(self):
        if "transfers" in getattr(self._practice, "_prefetched_objects_cache", {}):
            return self._practice  # loaded with_details() already
        return GoodPractice.objects.with_details().get(pk=self._practice.pk)

    @cached_property
    def events(self):
        # The reverse manager carries the events app's QuerySet: published() needs no import.
        return self.practice.events.published().card_rows().distinct()

    @cached_property
    def structured_data(self):
        practice = self.practice
        data = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": practice.title,
            "url": self._request.build_absolute_uri(practice.get_absolute_url()),
            "author": {"@type": "Organization", "name": practice.owner.name},
        }
        if practice.summary:  # optional: no empty description
            data["description"] = practice.summary
        return data


class PracticeDetailView(DetailView):
    template_name = "practices/goodpractice_detail.html"

    def get_queryset(self):
        practices = GoodPractice.objects.visible_to(self.request.user)
        # With the fragment cache the page's parts are read only when not cached.
        return practices if fragments_enabled() else practices.with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice = self.object
        context["parts"] = PracticePageParts(practice, self.request)
        # None (not cached) for a preview of a draft, whose edits change no content version.
        context["parts_key"] = practice.pk if practice.is_published else None
        context["og_image"] = images.og_image_url(self.request, practice.image)
        return context
