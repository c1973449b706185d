"""The shared shape of the public list pages that a FilterSet narrows, and the legal pages."""

import hashlib

from django.shortcuts import get_object_or_404
from django.template.loader import get_template
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.generic import DetailView

from .fragments import cached_fragment, fragments_enabled
from .page_cache import SCOPES, cached_until_content_changes
from .site import LegalPage


class CachedMatches:
    """The items a filtered list matches, as its paginator reads them: their count and one
    page's slice, each kept in the cache under the versions of the scopes the list shows, per
    language and filter values (`key`), and read from `matching()` only when not kept.

    On a warm list nothing is asked of the database and the FilterSet is not even built:
    counting every match (3 ms at 20,000 events), building the filters' form and querysets
    (4 ms) and reading the page's pks were most of an uncached list page's time."""

    ordered = True  # as matching() is; the paginator warns about unordered lists

    def __init__(self, key, scopes, matching):
        self._key, self._scopes, self._matching = key, scopes, matching

    def count(self):
        return cached_until_content_changes(
            f"{self._key}:count", lambda: self._matching().count(), self._scopes
        )

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        return cached_until_content_changes(
            f"{self._key}:{index.start}:{index.stop}",
            lambda: list(self._matching()[index]),
            self._scopes,
        )


class FilteredListMixin:
    """A ListView narrowed by `filterset_class` over `visible_queryset()`.

    Valid filters apply and invalid ones are reported on the form (django-filter drops them from
    `qs`); the template gets the rendered form (includes/_filter_form.html) as `filter_form`,
    and the query string without the page number as `query_without_page`, for the pagination
    links.

    With the fragment cache (content/fragments.py), the rendered form is a cached fragment and
    the matching items' count and page are kept (CachedMatches), per language and filter
    values, under the versions of `filter_scopes`: what the form's options and messages and the
    matches are read from (the events, the partners, the themes...).
    """

    filterset_class = None
    filter_scopes = SCOPES

    def visible_queryset(self):
        raise NotImplementedError

    def filtered(self, queryset):
        return queryset

    @cached_property
    def filterset(self):
        return self.filterset_class(self.request.GET or None, queryset=self.visible_queryset())

    def matching(self):
        return self.filtered(self.filterset.qs)

    def get_queryset(self):
        if not fragments_enabled():
            return self.matching()
        digest = hashlib.sha256(self.filter_values().encode()).hexdigest()
        key = f"portal:list:{self._name()}:{get_language()}:{digest}"
        return CachedMatches(key, self.filter_scopes, self.matching)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form_html()
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context

    def filter_values(self):
        """What the filters are given: whether the form is bound (any query string) and the
        value of each filter; the form and the matching items follow from them alone."""
        names = sorted(self.filterset_class.base_filters)
        return repr([bool(self.request.GET)] + [(n, self.request.GET.getlist(n)) for n in names])

    def filter_form_html(self):
        template = get_template("includes/_filter_form.html")
        html = cached_fragment(
            f"filter-form:{self._name()}",
            [self.filter_values()],
            self.filter_scopes,
            lambda: template.render({"form": self.filterset.form}),
        )
        return mark_safe(html)  # noqa: S308 - a rendered template

    def _name(self):
        return f"{type(self).__module__}.{type(self).__qualname__}"


class LegalPageView(DetailView):
    """An accessibility statement, privacy notice or imprint, in the reader's language."""

    template_name = "content/legalpage_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(LegalPage.objects.published(), kind=self.kwargs["kind"])
