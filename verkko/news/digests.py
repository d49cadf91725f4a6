"""Digests: one e-mail per partner and area, weekly or monthly as the partner chooses, of what
happened in the last complete period and what is coming.

Contents, grouped by kind, each item with why it is there, nothing left out: news; upcoming events
and forum meetings; actions of the user's organisation that are due or overdue, or whose check-in
is; changes of indicator status; newly verified signals; the latest monthly review published in the
period. Only what the user may see in that area (the apps' access functions decide). Happenings
are newest first; what is coming or due is soonest first.

``send_digests`` sends each due digest exactly once, even when two runs overlap or one is
interrupted: a digest is claimed by creating its Digest row (unique per user, area, frequency and
period) before it is built and sent, and marked sent afterwards. A claim left unsent (a crash, a
failure to send) is taken over by a later run once it is STALE_CLAIM_AFTER old. A digest with
nothing in it is recorded as empty and not sent.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from verkko.accounts.access import member_organization_ids, partners_of
from verkko.areas import area_reverse, use_area
from verkko.ecosystem.access import visible_forums
from verkko.ecosystem.models import EmploymentArea, Forum, ForumMember, Meeting, Organization
from verkko.goals.access import actions_of_organizations, visible_indicators
from verkko.goals.models import Action, Goal, Indicator, Status
from verkko.lib.formatting import format_date, format_datetime
from verkko.lib.mail import absolute_url, build_message, language_of
from verkko.news.access import visible_events, visible_news
from verkko.news.models import Audience, Digest, Follow, IndicatorStatusSeen, Reading, Registration
from verkko.situation.access import visible_reviews, visible_signals
from verkko.situation.models import Review, Signal
from verkko.stats.periods import Period

logger = logging.getLogger(__name__)

Frequency = Reading.Frequency
STALE_CLAIM_AFTER = timedelta(minutes=30)
UNSUBSCRIBE_SALT = "verkko.news.digest.unsubscribe"


# Periods ------------------------------------------------------------------------------------------


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def period_of(frequency, now):
    """The last complete period before `now`: a week from Monday, or a calendar month (local time)."""
    today = timezone.localdate(now)
    if frequency == Frequency.WEEKLY:
        end = today - timedelta(days=today.weekday())
        start = end - timedelta(days=7)
    else:
        end = today.replace(day=1)
        start = (end - timedelta(days=1)).replace(day=1)
    return _midnight(start), _midnight(end)


def horizon_of(frequency, period_end):
    """Until when "coming" reaches: the end of the next period."""
    end_day = timezone.localdate(period_end)
    if frequency == Frequency.WEEKLY:
        return _midnight(end_day + timedelta(days=7))
    return _midnight((end_day + timedelta(days=32)).replace(day=1))


# Contents -----------------------------------------------------------------------------------------


@dataclass
class Item:
    title: str
    url: str
    when: str
    reason: str
    detail: str = ""


@dataclass
class Section:
    kind: str
    title: str
    items: list = field(default_factory=list)


def _when(value):
    if value is None:
        return ""
    return format_datetime(value) if isinstance(value, datetime) else format_date(value)


def _url(obj, viewname=None, **kwargs):
    """The absolute address of an object in the current area: its own, else the named view's, else the area's."""
    try:
        if hasattr(obj, "get_absolute_url"):
            return absolute_url(obj.get_absolute_url())
        if viewname:
            return absolute_url(reverse(viewname, kwargs=kwargs))
    except NoReverseMatch:
        pass
    return absolute_url(reverse("area_home"))


class _Follows:
    """What the user follows in the area, by model."""

    def __init__(self, user, area):
        rows = Follow.objects.filter(user=user, area=area).values_list("subject_type_id", "subject_id")
        self._ids = {}
        for type_id, subject_id in rows:
            self._ids.setdefault(type_id, set()).add(subject_id)

    def of(self, model):
        return self._ids.get(ContentType.objects.get_for_model(model).pk, set())


def _names(objects):
    return ", ".join(str(obj) for obj in objects)


def _news_section(user, area, start, end, follows, context):
    items = (
        visible_news(user, area)
        .filter(publish_at__gte=start, publish_at__lt=end)
        .select_related("author_organization")
        .prefetch_related("forums")
        .order_by("-publish_at", "-pk")
    )
    followed_organisations = follows.of(Organization)
    section = Section("news", _("News"))
    for item in items:
        if item.author_organization_id in followed_organisations:
            reason = _("You follow %(organisation)s.") % {"organisation": item.author_organization}
        elif item.audience == Audience.FORUMS:
            reason = _("For the members of %(forums)s.") % {"forums": _names(item.forums.all())}
        elif item.audience == Audience.PARTNERS:
            reason = _("For all partners of %(area)s.") % context
        else:
            reason = _("News of %(area)s.") % context
        author = item.author_organization
        detail = _("By %(organisation)s") % {"organisation": author} if author else ""
        section.items.append(
            Item(str(item.title), _url(item, "news:item", uuid=item.uuid), _when(item.publish_at), reason, detail)
        )
    return section


def _coming_section(user, area, since, horizon, follows, context):
    """Events and meetings from now (or the end of the period) to the end of the next period, soonest first."""
    followed_forums = follows.of(Forum)
    followed_organisations = follows.of(Organization)
    organisations = member_organization_ids(user, area)
    signed_up = set(Registration.objects.filter(user=user).values_list("event_id", flat=True))
    entries = []
    events = (
        visible_events(user, area)
        .filter(starts_at__gte=since, starts_at__lt=horizon, cancelled_at__isnull=True)
        .select_related("forum", "organizer")
    )
    for event in events:
        if event.pk in signed_up:
            reason = _("You have signed up.")
        elif event.forum_id in followed_forums:
            reason = _("You follow %(forum)s.") % {"forum": event.forum}
        elif event.organizer_id in followed_organisations:
            reason = _("You follow %(organisation)s.") % {"organisation": event.organizer}
        else:
            reason = _("An event of %(area)s.") % context
        detail = event.place or event.online_url
        url = _url(event, "news:event", uuid=event.uuid)
        entries.append((event.starts_at, Item(str(event.title), url, _when(event.starts_at), reason, detail)))
    seated = {
        (forum_id, organisation_id)
        for forum_id, organisation_id in ForumMember.objects.filter(
            forum__area=area, organization__in=organisations
        ).values_list("forum_id", "organization_id")
    }
    organisation_names = dict(Organization.objects.filter(pk__in=organisations).values_list("pk", "name"))
    meetings = Meeting.objects.filter(
        forum__in=visible_forums(user, area), starts_at__gte=since, starts_at__lt=horizon
    ).select_related("forum")
    for meeting in meetings:
        own = [organisation_names[o] for f, o in sorted(seated) if f == meeting.forum_id]
        if meeting.forum_id in followed_forums:
            reason = _("You follow %(forum)s.") % {"forum": meeting.forum}
        elif own:
            reason = _("%(organisation)s sits in %(forum)s.") % {"organisation": own[0], "forum": meeting.forum}
        else:
            reason = _("A meeting of %(forum)s.") % {"forum": meeting.forum}
        title = _("Meeting of %(forum)s") % {"forum": meeting.forum}
        entries.append((meeting.starts_at, Item(title, _url(meeting), _when(meeting.starts_at), reason, meeting.place)))
    section = Section("coming", _("Coming events and meetings"))
    section.items = [item for _start, item in sorted(entries, key=lambda entry: entry[0])]
    return section


def _actions_section(user, area, now, horizon):
    """Open actions of the user's organisations that are, or whose check-in is, due before the horizon."""
    organisations = member_organization_ids(user, area)
    today = timezone.localdate(now)
    last_day = timezone.localdate(horizon) - timedelta(days=1)
    actions = (
        actions_of_organizations(area, organisations)
        .exclude(status__in=[Action.Status.DONE, Action.Status.CANCELLED])
        .select_related("lead_organization")
        .prefetch_related("partner_organizations", "check_ins")
    )
    entries = []
    for action in actions:
        notes = []
        dates = []
        if action.due_on is not None and action.due_on <= last_day:
            dates.append(action.due_on)
            if action.due_on < today:
                notes.append(_("Overdue since %(date)s.") % {"date": _when(action.due_on)})
            else:
                notes.append(_("Due on %(date)s.") % {"date": _when(action.due_on)})
        check_in_due = action.check_in_due_on()
        if check_in_due is not None and check_in_due <= last_day:
            dates.append(check_in_due)
            if check_in_due < today:
                notes.append(_("Check-in overdue since %(date)s.") % {"date": _when(check_in_due)})
            else:
                notes.append(_("Check-in due by %(date)s.") % {"date": _when(check_in_due)})
        if not notes:
            continue
        if action.lead_organization_id in organisations:
            reason = _("%(organisation)s leads this action.") % {"organisation": action.lead_organization}
        else:
            partner = next(o for o in action.partner_organizations.all() if o.pk in organisations)
            reason = _("%(organisation)s is a partner in this action.") % {"organisation": partner}
        entries.append((min(dates), Item(str(action.title), _url(action), _when(min(dates)), reason, " ".join(notes))))
    section = Section("actions", _("Actions due or overdue"))
    section.items = [item for _day, item in sorted(entries, key=lambda entry: (entry[0], entry[1].title))]
    return section


