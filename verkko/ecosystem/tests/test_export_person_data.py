"""manage.py export_person_data, erase_person and erase_expired_people."""

import json

import pytest
from django.core.management import CommandError

from verkko.ecosystem.tests.helpers import run_command as run


def test_export_prints_everything_held_about_the_person_as_json(linked_person, decision):
    data = json.loads(run("export_person_data", "EDITOR@example.com"))
    assert data["people"][0]["first_name"] == "Eero"
    assert data["people"][0]["phone"] == "040 999"
    assert data["forum_memberships"] == [
        {
            "area": "Oulun työllisyysalue",
            "forum": "Nuorten verkosto",
            "organisation": "Organisaatio A",
            "role": "member",
        }
    ]
    assert data["decisions"][0]["uuid"] == str(decision.uuid)
    assert data["user"]["email"] == "editor@example.com"
    assert data["user"]["memberships"] == [
        {"area": "Oulun työllisyysalue", "organisation": "Organisaatio A", "role": "editor"}
    ]
    assert any(entry["by_this_person"] for entry in data["history"])
    assert any("Koulutusjohtaja" in json.dumps(entry["changes"]) for entry in data["history"])


def test_export_of_an_unknown_address_fails(db):
    with pytest.raises(CommandError):
        run("export_person_data", "ei-ole@example.org")


def test_export_covers_every_area_and_names_the_area_of_each_record(linked_person, other_organization_a, other_forum):
    """A GDPR request concerns the whole installation: records of both areas, each with its area."""
    from verkko.ecosystem.tests.factories import PersonFactory

    PersonFactory(organization=other_organization_a, first_name="Eero", email="editor@example.com")
    data = json.loads(run("export_person_data", "editor@example.com"))
    assert sorted(person["area"] for person in data["people"]) == ["Oulun työllisyysalue", "Rannikon työllisyysalue"]
