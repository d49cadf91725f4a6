"""Import and export of organisations and people as CSV or XLSX.

Reading a file gives raw rows (strings by column name); planning validates every row against
the database and says what would change (new, changed, unchanged) or which rows are wrong,
in the user's language. Nothing is written here: `actions.apply_import` saves a plan that has
no errors, all in one transaction. The raw rows are what a preview keeps until the user
confirms, so the confirmation plans them again against the database as it is then.
"""

import csv
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override, pgettext_lazy
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
YES = {"yes", "y", "true", "1", "x", "kylla", "k", "joo", "ja", "j"}
NO = {"no", "n", "false", "0", "ei", "e", "nej", ""}
LANGUAGES = ("fi", "sv", "en")


def match_key(text):
    """How a heading or a code is compared: case, accents, spaces, hyphens and underscores aside."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(character for character in text if not unicodedata.combining(character))
    return re.sub(r"[\s_\-]+", " ", text).strip()


class YesNo:
    """The answers of a yes-or-no column, shown like the choices of a model field."""

    choices = [("yes", gettext_lazy("yes")), ("no", gettext_lazy("no"))]


@dataclass(frozen=True)
class Column:
    """A column of an import file: `name` is its code (the English heading); `heading` its heading in
    the user's language; `choices` the codes it takes, written as codes or as names in any language."""

    name: str
    required: bool
    description: str
    heading: str = ""
    choices: object = None

    @property
    def values(self):
        """The values the column takes, in the user's language (for the column guide)."""
        return [str(label) for _code, label in self.choices.choices] if self.choices else []


ORGANISATION_COLUMNS = [
    Column(
        "name",
        True,
        gettext_lazy("Name of the organisation in Finnish; identifies the organisation."),
        pgettext_lazy("import column", "name"),
    ),
    Column("name_sv", False, gettext_lazy("Name in Swedish."), pgettext_lazy("import column", "name_sv")),
    Column(
        "type",
        True,
        gettext_lazy("Type of the organisation."),
        pgettext_lazy("import column", "type"),
        Organization.Type,
    ),
    Column(
        "municipality_code",
        False,
        gettext_lazy("Three-digit municipality code, e.g. 564 for Oulu."),
        pgettext_lazy("import column", "municipality_code"),
    ),
    Column(
        "business_id",
        False,
        gettext_lazy("Business ID (Y-tunnus), e.g. 0187690-1."),
        pgettext_lazy("import column", "business_id"),
    ),
    Column(
        "website",
        False,
        gettext_lazy("Website address, e.g. https://www.ouka.fi."),
        pgettext_lazy("import column", "website"),
    ),
    Column("description", False, gettext_lazy("Short description."), pgettext_lazy("import column", "description")),
    Column(
        "target_groups",
        False,
        gettext_lazy("Target groups separated by semicolons."),
        pgettext_lazy("import column", "target_groups"),
        TargetGroup.Code,
    ),
    Column(
        "role",
        False,
        gettext_lazy("The organisation's role in the ecosystem in plain words."),
        pgettext_lazy("import column", "role"),
    ),
    Column(
        "responsibilities",
        False,
        gettext_lazy("Its responsibilities."),
        pgettext_lazy("import column", "responsibilities"),
    ),
    Column(
        "services_for_job_seekers",
        False,
        gettext_lazy("Its services for job seekers."),
        pgettext_lazy("import column", "services_for_job_seekers"),
    ),
    Column(
        "services_for_employers",
        False,
        gettext_lazy("Its services for employers."),
        pgettext_lazy("import column", "services_for_employers"),
    ),
]

PEOPLE_COLUMNS = [
    Column(
        "organisation",
        True,
        gettext_lazy("Name of an organisation that already exists in Verkko."),
        pgettext_lazy("import column", "organisation"),
    ),
    Column("first_name", True, gettext_lazy("First name."), pgettext_lazy("import column", "first_name")),
    Column("last_name", True, gettext_lazy("Last name."), pgettext_lazy("import column", "last_name")),
    Column("title", False, gettext_lazy("Title."), pgettext_lazy("import column", "title")),
    Column(
        "email",
        False,
        gettext_lazy("E-mail address; with the organisation it identifies the person (else the name does)."),
        pgettext_lazy("import column", "email"),
    ),
    Column("phone", False, gettext_lazy("Phone number."), pgettext_lazy("import column", "phone")),
    Column(
        "show_publicly",
        False,
        gettext_lazy("May the name and title be shown publicly."),
        pgettext_lazy("import column", "show_publicly"),
        YesNo,
    ),
    Column(
        "show_email_publicly",
        False,
        gettext_lazy("May the e-mail address be shown publicly."),
        pgettext_lazy("import column", "show_email_publicly"),
        YesNo,
    ),
    Column(
        "show_phone_publicly",
        False,
        gettext_lazy("May the phone number be shown publicly."),
        pgettext_lazy("import column", "show_phone_publicly"),
        YesNo,
    ),
]

