"""The ecosystem map: organisations and forums as a network of membership ties.

Drawn as a two-column (bipartite) layout, organisations on the left and forums on the right
grouped by level, ties as lines; level shows as colour, line style and the label's text, so
colour is never the only cue.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from verkko.ecosystem.access import visible_forums
from verkko.ecosystem.models import Forum, ForumMember
from verkko.lib.charts import chart

ROW_HEIGHT = 22
LEVEL_ORDER = list(Forum.Level.values)
LEVEL_COLOURS = ["#00537a", "#a4151d", "#1d6b2f"]
LEVEL_DASHES = [[1, 0], [6, 3], [2, 2]]


@dataclass
class ForumTies:
    forum: Forum
    members: list = field(default_factory=list)  # (organisation, [forum roles])


def ties(user, area, level="", organization_type=""):
    """Forums the user may see, ordered by level, each with its member organisations and their roles."""
    forums = visible_forums(user, area).filter(archived_at__isnull=True)
    if level:
        forums = forums.filter(level=level)
    members = (
        ForumMember.objects.filter(forum__in=forums, organization__archived_at__isnull=True)
        .select_related("organization", "forum")
        .order_by("organization__name")
    )
    if organization_type:
        members = members.filter(organization__type=organization_type)
    by_forum = {}
    for member in members:
        seats = by_forum.setdefault(member.forum_id, {})
        seats.setdefault(member.organization, []).append(member.get_role_display())
    ordered = sorted(forums, key=lambda forum: (LEVEL_ORDER.index(forum.level), forum.name))
    return [ForumTies(forum, list(by_forum.get(forum.pk, {}).items())) for forum in ordered]


def network_chart(forum_ties):
    """A lib.charts chart of the ties, with the same content as its data table."""
    organizations = sorted(
        {organization for entry in forum_ties for organization, _roles in entry.members}, key=lambda o: o.name
    )
    forums = [entry.forum for entry in forum_ties if entry.members]
    height = max(len(organizations), len(forums), 1) * ROW_HEIGHT

    def y_of(index, count):
        return (index + 0.5) * height / count

    org_y = {organization.pk: y_of(i, len(organizations)) for i, organization in enumerate(organizations)}
    forum_y = {forum.pk: y_of(i, len(forums)) for i, forum in enumerate(forums)}
    levels = dict(Forum.Level.choices)
    level_names = [str(levels[level]) for level in LEVEL_ORDER]
    lines, rows = [], []
    for entry in forum_ties:
        for organization, roles in entry.members:
            role_text = ", ".join(str(role) for role in roles)
            lines.append(
                {
                    "y": org_y[organization.pk],
                    "y2": forum_y[entry.forum.pk],
                    "level": str(entry.forum.get_level_display()),
                    "organisation": organization.name,
                    "forum": entry.forum.name,
                    "role": role_text,
                }
            )
            rows.append([entry.forum.name, entry.forum.get_level_display(), organization.name, role_text])
    org_nodes = [{"y": org_y[o.pk], "label": o.name} for o in organizations]
    forum_nodes = [
        {"y": forum_y[f.pk], "label": f"{f.name} ({f.get_level_display()})", "level": str(f.get_level_display())}
        for f in forums
    ]
    x = {"datum": 0, "type": "quantitative", "scale": {"domain": [0, 1]}, "axis": None}
    y = {"field": "y", "type": "quantitative", "scale": {"domain": [0, height], "reverse": True}, "axis": None}
    level_colour = {
        "field": "level",
        "type": "nominal",
        "title": _("Level"),
        "scale": {"domain": level_names, "range": LEVEL_COLOURS},
        "legend": {"orient": "top", "direction": "horizontal"},
    }
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 240,
        "height": height,
        "padding": 10,
        "config": {"view": {"stroke": None}, "font": "sans-serif"},
        "layer": [
            {
                "data": {"values": lines},
                "mark": {"type": "rule", "strokeWidth": 1.5, "opacity": 0.7},
                "encoding": {
                    "x": x,
                    "x2": {"datum": 1},
                    "y": y,
                    "y2": {"field": "y2"},
                    "color": level_colour,
                    "strokeDash": {
                        "field": "level",
                        "type": "nominal",
                        "scale": {"domain": level_names, "range": LEVEL_DASHES},
                        "title": _("Level"),
                    },
                    "tooltip": [
                        {"field": "organisation", "title": _("Organisation")},
                        {"field": "forum", "title": _("Forum")},
                        {"field": "role", "title": _("Role in the forum")},
                    ],
                },
            },
            {
                "data": {"values": org_nodes},
                "mark": {"type": "text", "align": "right", "dx": -8, "fontSize": 12},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
            {
                "data": {"values": org_nodes},
                "mark": {"type": "circle", "size": 40, "color": "#1a1a1a"},
                "encoding": {"x": x, "y": y},
            },
            {
                "data": {"values": forum_nodes},
                "mark": {"type": "square", "size": 70},
                "encoding": {"x": {**x, "datum": 1}, "y": y, "color": level_colour},
            },
            {
                "data": {"values": forum_nodes},
                "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 12, "color": "#1a1a1a"},
                "encoding": {"x": {**x, "datum": 1}, "y": y, "text": {"field": "label"}},
            },
        ],
    }
    return chart(
        spec,
        title=_("Ecosystem map: organisations and the forums they sit in"),
        description=_("Organisations on the left, forums on the right; a line is a seat in the forum."),
        columns=[_("Forum"), _("Level"), _("Organisation"), _("Role in the forum")],
        rows=rows,
    )
