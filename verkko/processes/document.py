"""The area's collaboration model as a document, compiled from the data.

``build(user, area)`` gives plain data (JSON-serialisable: names, codes and ISO dates) that the page
and the PDF render in the reader's language, and that an adopted version keeps as it was.
``compare(older, newer)`` says what changed between two such documents.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone

from verkko.ecosystem import access as ecosystem_access
from verkko.ecosystem import responsibilities
from verkko.ecosystem.models import Forum, ForumMember, Responsibility
from verkko.goals.access import visible_goals
from verkko.processes import resources
from verkko.processes.access import visible_agreements, visible_processes
from verkko.processes.models import ProcessStep
from verkko.reports.models import PublishedReport
from verkko.survey.access import can_see_survey, visible_rounds

SCHEMA = 1
# The document's sections that hold lists of items, each item keyed by its "key".
SECTIONS = ["forums", "actors", "goals", "processes", "agreements", "commitments"]


def _iso(date):
    return date.isoformat() if date else ""


def _iso_range(start, end):
    """A date range kept in a document as ISO 8601 (2026-01-01/2026-12-31), shown by ``iso_range``."""
    return f"{_iso(start)}/{_iso(end)}"


def _amount(value):
    return str(value.normalize()) if value is not None else ""


def _forums(user, area):
    forums = (
        ecosystem_access.visible_forums(user, area)
        .filter(archived_at__isnull=True)
        .select_related("chair", "secretary", "parent")
        .prefetch_related(Prefetch("members", ForumMember.objects.select_related("organization")))
        .order_by("name")
    )
    level_order = {level: index for index, level in enumerate(Forum.Level.values)}
    items = [
        {
            "key": forum.slug,
            "name": forum.name,
            "level": forum.level,
            "purpose": forum.purpose,
            "parent": forum.parent.name if forum.parent else "",
            "chair": forum.chair.name if forum.chair else "",
            "secretary": forum.secretary.name if forum.secretary else "",
            "rhythm": forum.meeting_rhythm,
            "members": sorted({f"{member.organization.name} ({member.role})" for member in forum.members.all()}),
        }
        for forum in forums
    ]
    return sorted(items, key=lambda item: (level_order.get(item["level"], 9), item["name"]))


def _actors(user, area, subjects):
    """Each actor with a role text or a cell in the matrix: its role, responsibilities and R/A/C/I cells."""
    organizations = ecosystem_access.visible_organizations(area).select_related("role").order_by("name")
    cells = {}
    for content_type_id, subject_id, organization_id, level in Responsibility.objects.filter(
        organization__area=area
    ).values_list("subject_type_id", "subject_id", "organization_id", "level"):
        name = subjects.get((content_type_id, subject_id))
        if name:
            cells.setdefault(organization_id, []).append(f"{level}: {name}")
    items = []
    for organization in organizations:
        role = getattr(organization, "role", None)
        summary = role.summary if role else ""
        duties = role.responsibilities if role else ""
        raci = sorted(cells.get(organization.pk, []))
        if summary or duties or raci:
            items.append(
                {
                    "key": organization.slug,
                    "name": organization.name,
                    "type": organization.type,
                    "summary": summary,
                    "responsibilities": duties,
                    "raci": raci,
                }
            )
    return items


def _subject_names(user, area):
    """(content type id, subject id) → name of every forum, goal and process the user may see."""
    names = {}
    for subject_type in responsibilities.subject_types():
        content_type = ContentType.objects.get_for_model(subject_type.model)
        for subject in subject_type.visible_to(user, area):
            names[(content_type.pk, subject.pk)] = str(subject)
    return names


def _forum_names(user, area):
    return dict(ecosystem_access.visible_forums(user, area).values_list("pk", "name"))


def _goals(user, area, forum_names):
    goals = visible_goals(user, area).prefetch_related("indicators").order_by("title")
    return [
        {
            "key": goal.slug,
            "title": goal.title,
            "forum": forum_names.get(goal.owner_forum_id, ""),
            "period": _iso_range(goal.starts_on, goal.ends_on),
            "indicators": sorted(indicator.name for indicator in goal.indicators.all()),
        }
        for goal in goals
    ]


def _processes(user, area, forum_names):
    processes = (
        visible_processes(user, area)
        .select_related("owner")
        .prefetch_related(
            Prefetch("steps", ProcessStep.objects.select_related("responsible").order_by("number")), "forums"
        )
        .order_by("name")
    )
    return [
        {
            "key": process.slug,
            "name": process.name,
            "purpose": process.purpose,
            "trigger": process.trigger,
            "owner": process.owner.name if process.owner else "",
            "review_on": _iso(process.review_on),
            "forums": sorted(forum_names[forum.pk] for forum in process.forums.all() if forum.pk in forum_names),
            "steps": [
                f"{step.number}. {step.title} – {step.responsible.name}"
                + (f" ({step.time_frame})" if step.time_frame else "")
                for step in process.steps.all()
            ],
        }
        for process in processes
    ]


def _agreements(user, area, forum_names):
    agreements = (
        visible_agreements(user, area).select_related("forum").prefetch_related("parties").order_by("title", "pk")
    )
    return [
        {
            "key": str(agreement.uuid),
            "title": agreement.title,
            "scope": agreement.scope,
            "parties": sorted(party.name for party in agreement.parties.all()),
            "starts_on": _iso(agreement.starts_on),
            "ends_on": _iso(agreement.ends_on),
            "review_on": _iso(agreement.review_on),
            "forum": forum_names.get(agreement.forum_id, ""),
        }
        for agreement in agreements
    ]


def _commitments(user, area):
    return [
        {
            "key": str(commitment.uuid),
            "party": commitment.organization.name,
            "to": commitment.agreement.title if commitment.agreement_id else commitment.action.title,
            "kind": commitment.kind,
            "amount": _amount(commitment.amount),
            "description": commitment.description,
            "period": _iso_range(commitment.starts_on, commitment.ends_on),
        }
        for commitment in resources.commitments_for(user, area).select_related("agreement", "action")
    ]


def _reports(area):
    """The monitoring reports published so far, newest first (the report calendar kept so far)."""
    return [
        {"month": _iso(published.period), "published_on": _iso(timezone.localdate(published.published_at))}
        for published in PublishedReport.objects.filter(area=area).order_by("-period")
    ]


def _survey_rounds(user, area):
    """The partner survey's rounds, newest first, with the days they are open."""
    return [
        {
            "title": survey_round.title,
            "opens_on": _iso(survey_round.opens_on),
            "closes_on": _iso(survey_round.closes_on),
        }
        for survey_round in visible_rounds(user, area).order_by("-opens_on")
    ]


