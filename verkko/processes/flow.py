"""A process as a readable flow: swimlanes by actor, the steps in order from left to right.

Rendered on the server as plain HTML and CSS (processes/_flow.html); the page lists the same
steps as an ordered list beside it, which is what screen readers read.
"""

from dataclasses import dataclass

RESPONSIBLE = "responsible"
PARTNER = "partner"


@dataclass
class Lane:
    organization: object
    cells: list  # per step: (step, RESPONSIBLE | PARTNER | None)


def swimlanes(steps):
    """One lane per actor, in the order actors first appear; each lane marks its part in every step."""
    actors = []
    for step in steps:
        for organization in [step.responsible, *step.partners.all()]:
            if organization not in actors:
                actors.append(organization)
    lanes = []
    for organization in actors:
        cells = []
        for step in steps:
            if step.responsible_id == organization.pk:
                cells.append((step, RESPONSIBLE))
            elif organization in step.partners.all():
                cells.append((step, PARTNER))
            else:
                cells.append((step, None))
        lanes.append(Lane(organization=organization, cells=cells))
    return lanes
