"""Demo data of the Oulu employment area: services, three collaboration processes (a large lay-off,
an employer's recruitment, a young person's guidance), agreements and commitments. All invented
(the pages say so: the area is a demo area). Safe to load again: it updates, never duplicates."""

import datetime
import importlib
import uuid

from django.apps import apps
from django.utils import timezone

from verkko.ecosystem import demo as ecosystem_demo
from verkko.ecosystem.models import Forum, Municipality, TargetGroup
from verkko.goals.models import Action, Goal
from verkko.processes.models import Agreement, Audience, Commitment, Process, ProcessStep, Service

DEMO_NAMESPACE = uuid.UUID("0b7f3e7c-4f2a-4d8e-9b61-2c5a7d9e1f03")
NOTE = "Keksitty esimerkki."
G = TargetGroup.Code
J, E = Audience.JOB_SEEKERS, Audience.EMPLOYERS

# key: (organisation, name, audience, target groups, municipality codes ([] = the whole area),
#       phone, e-mail, form, walk-in, languages, cost, description)
SERVICES = {
    "ohjaamo": (
        "BusinessOulu",
        "Ohjaamo Oulu – nuorten matalan kynnyksen ohjaus",
        J,
        [G.YOUNG_PEOPLE],
        [],
        "044 700 1000",
        "ohjaamo@example.fi",
        "",
        "Torikatu 10, Oulu, ma–to 10–16",
        "fi, sv, en",
        "maksuton",
        "Alle 30-vuotiaille: ohjausta työhön, koulutukseen ja arjen asioihin yhdestä paikasta.",
    ),
    "kempele-nuoret": (
        "Kempeleen kunta",
        "Kempeleen nuorten työpaja ja etsivä nuorisotyö",
        J,
        [G.YOUNG_PEOPLE, G.STUDENTS],
        ["244"],
        "040 555 0244",
        "nuoret@kempele.example.fi",
        "https://lomake.example.fi/kempele-nuoret",
        "Kirkkotie 5, Kempele, ti ja to 12–15",
        "fi",
        "maksuton",
        "Työpajajakso ja henkilökohtainen valmennus 16–29-vuotiaille kempeleläisille.",
    ),
    "osao-opinnot": (
        "Oulun seudun ammattiopisto OSAO",
        "Ammatillisen koulutuksen haku- ja opinto-ohjaus",
        J,
        [G.YOUNG_PEOPLE, G.STUDENTS, G.IMMIGRANTS],
        [],
        "",
        "hakupalvelut@osao.example.fi",
        "https://lomake.example.fi/osao",
        "",
        "fi, en",
        "maksuton",
        "Jatkuva haku ammatilliseen koulutukseen ja oppisopimukseen.",
    ),
    "muutosturva": (
        "BusinessOulu",
        "Muutosturva ja irtisanottujen työnhakupalvelut",
        J,
        [G.JOB_SEEKERS, G.OLDER_WORKERS],
        [],
        "044 700 2000",
        "muutosturva@example.fi",
        "",
        "",
        "fi, sv, en",
        "maksuton",
        "Työllistymissuunnitelma, muutosturvakoulutus ja työnhaun valmennus irtisanotuille.",
    ),
    "tyokyky": (
        "Pohjois-Pohjanmaan hyvinvointialue",
        "Työkyvyn arviointi ja kuntoutusohjaus",
        J,
        [G.PARTIAL_WORK_ABILITY, G.LONG_TERM_UNEMPLOYED],
        [],
        "08 315 0000",
        "",
        "",
        "",
        "fi, sv",
        "maksuton",
        "Työkyvyn tuki ja ohjaus kuntoutukseen yhteistyössä Kelan kanssa.",
    ),
    "tyonantajapalvelu": (
        "BusinessOulu",
        "Yhteinen työnantajapalvelu",
        E,
        [G.EMPLOYERS],
        [],
        "044 700 3000",
        "yrityspalvelut@example.fi",
        "https://lomake.example.fi/rekrytointi",
        "",
        "fi, en",
        "maksuton",
        "Rekrytointiapu, työpaikkailmoitukset, rekrytointikoulutus ja palkkatuen neuvonta.",
    ),
    "yrittajat-rekry": (
        "Pohjois-Pohjanmaan Yrittäjät",
        "Pienyritysten rekrytointineuvonta",
        E,
        [G.EMPLOYERS, G.ENTREPRENEURS],
        ["564", "244", "425"],
        "",
        "neuvonta@yrittajat.example.fi",
        "",
        "",
        "fi",
        "jäsenille maksuton",
        "Ensimmäisen työntekijän palkkaaminen, työsopimukset ja tuet.",
    ),
}

