"""Today's free-text services of an organisation's role become service records; nothing is lost.

Each non-empty text (services for job seekers, services for employers) becomes one service of that
organisation, named after the text's first line (cut at 200 characters), with the whole text as
its description. The role's texts stay as they were.
"""

from django.db import migrations

NAME_LENGTH = 200
FIELDS = [("services_for_job_seekers", "job_seekers"), ("services_for_employers", "employers")]


def service_name(text):
    first_line = text.strip().splitlines()[0].strip()
    return first_line if len(first_line) <= NAME_LENGTH else first_line[: NAME_LENGTH - 1].rstrip() + "…"


def move_role_texts(apps, schema_editor):
    Role = apps.get_model("ecosystem", "Role")
    Service = apps.get_model("processes", "Service")
    for role in Role.objects.select_related("organization").order_by("pk"):
        organization = role.organization
        for field, audience in FIELDS:
            text = (getattr(role, field) or "").strip()
            if not text:
                continue
            if Service.objects.filter(organization=organization, source="role_text", audience=audience).exists():
                continue  # run before: keep what is there
            service = Service.objects.create(
                area_id=organization.area_id,
                organization=organization,
                name=service_name(text),
                description=text,
                audience=audience,
                source="role_text",
            )
            groups = organization.target_groups.all()
            groups = groups.filter(code="employers") if audience == "employers" else groups.exclude(code="employers")
            service.target_groups.set(groups)


def remove_moved_services(apps, schema_editor):
    apps.get_model("processes", "Service").objects.filter(source="role_text").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("processes", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_role_texts, remove_moved_services)]
