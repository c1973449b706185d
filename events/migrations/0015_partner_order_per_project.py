"""Participations and attendance rows are ordered by their partner numbers in the event's project."""

import partners.models
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0014_project"),
        ("partners", "0009_project_partners"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="attendance",
            options={
                "ordering": [
                    "event",
                    partners.models.PartnerNumber("organisation", project="event__project"),
                    "organisation__name",
                    "category",
                ],
                "verbose_name": "attendance",
                "verbose_name_plural": "attendance",
            },
        ),
        migrations.AlterModelOptions(
            name="participation",
            options={
                "ordering": [
                    "event",
                    "role",
                    partners.models.PartnerNumber("organisation", project="event__project"),
                    "organisation__name",
                ],
                "verbose_name": "participating organisation",
                "verbose_name_plural": "participating organisations",
            },
        ),
    ]
