"""The review archive /fi/<area>/situation/reviews/ and drafting a new review (POST …/reviews/new/)."""

import pytest

from verkko.situation.models import Review
from verkko.situation.tests.conftest import LATEST, PREVIOUS

ONLY_LISTED_MONTHS = "Valitse jokin luetelluista kuukausista: jokaiselta on lukuja eikä vielä katsausta."


@pytest.fixture
def published(make_review):
    return make_review(month=PREVIOUS, title_fi="Työllisyyskatsaus 9/2026", status=Review.Status.PUBLISHED)


@pytest.fixture
def unpublished(make_review):
    return make_review(title_fi="Luonnos 10/2026")


def test_archive_lists_published_reviews_for_the_public(client_for, published, unpublished):
    response = client_for(None).get("/fi/oulu/situation/reviews/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Työllisyyskatsaukset: Oulun työllisyysalue" in content
    assert list(response.context["reviews"]) == [published]
    assert "Laadi uusi katsaus" not in content


def test_coordinator_sees_drafts_and_the_draft_form(client_for, coordinator, table, published, unpublished):
    response = client_for(coordinator).get("/fi/oulu/situation/reviews/")

    assert set(response.context["reviews"]) == {published, unpublished}
    assert "Laadi uusi katsaus" in response.content.decode()


def test_coordinator_drafts_a_review_from_the_months_figures(client_for, coordinator, table):
    response = client_for(coordinator).post("/fi/oulu/situation/reviews/new/", {"month": LATEST.isoformat()})

    review = Review.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/situation/reviews/{review.uuid}/edit/"
    assert review.status == Review.Status.DRAFT
    assert review.created_by == coordinator
    assert "10\xa0900" in review.text_fi
    assert "10,900" in review.text_en
    assert "10\xa0900" in review.text_sv
    assert not review.from_demo_figures


def test_a_month_that_has_a_review_cannot_be_drafted_again(client_for, coordinator, table, unpublished):
    response = client_for(coordinator).post("/fi/oulu/situation/reviews/new/", {"month": LATEST.isoformat()})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert ONLY_LISTED_MONTHS in response.content.decode()
    assert Review.objects.count() == 1


def test_a_month_without_figures_cannot_be_drafted(client_for, coordinator, table):
    response = client_for(coordinator).post("/fi/oulu/situation/reviews/new/", {"month": "2001-01-01"})

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert ONLY_LISTED_MONTHS in response.content.decode()
    assert Review.objects.count() == 0


def test_partners_may_not_draft(client_for, partner_editor, table):
    response = client_for(partner_editor).post("/fi/oulu/situation/reviews/new/", {"month": LATEST.isoformat()})

    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_drafting_accepts_only_post(client_for, coordinator, table):
    assert client_for(coordinator).get("/fi/oulu/situation/reviews/new/").status_code == 405


def test_archive_refuses_writes(client_for, area):
    assert client_for(None).post("/fi/oulu/situation/reviews/").status_code == 405


def test_the_archive_heading_is_a_noun_in_finnish_and_swedish(client, published):
    # "Archive" is also the ecosystem's verb ("Arkistoi"); its catalogue comes first, so ours has a context.
    assert '<h2 id="archive-heading">Arkisto</h2>' in client.get("/fi/oulu/situation/reviews/").content.decode()
    assert '<h2 id="archive-heading">Arkiv</h2>' in client.get("/sv/oulu/situation/reviews/").content.decode()
