"""Forms shared by every editor of content: the admin, the workspace and the review."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNKNOWN = object()  # a field's value in the version the editor started from, when not kept


class VersionInput(forms.HiddenInput):
    """A hidden input that no label points at: the admin draws a label for every field of a
    fieldset, and a label for a hidden input is invalid HTML."""

    def id_for_label(self, id_):
        return ""


class VersionedModelForm(forms.ModelForm):
    """Carries the version the editor started from; a save over someone else's is merged.

    For models with a `version` field (content.models.Versioned). When someone else saved
    meanwhile, each field is compared three ways: the version the editor opened (from the
    history), theirs (stored now) and yours (typed). A field only one side changed keeps that
    side's value; if no field was changed by both, the merge is saved. Otherwise the form is
    refused, stays bound to what the editor typed in the fields both changed, shows theirs on
    each of those fields, and takes theirs everywhere else: saving again keeps their changes
    and replaces only the fields the editor has now seen side by side.
    """

    # Bounded as the model field is: a forged huge number is a form error, not a database one.
    seen_version = forms.IntegerField(
        widget=VersionInput, required=False, min_value=0, max_value=2**31 - 1
    )

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
        seen = cleaned.get("seen_version")
        if seen == stored:
            return cleaned
        self.data = self.data.copy()
        self.data[self.add_prefix("seen_version")] = stored
        cleaned["seen_version"] = stored
        both_changed = self._merge_theirs(seen)
        if not both_changed:
            return cleaned
        for name in both_changed:
            self.add_error(name, self._theirs_message(name))
        raise ValidationError(
            _(
                "%(who)s saved this item while you were editing it, so your changes are "
                "not saved yet. Your input is kept below: compare it with the current "
                "version, then save again to replace that version with yours."
            ),
            code="edit_conflict",
            params={"who": self._last_editor()},
        )

    def _merge_theirs(self, seen_version):
        """Take theirs in every field the editor left as it was; the names of the fields
        both changed (those the editor must decide)."""
        theirs, base = self._values(self.instance), self._base_values(seen_version)
        both_changed = []
        for name, field in self.fields.items():
            if name == "seen_version" or field.disabled or isinstance(field, forms.FileField):
                continue
            if name not in self.cleaned_data or name not in theirs:
                continue
            yours = self[name].data
            if not field.has_changed(theirs[name], yours):
                continue  # the same on both sides
            if base.get(name, UNKNOWN) is not UNKNOWN:
                if base[name] == theirs[name]:
                    continue  # only the editor changed it: keep yours
                if not field.has_changed(base[name], yours):
                    self._take(name, field, theirs[name])  # only they changed it
                    continue
            both_changed.append(name)
        return both_changed

    def _take(self, name, field, value):
        """Their value in the cleaned data (what is saved) and the raw data (what is shown)."""
        model_field = self.instance._meta.get_field(name)
        if model_field.many_to_many:
            self.cleaned_data[name] = getattr(self.instance, name).all()
        elif model_field.is_relation:
            self.cleaned_data[name] = getattr(self.instance, name)
        else:
            self.cleaned_data[name] = value
        key = self.add_prefix(name)
        for raw_key in [k for k in self.data if k == key or k.startswith(f"{key}_")]:
            del self.data[raw_key]
        widget, prepared = field.widget, field.prepare_value(value)
        if isinstance(widget, forms.MultiWidget):
            for suffix, part in zip(
                widget.widgets_names, widget.decompress(prepared), strict=False
            ):
                if part is not None:
                    self.data[f"{key}{suffix}"] = str(part)
        elif isinstance(prepared, list | tuple):
            self.data.setlist(key, [str(v) for v in prepared])
        elif isinstance(widget, forms.CheckboxInput):
            if prepared:
                self.data[key] = "on"
        elif prepared is not None:
            self.data[key] = str(prepared)

    def _values(self, instance, with_many=True):
        opts = instance._meta
        values = {f.name: f.value_from_object(instance) for f in opts.concrete_fields}
        if with_many:
            values |= {
                f.name: [obj.pk for obj in getattr(instance, f.name).all()]
                for f in opts.many_to_many
                if f.name in self.fields
            }
        return values

    def _base_values(self, seen_version):
        history = getattr(self.instance, "history", None)
        if history is None or seen_version is None:
            return {}
        record = history.filter(version=seen_version).order_by("-history_date").first()
        # The history keeps no many-to-many fields: those are compared two ways only.
        return self._values(record.instance, with_many=False) if record else {}

    def _theirs_message(self, name):
        field = self.instance._meta.get_field(name)
        if field.many_to_many:
            shown = ", ".join(str(obj) for obj in getattr(self.instance, name).all())
        elif field.choices:
            shown = getattr(self.instance, f"get_{name}_display")()
        else:
            shown = getattr(self.instance, name)
        return ValidationError(
            _("Also changed meanwhile. Their version: “%(theirs)s”. Yours is below."),
            code="edit_conflict_field",
            params={"theirs": shown if shown not in (None, "") else _("(empty)")},
        )

    def _last_editor(self):
        history = getattr(self.instance, "history", None)
        latest = history.first() if history is not None else None
        who = getattr(latest, "history_user", None) if latest else None
        return (who.get_full_name() or who.get_username()) if who else _("Someone")
