"""Goals, indicators and actions in Finnish, Swedish and English (verkko.lib.translated)."""

from modeltranslation.translator import register

from verkko.goals.models import Action, Goal, Indicator
from verkko.lib.translated import ContentTranslation


@register(Goal)
class GoalTranslation(ContentTranslation):
    fields = ("title", "description")


@register(Indicator)
class IndicatorTranslation(ContentTranslation):
    fields = ("name", "definition", "unit")


@register(Action)
class ActionTranslation(ContentTranslation):
    fields = ("title", "description")