def _follow_up(forums, processes, agreements):
    """How follow-up is done: the forums' rhythms and the review dates to come, soonest first."""
    reviews = sorted(
        [{"date": item["review_on"], "what": item["name"]} for item in processes if item["review_on"]]
        + [{"date": item["review_on"], "what": item["title"]} for item in agreements if item["review_on"]],
        key=lambda review: review["date"],
    )
    return {
        "rhythms": [{"forum": forum["name"], "rhythm": forum["rhythm"]} for forum in forums if forum["rhythm"]],
        "reviews": reviews,
    }


def build(user, area, today=None):
    forum_names = _forum_names(user, area)
    forums = _forums(user, area)
    processes = _processes(user, area, forum_names)
    agreements = _agreements(user, area, forum_names)
    follow_up = {**_follow_up(forums, processes, agreements), "reports": _reports(area)}
    if can_see_survey(user, area):
        follow_up["survey_rounds"] = _survey_rounds(user, area)
    return {
        "schema": SCHEMA,
        "area": area.name,
        "compiled_on": _iso(today or timezone.localdate()),
        "forums": forums,
        "actors": _actors(user, area, _subject_names(user, area)),
        "goals": _goals(user, area, forum_names),
        "processes": processes,
        "agreements": agreements,
        "commitments": _commitments(user, area),
        "follow_up": follow_up,
    }


def levels(content):
    """The forums grouped by level, strategic first, as (level code, [forum])."""
    grouped = {}
    for forum in content.get("forums", []):
        grouped.setdefault(forum["level"], []).append(forum)
    return [(level, grouped[level]) for level in Forum.Level.values if level in grouped]


def _label(item):
    return item.get("name") or item.get("title") or f"{item.get('party', '')} → {item.get('to', '')}"


def compare(older, newer):
    """Per section: the items added, removed and changed (with the fields that changed), by their keys."""
    changes = []
    for section in SECTIONS:
        old = {item["key"]: item for item in older.get(section, [])}
        new = {item["key"]: item for item in newer.get(section, [])}
        added = [_label(new[key]) for key in new if key not in old]
        removed = [_label(old[key]) for key in old if key not in new]
        changed = []
        for key in new:
            if key in old and old[key] != new[key]:
                fields = [
                    (name, old[key].get(name, ""), new[key].get(name, ""))
                    for name in sorted(set(old[key]) | set(new[key]))
                    if name != "key" and old[key].get(name) != new[key].get(name)
                ]
                changed.append((_label(new[key]), fields))
        if added or removed or changed:
            changes.append({"section": section, "added": added, "removed": removed, "changed": changed})
    return changes
