from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "verkko.ecosystem"
    label = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.ecosystem import access, content_versions, responsibilities

        content_versions.connect()

        for model_name in [
            "Organization",
            "Person",
            "Role",
            "Forum",
            "ForumMember",
            "Meeting",
            "MeetingAttachment",
            "Decision",
            "Responsibility",
        ]:
            model = self.get_model(model_name)
            # Only the model's own columns (and its many-to-many choices), not reverse relations;
            # not the row's id or its timestamps either, which the history shows anyway.
            auditlog.register(
                model,
                include_fields=[
                    field.name
                    for field in model._meta.concrete_fields
                    if field.name not in ("id", "created_at", "updated_at", "uploaded_at")
                ],
                m2m_fields={field.name for field in model._meta.local_many_to_many},
            )

        # Statistics sources keep their area as a plain id (stats imports no domain app): the
        # area's codes come from here, and an area's sources go with it.
        from django.db.models.signals import post_delete

        from verkko.stats import areas as statistics_areas
        from verkko.stats.models import Source

        municipality = self.get_model("Municipality")
        statistics_areas.register_municipality_codes(
            lambda area_id: [
                f"KU{code}" for code in municipality.objects.filter(area_id=area_id).values_list("code", flat=True)
            ]
        )

        def delete_statistics_sources(sender, instance, **kwargs):
            Source.objects.filter(area_id=instance.pk).delete()

        post_delete.connect(
            delete_statistics_sources, sender=self.get_model("EmploymentArea"), dispatch_uid="area_statistics_sources"
        )

        # Forums are the ecosystem's own rows of the responsibility matrix; other apps add theirs.
        responsibilities.register_subject_type(
            self.get_model("Forum"),
            visible_to=lambda user, area: access.visible_forums(user, area).filter(archived_at__isnull=True),
            order=10,
        )
