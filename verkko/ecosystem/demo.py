"""Demo data of the Oulu employment area: real municipalities and public organisations,
invented people, and the three demo users. Safe to load again: it updates, never duplicates."""

import csv
import datetime
import os
import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from verkko.accounts.models import Membership, User
from verkko.areas import area_reverse
from verkko.ecosystem import actions
from verkko.ecosystem.classification import read_classification
from verkko.ecosystem.models import (
    Decision,
    EmploymentArea,
    Forum,
    ForumMember,
    Meeting,
    Municipality,
    Organization,
    Person,
    ReferenceArea,
    Responsibility,
    Role,
    TargetGroup,
    Visibility,
)

AREA_SLUG = "oulu"
OULU_REFERENCE_AREA = "24"  # Oulun seutu in Statistics Finland's classification

# A second, small and invented area beside Oulu's, so that the boundary between areas shows.
OTHER_AREA_SLUG = "rannikko"
OTHER_AREA_COORDINATOR = "coordinator@rannikko.example.com"
OTHER_AREA_MUNICIPALITIES = ("678", "748", "625")  # Raahe (host), Siikajoki, Pyhäjoki
OTHER_AREA_ORGANISATIONS = [
    # name, type, municipality code, description
    ("Rannikon kehitysyhtiö", "municipality", "678", "Keksitty esimerkki: alueen työllisyyspalvelujen järjestäjä."),
    ("Rannikon ammattiopisto", "education", "678", "Keksitty esimerkki: ammatillinen koulutus."),
    ("Rannikon yrittäjät", "business_organisation", "748", "Keksitty esimerkki: yrittäjäjärjestö."),
]
OTHER_AREA_FORUMS = [
    # slug, name, level, public, purpose
    ("ohjausryhma", "Rannikon työllisyyden ohjausryhmä", "strategic", True, "Keksitty esimerkki."),
    ("rekrytointiverkosto", "Rannikon rekrytointiverkosto", "operational", False, "Keksitty esimerkki."),
]
MUNICIPALITIES_CSV = Path(__file__).resolve().parent / "data" / "oulu-employment-area.csv"
MUNICIPALITY_ORGANISATIONS = {
    "072": ("Hailuodon kunta", "Karlö kommun"),
    "139": ("Iin kunta", "Ijo kommun"),
    "244": ("Kempeleen kunta", "Kempele kommun"),
    "425": ("Limingan kunta", "Limingo kommun"),
    "436": ("Lumijoen kunta", "Lumijoki kommun"),
    "494": ("Muhoksen kunta", "Muhos kommun"),
    "564": ("Oulun kaupunki", "Uleåborgs stad"),
    "615": ("Pudasjärven kaupunki", "Pudasjärvi stad"),
    "859": ("Tyrnävän kunta", "Tyrnävä kommun"),
    "889": ("Utajärven kunta", "Utajärvi kommun"),
    "785": ("Vaalan kunta", "Vaala kommun"),
}
T = Organization.Type
G = TargetGroup.Code
# (name, Swedish name, type, municipality code, business ID, website, target groups, description)
OTHER_ORGANISATIONS = [
    (
        "BusinessOulu",
        "BusinessOulu",
        T.MUNICIPALITY,
        "564",
        "",
        "https://www.businessoulu.com",
        [G.JOB_SEEKERS, G.EMPLOYERS, G.ENTREPRENEURS, G.IMMIGRANTS],
        "Oulun kaupungin liikelaitos, joka järjestää Oulun työllisyysalueen julkiset työvoima- ja yrityspalvelut.",
    ),
    (
        "Pohjois-Pohjanmaan hyvinvointialue",
        "Norra Österbottens välfärdsområde",
        T.WELLBEING_COUNTY,
        "564",
        "",
        "https://pohde.fi",
        [G.PARTIAL_WORK_ABILITY, G.LONG_TERM_UNEMPLOYED, G.YOUNG_PEOPLE],
        "Sosiaali- ja terveyspalvelut, kuntoutus ja työkyvyn tuki.",
    ),
    (
        "Kela",
        "FPA",
        T.KELA,
        "564",
        "0246246-0",
        "https://www.kela.fi",
        [G.JOB_SEEKERS, G.PARTIAL_WORK_ABILITY],
        "Työttömyysturva, kuntoutus ja ammatillinen kuntoutus.",
    ),
    (
        "Pohjois-Suomen elinvoimakeskus",
        "",
        T.STATE_AGENCY,
        "564",
        "",
        "",
        [G.EMPLOYERS, G.IMMIGRANTS],
        "Valtion alueellinen elinvoimakeskus (Pohjois-Pohjanmaa ja Kainuu), "
        "joka jatkoi ELY-keskuksen tehtäviä 1.1.2026.",
    ),
    (
        "Kehittämis- ja hallintokeskus (KEHA-keskus)",
        "Utvecklings- och förvaltningscentret",
        T.STATE_AGENCY,
        None,
        "",
        "",
        [],
        "Tuottaa työ- ja elinkeinopalvelujen tilastot ja valtakunnalliset tukipalvelut.",
    ),
    (
        "Oulun yliopisto",
        "Uleåborgs universitet",
        T.EDUCATION,
        "564",
        "0245872-8",
        "https://www.oulu.fi",
        [G.STUDENTS],
        "Yliopisto: koulutus, tutkimus ja osaajien saatavuus.",
    ),
    (
        "Oulun ammattikorkeakoulu",
        "Uleåborgs yrkeshögskola",
        T.EDUCATION,
        "564",
        "",
        "https://www.oamk.fi",
        [G.STUDENTS, G.EMPLOYERS],
        "Ammattikorkeakoulu: tutkinto- ja täydennyskoulutus.",
    ),
    (
        "Oulun seudun ammattiopisto OSAO",
        "",
        T.EDUCATION,
        "564",
        "",
        "https://www.osao.fi",
        [G.YOUNG_PEOPLE, G.STUDENTS, G.IMMIGRANTS],
        "Ammatillinen koulutus nuorille ja aikuisille.",
    ),
    (
        "Oulun Kauppakamari",
        "Uleåborgs handelskammare",
        T.BUSINESS_ORGANISATION,
        "564",
        "",
        "https://kauppakamari.fi/oulu",
        [G.EMPLOYERS],
        "Alueen yritysten etujärjestö.",
    ),
    (
        "Pohjois-Pohjanmaan Yrittäjät",
        "",
        T.BUSINESS_ORGANISATION,
        "564",
        "",
        "https://www.yrittajat.fi/pohjois-pohjanmaa",
        [G.EMPLOYERS, G.ENTREPRENEURS],
        "Pienten ja keskisuurten yritysten edunvalvoja.",
    ),
    (
        "Oulun Seudun Setlementti",
        "",
        T.NGO,
        "564",
        "",
        "",
        [G.LONG_TERM_UNEMPLOYED, G.IMMIGRANTS],
        "Järjestö: työllistymistä tukevat palvelut ja kotoutuminen.",
    ),
    (
        "Nuorten Ystävät",
        "",
        T.NGO,
        "564",
        "",
        "",
        [G.YOUNG_PEOPLE, G.PARTIAL_WORK_ABILITY],
        "Järjestö: nuorten ja osatyökykyisten tuki.",
    ),
]

