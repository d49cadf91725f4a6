"""Import and export of organisations and people as CSV or XLSX.

Reading a file gives raw rows (strings by column name); planning validates every row against
the database and says what would change (new, changed, unchanged) or which rows are wrong,
in the user's language. Nothing is written here: `actions.apply_import` saves a plan that has
no errors, all in one transaction. The raw rows are what a preview keeps until the user
confirms, so the confirmation plans them again against the database as it is then.
"""

import csv
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from openpyxl.utils.exceptions import InvalidFileException

from verkko.ecosystem.models import (
    Forum,
    ForumMember,
    Municipality,
    Organization,
    Person,
    Role,
    TargetGroup,
    Visibility,
)
from verkko.lib.exports import TableTooLarge, csv_table, csv_unquoted, xlsx_table

KINDS = ("organisations", "people", "forums")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# Rows read at most, blank ones and the heading among them: reading stops there.
MAX_TABLE_ROWS = 2 * MAX_ROWS
YES = {"yes", "y", "true", "1", "x", "kyllä", "k", "ja", "j"}
NO = {"no", "n", "false", "0", "ei", "e", "nej", ""}


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    description: str


ORGANISATION_COLUMNS = [
    Column("name", True, gettext_lazy("Name of the organisation in Finnish; identifies the organisation.")),
    Column("name_sv", False, gettext_lazy("Name in Swedish.")),
    Column(
        "type",
        True,
        gettext_lazy(
            "Type: municipality, state_agency, wellbeing_county, kela, education, business_organisation, "
            "company, ngo, research or other (or the type's name in Finnish, Swedish or English)."
        ),
    ),
    Column("municipality_code", False, gettext_lazy("Three-digit municipality code, e.g. 564 for Oulu.")),
    Column("business_id", False, gettext_lazy("Business ID (Y-tunnus), e.g. 0187690-1.")),
    Column("website", False, gettext_lazy("Website address, e.g. https://www.ouka.fi.")),
    Column("description", False, gettext_lazy("Short description.")),
    Column(
        "target_groups",
        False,
        gettext_lazy(
            "Target groups separated by semicolons: job_seekers; young_people; immigrants; partial_work_ability; "
            "long_term_unemployed; older_workers; students; employers; entrepreneurs."
        ),
    ),
    Column("role", False, gettext_lazy("The organisation's role in the ecosystem in plain words.")),
    Column("responsibilities", False, gettext_lazy("Its responsibilities.")),
    Column("services_for_job_seekers", False, gettext_lazy("Its services for job seekers.")),
    Column("services_for_employers", False, gettext_lazy("Its services for employers.")),
]

PEOPLE_COLUMNS = [
    Column("organisation", True, gettext_lazy("Name of an organisation that already exists in Verkko.")),
    Column("first_name", True, gettext_lazy("First name.")),
    Column("last_name", True, gettext_lazy("Last name.")),
    Column("title", False, gettext_lazy("Title.")),
    Column(
        "email",
        False,
        gettext_lazy("E-mail address; with the organisation it identifies the person (else the name does)."),
    ),
    Column("phone", False, gettext_lazy("Phone number.")),
    Column("show_publicly", False, gettext_lazy("yes or no: may the name and title be shown publicly.")),
    Column("show_email_publicly", False, gettext_lazy("yes or no: may the e-mail address be shown publicly.")),
    Column("show_phone_publicly", False, gettext_lazy("yes or no: may the phone number be shown publicly.")),
]

FORUM_COLUMNS = [
    Column("name", True, gettext_lazy("Name of the forum; identifies the forum.")),
    Column(
        "level",
        True,
        gettext_lazy("Level: strategic, tactical or operational (or the level's name in Finnish, Swedish or English)."),
    ),
    Column("purpose", False, gettext_lazy("Purpose of the forum.")),
    Column("parent", False, gettext_lazy("Name of the forum it is under: one in Verkko already or on an earlier row.")),
    Column("chair", False, gettext_lazy("Name of the chair organisation.")),
    Column("secretary", False, gettext_lazy("Name of the secretary organisation.")),
    Column("meeting_rhythm", False, gettext_lazy("How often it meets, e.g. Neljästi vuodessa.")),
    Column("visibility", False, gettext_lazy("public or partners (partners only); public when left empty.")),
    Column(
        "members",
        False,
        gettext_lazy(
            "Member organisations separated by semicolons, each with its role after a colon if it is not member: "
            "Oulun kaupunki: chair; BusinessOulu: secretary; Kela. Roles: chair, vice_chair, secretary, member, "
            "deputy, expert (or in Finnish, Swedish or English). Members are added or their role changed, never "
            "removed; named people are added on the forum's page."
        ),
    ),
]

