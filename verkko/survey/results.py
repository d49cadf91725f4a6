"""What the results of a round show: the response rate, the network and its measures, the scores
organisations give each other, group summaries and the change since the previous round.

Only submitted answers count. Everything is read in a constant number of queries per round.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.utils.translation import gettext as _

from verkko.ecosystem.models import ForumMember, Organization
from verkko.lib.charts import chart
from verkko.survey import metrics
from verkko.survey.models import Response, SurveyRound, Tie

LEVEL_RANK = {Tie.Level.NONE: 0, Tie.Level.COOPERATIVE: 1, Tie.Level.COORDINATED: 2, Tie.Level.INTEGRATED: 3}
WORKING_LEVELS = [Tie.Level.COOPERATIVE, Tie.Level.COORDINATED, Tie.Level.INTEGRATED]
LEVEL_COLOURS = ["#7a5c00", "#00537a", "#a4151d"]
LEVEL_DASHES = [[2, 2], [6, 3], [1, 0]]


def _mean(values):
    values = [value for value in values if value is not None]
    return mean(values) if values else None


@dataclass
class RoundData:
    """A round's organisations and its submitted answers, read once."""

    round: SurveyRound
    organizations: dict  # id → Organization (the round's, and any organisation named in a tie)
    participant_ids: list
    invited: int
    responses: dict  # organisation id → submitted Response
    drafts: int
    ties: list  # Ties of submitted answers
    _graphs: dict = field(default_factory=dict, repr=False)

    @property
    def working_ties(self):
        return [tie for tie in self.ties if tie.is_working]

    def graph(self, level=""):
        """The directed network of working ties (of one level, when given), built once."""
        if level not in self._graphs:
            ties = [tie for tie in self.working_ties if not level or tie.level == level]
            self._graphs[level] = metrics.graph_of(
                self.participant_ids, [(tie.response.organization_id, tie.partner_id, {}) for tie in ties]
            )
        return self._graphs[level]


def load(survey_round):
    participants = list(survey_round.participants.select_related("organization"))
    responses = list(survey_round.responses.select_related("organization"))
    submitted = {response.organization_id: response for response in responses if response.is_submitted}
    ties = list(
        Tie.objects.filter(response__round=survey_round, response__status=Response.Status.SUBMITTED)
        .select_related("response__organization", "partner")
        .order_by("response__organization__name", "partner__name")
    )
    organizations = {participant.organization_id: participant.organization for participant in participants}
    for tie in ties:
        organizations.setdefault(tie.partner_id, tie.partner)
    return RoundData(
        round=survey_round,
        organizations=organizations,
        participant_ids=[participant.organization_id for participant in participants],
        invited=sum(1 for participant in participants if participant.invited_at),
        responses=submitted,
        drafts=sum(1 for response in responses if not response.is_submitted),
        ties=ties,
    )


def previous_round(survey_round):
    """The area's round before this one (by opening day), or None."""
    return (
        SurveyRound.objects.filter(area_id=survey_round.area_id, opens_on__lt=survey_round.opens_on)
        .order_by("-opens_on", "-pk")
        .first()
    )


# The whole network


@dataclass
class NetworkSummary:
    measures: metrics.NetworkMetrics
    trust: float | None
    value: float | None


def network_summary(data):
    working = data.working_ties
    return NetworkSummary(
        measures=metrics.network_metrics(data.graph()),
        trust=_mean(tie.trust for tie in working),
        value=_mean(tie.value for tie in working),
    )


def response_rate(data):
    asked = len(data.participant_ids)
    return {
        "asked": asked,
        "invited": data.invited,
        "answered": len(data.responses),
        "drafts": data.drafts,
        "rate": 100.0 * len(data.responses) / asked if asked else None,
    }


# Organisations


@dataclass
class OrganizationRow:
    organization: Organization
    answered: bool
    measures: metrics.NodeMetrics
    raters: int  # how many organisations rated it
    trust: float | None  # None also when hidden
    value: float | None
    hidden: bool  # fewer raters than access.MIN_RATERS, and the viewer may not see them


