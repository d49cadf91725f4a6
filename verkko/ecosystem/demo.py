"""Demo data of the Oulu employment area: real municipalities and public organisations,
invented people, and the three demo users. Safe to load again: it updates, never duplicates."""

import csv
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

from verkko.accounts.models import Membership, User
from verkko.ecosystem.models import EmploymentArea, Municipality, Organization, Person, TargetGroup

AREA_SLUG = "oulu"
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
    oulu_area, _ = EmploymentArea.objects.update_or_create(
        slug=AREA_SLUG,
        defaults={
            "name": "Oulun työllisyysalue",
            "name_sv": "Uleåborgs sysselsättningsområde",
            "name_en": "Oulu employment area",
            "description": "Hailuoto, Ii, Kempele, Liminka, Lumijoki, Muhos, Oulu, Pudasjärvi, Tyrnävä, Utajärvi "
            "ja Vaala järjestävät julkiset työvoimapalvelut yhdessä 1.1.2025 alkaen. Vastuukunta on Oulu, "
            "ja palvelut järjestää BusinessOulu.",
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
            "Työllisyysalueen jäsenkunta.",
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
    stdout.write(
        f"Demo area {oulu_area.name}: {oulu_area.municipalities.count()} municipalities, "
        f"{oulu_area.organizations.count()} organisations."
    )
    stdout.write("Sign in at /fi/accounts/login/ as")
    for email, *_rest in DEMO_USERS:
        stdout.write(f"  {email}")
    stdout.write(f"with the password: {password}")


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
