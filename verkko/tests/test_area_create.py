"""/fi/areas/new/: a superuser sets up an employment area and invites its first coordinator."""

import pytest

from verkko.accounts.models import Invitation, Membership
from verkko.accounts.tests.conftest import link_path
from verkko.ecosystem import actions
from verkko.ecosystem.models import EmploymentArea, Municipality, Organization, ReferenceArea
from verkko.ecosystem.tests.factories import MunicipalityFactory, UserFactory

URL = "/fi/areas/new/"


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, is_staff=True, email="admin@example.com")


@pytest.fixture
def lakeland(area):
    """Free municipalities of the classification's area 'Järviseutu', which no area runs here yet."""
    reference = ReferenceArea.objects.create(code="99", name_fi="Järviseudun työllisyysalue", name_sv="Järviseutu")
    alajarvi = MunicipalityFactory(code="005", name_fi="Alajärvi", name_sv="Alajärvi", area=None)
    MunicipalityFactory(code="934", name_fi="Vimpeli", name_sv="Vindala", area=None)
    Municipality.objects.filter(code__in=["005", "934"]).update(reference_area=reference)
    reference.host_municipality = alajarvi
    reference.save()
    return reference


def data(**changes):
    values = {
        "name": "Järviseudun työllisyysalue",
        "name_sv": "Järviseutus sysselsättningsområde",
        "name_en": "Järviseutu employment area",
        "slug": "jarviseutu",
        "reference_area": "99",
        "municipalities": ["005", "934"],
        "host_municipality": "005",
        "backbone_name": "Järviseudun työllisyyspalvelut",
        "coordinator_email": "Koordinaattori@Jarviseutu.fi",
    }
    return {**values, **changes}


def test_a_superuser_sets_up_an_area_and_invites_its_coordinator(client_for, admin, lakeland, mailoutbox):
    client = client_for(admin)
    assert client.get(URL).status_code == 200
    response = client.post(URL, data())
    assert response.status_code == 302
    assert response["Location"] == "/fi/jarviseutu/"
    area = EmploymentArea.objects.get(slug="jarviseutu")
    assert (area.name, area.name_sv, area.name_en) == (
        "Järviseudun työllisyysalue",
        "Järviseutus sysselsättningsområde",
        "Järviseutu employment area",
    )
    assert area.reference_area == lakeland
    assert area.host_municipality.code == "005"
    assert set(area.municipalities.values_list("code", flat=True)) == {"005", "934"}
    backbone = Organization.objects.get(area=area)
    assert backbone.name == "Järviseudun työllisyyspalvelut"
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.organization, invitation.role) == (
        "koordinaattori@jarviseutu.fi",
        backbone,
        Membership.Role.COORDINATOR,
    )
    assert link_path(mailoutbox[0]).startswith("/fi/accounts/invitations/")
    page = client.get("/fi/jarviseutu/").content.decode()
    assert "koordinaattori@jarviseutu.fi" in page  # the success message


def test_the_invited_coordinator_coordinates_the_new_area(client_for, client, admin, lakeland, mailoutbox):
    client_for(admin).post(URL, data())
    password = "järviseudun-salasana-1"
    client.post(
        link_path(mailoutbox[0]),
        {"first_name": "Kaija", "last_name": "K", "password1": password, "password2": password},
    )
    assert client.get("/fi/jarviseutu/people/").status_code == 200
    assert client.get("/fi/oulu/people/").status_code == 403


def test_the_form_starts_from_an_area_of_the_classification(client_for, admin, lakeland):
    form = client_for(admin).get(URL, {"start_from": "99"}).context["form"]
    assert form.initial["name"] == "Järviseudun työllisyysalue"
    assert sorted(form.initial["municipalities"]) == ["005", "934"]
    assert form.initial["host_municipality"] == "005"


@pytest.mark.parametrize("name", ["coordinator", "partner_editor", "outsider_coordinator"])
def test_others_are_refused(request, client_for, lakeland, mailoutbox, name):
    client = client_for(request.getfixturevalue(name))
    assert client.get(URL).status_code == 403
    assert client.post(URL, data()).status_code == 403
    assert not EmploymentArea.objects.filter(slug="jarviseutu").exists()
    assert mailoutbox == []


def test_the_public_is_sent_to_sign_in(client_for, lakeland):
    response = client_for(None).post(URL, data())
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/login/?next=/fi/areas/new/"
    assert not EmploymentArea.objects.filter(slug="jarviseutu").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": "situation"}, "Tämä osoite on varattu sivuston omille sivuille."),
        ({"slug": "accounts"}, "Tämä osoite on varattu sivuston omille sivuille."),
        ({"slug": "oulu"}, "Toisella työllisyysalueella on jo tämä osoite."),
        ({"slug": "Järvi Seutu"}, "Käytä vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä."),
        ({"municipalities": ["005", "564"]}, "Oulu kuuluu jo alueeseen Oulun työllisyysalue."),
        ({"host_municipality": "244"}, "Vastuukunnan on oltava yksi alueen kunnista."),
        ({"coordinator_email": "ei-osoite"}, "Anna kelvollinen sähköpostiosoite."),
        ({"name_sv": ""}, "Tämä kenttä vaaditaan."),
        ({"municipalities": []}, "Tämä kenttä vaaditaan."),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(client_for, admin, lakeland, mailoutbox, changes, message):
    response = client_for(admin).post(URL, data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert EmploymentArea.objects.count() == 1
    assert Municipality.objects.get(code="005").area is None
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_the_action_checks_again_and_changes_nothing(admin, lakeland, area, mailoutbox):
    from django.core.exceptions import PermissionDenied, ValidationError

    values = {
        "name": "Järviseutu",
        "name_sv": "",
        "name_en": "",
        "slug": "jarviseutu",
        "municipality_codes": ["005", "564"],
        "host_municipality_code": "005",
        "backbone_name": "Palvelut",
        "coordinator_email": "k@example.com",
    }
    with pytest.raises(ValidationError):
        actions.create_area(admin, **values)
    with pytest.raises(ValidationError):
        actions.create_area(admin, **{**values, "municipality_codes": ["005"], "coordinator_email": "huono"})
    with pytest.raises(PermissionDenied):
        actions.create_area(UserFactory(), **{**values, "municipality_codes": ["005"]})
    assert EmploymentArea.objects.count() == 1
    assert not Organization.objects.filter(name="Palvelut").exists()
    assert mailoutbox == []


def test_area_create_refuses_put(client_for, admin):
    assert client_for(admin).put(URL).status_code == 405
