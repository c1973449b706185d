"""Partner numbers and roles become each project's: every numbered organisation becomes a
ProjectPartner of the first project (the one a one-project instance serves), with its number
and role, and the organisation keeps neither."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def memberships_of_the_first_project(apps, schema_editor):
    Organisation = apps.get_model("partners", "Organisation")
    numbered = Organisation.objects.filter(partner_number__isnull=False)
    if not numbered.exists():
        return
    project = apps.get_model("content", "Project").objects.order_by("pk").first()
    apps.get_model("partners", "ProjectPartner").objects.bulk_create(
        apps.get_model("partners", "ProjectPartner")(
            project=project,
            organisation=organisation,
            number=organisation.partner_number,
            role=organisation.partner_role or "partner",
        )
        for organisation in numbered.order_by("partner_number")
    )


def numbers_of_the_first_project(apps, schema_editor):
    project = apps.get_model("content", "Project").objects.order_by("pk").first()
    Organisation = apps.get_model("partners", "Organisation")
    memberships = apps.get_model("partners", "ProjectPartner").objects.filter(project=project)
    for membership in memberships:
        Organisation.objects.filter(pk=membership.organisation_id).update(
            partner_number=membership.number, partner_role=membership.role
        )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_project"),
        ("partners", "0008_organisation_short_name_city_translated"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalProjectPartner",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        help_text="4 for P4.", verbose_name="partner number"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("lead", "Lead partner"),
                            ("partner", "Partner"),
                            ("advisory", "Advisory partner"),
                        ],
                        default="partner",
                        max_length=10,
                        verbose_name="partner role",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical project partner",
                "verbose_name_plural": "historical project partners",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ProjectPartner",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        help_text="4 for P4.", verbose_name="partner number"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("lead", "Lead partner"),
                            ("partner", "Partner"),
                            ("advisory", "Advisory partner"),
                        ],
                        default="partner",
                        max_length=10,
                        verbose_name="partner role",
                    ),
                ),
            ],
            options={
                "verbose_name": "project partner",
                "verbose_name_plural": "project partners",
                "ordering": ["number"],
            },
        ),
        migrations.AddField(
            model_name="historicalprojectpartner",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalprojectpartner",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="historicalprojectpartner",
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
            model_name="projectpartner",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="memberships",
                to="partners.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="projectpartner",
            name="project",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="content.project",
                verbose_name="project",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectpartner",
            constraint=models.UniqueConstraint(
                fields=("project", "number"),
                name="one_partner_per_number",
                violation_error_message="Another partner of the project has this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectpartner",
            constraint=models.UniqueConstraint(
                fields=("project", "organisation"),
                name="one_membership_per_project",
                violation_error_message="This organisation is a partner of the project already.",
            ),
        ),
        migrations.AddConstraint(
            model_name="projectpartner",
            constraint=models.UniqueConstraint(
                condition=models.Q(("role", "lead")),
                fields=("project",),
                name="one_lead_partner_per_project",
                violation_error_message="There is already a lead partner: a project has one.",
            ),
        ),
        migrations.RunPython(memberships_of_the_first_project, numbers_of_the_first_project),
        migrations.AlterModelOptions(
            name="organisation",
            options={
                "ordering": ["name"],
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
            },
        ),
        migrations.RemoveConstraint(
            model_name="organisation",
            name="one_lead_partner",
        ),
        migrations.RemoveConstraint(
            model_name="organisation",
            name="partner_number_with_role",
        ),
        migrations.RemoveField(
            model_name="historicalorganisation",
            name="partner_number",
        ),
        migrations.RemoveField(
            model_name="historicalorganisation",
            name="partner_role",
        ),
        migrations.RemoveField(
            model_name="organisation",
            name="partner_number",
        ),
        migrations.RemoveField(
            model_name="organisation",
            name="partner_role",
        ),
    ]
