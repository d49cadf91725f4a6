"""Processes fixtures: services, a public and a partner-only process, agreements, commitments and
versions of the collaboration model in the area "oulu"; and namesakes in the other area."""

import datetime

import pytest

from verkko.ecosystem.models import Forum, TargetGroup, Visibility
from verkko.ecosystem.tests.conftest import as_role, by_role, everyone, media_in_tmp  # noqa: F401
from verkko.ecosystem.tests.factories import ForumFactory, PersonFactory
from verkko.ecosystem.tests.helpers import pdf
from verkko.goals.models import Action, Goal
from verkko.processes import actions, document
from verkko.processes.models import Agreement, Commitment, Process, ProcessStep, Service

G = TargetGroup.Code


@pytest.fixture
def target_groups(db):
    return {code: TargetGroup.objects.get_or_create(code=code)[0] for code in G.values}


@pytest.fixture
def kempele(area):
    return area.municipalities.get(code="244")


@pytest.fixture
def oulu(area):
    return area.municipalities.get(code="564")


@pytest.fixture
def forum(area, organization_a):
    return ForumFactory(area=area, name="Nuorten verkosto", slug="nuorten-verkosto", chair=organization_a)


@pytest.fixture
def partner_forum(area):
    return ForumFactory(
        area=area,
        name="Sisäinen ryhmä",
        slug="sisainen-ryhma",
        level=Forum.Level.OPERATIONAL,
        visibility=Visibility.PARTNERS,
    )


@pytest.fixture
def goal(area, forum):
    return Goal.objects.create(
        area=area,
        slug="nuoret-toihin",
        title="Nuoret töihin",
        owner_forum=forum,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )


@pytest.fixture
def action(goal, organization_a):
    action = Action.objects.create(title="Ohjaamon laajennus", lead_organization=organization_a)
    action.goals.add(goal)
    return action


@pytest.fixture
def youth_service(area, organization_a, kempele, target_groups):
    service = Service.objects.create(
        area=area,
        organization=organization_a,
        name="Nuorten työhönvalmennus",
        description="Henkilökohtaista valmennusta alle 30-vuotiaille.",
        referral_phone="040 111 2222",
        languages="fi, en",
        cost="maksuton",
    )
    service.target_groups.set([target_groups[G.YOUNG_PEOPLE]])
    service.municipalities.set([kempele])
    return service


@pytest.fixture
def employer_service(area, organization_b, oulu, target_groups):
    service = Service.objects.create(
        area=area,
        organization=organization_b,
        name="Rekrytointipalvelu",
        description="Apua työnantajille työntekijän löytämiseen.",
        audience=Service.audience.field.choices[1][0],
        referral_email="rekry@example.org",
    )
    service.target_groups.set([target_groups[G.EMPLOYERS]])
    service.municipalities.set([oulu])
    return service


@pytest.fixture
def area_wide_service(area, backbone_organization, target_groups):
    service = Service.objects.create(
        area=area, organization=backbone_organization, name="Työnhaun neuvonta", walk_in="Torikatu 10, ma–pe 9–15"
    )
    service.target_groups.set([target_groups[G.JOB_SEEKERS], target_groups[G.YOUNG_PEOPLE]])
    return service


@pytest.fixture
def process(area, forum, goal, organization_a, organization_b, backbone_organization, youth_service, target_groups):
    process = Process.objects.create(
        area=area,
        slug="nuoren-polku",
        name="Nuoren ohjauspolku",
        purpose="Nuori saa oikean palvelun nopeasti.",
        trigger="Nuori ilmoittautuu työnhakijaksi.",
        owner=backbone_organization,
        review_on=datetime.date(2026, 6, 30),
    )
    process.target_groups.set([target_groups[G.YOUNG_PEOPLE]])
    process.forums.set([forum])
    process.goals.set([goal])
    first = ProcessStep.objects.create(
        process=process, number=1, title="Alkuhaastattelu", responsible=backbone_organization
    )
    first.partners.set([organization_a])
    second = ProcessStep.objects.create(
        process=process, number=2, title="Valmennus", responsible=organization_a, time_frame="2 viikon sisällä"
    )
    second.services.set([youth_service])
    second.partners.set([organization_b])
    return process


@pytest.fixture
def partner_process(area, organization_a):
    process = Process.objects.create(
        area=area, slug="sisainen-prosessi", name="Sisäinen prosessi", visibility=Visibility.PARTNERS
    )
    ProcessStep.objects.create(process=process, number=1, title="Salainen vaihe", responsible=organization_a)
    return process


@pytest.fixture
def agreement(area, forum, organization_a, organization_b):
    agreement = Agreement.objects.create(
        area=area,
        title="Nuorten palvelujen yhteistyösopimus",
        scope="Ohjaamon palvelut.",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        review_on=datetime.date(2026, 12, 1),
        forum=forum,
    )
    agreement.parties.set([organization_a, organization_b])
    return agreement


@pytest.fixture
def partner_agreement(area, organization_a, organization_b):
    agreement = Agreement.objects.create(
        area=area,
        title="Luottamuksellinen sopimus",
        starts_on=datetime.date(2026, 1, 1),
        visibility=Visibility.PARTNERS,
    )
    agreement.parties.set([organization_a, organization_b])
    return agreement


@pytest.fixture
def agreement_document(media_in_tmp, coordinator, agreement):  # noqa: F811
    return actions.add_document(
        coordinator, agreement, {"title": "Allekirjoitettu sopimus", "file": pdf("sopimus.pdf")}
    )


@pytest.fixture
def partner_document(media_in_tmp, coordinator, partner_agreement):  # noqa: F811
    return actions.add_document(coordinator, partner_agreement, {"title": "Salainen liite", "file": pdf("liite.pdf")})


@pytest.fixture
def commitment(agreement, organization_a):
    return Commitment.objects.create(
        agreement=agreement,
        organization=organization_a,
        kind=Commitment.Kind.PERSON_MONTHS,
        amount=6,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )


@pytest.fixture
def action_commitment(action, organization_b):
    return Commitment.objects.create(
        action=action,
        organization=organization_b,
        kind=Commitment.Kind.EUROS,
        amount=15000,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )


@pytest.fixture
def version(area, coordinator, process, agreement):
    return actions.adopt_version(
        coordinator,
        area,
        {"title": "Ohjausryhmän hyväksymä malli", "adopted_on": datetime.date(2026, 2, 1), "note": ""},
        document.build(coordinator, area),
    )


@pytest.fixture
def contact_person(organization_a):
    return PersonFactory(organization=organization_a, first_name="Outi", last_name="Ohjaaja", show_publicly=True)


# The other area (slug rannikko): namesakes with the same slug, which /fi/oulu/ never finds.


@pytest.fixture
def other_process(other_area, other_organization):
    process = Process.objects.create(area=other_area, slug="nuoren-polku", name="Rannikon nuoren polku")
    ProcessStep.objects.create(process=process, number=1, title="Rannikon vaihe", responsible=other_organization)
    return process


@pytest.fixture
def other_service(other_area, other_organization):
    return Service.objects.create(area=other_area, organization=other_organization, name="Rannikon valmennus")


@pytest.fixture
def other_agreement(other_area, other_organization):
    agreement = Agreement.objects.create(area=other_area, title="Rannikon sopimus", starts_on=datetime.date(2026, 1, 1))
    agreement.parties.set([other_organization])
    return agreement
