"""The access matrix: every address of an area, every role, every method, one stated answer each.

The addresses come from the URL configuration (verkko.tests.urlwalk), so a new view fails this
test until RULES states who gets what from it. Every role opens every address with GET, HEAD,
POST (an empty body: bad input), PUT and DELETE. A POST never answers 5xx, and a refused one
(anything but a redirect after success) changes no row of the database; every POST is rolled
back afterwards, so that one role's successful post does not change what the next role sees.
"""

import datetime
import json
import os

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.accounts.models import Invitation
from verkko.areas import area_reverse
from verkko.ecosystem.models import MeetingAttachment
from verkko.news.models import Audience, Event, NewsAttachment, NewsItem
from verkko.tests.urlwalk import area_patterns, parameters

ROLES = ("public", "partner_member", "partner_editor", "editor_b", "coordinator", *OUTSIDERS)
METHODS = ("GET", "HEAD", "PUT", "DELETE", "POST")
# Rows that any request may write: the session, the sign-in throttle's records.
UNCOUNTED_TABLES = {"django_session", "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog"}
# EXPECTED_ANSWERS=<file> writes the answers met, in the shape of RULES, for reading a new view's.
DUMP = os.environ.get("EXPECTED_ANSWERS")


def who(public, member, editor, editor_b, coordinator, outsider):
    """The answer of each role; the three outsiders of another area answer alike."""
    answers = {
        "public": public,
        "partner_member": member,
        "partner_editor": editor,
        "editor_b": editor_b,
        "coordinator": coordinator,
    }
    return answers | dict.fromkeys(OUTSIDERS, outsider)


def everyone(status):
    return who(status, status, status, status, status, status)


# Shorthands: everyone reads it; partners of the area read it (a partner-only object: the public is
# asked to sign in, the outsiders are not told it exists). GET as stated, HEAD as GET, POST, PUT and
# DELETE 405.
PUBLIC = everyone(200)
PARTNERS = who(302, 200, 200, 200, 200, 404)
PUBLIC_READ = {"GET": PUBLIC}
PARTNER_READ = {"GET": PARTNERS}

