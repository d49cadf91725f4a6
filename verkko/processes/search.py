"""Finding services in plain words: "palvelut nuorelle Kempeleessä".

The rule is small on purpose. Each word of the query is read in turn:

- a municipality of the area, in any inflected form: the word begins with the municipality's
  name less its last letters (none for names of 1–3 letters, one for 4–5, two for longer ones),
  so that Kempeleessä, Oulussa, Limingassa (Liminka), Hailuodossa (Hailuoto) and Muhoksella
  (Muhos) all find theirs; Swedish names count too (Uleåborg);
- a target group: the word begins with one of the group's stems (nuor → nuorelle, nuorille,
  nuorten; työnanta → työnantajalle);
- a filler word (palvelut, for, i …) that says nothing;
- anything else is a free word, looked for in the services' names and descriptions.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q

from verkko.ecosystem.models import TargetGroup
from verkko.processes.models import Audience

G = TargetGroup.Code

# Stems of words that name a target group, in Finnish, Swedish and English.
TARGET_GROUP_STEMS = {
    G.YOUNG_PEOPLE: ("nuor", "ung", "young", "youth"),
    G.JOB_SEEKERS: ("työnhak", "työtö", "työttö", "arbetssök", "arbetslö", "jobseek", "unemploy"),
    G.IMMIGRANTS: ("maahanmuut", "kotoutu", "invandr", "immigra", "migrant"),
    G.PARTIAL_WORK_ABILITY: ("osatyökyk", "osatyöky", "partiell", "disab"),
    G.LONG_TERM_UNEMPLOYED: ("pitkäaikaistyöt", "pitkäaikaistyött", "långtidsarb", "longterm"),
    G.OLDER_WORKERS: ("ikääntyn", "ikäänty", "senior", "äldre", "older"),
    G.STUDENTS: ("opiskelij", "opiskel", "studer", "student"),
    G.EMPLOYERS: ("työnanta", "yritykse", "yrityks", "rekry", "arbetsgiv", "employer", "recruit"),
    G.ENTREPRENEURS: ("yrittäj", "aloittav", "startup", "företagar", "entrepreneur"),
}
# Target groups that mean the service is for employers rather than job seekers.
EMPLOYER_GROUPS = {G.EMPLOYERS, G.ENTREPRENEURS}
FILLER_STEMS = ("palvel", "service", "tjänst")
FILLER_WORDS = {"ja", "tai", "for", "and", "in", "i", "och", "för", "till", "jotka", "joka", "kenelle", "mitä"}
_WORD = re.compile(r"[\wåäöÅÄÖ-]+")


def municipality_stem(name):
    """The beginning of a municipality's name that every inflected form of it keeps."""
    name = name.lower()
    cut = 0 if len(name) <= 3 else 1 if len(name) <= 5 else 2
    return name[: len(name) - cut]


def words_of(query):
    return [word.lower() for word in _WORD.findall(query or "")]


@dataclass
class Reading:
    """What the query's words were read as."""

    municipalities: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    free_words: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.municipalities or self.target_groups or self.free_words)


def read_query(query, municipalities):
    """Read the query against the area's municipalities (objects with name_fi and name_sv)."""
    stems = []
    for municipality in municipalities:
        for name in {municipality.name_fi, municipality.name_sv} - {"", None}:
            stems.append((municipality_stem(name), municipality))
    # The longest stems first, so that a longer name wins over a shorter one it begins with.
    stems.sort(key=lambda pair: -len(pair[0]))
    reading = Reading()
    for word in words_of(query):
        municipality = next((m for stem, m in stems if word.startswith(stem)), None)
        if municipality is not None:
            if municipality not in reading.municipalities:
                reading.municipalities.append(municipality)
            continue
        group = next((g for g, group_stems in TARGET_GROUP_STEMS.items() if word.startswith(group_stems)), None)
        if group is not None:
            if group not in reading.target_groups:
                reading.target_groups.append(group)
            continue
        if word in FILLER_WORDS or word.startswith(FILLER_STEMS) or len(word) < 2:
            continue
        reading.free_words.append(word)
    return reading


def filter_services(services, reading):
    """The services that match every part of the reading.

    A service with no municipalities listed serves the whole area. A target group matches the
    service's own groups; the employers' groups match services for employers too.
    """
    for municipality in reading.municipalities:
        services = services.filter(Q(municipalities=municipality) | Q(municipalities__isnull=True))
    for group in reading.target_groups:
        matches = Q(target_groups__code=group)
        if group in EMPLOYER_GROUPS:
            matches |= Q(audience=Audience.EMPLOYERS)
        elif group == G.JOB_SEEKERS:
            matches |= Q(audience=Audience.JOB_SEEKERS)
        services = services.filter(matches)
    for word in reading.free_words:
        services = services.filter(
            Q(name__icontains=word)
            | Q(name_sv__icontains=word)
            | Q(name_en__icontains=word)
            | Q(description__icontains=word)
            | Q(description_sv__icontains=word)
            | Q(description_en__icontains=word)
            | Q(organization__name__icontains=word)
        )
    return services.distinct()
