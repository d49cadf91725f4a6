"""Walking every address of an area: the URL patterns, their parameters and objects to fill them.

Shared by the outsider walk (test_outsider_walk.py) and the access matrix (test_access_matrix.py).
``partner_only_objects`` makes one partner-only object of every kind the area holds, each carrying
the marker SALAINEN; ``walk_values`` maps every URL parameter name to the values that fill it.
"""

import datetime
import io
import itertools
import subprocess

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver
from django.utils import timezone

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
# Not walked: the legacy redirects take any rest of an address; signing out ends the walker's session.
SKIPPED_NAMES = {"legacy", "accounts:logout"}


def partner_only_objects(area, organization_a, partner_editor, coordinator):
    """One partner-only object of every kind the area holds, each carrying the marker, by name."""
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
    target = Target.objects.create(indicator=indicator, period=datetime.date(2027, 12, 1), value=10.0)
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
    source = Source.objects.create(area_id=area.pk, table_id="12r5", title=f"{MARKER} lähde")
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
    step = ProcessStep.objects.create(process=process, number=1, title=f"{MARKER} vaihe", responsible=organization_a)
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
        "organization": organization_a,
        "forum": forum,
        "meeting": meeting,
        "decision": decision,
        "person": person,
        "indicator": indicator,
        "target": target,
        "goal": goal,
        "action": action,
        "milestone": milestone,
        "signal": signal,
        "review": review,
        "source": source,
        "survey_round": survey_round,
        "process": process,
        "step": step,
        "service": service,
        "agreement": agreement,
        "document": document,
        "commitment": commitment,
        "version": version,
    }


def walk_values(objects):
    """Every URL parameter name of the area's patterns, mapped to the values the walk fills it with."""
    return {
        "slug": [objects["forum"].slug, objects["organization"].slug],
        "uuid": [objects["meeting"].uuid, objects["decision"].uuid, objects["person"].uuid],
        "key": [objects["goal"].slug, objects["indicator"].slug, objects["action"].uuid],
        "decision": [objects["decision"].uuid],
        "signal_uuid": [objects["signal"].uuid],
        "review_uuid": [objects["review"].uuid],
        "pk": [objects["source"].pk],
        "milestone": [objects["milestone"].pk],
        "code": ["564"],
        "period": ["2026M11", "2026-11"],
        "kind": ["organisations", "people", "forums", "trend", "seasonal", "municipalities", "areas"]
        + ["answers", "ties", "metrics", "network"],
        "topic": ["population", "enterprises", "bankruptcies"],
        "file_format": ["csv", "xlsx", "graphml", "gexf", "kumu"],
        "round_uuid": [objects["survey_round"].uuid],
        # The site's own pages with a signed token in the address (password reset, invitations).
        "token": ["ei-kelpaa"],
        "uidb64": ["MQ"],
        # The processes app's pages.
        "process": [objects["process"].slug],
        "step": [objects["step"].number],
        "service": [objects["service"].uuid],
        "agreement": [objects["agreement"].uuid],
        "document": [objects["document"].uuid],
        "commitment": [objects["commitment"].uuid],
        "version": [objects["version"].uuid],
    }


def named_patterns(patterns, namespace=()):
    """(URL name with its namespaces, pattern) of every named pattern, the admin's left out."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespace, entry.namespace) if entry.namespace else namespace
            if not SKIPPED_NAMESPACES & set(inner):
                yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join((*namespace, entry.name)), entry


def area_patterns(area):
    """{URL name: pattern} of the area's URLconf: the site's pages and the area's own."""
    return dict(named_patterns(get_resolver(urlconf_for(area.slug)).url_patterns))


def parameters(pattern):
    return sorted(set(pattern.pattern.regex.groupindex) | set(getattr(pattern.pattern, "converters", {})))


def addresses_of(area, name, pattern, values):
    """Every address of one named pattern that the values fill."""
    names = parameters(pattern)
    if any(parameter not in values for parameter in names):
        raise AssertionError(f"The walk does not know how to fill {names} of {name}: add them to the fixture.")
    addresses = []
    for combination in itertools.product(*(values[parameter] for parameter in names)):
        try:
            addresses.append(area_reverse(area, name, kwargs=dict(zip(names, combination, strict=True))))
        except NoReverseMatch:
            continue
    return addresses


def area_addresses(area, values):
    """Every GET address of the area's URLconf that the values fill."""
    addresses = set()
    for name, pattern in area_patterns(area).items():
        if name not in SKIPPED_NAMES:
            addresses.update(addresses_of(area, name, pattern, values))
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
