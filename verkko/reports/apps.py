from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "verkko.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from verkko.areas import area_pages
        from verkko.lib import warming
        from verkko.reports.views import current_month

        # The current month's draft; its PDF only after the jobs (drawing it takes a second or two
        # in each language, too long for the page that imported values to wait).
        warming.register("reports", lambda area_ids: area_pages("reports:monitoring", area_ids, period=current_month()))
        warming.register(
            "reports-pdf",
            lambda area_ids: area_pages("reports:monitoring_pdf", area_ids, period=current_month()),
            kinds=(warming.STATISTICS,),
        )
