from django.db import migrations

# The target groups are fixed choices; their rows exist so that forms and imports can refer to them.
CODES = [
    "job_seekers",
    "young_people",
    "immigrants",
    "partial_work_ability",
    "long_term_unemployed",
    "older_workers",
    "students",
    "employers",
    "entrepreneurs",
]


def create_target_groups(apps, schema_editor):
    TargetGroup = apps.get_model("ecosystem", "TargetGroup")
    for code in CODES:
        TargetGroup.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0002_demo_flag_unique_names_attachment_uuid"),
    ]

    operations = [migrations.RunPython(create_target_groups, migrations.RunPython.noop)]
