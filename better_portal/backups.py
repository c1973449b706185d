"""What a backup holds: the projects, every row of the content apps, the logins tied to people,
and the media files those rows name. Shared by the export_data and import_data commands.

A backup of one project holds its identity and legal pages, its own rows (events, practices,
semesters, partners' numbers...) with their history, and every shared row (organisations,
people, themes, logins): enough to restore the project's site on an instance of its own.
"""

import datetime as dt
import io
import json
import tarfile
from pathlib import PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from content.scoping import project_path
from content.site import Project

# The apps whose every model is content. A new content app is added here.
CONTENT_APPS = ["partners", "practices", "events"]
# The ground floor's content: each project's legal pages, with their history.
CONTENT_MODELS = ["content.legalpage", "content.historicallegalpage"]
# The projects themselves: not content (migrate makes the first), restored before their rows.
PROJECT_MODELS = ["content.project", "content.historicalproject"]
# Logins (Person.user) and their groups, keyed by natural keys (username, group name), so that a
# login that already exists in the target database is updated rather than duplicated.
ACCOUNT_MODELS = ["auth.group", "auth.user"]


def content_models():
    """The concrete models of the content apps (proxies share their rows with their concrete)
    and the legal pages."""
    return [apps.get_model(label) for label in CONTENT_MODELS] + [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy
    ]


def content_counts():
    """{"partners.organisation": 5, ...} for the content models holding rows."""
    counts = {model._meta.label_lower: model._base_manager.count() for model in content_models()}
    return {label: count for label, count in counts.items() if count}


class ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps microseconds, which DjangoJSONEncoder cuts to milliseconds (ECMA-262 style): a
    restored `updated` must equal the original, or ETags and calendar stamps change."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def backup_models():
    """Logins first, then the projects, then the content models, each after the models it
    refers to."""
    auth, content = apps.get_app_config("auth"), apps.get_app_config("content")
    app_list = [(auth, [apps.get_model(label) for label in ACCOUNT_MODELS])]
    app_list += [(content, [apps.get_model(label) for label in PROJECT_MODELS + CONTENT_MODELS])]
    app_list += [(apps.get_app_config(label), None) for label in CONTENT_APPS]
    models = serializers.sort_dependencies(app_list, allow_cycles=True)
    return [model for model in models if not model._meta.proxy]


def backup_rows(model, project=None):
    """The rows of model that a backup holds, in pk order: every row, or for a backup of one
    project its own (the project itself, the rows that lead to it) and every shared row."""
    rows = model._base_manager.order_by(model._meta.pk.name)
    if project is None:
        return rows
    if getattr(model, "instance_type", model) is Project:
        return rows.filter(**{Project._meta.pk.attname: project.pk})
    path = project_path(model)
    return rows if path is None else rows.filter(**{path: project})


def write_backup(stream, project=None):
    """Serialise every backup row (of one project and the shared rows, if given) as JSON that
    loaddata reads: content rows keep their ids, logins and groups are keyed by name, every
    language column is included."""

    def rows():
        for model in backup_models():
            yield from backup_rows(model, project).iterator()

    serializers.serialize(
        "json",
        rows(),
        stream=stream,
        indent=1,
        cls=ExactJSONEncoder,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )


def media_paths(project=None):
    """The storage names of every file a backup's rows refer to (a project's logos included),
    sorted and without repeats."""
    paths = set()
    for model in backup_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                rows = backup_rows(model, project).exclude(**{field.attname: ""})
                paths.update(name for name in rows.values_list(field.attname, flat=True) if name)
    return sorted(paths)


def write_media_archive(path, names, storage=default_storage):
    """A gzipped tar of the named files, read from storage (disk or S3); returns the missing."""
    missing = []
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            if not storage.exists(name):
                missing.append(name)
                continue
            with storage.open(name, "rb") as source:
                data = source.read()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return missing


def read_media_archive(path, storage=default_storage):
    """Store every regular file of the archive under its own name; returns the names stored.

    Members with absolute paths or `..` are refused: an archive cannot write outside the media.
    """
    stored = []
    with tarfile.open(path, "r:*") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            name = _safe_name(member.name)
            data = archive.extractfile(member).read()
            if storage.exists(name):
                storage.delete(name)
            stored.append(storage.save(name, ContentFile(data)))
    return stored


def restored_projects(fixture):
    """The pks of the projects an export_data file holds."""
    with open(fixture, encoding="utf-8") as stream:
        return {row["pk"] for row in json.load(stream) if row["model"] == "content.project"}


def remove_empty_projects(kept):
    """Delete the projects not among `kept` (pks) that hold nothing (no row leads to them, no
    coordinator): the one migrate made, which a restored project replaces as the first."""
    owned = [
        (model, path)
        for model in apps.get_models()
        if (path := project_path(model)) and not model._meta.proxy
    ]
    for project in Project.objects.exclude(pk__in=kept).filter(coordinators=None):
        if not any(model._base_manager.filter(**{path: project}).exists() for model, path in owned):
            project.delete()


def media_fields(fixture):
    """{media file name: the model field that names it} for the rows of an export_data file."""
    with open(fixture, encoding="utf-8") as stream:
        rows = json.load(stream)
    fields = {}
    for row in rows:
        model = apps.get_model(row["model"])
        for field in model._meta.concrete_fields:
            name = row["fields"].get(field.name)
            if isinstance(field, models.FileField) and name:
                fields[name] = field
    return fields


def refused_media(path, fields):
    """["logos/x.gif: GIF images are not accepted. ...", ...]: the archive's files that the
    upload fields naming them would refuse, checked as an upload in the admin is."""
    refused = []
    with tarfile.open(path, "r:*") as archive:
        for member in archive.getmembers():
            field = fields.get(member.name) if member.isfile() else None
            if field is None:
                continue
            upload = ContentFile(archive.extractfile(member).read(), name=member.name)
            try:
                field.run_validators(upload)
            except ValidationError as error:
                refused.append(f"{member.name}: {' '.join(error.messages)}")
    return refused


def _safe_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"Unsafe path in the media archive: {name!r}")
    return str(path)
