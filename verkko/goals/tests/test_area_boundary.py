"""Issue 9 as it was found: a member of another area, signed in, must see nothing partner-only of this
area, on the goal pages, in the lists, in the monitoring view or in the report (HTML, PDF and XLSX)."""

import io
import subprocess

import pytest
from openpyxl import load_workbook

from verkko.goals.tests.conftest import OUTSIDERS

PARTNER_GOAL = "Osatyökykyisten työllistyminen"
PARTNER_ACTION = "Työkykykoordinaattorit"
PERIOD = "2025M11"


@pytest.fixture
def this_area(recorded_long_ago, goal, action, partner_goal, partner_action):
    """A public goal with its action, and a partner-only goal with its own action."""
    return goal


def _pdf_text(content):
    output = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(output.stdout.decode().split())


def _xlsx_cells(content):
    workbook = load_workbook(io.BytesIO(content))
    return {str(cell) for sheet in workbook.worksheets for row in sheet.values for cell in row if cell is not None}


@pytest.mark.parametrize("role", OUTSIDERS)
def test_member_of_another_area_sees_nothing_partner_only_here(client_for, user_for, this_area, partner_goal, role):
    client = client_for(user_for(role))

    assert client.get(f"/fi/oulu/goals/{partner_goal.slug}/").status_code == 404
    assert client.get(f"/fi/oulu/goals/{partner_goal.uuid}/").status_code == 404

    monitoring = client.get("/fi/oulu/goals/").content.decode()
    assert "Nuorisotyöttömyyden vähentäminen" in monitoring
    assert PARTNER_GOAL not in monitoring

    actions = client.get("/fi/oulu/actions/").content.decode()
    assert "Oppisopimuspolku nuorille" in actions
    assert PARTNER_ACTION not in actions

    report = client.get(f"/fi/oulu/reports/monitoring/{PERIOD}/")
    assert report.status_code == 200
    assert "Nuorisotyöttömyyden vähentäminen" in report.content.decode()
    assert PARTNER_GOAL not in report.content.decode()
    assert PARTNER_ACTION not in report.content.decode()

    pdf = _pdf_text(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.pdf").content)
    assert "Nuorisotyöttömyyden vähentäminen" in pdf
    assert PARTNER_GOAL not in pdf
    assert PARTNER_ACTION not in pdf

    cells = _xlsx_cells(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx").content)
    assert "Nuorisotyöttömyyden vähentäminen" in cells
    assert "Oppisopimuspolku nuorille" in cells
    assert PARTNER_GOAL not in cells
    assert PARTNER_ACTION not in cells


def test_a_partner_of_this_area_sees_the_same_pages_with_the_partner_only_goal(client_for, partner_member, this_area):
    """The counterpart, so that the test above cannot pass by showing nothing at all."""
    client = client_for(partner_member)
    assert PARTNER_GOAL in client.get("/fi/oulu/goals/").content.decode()
    assert PARTNER_ACTION in client.get("/fi/oulu/actions/").content.decode()
    assert PARTNER_GOAL in client.get(f"/fi/oulu/reports/monitoring/{PERIOD}/").content.decode()
    assert PARTNER_GOAL in _xlsx_cells(client.get(f"/fi/oulu/reports/monitoring/{PERIOD}.xlsx").content)


def test_same_slugs_in_two_areas_each_answer_in_their_own_area(client_for, partner_member, goal, other_goal):
    assert goal.slug == other_goal.slug
    oulu = client_for(partner_member).get(f"/fi/oulu/goals/{goal.slug}/").content.decode()
    assert "<h1>Nuorisotyöttömyyden vähentäminen</h1>" in oulu
    rannikko = client_for(partner_member).get(f"/fi/rannikko/goals/{goal.slug}/").content.decode()
    assert "<h1>Rannikon nuorten työllisyys</h1>" in rannikko


@pytest.mark.parametrize("role", ["coordinator", "outsider_coordinator"])
def test_uuids_of_another_areas_action_and_decision_are_404_here(
    client_for, user_for, role, other_action, other_decision
):
    client = client_for(user_for(role))
    assert client.get(f"/fi/oulu/actions/{other_action.uuid}/").status_code == 404
    assert client.get(f"/fi/oulu/actions/{other_action.uuid}/check-in/").status_code == 404
    assert client.post(f"/fi/oulu/actions/from-decision/{other_decision.uuid}/").status_code == 404
