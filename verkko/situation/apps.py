from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SituationConfig(AppConfig):
    name = "verkko.situation"
    label = "situation"
    verbose_name = _("Situational picture")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.areas import area_pages
        from verkko.lib import warming

        warming.register(
            "situation",
            lambda area_ids: area_pages("situation:area", area_ids) + area_pages("situation:municipalities", area_ids),
            kinds=(warming.STATISTICS,),
        )

        for model_name in ["Signal", "Review"]:
            auditlog.register(self.get_model(model_name))
