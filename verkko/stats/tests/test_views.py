"""The coordinator's pages for statistics sources (/fi/<area>/statistics/sources/): success, denial,
wrong method, bad input, and the boundary between areas.

Every page is for the coordinators of the address's area: partners and the outsiders (members,
editors and coordinators of another area) get 403, the public the sign-in page. A source of
another area is not found.
"""

import re
from datetime import UTC, datetime

import pytest
from django.utils import translation

from conftest import OUTSIDERS
from verkko.areas import area_reverse
from verkko.lib.history import history_of
from verkko.stats.models import ImportRun, Source, Table

pytestmark = pytest.mark.django_db

# Who is tested on every page, and what they get: the page, a refusal, or the sign-in page.
ROLES = ["coordinator", "partner_editor", "partner_member", "editor_b", "public", *OUTSIDERS]
REFUSED = ["partner_editor", "partner_member", "editor_b", *OUTSIDERS]


@pytest.fixture
def source(area):
    return Source.objects.create(area_id=area.pk, table_id="12r5", title="Työnvälitystilasto", area_codes=["KU564"])


@pytest.fixture
def other_area_source(other_area):
    return Source.objects.create(area_id=other_area.pk, table_id="11re", title="Rannikon väestö")


@pytest.fixture
def client_as(client_for, request):
    """client_as(role name): a client signed in in that role; "public" is signed out."""

    def make(name):
        return client_for(None if name == "public" else request.getfixturevalue(name))

    return make


def url(area, name, *args):
    """The area's address of a page, in Finnish (outside a request reverse() takes the active language)."""
    with translation.override("fi"):
        return area_reverse(area, f"stats:{name}", args=args)


def _form(**changes):
    data = {
        "table_id": "12r5",
        "title": "Työnvälitystilasto",
        "area_codes": "KU564, KU244\nSSS",
        "measure_codes": "",
        "latest_periods": "24",
        "active": "on",
    }
    data.update(changes)
    return data


def _expected(role, success):
    return success if role == "coordinator" else (302 if role == "public" else 403)


def _sent_to_sign_in(response):
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- every page in every role --------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["source_list", "source_create", "source_detail", "source_edit", "source_delete"])
def test_every_page_in_every_role(client_as, area, source, role, page):
    args = [source.pk] if page in ("source_detail", "source_edit", "source_delete") else []

    response = client_as(role).get(url(area, page, *args))

    assert response.status_code == _expected(role, 200)
    if role == "public":
        assert _sent_to_sign_in(response)


