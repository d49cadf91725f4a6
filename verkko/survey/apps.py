from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "verkko.survey"
    label = "survey"
    verbose_name = _("Partner survey")

    def ready(self):
        from auditlog.registry import auditlog

        for model_name in ["SurveyRound", "Participant", "Response", "Tie"]:
            model = self.get_model(model_name)
            auditlog.register(
                model,
                include_fields=[
                    field.name
                    for field in model._meta.concrete_fields
                    if field.name not in ("id", "created_at", "updated_at")
                ],
                m2m_fields={field.name for field in model._meta.local_many_to_many},
            )