COLUMNS = {"organisations": ORGANISATION_COLUMNS, "people": PEOPLE_COLUMNS, "forums": FORUM_COLUMNS}
ROLE_COLUMNS = {
    "role": "summary",
    "responsibilities": "responsibilities",
    "services_for_job_seekers": "services_for_job_seekers",
    "services_for_employers": "services_for_employers",
}
ORGANISATION_MODEL_COLUMNS = ["name", "name_sv", "type", "business_id", "website", "description"]
PERSON_MODEL_COLUMNS = ["first_name", "last_name", "title", "email", "phone"]
PERSON_FLAG_COLUMNS = ["show_publicly", "show_email_publicly", "show_phone_publicly"]


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is in the user's language."""


@dataclass
class PlannedRow:
    number: int
    label: str
    status: str = "unchanged"  # new, changed or unchanged
    values: dict = field(default_factory=dict)
    instance: object = None
    changes: list = field(default_factory=list)  # (column, old, new)


@dataclass
class Plan:
    kind: str
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors and bool(self.rows)

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def new_count(self):
        return self.count("new")

    @property
    def changed_count(self):
        return self.count("changed")

    @property
    def unchanged_count(self):
        return self.count("unchanged")


# Reading files


def read_rows(uploaded_file):
    """The rows of an uploaded CSV or XLSX file as dicts of stripped strings by lower-case column name."""
    name = (uploaded_file.name or "").lower()
    if uploaded_file.size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    if uploaded_file.size == 0:
        raise ImportFileError(_("The file is empty."))
    content = uploaded_file.read()
    if name.endswith(".csv"):
        table = _read_csv(content)
    elif name.endswith(".xlsx"):
        table = _read_xlsx(content)
    else:
        raise ImportFileError(_("Choose a CSV or XLSX file (.csv or .xlsx)."))
    table = [row for row in table if any(cell for cell in row)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [cell.lower() for cell in table[0]]
    rows = table[1:]
    if not rows:
        raise ImportFileError(_("The file has a heading row but no rows under it."))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS})
    return [
        {"_row": number, **{column: (row[i] if i < len(row) else "") for i, column in enumerate(header) if column}}
        for number, row in enumerate(rows, start=2)
    ]


def _read_csv(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # spreadsheet programs on Windows
    if "\x00" in text:
        raise ImportFileError(_("The file is not a CSV text file."))
    # The heading row names columns, which hold no separators: its commonest separator is the file's.
    heading = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=heading.count)
    try:
        table = csv_table(text, delimiter=delimiter, max_rows=MAX_TABLE_ROWS)
    except TableTooLarge:
        raise ImportFileError(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS}) from None
    except csv.Error:
        raise ImportFileError(_("The file is not a readable CSV file (is a cell very long?).")) from None
    # Cells as they were before the export protected them from spreadsheets ('=… back to =…).
    return [[csv_unquoted(cell) for cell in row] for row in table]


def _read_xlsx(content):
    try:
        table = xlsx_table(content, max_rows=MAX_TABLE_ROWS)
    except TableTooLarge:
        raise ImportFileError(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS}) from None
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise ImportFileError(_("The file is not an XLSX workbook.")) from error
    return [[_cell_text(value) for value in row] for row in table]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    return str(value).strip()


# Planning


