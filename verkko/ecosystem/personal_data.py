"""Everything held about one person, for requests under the GDPR (export and erasure).

A request concerns the whole installation, so these look in every area; each record says
which employment area it belongs to, so that the answer can be split between the areas.
"""

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from verkko.ecosystem.models import Decision, ForumMember, Person


def people_with_email(email):
    """The Person rows of an e-mail address: their own address, or the linked user's."""
    return (
        Person.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email))
        .select_related("organization__area", "user")
        .order_by("pk")
    )


def user_with_email(email):
    return get_user_model().objects.filter(email__iexact=email).first()


def person_data(email):
    """A JSON-ready dict of the person rows, forum seats, decisions, user account and history."""
    people = list(people_with_email(email))
    user = user_with_email(email) or next((person.user for person in people if person.user), None)
    if user is not None:
        linked = Person.objects.filter(user=user).select_related("organization__area")
        people += [person for person in linked if person not in people]
    person_ids = [person.pk for person in people]
    history = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Person), object_id__in=person_ids)
    if user is not None:
        history = history | LogEntry.objects.filter(actor=user)
    return {
        "email": email,
        "people": [
            {
                "uuid": str(person.uuid),
                "area": person.organization.area.name,
                "organisation": person.organization.name,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "title": person.title,
                "email": person.email,
                "phone": person.phone,
                "show_publicly": person.show_publicly,
                "show_email_publicly": person.show_email_publicly,
                "show_phone_publicly": person.show_phone_publicly,
                "left_at": person.left_at,
                "erased_at": person.erased_at,
            }
            for person in people
        ],
        "forum_memberships": [
            {
                "area": seat.forum.area.name,
                "forum": seat.forum.name,
                "organisation": seat.organization.name,
                "role": seat.role,
            }
            for seat in ForumMember.objects.filter(person__in=person_ids).select_related("forum__area", "organization")
        ],
        "decisions": [
            {
                "uuid": str(decision.uuid),
                "area": decision.meeting.forum.area.name,
                "forum": decision.meeting.forum.name,
                "meeting": decision.meeting.starts_at,
                "text": decision.text,
                "due_date": decision.due_date,
            }
            for decision in Decision.objects.filter(responsible_person__in=person_ids).select_related(
                "meeting__forum__area"
            )
        ],
        "user": None
        if user is None
        else {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_active": user.is_active,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "memberships": [
                {
                    "area": membership.organization.area.name,
                    "organisation": membership.organization.name,
                    "role": membership.role,
                }
                for membership in user.memberships.select_related("organization__area")
            ],
        },
        "history": [
            {
                "timestamp": entry.timestamp,
                "action": entry.get_action_display(),
                "object": f"{entry.content_type.model}: {entry.object_repr}",
                "changes": entry.changes,
                "by_this_person": user is not None and entry.actor_id == user.pk,
            }
            for entry in history.select_related("content_type").order_by("timestamp")
        ],
    }
