from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "verkko.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from auditlog.registry import auditlog

        auditlog.register(self.get_model("Membership"))
        auditlog.register(self.get_model("Invitation"))

        from verkko.accounts import access
        from verkko.lib.access import register_coordinator_check

        register_coordinator_check(access.is_coordinator)