def plan(area, kind, rows):
    """Validate raw rows for the area and say what would change; errors read 'Row 4: …'."""
    result = Plan(kind=kind)
    columns = {column.name for column in COLUMNS[kind]}
    present = {name for row in rows for name in row if name != "_row"}
    unknown = sorted(present - columns)
    missing = [column.name for column in COLUMNS[kind] if column.required and column.name not in present]
    if missing:
        result.errors.append(_("The file lacks the required column(s): %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        result.errors.append(_("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)})
    if result.errors:
        return result
    planner = {"organisations": _plan_organisation, "people": _plan_person, "forums": _plan_forum}[kind]
    context = _Context(area)
    for row in rows:
        errors = []
        planned = planner(context, row, errors)
        if errors:
            result.errors.extend(
                _("Row %(number)s: %(message)s") % {"number": row["_row"], "message": message} for message in errors
            )
        else:
            result.rows.append(planned)
    return result


class _Context:
    """What planning looks up once per import, and the keys seen so far (for duplicate rows)."""

    def __init__(self, area):
        self.area = area
        self.organisations = {o.name.casefold(): o for o in Organization.objects.filter(area=area)}
        self.municipalities = {m.code: m for m in Municipality.objects.all()}
        self.target_groups = {g.code: g for g in TargetGroup.objects.all()}
        self.seen = {}
        self.types = _choice_lookup(Organization.Type)
        self.group_codes = _choice_lookup(TargetGroup.Code)
        self.forums = {f.name.casefold(): f for f in Forum.objects.filter(area=area).order_by("-pk")}
        self.levels = _choice_lookup(Forum.Level)
        self.visibilities = _choice_lookup(Visibility)
        self.seat_roles = _choice_lookup(ForumMember.Role)


def _choice_lookup(choices):
    """Codes and their names in every language, case-folded, to the code."""
    lookup = {}
    for code, label in choices.choices:
        lookup[code.casefold()] = code
        for language in ("fi", "sv", "en"):
            with override(language):
                lookup[str(label).casefold()] = code
    return lookup


def _clean(model, column, value, errors, label=None):
    model_field = model._meta.get_field(column)
    try:
        return model_field.clean(value, None)
    except ValidationError as error:
        errors.extend(f"{label or column}: {message}" for message in error.messages)
        return value


def _duplicate(context, key, number, errors):
    if key in context.seen:
        errors.append(_("the same row is already on row %(number)s.") % {"number": context.seen[key]})
    else:
        context.seen[key] = number


def _plan_organisation(context, row, errors):
    values = {}
    for column in ORGANISATION_MODEL_COLUMNS:
        if column in row and column not in ("type", "website"):
            values[column] = _clean(Organization, column, row[column], errors)
    name = values.get("name", "")
    kind = row.get("type", "").casefold()
    if kind not in context.types:
        errors.append(_("type: unknown type “%(value)s”.") % {"value": row.get("type", "")})
    else:
        values["type"] = context.types[kind]
    if "website" in row:
        website = row["website"]
        if website and "://" not in website:
            website = "https://" + website  # people write www.ouka.fi, as the column's description does
        values["website"] = _clean(Organization, "website", website, errors)
    if "municipality_code" in row:
        code = row["municipality_code"]
        if code.isdigit() and len(code) < 3:
            code = code.zfill(3)  # spreadsheets drop leading zeros: 72 means 072
        municipality = context.municipalities.get(code)
        existing = context.organisations.get(name.casefold())
        if code and municipality is None:
            errors.append(_("municipality_code: unknown municipality code “%(value)s”.") % {"value": code})
        elif (
            municipality
            and municipality.area_id != context.area.pk
            and municipality.pk != getattr(existing, "municipality_id", None)
        ):
            errors.append(
                _("municipality_code: %(name)s (%(value)s) is not a municipality of this employment area.")
                % {"name": municipality.name, "value": code}
            )
        values["municipality"] = municipality
    if "target_groups" in row:
        groups = []
        for part in re.split(r"[;,]", row["target_groups"]):
            part = part.strip().casefold()
            if not part:
                continue
            if part not in context.group_codes:
                errors.append(_("target_groups: unknown target group “%(value)s”.") % {"value": part})
            else:
                groups.append(context.target_groups[context.group_codes[part]])
        values["target_groups"] = groups
    role = {field: row[column] for column, field in ROLE_COLUMNS.items() if column in row}
    values["role"] = role
    if name:
        _duplicate(context, ("organisation", name.casefold()), row["_row"], errors)
    planned = PlannedRow(number=row["_row"], label=name, values=values)
    if errors:
        return planned
    existing = context.organisations.get(name.casefold())
    planned.instance = existing
    if existing is None:
        planned.status = "new"
        return planned
    for column, value in values.items():
        if column in ("role", "target_groups"):
            continue
        old = getattr(existing, column)
        if old != value:
            planned.changes.append((column, _display(old), _display(value)))
    if "target_groups" in values:
        old_groups = {g.code for g in existing.target_groups.all()}
        new_groups = {g.code for g in values["target_groups"]}
        if old_groups != new_groups:
            planned.changes.append(("target_groups", "; ".join(sorted(old_groups)), "; ".join(sorted(new_groups))))
    current_role = Role.objects.filter(organization=existing).first()
    for column, field_name in ROLE_COLUMNS.items():
        if field_name in role:
            old = getattr(current_role, field_name, "") if current_role else ""
            if old != role[field_name]:
                planned.changes.append((column, old, role[field_name]))
    planned.status = "changed" if planned.changes else "unchanged"
    return planned


