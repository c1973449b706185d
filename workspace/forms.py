"""Workspace forms. Every choice field is limited to what the user's Access allows."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from content import languages
from content.forms import VersionedModelForm
from content.scoping import outside_scope
from content.uploads import ImageFormField
from events.models import Attendance, Event, EventPhoto
from practices.models import GoodPractice


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids beyond the database's integer range as invalid choices.

    Django's own `__in` check sends them to the database, where SQLite raises OverflowError (a 500).
    Built at import, outside any project, it has no queryset until the form's __init__ sets one.
    """

    def __init__(self, queryset, **kwargs):
        super().__init__(None if outside_scope(queryset) else queryset, **kwargs)

    def clean(self, value):
        pk = self.queryset.model._meta.pk
        low, high = connections[self.queryset.db].ops.integer_field_range(pk.get_internal_type())
        for item in value if isinstance(value, list | tuple) else []:
            number = str(item).strip()
            if number.lstrip("-").isdecimal() and not low <= int(number) <= high:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(ImageFormField):
    """Several photos in one input; each is checked as the photo model field checks it."""

    widget = MultipleImageInput
    default_validators = EventPhoto._meta.get_field("image").validators

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleImageField, self).clean(f, initial) for f in files]


def language_fields(names, language):
    """The default language's field names, then the ones in the user's language."""
    codes = [languages.default()]
    if language != languages.default() and language in languages.codes():
        codes.append(language)
    return [languages.column(name, code) for code in codes for name in names]


def language_label(label, code):
    """“Title (English)”: a field's label with the language of its text, in the active language.
    Not “Title in English”: Estonian and Hungarian inflect the language's name there."""
    # Translators: a form field's label, then the language of the text it takes.
    return _("%(label)s (%(language)s)") % {
        "label": capfirst(label),
        "language": languages.name_in_label(code),
    }


def label_languages(form, names, labels=None):
    """Label each translated field with its own field's name and its language, replacing
    modeltranslation's “title [en]”. ``labels`` gives other names than the model's for some."""
    model_options = form._meta.model._meta
    for name in names:
        label = (labels or {}).get(name) or model_options.get_field(name).verbose_name
        for code in languages.codes():
            field = form.fields.get(languages.column(name, code))
            if field is not None:
                field.label = language_label(label, code)