# Every named address of an area: {URL name: {method: who(public, member, editor, editor_b, coordinator,
# outsider)}}. A method left out answers 405 to everyone; "head": False says the view answers GET
# and POST but not HEAD. The objects are partner-only, of organisation A (the editor's and the
# member's), the survey round open, the review unpublished; POST bodies are empty: a 200 or 400 is
# the form again with its errors, a 302 a success or a refusal with a message.
RULES = {
    "healthz": PUBLIC_READ,
    "home": PUBLIC_READ,
    "area_create": {"GET": who(302, 403, 403, 403, 403, 403), "POST": who(302, 403, 403, 403, 403, 403)},
    "accounts:login": {"GET": PUBLIC, "POST": PUBLIC},
    "accounts:logout": {"POST": everyone(302)},
    "api_tokens:create": {
        "GET": who(302, 200, 200, 200, 200, 200),
        "POST": who(302, 200, 200, 200, 200, 200),
        "head": False,
    },
    "api_tokens:revoke": {"POST": who(302, 404, 404, 404, 404, 404)},
    "accounts:profile": {"GET": who(302, 200, 200, 200, 200, 200), "POST": who(302, 200, 200, 200, 200, 200)},
    "accounts:password_change": {"GET": who(302, 200, 200, 200, 200, 200), "POST": who(302, 200, 200, 200, 200, 200)},
    "accounts:invitation": {"GET": everyone(400), "POST": everyone(400)},
    "accounts:password_reset": {"GET": PUBLIC, "POST": PUBLIC},
    "accounts:password_reset_done": PUBLIC_READ,
    "accounts:password_reset_confirm": {"GET": PUBLIC, "POST": PUBLIC},
    "accounts:password_reset_complete": PUBLIC_READ,
    "private_calendar": {"GET": everyone(404)},
    "legacy": {"GET": everyone(301), "POST": everyone(301), "PUT": everyone(301), "DELETE": everyone(301)},
    "area_home": PUBLIC_READ,
    "ecosystem:overview": PUBLIC_READ,
    "ecosystem:who_does_what": PUBLIC_READ,
    "ecosystem:responsibilities": PUBLIC_READ,
    "ecosystem:map": PUBLIC_READ,
    "ecosystem:search": PUBLIC_READ,
    "ecosystem:import": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 200, 403),
        "head": False,
    },
    "ecosystem:import_confirm": {"POST": who(403, 403, 403, 403, 302, 403)},
    "ecosystem:import_template": {"GET": who(403, 403, 403, 403, 200, 403)},
    "ecosystem:export": {"GET": who(403, 403, 403, 403, 200, 403)},
    "ecosystem:organization_create": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 200, 403),
        "head": False,
    },
    "ecosystem:person_edit": {
        "GET": who(302, 403, 200, 403, 200, 404),
        "POST": who(404, 403, 200, 403, 200, 404),
        "head": False,
    },
    "ecosystem:person_erase": {
        "GET": who(302, 403, 200, 403, 200, 404),
        "POST": who(404, 403, 302, 403, 302, 404),
        "head": False,
    },
    "ecosystem:forum_create": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 200, 403),
        "head": False,
    },
    "ecosystem:forum": PARTNER_READ,
    "ecosystem:forum_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "ecosystem:forum_archive": {"POST": who(404, 403, 403, 403, 302, 404)},
    "ecosystem:forum_member_add": {"POST": who(404, 403, 403, 403, 400, 404)},
    "ecosystem:forum_member_remove": {"POST": who(404, 403, 403, 403, 302, 404)},
    "ecosystem:forum_responsibility": {"POST": who(404, 403, 403, 403, 400, 404)},
    "ecosystem:meeting_create": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "ecosystem:meeting": PARTNER_READ,
    "ecosystem:meeting_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "ecosystem:attachment_add": {"POST": who(404, 403, 403, 403, 400, 404)},
    "ecosystem:decision_add": {"POST": who(404, 403, 403, 403, 400, 404)},
    "ecosystem:attachment": PARTNER_READ,
    "ecosystem:attachment_remove": {"POST": who(404, 403, 403, 403, 302, 404)},
    "ecosystem:decision": {"GET": who(302, 302, 302, 302, 302, 404)},
    "ecosystem:decision_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "ecosystem:decision_remove": {"POST": who(404, 403, 403, 403, 302, 404)},
    "ecosystem:organization": PUBLIC_READ,
    "ecosystem:organization_edit": {
        "GET": who(403, 403, 200, 403, 200, 403),
        "POST": who(403, 403, 200, 403, 200, 403),
        "head": False,
    },
    "ecosystem:organization_remove": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 302, 403),
        "head": False,
    },
    "ecosystem:organization_restore": {"POST": who(403, 403, 403, 403, 302, 403)},
    "ecosystem:role_edit": {
        "GET": who(403, 403, 200, 403, 200, 403),
        "POST": who(403, 403, 200, 403, 200, 403),
        "head": False,
    },
    "ecosystem:person_create": {
        "GET": who(403, 403, 200, 403, 200, 403),
        "POST": who(403, 403, 200, 403, 200, 403),
        "head": False,
    },
    "stats:index": {"GET": everyone(302)},
    "stats:source_list": {"GET": who(302, 403, 403, 403, 200, 403)},
    "stats:source_create": {"GET": who(302, 403, 403, 403, 200, 403), "POST": who(302, 403, 403, 403, 200, 403)},
    "stats:source_defaults": {"POST": who(302, 403, 403, 403, 302, 403)},
    "stats:source_detail": {"GET": who(302, 403, 403, 403, 200, 403)},
    "stats:source_edit": {"GET": who(302, 403, 403, 403, 200, 403), "POST": who(302, 403, 403, 403, 200, 403)},
    "stats:source_delete": {"GET": who(302, 403, 403, 403, 200, 403), "POST": who(302, 403, 403, 403, 302, 403)},
    "stats:source_fetch": {"POST": who(302, 403, 403, 403, 302, 403)},
    "goals:monitoring": PUBLIC_READ,
    "goals:goal_create": {
        "GET": who(302, 403, 403, 403, 200, 403),
        "POST": who(302, 403, 403, 403, 200, 403),
        "head": False,
    },
    "goals:goal": PARTNER_READ,
    "goals:goal_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:goal_responsibility": {"POST": who(404, 403, 403, 403, 400, 404)},
    "goals:indicator_create": {
        "GET": who(302, 403, 403, 403, 200, 403),
        "POST": who(302, 403, 403, 403, 200, 403),
        "head": False,
    },
    "goals:indicator": PARTNER_READ,
    "goals:indicator_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:target_add": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:target_delete": {"POST": who(302, 403, 403, 403, 302, 404)},
    "goals:value_add": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:values_import": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:turn_the_curve": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:actions": PUBLIC_READ,
    "goals:action_create": {
        "GET": who(302, 403, 403, 403, 200, 403),
        "POST": who(302, 403, 403, 403, 200, 403),
        "head": False,
    },
    "goals:action_from_decision": {"POST": who(302, 403, 302, 403, 302, 403)},
    "goals:action": PARTNER_READ,
    "goals:action_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:milestone_add": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:milestone_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(302, 403, 403, 403, 200, 404),
        "head": False,
    },
    "goals:milestone_done": {"POST": who(302, 403, 302, 403, 302, 404)},
    "goals:milestone_delete": {"POST": who(302, 403, 403, 403, 302, 404)},
    "goals:check_in": {
        "GET": who(302, 403, 200, 403, 200, 404),
        "POST": who(302, 403, 200, 403, 200, 404),
        "head": False,
    },
    "goals:my_actions": {"GET": who(302, 403, 200, 200, 200, 403)},
    "situation:area": PUBLIC_READ,
    "situation:municipalities": PUBLIC_READ,
    "situation:download": {"GET": everyone(404)},
    "situation:business_download": {"GET": everyone(404)},
    "situation:skills": PUBLIC_READ,
    "situation:skills_download": {"GET": everyone(404)},
    "situation:reviews": PUBLIC_READ,
    "situation:review_create": {"POST": who(403, 403, 403, 403, 404, 403)},
    "situation:review_detail": {"GET": who(302, 404, 404, 404, 200, 404)},
    "situation:review_edit": {"GET": who(302, 404, 404, 404, 200, 404), "POST": who(404, 404, 404, 404, 200, 404)},
    "situation:review_publish": {"POST": who(404, 404, 404, 404, 302, 404)},
    "situation:municipality": PUBLIC_READ,
    "situation:signals": PUBLIC_READ,
    "situation:signal_queue": {"GET": who(302, 403, 403, 403, 200, 403)},
    "situation:signal_download": PUBLIC_READ,
    "situation:signal_create": {"GET": who(302, 403, 200, 200, 200, 403), "POST": who(302, 403, 200, 200, 200, 403)},
    "situation:signal_detail": PARTNER_READ,
    "situation:signal_check": {"POST": who(404, 403, 403, 403, 200, 404)},
    "survey:index": {"GET": who(302, 200, 200, 200, 200, 404)},
    "survey:round_create": {"GET": who(302, 403, 403, 403, 200, 404), "POST": who(302, 403, 403, 403, 200, 404)},
    "survey:health": {"GET": who(302, 403, 403, 403, 200, 404)},
    "survey:round": {"GET": who(302, 200, 200, 200, 200, 404)},
    "survey:round_edit": {"GET": who(302, 403, 403, 403, 200, 404), "POST": who(302, 403, 403, 403, 200, 404)},
    "survey:send_invitations": {"POST": who(302, 403, 403, 403, 302, 404)},
    "survey:results": {"GET": who(302, 200, 200, 200, 200, 404)},
    "survey:export": {"GET": who(302, 403, 403, 403, 200, 404)},
    "survey:answer": {"GET": who(302, 403, 200, 403, 403, 404), "POST": who(302, 403, 200, 403, 403, 404)},
    "survey:answer_partners": {"GET": who(302, 403, 200, 403, 403, 404), "POST": who(302, 403, 302, 403, 403, 404)},
    "survey:link": {"GET": everyone(404), "POST": everyone(404)},
    "survey:link_partners": {"GET": everyone(404), "POST": everyone(404)},
    "processes:processes": PUBLIC_READ,
    "processes:process_create": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 200, 403),
        "head": False,
    },
    "processes:process": PARTNER_READ,
    "processes:process_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "processes:step_add": {"POST": who(404, 403, 403, 403, 400, 404)},
    "processes:step_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "processes:step_remove": {"POST": who(404, 403, 403, 403, 302, 404)},
    "processes:process_responsibility": {"POST": who(404, 403, 403, 403, 400, 404)},
    "processes:services": PUBLIC_READ,
    "processes:service_create": {
        "GET": who(403, 403, 200, 200, 200, 403),
        "POST": who(403, 403, 200, 200, 200, 403),
        "head": False,
    },
    "processes:service_import": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 200, 403),
        "head": False,
    },
    "processes:service": PUBLIC_READ,
    "processes:service_edit": {
        "GET": who(403, 403, 200, 403, 200, 403),
        "POST": who(403, 403, 200, 403, 200, 403),
        "head": False,
    },
    "processes:agreements": PUBLIC_READ,
    "processes:agreement_create": {
        "GET": who(403, 403, 403, 403, 200, 403),
        "POST": who(403, 403, 403, 403, 200, 403),
        "head": False,
    },
    "processes:agreement": PARTNER_READ,
    "processes:agreement_edit": {
        "GET": who(302, 403, 403, 403, 200, 404),
        "POST": who(404, 403, 403, 403, 200, 404),
        "head": False,
    },
    "processes:document_add": {"POST": who(404, 403, 403, 403, 400, 404)},
    "processes:agreement_commitment_add": {"POST": who(404, 403, 403, 403, 400, 404)},
    "processes:document": PARTNER_READ,
    "processes:commitments": PUBLIC_READ,
    "processes:action_commitment_add": {"POST": who(403, 403, 403, 403, 400, 403)},
    "processes:commitment_remove": {"POST": who(404, 403, 403, 403, 302, 404)},
    "processes:model": PUBLIC_READ,
    "processes:model_pdf": PUBLIC_READ,
    "processes:version_adopt": {"POST": who(403, 403, 403, 403, 400, 403)},
    "processes:version_compare": {"GET": who(404, 400, 400, 400, 400, 404)},
    "processes:version": PARTNER_READ,
    "reports:index": PUBLIC_READ,
    "reports:monitoring": PUBLIC_READ,
    "reports:monitoring_pdf": PUBLIC_READ,
    "reports:monitoring_xlsx": PUBLIC_READ,
    "reports:publish": {"POST": who(302, 403, 403, 403, 302, 403)},
    "news:start": {"GET": who(302, 200, 200, 200, 200, 200)},
    "news:whats_new": {"GET": who(302, 200, 200, 200, 200, 200)},
    "news:follow": {"POST": who(302, 400, 400, 400, 400, 404)},
    "news:list": PUBLIC_READ,
    "news:feed": PUBLIC_READ,
    "news:create": {"GET": who(302, 403, 200, 200, 200, 403), "POST": who(302, 403, 400, 400, 400, 403), "head": False},
    "news:detail": PARTNER_READ,
    "news:edit": {"GET": who(302, 403, 200, 403, 200, 404), "POST": who(302, 403, 400, 403, 400, 404), "head": False},
    "news:delete": {"GET": who(302, 403, 200, 403, 200, 404), "POST": who(302, 403, 302, 403, 302, 404), "head": False},
    "news:attachment_add": {"POST": who(302, 403, 400, 403, 400, 404)},
    "news:attachment": PARTNER_READ,
    "news:attachment_remove": {"POST": who(302, 403, 302, 403, 302, 404)},
    "news:events": PUBLIC_READ,
    "news:events_ics": PUBLIC_READ,
    "news:event_create": {
        "GET": who(302, 403, 200, 200, 200, 403),
        "POST": who(302, 403, 400, 400, 400, 403),
        "head": False,
    },
    "news:calendar": {"GET": who(302, 200, 200, 200, 200, 200), "POST": everyone(302), "head": False},
    "news:event": PARTNER_READ,
    "news:event_edit": {
        "GET": who(302, 403, 200, 403, 200, 404),
        "POST": who(302, 403, 400, 403, 400, 404),
        "head": False,
    },
    "news:event_cancel": {"POST": who(302, 403, 302, 403, 302, 404)},
    "news:event_sign_up": {"POST": who(302, 302, 302, 302, 302, 404)},
    "news:event_sign_up_cancel": {"POST": who(302, 302, 302, 302, 302, 404)},
    "news:digest_settings": {
        "GET": who(302, 200, 200, 200, 200, 403),
        "POST": who(302, 200, 200, 200, 200, 403),
        "HEAD": who(302, 405, 405, 405, 405, 405),
        "PUT": who(302, 405, 405, 405, 405, 405),
        "DELETE": who(302, 405, 405, 405, 405, 405),
    },
    "news:unsubscribe": {"GET": everyone(404), "POST": everyone(404), "head": False},
    "people:list": {"GET": who(302, 403, 200, 200, 200, 403)},
    "people:invite": {"POST": who(302, 403, 400, 400, 400, 403)},
    "people:change_role": {"POST": who(302, 403, 302, 302, 302, 403)},
    "people:remove_membership": {"GET": who(302, 403, 200, 403, 200, 403), "POST": who(302, 403, 302, 403, 302, 403)},
    "people:resend_invitation": {"POST": who(302, 403, 302, 403, 302, 403)},
    "people:cancel_invitation": {"POST": who(302, 403, 302, 403, 302, 403)},
}