# The demo users and their organisations; their names are invented.
DEMO_USERS = [
    (
        "coordinator@example.com",
        "Kaisa",
        "Koordinaattori",
        "BusinessOulu",
        Membership.Role.COORDINATOR,
        "Työllisyysalueen koordinaattori",
    ),
    (
        "editor@example.com",
        "Eero",
        "Esimerkki",
        "Oulun seudun ammattiopisto OSAO",
        Membership.Role.EDITOR,
        "Koulutuspäällikkö",
    ),
    ("member@example.com", "Maija", "Malli", "Kempeleen kunta", Membership.Role.MEMBER, "Työllisyyskoordinaattori"),
]


def demo_password():
    """VERKKO_DEMO_PASSWORD, or one generated once and kept in var/ so that reloading keeps it."""
    if os.environ.get("VERKKO_DEMO_PASSWORD"):
        return os.environ["VERKKO_DEMO_PASSWORD"]
    path = Path(settings.VAR_DIR) / "demo-password.txt"
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


def area():
    return EmploymentArea.objects.get(slug=AREA_SLUG)


def organization(name):
    return Organization.objects.get(area__slug=AREA_SLUG, name=name)


def load(stdout):
    actions.load_classification(None, read_classification())
    oulu_area, _ = EmploymentArea.objects.update_or_create(
        slug=AREA_SLUG,
        defaults={
            "name": "Oulun työllisyysalue",
            "name_sv": "Uleåborgs sysselsättningsområde",
            "name_en": "Oulu employment area",
            "description": "Hailuoto, Ii, Kempele, Liminka, Lumijoki, Muhos, Oulu, Pudasjärvi, Tyrnävä, Utajärvi "
            "ja Vaala järjestävät julkiset työvoimapalvelut yhdessä 1.1.2025 alkaen. Vastuukunta on Oulu, "
            "ja palvelut järjestää BusinessOulu.",
            "description_sv": "Karlö, Ijo, Kempele, Limingo, Lumijoki, Muhos, Uleåborg, Pudasjärvi, Tyrnävä, "
            "Utajärvi och Vaala ordnar de offentliga arbetskraftstjänsterna tillsammans från 1.1.2025. "
            "Ansvarskommun är Uleåborg, och tjänsterna ordnas av BusinessOulu.",
            "description_en": "Hailuoto, Ii, Kempele, Liminka, Lumijoki, Muhos, Oulu, Pudasjärvi, Tyrnävä, Utajärvi "
            "and Vaala organise the public employment services together from 1 January 2025. Oulu is the "
            "responsible municipality, and BusinessOulu provides the services.",
            "is_demo": True,
            "reference_area": ReferenceArea.objects.get(code=OULU_REFERENCE_AREA),
        },
    )
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            municipality, _ = Municipality.objects.update_or_create(
                code=row["code"], defaults={"name_fi": row["name_fi"], "name_sv": row["name_sv"], "area": oulu_area}
            )
            if row["host"] == "yes":
                oulu_area.host_municipality = municipality
    oulu_area.save()

    target_groups = {code: TargetGroup.objects.get_or_create(code=code)[0] for code in TargetGroup.Code.values}
    for code, (name, name_sv) in MUNICIPALITY_ORGANISATIONS.items():
        _save_organization(
            oulu_area,
            name,
            name_sv,
            T.MUNICIPALITY,
            code,
            "0187690-1" if code == "564" else "",
            "",
            [G.JOB_SEEKERS, G.EMPLOYERS],
            "Työllisyysalueen vastuukunta." if code == "564" else "Työllisyysalueen jäsenkunta.",
            target_groups,
        )
    for name, name_sv, kind, code, business_id, website, groups, description in OTHER_ORGANISATIONS:
        _save_organization(
            oulu_area, name, name_sv, kind, code, business_id, website, groups, description, target_groups
        )

    password = demo_password()
    for email, first_name, last_name, organisation_name, role, title in DEMO_USERS:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.first_name, user.last_name = first_name, last_name
        user.set_password(password)
        user.save()
        member_of = organization(organisation_name)
        Membership.objects.update_or_create(user=user, organization=member_of, defaults={"role": role})
        Person.objects.update_or_create(
            user=user,
            defaults={
                "organization": member_of,
                "first_name": first_name,
                "last_name": last_name,
                "title": title,
                "email": email,
                "show_publicly": True,
            },
        )
    _load_network(oulu_area)
    other = _load_other_area(password)
    stdout.write(
        f"Demo area {oulu_area.name}: {oulu_area.municipalities.count()} municipalities, "
        f"{oulu_area.organizations.count()} organisations, {oulu_area.forums.count()} forums "
        "(the contact people are invented)."
    )
    stdout.write("Sign in at /fi/accounts/login/ as")
    for email, *_rest in DEMO_USERS:
        stdout.write(f"  {email}")
    stdout.write(f"with the password: {password}")
    stdout.write(
        f"A second, invented area {other.name} ({other.municipalities.count()} municipalities) shows the "
        f"boundary between areas; its coordinator is {OTHER_AREA_COORDINATOR}."
    )
    stdout.write(f"The areas' pages: {area_reverse(oulu_area, 'area_home')} and {area_reverse(other, 'area_home')}")


