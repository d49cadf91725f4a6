import io

from django.core.management import call_command

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
    Responsibility,
    Role,
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
