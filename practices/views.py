from django.views.generic import DetailView, ListView

from .models import GoodPractice


class PracticeListView(ListView):
    paginate_by = 20

    def get_queryset(self):
        return GoodPractice.objects.published().with_related()


class PracticeDetailView(DetailView):
    def get_queryset(self):
        return GoodPractice.objects.published().select_related("owner")
