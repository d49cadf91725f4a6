"""End to end: ``send_digests`` through Django's SMTP backend to a local SMTP server (aiosmtpd), and
the message that arrived, read with Python's email package."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from verkko.news.models import Audience, Digest, NewsItem
from verkko.news.tests.mail_data import week  # noqa: F401


class Collect:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = False, "", ""
    settings.DEFAULT_FROM_EMAIL = "verkko@example.fi"
    settings.SITE_URL = "https://verkko.example.fi"
    yield handler
    controller.stop()


def test_a_digest_arrives_by_smtp_readable_in_finnish(smtp_server, area, partner_member, week):  # noqa: F811
    NewsItem.objects.create(
        area=area,
        title="Kumppaneille: uusi rahoitushaku & työpajat",
        body="…",
        audience=Audience.PARTNERS,
        publish_at=week.at(2),
    )
    call_command("send_digests")
    call_command("send_digests")  # a second run sends nothing more

    assert len(smtp_server.received) == 1
    envelope = smtp_server.received[0]
    assert envelope.mail_from == "verkko@example.fi"
    assert envelope.rcpt_tos == ["member@example.com"]
    message = message_from_bytes(envelope.original_content, policy=policy.default)
    assert message["To"] == "member@example.com"
    assert message["Subject"].strip().startswith("Viikkokooste: Oulun työllisyysalue, ")
    assert message["Content-Language"] == "fi"
    assert message["Auto-Submitted"] == "auto-generated"
    unsubscribe = message["List-Unsubscribe"].strip()  # folded after the name: the address is long
    assert unsubscribe.startswith("<https://verkko.example.fi/fi/oulu/news/unsubscribe/")
    assert unsubscribe.endswith("/>")
    assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"

    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert text.startswith("Hei member@example.com,")
    assert "== Uutiset (1) ==" in text
    assert "Kumppaneille: uusi rahoitushaku & työpajat" in text
    assert "Miksi: Kaikille kumppaneille: Oulun työllisyysalue." in text
    assert unsubscribe.strip("<>") in text
    assert '<html lang="fi">' in html
    assert "Kumppaneille: uusi rahoitushaku &amp; työpajat" in html
    assert f'href="{unsubscribe.strip("<>")}"' in html
    assert Digest.objects.get().sent_at is not None
