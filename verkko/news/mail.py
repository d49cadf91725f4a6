"""E-mail of the news app: what was sent at once is recorded as a Notification, and a reminder
goes to each user once (claimed by the Notification's unique user/kind/key before it is sent)."""

import logging

from django.db import IntegrityError, transaction
from django.dispatch import receiver

from verkko.lib.mail import notice_sent, send_templated_mail
from verkko.news.models import Notification

logger = logging.getLogger(__name__)


@receiver(notice_sent, dispatch_uid="verkko.news.mail.record_notice")
def record_notice(sender, user, area, kind, key, **kwargs):
    """Every e-mail sent at once (a signal to verify, an action from a decision) is recorded."""
    Notification.objects.get_or_create(user=user, kind=kind, key=key, defaults={"area": area})


def send_once(user, area, kind, key, template, context=None, *, headers=None, connection=None):
    """Sends the e-mail unless the user already had this kind for this key; True when it was sent.

    The Notification is claimed first, so that two runs at the same time send it once; when
    sending fails the claim is dropped, so that the next run tries again.
    """
    try:
        with transaction.atomic():
            notification = Notification.objects.create(user=user, area=area, kind=kind, key=key)
    except IntegrityError:
        return False
    try:
        send_templated_mail(user, template, context, area=area, headers=headers, connection=connection)
    except Exception:
        notification.delete()
        logger.exception("Could not send %s %s to %s", kind, key, user.email)
        return False
    return True