# slug: (name, purpose, trigger, target groups, forum slugs, goal slugs, owner, review in days, steps)
# step: (title, responsible, partners, time frame, services, description)
PROCESSES = {
    "suuret-irtisanomiset": (
        "Suuret irtisanomiset ja muutosturva",
        "Irtisanotut saavat tiedon palveluista ennen irtisanomisaikaa ja pääsevät nopeasti uuteen työhön tai "
        "koulutukseen. " + NOTE,
        "Yritys ilmoittaa muutosneuvotteluista, joissa yli 20 työntekijää voidaan irtisanoa "
        "(esimerkiksi 80 irtisanomista Oulussa).",
        [G.JOB_SEEKERS, G.OLDER_WORKERS],
        ["tyonantajapalveluiden-verkosto"],
        ["tyollisyysasteen-nosto"],
        "BusinessOulu",
        120,
        [
            (
                "Yhteydenotto yritykseen ja muutostiimin kokoaminen",
                "BusinessOulu",
                ["Pohjois-Suomen elinvoimakeskus"],
                "2 arkipäivän kuluessa ilmoituksesta",
                [],
                "Yrityspalvelut soittaa yritykselle ja sopii infotilaisuudesta; muutostiimiin kutsutaan "
                "elinvoimakeskus, Kela ja oppilaitokset.",
            ),
            (
                "Infotilaisuus henkilöstölle",
                "BusinessOulu",
                ["Kela", "Oulun seudun ammattiopisto OSAO", "Oulun ammattikorkeakoulu"],
                "ennen muutosneuvottelujen päättymistä",
                ["muutosturva"],
                "Työttömyysturva, muutosturva, koulutusmahdollisuudet ja työnhaku.",
            ),
            (
                "Työllistymissuunnitelmat irtisanotuille",
                "BusinessOulu",
                [],
                "kahden viikon kuluessa irtisanomisesta",
                ["muutosturva"],
                "",
            ),
            (
                "Rekrytointitapahtuma muiden työnantajien kanssa",
                "Pohjois-Pohjanmaan Yrittäjät",
                ["BusinessOulu", "Oulun Kauppakamari"],
                "1–2 kuukauden kuluessa",
                ["tyonantajapalvelu"],
                "",
            ),
            (
                "Muutosturvakoulutukset ja jatkokoulutus",
                "Oulun ammattikorkeakoulu",
                ["Oulun seudun ammattiopisto OSAO", "Pohjois-Suomen elinvoimakeskus"],
                "irtisanomisajan aikana",
                ["osao-opinnot"],
                "",
            ),
        ],
    ),
    "tyonantajan-rekrytointi": (
        "Työnantajan rekrytointi",
        "Työnantaja löytää osaajan nopeasti yhden yhteydenoton kautta. " + NOTE,
        "Työnantaja ottaa yhteyttä työnantajapalveluun tai ilmoittaa avoimesta työpaikasta.",
        [G.EMPLOYERS, G.ENTREPRENEURS],
        ["tyonantajapalveluiden-verkosto"],
        ["rekrytointivaikeuksien-helpottaminen"],
        "BusinessOulu",
        200,
        [
            (
                "Osaamistarpeen kartoitus",
                "BusinessOulu",
                ["Pohjois-Pohjanmaan Yrittäjät"],
                "3 arkipäivää",
                ["tyonantajapalvelu", "yrittajat-rekry"],
                "",
            ),
            (
                "Hakijoiden esivalinta ja tukien selvittäminen",
                "BusinessOulu",
                ["Kela"],
                "1–2 viikkoa",
                ["tyonantajapalvelu"],
                "",
            ),
            (
                "Koulutuksen räätälöinti tarvittaessa",
                "Oulun seudun ammattiopisto OSAO",
                ["Oulun ammattikorkeakoulu"],
                "1–3 kuukautta",
                ["osao-opinnot"],
                "Rekrytointikoulutus tai oppisopimus.",
            ),
            ("Seuranta kolmen kuukauden kuluttua", "BusinessOulu", [], "3 kuukautta", [], ""),
        ],
    ),
    "nuoren-ohjauspolku": (
        "Nuoren ohjauspolku",
        "Nuori saa oikean palvelun ensimmäisellä yhteydenotolla, eikä kukaan putoa palvelujen väliin. " + NOTE,
        "Alle 30-vuotias ilmoittautuu työnhakijaksi, keskeyttää opinnot tai hakeutuu Ohjaamoon.",
        [G.YOUNG_PEOPLE],
        ["nuorten-verkosto"],
        ["nuorisotyottomyyden-vahentaminen"],
        "BusinessOulu",
        60,
        [
            (
                "Ensikohtaaminen Ohjaamossa tai kunnan nuorisopalveluissa",
                "BusinessOulu",
                ["Kempeleen kunta", "Nuorten Ystävät"],
                "viikon kuluessa yhteydenotosta",
                ["ohjaamo", "kempele-nuoret"],
                "",
            ),
            (
                "Tilanteen arviointi ja polun sopiminen",
                "BusinessOulu",
                ["Pohjois-Pohjanmaan hyvinvointialue"],
                "2 viikkoa",
                ["ohjaamo", "tyokyky"],
                "",
            ),
            (
                "Koulutus, työpaja tai työkokeilu",
                "Oulun seudun ammattiopisto OSAO",
                ["Kempeleen kunta", "Nuorten Ystävät"],
                "1–6 kuukautta",
                ["osao-opinnot", "kempele-nuoret"],
                "",
            ),
            ("Jälkiseuranta", "Nuorten Ystävät", ["BusinessOulu"], "3 kuukautta polun jälkeen", [], ""),
        ],
    ),
}

