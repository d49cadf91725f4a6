"""The coordinator's pages for statistics sources: success, denial, wrong method, bad input."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from verkko.ecosystem.tests.factories import EmploymentAreaFactory
from verkko.stats.models import ImportRun, Source, Table

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(area):
    return Source.objects.create(area=area, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564"])


@pytest.fixture
def other_area_source():
    return Source.objects.create(area=EmploymentAreaFactory(name="Muu alue"), table_id="11re", title="Väestö")


def _form(area, **changes):
    data = {
        "area": area.pk,
        "table_id": "12r5",
        "title": "Työnvälitystilasto",
        "area_codes": "KU564, KU244\nSSS",
        "measure_codes": "",
        "latest_periods": "24",
        "active": "on",
    }
    data.update(changes)
    return data


# --- list ---------------------------------------------------------------------------------


def test_statistics_address_leads_to_the_sources(client_for, coordinator):
    response = client_for(coordinator).get("/fi/statistics/")
    assert (response.status_code, response["Location"]) == (302, "/fi/statistics/sources/")
    assert client_for(coordinator).post("/fi/statistics/").status_code == 405


def test_source_list_shows_the_coordinators_sources(client_for, coordinator, source, other_area_source):
    response = client_for(coordinator).get(reverse("stats:source_list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Työnvälitystilasto" in content
    assert "Väestö" not in content


@pytest.mark.parametrize("who", ["partner_editor", "partner_member", "editor_b"])
def test_source_list_is_forbidden_to_partners(client_for, request, who):
    assert client_for(request.getfixturevalue(who)).get(reverse("stats:source_list")).status_code == 403


def test_source_list_sends_the_public_to_sign_in(client_for, db):
    response = client_for(None).get(reverse("stats:source_list"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_source_list_refuses_post(client_for, coordinator):
    assert client_for(coordinator).post(reverse("stats:source_list")).status_code == 405


def test_source_list_speaks_finnish_and_swedish(client_for, coordinator):
    assert "<h1>Tilastolähteet</h1>" in client_for(coordinator).get("/fi/statistics/sources/").content.decode()
    assert "<h1>Statistikkällor</h1>" in client_for(coordinator).get("/sv/statistics/sources/").content.decode()


def test_source_list_says_a_source_was_never_fetched_rather_than_ok(client_for, coordinator, source):
    content = client_for(coordinator).get("/fi/statistics/sources/").content.decode()
    assert "Ei vielä haettu" in content
    assert "Kunnossa" not in content


def test_source_list_without_sources_says_what_to_do(client_for, coordinator):
    content = client_for(coordinator).get("/fi/statistics/sources/").content.decode()
    assert "Lähteitä ei vielä ole. Lisää oletuslähteet alta tai lisää oma taulukko." in content


# --- detail -------------------------------------------------------------------------------


def test_source_detail_shows_the_last_error(client_for, coordinator, source):
    source.last_error = "https://example/12r5.px refused the query (400)"
    source.save()
    content = client_for(coordinator).get(reverse("stats:source_detail", args=[source.pk])).content.decode()
    assert "refused the query (400)" in content
    assert 'role="alert"' in content


def test_source_detail_speaks_finnish_with_finnish_numbers_and_dates(client_for, coordinator, source):
    ImportRun.objects.create(source=source, origin="https://example/12r5.px", status="succeeded", rows_new=23184)
    Source.objects.filter(pk=source.pk).update(last_updated=datetime(2026, 6, 24, 5, 0, tzinfo=UTC))
    content = client_for(coordinator).get(f"/fi/statistics/sources/{source.pk}/").content.decode()
    assert "Tämän lähteen viimeisimmät tuonnit" in content
    assert "23\xa0184" in content
    assert "24.6.2026 8.00" in content  # 05:00 UTC is 8.00 in Finnish summer time


def test_source_detail_names_the_areas_behind_their_codes(client_for, coordinator, source):
    Source.objects.filter(pk=source.pk).update(area_codes=["KU244", "KU564", "SSS", "KU999"])
    url = f"/{{}}/statistics/sources/{source.pk}/"
    finnish = client_for(coordinator).get(url.format("fi")).content.decode()
    assert "Kempele (KU244), Oulu (KU564), Koko maa (SSS), KU999" in finnish
    assert "Hela landet (SSS)" in client_for(coordinator).get(url.format("sv")).content.decode()


def test_source_detail_of_another_area_is_not_found(client_for, coordinator, other_area_source):
    url = reverse("stats:source_detail", args=[other_area_source.pk])
    assert client_for(coordinator).get(url).status_code == 404


def test_source_detail_is_forbidden_to_a_partner(client_for, partner_editor, source):
    url = reverse("stats:source_detail", args=[source.pk])
    assert client_for(partner_editor).get(url).status_code == 403


def test_source_detail_refuses_post(client_for, coordinator, source):
    assert client_for(coordinator).post(reverse("stats:source_detail", args=[source.pk])).status_code == 405


# --- create and edit ------------------------------------------------------------------------


def test_source_create_adds_a_source(client_for, coordinator, area):
    response = client_for(coordinator).post(reverse("stats:source_create"), _form(area, table_id="12r5.px"))
    created = Source.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("stats:source_detail", args=[created.pk])
    assert (created.table_id, created.area_codes, created.latest_periods) == ("12r5", ["KU564", "KU244", "SSS"], 24)
    assert created.selection() == {"area": ["KU564", "KU244", "SSS"], "time": {"top": 24}}


def test_source_create_form_shows(client_for, coordinator):
    assert client_for(coordinator).get(reverse("stats:source_create")).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"table_id": "12 r5!"}, "table_id"), ({"area_codes": "KU564, KU/244"}, "area_codes"), ({"title": ""}, "title")],
)
def test_source_create_with_bad_input_shows_errors_and_adds_nothing(client_for, coordinator, area, changes, field):
    response = client_for(coordinator).post(reverse("stats:source_create"), _form(area, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()
    assert not Source.objects.exists()


def test_source_create_tells_in_finnish_which_code_is_wrong(client_for, coordinator, area):
    response = client_for(coordinator).post("/fi/statistics/sources/new/", _form(area, area_codes="KU564, KU/244"))
    assert "Virheellinen tunnus: KU/244." in response.content.decode()
    assert not Source.objects.exists()


def test_source_create_refuses_an_area_the_user_does_not_coordinate(client_for, coordinator):
    other = EmploymentAreaFactory(name="Muu alue")
    response = client_for(coordinator).post(reverse("stats:source_create"), _form(other))
    assert "area" in response.context["form"].errors
    assert not Source.objects.exists()


def test_source_create_is_forbidden_to_a_partner(client_for, partner_editor, area):
    assert client_for(partner_editor).post(reverse("stats:source_create"), _form(area)).status_code == 403
    assert not Source.objects.exists()


def test_source_create_refuses_put(client_for, coordinator):
    assert client_for(coordinator).put(reverse("stats:source_create")).status_code == 405


def test_source_edit_saves_changes_and_records_history(client_for, coordinator, area, source):
    url = reverse("stats:source_edit", args=[source.pk])
    response = client_for(coordinator).post(url, _form(area, measure_codes="TYOTTOMATLOPUSSA", latest_periods=""))
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.measure_codes, source.latest_periods) == (["TYOTTOMATLOPUSSA"], None)
    from verkko.lib.history import history_of

    assert history_of(source)[0].actor == coordinator


def test_source_edit_with_bad_input_changes_nothing(client_for, coordinator, area, source):
    url = reverse("stats:source_edit", args=[source.pk])
    response = client_for(coordinator).post(url, _form(area, latest_periods="0"))
    assert response.status_code == 200
    source.refresh_from_db()
    assert source.latest_periods is None


def test_source_edit_of_another_area_is_not_found(client_for, coordinator, area, other_area_source):
    url = reverse("stats:source_edit", args=[other_area_source.pk])
    assert client_for(coordinator).post(url, _form(area)).status_code == 404


def test_source_edit_refuses_delete_method(client_for, coordinator, source):
    assert client_for(coordinator).delete(reverse("stats:source_edit", args=[source.pk])).status_code == 405


# --- delete and defaults ------------------------------------------------------------------------


def test_source_delete_removes_the_source(client_for, coordinator, source):
    response = client_for(coordinator).post(reverse("stats:source_delete", args=[source.pk]))
    assert response.status_code == 302
    assert not Source.objects.exists()


def test_source_delete_asks_to_confirm_first_and_keeps_the_fetched_figures(client_for, coordinator, source):
    table = Table.objects.create(source=Table.Source.STATFIN, table_id="12r5")
    response = client_for(coordinator).get(f"/fi/statistics/sources/{source.pk}/delete/")
    assert response.status_code == 200
    assert "Poistetaanko lähde 12r5?" in response.content.decode()
    assert Source.objects.exists()
    client_for(coordinator).post(reverse("stats:source_delete", args=[source.pk]))
    assert not Source.objects.exists()
    assert Table.objects.filter(pk=table.pk).exists()


def test_source_delete_refuses_put(client_for, coordinator, source):
    assert client_for(coordinator).put(reverse("stats:source_delete", args=[source.pk])).status_code == 405
    assert Source.objects.exists()


def test_source_delete_of_another_area_is_not_found(client_for, coordinator, other_area_source):
    assert client_for(coordinator).post(reverse("stats:source_delete", args=[other_area_source.pk])).status_code == 404
    assert Source.objects.filter(pk=other_area_source.pk).exists()


def test_source_delete_is_forbidden_to_a_partner(client_for, partner_member, source):
    assert client_for(partner_member).post(reverse("stats:source_delete", args=[source.pk])).status_code == 403


def test_default_sources_are_added_for_the_area(client_for, coordinator, area):
    response = client_for(coordinator).post(reverse("stats:source_defaults"), {"area": area.pk})
    assert response.status_code == 302
    sources = {s.table_id: s for s in Source.objects.filter(area=area)}
    assert set(sources) == {"12r5", "11re", "11yq"}
    assert sources["12r5"].area_codes == ["KU244", "KU564", "SSS"]
    assert sources["11re"].latest_periods == 10
    client_for(coordinator).post(reverse("stats:source_defaults"), {"area": area.pk})
    assert Source.objects.count() == 3


def test_default_sources_with_bad_input_add_nothing(client_for, coordinator):
    response = client_for(coordinator).post(reverse("stats:source_defaults"), {"area": "999999"})
    assert response.status_code == 302
    assert not Source.objects.exists()


def test_default_sources_are_forbidden_to_a_partner(client_for, partner_editor, area):
    assert client_for(partner_editor).post(reverse("stats:source_defaults"), {"area": area.pk}).status_code == 403


def test_default_sources_refuse_get(client_for, coordinator):
    assert client_for(coordinator).get(reverse("stats:source_defaults")).status_code == 405
