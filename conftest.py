"""Shared fixtures: one employment area and the named people every view is tested with.

- coordinator: coordinates the area (backbone organisation)
- partner_editor: partner editor of organisation A
- partner_member: partner member of organisation A
- editor_b: partner editor of organisation B
- the anonymous public: an unauthenticated client
"""

import pytest
from django.test import Client

from verkko.accounts.models import Membership
from verkko.ecosystem.tests.factories import EmploymentAreaFactory, MunicipalityFactory, OrganizationFactory, member_of

PASSWORD = "salasana-testi-123"


@pytest.fixture
def area(db):
    area = EmploymentAreaFactory(name="Oulun työllisyysalue", slug="oulu", name_sv="Uleåborgs sysselsättningsområde")
    oulu = MunicipalityFactory(code="564", name_fi="Oulu", name_sv="Uleåborg", area=area)
    MunicipalityFactory(code="244", name_fi="Kempele", name_sv="Kempele", area=area)
    area.host_municipality = oulu
    area.save()
    return area


@pytest.fixture
def backbone_organization(area):
    return OrganizationFactory(name="BusinessOulu", area=area, type="municipality", municipality=area.host_municipality)


@pytest.fixture
def organization_a(area):
    return OrganizationFactory(name="Organisaatio A", area=area, type="education")


@pytest.fixture
def organization_b(area):
    return OrganizationFactory(name="Organisaatio B", area=area, type="ngo")


@pytest.fixture
def coordinator(backbone_organization):
    return member_of(backbone_organization, Membership.Role.COORDINATOR, email="coordinator@example.com")


@pytest.fixture
def partner_editor(organization_a):
    return member_of(organization_a, Membership.Role.EDITOR, email="editor@example.com")


@pytest.fixture
def partner_member(organization_a):
    return member_of(organization_a, Membership.Role.MEMBER, email="member@example.com")


@pytest.fixture
def editor_b(organization_b):
    return member_of(organization_b, Membership.Role.EDITOR, email="editor-b@example.com")


@pytest.fixture
def client_for(db):
    """client_for(user) gives a test client signed in as that user; client_for(None) is the public."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
