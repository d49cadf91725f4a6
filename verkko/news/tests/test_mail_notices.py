"""E-mail that asks for action, sent at once: a signal to verify to the area's coordinators, a
decision that became an action to the lead organisation's editors; and the mail function itself."""

from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from verkko.accounts.access import coordinators_of, editors_of, partners_of
from verkko.accounts.models import Membership
from verkko.ecosystem.models import Decision, Meeting
from verkko.ecosystem.tests.factories import ForumFactory, member_of
from verkko.goals.models import Action
from verkko.lib.mail import build_message, send_notice
from verkko.news.models import Notification
from verkko.situation.models import Signal


def signal_data(area, organisation):
    return {
        "kind": "layoffs",
        "date": "2026-10-14",
        "municipality": str(area.municipalities.get(code="564").pk),
        "industry": "C",
        "occupation_group": "7",
        "headcount": "85",
        "description": "Konepaja aloittaa muutosneuvottelut.",
        "source": "Yrityksen tiedote",
        "visibility": "public",
        "organization": str(organisation.pk),
    }


@pytest.fixture
def second_coordinator(backbone_organization):
    return member_of(backbone_organization, Membership.Role.COORDINATOR, email="toinen@example.com", language="sv")


def test_a_new_signal_is_mailed_to_the_areas_coordinators(
    client_for,
    area,
    partner_editor,
    organization_a,
    coordinator,
    second_coordinator,
    outsider_coordinator,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(partner_editor).post("/fi/oulu/signals/new/", signal_data(area, organization_a))
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert sorted(message.to[0] for message in mail.outbox) == ["coordinator@example.com", "toinen@example.com"]
    finnish = next(message for message in mail.outbox if message.to == ["coordinator@example.com"])
    swedish = next(message for message in mail.outbox if message.to == ["toinen@example.com"])
    link = f"http://127.0.0.1:8000/fi/oulu/signals/{signal.uuid}/"
    assert finnish.subject == "Signaali odottaa tarkistusta: lomautukset tai muutosneuvottelut"
    assert link in finnish.body
    assert f'href="{link}"' in finnish.alternatives[0][0]
    assert f"http://127.0.0.1:8000/sv/oulu/signals/{signal.uuid}/" in swedish.body
    assert swedish.subject.startswith("En signal väntar på granskning")
    assert finnish.extra_headers["Content-Language"] == "fi"
    assert set(Notification.objects.values_list("user__email", "kind", "key")) == {
        ("coordinator@example.com", "signal_to_verify", f"signal:{signal.uuid}"),
        ("toinen@example.com", "signal_to_verify", f"signal:{signal.uuid}"),
    }


def test_a_coordinator_is_not_told_of_their_own_signal(
    client_for, area, coordinator, second_coordinator, organization_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(coordinator).post("/fi/oulu/signals/new/", signal_data(area, organization_a))
    assert [message.to for message in mail.outbox] == [["toinen@example.com"]]


def test_a_refused_signal_sends_nothing(
    client_for, area, partner_editor, organization_a, coordinator, django_capture_on_commit_callbacks
):
    data = signal_data(area, organization_a)
    data["description"] = ""
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(partner_editor).post("/fi/oulu/signals/new/", data)
    assert response.status_code == 200
    assert mail.outbox == []


@pytest.fixture
def decision(area, organization_a):
    forum = ForumFactory(area=area, name="Nuorten työllisyyden verkosto", slug="nuorten-verkosto")
    meeting = Meeting.objects.create(forum=forum, starts_at=timezone.now())
    return Decision.objects.create(
        meeting=meeting,
        text="Käynnistetään kesätyösetelikokeilu kaikissa kunnissa.",
        responsible_organization=organization_a,
        due_date=date(2027, 6, 30),
    )


def test_a_decision_that_became_an_action_is_mailed_to_the_lead_organisations_editors(
    client_for, coordinator, partner_editor, partner_member, editor_b, decision, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/")
    assert response.status_code == 302
    action = Action.objects.get()
    assert [message.to for message in mail.outbox] == [["editor@example.com"]]  # not the member, not B
    message = mail.outbox[0]
    assert message.subject == (
        "Päätöksestä tuli organisaatiosi toimenpide: Käynnistetään kesätyösetelikokeilu kaikissa kunnissa."
    )
    assert f"http://127.0.0.1:8000/fi/oulu/actions/{action.uuid}/" in message.body
    assert "30.6.2027" in message.body
    # A second click finds the action again and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client_for(coordinator).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/")
    assert len(mail.outbox) == 1
    assert Notification.objects.get().key == f"action:{action.uuid}"


def test_the_editor_who_made_it_is_not_told(client_for, partner_editor, decision, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(partner_editor).post(f"/fi/oulu/actions/from-decision/{decision.uuid}/")
    assert mail.outbox == []


def test_a_failure_to_send_is_logged_and_the_work_stands(
    client_for, area, partner_editor, organization_a, coordinator, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False  # nobody listens
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(partner_editor).post("/fi/oulu/signals/new/", signal_data(area, organization_a))
    assert response.status_code == 302
    assert Signal.objects.count() == 1
    assert "Could not send signal_to_verify" in caplog.text
    assert "ConnectionRefusedError" in caplog.text
    assert not Notification.objects.exists()


def test_nothing_is_sent_when_the_transaction_rolls_back(area, coordinator):
    # Outside captured callbacks, as in a transaction that never commits.
    send_notice([coordinator], area=area, kind="k", key="k", template="news/email/signal_to_verify")
    assert mail.outbox == []


def test_the_recipients_helpers_stay_in_their_area(
    area, coordinator, partner_editor, partner_member, organization_a, outsider_coordinator, outsider_editor
):
    assert list(coordinators_of(area)) == [coordinator]
    assert list(editors_of(organization_a)) == [partner_editor]
    assert set(partners_of(area)) == {coordinator, partner_editor, partner_member}
    partner_editor.is_active = False
    partner_editor.save()
    assert list(editors_of(organization_a)) == []


def test_a_message_in_each_language_has_both_parts(area, partner_editor, organization_a):
    signal = Signal.objects.create(
        area=area,
        kind=Signal.Kind.RECRUITMENT,
        date=date(2026, 10, 14),
        source="Tiedote",
        description="Sairaala & terveyskeskus rekrytoivat <40> hoitajaa.",
        organization=organization_a,
    )
    for language, words in [("fi", "Hei"), ("sv", "Hej"), ("en", "Hello")]:
        partner_editor.language = language
        message = build_message(partner_editor, "news/email/signal_to_verify", {"signal": signal}, area=area)
        html = message.alternatives[0][0]
        assert message.body.startswith(words)
        assert "Sairaala & terveyskeskus rekrytoivat <40> hoitajaa." in message.body  # plain text unescaped
        assert "Sairaala &amp; terveyskeskus rekrytoivat &lt;40&gt; hoitajaa." in html  # HTML escaped
        assert f'<html lang="{language}">' in html
        assert f"http://127.0.0.1:8000/{language}/oulu/signals/{signal.uuid}/" in message.body


def test_site_url_comes_from_the_setting(area, partner_editor, settings):
    settings.SITE_URL = "https://verkko.example.fi"
    message = build_message(partner_editor, "news/email/indicator_status", _indicator_context(area), area=area)
    assert "https://verkko.example.fi/fi/oulu/indicators/mittari/" in message.body


def _indicator_context(area):
    from verkko.goals.models import Indicator

    indicator = Indicator.objects.create(area=area, slug="mittari", name="Mittari")
    return {"indicator": indicator, "previous_status": "hyvä", "status": "huono", "period": None}
