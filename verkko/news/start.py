"""The personal start page of a signed-in user in one area: what needs them, and what is new.

Coordinators: signals waiting for verification, review drafts, actions whose check-in is missing
or overdue (goals' own rule, Action.needs_check_in and is_overdue), open invitations. Partner
editors: their organisations' actions with a check-in due within three days or overdue, the
upcoming meetings of their forums and the signals they sent. Everyone: news, events and sign-ups.
Every list is a constant number of queries, whatever the data.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from verkko.accounts.access import Role, edited_organization_ids, member_organization_ids, role_in
from verkko.accounts.models import Invitation
from verkko.ecosystem.models import Meeting
from verkko.goals.access import actions_of_organizations, area_actions
from verkko.goals.models import Action, CheckIn
from verkko.news import access
from verkko.news.models import Registration
from verkko.situation.models import Review, Signal

# A check-in counts as due this many days before the action's rhythm runs out.
CHECK_IN_DUE_WITHIN_DAYS = 3
LIST_LENGTH = 10
CLOSED = (Action.Status.DONE, Action.Status.CANCELLED)


@dataclass
class FlaggedAction:
    action: Action
    overdue: bool  # past its due date, or its check-in is late
    check_in_late: bool
    check_in_due: bool  # due within CHECK_IN_DUE_WITHIN_DAYS, not yet late


def _flag(actions, today, warn_early):
    flagged = []
    for action in actions:
        late = action.needs_check_in(today)
        due = warn_early and not late and action.needs_check_in(today + datetime.timedelta(CHECK_IN_DUE_WITHIN_DAYS))
        past_due = action.is_overdue(today)
        if late or due or past_due:
            flagged.append(FlaggedAction(action, overdue=late or past_due, check_in_late=late, check_in_due=due))
    return flagged


def _open_actions(queryset):
    return (
        queryset.exclude(status__in=CLOSED)
        .select_related("lead_organization")
        .prefetch_related(Prefetch("check_ins", CheckIn.objects.only("pk", "action_id", "created_at")))
        .order_by("due_on", "title")
    )


def flagged_actions(user, area, today=None):
    """Coordinators: every action of the area with a missing or late check-in or past its due date.
    Partner editors: their organisations' actions with a check-in due soon or late, or past due."""
    today = today or timezone.localdate()
    role = role_in(user, area)
    if role == Role.COORDINATOR:
        return _flag(_open_actions(area_actions(area)), today, warn_early=False)
    if role == Role.EDITOR:
        actions = actions_of_organizations(area, edited_organization_ids(user, area))
        return _flag(_open_actions(actions), today, warn_early=True)
    return []


def waiting_signals(area):
    return Signal.objects.filter(area=area, status=Signal.Status.SUBMITTED).select_related("organization")


def review_drafts(area):
    return Review.objects.filter(area=area, status=Review.Status.DRAFT)


def open_invitations(area):
    return Invitation.objects.filter(
        organization__area=area, accepted_at__isnull=True, cancelled_at__isnull=True
    ).select_related("organization")


@dataclass
class NeedsYou:
    """The counts in the header: what waits for this user in the area."""

    signals: int = 0
    drafts: int = 0
    actions: int = 0
    invitations: int = 0

    @property
    def total(self):
        return self.signals + self.drafts + self.actions + self.invitations


def needs_you(user, area):
    role = role_in(user, area)
    if role == Role.COORDINATOR:
        return NeedsYou(
            signals=waiting_signals(area).count(),
            drafts=review_drafts(area).count(),
            actions=len(flagged_actions(user, area)),
            invitations=open_invitations(area).count(),
        )
    if role == Role.EDITOR:
        return NeedsYou(actions=len(flagged_actions(user, area)))
    return NeedsYou()


@dataclass
class StartPage:
    role: Role
    signals: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    my_signals: list = field(default_factory=list)
    news: list = field(default_factory=list)
    events: list = field(default_factory=list)
    registrations: list = field(default_factory=list)

    @property
    def needs_you(self):
        return NeedsYou(len(self.signals), len(self.drafts), len(self.actions), len(self.invitations))


def start_page(user, area):
    now = timezone.now()
    role = role_in(user, area)
    page = StartPage(role=role)
    if role == Role.COORDINATOR:
        page.signals = list(waiting_signals(area).order_by("date", "created_at"))
        page.drafts = list(review_drafts(area).order_by("-month"))
        page.invitations = list(open_invitations(area).order_by("created_at"))
    page.actions = flagged_actions(user, area)
    if role >= Role.MEMBER:
        page.meetings = list(
            Meeting.objects.filter(
                forum__area=area,
                forum__archived_at__isnull=True,
                forum__members__organization__in=member_organization_ids(user, area),
                starts_at__gte=now,
            )
            .select_related("forum")
            .distinct()
            .order_by("starts_at")[:LIST_LENGTH]
        )
    if role >= Role.EDITOR:
        page.my_signals = list(
            Signal.objects.filter(area=area, reporter=user)
            .select_related("organization")
            .order_by("-created_at")[:LIST_LENGTH]
        )
    page.news = list(
        access.visible_news(user, area)
        .filter(publish_at__lte=now)
        .select_related("author_organization")
        .order_by("-publish_at")[:5]
    )
    page.events = list(
        access.visible_events(user, area).filter(ends_at__gte=now).select_related("forum").order_by("starts_at")[:5]
    )
    page.registrations = list(
        Registration.objects.filter(user=user, event__area=area, event__ends_at__gte=now)
        .select_related("event")
        .order_by("event__starts_at")
    )
    return page