def _plan_person(context, row, errors):
    values = {}
    organisation = context.organisations.get(row.get("organisation", "").casefold())
    if organisation is None:
        errors.append(_("organisation: no organisation called “%(value)s”.") % {"value": row.get("organisation", "")})
    for column in PERSON_MODEL_COLUMNS:
        if column in row:
            values[column] = _clean(Person, column, row[column], errors)
    values["email"] = values.get("email", "").lower()
    for column in PERSON_FLAG_COLUMNS:
        if column in row:
            answer = row[column].casefold()
            if answer in YES:
                values[column] = True
            elif answer in NO:
                values[column] = False
            else:
                errors.append(
                    _("%(column)s: answer yes or no, not “%(value)s”.") % {"column": column, "value": row[column]}
                )
    label = f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()
    identity = values["email"] or label.casefold()
    if organisation is not None and identity:
        _duplicate(context, ("person", organisation.pk, identity), row["_row"], errors)
    planned = PlannedRow(number=row["_row"], label=label, values=values)
    if errors:
        return planned
    values["organization"] = organisation
    people = Person.objects.filter(organization=organisation, erased_at__isnull=True)
    if values["email"]:
        existing = people.filter(email__iexact=values["email"]).first()
    else:
        existing = people.filter(first_name=values["first_name"], last_name=values["last_name"]).first()
    planned.instance = existing
    if existing is None:
        planned.status = "new"
        return planned
    for column, value in values.items():
        if column == "organization":
            continue
        old = getattr(existing, column)
        if old != value:
            planned.changes.append((column, _display(old), _display(value)))
    planned.status = "changed" if planned.changes else "unchanged"
    return planned


def _choice(lookup, column, value, errors):
    code = lookup.get(value.casefold())
    if code is None:
        errors.append(_("%(column)s: unknown value “%(value)s”.") % {"column": column, "value": value})
    return code


def _organisation_named(context, column, name, errors):
    organisation = context.organisations.get(name.casefold())
    if organisation is None:
        errors.append(_("%(column)s: no organisation called “%(value)s”.") % {"column": column, "value": name})
    return organisation


def _members(context, text, errors):
    """'Kela: chair; BusinessOulu' as [(organisation, role)]; the role follows the last colon."""
    members = []
    for part in text.split(";"):
        name, colon, role = part.strip().rpartition(":") if ":" in part else (part.strip(), "", "member")
        name = name.strip()
        if not name:
            continue
        organisation = _organisation_named(context, "members", name, errors)
        code = _choice(context.seat_roles, "members", role.strip() or "member", errors)
        if organisation is not None and code is not None:
            members.append((organisation, code))
    return members


