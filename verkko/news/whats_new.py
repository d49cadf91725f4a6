"""What changed in what a user follows: history entries (django-auditlog) of the followed forums,
goals, indicators and organisations and of what belongs to them, and news and events about them.

Only followed objects the user may still see count, and of their parts only those the user may
see (a goal's actions through goals' own visibility). A constant number of queries, whatever
the data: one per kind of related object, then one for the history entries.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from verkko.ecosystem.models import Decision, Forum, Meeting, Organization, Role
from verkko.goals.access import visible_actions
from verkko.goals.models import Action, CheckIn, Goal, Indicator, IndicatorValue, Target, TurnTheCurve
from verkko.news import access
from verkko.news.models import Follow, Reading

# Without an earlier visit, "what's new" looks this far back.
FIRST_VISIT_DAYS = 30
MAX_ENTRIES = 300
KIND_MODELS = {"forum": Forum, "goal": Goal, "indicator": Indicator, "organisation": Organization}


@dataclass
class SubjectChanges:
    """One followed object and what changed in it, newest first."""

    subject: object
    kind: str
    entries: list = field(default_factory=list)  # LogEntry
    news: list = field(default_factory=list)
    events: list = field(default_factory=list)

    @property
    def latest(self):
        times = [entry.timestamp for entry in self.entries]
        times += [item.publish_at for item in self.news] + [event.created_at for event in self.events]
        return max(times)

    @property
    def count(self):
        return len(self.entries) + len(self.news) + len(self.events)


def followed(user, area):
    """(kind, subject) of what the user follows in the area and may still see, by name."""
    by_kind = defaultdict(list)
    content_types = {ContentType.objects.get_for_model(model).pk: kind for kind, model in KIND_MODELS.items()}
    for follow in Follow.objects.filter(user=user, area=area):
        if follow.subject_type_id in content_types:
            by_kind[content_types[follow.subject_type_id]].append(follow.subject_id)
    subjects = []
    for kind, ids in by_kind.items():
        subjects += [(kind, subject) for subject in access.followable(user, area, kind).filter(pk__in=ids)]
    return sorted(subjects, key=lambda pair: str(pair[1]).lower())


def last_seen(user, area):
    reading = Reading.objects.filter(user=user, area=area).first()
    return reading.last_seen_at if reading else None


def default_since(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=FIRST_VISIT_DAYS)


def _owners(user, area, subjects):
    """{(content type id, object id): (kind, subject)} of the followed objects and their parts."""
    owners = {}
    ids = defaultdict(dict)
    for kind, subject in subjects:
        ids[kind][subject.pk] = (kind, subject)

    def own(model, pairs, kind):
        content_type = ContentType.objects.get_for_model(model).pk
        for object_id, owner_id in pairs:
            if owner_id in ids[kind]:
                owners[(content_type, object_id)] = ids[kind][owner_id]

    for kind, subject in subjects:
        owners[(ContentType.objects.get_for_model(subject).pk, subject.pk)] = (kind, subject)
    if forum_ids := list(ids["forum"]):
        own(Meeting, Meeting.objects.filter(forum__in=forum_ids).values_list("pk", "forum_id"), "forum")
        own(
            Decision,
            Decision.objects.filter(meeting__forum__in=forum_ids).values_list("pk", "meeting__forum_id"),
            "forum",
        )
    seen_actions = visible_actions(user, area).values("pk")
    if goal_ids := list(ids["goal"]):
        goal_actions = Action.goals.through.objects.filter(goal__in=goal_ids, action__in=seen_actions)
        pairs = list(goal_actions.values_list("action_id", "goal_id"))
        own(Action, pairs, "goal")
        action_goal = dict(pairs)
        check_ins = CheckIn.objects.filter(action__in=list(action_goal)).values_list("pk", "action_id")
        own(CheckIn, [(pk, action_goal[action_id]) for pk, action_id in check_ins], "goal")
    if indicator_ids := list(ids["indicator"]):
        for model in (IndicatorValue, Target, TurnTheCurve):
            own(model, model.objects.filter(indicator__in=indicator_ids).values_list("pk", "indicator_id"), "indicator")
    if organization_ids := list(ids["organisation"]):
        own(
            Role,
            Role.objects.filter(organization__in=organization_ids).values_list("pk", "organization_id"),
            "organisation",
        )
        led = Action.objects.filter(lead_organization__in=organization_ids, pk__in=seen_actions)
        pairs = list(led.values_list("pk", "lead_organization_id"))
        own(
            Action,
            [pair for pair in pairs if (ContentType.objects.get_for_model(Action).pk, pair[0]) not in owners],
            "organisation",
        )
        action_lead = dict(pairs)
        check_ins = CheckIn.objects.filter(action__in=list(action_lead)).values_list("pk", "action_id")
        own(CheckIn, [(pk, action_lead[action_id]) for pk, action_id in check_ins], "organisation")
    return owners


def changes(user, area, since, until=None, subjects=None):
    """What changed in the user's follows between since and until (now), grouped by followed object,
    the most recently changed first; each group's entries newest first. subjects: followed(user, area)
    when the caller has it already."""
    until = until or timezone.now()
    subjects = followed(user, area) if subjects is None else subjects
    if not subjects:
        return []
    owners = _owners(user, area, subjects)
    by_type = defaultdict(list)
    for content_type, object_id in owners:
        by_type[content_type].append(object_id)
    matches = Q()
    for content_type, object_ids in by_type.items():
        matches |= Q(content_type_id=content_type, object_id__in=object_ids)
    groups = {}

    def group(kind, subject):
        key = (kind, subject.pk)
        if key not in groups:
            groups[key] = SubjectChanges(subject=subject, kind=kind)
        return groups[key]

    entries = (
        LogEntry.objects.filter(matches, timestamp__gt=since, timestamp__lte=until)
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:MAX_ENTRIES]
    )
    for entry in entries:
        group(*owners[(entry.content_type_id, entry.object_id)]).entries.append(entry)

    forums = {subject.pk: subject for kind, subject in subjects if kind == "forum"}
    organizations = {subject.pk: subject for kind, subject in subjects if kind == "organisation"}
    if forums or organizations:
        news = (
            access.visible_news(user, area)
            .filter(publish_at__gt=since, publish_at__lte=until)
            .filter(Q(forums__in=list(forums)) | Q(author_organization__in=list(organizations)))
            .prefetch_related("forums")
            .distinct()
            .order_by("-publish_at")
        )
        for item in news:
            for forum in item.forums.all():
                if forum.pk in forums:
                    group("forum", forums[forum.pk]).news.append(item)
            if item.author_organization_id in organizations:
                group("organisation", organizations[item.author_organization_id]).news.append(item)
        events = (
            access.visible_events(user, area)
            .filter(created_at__gt=since, created_at__lte=until)
            .filter(Q(forum__in=list(forums)) | Q(organizer__in=list(organizations)))
            .order_by("-created_at")
        )
        for event in events:
            if event.forum_id in forums:
                group("forum", forums[event.forum_id]).events.append(event)
            if event.organizer_id in organizations:
                group("organisation", organizations[event.organizer_id]).events.append(event)
    return sorted(groups.values(), key=lambda changed: changed.latest, reverse=True)
