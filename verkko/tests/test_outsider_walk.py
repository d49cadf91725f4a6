"""Every address of the area, opened by the outsiders of another area, shows nothing partner-only.

The walk fills each URL pattern's parameters with the keys of partner-only objects of the area
(marked SALAINEN in their names and texts), opens every address as each outsider, and reads
the answer as a person would: the page, the CSV, the spreadsheet's cells and the PDF's text.
A partner of the area walks the same addresses and must meet the marker, so the walk can fail.
"""

import datetime
import io
import itertools
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver
from django.utils import timezone

from conftest import OUTSIDERS
from verkko.areas import area_reverse, urlconf_for
from verkko.ecosystem.models import Decision, Forum, Meeting, Person, Visibility
from verkko.goals.models import Action, Goal, Indicator, IndicatorValue, Milestone, Target
from verkko.processes.models import (
    Agreement,
    AgreementDocument,
    Commitment,
    ModelVersion,
    Process,
    ProcessStep,
    Service,
)
from verkko.situation.models import Review, Signal
from verkko.stats.models import Source
from verkko.survey.models import Participant, Response, SurveyRound

MARKER = "SALAINEN"
# The API (its area is in its own path) has its own outsider tests in verkko/api/tests.
SKIPPED_NAMESPACES = {"admin", "api"}
SKIPPED_NAMES = {"legacy", "accounts:logout"}


