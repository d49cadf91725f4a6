import pytest

from verkko.ecosystem.models import Decision
from verkko.ecosystem.tests.conftest import by_role


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_remove_decisions(as_role, everyone, decision, role, status):
    assert as_role(role).post(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/remove/").status_code == status
    assert Decision.objects.filter(pk=decision.pk).exists() is (status != 302)


def test_decision_removal_refuses_get(as_role, coordinator, decision):
    assert as_role("coordinator").get(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/remove/").status_code == 405