def _plan_forum(context, row, errors):
    """A forum row; values["parent"] is the parent forum's name, found when the import is saved."""
    values = {}
    for column in ("name", "purpose", "meeting_rhythm"):
        if column in row:
            values[column] = _clean(Forum, column, row[column], errors)
    name = values.get("name", "")
    values["level"] = _choice(context.levels, "level", row.get("level", ""), errors)
    if "visibility" in row:
        values["visibility"] = _choice(context.visibilities, "visibility", row["visibility"] or "public", errors)
    for column in ("chair", "secretary"):
        if column in row:
            values[column] = _organisation_named(context, column, row[column], errors) if row[column] else None
    if row.get("parent"):
        parent = row["parent"].casefold()
        if parent == name.casefold():
            errors.append(_("parent: a forum cannot be under itself."))
        elif parent not in context.forums and ("forum", parent) not in context.seen:
            errors.append(
                _("parent: no forum called “%(value)s” in Verkko or on an earlier row.") % {"value": row["parent"]}
            )
    if "parent" in row:
        values["parent"] = row["parent"]
    members = _members(context, row["members"], errors) if "members" in row else []
    if name:
        _duplicate(context, ("forum", name.casefold()), row["_row"], errors)
    planned = PlannedRow(number=row["_row"], label=name, values={**values, "members": members})
    if errors:
        return planned
    existing = context.forums.get(name.casefold())
    planned.instance = existing
    if existing is None:
        planned.status = "new"
        return planned
    for column, value in values.items():
        old = getattr(existing, column)
        if column == "parent":
            old, value = (old.name if old else ""), value
        if (old or "") != (value or ""):
            planned.changes.append((column, _display(old), _display(value)))
    seats = {(seat.organization_id, seat.role) for seat in existing.members.all()}
    added = [(organisation, role) for organisation, role in members if (organisation.pk, role) not in seats]
    if added:
        labels = dict(ForumMember.Role.choices)
        planned.changes.append(("members", "", "; ".join(f"{o.name}: {labels[role]}" for o, role in added)))
    planned.status = "changed" if planned.changes else "unchanged"
    return planned


def _display(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# Export


def export_rows(area, kind):
    """The area's organisations or people in the import's columns, so an export imports back."""
    if kind == "organisations":
        organisations = (
            Organization.objects.filter(area=area, archived_at__isnull=True)
            .select_related("municipality", "role")
            .prefetch_related("target_groups")
        )
        for organisation in organisations:
            role = getattr(organisation, "role", None)
            yield [
                organisation.name,
                organisation.name_sv,
                organisation.type,
                organisation.municipality.code if organisation.municipality else "",
                organisation.business_id,
                organisation.website,
                organisation.description,
                "; ".join(sorted(group.code for group in organisation.target_groups.all())),
                *[getattr(role, field_name, "") if role else "" for field_name in ROLE_COLUMNS.values()],
            ]
    elif kind == "forums":
        forums = Forum.objects.filter(area=area, archived_at__isnull=True).select_related(
            "parent", "chair", "secretary"
        )
        # Parents before the forums under them, so that the file imports back in one go.
        for forum in sorted(forums, key=lambda forum: (_depth(forum), forum.name)):
            # Each organisation in each of its roles once, whether or not a named person holds the seat.
            seats = dict.fromkeys(
                (seat.organization, seat.role) for seat in forum.members.select_related("organization").order_by("pk")
            )
            yield [
                forum.name,
                forum.level,
                forum.purpose,
                forum.parent.name if forum.parent else "",
                forum.chair.name if forum.chair else "",
                forum.secretary.name if forum.secretary else "",
                forum.meeting_rhythm,
                forum.visibility,
                "; ".join(f"{organisation.name}: {role}" for organisation, role in seats),
            ]
    else:
        people = Person.objects.filter(
            organization__area=area, organization__archived_at__isnull=True, erased_at__isnull=True
        ).select_related("organization")
        for person in people.order_by("organization__name", "last_name", "first_name"):
            yield [
                person.organization.name,
                person.first_name,
                person.last_name,
                person.title,
                person.email,
                person.phone,
                *[_display(getattr(person, column)) for column in PERSON_FLAG_COLUMNS],
            ]


def _depth(forum):
    depth, ancestor, seen = 0, forum.parent, {forum.pk}
    while ancestor is not None and ancestor.pk not in seen:
        seen.add(ancestor.pk)
        depth, ancestor = depth + 1, ancestor.parent
    return depth


def column_names(kind):
    return [column.name for column in COLUMNS[kind]]
