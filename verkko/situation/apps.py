from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SituationConfig(AppConfig):
    name = "verkko.situation"
    label = "situation"
    verbose_name = _("Situational picture")

    def ready(self):
        from auditlog.registry import auditlog

        for model_name in ["Signal", "Review"]:
            auditlog.register(self.get_model(model_name))
