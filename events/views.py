from django.views.generic import DetailView, ListView

from .models import Event


class EventListView(ListView):
    paginate_by = 20

    def get_queryset(self):
        return Event.objects.published().with_related()


class EventDetailView(DetailView):
    def get_queryset(self):
        return Event.objects.published().select_related("host")