def organization_rows(data, shows_scores):
    """Per organisation: its measures and the scores others give it.

    shows_scores(raters) says whether scores from that many raters may be shown.
    """
    measures = metrics.node_metrics(data.graph())
    incoming = defaultdict(list)
    for tie in data.ties:
        if tie.trust is not None or tie.value is not None:
            incoming[tie.partner_id].append(tie)
    rows = []
    for organization_id in data.participant_ids:
        given = incoming.get(organization_id, [])
        raters = len({tie.response.organization_id for tie in given})
        shown = shows_scores(raters)
        rows.append(
            OrganizationRow(
                organization=data.organizations[organization_id],
                answered=organization_id in data.responses,
                measures=measures[organization_id],
                raters=raters,
                trust=_mean(tie.trust for tie in given) if shown else None,
                value=_mean(tie.value for tie in given) if shown else None,
                hidden=bool(given) and not shown,
            )
        )
    return sorted(rows, key=lambda row: (-row.measures.degree, row.organization.name))


# Belonging and satisfaction by group


@dataclass
class GroupRow:
    label: str
    answers: int
    belonging: float | None
    satisfaction: float | None
    hidden: bool


def _group_row(label, responses, shows_scores):
    shown = shows_scores(len(responses))
    return GroupRow(
        label=label,
        answers=len(responses),
        belonging=_mean(response.belonging for response in responses) if shown else None,
        satisfaction=_mean(response.satisfaction for response in responses) if shown else None,
        hidden=not shown,
    )


def by_type(data, shows_scores):
    groups = defaultdict(list)
    for response in data.responses.values():
        groups[response.organization.get_type_display()].append(response)
    return [_group_row(str(label), groups[label], shows_scores) for label in sorted(groups, key=str)]


def by_forum(data, forums, shows_scores):
    """forums: the forums the viewer may see."""
    members = defaultdict(set)
    for member in ForumMember.objects.filter(forum__in=forums).values("forum_id", "organization_id"):
        members[member["forum_id"]].add(member["organization_id"])
    rows = []
    for forum in forums:
        responses = [data.responses[pk] for pk in members.get(forum.pk, ()) if pk in data.responses]
        if responses:
            rows.append(_group_row(forum.name, responses, shows_scores))
    return rows


def overall(data):
    responses = list(data.responses.values())
    return {
        "belonging": _mean(response.belonging for response in responses),
        "satisfaction": _mean(response.satisfaction for response in responses),
    }


def contributions(data):
    """How many answering organisations contribute each kind of thing."""
    counts = defaultdict(int)
    for response in data.responses.values():
        for code in response.contributions:
            counts[code] += 1
    return [(label, counts.get(code, 0)) for code, label in Response.Contribution.choices]


# The map


@dataclass
class Pair:
    """Two organisations with a working tie between them: the stronger level, and who named whom."""

    first: Organization
    second: Organization
    level: str
    mutual: bool
    named_by: Organization  # for a one-way tie, the organisation that named the other

    @property
    def level_label(self):
        return Tie.Level(self.level).label

    @property
    def direction(self):
        if self.mutual:
            return _("both name each other")
        return _("named by %(organization)s") % {"organization": self.named_by.name}


def pairs(data, level=""):
    ties = {}
    for tie in data.working_ties:
        ties[(tie.response.organization_id, tie.partner_id)] = tie
    found = {}
    for (source, target), tie in ties.items():
        key = tuple(sorted((source, target)))
        if key in found:
            continue
        opposite = ties.get((target, source))
        strongest = max([tie, opposite] if opposite else [tie], key=lambda t: LEVEL_RANK[t.level]).level
        if level and strongest != level:
            continue
        first, second = sorted((data.organizations[source], data.organizations[target]), key=lambda o: o.name)
        found[key] = Pair(first, second, strongest, opposite is not None, data.organizations[source])
    return sorted(found.values(), key=lambda pair: (pair.first.name, pair.second.name))