def other_area():
    return EmploymentArea.objects.get(slug=OTHER_AREA_SLUG)


def _load_other_area(password):
    """The invented second area: three municipalities, three organisations, a public and a partner-only forum."""
    other, _ = EmploymentArea.objects.update_or_create(
        slug=OTHER_AREA_SLUG,
        defaults={
            "name": "Rannikon työllisyysalue (keksitty)",
            "name_sv": "Kustens sysselsättningsområde (påhittat)",
            "name_en": "Coastal employment area (invented)",
            "description": "Keksitty esimerkkialue, joka näyttää, ettei toisen alueen kumppani näe Oulun "
            "kumppaneille tarkoitettuja tietoja.",
            "is_demo": True,
            "reference_area": None,
        },
    )
    municipalities = {code: Municipality.objects.get(code=code) for code in OTHER_AREA_MUNICIPALITIES}
    for municipality in municipalities.values():
        municipality.area = other
        municipality.save(update_fields=["area"])
    other.host_municipality = municipalities[OTHER_AREA_MUNICIPALITIES[0]]
    other.save()
    organisations = {}
    for name, kind, code, description in OTHER_AREA_ORGANISATIONS:
        organisations[name], _ = Organization.objects.update_or_create(
            area=other,
            name=name,
            defaults={
                "slug": slugify(name),
                "type": kind,
                "municipality": municipalities[code],
                "description": description,
            },
        )
    backbone = organisations[OTHER_AREA_ORGANISATIONS[0][0]]
    user = User.objects.filter(email=OTHER_AREA_COORDINATOR).first() or User(email=OTHER_AREA_COORDINATOR)
    user.first_name, user.last_name = "Riikka", "Rannikko"
    user.set_password(password)
    user.save()
    Membership.objects.update_or_create(
        user=user, organization=backbone, defaults={"role": Membership.Role.COORDINATOR}
    )
    for slug, name, level, public, purpose in OTHER_AREA_FORUMS:
        forum, _ = Forum.objects.update_or_create(
            area=other,
            slug=slug,
            defaults={
                "name": name,
                "level": level,
                "visibility": Visibility.PUBLIC if public else Visibility.PARTNERS,
                "purpose": purpose,
                "chair": backbone,
                "secretary": backbone,
            },
        )
        for organisation in organisations.values():
            ForumMember.objects.update_or_create(forum=forum, organization=organisation, person=None)
    return other


