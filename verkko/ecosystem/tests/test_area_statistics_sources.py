"""Statistics sources keep their employment area as a plain id; ecosystem, which owns the areas,
tells stats their municipalities and removes an area's sources with the area."""

from verkko.ecosystem.tests.factories import EmploymentAreaFactory
from verkko.stats.actions import default_area_codes
from verkko.stats.models import Source


def test_an_areas_default_codes_are_its_municipalities_and_the_whole_country(area, other_area):
    assert default_area_codes(area) == ["KU244", "KU564", "SSS"]
    assert default_area_codes(other_area.pk) == ["KU678", "KU748", "SSS"]


def test_an_area_without_municipalities_keeps_only_the_whole_country(db):
    assert default_area_codes(EmploymentAreaFactory(slug="tyhja")) == ["SSS"]


def test_deleting_an_area_deletes_its_sources_and_no_one_elses(area, other_area):
    doomed = EmploymentAreaFactory(slug="poistuva")
    Source.objects.create(area_id=doomed.pk, table_id="12r5", title="Poistuvan lähde")
    kept = Source.objects.create(area_id=area.pk, table_id="12r5", title="Oulun lähde")

    doomed.delete()

    assert list(Source.objects.all()) == [kept]
