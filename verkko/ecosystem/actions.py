"""Every write of the ecosystem registry: atomic, in the name of the acting user, recorded in the history.

Views check access and validate with a form first; each action takes the acting user and
the validated data (a form's cleaned_data).
"""

import datetime
import itertools
import uuid

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from verkko.ecosystem.models import (
    Decision,
    Forum,
    ForumMember,
    Meeting,
    MeetingAttachment,
    Municipality,
    Organization,
    Person,
    ReferenceArea,
    Responsibility,
    Role,
)
from verkko.lib.history import recorded_action
from verkko.lib.saving import save_values
from verkko.lib.translated import finnish_text

ERASED_NAME = ("Poistettu", "henkilö")

# Organisation pages live at ecosystem/<slug>/, beside these fixed pages of the app.
RESERVED_SLUGS = {
    "new",
    "organisations",
    "forums",
    "meetings",
    "decisions",
    "attachments",
    "people",
    "who-does-what",
    "responsibilities",
    "map",
    "search",
    "import",
    "export",
}


def unique_slug(model, area, name):
    """A slug for a new organisation or forum of the area: unique within the area, never a reserved one."""
    base = slugify(name)[:100] or "x"
    taken = model.objects.filter(area=area)
    for number in itertools.count(1):
        slug = base if number == 1 else f"{base}-{number}"
        if slug not in RESERVED_SLUGS and not taken.filter(slug=slug).exists():
            return slug


# Organisations and their roles


@recorded_action
def create_organization(user, area, data):
    return save_values(Organization(area=area, slug=unique_slug(Organization, area, finnish_text(data, "name"))), data)


@recorded_action
def update_organization(user, organization, data):
    return save_values(organization, data)


def is_referenced(organization):
    """True when anything but the organisation's own role refers to it (in any app)."""
    for relation in organization._meta.related_objects:
        if relation.related_model is Role:
            continue
        # Through the related model, so that one-to-one links of other apps count as well.
        if relation.related_model._default_manager.filter(**{relation.field.name: organization}).exists():
            return True
    return False


@recorded_action
def remove_organization(user, organization):
    """Archive an organisation that anything refers to; delete it only when nothing does.

    Returns "archived" or "deleted".
    """
    if is_referenced(organization):
        organization.archived_at = timezone.now()
        organization.save(update_fields=["archived_at", "updated_at"])
        return "archived"
    organization.delete()
    return "deleted"


@recorded_action
def restore_organization(user, organization):
    organization.archived_at = None
    organization.save(update_fields=["archived_at", "updated_at"])
    return organization


@recorded_action
def save_role(user, organization, data):
    return save_values(Role.objects.filter(organization=organization).first() or Role(organization=organization), data)


# People


@recorded_action
def create_person(user, organization, data):
    return save_values(Person(organization=organization), {**data, "organization": organization})


@recorded_action
def update_person(user, person, data):
    return save_values(person, {**data, "organization": person.organization})


@recorded_action
def erase_person(user, person):
    """Anonymise a person and keep the rows that refer to them (forum seats, decisions).

    The linked user account is deactivated and its e-mail anonymised; the history no longer
    holds the old values of the person's own rows.
    """
    person.first_name, person.last_name = ERASED_NAME
    person.title = person.email = person.phone = ""
    person.show_publicly = person.show_email_publicly = person.show_phone_publicly = False
    person.erased_at = timezone.now()
    person.save()
    if person.user is not None:
        _anonymise_account(person.user, f"erased-{person.uuid}@invalid")
    _redact_history(Person, [person.pk], person.full_name)
    seats = list(person.forum_memberships.values_list("pk", flat=True))
    _redact_history(ForumMember, seats, person.full_name)
    return person


@recorded_action
def erase_account(user, account):
    """Anonymise a user account that has no contact person record."""
    _anonymise_account(account, f"erased-{uuid.uuid4()}@invalid")
    return account


def _anonymise_account(account, email):
    account.email = email
    account.first_name = account.last_name = ""
    account.is_active = False
    account.set_unusable_password()
    account.save()
    LogEntry.objects.filter(actor=account).update(actor_email=None, remote_addr=None)


def _redact_history(model, object_ids, object_repr):
    """Forget the old values of these rows in the history; keep who changed them and when."""
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=object_ids)
    entries.update(changes={}, changes_text="", serialized_data=None, object_repr=object_repr)


