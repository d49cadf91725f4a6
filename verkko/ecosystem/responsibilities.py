"""The responsibility matrix (R/A/C/I) of organisations against forums and any other subject.

Other apps put their objects into the matrix without this app importing them:

    # in goals/apps.py, GoalsConfig.ready()
    from verkko.ecosystem import responsibilities
    responsibilities.register_subject_type(Goal, visible_to=lambda user, area: visible_goals(user, area))

    # in a goals view, after checking access and validating a form
    responsibilities.set_responsibility(request.user, organization, goal, "R")   # "" removes the cell
    responsibilities.responsibilities_of(goal, request.area)   # the goal's cells, for its page

The matrix page groups rows by registered subject type.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from verkko.accounts.access import is_coordinator
from verkko.ecosystem import actions
from verkko.ecosystem.models import Responsibility

LEVELS = Responsibility.Level

set_responsibility = actions.set_responsibility
clear_responsibilities = actions.clear_responsibilities


@dataclass(frozen=True)
class SubjectType:
    model: type
    visible_to: object  # visible_to(user, area) -> queryset of the subjects the user may see
    order: int

    @property
    def title(self):
        return self.model._meta.verbose_name_plural


_subject_types = {}


def register_subject_type(model, *, visible_to, order=100):
    """Show the model's objects in the matrix; visible_to(user, area) gives those the user may see."""
    _subject_types[model._meta.label_lower] = SubjectType(model=model, visible_to=visible_to, order=order)


def subject_types():
    return sorted(_subject_types.values(), key=lambda subject_type: (subject_type.order, subject_type.model.__name__))


def can_set_responsibility(user, organization):
    return is_coordinator(user, organization.area_id)


def responsibilities_of(subject, area=None):
    """The subject's cells with their organisations (of the area, when given), R before A before C before I."""
    cells = Responsibility.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("organization")
    if area is not None:
        cells = cells.filter(organization__area=area)
    order = {level: index for index, level in enumerate(LEVELS.values)}
    return sorted(cells, key=lambda cell: (order[cell.level], cell.organization.name))


def cells_of_organization(organization, user):
    """The organisation's cells for subjects the user may see, as (subject type title, subject, cell)."""
    found = []
    for subject_type in subject_types():
        content_type = ContentType.objects.get_for_model(subject_type.model)
        cells = {
            cell.subject_id: cell
            for cell in Responsibility.objects.filter(organization=organization, subject_type=content_type)
        }
        if not cells:
            continue
        visible = subject_type.visible_to(user, organization.area).filter(pk__in=cells)
        found += [(subject_type.title, subject, cells[subject.pk]) for subject in visible]
    return found


@dataclass
class MatrixGroup:
    title: str
    organizations: list
    rows: list  # (subject, [Responsibility | None per organisation])


def matrix_for(area, user):
    """One group per registered subject type: the subjects the user may see against the organisations with cells."""
    groups = []
    for subject_type in subject_types():
        subjects = list(subject_type.visible_to(user, area))
        if not subjects:
            continue
        content_type = ContentType.objects.get_for_model(subject_type.model)
        cells = Responsibility.objects.filter(
            subject_type=content_type,
            subject_id__in=[subject.pk for subject in subjects],
            organization__area=area,
        ).select_related("organization")
        by_cell = {(cell.subject_id, cell.organization_id): cell for cell in cells}
        organizations = sorted({cell.organization for cell in cells}, key=lambda organization: organization.name)
        rows = [(subject, [by_cell.get((subject.pk, o.pk)) for o in organizations]) for subject in subjects]
        groups.append(MatrixGroup(title=subject_type.title, organizations=organizations, rows=rows))
    return groups
