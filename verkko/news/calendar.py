"""iCalendar feeds of events and forum meetings, in Europe/Helsinki time with its VTIMEZONE,
so that common calendar programs (Outlook, Google, Apple) show the right local time."""

import datetime
import zoneinfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from verkko.areas import area_reverse

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# Meetings have a start but no recorded end: calendars show them this long.
MEETING_LENGTH = datetime.timedelta(hours=2)
# How far back the feeds reach; what is older has left the calendars that matter.
FEED_DAYS_BACK = 180
UID_DOMAIN = "verkko"


def feed_window_start(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=FEED_DAYS_BACK)


def _local(moment):
    return moment.astimezone(HELSINKI)


def event_component(event, absolute):
    """absolute(path) gives the full address of a path on this site."""
    component = icalendar.Event()
    component.add("uid", f"event-{event.uuid}@{UID_DOMAIN}")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    component.add("dtstart", _local(event.starts_at))
    component.add("dtend", _local(event.ends_at))
    component.add("summary", event.title)
    url = absolute(area_reverse(event.area, "news:event", args=[event.uuid]))
    component.add("url", url)
    location = event.place or event.online_url
    if location:
        component.add("location", location)
    description = "\n\n".join(part for part in (event.description, event.online_url, url) if part)
    component.add("description", description)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return component


def meeting_component(meeting, absolute):
    component = icalendar.Event()
    component.add("uid", f"meeting-{meeting.uuid}@{UID_DOMAIN}")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    component.add("dtstart", _local(meeting.starts_at))
    component.add("dtend", _local(meeting.starts_at + MEETING_LENGTH))
    component.add("summary", _("Meeting: %(forum)s") % {"forum": meeting.forum.name})
    url = absolute(area_reverse(meeting.forum.area, "ecosystem:meeting", args=[meeting.uuid]))
    component.add("url", url)
    location = meeting.place or meeting.online_url
    if location:
        component.add("location", location)
    component.add("description", "\n\n".join(part for part in (meeting.online_url, url) if part))
    component.add("status", "CONFIRMED")
    return component


def calendar_bytes(name, events, meetings, absolute):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Verkko//Verkko calendar//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    for event in events:
        calendar.add_component(event_component(event, absolute))
    for meeting in meetings:
        calendar.add_component(meeting_component(meeting, absolute))
    calendar.add_missing_timezones()
    return calendar.to_ical()