@pytest.mark.parametrize("role", ROLES)
def test_creating_a_source_in_every_role(client_as, area, role):
    response = client_as(role).post(url(area, "source_create"), _form())

    assert response.status_code == _expected(role, 302)
    assert Source.objects.exists() is (role == "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_editing_a_source_in_every_role(client_as, area, source, role):
    response = client_as(role).post(url(area, "source_edit", source.pk), _form(title="Muutettu"))

    source.refresh_from_db()
    assert response.status_code == _expected(role, 302)
    assert (source.title == "Muutettu") is (role == "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_deleting_a_source_in_every_role(client_as, area, source, role):
    response = client_as(role).post(url(area, "source_delete", source.pk))

    assert response.status_code == _expected(role, 302)
    assert Source.objects.filter(pk=source.pk).exists() is (role != "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_adding_the_default_sources_in_every_role(client_as, area, role):
    response = client_as(role).post(url(area, "source_defaults"))

    assert response.status_code == _expected(role, 302)
    assert Source.objects.filter(area_id=area.pk).exists() is (role == "coordinator")


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_are_coordinators_only_of_their_own_area(client_as, area, other_area, other_area_source, role):
    """In their own area's address the outsider coordinator manages its sources; the others may not."""
    response = client_as(role).get(url(other_area, "source_list"))

    assert response.status_code == (200 if role == "outsider_coordinator" else 403)
    if role == "outsider_coordinator":
        assert "Rannikon väestö" in response.content.decode()


# --- list ---------------------------------------------------------------------------------


def test_statistics_address_leads_to_the_sources(client_for, coordinator):
    response = client_for(coordinator).get("/fi/oulu/statistics/")
    assert (response.status_code, response["Location"]) == (302, "/fi/oulu/statistics/sources/")
    assert client_for(coordinator).post("/fi/oulu/statistics/").status_code == 405


def test_source_list_shows_only_the_areas_sources(client_for, coordinator, area, source, other_area_source):
    response = client_for(coordinator).get(url(area, "source_list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Työnvälitystilasto" in content
    assert "Oulun työllisyysalue" in content
    assert "Rannikon väestö" not in content


def test_a_superuser_sees_each_areas_sources_in_its_own_address(
    client_for, area, other_area, source, other_area_source
):
    from verkko.ecosystem.tests.factories import UserFactory

    superuser = UserFactory(email="root@example.com", is_superuser=True, is_staff=True)
    client = client_for(superuser)

    assert "Rannikon väestö" not in client.get(url(area, "source_list")).content.decode()
    content = client.get(url(other_area, "source_list")).content.decode()
    assert "Rannikon väestö" in content
    assert f"/sources/{source.pk}/" not in content


def test_unknown_area_is_not_found(client_for, coordinator):
    assert client_for(coordinator).get("/fi/ei-ole/statistics/sources/").status_code == 404


def test_source_list_refuses_post(client_for, coordinator, area):
    assert client_for(coordinator).post(url(area, "source_list")).status_code == 405


def test_source_list_speaks_finnish_and_swedish(client_for, coordinator):
    assert "<h1>Tilastolähteet</h1>" in client_for(coordinator).get("/fi/oulu/statistics/sources/").content.decode()
    assert "<h1>Statistikkällor</h1>" in client_for(coordinator).get("/sv/oulu/statistics/sources/").content.decode()


def test_source_list_says_a_source_was_never_fetched_rather_than_ok(client_for, coordinator, source):
    content = client_for(coordinator).get("/fi/oulu/statistics/sources/").content.decode()
    assert "Ei vielä haettu" in content
    assert "Kunnossa" not in content


def test_source_list_without_sources_says_what_to_do(client_for, coordinator):
    content = client_for(coordinator).get("/fi/oulu/statistics/sources/").content.decode()
    assert "Lähteitä ei vielä ole. Lisää oletuslähteet alta tai lisää oma taulukko." in content


def test_source_list_uses_few_queries(client_for, coordinator, area, django_assert_max_num_queries):
    for number in range(5):
        Source.objects.create(area_id=area.pk, table_id=f"t{number}", title=f"Taulukko {number}")
    client = client_for(coordinator)

    # 10: the page, the sources' last fetches in one query, and the header's count of what waits
    # for the coordinator (news.start).
    with django_assert_max_num_queries(10):
        client.get(url(area, "source_list"))


# --- detail -------------------------------------------------------------------------------


def test_source_detail_shows_the_last_error(client_for, coordinator, area, source):
    source.last_error = "https://example/12r5.px refused the query (400)"
    source.save()
    content = client_for(coordinator).get(url(area, "source_detail", source.pk)).content.decode()
    assert "refused the query (400)" in content
    assert 'role="alert"' in content


def test_source_detail_speaks_finnish_with_finnish_numbers_and_dates(client_for, coordinator, source):
    ImportRun.objects.create(source=source, origin="https://example/12r5.px", status="succeeded", rows_new=23184)
    Source.objects.filter(pk=source.pk).update(last_updated=datetime(2026, 6, 24, 5, 0, tzinfo=UTC))
    content = client_for(coordinator).get(f"/fi/oulu/statistics/sources/{source.pk}/").content.decode()
    assert "Tämän lähteen viimeisimmät tuonnit" in content
    assert "23\xa0184" in content
    assert "24.6.2026 8.00" in content  # 05:00 UTC is 8.00 in Finnish summer time


def _without_codes_note(html):
    return re.sub(r'<details class="provenance">.*?</details>', "", html, flags=re.S)


def test_source_detail_names_the_areas_not_their_codes(client_for, coordinator, source, other_area):
    Source.objects.filter(pk=source.pk).update(area_codes=["KU244", "KU564", "SSS", "KU678", "KU999"])
    address = f"/{{}}/oulu/statistics/sources/{source.pk}/"
    finnish = client_for(coordinator).get(address.format("fi")).content.decode()
    # Raahe belongs to another area, but a source may keep any municipality's figures; KU999 no one names.
    assert "<dd>Kempele, Oulu, Koko maa, Raahe, KU999</dd>" in finnish
    swedish = client_for(coordinator).get(address.format("sv")).content.decode()
    assert "<dd>Kempele, Uleåborg, Hela landet, Brahestad, KU999</dd>" in swedish
    for code in ("KU244", "KU564", "SSS", "KU678"):
        assert code not in _without_codes_note(finnish)
    # The codes a statistician looks for stay in their own note.
    assert '<span class="code">KU244, KU564, SSS, KU678, KU999</span>' in finnish


def test_source_detail_names_measures_and_areas_by_the_tables_own_labels(client_for, coordinator, source):
    Source.objects.filter(pk=source.pk).update(
        area_codes=["MK17", "SSS"], measure_codes=["TYOTTOMATLOPUSSA", "TYOVOIMATK", "UUSI"]
    )
    Table.objects.create(
        source=Table.Source.STATFIN,
        table_id="12r5",
        dimensions=[
            {
                "code": "Alue",
                "label": "Alue",
                "role": "area",
                "values": [{"code": "MK17", "label": "Pohjois-Pohjanmaa"}, {"code": "SSS", "label": "KOKO MAA"}],
            },
            {
                "code": "Tiedot",
                "label": "Tiedot",
                "role": "content",
                "values": [
                    {"code": "TYOTTOMATLOPUSSA", "label": "Työttömät työnhakijat"},
                    {"code": "TYOVOIMATK", "label": "Työvoima"},
                ],
            },
        ],
    )
    content = client_for(coordinator).get(f"/fi/oulu/statistics/sources/{source.pk}/").content.decode()
    assert "<dd>Pohjois-Pohjanmaa, Koko maa</dd>" in content  # the whole country in Verkko's words
    assert "<dd>Työttömät työnhakijat, Työvoima, UUSI</dd>" in content
    readable = _without_codes_note(content)
    assert "TYOTTOMATLOPUSSA" not in readable
    assert "MK17" not in readable
    assert '<span class="code">TYOTTOMATLOPUSSA, TYOVOIMATK, UUSI</span>' in content


def test_source_list_names_each_source_by_its_title(client_for, coordinator, area, source):
    content = client_for(coordinator).get(url(area, "source_list")).content.decode()
    assert f'<th scope="row"><a href="/fi/oulu/statistics/sources/{source.pk}/">Työnvälitystilasto</a></th>' in content


@pytest.mark.parametrize("page", ["source_detail", "source_edit", "source_delete"])
@pytest.mark.parametrize("who", ["coordinator", "outsider_coordinator"])
def test_a_source_of_another_area_is_not_found_here(client_as, area, other_area_source, page, who):
    assert client_as(who).get(url(area, page, other_area_source.pk)).status_code == (
        404 if who == "coordinator" else 403  # the outsider is refused before anything is looked up
    )


def test_the_coordinator_of_one_area_gets_nothing_of_another_areas_sources(
    client_for, coordinator, area, other_area, other_area_source
):
    client = client_for(coordinator)

    assert client.get(url(other_area, "source_list")).status_code == 403
    assert client.get(url(other_area, "source_detail", other_area_source.pk)).status_code == 403
    assert client.get(url(area, "source_detail", other_area_source.pk)).status_code == 404


def test_source_detail_refuses_post(client_for, coordinator, area, source):
    assert client_for(coordinator).post(url(area, "source_detail", source.pk)).status_code == 405


# --- create and edit ------------------------------------------------------------------------


def test_source_create_adds_a_source_of_the_area(client_for, coordinator, area):
    response = client_for(coordinator).post(url(area, "source_create"), _form(table_id="12r5.px"))
    created = Source.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(area, "source_detail", created.pk)
    assert created.area_id == area.pk
    assert (created.table_id, created.area_codes, created.latest_periods) == ("12r5", ["KU564", "KU244", "SSS"], 24)
    assert created.selection() == {"area": ["KU564", "KU244", "SSS"], "time": {"top": 24}}


def test_the_source_form_has_no_area_to_choose(client_for, coordinator, area):
    response = client_for(coordinator).get(url(area, "source_create"))
    assert response.status_code == 200
    assert "area" not in response.context["form"].fields
    assert "Työllisyysalue: Oulun työllisyysalue." in response.content.decode()


def test_an_area_given_in_the_form_is_ignored(client_for, coordinator, area, other_area):
    client_for(coordinator).post(url(area, "source_create"), _form(area=str(other_area.pk)))
    assert Source.objects.get().area_id == area.pk


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"table_id": "12 r5!"}, "table_id"), ({"area_codes": "KU564, KU/244"}, "area_codes"), ({"title": ""}, "title")],
)
def test_source_create_with_bad_input_shows_errors_and_adds_nothing(client_for, coordinator, area, changes, field):
    response = client_for(coordinator).post(url(area, "source_create"), _form(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="error-summary"' in response.content.decode()
    assert not Source.objects.exists()


def test_source_create_tells_in_finnish_which_code_is_wrong(client_for, coordinator, area):
    response = client_for(coordinator).post("/fi/oulu/statistics/sources/new/", _form(area_codes="KU564, KU/244"))
    assert "Virheellinen tunnus: KU/244." in response.content.decode()
    assert not Source.objects.exists()


def test_source_create_in_another_areas_address_is_refused(client_for, coordinator, other_area):
    assert client_for(coordinator).post(url(other_area, "source_create"), _form()).status_code == 403
    assert not Source.objects.exists()


def test_source_create_refuses_put(client_for, coordinator, area):
    assert client_for(coordinator).put(url(area, "source_create")).status_code == 405


def test_source_edit_saves_changes_and_records_history(client_for, coordinator, area, source):
    response = client_for(coordinator).post(
        url(area, "source_edit", source.pk), _form(measure_codes="TYOTTOMATLOPUSSA", latest_periods="")
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.measure_codes, source.latest_periods) == (["TYOTTOMATLOPUSSA"], None)
    assert source.area_id == area.pk
    assert history_of(source)[0].actor == coordinator


def test_source_edit_with_bad_input_changes_nothing(client_for, coordinator, area, source):
    response = client_for(coordinator).post(url(area, "source_edit", source.pk), _form(latest_periods="0"))
    assert response.status_code == 200
    source.refresh_from_db()
    assert source.latest_periods is None


def test_source_edit_of_another_area_is_not_found(client_for, coordinator, area, other_area_source):
    assert client_for(coordinator).post(url(area, "source_edit", other_area_source.pk), _form()).status_code == 404
    other_area_source.refresh_from_db()
    assert other_area_source.title == "Rannikon väestö"


def test_source_edit_refuses_delete_method(client_for, coordinator, area, source):
    assert client_for(coordinator).delete(url(area, "source_edit", source.pk)).status_code == 405


# --- delete and defaults ------------------------------------------------------------------------


def test_source_delete_removes_the_source(client_for, coordinator, area, source):
    response = client_for(coordinator).post(url(area, "source_delete", source.pk))
    assert response.status_code == 302
    assert not Source.objects.exists()


def test_source_delete_asks_to_confirm_first_and_keeps_the_fetched_figures(client_for, coordinator, area, source):
    table = Table.objects.create(source=Table.Source.STATFIN, table_id="12r5")
    response = client_for(coordinator).get(f"/fi/oulu/statistics/sources/{source.pk}/delete/")
    assert response.status_code == 200
    assert "Poistetaanko lähde 12r5?" in response.content.decode()
    assert Source.objects.exists()
    client_for(coordinator).post(url(area, "source_delete", source.pk))
    assert not Source.objects.exists()
    assert Table.objects.filter(pk=table.pk).exists()


def test_source_delete_refuses_put(client_for, coordinator, area, source):
    assert client_for(coordinator).put(url(area, "source_delete", source.pk)).status_code == 405
    assert Source.objects.exists()


def test_source_delete_of_another_area_is_not_found(client_for, coordinator, area, other_area_source):
    assert client_for(coordinator).post(url(area, "source_delete", other_area_source.pk)).status_code == 404
    assert Source.objects.filter(pk=other_area_source.pk).exists()


def test_default_sources_are_added_for_the_area_of_the_address(client_for, coordinator, area, other_area):
    response = client_for(coordinator).post(url(area, "source_defaults"), {"area": other_area.pk})
    assert response.status_code == 302
    sources = {s.table_id: s for s in Source.objects.filter(area_id=area.pk)}
    assert set(sources) == {"12r5", "11re", "11yq", "12ti"}
    assert sources["12r5"].area_codes == ["KU244", "KU564", "SSS"]
    assert sources["11re"].latest_periods == 10
    assert not Source.objects.filter(area_id=other_area.pk).exists()  # an area in the form is ignored
    client_for(coordinator).post(url(area, "source_defaults"))
    assert Source.objects.count() == 4


def test_default_sources_refuse_get(client_for, coordinator, area):
    assert client_for(coordinator).get(url(area, "source_defaults")).status_code == 405
