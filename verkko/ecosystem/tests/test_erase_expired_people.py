import datetime

from django.utils import timezone

from verkko.ecosystem.models import Person
from verkko.ecosystem.tests.factories import PersonFactory
from verkko.ecosystem.tests.helpers import run_command as run


def test_expired_people_are_anonymised_after_the_retention_period(settings, organization_a):
    settings.PERSON_RETENTION_DAYS = 30
    today = timezone.localdate()
    old = PersonFactory(organization=organization_a, left_at=today - datetime.timedelta(days=31))
    recent = PersonFactory(organization=organization_a, left_at=today - datetime.timedelta(days=29))
    current = PersonFactory(organization=organization_a)
    assert "1" in run("erase_expired_people")
    assert Person.objects.get(pk=old.pk).is_erased
    assert not Person.objects.get(pk=recent.pk).is_erased
    assert not Person.objects.get(pk=current.pk).is_erased
    assert "0" in run("erase_expired_people")
