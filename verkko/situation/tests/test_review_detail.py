"""One review /fi/<area>/situation/reviews/<uuid>/, editing it and publishing it."""

import re

import pytest

from verkko.situation.models import Review


@pytest.fixture
def review(make_review):
    return make_review()


def _form(**changes):
    data = {
        "title_fi": "Työllisyyskatsaus lokakuu 2026",
        "text_fi": "Muokattu teksti.",
        "title_sv": "Sysselsättningsöversikt oktober 2026",
        "text_sv": "Redigerad text.",
        "title_en": "Employment review October 2026",
        "text_en": "Edited text.",
    }
    data.update(changes)
    return data


def test_unpublished_review_is_hidden_from_partners_and_asks_the_public_to_sign_in(client_for, review, partner_editor):
    response = client_for(None).get(f"/fi/oulu/situation/reviews/{review.uuid}/")
    assert response["Location"].startswith("/fi/accounts/login/?next=")
    assert client_for(partner_editor).get(f"/fi/oulu/situation/reviews/{review.uuid}/").status_code == 404


def test_coordinator_sees_the_draft(client_for, review, coordinator):
    response = client_for(coordinator).get(f"/fi/oulu/situation/reviews/{review.uuid}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Luonnos, ei julkinen" in content
    assert "Julkaise" in content


def test_published_review_is_public_in_each_language(client_for, review, coordinator):
    client_for(coordinator).post(f"/fi/oulu/situation/reviews/{review.uuid}/publish/")
    public = client_for(None)

    assert "Työttömiä oli 10 900." in public.get(f"/fi/oulu/situation/reviews/{review.uuid}/").content.decode()
    assert "Arbetslösa var 10 900." in public.get(f"/sv/oulu/situation/reviews/{review.uuid}/").content.decode()
    assert "There were 10,900 unemployed." in public.get(f"/en/oulu/situation/reviews/{review.uuid}/").content.decode()


def test_coordinator_publishes_a_review(client_for, review, coordinator):
    response = client_for(coordinator).post(f"/fi/oulu/situation/reviews/{review.uuid}/publish/")

    review.refresh_from_db()
    assert response.status_code == 302
    assert review.status == Review.Status.PUBLISHED
    assert review.published_at is not None


def test_partner_may_not_publish_or_edit_a_published_review(client_for, review, coordinator, partner_editor):
    client_for(coordinator).post(f"/fi/oulu/situation/reviews/{review.uuid}/publish/")
    partner = client_for(partner_editor)

    assert partner.post(f"/fi/oulu/situation/reviews/{review.uuid}/publish/").status_code == 403
    assert partner.get(f"/fi/oulu/situation/reviews/{review.uuid}/edit/").status_code == 403
    assert partner.post(f"/fi/oulu/situation/reviews/{review.uuid}/edit/", _form()).status_code == 403
    review.refresh_from_db()
    assert review.text_fi == "Työttömiä oli 10 900."


def test_partner_gets_not_found_for_an_unpublished_reviews_actions(client_for, review, partner_editor):
    assert client_for(partner_editor).post(f"/fi/oulu/situation/reviews/{review.uuid}/publish/").status_code == 404
    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT


def test_coordinator_edits_the_three_texts(client_for, review, coordinator):
    client = client_for(coordinator)
    assert "Muokkaa katsausta" in client.get(f"/fi/oulu/situation/reviews/{review.uuid}/edit/").content.decode()

    response = client.post(f"/fi/oulu/situation/reviews/{review.uuid}/edit/", _form())

    review.refresh_from_db()
    assert response.status_code == 302
    assert (review.text_fi, review.text_sv, review.text_en) == ("Muokattu teksti.", "Redigerad text.", "Edited text.")


def test_an_empty_text_is_refused_and_nothing_changes(client_for, review, coordinator):
    response = client_for(coordinator).post(f"/fi/oulu/situation/reviews/{review.uuid}/edit/", _form(text_sv=""))

    review.refresh_from_db()
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    text = " ".join(re.sub("<[^>]+>", " ", response.content.decode()).split())
    assert "Teksti ruotsiksi: Tämä kenttä vaaditaan." in text
    assert review.text_fi == "Työttömiä oli 10 900."
    assert review.text_sv == "Arbetslösa var 10 900."


def test_wrong_methods_are_refused(client_for, review, coordinator):
    client = client_for(coordinator)

    assert client.post(f"/fi/oulu/situation/reviews/{review.uuid}/").status_code == 405
    assert client.get(f"/fi/oulu/situation/reviews/{review.uuid}/publish/").status_code == 405
    assert client.put(f"/fi/oulu/situation/reviews/{review.uuid}/edit/").status_code == 405


def test_a_per_cent_sign_stays_with_its_number(client, make_review):
    review = make_review(text_fi="Työttömyysaste oli 12,2 % eli 0,7 %-yksikköä korkeampi.", status="published")

    content = client.get(f"/fi/oulu/situation/reviews/{review.uuid}/").content.decode()

    assert "12,2\xa0% eli 0,7\xa0%-yksikköä" in content
