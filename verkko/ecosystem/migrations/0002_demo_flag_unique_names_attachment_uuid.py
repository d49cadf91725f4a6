import uuid

from django.db import migrations, models


def give_attachments_uuids(apps, schema_editor):
    MeetingAttachment = apps.get_model("ecosystem", "MeetingAttachment")
    for attachment in MeetingAttachment.objects.filter(uuid__isnull=True):
        attachment.uuid = uuid.uuid4()
        attachment.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="employmentarea",
            name="is_demo",
            field=models.BooleanField(
                default=False, help_text="The area holds invented demonstration data.", verbose_name="demo data"
            ),
        ),
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.UniqueConstraint(
                fields=("area", "name"), name="ecosystem_organization_unique_name_in_area"
            ),
        ),
        migrations.AddConstraint(
            model_name="forummember",
            constraint=models.UniqueConstraint(
                condition=models.Q(("person__isnull", True)),
                fields=("forum", "organization"),
                name="ecosystem_forummember_unique_organisation",
            ),
        ),
        # A unique uuid for existing rows takes three steps: nullable, filled, then unique.
        migrations.AddField(
            model_name="meetingattachment",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_attachments_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="meetingattachment",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddField(
            model_name="meetingattachment",
            name="uploaded_at",
            field=models.DateTimeField(auto_now_add=True, null=True, verbose_name="uploaded"),
        ),
    ]
