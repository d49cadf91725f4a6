"""Every write of the processes app: atomic, in the name of the acting user, recorded in the history.

Views check access and validate a form first; each action takes the acting user and plain values
(a form's cleaned_data).
"""

import itertools

from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from verkko.lib.history import recorded_action
from verkko.lib.saving import save_values
from verkko.processes.models import (
    Agreement,
    AgreementDocument,
    Commitment,
    ModelVersion,
    Process,
    ProcessStep,
    PtvOrganization,
    Service,
)

# Process pages live at processes/<slug>/, beside this fixed page of the app.
RESERVED_SLUGS = {"new"}


def unique_process_slug(area, name):
    base = slugify(name)[:100] or "prosessi"
    taken = Process.objects.filter(area=area)
    for number in itertools.count(1):
        slug = base if number == 1 else f"{base}-{number}"
        if slug not in RESERVED_SLUGS and not taken.filter(slug=slug).exists():
            return slug


# Processes and their steps


@recorded_action
def create_process(user, area, data):
    return save_values(Process(area=area, slug=unique_process_slug(area, data["name"])), data)


@recorded_action
def update_process(user, process, data):
    return save_values(process, data)


@recorded_action
def add_step(user, process, data):
    """Add a step at the given number (or last); the steps at and after it move one on."""
    last = process.steps.aggregate(last=Max("number"))["last"] or 0
    number = data.get("number") or last + 1
    number = min(number, last + 1)
    for step in process.steps.filter(number__gte=number).order_by("-number"):
        step.number += 1
        step.save(update_fields=["number"])
    return save_values(ProcessStep(process=process, number=number), {**data, "number": number})


@recorded_action
def update_step(user, step, data):
    """Save the step; a new number moves it there and the others make room."""
    # A model form has already set the new number on the instance; renumber from what is saved.
    step.number = ProcessStep.objects.values_list("number", flat=True).get(pk=step.pk)
    wanted = data.get("number") or step.number
    steps = list(step.process.steps.exclude(pk=step.pk).order_by("number"))
    wanted = max(1, min(wanted, len(steps) + 1))
    _renumber(steps[: wanted - 1] + [step] + steps[wanted - 1 :])
    return save_values(step, {**data, "number": wanted})


@recorded_action
def remove_step(user, step):
    process = step.process
    step.delete()
    _renumber(list(process.steps.order_by("number")))


def _renumber(steps):
    """Number the steps 1, 2, 3 … in the given order, without breaking the unique numbers on the way."""
    offset = 1000
    for index, step in enumerate(steps, start=1):
        if step.pk and step.number != index:
            step.number = offset + index
            step.save(update_fields=["number"])
    for index, step in enumerate(steps, start=1):
        if step.pk and step.number != index:
            step.number = index
            step.save(update_fields=["number"])


@recorded_action
def mark_process_reminded(user, process, review_on):
    Process.objects.filter(pk=process.pk).update(reminded_for=review_on)


@recorded_action
def mark_agreement_reminded(user, agreement, review_on):
    Agreement.objects.filter(pk=agreement.pk).update(reminded_for=review_on)


# Services


@recorded_action
def create_service(user, area, data):
    return save_values(Service(area=area), data)


@recorded_action
def update_service(user, service, data):
    return save_values(service, data)


@recorded_action
def apply_ptv_import(user, organization, ptv_id, services):
    """Save the services read from PTV (ptv_v11.read_services) as the organisation's; all or nothing.

    A service imported before (the same PTV id in the area) is updated, never duplicated.
    Returns (created, updated) counts.
    """
    created = updated = 0
    for imported in services:
        service = Service.objects.filter(area=organization.area, ptv_id=imported.ptv_id).first()
        if service is None:
            service = Service(area=organization.area, ptv_id=imported.ptv_id, source=Service.Source.PTV)
            created += 1
        else:
            updated += 1
        service.organization = organization
        save_values(service, imported.fields())
    PtvOrganization.objects.update_or_create(
        organization=organization, defaults={"ptv_id": ptv_id, "imported_at": timezone.now()}
    )
    return created, updated


# Agreements and their documents


@recorded_action
def create_agreement(user, area, data):
    return save_values(Agreement(area=area), data)


@recorded_action
def update_agreement(user, agreement, data):
    return save_values(agreement, data)


@recorded_action
def add_document(user, agreement, data):
    return AgreementDocument.objects.create(agreement=agreement, title=data["title"], file=data["file"])


# Commitments


@recorded_action
def add_commitment(user, data, *, agreement=None, action=None):
    return save_values(Commitment(agreement=agreement, action=action), data)


@recorded_action
def remove_commitment(user, commitment):
    commitment.delete()


# The collaboration model


@recorded_action
def adopt_version(user, area, data, content):
    return ModelVersion.objects.create(
        area=area,
        title=data["title"],
        adopted_on=data["adopted_on"],
        note=data.get("note", ""),
        adopted_by=user,
        content=content,
    )
