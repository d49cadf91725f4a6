"""Form data of the two answer pages, shared by the tests."""


def part_one(*partners, **changes):
    return {
        "belonging": "4",
        "satisfaction": "3",
        "contributions": ["expertise", "contacts"],
        "contribution_other": "",
        "comments": "Hyvää yhteistyötä.",
        "partners": [partner.pk for partner in partners],
        **changes,
    }


def ratings(partner, level="coordinated", **changes):
    prefix = f"tie-{partner.pk}-"
    values = {"frequency": "monthly", "level": level, "trust_openness": "4", "trust_reliability": "3"}
    values |= {"trust_mission": "2", "value_influence": "3", "value_resources": "3", "value_involvement": "3"}
    return {prefix + name: value for name, value in {**values, **changes}.items()}
