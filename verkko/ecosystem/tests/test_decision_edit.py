import pytest

from verkko.ecosystem.tests.conftest import by_role


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_edit_decisions(as_role, everyone, decision, role, status):
    url = f"/fi/oulu/ecosystem/decisions/{decision.uuid}/edit/"
    assert as_role(role).get(url).status_code == status
    as_role(role).post(url, {"text": "Muutettu päätös"})
    decision.refresh_from_db()
    assert (decision.text == "Muutettu päätös") is (status == 200)


def test_editing_a_decision_with_bad_input_changes_nothing(as_role, coordinator, decision):
    response = as_role("coordinator").post(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/edit/", {"text": ""})
    assert response.status_code == 200
    decision.refresh_from_db()
    assert decision.text == "Laaditaan nuorten palvelupolku."


def test_decision_edit_refuses_delete(as_role, coordinator, decision):
    assert as_role("coordinator").delete(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/edit/").status_code == 405
