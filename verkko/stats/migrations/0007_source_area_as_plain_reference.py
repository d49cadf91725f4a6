"""A source keeps its employment area as a plain id, so that stats needs no domain app.

The column (area_id) and every value in it stay as they are; only the foreign-key constraint
to ecosystem's table goes.
"""

from django.db import migrations, models

AREA_ID = models.BigIntegerField(db_column="area_id", db_index=True, verbose_name="employment area")


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0006_source_keeps_breakdowns"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterField(model_name="source", name="area", field=AREA_ID)],
            state_operations=[
                migrations.RemoveField(model_name="source", name="area"),
                migrations.AddField(
                    model_name="source",
                    name="area_id",
                    field=models.BigIntegerField(db_index=True, default=0, verbose_name="employment area"),
                    preserve_default=False,
                ),
                migrations.AlterModelOptions(
                    name="source",
                    options={
                        "ordering": ["area_id", "table_id", "title"],
                        "verbose_name": "statistics source",
                        "verbose_name_plural": "statistics sources",
                    },
                ),
            ],
        ),
    ]