def _save_organization(
    oulu_area, name, name_sv, kind, municipality_code, business_id, website, groups, description, target_groups
):
    organisation, _ = Organization.objects.update_or_create(
        area=oulu_area,
        name=name,
        defaults={
            "slug": slugify(name),
            "name_sv": name_sv,
            "type": kind,
            "municipality": Municipality.objects.get(code=municipality_code) if municipality_code else None,
            "business_id": business_id,
            "website": website,
            "description": description,
        },
    )
    organisation.target_groups.set([target_groups[group] for group in groups])
    return organisation


# Roles of the demo organisations: (role, responsibilities, services for job seekers, services for employers);
# every member municipality has MEMBER_MUNICIPALITY_ROLE.
MEMBER_MUNICIPALITY_ROLE = (
    "Jäsenkunta: tuo oman kuntansa tarpeet työllisyysalueen suunnitteluun ja vastaa paikallisesta yhteistyöstä.",
    "Kunnan työllisyyskoordinaattorin tehtävät, paikallinen yritysyhteistyö, kunnan kesätyö- ja harjoittelupaikat.",
    "Paikallinen ohjaus ja neuvonta yhteistyössä BusinessOulun kanssa.",
    "Yhteys kunnan yrityksiin ja elinkeinopalveluihin.",
)
ROLES = {
    "BusinessOulu": (
        "Työllisyysalueen järjestäjä: vastaa julkisista työvoima- ja yrityspalveluista koko alueella ja "
        "koordinoi yhteistyöverkostoa.",
        "Työnhakijoiden palveluprosessi, työllisyysalueen yhteistyön koordinointi, kumppanuussopimukset, "
        "tavoitteiden seuranta ja raportointi ohjausryhmälle.",
        "Työnhaun tuki, palvelutarpeen arviointi, työnhakukeskustelut, palkkatuki, työkokeilu ja koulutukseen ohjaus.",
        "Rekrytointipalvelut, palkkatuki ja työnantajan neuvonta, yritysten perustamis- ja kasvupalvelut.",
    ),
    "Oulun kaupunki": (
        "Työllisyysalueen vastuukunta: tekee työllisyyspalveluiden järjestämistä koskevat päätökset ja kantaa "
        "rahoitusvastuun.",
        "Työllisyyspalveluiden talousarvio, järjestämissopimus, kunnan omat työllistämistoimet.",
        "Kaupungin harjoittelu- ja kesätyöpaikat, kuntouttava työtoiminta yhdessä hyvinvointialueen kanssa.",
        "Kaupungin hankinnat työllistämisehdoin.",
    ),
    "Pohjois-Pohjanmaan hyvinvointialue": (
        "Sosiaali- ja terveyspalveluiden järjestäjä: vastaa työkyvyn tuesta ja kuntoutuksesta.",
        "Työkyvyn arviointi, sosiaalinen kuntoutus, kuntouttava työtoiminta, monialainen yhteispalvelu.",
        "Työkykykoordinaattorit, kuntoutusohjaus, päihde- ja mielenterveyspalvelut.",
        "Tieto osatyökykyisten palkkaamisen tuista yhdessä Kelan kanssa.",
    ),
    "Kela": (
        "Sosiaaliturvan toimeenpanija: työttömyysturva, kuntoutus ja ammatillinen kuntoutus.",
        "Työmarkkinatuki ja peruspäiväraha, ammatillinen kuntoutus, monialainen yhteispalvelu.",
        "Etuusneuvonta, ammatillisen kuntoutuksen palvelut, opiskelun tuet.",
        "Tieto työkokeilun ja kuntoutuksen mahdollisuuksista.",
    ),
    "Pohjois-Suomen elinvoimakeskus": (
        "Valtion alueellinen viranomainen: koulutuksen hankinta, kotoutumisen edistäminen ja yritysrahoitus.",
        "Työvoimakoulutuksen hankinta yhdessä työllisyysalueen kanssa, kotoutumisen alueellinen koordinointi.",
        "Työvoimakoulutukset.",
        "Yritysrahoitus, muutosturva ja rakennemuutostilanteet.",
    ),
    "Oulun seudun ammattiopisto OSAO": (
        "Ammatillisen koulutuksen järjestäjä: osaajia alueen työelämään.",
        "Tutkintokoulutus, oppisopimukset, nuorten ja maahanmuuttajien koulutuspolut.",
        "Ammatillinen koulutus, valmentava koulutus (TUVA), oppisopimus.",
        "Oppisopimus- ja koulutussopimusyhteistyö, räätälöidyt koulutukset.",
    ),
    "Oulun ammattikorkeakoulu": (
        "Ammattikorkeakoulu: korkeakoulutetut osaajat ja täydennyskoulutus.",
        "Tutkinto- ja täydennyskoulutus, työelämäyhteistyö.",
        "Avoin AMK, täydennyskoulutukset työttömille.",
        "Opinnäytetyö- ja harjoitteluyhteistyö, TKI-palvelut.",
    ),
    "Oulun yliopisto": (
        "Yliopisto: tutkimusta ja osaajia alueen elinvoimalle.",
        "Tutkimustieto työmarkkinoista, kansainvälisten osaajien urapalvelut.",
        "Urapalvelut valmistuville ja kansainvälisille opiskelijoille.",
        "Rekrytointiyhteistyö ja tutkimusyhteistyö.",
    ),
    "Oulun Kauppakamari": (
        "Elinkeinoelämän ääni: välittää yritysten osaajatarpeet verkostolle.",
        "Yritysten osaajatarpeiden kokoaminen, elinkeinoelämän edunvalvonta.",
        "",
        "Jäsenyritysten verkostot, koulutukset ja kansainvälistymisen tuki.",
    ),
    "Pohjois-Pohjanmaan Yrittäjät": (
        "Pienten ja keskisuurten yritysten edustaja verkostossa.",
        "Yrittäjien rekrytointitarpeiden välittäminen, ensimmäisen työntekijän palkkaamisen tuki.",
        "",
        "Neuvonta työnantajaksi ryhtymisessä, yrittäjäverkostot.",
    ),
    "Oulun Seudun Setlementti": (
        "Järjestö: matalan kynnyksen palveluja työelämän ulkopuolella oleville.",
        "Työllistymistä tukevat hankkeet, kotoutumisen tuki, vapaaehtoistoiminta.",
        "Työvalmennus, kielikahvilat, kuntouttava työtoiminta.",
        "Työkokeilupaikkojen välitys.",
    ),
    "Kehittämis- ja hallintokeskus (KEHA-keskus)": (
        "Valtakunnallinen tukipalvelu: työ- ja elinkeinopalveluiden tietojärjestelmät, tilastot ja maksatukset.",
        "Asiakastietojärjestelmät, työnvälitystilasto, tukien maksatus.",
        "",
        "Palkkatuen ja muiden työnantajatukien maksatus.",
    ),
    "Nuorten Ystävät": (
        "Järjestö: nuorten ja osatyökykyisten tuki työhön ja koulutukseen.",
        "Nuorten työpajatoiminta, osatyökykyisten valmennus.",
        "Työpajat, yksilövalmennus, tuettu työllistyminen.",
        "Tuetun työllistymisen työhönvalmentajat työpaikoille.",
    ),
}

