"""The migrations to texts in three languages keep every text: Finnish in _fi, hand-made translations in _sv/_en."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("ecosystem", "0005_reference_areas_slugs_unique_in_area"),
    ("goals", "0002_slugs_unique_in_area"),
    ("processes", "0002_services_from_role_texts"),
    ("situation", "0001_initial"),
]
AFTER = [
    ("ecosystem", "0006_texts_in_three_languages"),
    ("goals", "0003_texts_in_three_languages"),
    ("processes", "0003_texts_in_three_languages"),
    ("situation", "0002_texts_in_three_languages"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def before():
    """The models as they were before the migrations; afterwards the database is brought up to date again."""
    yield _migrate(BEFORE)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_texts_and_their_hand_made_translations_arrive_in_the_language_fields(before):
    area = before.get_model("ecosystem", "EmploymentArea").objects.create(
        name="Oulun työllisyysalue",
        name_sv="Uleåborgs sysselsättningsområde",
        name_en="Oulu employment area",
        slug="oulu",
    )
    before.get_model("ecosystem", "Municipality").objects.create(code="564", name_fi="Oulu", name_sv="Uleåborg")
    organisation = before.get_model("ecosystem", "Organization").objects.create(
        area=area, slug="osao", name="Ammattiopisto", name_sv="Yrkesinstitutet", description="Kouluttaa."
    )
    before.get_model("ecosystem", "Role").objects.create(organization=organisation, summary="Oppilaitos.")
    before.get_model("goals", "Goal").objects.create(
        area=area,
        slug="nuoret",
        title="Nuorisotyöttömyys",
        description="Kuvaus.",
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    before.get_model("goals", "Indicator").objects.create(area=area, slug="aste", name="Työttömyysaste", unit="%")
    before.get_model("processes", "Service").objects.create(
        area=area, organization=organisation, name="Työkokeilu", name_en="Work trial", description_sv="Prövning."
    )
    before.get_model("situation", "Review").objects.create(
        area=area,
        month=date(2026, 10, 1),
        title_fi="Katsaus",
        title_sv="Översikt",
        title_en="Review",
        text_fi="Teksti.",
        text_sv="Text.",
        text_en="Text in English.",
    )

    after = _migrate(AFTER)

    area = after.get_model("ecosystem", "EmploymentArea").objects.get()
    assert (area.name_fi, area.name_sv, area.name_en) == (
        "Oulun työllisyysalue",
        "Uleåborgs sysselsättningsområde",
        "Oulu employment area",
    )
    assert (area.description_fi, area.description_sv) == ("", "")
    municipality = after.get_model("ecosystem", "Municipality").objects.get()
    assert (municipality.name, municipality.name_fi, municipality.name_sv, municipality.name_en) == (
        "Oulu",
        "Oulu",
        "Uleåborg",
        "",
    )
    organisation = after.get_model("ecosystem", "Organization").objects.get()
    assert (organisation.name_fi, organisation.name_sv, organisation.description_fi) == (
        "Ammattiopisto",
        "Yrkesinstitutet",
        "Kouluttaa.",
    )
    assert after.get_model("ecosystem", "Role").objects.get().summary_fi == "Oppilaitos."
    goal = after.get_model("goals", "Goal").objects.get()
    assert (goal.title_fi, goal.title_sv, goal.description_fi) == ("Nuorisotyöttömyys", "", "Kuvaus.")
    indicator = after.get_model("goals", "Indicator").objects.get()
    assert (indicator.name_fi, indicator.unit_fi, indicator.unit_en) == ("Työttömyysaste", "%", "")
    service = after.get_model("processes", "Service").objects.get()
    assert (service.name_fi, service.name_en, service.description_sv) == ("Työkokeilu", "Work trial", "Prövning.")
    review = after.get_model("situation", "Review").objects.get()
    assert (review.title, review.title_fi, review.title_sv, review.title_en, review.text) == (
        "Katsaus",
        "Katsaus",
        "Översikt",
        "Review",
        "Teksti.",
    )
