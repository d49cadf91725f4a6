from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcosystemConfig(AppConfig):
    name = "verkko.ecosystem"
    label = "ecosystem"
    verbose_name = _("Ecosystem")

    def ready(self):
        from auditlog.registry import auditlog

        for model_name in [
            "Organization",
            "Person",
            "Role",
            "Forum",
            "ForumMember",
            "Meeting",
            "Decision",
            "Responsibility",
        ]:
            auditlog.register(self.get_model(model_name))