# key: (title, scope, parties, start, end, review in days, forum slug)
AGREEMENTS = {
    "hyvinvointialue": (
        "Työllisyysalueen ja hyvinvointialueen yhteistyösopimus",
        "Työkyvyn tuki, monialainen yhteispalvelu ja tiedonvaihto. " + NOTE,
        ["BusinessOulu", "Pohjois-Pohjanmaan hyvinvointialue", "Kela"],
        datetime.date(2025, 1, 1),
        "in_60_days",
        30,
        "osatyokykyisten-verkosto",
    ),
    "ohjaamo": (
        "Ohjaamo-kumppanuussopimus",
        "Ohjaamon toimipisteet, henkilöstön työpanokset ja yhteinen asiakasohjaus. " + NOTE,
        ["BusinessOulu", "Oulun seudun ammattiopisto OSAO", "Nuorten Ystävät", "Kempeleen kunta"],
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
        180,
        "nuorten-verkosto",
    ),
    "tyonantajapalvelu": (
        "Yhteisen työnantajapalvelun sopimus",
        "Yhteinen yhteydenottokanava ja rekrytointitapahtumat. " + NOTE,
        ["BusinessOulu", "Pohjois-Pohjanmaan Yrittäjät", "Oulun Kauppakamari"],
        datetime.date(2026, 3, 1),
        datetime.date(2028, 2, 28),
        300,
        "tyonantajapalveluiden-verkosto",
    ),
}

# (agreement key or action title, organisation, kind, amount, description)
COMMITMENTS = [
    (
        "agreement:hyvinvointialue",
        "Pohjois-Pohjanmaan hyvinvointialue",
        "person_months",
        24,
        "Kaksi työkykykoordinaattoria",
    ),
    ("agreement:hyvinvointialue", "BusinessOulu", "euros", 120000, "Yhteispalvelun tilat ja koordinointi"),
    ("agreement:hyvinvointialue", "Kela", "in_kind", None, "Kuntoutusasiantuntijan konsultaatiot"),
    ("agreement:ohjaamo", "BusinessOulu", "person_months", 36, "Ohjaamon palveluohjaajat"),
    ("agreement:ohjaamo", "Oulun seudun ammattiopisto OSAO", "person_months", 12, "Opinto-ohjaaja Ohjaamossa"),
    ("agreement:ohjaamo", "Kempeleen kunta", "in_kind", 8000, "Työpajan tilat Kempeleessä"),
    ("agreement:tyonantajapalvelu", "Pohjois-Pohjanmaan Yrittäjät", "euros", 15000, "Rekrytointitapahtumat"),
    ("action:Ohjaamon palveluohjauksen vahvistaminen", "BusinessOulu", "person_months", 6, "Lisäohjaaja"),
    ("action:Oppisopimuspolku nuorille", "Oulun seudun ammattiopisto OSAO", "euros", 40000, "Oppisopimuskoulutus"),
    ("action:Yhteinen työnantajapalvelu ja rekrytointikoulutukset", "BusinessOulu", "person_months", 18, ""),
]


