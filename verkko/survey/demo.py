"""Demo data of the partner survey: two invented rounds for the Oulu ecosystem, a year apart.

Between the rounds the ties of the joint actions grow closer and trust rises, while the
organisations of the immigrants' employment actions drift apart, so that the comparison and
the collaboration beside the goals have something to show. Every answer is invented (the
pages say so). Loading again changes nothing: a round that has its answers is left as it is.
"""

import datetime
import random

from django.utils import timezone

from verkko.ecosystem import demo as ecosystem_demo
from verkko.goals import demo as goals_demo
from verkko.survey.models import Participant, Response, SurveyRound, Tie

ROUNDS = [
    ("Kumppanikysely syksy 2025", datetime.date(2025, 10, 6), datetime.date(2025, 10, 31)),
    ("Kumppanikysely syksy 2026", datetime.date(2026, 11, 2), datetime.date(2026, 11, 27)),
]
# Organisations that did not answer a round (by round).
SILENT = [
    {
        "Hailuodon kunta",
        "Lumijoen kunta",
        "Vaalan kunta",
        "Utajärven kunta",
        "Nuorten Ystävät",
        "Kehittämis- ja hallintokeskus (KEHA-keskus)",
    },
    {"Hailuodon kunta", "Kehittämis- ja hallintokeskus (KEHA-keskus)"},
]
HUB = "BusinessOulu"
DRIFTING_GOAL = "maahanmuuttajien-tyollisyys"  # its actors' ties weaken in the second round
LEVELS = [Tie.Level.COOPERATIVE, Tie.Level.COORDINATED, Tie.Level.INTEGRATED]
FREQUENCY = {
    Tie.Level.INTEGRATED: Tie.Frequency.WEEKLY,
    Tie.Level.COORDINATED: Tie.Frequency.MONTHLY,
    Tie.Level.COOPERATIVE: Tie.Frequency.QUARTERLY,
}
COMMENTS = [
    "Keksitty esimerkki: yhteistyö toimii, kun tavoitteet on sovittu yhdessä.",
    "Keksitty esimerkki: toivomme selkeämpää tiedonkulkua foorumien välillä.",
    "Keksitty esimerkki: asiakasohjaus sujuu, mutta resurssit ovat niukat.",
    "",
]


def _action_pairs():
    """(lead, partner, drifting) of every demo action of the goals app."""
    pairs = []
    for action in goals_demo.ACTIONS:
        lead, partners, goal_slugs = action[2], action[3], action[4]
        for partner in partners:
            pairs.append((lead, partner, DRIFTING_GOAL in goal_slugs))
    return pairs


def _levels(names, round_index, rng):
    """{(from, to): level} of one round: the hub's ties, the joint actions', and a few others."""
    levels = {}
    municipalities = [name for name, _sv in ecosystem_demo.MUNICIPALITY_ORGANISATIONS.values()]
    for municipality in municipalities:
        level = LEVELS[min(round_index + rng.randrange(0, 2), 2)]
        levels[(HUB, municipality)] = level
        levels[(municipality, HUB)] = level if rng.random() < 0.8 else LEVELS[0]
    for lead, partner, drifting in _action_pairs():
        if drifting and round_index == 1:
            # The immigrants' employment actions: the ties among their actors weaken or end.
            if lead == HUB or partner == HUB:
                levels[(lead, partner)] = LEVELS[0]
            continue
        level = LEVELS[min(round_index + rng.randrange(0, 2), 2)]
        levels[(lead, partner)] = level
        if rng.random() < 0.6 + 0.2 * round_index:
            levels[(partner, lead)] = level
    # Ties outside the joint actions: most last from one round to the next, a few end, some begin.
    common = random.Random("verkko-survey-demo-common")
    lasting = [tuple(common.sample(names, 2)) for _number in range(12)]
    for pair in lasting[: 12 - 2 * round_index] + [tuple(rng.sample(names, 2)) for _number in range(5 * round_index)]:
        levels.setdefault(pair, LEVELS[0])
    return levels


def _score(level, round_index, rng):
    base = LEVELS.index(level) + 1.8 + (0.3 if round_index else 0.0)
    return max(1, min(4, round(base + rng.uniform(-1, 0.8))))


def load(stdout):
    area = ecosystem_demo.area()
    organizations = {organization.name: organization for organization in area.organizations.filter(archived_at=None)}
    names = sorted(organizations)
    for round_index, (title, opens_on, closes_on) in enumerate(ROUNDS):
        rng = random.Random(f"verkko-survey-demo-{round_index}")
        survey_round, _created = SurveyRound.objects.get_or_create(
            area=area, title=title, defaults={"opens_on": opens_on, "closes_on": closes_on}
        )
        if survey_round.responses.exists():
            continue  # loaded before: the answers are the same every time
        invited_at = timezone.make_aware(datetime.datetime.combine(opens_on, datetime.time(9)))
        Participant.objects.bulk_create(
            Participant(
                round=survey_round,
                organization=organizations[name],
                invited_at=invited_at,
                reminded_at=invited_at + datetime.timedelta(days=(closes_on - opens_on).days - 3)
                if name in SILENT[round_index]
                else None,
            )
            for name in names
        )
        levels = _levels(names, round_index, rng)
        submitted_at = timezone.make_aware(datetime.datetime.combine(closes_on, datetime.time(12)))
        answering = [name for name in names if name not in SILENT[round_index]]
        created = Response.objects.bulk_create(
            Response(
                round=survey_round,
                organization=organizations[name],
                status=Response.Status.SUBMITTED,
                belonging=max(1, min(5, rng.randint(2, 4) + round_index * rng.randint(0, 1))),
                satisfaction=max(1, min(5, rng.randint(2, 4) + round_index * rng.randint(0, 1))),
                contributions=sorted(rng.sample(Response.Contribution.values[:-1], rng.randint(1, 3))),
                comments=rng.choice(COMMENTS),
                submitted_at=submitted_at,
            )
            for name in answering
        )
        responses = dict(zip(answering, created, strict=True))
        ties = []
        for (source, target), level in sorted(levels.items()):
            if source not in responses or source == target:
                continue
            ties.append(
                Tie(
                    response=responses[source],
                    partner=organizations[target],
                    frequency=FREQUENCY[level],
                    level=level,
                    **{name: _score(level, round_index, rng) for name in (*Tie.TRUST_FIELDS, *Tie.VALUE_FIELDS)},
                )
            )
        Tie.objects.bulk_create(ties)
        stdout.write(f"Survey round {title}: {len(responses)} answers, {len(ties)} ties (invented).")
