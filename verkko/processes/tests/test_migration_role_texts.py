"""Today's free-text services of a role move into service records, losing nothing.

The data migration's function is called with the project's models, as the migration calls it
with its historical ones (the columns it uses are the same).
"""

import importlib

import pytest
from django.apps import apps

from verkko.ecosystem.models import Role
from verkko.ecosystem.tests.factories import OrganizationFactory
from verkko.processes.models import Service

migration = importlib.import_module("verkko.processes.migrations.0002_services_from_role_texts")


@pytest.fixture
def organisations(area, target_groups):
    both = OrganizationFactory(area=area, name="Molemmat")
    both.target_groups.set([target_groups["young_people"], target_groups["employers"]])
    empty = OrganizationFactory(area=area, name="Tyhjä")
    return both, empty


LONG_TEXT = "Ohjaamo: " + "neuvontaa " * 40 + "\nToinen rivi, joka säilyy kuvauksessa."


def test_each_non_empty_text_becomes_a_service_of_its_organisation(organisations):
    both, empty = organisations
    Role.objects.create(organization=both, services_for_job_seekers=LONG_TEXT, services_for_employers="Rekrytointiapu")
    Role.objects.create(organization=empty, services_for_job_seekers="   ", services_for_employers="")

    migration.move_role_texts(apps, None)

    services = {service.audience: service for service in Service.objects.filter(organization=both)}
    assert set(services) == {"job_seekers", "employers"}
    assert services["job_seekers"].description == LONG_TEXT.strip()  # nothing is lost
    assert services["job_seekers"].area == both.area
    assert len(services["job_seekers"].name) <= 200
    assert services["job_seekers"].name.startswith("Ohjaamo: neuvontaa")
    assert services["employers"].name == "Rekrytointiapu"
    assert services["job_seekers"].source == Service.Source.ROLE_TEXT
    assert [g.code for g in services["job_seekers"].target_groups.all()] == ["young_people"]
    assert [g.code for g in services["employers"].target_groups.all()] == ["employers"]
    assert not Service.objects.filter(organization=empty).exists()
    assert Role.objects.get(organization=both).services_for_employers == "Rekrytointiapu"  # the text stays too


def test_running_it_again_makes_no_duplicates(organisations):
    both, _empty = organisations
    Role.objects.create(organization=both, services_for_job_seekers="Työnhaun neuvonta")
    migration.move_role_texts(apps, None)
    migration.move_role_texts(apps, None)
    assert Service.objects.count() == 1


def test_the_reverse_removes_only_the_moved_services(organisations, youth_service):
    both, _empty = organisations
    Role.objects.create(organization=both, services_for_job_seekers="Työnhaun neuvonta")
    migration.move_role_texts(apps, None)
    migration.remove_moved_services(apps, None)
    assert list(Service.objects.all()) == [youth_service]


def test_the_migration_is_in_the_graph(db):
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    assert ("processes", "0002_services_from_role_texts") in loader.graph.nodes