def _indicators_section(user, area, start, end, follows, context):
    followed_indicators = follows.of(Indicator)
    followed_goals = follows.of(Goal)
    changes = (
        IndicatorStatusSeen.objects.filter(
            indicator__in=visible_indicators(user, area), changed_at__gte=start, changed_at__lt=end
        )
        .exclude(previous_status="")
        .select_related("indicator")
        .prefetch_related("indicator__goals")
        .order_by("-changed_at", "-pk")
    )
    section = Section("indicators", _("Changes in indicator status"))
    for change in changes:
        indicator = change.indicator
        goals = [goal for goal in indicator.goals.all() if goal.pk in followed_goals]
        if indicator.pk in followed_indicators:
            reason = _("You follow this indicator.")
        elif goals:
            reason = _("It measures %(goal)s, which you follow.") % {"goal": goals[0]}
        else:
            reason = _("An indicator of the goals of %(area)s.") % context
        detail = _("Now %(status)s (was %(previous)s).") % {
            "status": Status(change.status).label if change.status in Status.values else change.status,
            "previous": Status(change.previous_status).label
            if change.previous_status in Status.values
            else change.previous_status,
        }
        section.items.append(Item(str(indicator), _url(indicator), _when(change.changed_at), reason, detail))
    return section


def _signals_section(user, area, start, end, context):
    organisations = member_organization_ids(user, area)
    signals = (
        visible_signals(user, area)
        .filter(status=Signal.Status.VERIFIED, checked_at__gte=start, checked_at__lt=end)
        .select_related("municipality", "organization")
        .order_by("-checked_at", "-pk")
    )
    section = Section("signals", _("New verified signals"))
    for signal in signals:
        if signal.organization_id in organisations:
            reason = _("Reported by %(organisation)s.") % {"organisation": signal.organization}
        else:
            reason = _("A signal verified in %(area)s.") % context
        title = capfirst(signal.get_kind_display())
        if signal.municipality:
            title = f"{title}, {signal.municipality}"
        section.items.append(
            Item(
                str(title),
                _url(signal, "situation:signal_detail", signal_uuid=signal.uuid),
                _when(signal.checked_at),
                reason,
                Truncator(signal.description).words(40),
            )
        )
    return section


