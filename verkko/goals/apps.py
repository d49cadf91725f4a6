from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def public_indicator_pages(area_ids):
    """The page of every indicator the public sees (one that serves a public goal), in every language."""
    from django.conf import settings
    from django.utils import translation

    from verkko.areas import area_reverse
    from verkko.ecosystem.models import Visibility
    from verkko.goals.models import Indicator

    indicators = Indicator.objects.filter(goals__visibility=Visibility.PUBLIC).select_related("area").distinct()
    if area_ids is not None:
        indicators = indicators.filter(area_id__in=area_ids)
    paths = []
    for indicator in indicators.order_by("pk"):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                paths.append(area_reverse(indicator.area, "goals:indicator", kwargs={"key": indicator.slug}))
    return paths


class GoalsConfig(AppConfig):
    name = "verkko.goals"
    label = "goals"
    verbose_name = _("Shared goals")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.areas import area_pages
        from verkko.ecosystem import responsibilities
        from verkko.goals import access
        from verkko.lib import warming
        from verkko.lib.history import register_formats

        warming.register("goals", lambda area_ids: area_pages("goals:monitoring", area_ids))
        warming.register("indicators", public_indicator_pages)

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

        # The history reads as the pages do: the indicator's decimals, periods as "marraskuu 2026",
        # and no statistics codes.
        def of_indicator(obj):
            return obj.indicator if obj is not None and obj.indicator_id else None

        register_formats(
            self.get_model("Indicator"),
            hidden={
                "table_id",
                "measure_code",
                "denominator_code",
                "series",
                "statistics_area",
                "statistics_reference_area",
            },
            decimals=lambda obj: obj.decimals,
            periods=lambda obj: {"baseline_period": obj.frequency},
        )
        for model_name in ["Target", "IndicatorValue"]:
            register_formats(
                self.get_model(model_name),
                decimals=lambda obj: of_indicator(obj).decimals if of_indicator(obj) else None,
                periods=lambda obj: {"period": of_indicator(obj).frequency} if of_indicator(obj) else {},
            )
