"""The shared shape of the public list pages that a FilterSet narrows, and the legal pages."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .site import LegalPage


class FilteredListMixin:
    """A ListView narrowed by `filterset_class` over `visible_queryset()`.

    Valid filters apply and invalid ones are reported on the form (django-filter drops them from
    `qs`); the template gets the filter as `filter` and the query string without the page number
    as `query_without_page`, for the pagination links.
    """

    filterset_class = None

    def visible_queryset(self):
        raise NotImplementedError

    def filtered(self, queryset):
        return queryset

    def get_queryset(self):
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=self.visible_queryset()
        )
        return self.filtered(self.filterset.qs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class LegalPageView(DetailView):
    """An accessibility statement, privacy notice or imprint, in the reader's language."""

    template_name = "content/legalpage_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(LegalPage.objects.published(), kind=self.kwargs["kind"])
