from django.views.generic import TemplateView

from events.models import Event


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Event.objects.published().with_related()
        context["upcoming_events"] = published.upcoming()[:10]
        context["recent_events"] = published.past()[:10]
        return context
