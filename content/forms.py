"""Forms shared by every editor of content: the admin, the workspace and the review."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class VersionedModelForm(forms.ModelForm):
    """Carries the version the editor started from; a save over someone else's is refused.

    For models with a `version` field (content.models.Versioned). On a conflict the form stays
    bound to what the editor typed and now carries the current version, so saving again
    deliberately replaces the other person's changes.
    """

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            # From the database, not the instance: a history revert form starts from an old one.
            self.initial["seen_version"] = self.instance.stored_version()

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        stored = self.instance.stored_version()
        if cleaned.get("seen_version") != stored:
            self.data = self.data.copy()
            self.data[self.add_prefix("seen_version")] = stored
            cleaned["seen_version"] = stored
            raise ValidationError(
                _(
                    "%(who)s saved this item while you were editing it, so your changes are "
                    "not saved yet. Your input is kept below: compare it with the current "
                    "version, then save again to replace that version with yours."
                ),
                code="edit_conflict",
                params={"who": self._last_editor()},
            )
        return cleaned

    def _last_editor(self):
        history = getattr(self.instance, "history", None)
        latest = history.first() if history is not None else None
        who = getattr(latest, "history_user", None) if latest else None
        return (who.get_full_name() or who.get_username()) if who else _("Someone")
