"""The history a page shows: who changed what, with labels and readable values."""

from auditlog.models import LogEntry
from django.utils import translation

from verkko.ecosystem.tests.factories import PersonFactory
from verkko.lib.history import history_of, recorded_action
from verkko.lib.templatetags.verkko import history_changes


@recorded_action
def _rename(user, person, first_name, show_publicly):
    person.first_name = first_name
    person.show_publicly = show_publicly
    person.save()


def test_an_action_records_its_user_and_the_old_and_new_values(partner_editor, organization_a):
    person = PersonFactory(organization=organization_a, first_name="Aino", show_publicly=False)
    _rename(partner_editor, person, "Aini", True)

    entry = history_of(person)[0]
    assert entry.actor == partner_editor
    assert entry.action == LogEntry.Action.UPDATE
    with translation.override("fi"):  # an earlier test's request may have left another language active
        changes = dict(history_changes(entry))
    assert changes["etunimi"] == "Aino → Aini"
    assert changes["nimi ja nimike näytetään julkisesti"] == "ei → kyllä"


def test_history_leaves_out_keys_that_mean_nothing_to_a_reader(partner_editor, organization_a):
    person = PersonFactory(organization=organization_a)
    entry = history_of(person)[0]
    with translation.override("fi"):
        labels = [label for label, _text in history_changes(entry)]
    assert "etunimi" in labels
    assert "ID" not in labels
    assert "uuid" not in labels
