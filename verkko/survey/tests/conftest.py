"""Survey fixtures on top of the root ones: an open round of five organisations, a closed one before it,
and answers that give organisation A scores from three raters and organisation B from one."""

import datetime

import pytest
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.ecosystem.tests.factories import OrganizationFactory
from verkko.survey.models import Participant, Response, SurveyRound, Tie

ROLES = ["coordinator", "partner_editor", "partner_member", "editor_b", "public", *OUTSIDERS]
TODAY = timezone.localdate()


def by_role(*expected):
    """(role, expected) pairs in the order of ROLES: the area's four roles, the public, the three outsiders."""
    return list(zip(ROLES, expected, strict=True))


@pytest.fixture
def as_role(request, client_for):
    def make(role):
        return client_for(None if role == "public" else request.getfixturevalue(role))

    return make


@pytest.fixture
def everyone(
    coordinator, partner_editor, partner_member, editor_b, outsider_member, outsider_editor, outsider_coordinator
):
    """Creates every named user."""


@pytest.fixture
def organization_c(area):
    return OrganizationFactory(name="Organisaatio C", area=area, type="ngo")


@pytest.fixture
def organization_d(area):
    return OrganizationFactory(name="Organisaatio D", area=area, type="company")


@pytest.fixture
def organizations(backbone_organization, organization_a, organization_b, organization_c, organization_d):
    return [backbone_organization, organization_a, organization_b, organization_c, organization_d]


def make_round(area, organizations, title, opens_on, closes_on, invited=True):
    survey_round = SurveyRound.objects.create(area=area, title=title, opens_on=opens_on, closes_on=closes_on)
    for organization in organizations:
        Participant.objects.create(
            round=survey_round, organization=organization, invited_at=timezone.now() if invited else None
        )
    return survey_round


def answer(survey_round, organization, ties, belonging=4, satisfaction=3, status=Response.Status.SUBMITTED):
    """ties: {partner: (level, trust items, value items)} with each item list of three scores."""
    response = Response.objects.create(
        round=survey_round,
        organization=organization,
        status=status,
        belonging=belonging,
        satisfaction=satisfaction,
        contributions=["expertise", "data"],
        comments=f"Kommentti: {organization.name}",
        submitted_at=timezone.now() if status == Response.Status.SUBMITTED else None,
    )
    for partner, (level, trust, value) in ties.items():
        Tie.objects.create(
            response=response,
            partner=partner,
            frequency=Tie.Frequency.MONTHLY,
            level=level,
            trust_openness=trust[0],
            trust_reliability=trust[1],
            trust_mission=trust[2],
            value_influence=value[0],
            value_resources=value[1],
            value_involvement=value[2],
        )
    return response


@pytest.fixture
def open_round(area, organizations):
    return make_round(
        area,
        organizations,
        "Kumppanikysely 2026",
        TODAY - datetime.timedelta(days=5),
        TODAY + datetime.timedelta(days=10),
    )


@pytest.fixture
def previous_round(area, organizations):
    return make_round(
        area,
        organizations,
        "Kumppanikysely 2025",
        TODAY - datetime.timedelta(days=400),
        TODAY - datetime.timedelta(days=370),
    )


@pytest.fixture
def answers(open_round, backbone_organization, organization_a, organization_b, organization_c, organization_d):
    """A is rated by three organisations (backbone, C, D); B only by the backbone; D has a draft."""
    answer(
        open_round,
        backbone_organization,
        {
            organization_a: ("integrated", [4, 4, 4], [4, 4, 4]),
            organization_b: ("cooperative", [1, 1, 1], [1, 1, 1]),
        },
    )
    answer(open_round, organization_a, {backbone_organization: ("coordinated", [3, 3, 3], [2, 2, 2])}, belonging=5)
    answer(open_round, organization_c, {organization_a: ("cooperative", [2, 2, 2], [3, 3, 3])}, belonging=2)
    answer(open_round, organization_d, {organization_a: ("coordinated", [3, 3, 3], [3, 3, 3])}, belonging=3)
    return open_round


@pytest.fixture
def previous_answers(
    previous_round, backbone_organization, organization_a, organization_b, organization_c, organization_d
):
    """Before: the backbone cooperated with A and coordinated with C; A did not name the backbone."""
    answer(
        previous_round,
        backbone_organization,
        {
            organization_a: ("cooperative", [3, 3, 3], [3, 3, 3]),
            organization_c: ("coordinated", [3, 3, 3], [3, 3, 3]),
        },
    )
    answer(previous_round, organization_a, {})
    answer(previous_round, organization_c, {organization_a: ("integrated", [2, 2, 2], [2, 2, 2])})
    return previous_round


@pytest.fixture
def closed_round(area, organizations):
    return make_round(
        area,
        organizations,
        "Päättynyt kysely",
        TODAY - datetime.timedelta(days=40),
        TODAY - datetime.timedelta(days=10),
    )


@pytest.fixture
def other_round(other_area, other_organization):
    """A round of the other area, with another organisation of it."""
    second = OrganizationFactory(name="Rannikon toinen", area=other_area)
    return make_round(
        other_area,
        [other_organization, second],
        "Rannikon kysely",
        TODAY - datetime.timedelta(days=5),
        TODAY + datetime.timedelta(days=10),
    )