class StudyVisitForm(VersionedModelForm):
    TRANSLATED = ["title", "summary", "body"]

    participants = BoundedModelMultipleChoiceField(
        label=_("Participating partners"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photos = MultipleImageField(
        label=_("Add photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP images; you can choose several at once."),
    )
    photos_cleared = forms.BooleanField(
        label=_("Everyone shown in these photos agreed to their publication"),
        required=False,
        help_text=_("Only photos cleared for publication and approved appear on the public site."),
    )

    class Meta:
        model = Event
        fields = [
            "host",
            "start_date",
            "end_date",
            "start_time",
            "end_time",
            "timezone",
            "practices",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "practices": forms.CheckboxSelectMultiple,
        }
        field_classes = {"practices": BoundedModelMultipleChoiceField}

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.access = access
        self.fields["host"].queryset = access.partner_choices()
        self.fields["host"].required = True
        self.fields["participants"].queryset = access.partner_choices()
        self.fields["practices"].queryset = access.practice_choices()
        if "owner" in self.fields:
            self.fields["owner"].queryset = access.partner_choices()
            self.fields["owner"].required = True
        self.fields["summary_en"].required = True
        label_languages(self, [*self.TRANSLATED, "image_alt"], {"body": _("notes")})
        self.fields["image"].help_text = _("JPEG, PNG or WebP; shown at the top of the page.")
        if self.instance.pk:
            self.initial.setdefault(
                "participants",
                [
                    p.organisation_id
                    for p in self.instance.participations.filter(role="participant")
                ],
            )
        else:
            self.instance.kind = Event.Kind.STUDY_VISIT
            self.instance.review_status = Event.ReviewStatus.DRAFT
            self.instance.is_published = False
            self.instance.owner = access.organisation

    def clean(self):
        cleaned = super().clean()
        own = self.access.organisation
        if self.access.is_coordinator or own is None:
            return cleaned
        host, participants = cleaned.get("host"), cleaned.get("participants") or []
        if host is not None and host != own and own not in participants:
            raise ValidationError(
                _("Your organisation must be the host or one of the participating partners."),
                code="not_involved",
            )
        return cleaned


def study_visit_form_class(language, access):
    """The study-visit form with the English fields and those of the user's language.

    Coordinators also choose the responsible partner; staff always work for their own.
    """
    fields = StudyVisitForm.Meta.fields + language_fields(StudyVisitForm.TRANSLATED, language)
    fields += ["image", *language_fields(["image_alt"], language)]
    if access.is_coordinator:
        fields.append("owner")
    return forms.modelform_factory(Event, form=StudyVisitForm, fields=fields)


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["organisation", "category", "participants"]

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = access.partner_choices()


class BaseAttendanceFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row")

    def clean(self):
        """A new row may not repeat a saved row that no form of this POST changes or removes.

        Django checks the rows against each other only; a POST that leaves saved rows out of its
        forms (INITIAL_FORMS=0, or one saved meanwhile) would otherwise fail in the database.
        """
        super().clean()
        kept = self._rows_kept_as_saved()
        for form in self.extra_forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            row = (form.cleaned_data.get("organisation"), form.cleaned_data.get("category", ""))
            if row[0] is not None and (row[0].pk, row[1]) in kept:
                (constraint,) = Attendance._meta.constraints
                form.add_error(
                    None,
                    ValidationError(constraint.violation_error_message, code="unique"),
                )

    def _rows_kept_as_saved(self):
        if self.instance.pk is None:
            return set()
        in_forms = [form.instance.pk for form in self.initial_forms]
        saved = self.instance.attendances.exclude(pk__in=in_forms)
        return set(saved.values_list("organisation", "category"))


AttendanceFormSet = forms.inlineformset_factory(
    Event,
    Attendance,
    form=AttendanceForm,
    formset=BaseAttendanceFormSet,
    extra=3,
    can_delete=True,
)


class PhotoCaptionForm(VersionedModelForm):
    class Meta:
        model = EventPhoto
        fields = ["caption", "is_cleared"]
        help_texts = {"caption": _("Shown under the photo, and read to people who cannot see it.")}


class PracticeForm(VersionedModelForm):
    """The fields of the Interreg Europe good-practice form, in its order. English required."""

    TRANSLATED = [
        "title",
        "summary",
        "description",
        "resources_needed",
        "evidence_of_success",
        "difficulties_encountered",
        "potential_for_learning",
        "location",
    ]
    OTHER = [
        "further_information",
        "start_date",
        "end_date",
        "is_ongoing",
        "themes",
        "contact",
        "image",
    ]

    further_information = forms.URLField(
        label=_("Further information"), required=False, assume_scheme="https"
    )

    class Meta:
        model = GoodPractice
        fields = []
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "themes": forms.CheckboxSelectMultiple,
        }
        field_classes = {"themes": BoundedModelMultipleChoiceField}
        # The model's “start” and “end” read as a timescale in the admin's fieldset, not alone.
        labels = {"start_date": _("Start date"), "end_date": _("End date")}

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = access.contact_choices()
        if "owner" in self.fields:
            self.fields["owner"].queryset = access.partner_choices()
        for name in ["summary_en", "description_en"]:
            self.fields[name].required = True
        label_languages(self, [*self.TRANSLATED, "image_alt"])
        if not self.instance.pk:
            self.instance.status = GoodPractice.Status.DRAFT
            self.instance.owner = access.organisation


def practice_form_class(language, access):
    """English for every field of the Interreg form; title and summary in the user's language.

    Coordinators also choose the owner; staff always propose for their own partner.
    """
    fields = language_fields(PracticeForm.TRANSLATED, "en")
    fields += language_fields(["title", "summary"], language)[2:]
    if access.is_coordinator:
        fields.append("owner")
    return forms.modelform_factory(
        GoodPractice,
        form=PracticeForm,
        fields=fields + PracticeForm.OTHER + language_fields(["image_alt"], language),
    )


class ReviewDecision:
    KEEP = ""
    APPROVE = "approve"
    RETURN = "return"
    CHOICES = [
        (KEEP, _("Keep in the queue")),
        (APPROVE, _("Approve and publish")),
        (RETURN, _("Return to the partner with the comment")),
    ]


class ReviewForm(VersionedModelForm):
    """The coordinators' decision on a submitted item, on its admin page."""

    decision = forms.ChoiceField(
        label=_("decision"), choices=ReviewDecision.CHOICES, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == ReviewDecision.RETURN and not cleaned.get("review_comment"):
            self.add_error(
                "review_comment", _("Write what the partner should change before returning it.")
            )
        return cleaned
