"""Who may see and answer the partner survey of one area.

Only partners of the area see anything of its survey: anyone else signed in gets a 404, the
public the sign-in page. Coordinators open rounds, send the invitations and see every answer;
a partner editor answers for their own organisation; whoever holds an organisation's personal
link (a signed token of the round and the organisation) answers for it without signing in.
Partners see the summary of the whole network, and the scores others give one organisation
only when at least MIN_RATERS organisations gave them.
"""

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404

from verkko.accounts.access import edited_organization_ids, is_coordinator, is_partner
from verkko.ecosystem.models import Organization
from verkko.survey.models import Participant, SurveyRound

MIN_RATERS = 3
TOKEN_SALT = "verkko.survey.answer"


def can_see_survey(user, area):
    return is_partner(user, area)


def can_manage_rounds(user, area):
    return is_coordinator(user, area)


def sees_every_answer(user, area):
    """Coordinators see the answers, comments and every score; partners the summary."""
    return is_coordinator(user, area)


def visible_rounds(user, area):
    rounds = SurveyRound.objects.filter(area=area)
    return rounds if can_see_survey(user, area) else rounds.none()


def round_exists(area, round_uuid):
    """Whether the round of an address exists in the area (True for addresses without a round)."""
    return round_uuid is None or SurveyRound.objects.filter(area=area, uuid=round_uuid).exists()


def get_round_or_404(user, area, round_uuid):
    return get_object_or_404(visible_rounds(user, area).select_related("area"), uuid=round_uuid)


def answerable_organizations(user, survey_round):
    """The round's organisations this user answers for: those they edit."""
    edited = edited_organization_ids(user, survey_round.area_id)
    return Organization.objects.filter(pk__in=edited, survey_participations__round=survey_round).order_by("name")


def can_answer(user, survey_round, organization):
    return organization.pk in edited_organization_ids(user, survey_round.area_id) and is_participant(
        survey_round, organization
    )


def is_participant(survey_round, organization):
    return Participant.objects.filter(round=survey_round, organization=organization).exists()


def shows_scores(raters, user, area):
    """Whether scores that `raters` organisations gave one organisation may be shown to the user."""
    return sees_every_answer(user, area) or raters >= MIN_RATERS


# Personal links


def answer_token(survey_round, organization):
    return signing.dumps({"round": str(survey_round.uuid), "organization": organization.pk}, salt=TOKEN_SALT)


def round_and_organization_of_token(token, area):
    """The round and organisation of a personal link in this area, or a 404."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
        participant = Participant.objects.select_related("round__area", "organization").get(
            round__uuid=payload["round"], organization_id=payload["organization"], round__area=area
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, Participant.DoesNotExist):
        raise Http404 from None
    return participant.round, participant.organization
