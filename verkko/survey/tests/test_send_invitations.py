import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from verkko.survey.models import Participant
from verkko.survey.tests.conftest import by_role, make_round

TODAY = timezone.localdate()


@pytest.fixture
def uninvited_round(area, organizations):

    return make_round(area, organizations, "Kutsumaton", TODAY, TODAY + datetime.timedelta(days=14), invited=False)


def url(survey_round):
    return f"/fi/oulu/survey/rounds/{survey_round.uuid}/invite/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 302, 404, 404, 404))
def test_only_coordinators_send_invitations(as_role, everyone, uninvited_round, role, status):
    response = as_role(role).post(url(uninvited_round))
    assert response.status_code == status
    assert bool(mail.outbox) is (role == "coordinator")


def test_each_editor_gets_the_invitation_in_their_own_language_with_absolute_links(
    as_role, coordinator, partner_editor, partner_member, editor_b, uninvited_round, settings, organization_a
):
    settings.SITE_URL = "https://verkko.example.fi"
    editor_b.language = "sv"
    editor_b.save()
    response = as_role("coordinator").post(url(uninvited_round))
    assert response.status_code == 302
    by_recipient = {message.to[0]: message for message in mail.outbox}
    # Editors (and the coordinator of the backbone) are invited; members are not.
    assert set(by_recipient) == {"coordinator@example.com", "editor@example.com", "editor-b@example.com"}
    finnish = by_recipient["editor@example.com"]
    assert finnish.subject == "Kutsu: Kutsumaton"
    assert "Organisaatiota Organisaatio A pyydetään vastaamaan" in finnish.body
    link = f"https://verkko.example.fi/fi/oulu/survey/rounds/{uninvited_round.uuid}/answer/{organization_a.slug}/"
    assert link in finnish.body
    assert re.search(r"https://verkko\.example\.fi/fi/oulu/survey/link/[^/\s]+/", finnish.body)
    html, kind = finnish.alternatives[0]
    assert kind == "text/html"
    assert link in html
    swedish = by_recipient["editor-b@example.com"]
    assert swedish.subject == "Inbjudan: Kutsumaton"
    assert "/sv/oulu/survey/" in swedish.body
    invited = Participant.objects.filter(round=uninvited_round, invited_at__isnull=False)
    assert {participant.organization.name for participant in invited} == {
        "BusinessOulu",
        "Organisaatio A",
        "Organisaatio B",
    }


def test_organisations_without_an_editor_are_named_and_invited_later(
    as_role, coordinator, uninvited_round, organization_c
):
    response = as_role("coordinator").post(url(uninvited_round), follow=True)
    assert "Organisaatio C" in response.content.decode()
    assert "henkilökohtainen linkki" in response.content.decode()
    mail.outbox.clear()
    # A second press invites no one twice.
    as_role("coordinator").post(url(uninvited_round))
    assert mail.outbox == []


def test_a_closed_round_sends_nothing(as_role, coordinator, closed_round):
    Participant.objects.filter(round=closed_round).update(invited_at=None)
    as_role("coordinator").post(url(closed_round))
    assert mail.outbox == []


def test_invitations_refuse_get(as_role, coordinator, uninvited_round):
    assert as_role("coordinator").get(url(uninvited_round)).status_code == 405