# Invented contact people (the names are made up): organisation → (first, last, title, shown publicly).
PEOPLE = {
    "BusinessOulu": [
        ("Tiina", "Toimeliainen", "Työllisyyspalveluiden päällikkö", True),
        ("Jussi", "Järjestäjä", "Yrityspalveluiden asiantuntija", True),
        ("Aino", "Ahkera", "Nuorten palveluiden tiimiesihenkilö", False),
    ],
    "Oulun kaupunki": [("Pertti", "Päättäjä", "Elinvoimajohtaja", True)],
    "Pohjois-Pohjanmaan hyvinvointialue": [
        ("Kirsi", "Kuntoutus", "Työkykykoordinaattori", True),
        ("Ville", "Voimavara", "Sosiaalityön päällikkö", False),
    ],
    "Kela": [("Riitta", "Ratkaisu", "Palveluasiantuntija", True)],
    "Pohjois-Suomen elinvoimakeskus": [
        ("Heikki", "Hankinta", "Koulutushankintojen asiantuntija", True),
        ("Laila", "Laajanen", "Kotoutumisen koordinaattori", True),
    ],
    "Oulun seudun ammattiopisto OSAO": [("Outi", "Opintopolku", "Opinto-ohjaaja", True)],
    "Oulun ammattikorkeakoulu": [("Antti", "Amk-Esimerkki", "Työelämäyhteistyön päällikkö", True)],
    "Oulun Kauppakamari": [("Kari", "Kauppias", "Asiantuntija", True)],
    "Pohjois-Pohjanmaan Yrittäjät": [("Yrjö", "Yrittäväinen", "Aluepäällikkö", True)],
    "Oulun Seudun Setlementti": [("Senja", "Setlementtinen", "Työvalmentaja", False)],
    "Nuorten Ystävät": [("Niko", "Nuorisonen", "Palvelupäällikkö", True)],
}

# Swedish and English names and purposes of some forums (the rest show in Finnish, marked as such).
FORUM_TRANSLATIONS = {
    "ohjausryhma": {
        "name_sv": "Styrgruppen för Uleåborgs sysselsättningsområde",
        "name_en": "Steering group of the Oulu employment area",
        "purpose_sv": "Drar upp sysselsättningsområdets gemensamma mål, godkänner verksamhetsplanen och följer upp "
        "hur den genomförs.",
        "purpose_en": "Sets the shared goals of the employment area, approves the action plan and follows up on it.",
    },
    "nuorten-verkosto": {
        "name_sv": "Nätverket för ungas sysselsättning",
        "name_en": "Youth employment network",
    },
}

