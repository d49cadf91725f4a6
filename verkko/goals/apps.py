from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "verkko.goals"
    label = "goals"
    verbose_name = _("Shared goals")
