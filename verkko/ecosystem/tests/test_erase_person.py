import json

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError

from verkko.ecosystem.models import Decision, ForumMember, Person
from verkko.ecosystem.tests.helpers import run_command as run


def test_erase_anonymises_the_person_and_keeps_what_refers_to_them(linked_person, decision, partner_editor):
    output = run("erase_person", "editor@example.com")
    assert "1" in output
    person = Person.objects.get(pk=linked_person.pk)
    assert person.full_name == "Poistettu henkilö"
    assert (person.email, person.phone, person.title) == ("", "", "")
    assert person.erased_at is not None
    assert ForumMember.objects.filter(person=person).exists()
    assert Decision.objects.get(pk=decision.pk).responsible_person == person
    partner_editor.refresh_from_db()
    assert not partner_editor.is_active
    assert partner_editor.email.endswith("@invalid")
    assert not partner_editor.has_usable_password()
    history = json.dumps([entry.changes for entry in LogEntry.objects.get_for_object(person)])
    assert "Koulutusjohtaja" not in history
    assert "040 999" not in history


def test_an_erased_person_is_no_longer_found_by_their_address(linked_person):
    run("erase_person", "editor@example.com")
    with pytest.raises(CommandError):
        run("export_person_data", "editor@example.com")


def test_erase_of_a_user_without_a_contact_record_deactivates_the_account(editor_b):
    run("erase_person", "editor-b@example.com")
    editor_b.refresh_from_db()
    assert not editor_b.is_active


def test_erase_of_an_unknown_address_fails(db):
    with pytest.raises(CommandError):
        run("erase_person", "ei-ole@example.org")
