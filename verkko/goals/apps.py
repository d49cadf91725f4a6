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
            visible_to=lambda user, area: access.visible_goals(user, area),
            order=20,
        )

        # The models' own columns (not reverse relations such as an action's check-ins, not the
        # internal id), and the links between goals, indicators, actions and organisations.
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
            model = self.get_model(model_name)
            auditlog.register(
                model,
                include_fields=[field.name for field in model._meta.concrete_fields if not field.primary_key],
                m2m_fields={field.name for field in model._meta.local_many_to_many},
            )