# (slug, name, level, parent slug, chair, secretary, rhythm, public, purpose, members [(organisation, role, person)])
FORUMS = [
    (
        "ohjausryhma",
        "Oulun työllisyysalueen ohjausryhmä",
        "strategic",
        None,
        "Oulun kaupunki",
        "BusinessOulu",
        "Neljästi vuodessa",
        True,
        "Linjaa työllisyysalueen yhteiset tavoitteet, hyväksyy toimintasuunnitelman ja seuraa sen toteutumista.",
        [
            ("Oulun kaupunki", "chair", "Pertti Päättäjä"),
            ("BusinessOulu", "secretary", "Tiina Toimeliainen"),
            ("Kempeleen kunta", "member", "Maija Malli"),
            ("Limingan kunta", "member", None),
            ("Iin kunta", "member", None),
            ("Pohjois-Pohjanmaan hyvinvointialue", "member", "Ville Voimavara"),
            ("Kela", "member", None),
            ("Pohjois-Suomen elinvoimakeskus", "member", "Heikki Hankinta"),
            ("Oulun Kauppakamari", "expert", "Kari Kauppias"),
        ],
    ),
    (
        "nuorten-verkosto",
        "Nuorten työllisyyden verkosto",
        "tactical",
        "ohjausryhma",
        "BusinessOulu",
        "Nuorten Ystävät",
        "Kuuden viikon välein",
        True,
        "Sovittaa yhteen alle 30-vuotiaiden palvelut: ohjaus, koulutus, työpajat ja työnhaku.",
        [
            ("BusinessOulu", "chair", "Aino Ahkera"),
            ("Nuorten Ystävät", "secretary", "Niko Nuorisonen"),
            ("Oulun seudun ammattiopisto OSAO", "member", "Outi Opintopolku"),
            ("Pohjois-Pohjanmaan hyvinvointialue", "member", None),
            ("Kela", "member", "Riitta Ratkaisu"),
        ],
    ),
    (
        "maahanmuuttajien-verkosto",
        "Maahanmuuttajien työllisyyden verkosto",
        "tactical",
        "ohjausryhma",
        "Pohjois-Suomen elinvoimakeskus",
        "BusinessOulu",
        "Kahden kuukauden välein",
        True,
        "Kehittää kotoutumisen ja työllistymisen polkuja yhdessä oppilaitosten ja järjestöjen kanssa.",
        [
            ("Pohjois-Suomen elinvoimakeskus", "chair", "Laila Laajanen"),
            ("BusinessOulu", "secretary", None),
            ("Oulun seudun ammattiopisto OSAO", "member", None),
            ("Oulun yliopisto", "member", None),
            ("Oulun Seudun Setlementti", "member", "Senja Setlementtinen"),
        ],
    ),
    (
        "tyonantajapalveluiden-verkosto",
        "Työnantajapalveluiden verkosto",
        "tactical",
        "ohjausryhma",
        "BusinessOulu",
        "Pohjois-Pohjanmaan Yrittäjät",
        "Kuukausittain",
        True,
        "Yhdistää yritysten osaajatarpeet ja työnhakijat; sopii yhteisistä rekrytointitapahtumista.",
        [
            ("BusinessOulu", "chair", "Jussi Järjestäjä"),
            ("Pohjois-Pohjanmaan Yrittäjät", "secretary", "Yrjö Yrittäväinen"),
            ("Oulun Kauppakamari", "member", "Kari Kauppias"),
            ("Oulun ammattikorkeakoulu", "member", "Antti Amk-Esimerkki"),
            ("Pohjois-Suomen elinvoimakeskus", "member", None),
        ],
    ),
    (
        "osatyokykyisten-verkosto",
        "Osatyökykyisten työllisyyden verkosto",
        "tactical",
        "ohjausryhma",
        "Pohjois-Pohjanmaan hyvinvointialue",
        "BusinessOulu",
        "Kahden kuukauden välein",
        True,
        "Rakentaa yhtenäisen työkyvyn tuen polun kuntoutuksesta työhön.",
        [
            ("Pohjois-Pohjanmaan hyvinvointialue", "chair", "Kirsi Kuntoutus"),
            ("BusinessOulu", "secretary", None),
            ("Kela", "member", "Riitta Ratkaisu"),
            ("Nuorten Ystävät", "member", None),
            ("Oulun Seudun Setlementti", "member", None),
        ],
    ),
    (
        "ohjaamo-tiimi",
        "Ohjaamon moniammatillinen tiimi",
        "operational",
        "nuorten-verkosto",
        "BusinessOulu",
        "BusinessOulu",
        "Viikoittain",
        True,
        "Nuorten matalan kynnyksen palvelupiste: yksi ovi ohjaukseen, työhön ja koulutukseen.",
        [
            ("BusinessOulu", "chair", "Aino Ahkera"),
            ("Pohjois-Pohjanmaan hyvinvointialue", "member", None),
            ("Nuorten Ystävät", "member", "Niko Nuorisonen"),
            ("Oulun seudun ammattiopisto OSAO", "member", "Eero Esimerkki"),
        ],
    ),
    (
        "rekrytointitiimi",
        "Rekrytointitiimi",
        "operational",
        "tyonantajapalveluiden-verkosto",
        "BusinessOulu",
        "BusinessOulu",
        "Joka toinen viikko",
        False,
        "Käy läpi yritysten avoimet tarpeet ja sopii, kuka ottaa yhteyttä ja keitä työnhakijoita ehdotetaan.",
        [
            ("BusinessOulu", "chair", "Jussi Järjestäjä"),
            ("Pohjois-Pohjanmaan Yrittäjät", "member", None),
            ("Oulun seudun ammattiopisto OSAO", "member", None),
        ],
    ),
    (
        "tyokykytiimi",
        "Työkyvyn tuen palveluohjaustiimi",
        "operational",
        "osatyokykyisten-verkosto",
        "Pohjois-Pohjanmaan hyvinvointialue",
        "BusinessOulu",
        "Viikoittain",
        False,
        "Yhteinen asiakasohjaus: työkyvyn arvio, kuntoutus ja työhön paluu samassa suunnitelmassa.",
        [
            ("Pohjois-Pohjanmaan hyvinvointialue", "chair", "Kirsi Kuntoutus"),
            ("BusinessOulu", "member", None),
            ("Kela", "member", None),
        ],
    ),
]