@pytest.fixture
def partner_only(area, organization_a, partner_editor, coordinator, settings, tmp_path):
    """One partner-only object of every kind the area holds, each carrying the marker."""
    settings.MEDIA_ROOT = tmp_path
    forum = Forum.objects.create(
        area=area,
        slug="salainen-foorumi",
        name=f"{MARKER} foorumi",
        level="operational",
        visibility=Visibility.PARTNERS,
    )
    meeting = Meeting.objects.create(
        forum=forum, starts_at=timezone.now() - datetime.timedelta(days=3), place=f"{MARKER} paikka", agenda=MARKER
    )
    decision = Decision.objects.create(
        meeting=meeting, text=f"{MARKER} päätös", responsible_organization=organization_a
    )
    person = Person.objects.create(
        organization=organization_a, first_name=MARKER, last_name="Henkilö", email="salainen@example.org"
    )
    indicator = Indicator.objects.create(
        area=area, slug="salainen-mittari", name=f"{MARKER} mittari", source=Indicator.Source.MANUAL, frequency="M"
    )
    IndicatorValue.objects.create(indicator=indicator, period=datetime.date(2026, 10, 1), value=12.0)
    Target.objects.create(indicator=indicator, period=datetime.date(2027, 12, 1), value=10.0)
    goal = Goal.objects.create(
        area=area,
        slug="salainen-tavoite",
        title=f"{MARKER} tavoite",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        visibility=Visibility.PARTNERS,
    )
    goal.indicators.add(indicator)
    action = Action.objects.create(title=f"{MARKER} toimenpide", lead_organization=organization_a)
    action.goals.add(goal)
    milestone = Milestone.objects.create(action=action, title=f"{MARKER} välitavoite", due_on=datetime.date(2027, 1, 1))
    signal = Signal.objects.create(
        area=area,
        kind=Signal.Kind.values[0],
        date=datetime.date(2026, 11, 10),
        description=f"{MARKER} signaali",
        visibility=Visibility.PARTNERS,
        status=Signal.Status.VERIFIED,
        organization=organization_a,
        reporter=partner_editor,
    )
    review = Review.objects.create(
        area=area,
        month=datetime.date(2026, 11, 1),
        **{
            f"{field}_{language}": f"{MARKER} katsaus" for field in ("title", "text") for language in ("fi", "sv", "en")
        },
    )
    source = Source.objects.create(area=area, table_id="12r5", title=f"{MARKER} lähde")
    survey_round = SurveyRound.objects.create(
        area=area, title=f"{MARKER} kysely", opens_on=timezone.localdate(), closes_on=timezone.localdate()
    )
    for organization in (organization_a, coordinator.memberships.get().organization):
        Participant.objects.create(round=survey_round, organization=organization)
    Response.objects.create(
        round=survey_round, organization=organization_a, status=Response.Status.SUBMITTED, comments=MARKER
    )
    process = Process.objects.create(
        area=area, slug="salainen-prosessi", name=f"{MARKER} prosessi", visibility=Visibility.PARTNERS
    )
    process.goals.add(goal)
    process.forums.add(forum)
    ProcessStep.objects.create(process=process, number=1, title=f"{MARKER} vaihe", responsible=organization_a)
    service = Service.objects.create(
        area=area, organization=organization_a, name="Julkinen palvelu", contact_person=person
    )
    agreement = Agreement.objects.create(
        area=area, title=f"{MARKER} sopimus", starts_on=datetime.date(2026, 1, 1), visibility=Visibility.PARTNERS
    )
    agreement.parties.add(organization_a)
    document = AgreementDocument.objects.create(
        agreement=agreement, title=f"{MARKER} liite", file=SimpleUploadedFile("liite.txt", MARKER.encode())
    )
    commitment = Commitment.objects.create(
        agreement=agreement,
        organization=organization_a,
        kind=Commitment.Kind.IN_KIND,
        description=f"{MARKER} panos",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    Commitment.objects.create(
        action=action,
        organization=organization_a,
        kind=Commitment.Kind.IN_KIND,
        description=f"{MARKER} toimenpiteen panos",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    version = ModelVersion.objects.create(
        area=area, title=f"{MARKER} versio", adopted_on=datetime.date(2026, 1, 1), content={"forums": []}
    )
    return {
        "slug": [forum.slug, organization_a.slug],
        "uuid": [meeting.uuid, decision.uuid, person.uuid],
        "key": [goal.slug, indicator.slug, action.uuid],
        "decision": [decision.uuid],
        "signal_uuid": [signal.uuid],
        "review_uuid": [review.uuid],
        "pk": [source.pk],
        "milestone": [milestone.pk],
        "code": ["564"],
        "period": ["2026M11", "2026-11"],
        "kind": ["organisations", "people", "forums", "trend", "seasonal", "municipalities", "areas"]
        + ["answers", "ties", "metrics", "network"],
        "file_format": ["csv", "xlsx", "graphml", "gexf", "kumu"],
        "round_uuid": [survey_round.uuid],
        # The site's own pages with a signed token in the address (password reset, invitations).
        "token": ["ei-kelpaa"],
        "uidb64": ["MQ"],
        # The processes app's pages.
        "process": [process.slug],
        "step": [1],
        "service": [service.uuid],
        "agreement": [agreement.uuid],
        "document": [document.uuid],
        "commitment": [commitment.uuid],
        "version": [version.uuid],
    }


def _named_patterns(patterns, namespace=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespace, entry.namespace) if entry.namespace else namespace
            if not SKIPPED_NAMESPACES & set(inner):
                yield from _named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join((*namespace, entry.name)), entry


def _parameters(pattern):
    return sorted(set(pattern.pattern.regex.groupindex) | set(getattr(pattern.pattern, "converters", {})))


def area_addresses(area, values):
    """Every GET address of the area's URLconf that the values fill."""
    addresses = set()
    for name, pattern in _named_patterns(get_resolver(urlconf_for(area.slug)).url_patterns):
        if name in SKIPPED_NAMES:
            continue
        parameters = _parameters(pattern)
        if any(parameter not in values for parameter in parameters):
            raise AssertionError(f"The walk does not know how to fill {parameters} of {name}: add them to the fixture.")
        for combination in itertools.product(*(values[parameter] for parameter in parameters)):
            try:
                addresses.add(area_reverse(area, name, kwargs=dict(zip(parameters, combination, strict=True))))
            except NoReverseMatch:
                continue
    return sorted(addresses)


def readable_text(response):
    """What a person reads in the answer: the page, a CSV, a spreadsheet's cells or a PDF's text."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    if "pdf" in kind:
        return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    return content.decode("utf-8", errors="replace")


def _walk(client, addresses):
    found = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code < 500, f"{address} answered {response.status_code}"
        if response.status_code == 200 and MARKER in readable_text(response):
            found[address] = response.status_code
    return found


pdftotext = pytest.mark.skipif(
    not Path("/usr/bin/pdftotext").exists(), reason="pdftotext (poppler-utils) reads the PDF reports"
)


@pdftotext
@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_no_address_of_the_area_shows_an_outsider_anything_partner_only(
    request, outsider, area, partner_only, client_for
):
    addresses = area_addresses(area, partner_only)
    assert len(addresses) > 60, "the walk lost most of the area's addresses"
    leaks = _walk(client_for(request.getfixturevalue(outsider)), addresses)
    assert not leaks, f"{outsider} sees partner-only content at {sorted(leaks)}"


@pdftotext
def test_a_partner_of_the_area_meets_the_partner_only_content_on_the_same_walk(
    area, partner_only, client_for, partner_member
):
    found = _walk(client_for(partner_member), area_addresses(area, partner_only))
    expected = [
        r"/ecosystem/forums/salainen-foorumi/$",
        r"/goals/salainen-tavoite/$",
        r"/signals/[-0-9a-f]+/$",
        r"/survey/rounds/[-0-9a-f]+/$",
        r"/processes/salainen-prosessi/$",
        r"/agreements/[-0-9a-f]+/$",
        r"/agreements/documents/[-0-9a-f]+/$",
        r"/collaboration-model/versions/[-0-9a-f]+/$",
        r"/collaboration-model/$",
        r"/commitments/$",
    ]
    for pattern in expected:
        assert any(re.search(pattern, address) for address in found), f"a partner should see {pattern}"