def _stable(key):
    return uuid.uuid5(DEMO_NAMESPACE, key)


def _org(name):
    return ecosystem_demo.organization(name)


def load(stdout):
    area = ecosystem_demo.area()
    today = timezone.localdate()
    # Today's free-text services of the organisations' roles become records, as the migration does.
    importlib.import_module("verkko.processes.migrations.0002_services_from_role_texts").move_role_texts(apps, None)
    groups = {group.code: group for group in TargetGroup.objects.all()}
    services = {}
    for key, (
        org,
        name,
        audience,
        group_codes,
        codes,
        phone,
        email,
        form,
        walk_in,
        languages,
        cost,
        text,
    ) in SERVICES.items():
        service, _created = Service.objects.update_or_create(
            uuid=_stable(f"service/{key}"),
            defaults={
                "area": area,
                "organization": _org(org),
                "name": name,
                "audience": audience,
                "referral_phone": phone,
                "referral_email": email,
                "referral_form_url": form,
                "walk_in": walk_in,
                "languages": languages,
                "cost": cost,
                "description": f"{text} {NOTE}",
            },
        )
        service.target_groups.set([groups[code] for code in group_codes if code in groups])
        service.municipalities.set(Municipality.objects.filter(code__in=codes))
        services[key] = service
    forums = {forum.slug: forum for forum in Forum.objects.filter(area=area)}
    goals = {goal.slug: goal for goal in Goal.objects.filter(area=area)}
    for slug, (name, purpose, trigger, group_codes, forum_slugs, goal_slugs, owner, review, steps) in PROCESSES.items():
        process, _created = Process.objects.update_or_create(
            area=area,
            slug=slug,
            defaults={
                "name": name,
                "purpose": purpose,
                "trigger": trigger,
                "owner": _org(owner),
                "review_on": today + datetime.timedelta(days=review),
            },
        )
        process.target_groups.set([groups[code] for code in group_codes if code in groups])
        process.forums.set([forums[s] for s in forum_slugs if s in forums])
        process.goals.set([goals[s] for s in goal_slugs if s in goals])
        process.steps.filter(number__gt=len(steps)).delete()
        for number, (title, responsible, partners, time_frame, service_keys, text) in enumerate(steps, start=1):
            step, _created = ProcessStep.objects.update_or_create(
                process=process,
                number=number,
                defaults={
                    "title": title,
                    "responsible": _org(responsible),
                    "time_frame": time_frame,
                    "description": text,
                },
            )
            step.partners.set([_org(partner) for partner in partners])
            step.services.set([services[key] for key in service_keys])
    agreements = {}
    for key, (title, scope, parties, starts, ends, review, forum_slug) in AGREEMENTS.items():
        ends = today + datetime.timedelta(days=60) if ends == "in_60_days" else ends
        agreement, _created = Agreement.objects.update_or_create(
            uuid=_stable(f"agreement/{key}"),
            defaults={
                "area": area,
                "title": title,
                "scope": scope,
                "starts_on": starts,
                "ends_on": ends,
                "review_on": today + datetime.timedelta(days=review),
                "forum": forums.get(forum_slug),
            },
        )
        agreement.parties.set([_org(party) for party in parties])
        agreements[key] = agreement
    year_start, year_end = today.replace(month=1, day=1), today.replace(month=12, day=31)
    for index, (target, org, kind, amount, description) in enumerate(COMMITMENTS):
        kind_of_target, name = target.split(":", 1)
        links = {"agreement": agreements.get(name), "action": None}
        if kind_of_target == "action":
            links = {
                "agreement": None,
                "action": Action.objects.filter(lead_organization__area=area, title=name).first(),
            }
            if links["action"] is None:
                continue
        Commitment.objects.update_or_create(
            uuid=_stable(f"commitment/{index}"),
            defaults={
                **links,
                "organization": _org(org),
                "kind": kind,
                "amount": amount,
                "description": description,
                "starts_on": year_start,
                "ends_on": year_end,
            },
        )
    stdout.write(
        f"Demo processes: {len(PROCESSES)} processes, {Service.objects.filter(area=area).count()} services, "
        f"{len(AGREEMENTS)} agreements, {len(COMMITMENTS)} commitments (invented)."
    )
