# Observations become keyed by (series, period) without a surrogate id or a database-level
# foreign key. Django cannot alter a primary key into a composite one, so the table is made
# anew; observations are data fetched from the source, and the next import or demo load
# writes them again.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0003_observation_series_index_from_unique"),
    ]

    operations = [
        migrations.DeleteModel(name="Observation"),
        migrations.RunPython(
            lambda apps, schema_editor: apps.get_model("stats", "Series").objects.update(checksum=None),
            migrations.RunPython.noop,
        ),
        migrations.CreateModel(
            name="Observation",
            fields=[
                ("pk", models.CompositePrimaryKey("series", "period", blank=True, editable=False, primary_key=True, serialize=False)),
                (
                    "series",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="observations",
                        to="stats.series",
                        verbose_name="series",
                    ),
                ),
                ("period", models.DateField(verbose_name="period start")),
                ("period_code", models.CharField(max_length=20, verbose_name="period")),
                ("value", models.FloatField(blank=True, null=True, verbose_name="value")),
                ("status", models.CharField(blank=True, max_length=10, verbose_name="status symbol")),
            ],
            options={"verbose_name": "observation", "verbose_name_plural": "observations"},
        ),
    ]
