from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "verkko.stats"
    label = "stats"
    verbose_name = _("Statistics")

    def ready(self):
        from auditlog.registry import auditlog

        # A source's configuration has a history; what each refresh notes down does not.
        auditlog.register(
            self.get_model("Source"),
            exclude_fields=["last_updated", "last_checked_at", "last_error", "last_error_at"],
        )
