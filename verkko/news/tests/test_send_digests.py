"""``send_digests`` sends each due digest exactly once: twice in a row, after a crash, at the same time."""

import threading
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from verkko.news import digests
from verkko.news.digests import Frequency, period_of, send_digests
from verkko.news.models import Audience, Digest, NewsItem, Reading
from verkko.news.tests.mail_data import week  # noqa: F401


@pytest.fixture
def news_of_the_week(area, week):  # noqa: F811
    return NewsItem.objects.create(
        area=area, title="Kumppaneille: uusi rahoitushaku", body="…", audience=Audience.PARTNERS, publish_at=week.at(2)
    )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_each_partner_gets_the_weekly_digest_once(partner_member, partner_editor, coordinator, news_of_the_week, week):  # noqa: F811
    first = send_digests()
    assert first.sent == 3
    assert recipients() == ["coordinator@example.com", "editor@example.com", "member@example.com"]
    second = send_digests()
    assert second.sent == 0
    assert second.skipped == 3
    assert len(mail.outbox) == 3
    digest = Digest.objects.get(user=partner_member)
    assert digest.sent_at is not None
    assert digest.item_count == 1
    assert digest.frequency == Frequency.WEEKLY
    assert (digest.period_start, digest.period_end) == (week.start, week.end)


def test_outsiders_and_the_public_get_none(outsider_member, news_of_the_week, week):  # noqa: F811
    send_digests()
    # The outsider's own area has nothing new: their digest there is empty and not sent.
    assert mail.outbox == []
    assert Digest.objects.get(user=outsider_member).empty


def test_never_and_monthly_are_respected(area, partner_member, partner_editor, news_of_the_week, week):  # noqa: F811
    Reading.objects.create(user=partner_member, area=area, digest_frequency=Frequency.NEVER)
    Reading.objects.create(user=partner_editor, area=area, digest_frequency=Frequency.MONTHLY)
    send_digests(frequencies=(Frequency.WEEKLY,))
    assert mail.outbox == []
    assert not Digest.objects.exists()
    send_digests()
    digest = Digest.objects.get()
    assert digest.user == partner_editor
    assert digest.frequency == Frequency.MONTHLY
    assert (digest.period_start, digest.period_end) == period_of(Frequency.MONTHLY, timezone.now())


def test_an_empty_digest_is_recorded_and_not_sent(partner_member):
    run = send_digests()
    assert (run.sent, run.empty) == (0, 1)
    digest = Digest.objects.get()
    assert digest.empty
    assert digest.sent_at is None
    assert digest.item_count == 0
    assert send_digests().skipped == 1  # not tried again
    assert mail.outbox == []


def test_a_crash_after_claiming_is_retried_once_by_a_later_run(partner_member, news_of_the_week, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(digests, "send_digest", crash)
    with pytest.raises(KeyboardInterrupt):
        send_digests()
    monkeypatch.undo()
    assert Digest.objects.get().sent_at is None
    # Right away the claim still counts as another run's: nothing is sent twice.
    assert send_digests().skipped == 1
    assert mail.outbox == []
    # After a while the claim is stale and the next run sends it, once.
    Digest.objects.update(claimed_at=timezone.now() - digests.STALE_CLAIM_AFTER - timedelta(seconds=1))
    assert send_digests().sent == 1
    assert send_digests().sent == 0
    assert recipients() == ["member@example.com"]


def test_a_failure_to_send_is_retried_later(partner_member, news_of_the_week, monkeypatch, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False
    assert send_digests().failed == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Digest.objects.update(claimed_at=timezone.now() - digests.STALE_CLAIM_AFTER - timedelta(seconds=1))
    assert send_digests().sent == 1
    assert len(mail.outbox) == 1


def test_the_message_has_both_parts_and_the_unsubscribe_headers(partner_member, news_of_the_week):
    send_digests()
    message = mail.outbox[0]
    assert message.subject.startswith("Viikkokooste: Oulun työllisyysalue")
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://127.0.0.1:8000/fi/oulu/news/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parsed = message_from_bytes(message.message().as_bytes())
    types = [part.get_content_type() for part in parsed.walk() if not part.is_multipart()]
    assert types == ["text/plain", "text/html"]
    assert "Kumppaneille: uusi rahoitushaku" in message.body
    assert unsubscribe.strip("<>") in message.body
    assert "http://127.0.0.1:8000/fi/oulu/news/digest/" in message.body


def test_the_command_reports_what_it_did(partner_member, news_of_the_week, capsys):
    call_command("send_digests", "--frequency", "weekly")
    assert "Digests sent: 1" in capsys.readouterr().out
    call_command("send_digests")
    assert "Digests sent: 0" in capsys.readouterr().out
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database refuses concurrent writers (test_send_digests_processes.py runs "
    "the race on an SQLite file instead)",
)
def test_two_threads_at_the_same_time_send_once(partner_member, partner_editor, news_of_the_week, monkeypatch):
    barrier = threading.Barrier(2, timeout=10)
    original_claim = digests.claim

    def claim_together(*args, **kwargs):
        barrier.wait()  # both runs have found the same digests due before either claims one
        return original_claim(*args, **kwargs)

    monkeypatch.setattr(digests, "claim", claim_together)
    runs, errors = [], []

    def run():
        try:
            runs.append(send_digests())
        except Exception as error:  # pragma: no cover - shown in the assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sum(run.sent for run in runs) == 2
    assert sum(run.skipped for run in runs) == 2
    assert recipients() == ["editor@example.com", "member@example.com"]
    assert Digest.objects.filter(sent_at__isnull=False).count() == 2
