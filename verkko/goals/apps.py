from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "verkko.goals"
    label = "goals"
    verbose_name = _("Shared goals")

    def ready(self):
        from auditlog.registry import auditlog

        for model_name in [
            "Goal",
            "Indicator",
            "IndicatorValue",
            "Target",
            "Action",
            "Milestone",
            "CheckIn",
            "TurnTheCurve",
        ]:
            auditlog.register(self.get_model(model_name))
