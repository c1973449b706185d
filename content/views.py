"""The shared shape of the public list pages that a FilterSet narrows, and the legal pages."""

import hashlib

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.views.generic import DetailView

from .fragments import cached_fragment, fragments_enabled
from .page_cache import SCOPES, cached_until_content_changes
from .site import LegalPage


class FilteredListMixin:
    """A ListView narrowed by `filterset_class` over `visible_queryset()`.

    Valid filters apply and invalid ones are reported on the form (django-filter drops them from
    `qs`); the template gets the filter as `filter`, the rendered form (includes/_filter_form.html)
    as `filter_form`, and the query string without the page number as `query_without_page`, for
    the pagination links.

    The rendered form is a cached fragment (content/fragments.py) per language and filter values,
    under the versions of `filter_scopes`: what its options and messages are read from (the
    years of the events, the partners, the themes...). Rendering its selects was about a third
    of an uncached list page.
    """

    filterset_class = None
    filter_scopes = SCOPES

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
        context["filter_form"] = self.filter_form_html()
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context

    def filter_values(self):
        """What the filters are given: whether the form is bound (any query string) and the
        values of its fields; the form and the matching items follow from them alone."""
        form = self.filterset.form
        return repr(
            [form.is_bound] + [(n, self.request.GET.getlist(n)) for n in sorted(form.fields)]
        )

    def filter_form_html(self):
        form = self.filterset.form
        template = get_template("includes/_filter_form.html")
        name = f"filter-form:{type(self).__module__}.{type(self).__qualname__}"
        html = cached_fragment(
            name,
            [self.filter_values()],
            self.filter_scopes,
            lambda: template.render({"form": form}),
        )
        return mark_safe(html)  # noqa: S308 - a rendered template

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        if fragments_enabled():
            # Counting every matching row is the list's slowest query (3 ms at 20,000 events),
            # and the same for each of its pages: kept until what the filters read changes.
            digest = hashlib.sha256(self.filter_values().encode()).hexdigest()
            key = f"portal:list-count:{type(self).__module__}.{type(self).__qualname__}:{digest}"
            paginator.count = cached_until_content_changes(
                key, lambda: Paginator.count.func(paginator), self.filter_scopes
            )
        return paginator


class LegalPageView(DetailView):
    """An accessibility statement, privacy notice or imprint, in the reader's language."""

    template_name = "content/legalpage_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(LegalPage.objects.published(), kind=self.kwargs["kind"])
