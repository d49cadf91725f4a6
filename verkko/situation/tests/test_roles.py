"""Every view of the situational picture in every role, the outsiders of another area included.

An outsider (a member, editor or coordinator of /fi/rannikko/) is, under /fi/oulu/, a signed-in
visitor without a role: the public pages as the public sees them, 404 for partner-only objects,
403 for edits.
"""

import csv
import io

import pytest

from verkko.situation.models import Review, Signal
from verkko.situation.tests.conftest import LATEST, NOT_PARTNERS, PARTNERS, PREVIOUS, ROLES


@pytest.fixture
def content(table, make_signal, make_review, partner_editor, organization_a):
    """One of each kind of object the views show, some public and some not."""
    return {
        "public": make_signal(kind=Signal.Kind.RECRUITMENT, description="Julkinen vahvistettu"),
        "partners": make_signal(
            kind=Signal.Kind.CLOSURE, visibility="partners", description="Kumppaneille vahvistettu"
        ),
        "pending": make_signal(
            kind=Signal.Kind.OPENING, status="submitted", reporter=partner_editor, description="Oma odottava"
        ),
        "published": make_review(month=PREVIOUS, title_fi="Julkaistu 9/2026", status=Review.Status.PUBLISHED),
        "draft": make_review(title_fi="Luonnos 10/2026"),
    }


def _text(response):
    return response.content.decode()


# --- pages of figures: the same for everybody, partner-only signals only for partners ----------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("address", ["/fi/oulu/situation/", "/fi/oulu/situation/564/"])
def test_place_pages_show_partner_only_signals_to_partners_only(client_as, content, role, address):
    response = client_as(role).get(address)

    assert response.status_code == 200
    page = _text(response)
    assert str(content["public"].uuid) in page
    assert (str(content["partners"].uuid) in page) is (role in PARTNERS)
    assert str(content["pending"].uuid) not in page  # only verified signals count in the picture


@pytest.mark.parametrize("role", ROLES)
def test_municipality_table_is_public(client_as, content, role):
    response = client_as(role).get("/fi/oulu/situation/municipalities/")

    assert response.status_code == 200
    assert "Kunnittain: Oulun työllisyysalue" in _text(response)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["trend", "seasonal", "municipalities", "areas"])
def test_chart_downloads_are_public(client_as, content, role, kind):
    assert client_as(role).get(f"/fi/oulu/situation/download/{kind}.csv").status_code == 200


# --- signals ----------------------------------------------------------------------------------

SEEN_SIGNALS = {
    "coordinator": {"public", "partners", "pending"},
    "partner_editor": {"public", "partners", "pending"},  # their own pending signal
    "partner_member": {"public", "partners"},
    "editor_b": {"public", "partners"},
    "public": {"public"},
    "outsider_member": {"public"},
    "outsider_editor": {"public"},
    "outsider_coordinator": {"public"},
}


@pytest.mark.parametrize("role", ROLES)
def test_signal_list_in_every_role(client_as, content, role):
    response = client_as(role).get("/fi/oulu/signals/")

    assert response.status_code == 200
    shown = {signal.uuid for signal in response.context["signals"]}
    assert shown == {content[name].uuid for name in SEEN_SIGNALS[role]}
    assert (str(content["partners"].uuid) in _text(response)) is (role in PARTNERS)


@pytest.mark.parametrize("role", ROLES)
def test_signal_counts_download_counts_only_what_the_role_may_see(client_as, content, role):
    response = client_as(role).get("/fi/oulu/signals/download.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert response.status_code == 200
    assert rows[1][0] == "10/2026"
    assert rows[1][-1] == ("2" if role in PARTNERS else "1")  # verified signals only, never the pending one


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["public", "partners", "pending"])
def test_signal_detail_in_every_role(client_as, content, role, name):
    response = client_as(role).get(f"/fi/oulu/signals/{content[name].uuid}/")

    hidden = 302 if role == "public" else 404  # the public is asked to sign in
    assert response.status_code == (200 if name in SEEN_SIGNALS[role] else hidden)