def rule_for(name):
    """RULES[name], with HEAD as GET where the view answers GET and HEAD, and 405 for the rest."""
    stated = RULES[name]
    methods = {method: stated.get(method, everyone(405)) for method in METHODS}
    if stated.get("head", True) and "GET" in stated and "HEAD" not in stated:
        methods["HEAD"] = stated["GET"]
    return methods


@pytest.fixture
def matrix_objects(partner_only_by_name, area, organization_a, partner_editor, partner_member):
    """The walk's partner-only objects, and the few more the area's addresses take."""
    news_item = NewsItem.objects.create(
        area=area,
        title="Kumppaneiden uutinen",
        body="Teksti",
        audience=Audience.PARTNERS,
        author_organization=organization_a,
        publish_at=timezone.now() - datetime.timedelta(days=1),
        created_by=partner_editor,
    )
    starts = timezone.now() + datetime.timedelta(days=10)
    event = Event.objects.create(
        area=area,
        title="Kumppaneiden tapahtuma",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        audience=Audience.PARTNERS,
        organizer=organization_a,
        signup_enabled=True,
        created_by=partner_editor,
    )
    invitation = Invitation.objects.create(
        email="kutsuttu@example.org",
        organization=organization_a,
        invited_by=partner_editor,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    file = SimpleUploadedFile("liite.txt", b"liite")
    return partner_only_by_name | {
        "news_item": news_item,
        "news_attachment": NewsAttachment.objects.create(news_item=news_item, title="Liite", file=file),
        "event": event,
        "meeting_attachment": MeetingAttachment.objects.create(
            meeting=partner_only_by_name["meeting"], title="Liite", file=SimpleUploadedFile("m.txt", b"m")
        ),
        "invitation": invitation,
        "membership": partner_member.memberships.get(),
    }


def _kwargs(name, names, objects):
    """The parameters of one address, filled with the objects its view is about."""
    app, _, view = name.partition(":")
    uuid_of = {
        "ecosystem": "meeting",
        "news": "event" if view.startswith("event") else "news_item",
        "people": "invitation",
    }.get(app)
    if name in ("ecosystem:attachment", "ecosystem:attachment_remove"):
        uuid_of = "meeting_attachment"
    elif name in ("news:attachment", "news:attachment_remove"):
        uuid_of = "news_attachment"
    elif view.startswith("decision") and view != "decision_add":
        uuid_of = "decision"
    elif view.startswith("person_"):
        uuid_of = "person"
    key_of = "action" if view.startswith(("action", "milestone", "check_in")) else "goal"
    if view.startswith(("indicator", "target", "value", "turn_the_curve")):
        key_of = "indicator"
    organization_slug = app == "survey" or view.startswith(("organization", "role", "person"))
    kind, file_format = {
        "ecosystem:import_template": ("organisations", "csv"),
        "ecosystem:export": ("organisations", "csv"),
        "situation:download": ("trend", "csv"),
        "situation:business_download": ("population", "csv"),
        "survey:export": ("answers", "csv"),
        "news:follow": ("forum", None),
    }.get(name, (None, "csv"))
    values = {
        "slug": objects["organization" if organization_slug else "forum"].slug,
        "uuid": objects[uuid_of].uuid if uuid_of else None,
        "key": objects["forum"].slug if name == "news:follow" else getattr(objects[key_of], "slug", None),
        "decision": objects["decision"].uuid,
        "signal_uuid": objects["signal"].uuid,
        "review_uuid": objects["review"].uuid,
        "pk": objects["membership" if app == "people" else "source"].pk,
        "milestone": objects["milestone"].pk,
        "code": "564",
        "period": "2027M12" if name == "goals:target_delete" else "2026M11",
        "kind": kind,
        "topic": kind,
        "file_format": file_format,
        "round_uuid": objects["survey_round"].uuid,
        "token": "ei-kelpaa",
        "uidb64": "MQ",
        "rest": "situation/",
        "process": objects["process"].slug,
        "step": objects["step"].number,
        "service": objects["service"].uuid,
        "agreement": objects["agreement"].uuid,
        "document": objects["document"].uuid,
        "commitment": objects["commitment"].uuid,
        "version": objects["version"].uuid,
    }
    if key_of == "action" and "key" in names:
        values["key"] = objects["action"].uuid
    return {parameter: values[parameter] for parameter in names}


def _table_counts():
    """The number of rows of every table of the project's models (one query)."""
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)} - UNCOUNTED_TABLES)
    quote = connection.ops.quote_name
    select = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _ask(client, method, address):
    if method != "POST":
        return client.generic(method, address).status_code, None
    with transaction.atomic():
        before = _table_counts()
        status = client.post(address, {}).status_code
        changed = {
            table: (count, after)
            for (table, count), after in zip(before.items(), _table_counts().values(), strict=True)
            if count != after
        }
        transaction.set_rollback(True)
    return status, changed


