"""Demo news and events of the Oulu employment area (invented, marked is_demo and shown as such),
follows and sign-ups of the demo users, and readings so that "what's new" and a digest have content.
Safe to load again: it updates, never duplicates. Times are relative to today."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verkko.accounts.models import User
from verkko.ecosystem import demo as ecosystem_demo
from verkko.ecosystem.models import Forum, Organization
from verkko.goals.models import Goal, Indicator
from verkko.news.calendar import HELSINKI
from verkko.news.models import Audience, Event, Follow, NewsItem, Reading, Registration

NOTE = "\n\n*Keksitty esimerkki Verkon esittelyä varten.*"

# (title, body, audience, forum slugs, author organisation, days from today (negative: past), hour)
NEWS = [
    (
        "Rekrytointimessut tulevat Ouluhalliin",
        "Työnantajapalveluiden verkosto järjestää **rekrytointimessut** kuukauden päästä. Mukana on jo "
        "yli 40 yritystä ja oppilaitosta.\n\n- työnhakijoille maksuton\n- työnantajille näytteilleasettajapaikat "
        "verkoston kautta",
        Audience.PUBLIC,
        [],
        "BusinessOulu",
        -2,
        9,
    ),
    (
        "Kesätyösetelit haettavissa",
        "Oulun kaupungin kesätyöseteli 15–17-vuotiaille on haettavissa. Yritys saa setelin "
        "palkkaamalla nuoren vähintään kahdeksi viikoksi.",
        Audience.PUBLIC,
        [],
        "Oulun kaupunki",
        -5,
        12,
    ),
    (
        "Ohjausryhmän terveiset: painopisteet syksylle",
        "Ohjausryhmä linjasi syksyn painopisteiksi **pitkäaikaistyöttömyyden** ja "
        "**osatyökykyisten työllistymisen**. Kumppaneita pyydetään päivittämään toimenpiteidensä tilanne "
        "kuun loppuun mennessä.",
        Audience.PARTNERS,
        [],
        "BusinessOulu",
        -1,
        15,
    ),
    (
        "TUVA-koulutuksen aloituspaikat keväälle",
        "OSAO avaa kevääksi 40 uutta TUVA-paikkaa. Ohjatkaa nuoria hakemaan; haku päättyy kuun lopussa.",
        Audience.FORUMS,
        ["nuorten-verkosto"],
        "Oulun seudun ammattiopisto OSAO",
        -3,
        10,
    ),
    (
        "Työllisyyskatsaus ilmestyy ensi viikolla",
        "Kuukauden työllisyyskatsaus julkaistaan tilastojen päivityttyä.",
        Audience.PUBLIC,
        [],
        "BusinessOulu",
        4,
        8,
    ),
]

# (title, description, audience, forum slug, organiser, days from today, hour, hours long, place, online,
#  registration link, sign-up, seats, cancelled)
EVENTS = [
    (
        "Rekrytointimessut 2026",
        "Yritysten ja työnhakijoiden kohtaamispaikka. Ilmoittautuminen järjestäjän sivuilla.",
        Audience.PUBLIC,
        "tyonantajapalveluiden-verkosto",
        "BusinessOulu",
        30,
        10,
        6,
        "Ouluhalli, Oulu",
        "",
        "https://example.com/rekrytointimessut",
        False,
        None,
        False,
    ),
    (
        "Nuorten työnhakupaja",
        "Ansioluettelo kuntoon ja harjoitushaastattelu. Paikkoja on rajoitetusti.",
        Audience.PUBLIC,
        "nuorten-verkosto",
        "Nuorten Ystävät",
        7,
        13,
        3,
        "Ohjaamo Oulu",
        "",
        "",
        True,
        15,
        False,
    ),
    (
        "Kumppaniaamupäivä: yhteistyön suunta 2027",
        "Työllisyysalueen kumppaneiden yhteinen aamupäivä: tilannekuva, tavoitteet ja ensi vuoden toimenpiteet.",
        Audience.PARTNERS,
        "ohjausryhma",
        "BusinessOulu",
        14,
        9,
        3,
        "",
        "https://teams.example.com/kumppaniaamupaiva",
        "",
        True,
        None,
        False,
    ),
    (
        "Maahanmuuttajien työllisyysilta",
        "Ilta siirtyy myöhemmäksi; uusi ajankohta kerrotaan verkoston uutisissa.",
        Audience.PUBLIC,
        "maahanmuuttajien-verkosto",
        "Pohjois-Suomen elinvoimakeskus",
        10,
        17,
        2,
        "Oulun pääkirjasto",
        "",
        "",
        False,
        None,
        True,
    ),
    (
        "Kevään verkostopäivä",
        "Kaikkien verkostojen yhteinen päivä.",
        Audience.PUBLIC,
        "ohjausryhma",
        "BusinessOulu",
        -30,
        9,
        6,
        "Oulun kaupungintalo",
        "",
        "",
        False,
        None,
        False,
    ),
]

# Demo user → what they follow: (model, slug or organisation name).
FOLLOWS = {
    "coordinator@example.com": [(Forum, "ohjausryhma"), (Goal, "tyollisyysasteen-nosto")],
    "editor@example.com": [
        (Forum, "nuorten-verkosto"),
        (Goal, "nuorisotyottomyyden-vahentaminen"),
        (Indicator, "nuorten-koulutukseen-ohjatut"),
    ],
    "member@example.com": [
        (Forum, "ohjausryhma"),
        (Indicator, "tyottomyysaste"),
        (Organization, "BusinessOulu"),
    ],
}
SIGN_UPS = {
    "member@example.com": ["Nuorten työnhakupaja"],
    "editor@example.com": ["Kumppaniaamupäivä: yhteistyön suunta 2027"],
}
# Without a visit to "what's new", the demo users read it as if they had last looked a week ago.
LAST_SEEN_DAYS_AGO = 7


def _at(today, days, hour):
    return datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour), tzinfo=HELSINKI)


def _subject(area, model, key):
    if model is Organization:
        return Organization.objects.get(area=area, name=key)
    return model.objects.filter(area=area, slug=key).first()


def load(stdout):
    area = ecosystem_demo.area()
    today = timezone.localdate()
    coordinator = User.objects.filter(email="coordinator@example.com").first()
    forums = {forum.slug: forum for forum in Forum.objects.filter(area=area)}
    for title, body, audience, forum_slugs, author, days, hour in NEWS:
        item, _ = NewsItem.objects.update_or_create(
            area=area,
            title=title,
            defaults={
                "body": body + NOTE,
                "audience": audience,
                "author_organization": ecosystem_demo.organization(author),
                "publish_at": _at(today, days, hour),
                "created_by": coordinator,
                "is_demo": True,
            },
        )
        item.forums.set([forums[slug] for slug in forum_slugs if slug in forums])
    events = {}
    for (
        title,
        description,
        audience,
        forum_slug,
        organizer,
        days,
        hour,
        length,
        place,
        online,
        registration_url,
        signup,
        seats,
        cancelled,
    ) in EVENTS:
        starts = _at(today, days, hour)
        event, _ = Event.objects.update_or_create(
            area=area,
            title=title,
            defaults={
                "description": description + NOTE,
                "audience": audience,
                "forum": forums.get(forum_slug),
                "organizer": ecosystem_demo.organization(organizer),
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=length),
                "place": place,
                "online_url": online,
                "registration_url": registration_url,
                "signup_enabled": signup,
                "seat_limit": seats,
                "created_by": coordinator,
                "is_demo": True,
            },
        )
        if cancelled and event.cancelled_at is None:
            event.cancelled_at = timezone.now()
            event.save(update_fields=["cancelled_at", "updated_at"])
        events[title] = event

    users = {user.email: user for user in User.objects.filter(email__in=[*FOLLOWS, *SIGN_UPS])}
    follows = 0
    for email, subjects in FOLLOWS.items():
        if email not in users:
            continue
        for model, key in subjects:
            subject = _subject(area, model, key)
            if subject is None:
                continue
            Follow.objects.get_or_create(
                user=users[email],
                subject_type=ContentType.objects.get_for_model(subject),
                subject_id=subject.pk,
                defaults={"area": area},
            )
            follows += 1
        Reading.objects.get_or_create(
            user=users[email],
            area=area,
            defaults={"last_seen_at": timezone.now() - datetime.timedelta(days=LAST_SEEN_DAYS_AGO)},
        )
    for email, titles in SIGN_UPS.items():
        for title in titles:
            if email in users:
                Registration.objects.get_or_create(event=events[title], user=users[email])
    stdout.write(
        f"Demo news and events: {len(NEWS)} news items and {len(EVENTS)} events (invented), "
        f"{follows} follows of the demo users."
    )