def expired_people(today=None):
    """People who left their organisation longer ago than settings.PERSON_RETENTION_DAYS."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.PERSON_RETENTION_DAYS)
    return Person.objects.filter(erased_at__isnull=True, left_at__lt=cutoff)


def erase_expired_people(user, today=None):
    """Anonymise everyone past the retention period, one person per transaction; returns how many."""
    erased = 0
    for person in expired_people(today).select_related("user"):
        erase_person(user, person)
        erased += 1
    return erased


# Forums and their members


@recorded_action
def create_forum(user, area, data):
    return save_values(Forum(area=area, slug=unique_slug(Forum, area, finnish_text(data, "name"))), data)


@recorded_action
def update_forum(user, forum, data):
    return save_values(forum, data)


@recorded_action
def set_forum_archived(user, forum, archived):
    forum.archived_at = timezone.now() if archived else None
    forum.save(update_fields=["archived_at"])
    return forum


@recorded_action
def add_forum_member(user, forum, data):
    member, _created = ForumMember.objects.update_or_create(
        forum=forum,
        organization=data["organization"],
        person=data.get("person"),
        defaults={"role": data["role"]},
    )
    return member


@recorded_action
def remove_forum_member(user, member):
    member.delete()


# Meetings, attachments and decisions


@recorded_action
def create_meeting(user, forum, data):
    return save_values(Meeting(forum=forum), data)


@recorded_action
def update_meeting(user, meeting, data):
    return save_values(meeting, data)


@recorded_action
def add_attachment(user, meeting, data):
    return MeetingAttachment.objects.create(meeting=meeting, title=data["title"], file=data["file"])


@recorded_action
def remove_attachment(user, attachment):
    attachment.file.delete(save=False)
    attachment.delete()


@recorded_action
def create_decision(user, meeting, data):
    return save_values(Decision(meeting=meeting), data)


@recorded_action
def update_decision(user, decision, data):
    return save_values(decision, data)


@recorded_action
def delete_decision(user, decision):
    decision.delete()


# The responsibility matrix


@recorded_action
def set_responsibility(user, organization, subject, level):
    """Set an organisation's R/A/C/I letter for any subject; an empty level removes the cell."""
    subject_type = ContentType.objects.get_for_model(subject)
    cells = Responsibility.objects.filter(organization=organization, subject_type=subject_type, subject_id=subject.pk)
    if not level:
        for cell in cells:
            cell.delete()  # one by one, so that the history records each removal
        return None
    cell, _created = Responsibility.objects.update_or_create(
        organization=organization, subject_type=subject_type, subject_id=subject.pk, defaults={"level": level}
    )
    return cell


@recorded_action
def clear_responsibilities(user, subject):
    subject_type = ContentType.objects.get_for_model(subject)
    for cell in Responsibility.objects.filter(subject_type=subject_type, subject_id=subject.pk):
        cell.delete()


# Import


@recorded_action
def apply_import(user, area, plan):
    """Save the new and changed rows of an import plan that has no errors (importing.plan); all or nothing."""
    if not plan.is_valid:
        raise ValueError("Only a valid import plan can be applied.")
    for row in plan.rows:
        if row.status == "unchanged":
            continue
        if plan.kind == "organisations":
            values = dict(row.values)
            role = values.pop("role")
            organization = (
                create_organization(user, area, values)
                if row.instance is None
                else update_organization(user, row.instance, values)
            )
            if any(role.values()) or hasattr(organization, "role"):
                save_role(user, organization, role)
        elif plan.kind == "forums":
            _import_forum(user, area, row)
        elif row.instance is None:
            create_person(user, row.values["organization"], row.values)
        else:
            update_person(user, row.instance, row.values)
    return {status: plan.count(status) for status in ("new", "changed", "unchanged")}


def _import_forum(user, area, row):
    """Save one planned forum row: its parent is found by name (saved already), its members added or updated."""
    values = dict(row.values)
    members = values.pop("members")
    if "parent" in values:
        parent_name = values.pop("parent")
        values["parent"] = (
            Forum.objects.filter(area=area, name__iexact=parent_name).order_by("pk").first() if parent_name else None
        )
    forum = create_forum(user, area, values) if row.instance is None else update_forum(user, row.instance, values)
    for organization, role in members:
        add_forum_member(user, forum, {"organization": organization, "person": None, "role": role})