# (forum slug, key, days from today, place, online, agenda, minutes, [(decision key, text, responsible, due in days)])
MEETINGS = [
    (
        "ohjausryhma",
        "2026-1",
        -60,
        "Oulun kaupungintalo, kokoushuone Merikoski",
        "",
        "1. Kokouksen avaus\n2. Työllisyyskatsaus\n3. Toimintasuunnitelman väliraportti\n4. Muut asiat",
        "Todettiin työttömyyden kasvaneen edellisvuodesta. Väliraportti hyväksyttiin.",
        [
            (
                "d1",
                "Nuorten työllisyyden verkosto laatii ehdotuksen nuorten palvelupolun yhtenäistämisestä.",
                "BusinessOulu",
                45,
            ),
            (
                "d2",
                "Työnantajapalveluiden verkosto kokoaa yritysten osaajatarpeet kevään koulutushankintoja varten.",
                "Pohjois-Suomen elinvoimakeskus",
                60,
            ),
        ],
    ),
    (
        "ohjausryhma",
        "2026-2",
        -7,
        "Teams",
        "https://teams.example.com/ohjausryhma",
        "1. Kokouksen avaus\n2. Vuoden 2027 tavoitteet\n3. Talousarvio",
        "Hyväksyttiin vuoden 2027 tavoiteluonnos jatkovalmisteluun.",
        [
            (
                "d1",
                "BusinessOulu valmistelee tavoitteille mittarit ja lähtötasot seuraavaan kokoukseen.",
                "BusinessOulu",
                30,
            ),
        ],
    ),
    (
        "ohjausryhma",
        "2027-1",
        30,
        "Oulun kaupungintalo, kokoushuone Merikoski",
        "",
        "1. Kokouksen avaus\n2. Vuoden 2027 tavoitteet ja mittarit\n3. Verkostojen kuulumiset",
        "",
        [],
    ),
    (
        "nuorten-verkosto",
        "2026-1",
        -20,
        "Ohjaamo Oulu",
        "",
        "1. Nuorten työttömyystilanne\n2. Palvelupolun luonnos\n3. Kesätyöseteli 2027",
        "Palvelupolun luonnos käytiin läpi; tarkennetaan työpajojen osuus.",
        [
            ("d1", "Nuorten Ystävät kuvaa työpajojen roolin palvelupolussa.", "Nuorten Ystävät", 21),
            ("d2", "OSAO selvittää TUVA-koulutuksen aloituspaikat keväälle.", "Oulun seudun ammattiopisto OSAO", 30),
        ],
    ),
    (
        "tyonantajapalveluiden-verkosto",
        "2026-1",
        -14,
        "Oulun Kauppakamari",
        "",
        "1. Yritysten osaajatarvekysely\n2. Rekrytointitapahtuma helmikuussa",
        "Sovittiin yhteisestä rekrytointitapahtumasta helmikuussa 2027.",
        [
            ("d1", "Kauppakamari ja Yrittäjät toteuttavat osaajatarvekyselyn jäsenilleen.", "Oulun Kauppakamari", 35),
        ],
    ),
    (
        "rekrytointitiimi",
        "2026-1",
        -3,
        "BusinessOulu, Kauppurienkatu",
        "",
        "1. Avoimet tarpeet\n2. Ehdokkaat",
        "Käytiin läpi kuusi yritystä.",
        [],
    ),
]

