"""Every change to content is kept with who and when (django-simple-history)."""

import simple_history
from django.apps import apps
from django.db.models import signals
from simple_history.models import HistoricalRecords


class ProxyAwareHistoricalRecords(HistoricalRecords):
    """Also records saves made through proxy models (the per-kind event admins, the review
    queue): Django sends their signals under the proxy's name, not the concrete model's."""

    def fields_included(self, model):
        """Generated columns (the full-text search vectors) are the database's to compute: a
        historical row neither needs nor could restore them."""
        return [f for f in super().fields_included(model) if not getattr(f, "generated", False)]

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if self.cls is not sender or not apps.models_ready:
            return
        for model in apps.get_models():
            if model._meta.proxy and model._meta.concrete_model is sender:
                # So that the admin's history and revert pages work on the proxy too.
                model._meta.simple_history_manager_attribute = self.manager_name
                signals.post_save.connect(self.post_save, sender=model, weak=False)
                signals.post_delete.connect(self.post_delete, sender=model, weak=False)
                signals.pre_delete.connect(self.pre_delete, sender=model, weak=False)


def track(*models):
    """Keep the history of these models. Call it in translation.py after the translation
    registration, so the historical tables hold every language and restore them all."""
    for model in models:
        simple_history.register(model, records_class=ProxyAwareHistoricalRecords)