FORUM_COLUMNS = [
    Column(
        "name", True, gettext_lazy("Name of the forum; identifies the forum."), pgettext_lazy("import column", "name")
    ),
    Column("level", True, gettext_lazy("Level of the forum."), pgettext_lazy("import column", "level"), Forum.Level),
    Column("purpose", False, gettext_lazy("Purpose of the forum."), pgettext_lazy("import column", "purpose")),
    Column(
        "parent",
        False,
        gettext_lazy("Name of the forum it is under: one in Verkko already or on an earlier row."),
        pgettext_lazy("import column", "parent"),
    ),
    Column("chair", False, gettext_lazy("Name of the chair organisation."), pgettext_lazy("import column", "chair")),
    Column(
        "secretary",
        False,
        gettext_lazy("Name of the secretary organisation."),
        pgettext_lazy("import column", "secretary"),
    ),
    Column(
        "meeting_rhythm",
        False,
        gettext_lazy("How often it meets, e.g. Neljästi vuodessa."),
        pgettext_lazy("import column", "meeting_rhythm"),
    ),
    Column(
        "visibility",
        False,
        gettext_lazy("Who sees the forum; public when left empty."),
        pgettext_lazy("import column", "visibility"),
        Visibility,
    ),
    Column(
        "members",
        False,
        gettext_lazy(
            "Member organisations separated by semicolons, each with its role after a colon if it is not a "
            "member, e.g. Oulun kaupunki: chair; BusinessOulu: secretary; Kela. Members are added or their role "
            "changed, never removed; named people are added on the forum's page."
        ),
        pgettext_lazy("import column", "members"),
        ForumMember.Role,
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


def heading(name):
    """A column's heading in the user's language."""
    return next(str(column.heading) for columns in COLUMNS.values() for column in columns if column.name == name)


def _heading_lookup(kind):
    """Every accepted heading of the kind's columns (code, and heading in each language) to its code."""
    lookup = {}
    for column in COLUMNS[kind]:
        lookup[match_key(column.name)] = column.name
        for language in LANGUAGES:
            with override(language):
                lookup[match_key(column.heading)] = column.name
    return lookup


def canonical_rows(kind, rows):
    """The rows with their headings (in any language) as column codes; and the unknown and doubled headings."""
    lookup = _heading_lookup(kind)
    headings = [name for name in dict.fromkeys(name for row in rows for name in row) if name != "_row"]
    unknown = [name for name in headings if match_key(name) not in lookup]
    codes = [lookup[match_key(name)] for name in headings if match_key(name) in lookup]
    doubled = sorted({code for code in codes if codes.count(code) > 1}, key=codes.index)
    canonical = [
        {(lookup.get(match_key(name), name) if name != "_row" else name): value for name, value in row.items()}
        for row in rows
    ]
    return canonical, unknown, doubled


def plan(area, kind, rows):
    """Validate raw rows for the area and say what would change; errors read 'Row 4: …'.

    Headings and codes may be written in Finnish, Swedish or English, in any case, with or without accents.
    """
    result = Plan(kind=kind)
    rows, unknown, doubled = canonical_rows(kind, rows)
    present = {name for row in rows for name in row if name != "_row"}
    missing = [str(column.heading) for column in COLUMNS[kind] if column.required and column.name not in present]
    if missing:
        result.errors.append(_("The file lacks the required column(s): %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        result.errors.append(_("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)})
    if doubled:
        result.errors.append(
            _("The same column is given twice: %(columns)s.") % {"columns": ", ".join(heading(c) for c in doubled)}
        )
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
            planned.changes = [(_change_label(column), old, new) for column, old, new in planned.changes]
            result.rows.append(planned)
    return result


def _change_label(column):
    """A changed value's column as the user's file heads it."""
    column = {"municipality": "municipality_code"}.get(column, column)
    return heading(column) if any(column in [c.name for c in cs] for cs in COLUMNS.values()) else column


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
    """Codes and their names in every language (compared by match_key) to the code."""
    lookup = {}
    for code, label in choices.choices:
        lookup[match_key(code)] = code
        for language in LANGUAGES:
            with override(language):
                lookup[match_key(label)] = code
    return lookup


def _clean(model, column, value, errors, label=None):
    model_field = model._meta.get_field(column)
    try:
        return model_field.clean(value, None)
    except ValidationError as error:
        errors.extend(f"{label or heading(column)}: {message}" for message in error.messages)
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
    kind = match_key(row.get("type", ""))
    if kind not in context.types:
        errors.append(
            _("%(column)s: unknown type “%(value)s”.") % {"column": heading("type"), "value": row.get("type", "")}
        )
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
            errors.append(
                _("%(column)s: unknown municipality code “%(value)s”.")
                % {"column": heading("municipality_code"), "value": code}
            )
        elif (
            municipality
            and municipality.area_id != context.area.pk
            and municipality.pk != getattr(existing, "municipality_id", None)
        ):
            errors.append(
                _("%(column)s: %(name)s (%(value)s) is not a municipality of this employment area.")
                % {"column": heading("municipality_code"), "name": municipality.name, "value": code}
            )
        values["municipality"] = municipality
    if "target_groups" in row:
        groups = []
        for part in re.split(r"[;,]", row["target_groups"]):
            key = match_key(part)
            if not key:
                continue
            if key not in context.group_codes:
                errors.append(
                    _("%(column)s: unknown target group “%(value)s”.")
                    % {"column": heading("target_groups"), "value": part.strip()}
                )
            else:
                groups.append(context.target_groups[context.group_codes[key]])
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
            if column == "type":
                old, value = existing.get_type_display(), dict(Organization.Type.choices)[value]
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
        errors.append(
            _("%(column)s: no organisation called “%(value)s”.")
            % {"column": heading("organisation"), "value": row.get("organisation", "")}
        )
    for column in PERSON_MODEL_COLUMNS:
        if column in row:
            values[column] = _clean(Person, column, row[column], errors)
    values["email"] = values.get("email", "").lower()
    for column in PERSON_FLAG_COLUMNS:
        if column in row:
            answer = match_key(row[column])
            if answer in YES:
                values[column] = True
            elif answer in NO:
                values[column] = False
            else:
                errors.append(
                    _("%(column)s: answer yes or no, not “%(value)s”.")
                    % {"column": heading(column), "value": row[column]}
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
    code = lookup.get(match_key(value))
    if code is None:
        errors.append(_("%(column)s: unknown value “%(value)s”.") % {"column": heading(column), "value": value})
    return code


def _organisation_named(context, column, name, errors):
    organisation = context.organisations.get(name.casefold())
    if organisation is None:
        errors.append(_("%(column)s: no organisation called “%(value)s”.") % {"column": heading(column), "value": name})
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
            errors.append(_("%(column)s: a forum cannot be under itself.") % {"column": heading("parent")})
        elif parent not in context.forums and ("forum", parent) not in context.seen:
            errors.append(
                _("%(column)s: no forum called “%(value)s” in Verkko or on an earlier row.")
                % {"column": heading("parent"), "value": row["parent"]}
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
        return _("yes") if value else _("no")
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
                organisation.get_type_display(),
                organisation.municipality.code if organisation.municipality else "",
                organisation.business_id,
                organisation.website,
                organisation.description,
                "; ".join(sorted(group.get_code_display() for group in organisation.target_groups.all())),
                *[getattr(role, field_name, "") if role else "" for field_name in ROLE_COLUMNS.values()],
            ]
    elif kind == "forums":
        forums = Forum.objects.filter(area=area, archived_at__isnull=True).select_related(
            "parent", "chair", "secretary"
        )
        seat_roles = {code: str(label) for code, label in ForumMember.Role.choices}
        # Parents before the forums under them, so that the file imports back in one go.
        for forum in sorted(forums, key=lambda forum: (_depth(forum), forum.name)):
            # Each organisation in each of its roles once, whether or not a named person holds the seat.
            seats = dict.fromkeys(
                (seat.organization, seat.role) for seat in forum.members.select_related("organization").order_by("pk")
            )
            yield [
                forum.name,
                forum.get_level_display(),
                forum.purpose,
                forum.parent.name if forum.parent else "",
                forum.chair.name if forum.chair else "",
                forum.secretary.name if forum.secretary else "",
                forum.meeting_rhythm,
                forum.get_visibility_display(),
                "; ".join(f"{organisation.name}: {seat_roles[role]}" for organisation, role in seats),
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
    """The headings of the kind's file in the user's language (codes in English)."""
    return [str(column.heading) for column in COLUMNS[kind]]
