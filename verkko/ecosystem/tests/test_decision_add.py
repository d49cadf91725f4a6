import pytest

from verkko.ecosystem.models import Decision
from verkko.ecosystem.tests.conftest import by_role


def add_url(meeting):
    return f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/decisions/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_record_decisions(as_role, everyone, meeting, organization_a, role, status):
    data = {"text": "Uusi päätös", "responsible_organization": organization_a.pk, "due_date": "2027-02-01"}
    assert as_role(role).post(add_url(meeting), data).status_code == status
    assert Decision.objects.filter(text="Uusi päätös").exists() is (status == 302)


def test_a_decision_without_text_is_not_recorded(as_role, coordinator, meeting):
    response = as_role("coordinator").post(add_url(meeting), {"text": "", "due_date": "huomenna"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Decision.objects.exists()


def test_recording_refuses_get(as_role, coordinator, decision):
    client = as_role("coordinator")
    assert client.get(add_url(decision.meeting)).status_code == 405