def network_chart(data, found_pairs):
    """The ties as a circle of organisations; level as colour, dash and text; mutual ties thicker."""
    ordered = sorted((data.organizations[pk] for pk in data.participant_ids), key=lambda o: o.name)
    count = max(len(ordered), 1)
    position = {}
    for index, organization in enumerate(ordered):
        angle = 2 * math.pi * index / count - math.pi / 2
        position[organization.pk] = (round(math.cos(angle), 4), round(math.sin(angle), 4))
    level_names = [str(Tie.Level(level).label) for level in WORKING_LEVELS]
    lines, rows = [], []
    for pair in found_pairs:
        (x, y), (x2, y2) = position[pair.first.pk], position[pair.second.pk]
        direction = str(pair.direction)
        lines.append(
            {
                "x": x,
                "y": y,
                "x2": x2,
                "y2": y2,
                "level": str(pair.level_label),
                "width": 3 if pair.mutual else 1.2,
                "first": pair.first.name,
                "second": pair.second.name,
                "direction": direction,
            }
        )
        rows.append([pair.first.name, pair.second.name, pair.level_label, direction])
    nodes = [
        {
            "x": position[o.pk][0],
            "y": position[o.pk][1],
            "label": o.name,
            "align": "left" if position[o.pk][0] >= 0 else "right",
            "answered": str(_("answered") if o.pk in data.responses else _("did not answer")),
        }
        for o in ordered
    ]
    scale = {"domain": [-1.2, 1.2]}
    x = {"field": "x", "type": "quantitative", "scale": scale, "axis": None}
    y = {"field": "y", "type": "quantitative", "scale": {**scale, "reverse": True}, "axis": None}
    level_colour = {
        "field": "level",
        "type": "nominal",
        "title": _("Level of collaboration"),
        "scale": {"domain": level_names, "range": LEVEL_COLOURS},
        "legend": {"orient": "top", "direction": "horizontal"},
    }
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 560,
        "height": 560,
        "padding": 10,
        "config": {"view": {"stroke": None}, "font": "sans-serif"},
        "layer": [
            {
                "data": {"values": lines},
                "mark": {"type": "rule", "opacity": 0.75},
                "encoding": {
                    "x": x,
                    "y": y,
                    "x2": {"field": "x2"},
                    "y2": {"field": "y2"},
                    "color": level_colour,
                    "strokeDash": {
                        "field": "level",
                        "type": "nominal",
                        "scale": {"domain": level_names, "range": LEVEL_DASHES},
                        "title": _("Level of collaboration"),
                    },
                    "strokeWidth": {"field": "width", "type": "quantitative", "legend": None, "scale": None},
                    "tooltip": [
                        {"field": "first", "title": _("Organisation")},
                        {"field": "second", "title": _("Organisation")},
                        {"field": "level", "title": _("Level of collaboration")},
                        {"field": "direction", "title": _("Who named whom")},
                    ],
                },
            },
            {
                "data": {"values": nodes},
                "mark": {"type": "circle", "size": 70, "color": "#1a1a1a"},
                "encoding": {"x": x, "y": y, "tooltip": [{"field": "label"}, {"field": "answered"}]},
            },
            {
                "data": {"values": [node for node in nodes if node["align"] == "left"]},
                "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 11},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
            {
                "data": {"values": [node for node in nodes if node["align"] == "right"]},
                "mark": {"type": "text", "align": "right", "dx": -8, "fontSize": 11},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
        ],
    }
    return chart(
        spec,
        title=_("Network map: who works with whom"),
        description=_(
            "Each dot is an organisation of the round; a line is a tie that at least one of the two named. "
            "A thick line: both named each other."
        ),
        columns=[_("Organisation"), _("Organisation"), _("Level of collaboration"), _("Who named whom")],
        rows=rows,
    )


# Change since the previous round


@dataclass
class TieChange:
    source: Organization
    target: Organization
    before: str
    after: str

    @property
    def before_label(self):
        return Tie.Level(self.before).label

    @property
    def after_label(self):
        return Tie.Level(self.after).label


@dataclass
class Comparison:
    previous: SurveyRound
    both_answered: int  # organisations whose answers are compared
    new: list = field(default_factory=list)
    lost: list = field(default_factory=list)
    strengthened: list = field(default_factory=list)
    weakened: list = field(default_factory=list)
    density_change: float | None = None
    trust_change: float | None = None
    value_change: float | None = None


def _levels(data, respondents):
    return {
        (tie.response.organization_id, tie.partner_id): tie.level or Tie.Level.NONE
        for tie in data.ties
        if tie.response.organization_id in respondents
    }


def _difference(after, before):
    return None if after is None or before is None else after - before


def compare(previous, current):
    """The change between two rounds' data.

    Ties are compared only for organisations that answered both rounds, so that a tie is never
    "lost" because an organisation did not answer. The network's measures compare as a whole.
    """
    respondents = set(previous.responses) & set(current.responses)
    before, after = _levels(previous, respondents), _levels(current, respondents)
    organizations = {**previous.organizations, **current.organizations}
    comparison = Comparison(previous=previous.round, both_answered=len(respondents))
    for key in sorted(set(before) | set(after), key=lambda k: (organizations[k[0]].name, organizations[k[1]].name)):
        old, new = before.get(key, Tie.Level.NONE), after.get(key, Tie.Level.NONE)
        change = TieChange(organizations[key[0]], organizations[key[1]], old, new)
        if LEVEL_RANK[old] == 0 and LEVEL_RANK[new] > 0:
            comparison.new.append(change)
        elif LEVEL_RANK[old] > 0 and LEVEL_RANK[new] == 0:
            comparison.lost.append(change)
        elif LEVEL_RANK[new] > LEVEL_RANK[old]:
            comparison.strengthened.append(change)
        elif LEVEL_RANK[new] < LEVEL_RANK[old]:
            comparison.weakened.append(change)
    earlier, later = network_summary(previous), network_summary(current)
    comparison.density_change = later.measures.density - earlier.measures.density
    comparison.trust_change = _difference(later.trust, earlier.trust)
    comparison.value_change = _difference(later.value, earlier.value)
    return comparison


# Tables for exports


def answer_table(data):
    columns = [
        "organisation",
        "organisation_type",
        "status",
        "belonging",
        "satisfaction",
        "contributions",
        "contribution_other",
        "comments",
        "submitted_at",
    ]
    responses = {r.organization_id: r for r in data.round.responses.select_related("organization")}
    rows = []
    for organization_id in data.participant_ids:
        organization = data.organizations[organization_id]
        response = responses.get(organization_id)
        rows.append(
            [
                organization.name,
                organization.type,
                response.status if response else "not_started",
                response.belonging if response else None,
                response.satisfaction if response else None,
                "; ".join(response.contributions) if response else "",
                response.contribution_other if response else "",
                response.comments if response else "",
                response.submitted_at.isoformat() if response and response.submitted_at else "",
            ]
        )
    return columns, rows


def tie_table(data):
    columns = ["from", "to", "frequency", "level", *Tie.TRUST_FIELDS, *Tie.VALUE_FIELDS, "trust", "value"]
    rows = [
        [
            tie.response.organization.name,
            tie.partner.name,
            tie.frequency,
            tie.level,
            *[getattr(tie, name) for name in (*Tie.TRUST_FIELDS, *Tie.VALUE_FIELDS)],
            _rounded(tie.trust),
            _rounded(tie.value),
        ]
        for tie in data.ties
    ]
    return columns, rows


def metric_table(data):
    columns = [
        "organisation",
        "organisation_type",
        "answered",
        "degree",
        "in_degree",
        "out_degree",
        "betweenness",
        "raters",
        "trust_given_by_others",
        "value_given_by_others",
    ]
    rows = [
        [
            row.organization.name,
            row.organization.type,
            row.answered,
            row.measures.degree,
            row.measures.in_degree,
            row.measures.out_degree,
            round(row.measures.betweenness, 4),
            row.raters,
            _rounded(row.trust),
            _rounded(row.value),
        ]
        for row in organization_rows(data, lambda raters: True)
    ]
    return columns, rows


def _rounded(value):
    return None if value is None else round(value, 3)
