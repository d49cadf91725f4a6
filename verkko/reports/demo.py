"""The reports app loads last, after the situation app's demo statistics (table 12r5): this is where
the demo goals' statistical targets are set from them, and where the previous months' monitoring
reports of each demo area are published, so that the reports page opens on a published month."""

from django.utils import timezone

from verkko.ecosystem import demo as ecosystem_demo
from verkko.goals import demo as goals_demo
from verkko.reports.actions import publish_report
from verkko.reports.models import PublishedReport
from verkko.stats.periods import Period

MONTHS_PUBLISHED = 3


def load(stdout):
    goals_demo.fit_statistical_targets(stdout)
    this_month = Period.of(timezone.localdate())
    published = 0
    for area in (ecosystem_demo.area(), ecosystem_demo.other_area()):
        for offset in range(MONTHS_PUBLISHED, 0, -1):
            month = this_month.shifted(-offset)
            if not PublishedReport.objects.filter(area=area, period=month.first_day).exists():
                publish_report(None, area, month)
                published += 1
    stdout.write(f"Demo reports: {published} monthly monitoring reports published.")
