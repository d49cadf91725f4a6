"""E-mail Verkko sends: one templated message per user, in the user's language (``User.language``),
with a plain-text and an HTML part and absolute links (``settings.SITE_URL``).

A template name ``news/email/digest`` stands for three files: ``digest_subject.txt``, ``digest.txt``
and ``digest.html``. They render in the user's language and, when an area is given, in the area's
addresses, so ``{% url %}`` gives that area's paths; prefix them with ``{{ site_url }}``.

Mail goes through Django's e-mail backend (the console locally, SMTP in production).
``send_notice`` sends the e-mail that asks for action at once, after the transaction that caused
it commits; ``notice_sent`` tells listeners (the news app records it) what went to whom.
"""

import logging
from contextlib import nullcontext

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import translation

from verkko.areas import use_area

logger = logging.getLogger(__name__)

# Sent with user, area, kind and key after an e-mail of send_notice went out.
notice_sent = Signal()


def absolute_url(path):
    """The site's address for a path (``/fi/oulu/…``); full addresses pass unchanged."""
    return f"{settings.SITE_URL}{path}" if path.startswith("/") else path


def language_of(user):
    languages = {code for code, _name in settings.LANGUAGES}
    return user.language if getattr(user, "language", None) in languages else settings.LANGUAGE_CODE


def build_message(user, template, context=None, *, area=None, headers=None, connection=None):
    """The e-mail to one user from a template, in the user's language, with text and HTML parts."""
    with translation.override(language_of(user)), use_area(area) if area is not None else nullcontext():
        full_context = {"user": user, "area": area, "site_url": settings.SITE_URL, **(context or {})}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        text = render_to_string(f"{template}.txt", full_context)
        html = render_to_string(f"{template}.html", full_context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[user.email],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language_of(user), **(headers or {})},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def send_templated_mail(user, template, context=None, *, area=None, headers=None, connection=None):
    """Sends one e-mail from a template to one user; returns how many were sent (1 or 0)."""
    return build_message(user, template, context, area=area, headers=headers, connection=connection).send()


def send_notice(users, *, area, kind, key, template, context=None):
    """E-mail that asks for action, to each of the users, once the current transaction commits.

    A failure to send is logged and does not undo the work that caused the e-mail.
    """
    recipients = [user for user in users if user.email]

    def send():
        for user in recipients:
            try:
                send_templated_mail(user, template, context, area=area)
            except Exception:
                logger.exception("Could not send %s %s to %s", kind, key, user.email)
                continue
            notice_sent.send(sender=None, user=user, area=area, kind=kind, key=key)

    transaction.on_commit(send)
