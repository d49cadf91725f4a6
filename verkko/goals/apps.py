from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "verkko.goals"
    label = "goals"
    verbose_name = _("Shared goals")

    def ready(self):
        from auditlog.registry import auditlog

        # Links between goals, indicators, actions and organisations are part of the history too.
        auditlog.register(self.get_model("Goal"), m2m_fields={"indicators"})
        auditlog.register(self.get_model("Action"), m2m_fields={"goals", "partner_organizations"})
        for model_name in [
            "Indicator",
            "IndicatorValue",
            "Target",
            "Milestone",
            "CheckIn",
            "TurnTheCurve",
        ]:
            auditlog.register(self.get_model(model_name))
