"""Demo shared goals of the Oulu employment area: goals, indicators, targets, actions and check-ins;
and one partner-only goal of the invented second area (rannikko), so that the boundary between
areas shows on the goal pages and in the monitoring report.

The goals, the values entered by hand, the targets, the actions and the check-ins are invented, and
the pages say so. Indicators on table 12r5 read whatever statistics are stored (real or demo); their
baselines and targets are set from those figures (`fit_statistical_targets`) so that the monitoring
view shows every status: on track, at risk, off track and no data. Safe to load again: it updates,
never duplicates.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from verkko.accounts.models import User
from verkko.ecosystem import demo as ecosystem_demo
from verkko.ecosystem.models import Forum, Organization, Responsibility, Visibility
from verkko.goals import status as indicator_status
from verkko.goals import values
from verkko.goals.actions import mark_responsible
from verkko.goals.models import Action, CheckIn, Goal, Indicator, IndicatorValue, Milestone, Target, TurnTheCurve

DEMO_NOTE = "Esimerkkiaineisto: tavoite, käsin syötetyt luvut ja toimenpiteet ovat keksittyjä."
TARGETS_NOTE = (
    "Esimerkkiaineisto: lähtötaso on tilaston luku joulukuulta 2024, tavoitteet on keksitty "
    "esimerkkiä varten tilastossa olevien lukujen pohjalta."
)
# The owner forums, as the ecosystem's demo (loaded before this one) names them.
FORUMS = [
    "Oulun työllisyysalueen ohjausryhmä",
    "Nuorten työllisyyden verkosto",
    "Maahanmuuttajien työllisyyden verkosto",
    "Työnantajapalveluiden verkosto",
]
HIGHER, LOWER = Indicator.Polarity.HIGHER, Indicator.Polarity.LOWER
M, Q, Y = "M", "Q", "Y"

# slug: (name, definition, unit, decimals, polarity, frequency, source spec, baseline, targets, values by hand)
INDICATORS = {
    "tyottomyysaste": (
        "Työttömyysaste työllisyysalueella",
        "Työttömien työnhakijoiden osuus työvoimasta työllisyysalueen kunnissa yhteensä "
        "(työnvälitystilasto 12r5: TYOTTOMATLOPUSSA / TYOVOIMATK × 100). " + TARGETS_NOTE,
        "%",
        1,
        LOWER,
        M,
        ("12r5", "TYOTTOMATLOPUSSA", "TYOVOIMATK"),
        (date(2024, 12, 1), 12.8),
        [(date(2025, 12, 1), 12.0), (date(2026, 12, 1), 11.0), (date(2027, 12, 1), 10.0)],
        None,
    ),
    "pitkaaikaistyottomat": (
        "Pitkäaikaistyöttömät työllisyysalueella",
        "Vähintään vuoden yhtäjaksoisesti työttömänä olleet työnhakijat työllisyysalueen kunnissa yhteensä "
        "(12r5: PITKAAIKAISTYOTTOMAT). " + TARGETS_NOTE,
        "henkilöä",
        0,
        LOWER,
        M,
        ("12r5", "PITKAAIKAISTYOTTOMAT", ""),
        (date(2024, 12, 1), 6400),
        [(date(2025, 12, 1), 6100), (date(2026, 12, 1), 5700), (date(2027, 12, 1), 5200)],
        None,
    ),
    "alle-25-tyottomat": (
        "Alle 25-vuotiaat työttömät työnhakijat",
        "Alle 25-vuotiaat työttömät työnhakijat työllisyysalueen kunnissa yhteensä (12r5: TYOTTOMAT25). "
        + TARGETS_NOTE,
        "henkilöä",
        0,
        LOWER,
        M,
        ("12r5", "TYOTTOMAT25", ""),
        (date(2024, 12, 1), 2100),
        [(date(2025, 12, 1), 1950), (date(2026, 12, 1), 1800), (date(2027, 12, 1), 1650)],
        None,
    ),
    "nuorten-koulutukseen-ohjatut": (
        "Koulutukseen tai työhön ohjatut nuoret",
        "Nuorten palveluohjauksen asiakkaista kolmen kuukauden kuluessa koulutukseen tai työhön siirtyneiden "
        "osuus. " + DEMO_NOTE,
        "%",
        0,
        HIGHER,
        Q,
        None,
        (date(2024, 10, 1), 41),
        [(date(2025, 10, 1), 45), (date(2026, 10, 1), 50), (date(2027, 10, 1), 55)],
        [
            (date(2025, 1, 1), 42),
            (date(2025, 4, 1), 44),
            (date(2025, 7, 1), 43),
            (date(2025, 10, 1), 46),
            (date(2026, 1, 1), 47),
            (date(2026, 4, 1), 48),
            (date(2026, 7, 1), 50),
        ],
    ),
    "ulkomaalaiset-tyottomat": (
        "Ulkomaalaiset työttömät työnhakijat",
        "Ulkomaan kansalaiset työttömät työnhakijat työllisyysalueen kunnissa yhteensä (12r5: TYOTTOMATULK). "
        + TARGETS_NOTE,
        "henkilöä",
        0,
        LOWER,
        M,
        ("12r5", "TYOTTOMATULK", ""),
        (date(2024, 12, 1), 1900),
        [(date(2025, 12, 1), 1850), (date(2026, 12, 1), 1750), (date(2027, 12, 1), 1600)],
        None,
    ),
    "kotoutumisen-jalkeen-tyollistyneet": (
        "Kotoutumisohjelman jälkeen työllistyneet",
        "Kotoutumisohjelman päättäneistä kuuden kuukauden kuluessa työllistyneiden osuus. " + DEMO_NOTE,
        "%",
        1,
        HIGHER,
        Q,
        None,
        (date(2024, 10, 1), 28),
        [(date(2025, 10, 1), 32), (date(2026, 10, 1), 36), (date(2027, 10, 1), 40)],
        [
            (date(2025, 1, 1), 29.0),
            (date(2025, 4, 1), 30.2),
            (date(2025, 7, 1), 31.5),
            (date(2025, 10, 1), 32.4),
            (date(2026, 1, 1), 33.1),
            (date(2026, 4, 1), 34.0),
            (date(2026, 7, 1), 34.6),
        ],
    ),
    "rekrytointiongelmat": (
        "Rekrytointiongelmia kokeneet toimipaikat",
        "Työnantajakyselyyn vastanneista toimipaikoista niiden osuus, joilla oli rekrytointiongelmia "
        "edellisen neljänneksen aikana. " + DEMO_NOTE,
        "%",
        0,
        LOWER,
        Q,
        None,
        (date(2024, 10, 1), 38),
        [(date(2025, 10, 1), 35), (date(2026, 10, 1), 31), (date(2027, 10, 1), 28)],
        [
            (date(2025, 1, 1), 37),
            (date(2025, 4, 1), 36),
            (date(2025, 7, 1), 35),
            (date(2025, 10, 1), 34),
            (date(2026, 1, 1), 33),
            (date(2026, 4, 1), 32),
            (date(2026, 7, 1), 31),
        ],
    ),
    "avoimet-tyopaikat": (
        "Avoimet työpaikat työllisyysalueella",
        "Kuukauden laskentapäivänä avoinna olleet työpaikat työllisyysalueen kunnissa yhteensä "
        "(12r5: AVPAIKATLOPUSSA). Seurataan tilannekuvana työvoiman kysynnästä. " + TARGETS_NOTE,
        "kpl",
        0,
        HIGHER,
        M,
        ("12r5", "AVPAIKATLOPUSSA", ""),
        (date(2024, 12, 1), 3200),
        [(date(2026, 12, 1), 3600)],
        None,
    ),
    "osatyokykyiset-tyollistyneet": (
        "Työllistyneet osatyökykyiset",
        "Työllisyysalueen palveluista avoimille työmarkkinoille työllistyneet osatyökykyiset asiakkaat "
        "vuoden aikana. Seuranta alkoi vuonna 2026; vuoden 2026 luku valmistuu maaliskuussa 2027. " + DEMO_NOTE,
        "henkilöä",
        0,
        HIGHER,
        Y,
        None,
        (date(2025, 1, 1), 335),
        [(date(2026, 1, 1), 365), (date(2027, 1, 1), 400)],
        None,
    ),
}

# What the statistical indicators' demo targets show at the latest figures. The targets only ever
# improve on the baseline; where the figures have worsened since (unemployment in a slump), no
# improving target can be met and the indicator is honestly off track.
STATUS_SHOWN = {
    "tyottomyysaste": indicator_status.OFF_TRACK,
    "avoimet-tyopaikat": indicator_status.ON_TRACK,
    "pitkaaikaistyottomat": indicator_status.OFF_TRACK,
    "alle-25-tyottomat": indicator_status.OFF_TRACK,
    "ulkomaalaiset-tyottomat": indicator_status.OFF_TRACK,
}
# Candidate yearly changes of the target path, in per cent of the baseline (positive = better).
# Never negative: a target follows its indicator's polarity (a "reduce" goal's targets fall).
YEARLY_CHANGES = [step / 20 for step in range(0, 201)]
GOALS_RECORDED = timezone.make_aware(datetime.combine(date(2025, 1, 1), time(9)))
PLAUSIBLE_AMBITION = 2.0
NOTICEABLE_CHANGE = 1.0

# Swedish and English texts of some goals and indicators (the rest show in Finnish, marked as such).
TRANSLATIONS = {
    "tyollisyysasteen-nosto": {
        "title_sv": "Starkare sysselsättning i Uleåborgs sysselsättningsområde",
        "title_en": "Stronger employment in the Oulu employment area",
        "description_sv": "Områdets kommuners gemensamma huvudmål: arbetslöshetsgraden vänder nedåt och efterfrågan "
        "på arbetskraft förblir stark till slutet av 2027. Påhittade demonstrationsuppgifter.",
        "description_en": "The shared main goal of the area's municipalities: the unemployment rate turns down and "
        "demand for labour stays strong until the end of 2027. Invented demonstration data.",
    },
    "pitkaaikaistyottomyyden-vahentaminen": {
        "title_sv": "Minskad långtidsarbetslöshet",
        "title_en": "Less long-term unemployment",
    },
    "tyottomyysaste": {
        "name_sv": "Arbetslöshetsgrad i sysselsättningsområdet",
        "name_en": "Unemployment rate in the employment area",
        "unit_sv": "%",
        "unit_en": "%",
    },
}

# slug: (title, description, forum, parent, visibility, indicator slugs)
GOALS = {
    "tyollisyysasteen-nosto": (
        "Työllisyyden vahvistaminen Oulun työllisyysalueella",
        "Työllisyysalueen kuntien yhteinen päätavoite: työttömyysaste kääntyy laskuun ja työvoiman kysyntä "
        "pysyy vahvana vuoden 2027 loppuun mennessä. " + DEMO_NOTE,
        "Oulun työllisyysalueen ohjausryhmä",
        None,
        Visibility.PUBLIC,
        ["tyottomyysaste", "avoimet-tyopaikat", "ulkomaalaiset-tyottomat"],
    ),
    "pitkaaikaistyottomyyden-vahentaminen": (
        "Pitkäaikaistyöttömyyden vähentäminen",
        "Pitkäaikaistyöttömien määrä vähenee ja yhä useampi pitkään työttömänä ollut pääsee työhön, "
        "koulutukseen tai kuntouttavaan palveluun. " + DEMO_NOTE,
        "Oulun työllisyysalueen ohjausryhmä",
        "tyollisyysasteen-nosto",
        Visibility.PUBLIC,
        ["pitkaaikaistyottomat"],
    ),
    "nuorisotyottomyyden-vahentaminen": (
        "Nuorisotyöttömyyden vähentäminen",
        "Alle 25-vuotiaiden työttömyys lyhenee ja nuoret ohjautuvat nopeasti koulutukseen tai työhön. " + DEMO_NOTE,
        "Nuorten työllisyyden verkosto",
        "tyollisyysasteen-nosto",
        Visibility.PUBLIC,
        ["alle-25-tyottomat", "nuorten-koulutukseen-ohjatut"],
    ),
    "maahanmuuttajien-tyollisyys": (
        "Maahanmuuttajien työllisyyden parantaminen",
        "Ulkomaalaistaustaisten työnhakijoiden työllistyminen nopeutuu kielikoulutuksen, "
        "työpaikkaohjauksen ja työnantajayhteistyön avulla. " + DEMO_NOTE,
        "Maahanmuuttajien työllisyyden verkosto",
        "tyollisyysasteen-nosto",
        Visibility.PUBLIC,
        ["kotoutumisen-jalkeen-tyollistyneet"],
    ),
    "rekrytointivaikeuksien-helpottaminen": (
        "Työnantajien rekrytointivaikeuksien helpottaminen",
        "Työnantajat löytävät osaajat nopeammin: yhteinen työnantajapalvelu, rekrytointikoulutukset ja "
        "oppilaitosten joustavat koulutuspolut. " + DEMO_NOTE,
        "Työnantajapalveluiden verkosto",
        None,
        Visibility.PUBLIC,
        ["rekrytointiongelmat", "avoimet-tyopaikat"],
    ),
    "osatyokykyisten-tyollistyminen": (
        "Osatyökykyisten työllistymisen edistäminen",
        "Osatyökykyisten työllistyminen avoimille työmarkkinoille lisääntyy työkykykoordinaation ja "
        "työnantajien tuen avulla. Kumppanien sisäinen tavoite. " + DEMO_NOTE,
        "Oulun työllisyysalueen ohjausryhmä",
        "tyollisyysasteen-nosto",
        Visibility.PARTNERS,
        ["osatyokykyiset-tyollistyneet"],
    ),
}

TURN_THE_CURVE = {
    "pitkaaikaistyottomat": (
        "Pitkäaikaistyöttömyys kääntyi laskuun vuoden 2025 aikana, mutta lasku on hidastunut. Suuri osa "
        "pitkäaikaistyöttömistä tarvitsee sosiaali- ja terveyspalveluja työllistymisen tueksi.",
        "BusinessOulu (palveluohjaus), Pohjois-Pohjanmaan hyvinvointialue (työkyky), Kela (kuntoutus), "
        "Oulun Seudun Setlementti (valmennus).",
        "Monialainen yhteispalvelu, palkkatuki kolmannelle sektorille ja työkokeilu yrityksissä.",
        "Yhteinen asiakasohjauksen malli kaikkiin kuntiin keväällä 2027.",
    ),
    "alle-25-tyottomat": (
        "Nuorten työttömyys kasvoi syksyllä 2026 kausivaihtelua enemmän.",
        "OSAO, Nuorten Ystävät, Ohjaamo, kunnat.",
        "Ohjaamon matalan kynnyksen palvelu ja oppisopimuskoulutus.",
        "Kesätyöseteli kaikkiin kuntiin 2027 ja etsivän nuorisotyön yhteistyö.",
    ),
}

# (title, description, lead, partners, goals, starts, due, status, progress, rhythm, milestones, check-ins)
# check-ins: (days ago, progress, status, confidence, narrative)
ACTIONS = [
    (
        "Monialainen yhteispalvelu pitkäaikaistyöttömille",
        "Työllisyyspalvelut, hyvinvointialue ja Kela palvelevat yhdessä pitkään työttömänä olleita.",
        "BusinessOulu",
        ["Pohjois-Pohjanmaan hyvinvointialue", "Kela"],
        ["pitkaaikaistyottomyyden-vahentaminen"],
        date(2025, 3, 1),
        date(2027, 6, 30),
        Action.Status.UNDER_WAY,
        55,
        30,
        [
            ("Palvelumalli kuvattu", date(2025, 6, 30), date(2025, 6, 20)),
            ("Kaikki kunnat mukana", date(2026, 12, 31), None),
        ],
        [
            (75, 45, "under_way", "on_track", "Yhteispalvelun asiakkuuksia 420; uusi tiimi aloitti Iissä."),
            (12, 55, "under_way", "at_risk", "Hyvinvointialueen resurssit niukat syksyllä, jonot kasvaneet."),
        ],
    ),
    (
        "Kolmannen sektorin palkkatukityöpaikat",
        "Järjestöjen palkkatukipaikat pitkäaikaistyöttömille ja niihin liittyvä työhönvalmennus.",
        "Oulun Seudun Setlementti",
        ["BusinessOulu"],
        ["pitkaaikaistyottomyyden-vahentaminen"],
        date(2025, 8, 1),
        date(2026, 10, 31),
        Action.Status.DELAYED,
        70,
        30,
        [],
        [(120, 60, "under_way", "at_risk", "Palkkatukipaikkoja täytetty 48/60.")],
    ),
    (
        "Oppisopimuspolku nuorille",
        "Nuoret työttömät ohjataan oppisopimuskoulutukseen alueen yrityksiin.",
        "Oulun seudun ammattiopisto OSAO",
        ["BusinessOulu", "Pohjois-Pohjanmaan Yrittäjät"],
        ["nuorisotyottomyyden-vahentaminen", "rekrytointivaikeuksien-helpottaminen"],
        date(2025, 9, 1),
        date(2027, 5, 31),
        Action.Status.UNDER_WAY,
        40,
        30,
        [
            ("30 uutta oppisopimusta", date(2026, 6, 30), date(2026, 6, 15)),
            ("60 uutta oppisopimusta", date(2027, 5, 31), None),
        ],
        [
            (62, 35, "under_way", "on_track", "Oppisopimuksia solmittu 34, yrityksiä mukana 21."),
            (8, 40, "under_way", "on_track", "Syksyn haku täynnä; rakennusalan kysyntä hiljentynyt."),
        ],
    ),
    (
        "Ohjaamon palveluohjauksen vahvistaminen",
        "Alle 30-vuotiaiden matalan kynnyksen palvelupiste kaikille työllisyysalueen kunnille.",
        "BusinessOulu",
        ["Nuorten Ystävät", "Oulun seudun ammattiopisto OSAO"],
        ["nuorisotyottomyyden-vahentaminen"],
        date(2025, 1, 15),
        date(2026, 12, 31),
        Action.Status.UNDER_WAY,
        80,
        45,
        [],
        [(40, 80, "under_way", "on_track", "Etäpalvelu käytössä kaikissa kunnissa.")],
    ),
    (
        "Työpaikkasuomi-koulutus ja kielituki työpaikoilla",
        "Työpaikoilla annettava suomen kielen koulutus maahanmuuttajille ja heidän työnantajilleen.",
        "Oulun seudun ammattiopisto OSAO",
        ["Pohjois-Suomen elinvoimakeskus", "Oulun Seudun Setlementti"],
        ["maahanmuuttajien-tyollisyys"],
        date(2025, 10, 1),
        date(2026, 9, 30),
        Action.Status.UNDER_WAY,
        65,
        30,
        [("Pilotti kolmessa yrityksessä", date(2026, 3, 31), date(2026, 4, 10))],
        [(100, 65, "under_way", "at_risk", "Opettajarekrytointi viivästyi; pilotti laajenee syksyllä.")],
    ),
    (
        "Kansainvälisten osaajien rekrytointipalvelu",
        "Työnantajille palvelu kansainvälisten osaajien rekrytointiin ja perehdyttämiseen.",
        "BusinessOulu",
        ["Oulun yliopisto", "Oulun ammattikorkeakoulu", "Oulun Kauppakamari"],
        ["maahanmuuttajien-tyollisyys", "rekrytointivaikeuksien-helpottaminen"],
        date(2025, 4, 1),
        date(2027, 3, 31),
        Action.Status.UNDER_WAY,
        50,
        30,
        [],
        [(20, 50, "under_way", "on_track", "Talent Boost -tapahtumassa 35 työnantajaa ja 180 osaajaa.")],
    ),
    (
        "Yhteinen työnantajapalvelu ja rekrytointikoulutukset",
        "Työnantajapalveluiden yhteinen asiakkuusmalli sekä räätälöidyt rekrytointikoulutukset.",
        "BusinessOulu",
        ["Oulun Kauppakamari", "Pohjois-Pohjanmaan Yrittäjät", "Oulun seudun ammattiopisto OSAO"],
        ["rekrytointivaikeuksien-helpottaminen"],
        date(2026, 1, 1),
        date(2027, 12, 31),
        Action.Status.PLANNED,
        10,
        60,
        [("Asiakkuusmalli hyväksytty", date(2026, 12, 15), None)],
        [],
    ),
    (
        "Työkykykoordinaattorit kuntiin",
        "Työkykykoordinaattorit tukevat osatyökykyisiä ja työnantajia työllistymisessä.",
        "Pohjois-Pohjanmaan hyvinvointialue",
        ["BusinessOulu", "Kela", "Nuorten Ystävät"],
        ["osatyokykyisten-tyollistyminen"],
        date(2025, 5, 1),
        date(2027, 4, 30),
        Action.Status.UNDER_WAY,
        45,
        30,
        [],
        [(35, 45, "under_way", "at_risk", "Kaksi kolmesta koordinaattorista aloittanut.")],
    ),
]


# The invented second area's one partner-only goal, its indicator entered by hand and its action.
OTHER_AREA_FORUM = "Rannikon työllisyyden ohjausryhmä"
OTHER_AREA_INDICATOR = (
    "oppisopimuksella-aloittaneet",
    {
        "name": "Oppisopimuksella aloittaneet",
        "definition": "Rannikon teollisuusyrityksissä oppisopimuksella aloittaneet vuoden aikana. " + DEMO_NOTE,
        "unit": "henkilöä",
        "decimals": 0,
        "polarity": HIGHER,
        "frequency": Y,
        "source": Indicator.Source.MANUAL,
        "baseline_period": date(2024, 1, 1),
        "baseline_value": 24.0,
    },
    [(date(2026, 1, 1), 32.0), (date(2027, 1, 1), 40.0)],
    [(date(2025, 1, 1), 27.0)],
)
OTHER_AREA_GOAL = (
    "teollisuuden-osaajat",
    {
        "title": "Teollisuuden osaajatarpeisiin vastaaminen rannikolla",
        "description": "Rannikon teollisuusyritykset saavat tarvitsemansa osaajat oppisopimuksilla ja "
        "lyhytkoulutuksilla. Kumppanien sisäinen tavoite. " + DEMO_NOTE,
        "starts_on": date(2025, 1, 1),
        "ends_on": date(2027, 12, 31),
        "visibility": Visibility.PARTNERS,
    },
)
OTHER_AREA_ACTION = (
    "Teollisuuden oppisopimuskampanja",
    "Rannikon ammattiopisto",
    ["Rannikon yrittäjät"],
    {
        "description": "Yrityskäynnit ja yhteinen haku teollisuuden oppisopimuspaikkoihin. " + DEMO_NOTE,
        "starts_on": date(2025, 8, 1),
        "due_on": date(2026, 12, 31),
        "status": Action.Status.UNDER_WAY,
        "progress": 35,
        "check_in_rhythm_days": 60,
        "created_at": timezone.make_aware(datetime.combine(date(2025, 8, 1), time(9))),
    },
)


def _target_path(indicator, baseline, target_periods, yearly_change):
    """Targets on a straight line from the baseline, better by yearly_change % of it each year."""
    baseline_period, baseline_value = baseline
    step = indicator_status.sign(indicator.polarity) * baseline_value * yearly_change / 100 / 12
    return [
        (period, round(baseline_value + step * months_between(baseline_period, period), indicator.decimals))
        for period in target_periods
    ]


def months_between(earlier, later):
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def fit_statistical_targets(stdout):
    """Set the baselines and targets of the demo's statistical indicators from the figures stored.

    The baseline is the figure of the baseline period. The target path is the one, among yearly
    improvements from 0 % to 10 % of the baseline (so that targets follow the indicator's
    polarity: lower when lower is better), that gives the status in STATUS_SHOWN at the latest
    figure. It prefers a noticeable improvement; when on track, an ambitious one; at risk, the
    middle one; off track, the smallest plausible ambition. When no path gives that status, the
    target is the plausible ambition.
    Without figures an indicator keeps the targets written in INDICATORS.
    """
    fitted = 0
    for indicator in Indicator.objects.filter(area=ecosystem_demo.area(), slug__in=STATUS_SHOWN):
        figures = [(value.period, value.value) for value in values.values_of(indicator)]
        reported = {period: value for period, value in figures if value is not None}
        if indicator.baseline_period not in reported:
            continue
        baseline = (indicator.baseline_period, round(reported[indicator.baseline_period], indicator.decimals))
        target_periods = [period for period, _value in INDICATORS[indicator.slug][8]]
        change = _yearly_change_showing(STATUS_SHOWN[indicator.slug], indicator, baseline, target_periods, figures)
        indicator.baseline_value = baseline[1]
        indicator.save(update_fields=["baseline_value"])
        for period, value in _target_path(indicator, baseline, target_periods, change):
            Target.objects.update_or_create(indicator=indicator, period=period, defaults={"value": float(value)})
        fitted += 1
    stdout.write(f"Demo goals: targets of {fitted} statistical indicators set from the stored figures.")


def _yearly_change_showing(wanted, indicator, baseline, target_periods, figures):
    latest = indicator_status.latest_period(figures)
    matching = [
        change
        for change in YEARLY_CHANGES
        if indicator_status.assess(
            polarity=indicator.polarity,
            baseline=baseline,
            targets=_target_path(indicator, baseline, target_periods, change),
            values=figures,
            period=latest,
        ).status
        == wanted
    ]
    candidates = [change for change in matching if change >= NOTICEABLE_CHANGE] or matching
    if not candidates:
        return PLAUSIBLE_AMBITION
    if wanted == indicator_status.OFF_TRACK:
        return next((change for change in candidates if change >= PLAUSIBLE_AMBITION), candidates[0])
    if wanted == indicator_status.ON_TRACK:
        return candidates[max(0, len(candidates) - 10)]  # ambitious, half a per cent from the edge
    return candidates[len(candidates) // 2]


def load(stdout):
    area = ecosystem_demo.area()
    forums = {forum.name: forum for forum in Forum.objects.filter(area=area, name__in=FORUMS)}
    indicators = {}
    for slug, (
        name,
        definition,
        unit,
        decimals,
        polarity,
        frequency,
        stats,
        baseline,
        targets,
        hand,
    ) in INDICATORS.items():
        table_id, measure, denominator = stats or ("", "", "")
        fields = {
            "area": area,
            "name": name,
            "definition": definition,
            "unit": unit,
            "decimals": decimals,
            "polarity": polarity,
            "frequency": frequency,
            "source": Indicator.Source.AREA if stats else Indicator.Source.MANUAL,
            "table_id": table_id,
            "measure_code": measure,
            "denominator_code": denominator,
            "statistics_area": area if stats else None,
            "baseline_period": baseline[0],
        }
        # A statistical indicator's baseline value and targets follow its figures (fit_statistical_targets).
        indicator, _ = Indicator.objects.update_or_create(
            area=area,
            slug=slug,
            defaults={
                **(fields if stats else {**fields, "baseline_value": float(baseline[1])}),
                **TRANSLATIONS.get(slug, {}),
            },
            create_defaults={**fields, "baseline_value": float(baseline[1]), **TRANSLATIONS.get(slug, {})},
        )
        for period, value in targets:
            if stats:
                Target.objects.get_or_create(indicator=indicator, period=period, defaults={"value": float(value)})
            else:
                Target.objects.update_or_create(indicator=indicator, period=period, defaults={"value": float(value)})
        indicator.targets.exclude(period__in=[period for period, _value in targets]).delete()
        for period, value in hand or []:
            IndicatorValue.objects.update_or_create(
                indicator=indicator, period=period, defaults={"value": float(value)}
            )
        indicator.values.exclude(period__in=[period for period, _value in hand or []]).delete()
        indicators[slug] = indicator
    for slug, (story, partners, what_works, next_steps) in TURN_THE_CURVE.items():
        TurnTheCurve.objects.update_or_create(
            indicator=indicators[slug],
            defaults={"story": story, "partners": partners, "what_works": what_works, "next_steps": next_steps},
        )

    goals = {}
    for slug, (title, description, forum_name, parent, visibility, indicator_slugs) in GOALS.items():
        goal, _ = Goal.objects.update_or_create(
            area=area,
            slug=slug,
            defaults={
                "title": title,
                "description": description,
                "owner_forum": forums[forum_name],
                "parent": goals.get(parent),
                "starts_on": date(2025, 1, 1),
                "ends_on": date(2027, 12, 31),
                "visibility": visibility,
                **TRANSLATIONS.get(slug, {}),
            },
        )
        goal.indicators.set([indicators[name] for name in indicator_slugs])
        # Recorded when the goal started, so that the monitoring reports of the months since show it.
        Goal.objects.filter(pk=goal.pk).exclude(created_at=GOALS_RECORDED).update(created_at=GOALS_RECORDED)
        goals[slug] = goal

    coordinator = User.objects.filter(email="coordinator@example.com").first()
    editor = User.objects.filter(email="editor@example.com").first()
    today = timezone.localdate()
    for (
        title,
        description,
        lead,
        partners,
        goal_slugs,
        starts,
        due,
        status,
        progress,
        rhythm,
        milestones,
        check_ins,
    ) in ACTIONS:
        lead_organisation = ecosystem_demo.organization(lead)
        action, _ = Action.objects.update_or_create(
            title=title,
            lead_organization=lead_organisation,
            defaults={
                "description": description + " " + DEMO_NOTE,
                "starts_on": starts,
                "due_on": due,
                "status": status,
                "progress": progress,
                "check_in_rhythm_days": rhythm,
                "created_at": timezone.make_aware(datetime.combine(starts, time(9))),
            },
        )
        action.goals.set([goals[slug] for slug in goal_slugs])
        action.partner_organizations.set([ecosystem_demo.organization(name) for name in partners])
        for milestone_title, milestone_due, done in milestones:
            Milestone.objects.update_or_create(
                action=action, title=milestone_title, defaults={"due_on": milestone_due, "done_on": done}
            )
        author = editor if lead == "Oulun seudun ammattiopisto OSAO" else coordinator
        for days_ago, check_in_progress, check_in_status, confidence, narrative in check_ins:
            CheckIn.objects.update_or_create(
                action=action,
                narrative=narrative,
                defaults={
                    "author": author,
                    "organization": lead_organisation,
                    "created_at": timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(10))),
                    "progress": check_in_progress,
                    "status": check_in_status,
                    "confidence": confidence,
                },
            )
        mark_responsible(action)
    backbone = ecosystem_demo.organization("BusinessOulu")
    for goal in goals.values():
        Responsibility.objects.update_or_create(
            organization=backbone,
            subject_type=ContentType.objects.get_for_model(Goal),
            subject_id=goal.pk,
            defaults={"level": Responsibility.Level.ACCOUNTABLE},
        )
    stdout.write(
        f"Demo goals: {len(goals)} goals, {len(indicators)} indicators, {len(ACTIONS)} actions with check-ins."
    )
    other_goal = _load_other_area()
    stdout.write(f"Demo goals of the invented second area: the partner-only goal “{other_goal.title}”.")
    fit_statistical_targets(stdout)


def _load_other_area():
    """The second area's partner-only goal, with one indicator entered by hand and one action."""
    other = ecosystem_demo.other_area()
    organisations = {
        organisation.name: organisation
        for organisation in Organization.objects.filter(
            area=other, name__in=[name for name, *_rest in ecosystem_demo.OTHER_AREA_ORGANISATIONS]
        )
    }
    indicator_slug, indicator_fields, targets, hand = OTHER_AREA_INDICATOR
    indicator, _ = Indicator.objects.update_or_create(area=other, slug=indicator_slug, defaults=indicator_fields)
    for period, value in targets:
        Target.objects.update_or_create(indicator=indicator, period=period, defaults={"value": value})
    indicator.targets.exclude(period__in=[period for period, _value in targets]).delete()
    for period, value in hand:
        IndicatorValue.objects.update_or_create(indicator=indicator, period=period, defaults={"value": value})
    indicator.values.exclude(period__in=[period for period, _value in hand]).delete()

    goal_slug, goal_fields = OTHER_AREA_GOAL
    goal, _ = Goal.objects.update_or_create(
        area=other,
        slug=goal_slug,
        defaults={**goal_fields, "owner_forum": Forum.objects.get(area=other, name=OTHER_AREA_FORUM)},
    )
    goal.indicators.set([indicator])
    Goal.objects.filter(pk=goal.pk).exclude(created_at=GOALS_RECORDED).update(created_at=GOALS_RECORDED)

    title, lead, partners, action_fields = OTHER_AREA_ACTION
    action, _ = Action.objects.update_or_create(
        title=title, lead_organization=organisations[lead], defaults=action_fields
    )
    action.goals.set([goal])
    action.partner_organizations.set([organisations[name] for name in partners])
    mark_responsible(action)
    return goal
