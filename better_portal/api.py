"""The read-only JSON export: published events, published practices and organisations.

Translated fields are objects, {"value": "...", "lang": "en"}, where `lang` is the language the
value is actually in: the URL's language, or English when that one is missing (null when no
language has a value). The README's "JSON export" section documents the format.
"""

import datetime as dt
import json

from django.core.paginator import EmptyPage, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Max
from django.http import HttpResponse, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, conditional_page, require_safe

from content.fallback import localized
from content.fragments import cached_fragment, cached_fragments, fragments_enabled
from events.filters import EventFilter
from events.listing import LIST_SCOPES, BadFilter, etag, filtered_events, list_etag
from events.models import Event
from partners.models import Organisation, PartnerNumber
from practices.models import GoodPractice

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class BadParameter(ValueError):
    """A query parameter the export cannot use; `errors` maps each parameter to its problems."""

    def __init__(self, errors, status=400):
        self.errors = errors
        self.status = status
        super().__init__(errors)


def error_response(errors, status=400):
    """{"error": {"message": ..., "parameters": {name: [problem, ...]}}} with the given status."""
    message = "; ".join(f"{name}: {' '.join(problems)}" for name, problems in errors.items())
    return JsonResponse({"error": {"message": message, "parameters": errors}}, status=status)


def page_parameters(query):
    """The page number and size asked for; a size above MAX_PAGE_SIZE is lowered to it."""
    values = {}
    for name, default in (("page", 1), ("page_size", DEFAULT_PAGE_SIZE)):
        raw = query.get(name, "")
        try:
            values[name] = int(raw) if raw != "" else default
        except ValueError:
            values[name] = 0
        if values[name] < 1:
            problem = _("Expected a whole number of at least 1, got “%(value)s”.")
            raise BadParameter({name: [problem % {"value": raw}]})
    return values["page"], min(values["page_size"], MAX_PAGE_SIZE)


class CountedPaginator(Paginator):
    """A Paginator whose count is `count()`'s (a cached count) rather than the queryset's."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
        return self._count()


def paginated_response(request, queryset, serialise, serialised=None, count=None):
    """One page of `queryset` as {count, next, previous, language, results}. With
    `serialised(items, request)`, the page's results are the JSON texts it gives, in order;
    with `count()`, the count is its."""
    number, size = page_parameters(request.GET)
    if count is None:
        paginator = Paginator(queryset, size)
    else:
        paginator = CountedPaginator(queryset, size, count)
    try:
        page = paginator.page(number)
    except EmptyPage:
        problem = _("There is no page %(number)s; the last page is %(last)s.")
        raise BadParameter(
            {"page": [problem % {"number": number, "last": paginator.num_pages}]}, status=404
        ) from None
    envelope = {
        "count": paginator.count,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": (
            _page_url(request, page.previous_page_number()) if page.has_previous() else None
        ),
        "language": get_language(),
        "results": None,
    }
    if serialised is None:
        envelope["results"] = [serialise(item, request) for item in page.object_list]
        return JsonResponse(envelope, json_dumps_params={"ensure_ascii": False})
    # The same text as JsonResponse's: "results" is the last member, so its list goes last.
    head = to_json(envelope).removesuffix("null}")
    results = ", ".join(text for text in serialised(page.object_list, request) if text)
    return HttpResponse(f"{head}[{results}]}}", content_type="application/json")


def to_json(data):
    """The JSON text JsonResponse writes for `data`."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def _page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def text(obj, field):
    """A translated field as {"value", "lang"}: the language the value is actually in."""
    value, lang = localized(obj, field)
    return {"value": value, "lang": lang}


def utc(instant):
    """An instant in ISO 8601, in UTC, with a Z."""
    if instant is None:
        return None
    return instant.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def iso_date(day):
    return day.isoformat() if day else None


def event_data(event, request):
    return {
        "slug": event.slug,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "calendar": request.build_absolute_uri(
            reverse("events:event_calendar", kwargs={"slug": event.slug})
        ),
        "kind": event.kind,
        "number": event.number,
        "title": text(event, "title"),
        "summary": text(event, "summary"),
        "body": text(event, "body"),
        "status": event.status,
        "format": event.format or None,  # null: not stated
        "timezone": event.tzname,
        "start_date": iso_date(event.start_date),
        "end_date": iso_date(event.end_date),
        "all_day": event.is_date_only,
        "start": utc(event.start),
        "end": utc(event.end),
        "venue": text(event, "venue"),
        "city": text(event, "city"),
        "country": event.country.code or None,
        "online_platform": event.online_platform,
        "online_url": event.online_url,
        "host": event.host.slug if event.host else None,
        "hosts": [host.slug for host in event.hosts],
        "participants": [
            {"organisation": p.organisation.slug, "role": p.role}
            for p in event.participations.all()
        ],
        "themes": [theme.slug for theme in event.themes.all()],
        "practices": [practice.slug for practice in event.practices.all()],
        "workshops": [workshop_data(w) for w in event.workshops.all()],
        "changes": event.change_count,
        "updated": utc(event.updated),
    }