# RACI cells of the forums: forum slug → [(organisation, level)].
FORUM_RESPONSIBILITIES = {
    "ohjausryhma": [
        ("Oulun kaupunki", "A"),
        ("BusinessOulu", "R"),
        ("Pohjois-Pohjanmaan hyvinvointialue", "C"),
        ("Kela", "C"),
        ("Pohjois-Suomen elinvoimakeskus", "C"),
        ("Kempeleen kunta", "I"),
    ],
    "nuorten-verkosto": [
        ("BusinessOulu", "A"),
        ("Nuorten Ystävät", "R"),
        ("Oulun seudun ammattiopisto OSAO", "C"),
        ("Kela", "I"),
    ],
    "maahanmuuttajien-verkosto": [
        ("Pohjois-Suomen elinvoimakeskus", "A"),
        ("BusinessOulu", "R"),
        ("Oulun Seudun Setlementti", "C"),
    ],
    "tyonantajapalveluiden-verkosto": [
        ("BusinessOulu", "A"),
        ("Pohjois-Pohjanmaan Yrittäjät", "R"),
        ("Oulun Kauppakamari", "R"),
        ("Oulun ammattikorkeakoulu", "C"),
    ],
    "osatyokykyisten-verkosto": [("Pohjois-Pohjanmaan hyvinvointialue", "A"), ("BusinessOulu", "R"), ("Kela", "C")],
}


# Stable uuids keep meetings and decisions the same rows from one load to the next.
DEMO_NAMESPACE = uuid.UUID("6f1d8a52-5a34-4c1e-9d3b-0c8e3f1b7a21")


def _load_network(oulu_area):
    member_municipalities = {name: MEMBER_MUNICIPALITY_ROLE for name, _name_sv in MUNICIPALITY_ORGANISATIONS.values()}
    for name, (summary, responsibilities, for_job_seekers, for_employers) in {**member_municipalities, **ROLES}.items():
        Role.objects.update_or_create(
            organization=organization(name),
            defaults={
                "summary": summary,
                "responsibilities": responsibilities,
                "services_for_job_seekers": for_job_seekers,
                "services_for_employers": for_employers,
            },
        )
    for organisation_name, people in PEOPLE.items():
        member_of = organization(organisation_name)
        for first_name, last_name, title, public in people:
            email = f"{first_name}.{last_name}@example.org".lower().replace("ä", "a").replace("ö", "o")
            Person.objects.update_or_create(
                organization=member_of,
                email=email,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "title": title,
                    "phone": "040 000 0000" if public else "",
                    "show_publicly": public,
                    "show_email_publicly": public,
                    "show_phone_publicly": False,
                },
            )
    forums = {}
    for slug, name, level, parent, chair, secretary, rhythm, public, purpose, members in FORUMS:
        forum, _ = Forum.objects.update_or_create(
            area=oulu_area,
            slug=slug,
            defaults={
                "name": name,
                "level": level,
                "parent": forums.get(parent),
                "chair": organization(chair),
                "secretary": organization(secretary),
                "meeting_rhythm": rhythm,
                "visibility": Visibility.PUBLIC if public else Visibility.PARTNERS,
                "purpose": purpose,
                **FORUM_TRANSLATIONS.get(slug, {}),
            },
        )
        forums[slug] = forum
        for organisation_name, role, person_name in members:
            member_of = organization(organisation_name)
            person = None
            if person_name:
                first_name, last_name = person_name.split(" ", 1)
                person = Person.objects.get(organization=member_of, first_name=first_name, last_name=last_name)
            ForumMember.objects.update_or_create(
                forum=forum, organization=member_of, person=person, defaults={"role": role}
            )
    today = timezone.localdate()
    for slug, key, days, place, online_url, agenda, minutes, decisions in MEETINGS:
        starts_at = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(9, 0))
        )
        meeting, _ = Meeting.objects.update_or_create(
            uuid=uuid.uuid5(DEMO_NAMESPACE, f"{slug}/{key}"),
            defaults={
                "forum": forums[slug],
                "starts_at": starts_at,
                "place": place,
                "online_url": online_url,
                "agenda": agenda,
                "minutes": minutes if days < 0 else "",
            },
        )
        meeting.attendees.set(
            [seat.organization for seat in forums[slug].members.select_related("organization")] if days < 0 else []
        )
        for decision_key, text, responsible, due_in_days in decisions:
            Decision.objects.update_or_create(
                uuid=uuid.uuid5(DEMO_NAMESPACE, f"{slug}/{key}/{decision_key}"),
                defaults={
                    "meeting": meeting,
                    "text": text,
                    "responsible_organization": organization(responsible),
                    "due_date": starts_at.date() + datetime.timedelta(days=due_in_days),
                },
            )
    forum_type = ContentType.objects.get_for_model(Forum)
    for slug, cells in FORUM_RESPONSIBILITIES.items():
        for organisation_name, level in cells:
            Responsibility.objects.update_or_create(
                organization=organization(organisation_name),
                subject_type=forum_type,
                subject_id=forums[slug].pk,
                defaults={"level": level},
            )