def test_every_address_answers_every_role_and_method_as_stated(request, area, matrix_objects):
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if role != "public":
            clients[role].force_login(request.getfixturevalue(role))
    patterns = area_patterns(area)
    unstated = sorted(set(patterns) - set(RULES))
    addresses = {
        name: area_reverse(area, name, kwargs=_kwargs(name, parameters(pattern), matrix_objects))
        for name, pattern in patterns.items()
    }
    met, wrong, server_errors, changes = {}, [], [], []
    # The posts last: a successful one may remove a file, which no rollback brings back.
    for method in METHODS:
        for name, address in addresses.items():
            for role in ROLES:
                status, changed = _ask(clients[role], method, address)
                met.setdefault(name, {}).setdefault(method, {})[role] = status
                if status >= 500:
                    server_errors.append(f"{method} {address} as {role}: {status}")
                if changed and status not in (301, 302, 303):
                    changes.append(f"refused POST {address} as {role} ({status}) changed {changed}")
                if name in RULES and rule_for(name)[method][role] != status:
                    wrong.append(f"{name} {method} as {role}: expected {rule_for(name)[method][role]}, got {status}")
            if name == "accounts:logout":
                for role in ROLES[1:]:
                    clients[role].force_login(request.getfixturevalue(role))
    if DUMP:
        with open(DUMP, "w") as dump:
            json.dump(met, dump, indent=1)
    assert not server_errors, "server errors:\n" + "\n".join(server_errors)
    assert not changes, "\n".join(changes)
    assert not unstated, f"state the expected answers of these addresses in RULES: {unstated}"
    assert not wrong, f"{len(wrong)} answers differ from RULES:\n" + "\n".join(wrong)