def cached_events_data(pks, request):
    """The JSON texts of event_data() of these events, each cached as a fragment under the
    versions of what it shows (LIST_SCOPES), so a published edit shows on the next request;
    the rows of those not cached are loaded at once. An event unpublished since has none."""
    pks = list(pks)

    def render_missing(indexes):
        shown = Event.objects.published().with_export().in_order(pks[i] for i in indexes)
        rows = {event.pk: event for event in shown}
        return [
            to_json(event_data(rows[pks[i]], request)) if pks[i] in rows else "" for i in indexes
        ]

    parts = [(pk, request.scheme, request.get_host()) for pk in pks]
    return cached_fragments("api-event", parts, LIST_SCOPES, render_missing)


def cached_count(request, events):
    """How many events the list filters of the request give, cached as a fragment under the
    versions of what the filters read (LIST_SCOPES) and today's date ("upcoming" changes at
    midnight without any write): counting every published event was the export's slowest
    query (10 ms at 20,000)."""
    filters = [(name, request.GET.get(name, "")) for name in EventFilter.base_filters]
    parts = (*filters, timezone.localdate())
    return cached_fragment("api-event-count", parts, LIST_SCOPES, events.count)


def workshop_data(workshop):
    return {
        "order": workshop.order,
        "title": text(workshop, "title"),
        "description": text(workshop, "description"),
        "start": utc(workshop.start),
        "end": utc(workshop.end),
        "experts": [
            {
                "name": person.full_name,
                "organisation": person.organisation.slug if person.organisation else None,
            }
            for person in workshop.experts.all()
        ],
    }


def practice_data(practice, request):
    return {
        "slug": practice.slug,
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "title": text(practice, "title"),
        "summary": text(practice, "summary"),
        "description": text(practice, "description"),
        "resources_needed": text(practice, "resources_needed"),
        "evidence_of_success": text(practice, "evidence_of_success"),
        "difficulties_encountered": text(practice, "difficulties_encountered"),
        "potential_for_learning": text(practice, "potential_for_learning"),
        "further_information": practice.further_information or None,
        "owner": practice.owner.slug,
        "location": text(practice, "location"),
        "start_date": iso_date(practice.start_date),
        "end_date": iso_date(practice.end_date),
        "is_ongoing": practice.is_ongoing,
        "themes": [theme.slug for theme in practice.themes.all()],
        "updated": utc(practice.updated),
    }


def organisation_data(organisation, request):
    return {
        "slug": organisation.slug,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        "name": text(organisation, "name"),
        "short_name": organisation.short_name,
        "description": text(organisation, "description"),
        "partner_number": organisation.partner_number,
        "partner_code": organisation.partner_code or None,
        "partner_role": organisation.partner_role or None,
        "organisation_type": organisation.organisation_type,
        "country": organisation.country.code or None,
        "city": organisation.city,
        "nuts_code": organisation.nuts_code,
        "website": organisation.website or None,
        "logo": request.build_absolute_uri(organisation.logo.url) if organisation.logo else None,
        "timezone": organisation.tzname,
    }


def _events_etag(request):
    try:
        page_parameters(request.GET)
    except BadParameter:
        return None
    return list_etag(request)


def _practices_etag(request):
    summary = GoodPractice.objects.published().aggregate(count=Count("pk"), updated=Max("updated"))
    return etag(request, summary)


@require_safe
@condition(etag_func=_events_etag)
def events(request):
    """Published events narrowed by the events list's filters, with their workshops."""
    try:
        events = filtered_events(request.GET)
        if fragments_enabled():  # a page of pks; the count and the events' JSON from the cache
            pks = events.values_list("pk", flat=True)
            return paginated_response(
                request,
                pks,
                None,
                serialised=cached_events_data,
                count=lambda: cached_count(request, pks),
            )
        return paginated_response(request, events.with_export(), event_data)
    except (BadFilter, BadParameter) as error:
        return error_response(error.errors, getattr(error, "status", 400))


@require_safe
@condition(etag_func=_practices_etag)
def practices(request):
    """Published good practices."""
    try:
        return paginated_response(
            request, GoodPractice.objects.published().with_related(), practice_data
        )
    except BadParameter as error:
        return error_response(error.errors, error.status)


@require_safe
@conditional_page
def organisations(request):
    """The organisations of the project, partners first. They have no `updated` field: the
    ETag is the body's."""
    try:
        organisations = Organisation.objects.in_project().order_by(
            PartnerNumber().asc(nulls_last=True), "name", "pk"
        )
        return paginated_response(request, organisations, organisation_data)
    except BadParameter as error:
        return error_response(error.errors, error.status)


app_name = "api"
urlpatterns = [
    path("events/", events, name="events"),
    path("practices/", practices, name="practices"),
    path("organisations/", organisations, name="organisations"),
]