@recorded_action
def load_classification(user, classified_areas):
    """Saves Statistics Finland's employment areas and their municipalities (see classification.py).

    Runs again when the classification changes: areas and municipalities are updated in place,
    a municipality that moved gets its new area, and areas no longer listed are removed.
    Municipalities' membership of the areas running here is not touched.
    """
    counts = {"areas": 0, "municipalities": 0}
    kept_codes = set()
    for classified in classified_areas.values():
        reference, _created = ReferenceArea.objects.update_or_create(
            code=classified.code,
            defaults={
                "name_fi": classified.name_fi,
                "name_sv": classified.name_sv,
                "host_status": classified.host_status,
            },
        )
        kept_codes.add(classified.code)
        counts["areas"] += 1
        host = None
        for code, name in classified.municipalities.items():
            municipality, created = Municipality.objects.get_or_create(
                code=code, defaults={"name_fi": name, "reference_area": reference}
            )
            if not created and municipality.reference_area_id != reference.pk:
                municipality.reference_area = reference
                municipality.save(update_fields=["reference_area"])
            if name == classified.host_name:
                host = municipality
            counts["municipalities"] += 1
        if reference.host_municipality_id != getattr(host, "pk", None):
            reference.host_municipality = host
            reference.save(update_fields=["host_municipality"])
    ReferenceArea.objects.exclude(code__in=kept_codes).delete()
    return counts


# Employment areas


def check_area_slug(slug):
    """Refuses a slug that another area has, or that an address of the site's own pages begins with."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from verkko.ecosystem.models import EmploymentArea
    from verkko.urls import RESERVED_AREA_SLUGS

    slug = (slug or "").strip().lower()
    if not slug or slugify(slug) != slug:
        raise ValidationError(_("Use only lower-case letters a–z, digits and hyphens."), code="slug")
    if slug in RESERVED_AREA_SLUGS:
        raise ValidationError(_("This address is reserved for the site's own pages."), code="reserved")
    if EmploymentArea.objects.filter(slug=slug).exists():
        raise ValidationError(_("Another employment area already has this address."), code="taken")
    return slug


def check_free_municipalities(municipalities):
    """Refuses municipalities that already belong to an employment area running here."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    taken = [municipality for municipality in municipalities if municipality.area_id is not None]
    if taken:
        raise ValidationError(
            [
                ValidationError(
                    _("%(municipality)s already belongs to %(area)s.")
                    % {"municipality": municipality.name, "area": municipality.area},
                    code="taken",
                )
                for municipality in taken
            ]
        )


@recorded_action
def create_area(
    user,
    name,
    name_sv,
    name_en,
    slug,
    municipality_codes,
    host_municipality_code,
    backbone_name,
    coordinator_email,
    reference_area_code=None,
    language=None,
):
    """A superuser sets up an employment area: its names, municipalities, host, backbone organisation,
    and invites its first coordinator (as coordinator of the backbone organisation).

    Returns (area, invitation).
    """
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.utils.translation import gettext as _

    from verkko.accounts import actions as account_actions
    from verkko.accounts.models import Membership
    from verkko.ecosystem.models import EmploymentArea

    if not (user.is_authenticated and user.is_superuser):
        raise PermissionDenied
    name, backbone_name = (name or "").strip(), (backbone_name or "").strip()
    if not name or not backbone_name:
        raise ValidationError(_("The area and its backbone organisation need a name."), code="required")
    slug = check_area_slug(slug)
    codes = set(municipality_codes)
    municipalities = list(Municipality.objects.select_related("area").filter(code__in=codes))
    if not municipalities or len(municipalities) != len(codes):
        raise ValidationError(_("Choose the area's municipalities from the list."), code="municipalities")
    check_free_municipalities(municipalities)
    host = next((m for m in municipalities if m.code == host_municipality_code), None)
    if host is None:
        raise ValidationError(_("The host municipality must be one of the area's municipalities."), code="host")
    reference_area = ReferenceArea.objects.filter(code=reference_area_code).first() if reference_area_code else None
    area = EmploymentArea.objects.create(
        name_fi=name,
        name_sv=(name_sv or "").strip(),
        name_en=(name_en or "").strip(),
        slug=slug,
        host_municipality=host,
        reference_area=reference_area,
    )
    Municipality.objects.filter(pk__in=[m.pk for m in municipalities]).update(area=area)
    backbone_slug = slugify(backbone_name)[:100] or "organisation"
    if backbone_slug in RESERVED_SLUGS:
        backbone_slug += "-2"
    backbone = Organization.objects.create(
        area=area, name=backbone_name, slug=backbone_slug, type=Organization.Type.MUNICIPALITY, municipality=host
    )
    invitation = account_actions.invite(
        user, backbone, coordinator_email, Membership.Role.COORDINATOR, language=language
    )
    return area, invitation
