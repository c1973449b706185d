from django import forms
from django.contrib.staticfiles import finders
from django.http import FileResponse, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from content.search import first_matches
from content.site import current_project
from events.models import Event
from partners.models import Organisation
from partners.structured_data import organisation_data
from practices.models import GoodPractice

SEARCH_MAX_LENGTH = 200
RESULTS_PER_KIND = 20
# Beyond this many matches of a kind the page says "more than 100" instead of counting on.
SEARCH_COUNT_CAP = 100


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Event.objects.published()
        context["upcoming_events"] = published.upcoming().card_rows()[:5]
        context["recent_events"] = published.past().card_rows()[:5]
        practices = GoodPractice.objects.published().order_by("-updated", "pk").card_rows()
        context["featured_practices"] = practices[:6]
        context["partners"] = partners = list(Organisation.objects.consortium())
        context["structured_data"] = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": current_project().acronym,
            "url": self.request.build_absolute_uri(reverse("home")),
            "member": [organisation_data(org, self.request) for org in partners],
        }
        return context


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=SEARCH_MAX_LENGTH, required=False)


class SearchView(TemplateView):
    """Published events, published practices and organisations matching q, in the reader's
    language or in English."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        context["form"] = form
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context["query"] = query
        if query:
            published_events = Event.objects.published()
            published_practices = GoodPractice.objects.published()
            organisations = Organisation.objects.in_project().in_partner_order(nulls_last=True)
            found = first_matches(
                [
                    ("events", published_events),
                    ("practices", published_practices),
                    ("organisations", organisations),
                ],
                query,
                RESULTS_PER_KIND,
                SEARCH_COUNT_CAP,
            )
            items = {
                "events": published_events.cards_of(found["events"][1]),
                "practices": published_practices.cards_of(found["practices"][1]),
                "organisations": organisations.cards_of(found["organisations"][1]),
            }
            context["count_cap"] = SEARCH_COUNT_CAP
            context["sections"] = [
                (key, heading, found[key][0], items[key])
                for key, heading in [
                    ("events", _("Events")),
                    ("practices", _("Good practices")),
                    ("organisations", _("Organisations")),
                ]
            ]
        return context


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/workspace/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """/favicon.ico, where browsers look for it whatever the page says: the static icon."""
    response = FileResponse(open(finders.find("favicon.ico"), "rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
