"""Every write of the partner survey: atomic, in the name of the acting user, recorded in the history.

Views check access and validate a form first; actions take plain values. Answers change only
while their round is open (ClosedRound otherwise).
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from verkko.accounts.models import Membership, User
from verkko.areas import use_area
from verkko.lib.history import recorded_action
from verkko.survey import access
from verkko.survey.models import Participant, Response, SurveyRound, Tie

REMINDER_DAYS = 3  # a reminder goes out this many days before the round closes
TIE_FIELDS = ("frequency", "level", *Tie.TRUST_FIELDS, *Tie.VALUE_FIELDS)


class ClosedRound(Exception):
    """The round is not open: its answers can only be read."""


# Rounds


@recorded_action
def create_round(user, area, title, opens_on, closes_on, organization_ids):
    survey_round = SurveyRound.objects.create(
        area=area, title=title, opens_on=opens_on, closes_on=closes_on, created_by=user
    )
    _set_participants(survey_round, organization_ids)
    return survey_round


@recorded_action
def update_round(user, survey_round, title, opens_on, closes_on, organization_ids):
    survey_round.title = title
    survey_round.opens_on = opens_on
    survey_round.closes_on = closes_on
    survey_round.save()
    _set_participants(survey_round, organization_ids)
    return survey_round


def _set_participants(survey_round, organization_ids):
    """The round's organisations: those chosen, of its own area; one that has answered always stays."""
    wanted = set(survey_round.area.organizations.filter(pk__in=organization_ids).values_list("pk", flat=True)) | set(
        survey_round.responses.values_list("organization_id", flat=True)
    )
    for participant in survey_round.participants.exclude(organization_id__in=wanted):
        participant.delete()
    present = set(survey_round.participants.values_list("organization_id", flat=True))
    for organization_id in sorted(wanted - present):
        Participant.objects.create(round=survey_round, organization_id=organization_id)


# Invitations and reminders


def recipients(organization):
    """Who receives the organisation's invitation: its partner editors (and a coordinator of it)."""
    roles = (Membership.Role.EDITOR, Membership.Role.COORDINATOR)
    return list(
        User.objects.filter(
            is_active=True, memberships__organization=organization, memberships__role__in=roles
        ).distinct()
    )


def answer_links(survey_round, organization, language):
    """The absolute addresses of the signed-in answer page and of the organisation's personal link."""
    with translation.override(language), use_area(survey_round.area):
        signed_in = reverse("survey:answer", kwargs={"round_uuid": survey_round.uuid, "slug": organization.slug})
        personal = reverse("survey:link", kwargs={"token": access.answer_token(survey_round, organization)})
    return settings.SITE_URL + signed_in, settings.SITE_URL + personal


def _send(survey_round, participant, kind):
    """Sends the invitation or reminder to each recipient in their own language; returns how many got it."""
    sent = 0
    for recipient in recipients(participant.organization):
        language = recipient.language or settings.LANGUAGE_CODE
        signed_in, personal = answer_links(survey_round, participant.organization, language)
        with translation.override(language):
            context = {
                "round": survey_round,
                "area": survey_round.area,
                "organization": participant.organization,
                "recipient": recipient,
                "signed_in_url": signed_in,
                "personal_url": personal,
                "reminder": kind == "reminder",
            }
            subject = render_to_string("survey/email/subject.txt", context).strip()
            text = render_to_string("survey/email/invitation.txt", context)
            html = render_to_string("survey/email/invitation.html", context)
        message = EmailMultiAlternatives(subject, text, to=[recipient.email])
        message.attach_alternative(html, "text/html")
        message.send()
        sent += 1
    return sent


@recorded_action
def send_invitations(user, survey_round):
    """Invites every organisation of the round not yet invited. Returns (invited, without a recipient)."""
    if survey_round.is_closed():
        raise ClosedRound
    invited, unreachable = [], []
    for participant in survey_round.participants.filter(invited_at__isnull=True).select_related("organization"):
        if _send(survey_round, participant, "invitation"):
            participant.invited_at = timezone.now()
            participant.save(update_fields=["invited_at"])
            invited.append(participant.organization)
        else:
            unreachable.append(participant.organization)
    return invited, unreachable


@recorded_action
def send_reminders(user, today=None):
    """Reminds, once, every invited organisation that has not submitted, REMINDER_DAYS before the close.

    Returns the participants reminded.
    """
    today = today or timezone.localdate()
    rounds = SurveyRound.objects.filter(
        opens_on__lte=today, closes_on__gte=today, closes_on__lte=today + datetime.timedelta(days=REMINDER_DAYS)
    ).select_related("area")
    reminded = []
    for survey_round in rounds:
        submitted = survey_round.responses.filter(status=Response.Status.SUBMITTED).values("organization_id")
        waiting = (
            survey_round.participants.filter(invited_at__isnull=False, reminded_at__isnull=True)
            .exclude(organization_id__in=submitted)
            .select_related("organization")
        )
        for participant in waiting:
            if _send(survey_round, participant, "reminder"):
                participant.reminded_at = timezone.now()
                participant.save(update_fields=["reminded_at"])
                reminded.append(participant)
    return reminded


# Answers


def _open_response(user, survey_round, organization):
    if not survey_round.is_open():
        raise ClosedRound
    response, _created = Response.objects.get_or_create(round=survey_round, organization=organization)
    response.updated_by = user if user is not None and user.is_authenticated else None
    return response


@recorded_action
def save_answer(user, survey_round, organization, data):
    """Part 1: the organisation's own answers and the organisations it works with (a draft until submitted).

    data: belonging, satisfaction, contributions, contribution_other, comments, partner_ids.
    """
    response = _open_response(user, survey_round, organization)
    response.belonging = data.get("belonging")
    response.satisfaction = data.get("satisfaction")
    response.contributions = [code for code in data.get("contributions", []) if code in Response.Contribution.values]
    response.contribution_other = data.get("contribution_other", "")
    response.comments = data.get("comments", "")
    response.save()
    allowed = set(survey_round.participants.values_list("organization_id", flat=True)) - {organization.pk}
    chosen = {int(pk) for pk in data.get("partner_ids", [])} & allowed
    response.ties.exclude(partner_id__in=chosen).delete()
    present = set(response.ties.values_list("partner_id", flat=True))
    for partner_id in sorted(chosen - present):
        Tie.objects.create(response=response, partner_id=partner_id)
    return response


@recorded_action
def save_ties(user, survey_round, organization, ties, submit=False):
    """Part 2: the ratings of each chosen organisation, {partner id: {field: value}}; submit finishes the answer.

    Submitting needs belonging, satisfaction and the level of every chosen organisation; when
    one is missing the ratings are kept as a draft. Returns (response, what is missing).
    """
    response = _open_response(user, survey_round, organization)
    for tie in response.ties.all():
        values = ties.get(tie.partner_id, {})
        for name in TIE_FIELDS:
            if name in values:
                setattr(tie, name, values[name] if values[name] not in ("", None) else _blank(name))
        tie.full_clean(exclude=["response", "partner"])
        tie.save()
    missing = []
    if submit:
        if response.belonging is None or response.satisfaction is None:
            missing.append(_("belonging and satisfaction on the first page"))
        missing += [str(tie.partner) for tie in response.ties.select_related("partner") if not tie.level]
        if not missing:
            response.status = Response.Status.SUBMITTED
            response.submitted_at = timezone.now()
    response.save()
    return response, missing


def _blank(name):
    return "" if name in ("frequency", "level") else None
