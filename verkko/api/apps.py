from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "verkko.api"
    label = "api"
    verbose_name = _("Open API")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.api import schema  # noqa: F401  (registers the token scheme with drf-spectacular)

        # The key's hash never goes into the history; its name, limits and revocation do.
        auditlog.register(self.get_model("ApiToken"), include_fields=["name", "read_only", "revoked_at", "user"])
