from django.views.generic import DetailView, ListView

from .models import Organisation


class OrganisationListView(ListView):
    def get_queryset(self):
        return Organisation.objects.consortium()


class OrganisationDetailView(DetailView):
    model = Organisation