REPORT_FORM = {
    "coordinator": 200,
    "partner_editor": 200,
    "editor_b": 200,
    "partner_member": 403,
    "public": 302,  # to sign in
    "outsider_member": 403,
    "outsider_editor": 403,
    "outsider_coordinator": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_signal_report_form_in_every_role(client_as, area, role):
    response = client_as(role).get("/fi/oulu/signals/new/")

    assert response.status_code == REPORT_FORM[role]
    if role == "public":
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", NOT_PARTNERS)
def test_outsiders_and_the_public_report_nothing(client_as, area, organization_a, role):
    data = {
        "kind": "layoffs",
        "date": "2026-10-14",
        "description": "Ei saa tallentua.",
        "source": "Testi",
        "visibility": "public",
        "organization": str(organization_a.pk),
    }

    response = client_as(role).post("/fi/oulu/signals/new/", data)

    assert response.status_code == (302 if role == "public" else 403)
    assert not Signal.objects.filter(description="Ei saa tallentua.").exists()


@pytest.mark.parametrize("role", ROLES)
def test_signal_check_in_every_role(client_as, content, role):
    signal = content["pending"]

    response = client_as(role).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified"})

    signal.refresh_from_db()
    if role == "coordinator":
        assert response.status_code == 302
        assert signal.status == Signal.Status.VERIFIED
    else:
        # The reporter sees their pending signal but may not check it; the rest do not see it at all.
        assert response.status_code == (403 if role == "partner_editor" else 404)
        assert signal.status == Signal.Status.SUBMITTED


@pytest.mark.parametrize("role", ROLES)
def test_checking_a_public_signal_is_for_coordinators_only(client_as, content, role):
    signal = content["public"]

    response = client_as(role).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "rejected", "note": "x"})

    signal.refresh_from_db()
    assert response.status_code == (302 if role == "coordinator" else 403)
    assert signal.status == (Signal.Status.REJECTED if role == "coordinator" else Signal.Status.VERIFIED)


# --- reviews ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_review_list_in_every_role(client_as, content, role):
    response = client_as(role).get("/fi/oulu/situation/reviews/")

    assert response.status_code == 200
    reviews = set(response.context["reviews"])
    if role == "coordinator":
        assert reviews == {content["published"], content["draft"]}
        assert "Laadi uusi katsaus" in _text(response)
    else:
        assert reviews == {content["published"]}
        assert "Laadi uusi katsaus" not in _text(response)
        assert "Luonnos 10/2026" not in _text(response)


@pytest.mark.parametrize("role", ROLES)
def test_drafting_a_review_in_every_role(client_as, content, role):
    Review.objects.filter(pk=content["draft"].pk).delete()

    response = client_as(role).post("/fi/oulu/situation/reviews/new/", {"month": LATEST.isoformat()})

    assert response.status_code == (302 if role == "coordinator" else 403)
    assert Review.objects.filter(month=LATEST).exists() is (role == "coordinator")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["published", "draft"])
def test_review_detail_in_every_role(client_as, content, role, name):
    response = client_as(role).get(f"/fi/oulu/situation/reviews/{content[name].uuid}/")

    hidden = 302 if role == "public" else 404  # the public is asked to sign in
    assert response.status_code == (200 if name == "published" or role == "coordinator" else hidden)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["published", "draft"])
def test_review_edit_in_every_role(client_as, content, role, name):
    review = content[name]

    response = client_as(role).post(
        f"/fi/oulu/situation/reviews/{review.uuid}/edit/",
        {f"{field}_{language}": "Muutettu" for field in ("title", "text") for language in ("fi", "sv", "en")},
    )

    review.refresh_from_db()
    if role == "coordinator":
        assert response.status_code == 302
        assert review.text_fi == "Muutettu"
    else:
        assert response.status_code == (403 if name == "published" else 404)
        assert review.text_fi == "Työttömiä oli 10 900."


@pytest.mark.parametrize("role", ROLES)
def test_publishing_a_review_in_every_role(client_as, content, role):
    review = content["draft"]

    response = client_as(role).post(f"/fi/oulu/situation/reviews/{review.uuid}/publish/")

    review.refresh_from_db()
    assert response.status_code == (302 if role == "coordinator" else 404)
    assert review.status == (Review.Status.PUBLISHED if role == "coordinator" else Review.Status.DRAFT)
