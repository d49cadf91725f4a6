from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "verkko.goals"
    label = "goals"
    verbose_name = _("Shared goals")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.ecosystem import responsibilities
        from verkko.goals import access

        # Goals appear in the ecosystem's responsibility matrix beside the forums.
        responsibilities.register_subject_type(
            self.get_model("Goal"),
            visible_to=lambda user, area: access.visible_goals(user).filter(area=area),
            order=20,
        )

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
