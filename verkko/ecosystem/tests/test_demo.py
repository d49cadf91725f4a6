import io

import pytest
from django.core.management import call_command

from verkko.ecosystem.models import (
    Decision,
    EmploymentArea,
    Forum,
    ForumMember,
    Meeting,
    Person,
    Responsibility,
    Role,
)

COUNTED = [Role, Person, Forum, ForumMember, Meeting, Decision, Responsibility]


@pytest.mark.django_db
def test_demo_data_loads_twice_without_duplicates(monkeypatch, settings, tmp_path):
    monkeypatch.setenv("VERKKO_DEMO_PASSWORD", "demo-salasana-123")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())
    counts = [model.objects.count() for model in COUNTED]
    call_command("load_demo", stdout=io.StringIO())
    assert [model.objects.count() for model in COUNTED] == counts
    area = EmploymentArea.objects.get(slug="oulu")
    assert area.is_demo
    assert set(Forum.objects.values_list("level", flat=True)) == {"strategic", "tactical", "operational"}
    assert Forum.objects.filter(name="Oulun työllisyysalueen ohjausryhmä").exists()
    assert Forum.objects.filter(level="tactical").count() == 4
    assert Decision.objects.filter(responsible_organization__isnull=False, due_date__isnull=False).count() >= 3
    assert Role.objects.filter(organization__name="BusinessOulu").exists()