def _review_section(user, area, start, end, context):
    review = (
        visible_reviews(user, area)
        .filter(status=Review.Status.PUBLISHED, published_at__gte=start, published_at__lt=end)
        .order_by("-month", "-published_at")
        .first()
    )
    section = Section("review", _("Monthly review"))
    if review is not None:
        title = review.title
        section.items.append(
            Item(
                title,
                _url(review, "situation:review_detail", review_uuid=review.uuid),
                _when(review.published_at),
                _("The latest monthly review of %(area)s.") % context,
            )
        )
    return section


def digest_sections(user, area, frequency, start, end, now=None):
    """The non-empty sections of the user's digest, in the current language and the area's addresses."""
    now = now or timezone.now()
    horizon = horizon_of(frequency, end)
    follows = _Follows(user, area)
    context = {"area": area.name}
    with use_area(area):
        sections = [
            _news_section(user, area, start, end, follows, context),
            _coming_section(user, area, max(end, now), horizon, follows, context),
            _actions_section(user, area, now, horizon),
            _indicators_section(user, area, start, end, follows, context),
            _signals_section(user, area, start, end, context),
            _review_section(user, area, start, end, context),
        ]
    return [section for section in sections if section.items]


# Unsubscribing and the preference ---------------------------------------------------------------


def unsubscribe_token(user, area):
    return signing.dumps({"user": user.pk, "area": area.pk}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user id, area id) of a token made by unsubscribe_token, or None when it is not one."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["user"]), int(data["area"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def frequency_of(user, area):
    reading = Reading.objects.filter(user=user, area=area).first()
    return reading.digest_frequency if reading else Frequency.WEEKLY


