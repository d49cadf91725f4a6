from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "verkko.processes"
    label = "processes"
    verbose_name = _("Processes and services")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.ecosystem import responsibilities
        from verkko.processes import access

        # Processes appear in the ecosystem's responsibility matrix beside forums and goals.
        responsibilities.register_subject_type(
            self.get_model("Process"), visible_to=lambda user, area: access.visible_processes(user, area), order=30
        )

        for model_name in [
            "Service",
            "PtvOrganization",
            "Process",
            "ProcessStep",
            "Agreement",
            "AgreementDocument",
            "Commitment",
            "ModelVersion",
        ]:
            model = self.get_model(model_name)
            auditlog.register(
                model,
                include_fields=[
                    field.name
                    for field in model._meta.concrete_fields
                    if field.name not in ("id", "created_at", "updated_at", "uploaded_at", "content", "reminded_for")
                ],
                m2m_fields={field.name for field in model._meta.local_many_to_many},
            )
