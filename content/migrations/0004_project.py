"""The site identity becomes the first Project: the same row, its slug from its acronym. An
instance without one gets one, so that every project-owned row has a project; its legal pages
become that project's."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify


def first_project(apps, schema_editor):
    Project = apps.get_model("content", "Project")
    project = Project.objects.order_by("pk").first()
    if project is None:
        project = Project.objects.create(acronym=settings.PORTAL_NAME)
    for number, each in enumerate(Project.objects.order_by("pk")):
        each.slug = (slugify(each.acronym)[:36] or "project") + (f"-{number}" if number else "")
        each.save(update_fields=["slug"])
    apps.get_model("content", "LegalPage").objects.update(project=project)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_site_identity_and_legal_pages"),
    ]

    operations = [
        migrations.RenameModel("SiteIdentity", "Project"),
        migrations.RenameModel("HistoricalSiteIdentity", "HistoricalProject"),
        migrations.AlterModelOptions(
            name="historicalproject",
            options={
                "get_latest_by": ("history_date", "history_id"),
                "ordering": ("-history_date", "-history_id"),
                "verbose_name": "historical project",
                "verbose_name_plural": "historical projects",
            },
        ),
        migrations.AlterModelOptions(
            name="project",
            options={
                "ordering": ["pk"],
                "verbose_name": "project",
                "verbose_name_plural": "projects",
            },
        ),
        migrations.AddField(
            model_name="historicalproject",
            name="slug",
            field=models.SlugField(
                default="",
                help_text="The project's part of the web address on a shared domain: /en/better/.",
                max_length=40,
                verbose_name="slug",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="project",
            name="slug",
            field=models.SlugField(default="", db_index=False, max_length=40, verbose_name="slug"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicallegalpage",
            name="project",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="content.project",
                verbose_name="project",
            ),
        ),
        migrations.AddField(
            model_name="legalpage",
            name="project",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="legalpages",
                to="content.project",
            ),
        ),
        migrations.RunPython(first_project, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="project",
            name="slug",
            field=models.SlugField(
                help_text="The project's part of the web address on a shared domain: /en/better/.",
                max_length=40,
                unique=True,
                verbose_name="slug",
            ),
        ),
        migrations.AlterField(
            model_name="legalpage",
            name="project",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="content.project",
                verbose_name="project",
            ),
        ),
        migrations.AlterField(
            model_name="historicallegalpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("accessibility", "Accessibility statement"),
                    ("privacy", "Privacy notice"),
                    ("contact", "Contact and imprint"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="legalpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("accessibility", "Accessibility statement"),
                    ("privacy", "Privacy notice"),
                    ("contact", "Contact and imprint"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="legalpage",
            constraint=models.UniqueConstraint(
                fields=("project", "kind"),
                name="one_legal_page_per_kind",
                violation_error_message="The project has a page of this kind already.",
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.UniqueConstraint(
                condition=models.Q(("domain", ""), _negated=True),
                fields=("domain",),
                name="one_project_per_domain",
                violation_error_message="Another project is served on this domain.",
            ),
        ),
    ]
