"""Where a figure comes from: the table, the cells (areas × contents × periods) and the times the
table was updated at its source and fetched here. Shared by the situational picture, the goal
pages and the monitoring report; stats imports no domain app."""

from dataclasses import dataclass

from django.conf import settings

from verkko.stats.models import Table

STATFIN_HOME = "https://stat.fi/"


def table_link(table):
    """Where a person can read the table: its own address, the configured pattern, or stat.fi.

    A table fetched by `refresh_statistics` has the PxWeb API's address, which answers JSON
    rather than a page, so the pattern or stat.fi serves people better.
    """
    if table.url and "/api/" not in table.url:
        return table.url
    pattern = getattr(settings, "STATFIN_TABLE_URL", "")
    return pattern.format(table_id=table.table_id) if pattern else STATFIN_HOME


@dataclass(frozen=True)
class Provenance:
    """Where a figure comes from: the table, the cells (areas × contents × periods) and the times."""

    table: Table
    area_codes: tuple
    content_codes: tuple
    periods: tuple

    @property
    def link(self):
        return table_link(self.table)

    @property
    def is_demo(self):
        return self.table.source == Table.Source.DEMO

    def as_data(self):
        """Plain values, for the pages and for a stored snapshot (a published report)."""
        return {
            "table_id": self.table.table_id,
            "title": self.table.title,
            "source": self.table.source,
            "source_label": str(self.table.get_source_display()),
            "link": self.link,
            "updated": self.table.updated,
            "fetched_at": self.table.fetched_at,
            "area_codes": list(self.area_codes),
            "content_codes": list(self.content_codes),
            "periods": list(self.periods),
        }
