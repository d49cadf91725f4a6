"""Accounts fixtures: invitations made through the action, and the link read back from the e-mail."""

import re

import pytest
from django.utils import translation

from conftest import OUTSIDERS
from verkko.accounts import actions
from verkko.accounts.models import Membership

LINK = re.compile(r"https?://[^\s\"<>]+/accounts/invitations/[^/\s\"<>]+/")
# Who manages people in the area, and who does not (signed in but no say here).
MANAGERS = ["coordinator", "partner_editor"]
NON_MANAGERS = ["partner_member", *OUTSIDERS]
OUTSIDERS_AND_PARTNERS = ["coordinator", "partner_editor", "partner_member", *OUTSIDERS]


@pytest.fixture(autouse=True)
def finnish():
    """Actions called outside a request speak Finnish (a request to /sv/ leaves Swedish active in the thread)."""
    with translation.override("fi"):
        yield


@pytest.fixture
def as_user(request, client_for):
    """as_user("partner_editor") is a client signed in as that fixture's user; "public" is anonymous."""

    def make(name):
        return client_for(None if name == "public" else request.getfixturevalue(name))

    return make


def link_path(message):
    """The path of the invitation link in an e-mail (the site's address cut off)."""
    url = LINK.search(message.body).group(0)
    return "/" + url.split("/", 3)[3]


@pytest.fixture
def invite(coordinator):
    """invite(email, organization, role="member", by=coordinator) sends an invitation through the action."""

    def make(email, organization, role=Membership.Role.MEMBER, by=None):
        return actions.invite(by or coordinator, organization, email, role)

    return make


@pytest.fixture
def invitation(invite, organization_a, mailoutbox):
    return invite("uusi@example.com", organization_a)
