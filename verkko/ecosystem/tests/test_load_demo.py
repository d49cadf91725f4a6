import io

from django.core.management import call_command

from verkko.accounts import access
from verkko.accounts.models import Membership, User
from verkko.ecosystem.models import (
    Decision,
    EmploymentArea,
    Forum,
    ForumMember,
    Meeting,
    Municipality,
    Organization,
    Person,
    ReferenceArea,
    Responsibility,
    Role,
    Visibility,
)


def load_demo():
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def _counts():
    return [model.objects.count() for model in (EmploymentArea, Municipality, Organization, Person, User, Membership)]


def test_demo_creates_the_oulu_area_with_its_eleven_municipalities(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    load_demo()
    area = EmploymentArea.objects.get(slug="oulu")
    assert sorted(area.municipalities.values_list("code", flat=True)) == [
        "072", "139", "244", "425", "436", "494", "564", "615", "785", "859", "889",
    ]  # fmt: skip
    assert area.host_municipality.code == "564"
    names = set(area.organizations.values_list("name", flat=True))
    for expected in ["BusinessOulu", "Kela", "Pohjois-Suomen elinvoimakeskus", "Oulun yliopisto", "Oulun kaupunki"]:
        assert expected in names


def test_demo_users_have_their_roles_and_the_configured_password(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    load_demo()
    roles = {m.user.email: m.role for m in Membership.objects.select_related("user")}
    assert roles["coordinator@example.com"] == Membership.Role.COORDINATOR
    assert roles["editor@example.com"] == Membership.Role.EDITOR
    assert roles["member@example.com"] == Membership.Role.MEMBER
    assert User.objects.get(email="editor@example.com").check_password("demo-salasana-1")


def test_loading_the_demo_twice_duplicates_nothing(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    load_demo()
    first = _counts()
    load_demo()
    assert _counts() == first


def test_a_generated_password_is_kept_between_loads(db, monkeypatch, settings, tmp_path):
    monkeypatch.delenv("VERKKO_DEMO_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    first_output = load_demo()
    password = (tmp_path / "demo-password.txt").read_text().strip()
    assert password in first_output
    load_demo()
    assert len(password) >= 12
    assert User.objects.get(email="member@example.com").check_password(password)


def test_demo_has_roles_invented_people_forums_on_three_levels_meetings_and_decisions(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    load_demo()
    network = [Role, Person, Forum, ForumMember, Meeting, Decision, Responsibility]
    counts = [model.objects.count() for model in network]
    load_demo()
    assert [model.objects.count() for model in network] == counts
    assert EmploymentArea.objects.get(slug="oulu").is_demo
    assert set(Forum.objects.values_list("level", flat=True)) == {"strategic", "tactical", "operational"}
    assert Forum.objects.filter(name="Oulun työllisyysalueen ohjausryhmä", level="strategic").exists()
    networks = [
        "Nuorten työllisyyden verkosto",
        "Maahanmuuttajien työllisyyden verkosto",
        "Työnantajapalveluiden verkosto",
        "Osatyökykyisten työllisyyden verkosto",
    ]
    assert Forum.objects.filter(level="tactical", name__in=networks).count() == 4
    assert Forum.objects.filter(name__startswith="Maahanmuuttajien").count() == 1  # the goals demo finds it by name
    assert Decision.objects.filter(responsible_organization__isnull=False, due_date__isnull=False).count() >= 3
    assert Role.objects.filter(organization__name="BusinessOulu").exclude(summary="").exists()
    assert not Organization.objects.filter(area__slug="oulu", role__isnull=True).exists()  # every actor has a role
    assert Organization.objects.get(name="Oulun kaupunki").description == "Työllisyysalueen vastuukunta."
    assert Person.objects.filter(email__endswith="@example.org").count() >= 10
    assert Responsibility.objects.filter(level="A").exists()


def test_demo_creates_a_second_invented_area_with_a_partner_only_forum_and_its_coordinator(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    output = load_demo()
    other = EmploymentArea.objects.get(slug="rannikko")
    assert other.is_demo
    assert sorted(other.municipalities.values_list("code", flat=True)) == ["625", "678", "748"]
    assert other.host_municipality.code == "678"
    assert other.organizations.count() == 3
    partner_only = Forum.objects.get(area=other, slug="rekrytointiverkosto")
    assert partner_only.visibility == Visibility.PARTNERS
    assert partner_only.members.count() == 3
    coordinator = User.objects.get(email="coordinator@rannikko.example.com")
    assert coordinator.check_password("demo-salasana-1")
    assert access.role_in(coordinator, other) == access.Role.COORDINATOR
    assert access.role_in(coordinator, EmploymentArea.objects.get(slug="oulu")) == access.Role.PUBLIC
    assert "coordinator@rannikko.example.com" in output
    assert "Sign in at /fi/accounts/login/" in output
    assert "/fi/oulu/" in output
    assert "/fi/rannikko/" in output


def test_the_demo_areas_share_a_forum_slug_and_keep_their_partner_only_forums_apart(db, monkeypatch, client_for):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    load_demo()
    assert Forum.objects.filter(slug="ohjausryhma").count() == 2
    public = client_for(None)
    assert "Oulun työllisyysalueen ohjausryhmä" in public.get("/fi/oulu/ecosystem/forums/ohjausryhma/").content.decode()
    rannikko = public.get("/fi/rannikko/ecosystem/forums/ohjausryhma/").content.decode()
    assert "Rannikon työllisyyden ohjausryhmä" in rannikko
    partner_only = "/fi/rannikko/ecosystem/forums/rekrytointiverkosto/"
    oulu_coordinator = User.objects.get(email="coordinator@example.com")
    assert client_for(oulu_coordinator).get(partner_only).status_code == 404
    rannikko_coordinator = User.objects.get(email="coordinator@rannikko.example.com")
    assert client_for(rannikko_coordinator).get(partner_only).status_code == 200


def test_loading_the_demo_twice_duplicates_nothing_in_either_area_or_the_classification(db, monkeypatch):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-1")
    models = [ReferenceArea, EmploymentArea, Municipality, Organization, Forum, ForumMember, User, Membership]

    def counts():
        per_area = [
            (area.slug, area.municipalities.count(), area.organizations.count(), area.forums.count())
            for area in EmploymentArea.objects.order_by("slug")
        ]
        return [model.objects.count() for model in models], per_area

    load_demo()
    first = counts()
    load_demo()
    assert counts() == first
    assert first[0][:1] == [45]  # the classification's 45 areas, loaded by the demo
    assert [slug for slug, *_rest in first[1]] == ["oulu", "rannikko"]