# Sending -----------------------------------------------------------------------------------------


@dataclass
class Run:
    sent: int = 0
    empty: int = 0
    skipped: int = 0  # claimed by another run, or done already
    failed: int = 0


def due_digests(now, frequencies=(Frequency.WEEKLY, Frequency.MONTHLY)):
    """(user, area, frequency, start, end) of every partner's digest of the last complete period."""
    for area in EmploymentArea.objects.order_by("pk"):
        chosen = dict(Reading.objects.filter(area=area).values_list("user_id", "digest_frequency"))
        for user in partners_of(area).order_by("pk"):
            frequency = chosen.get(user.pk, Frequency.WEEKLY)
            if frequency in frequencies:
                yield (user, area, frequency, *period_of(frequency, now))


def claim(user, area, frequency, start, end):
    """The Digest row, claimed for this run; None when another run has it or it is done."""
    try:
        with transaction.atomic():
            return Digest.objects.create(user=user, area=area, frequency=frequency, period_start=start, period_end=end)
    except IntegrityError:
        pass
    # Taken over when a run claimed it long ago and never finished.
    stale = Digest.objects.filter(
        user=user,
        area=area,
        frequency=frequency,
        period_start=start,
        sent_at__isnull=True,
        empty=False,
        claimed_at__lt=timezone.now() - STALE_CLAIM_AFTER,
    )
    digest = stale.first()
    if digest is not None and stale.filter(pk=digest.pk, claimed_at=digest.claimed_at).update(
        claimed_at=timezone.now()
    ):
        return digest
    return None


def build_digest_message(digest, sections, connection=None):
    user, area = digest.user, digest.area
    with translation.override(language_of(user)):
        unsubscribe_url = absolute_url(
            area_reverse(area, "news:unsubscribe", kwargs={"token": unsubscribe_token(user, area)})
        )
        settings_url = absolute_url(area_reverse(area, "news:digest_settings"))
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    context = {
        "digest": digest,
        "sections": sections,
        "weekly": digest.frequency == Frequency.WEEKLY,
        "period_start": timezone.localdate(digest.period_start),
        "period_last_day": timezone.localdate(digest.period_end) - timedelta(days=1),
        "month": Period.of(timezone.localdate(digest.period_start)),
        "unsubscribe_url": unsubscribe_url,
        "settings_url": settings_url,
    }
    return build_message(user, "news/email/digest", context, area=area, headers=headers, connection=connection)


def send_digest(digest, now, connection=None):
    """Builds and sends a claimed digest; 'sent', 'empty' or 'failed'."""
    user, area = digest.user, digest.area
    with translation.override(language_of(user)):
        sections = digest_sections(user, area, digest.frequency, digest.period_start, digest.period_end, now)
    count = sum(len(section.items) for section in sections)
    if not count:
        Digest.objects.filter(pk=digest.pk).update(empty=True, item_count=0)
        return "empty"
    try:
        build_digest_message(digest, sections, connection).send()
    except Exception:
        logger.exception("Could not send the digest %s to %s", digest.pk, user.email)
        return "failed"
    Digest.objects.filter(pk=digest.pk).update(sent_at=timezone.now(), item_count=count)
    return "sent"


def send_digests(now=None, frequencies=(Frequency.WEEKLY, Frequency.MONTHLY)):
    """Sends every due digest not sent yet; returns the counts of the run."""
    now = now or timezone.now()
    run = Run()
    connection = get_connection()
    for user, area, frequency, start, end in due_digests(now, frequencies):
        digest = claim(user, area, frequency, start, end)
        if digest is None:
            run.skipped += 1
            continue
        outcome = send_digest(digest, now, connection)
        setattr(run, outcome, getattr(run, outcome) + 1)
    return run
