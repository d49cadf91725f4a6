import pytest

from verkko.survey import results
from verkko.survey.tests.conftest import by_role


def url(survey_round, query=""):
    return f"/fi/oulu/survey/rounds/{survey_round.uuid}/results/{query}"


@pytest.mark.parametrize(("role", "status"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_only_partners_of_the_area_see_the_results(as_role, everyone, answers, role, status):
    response = as_role(role).get(url(answers))
    assert response.status_code == status
    if status == 302:
        assert "/accounts/login/" in response["Location"]
    if status == 404:
        assert "Kumppanikysely" not in response.content.decode()


def test_the_network_measures_are_the_ones_worked_out_by_hand(as_role, coordinator, answers):
    response = as_role("coordinator").get(url(answers))
    assert response.status_code == 200
    context = response.context
    assert context["rate"]["answered"] == 4
    assert context["rate"]["asked"] == 5
    assert context["rate"]["rate"] == pytest.approx(80.0)
    network = context["network"]
    # backbone → A, backbone → B, A → backbone, C → A, D → A: 5 of 20 possible; backbone ↔ A is mutual.
    assert network.measures.ties == 5
    assert network.measures.density == pytest.approx(0.25)
    assert network.measures.reciprocity == pytest.approx(0.4)
    assert network.trust == pytest.approx(2.6)
    assert network.value == pytest.approx(2.6)
    rows = {row.organization.name: row for row in context["organizations"]}
    assert rows["Organisaatio A"].measures.in_degree == 3
    assert rows["Organisaatio A"].measures.degree == 3
    assert rows["BusinessOulu"].measures.out_degree == 2
    assert rows["Organisaatio A"].trust == pytest.approx(3.0)
    assert rows["Organisaatio A"].value == pytest.approx(10 / 3)


@pytest.mark.parametrize("role", ["partner_member", "partner_editor", "editor_b"])
def test_partners_see_the_scores_given_to_an_organisation_only_from_three_raters(as_role, everyone, answers, role):
    response = as_role(role).get(url(answers))
    rows = {row.organization.name: row for row in response.context["organizations"]}
    # A is rated by three organisations: shown.
    assert rows["Organisaatio A"].raters == 3
    assert rows["Organisaatio A"].trust == pytest.approx(3.0)
    assert not rows["Organisaatio A"].hidden
    # B is rated only by the backbone: its score (1,00) would be that one answer, so it is hidden.
    assert rows["Organisaatio B"].raters == 1
    assert rows["Organisaatio B"].trust is None
    assert rows["Organisaatio B"].value is None
    assert rows["Organisaatio B"].hidden
    content = response.content.decode()
    assert "liian vähän arvioijia näytettäväksi" in content
    # Nor the answers, comments or the scores of each tie.
    assert "Kommentti:" not in content
    assert response.context["ties"] is None
    assert "/export/" not in content


def test_group_averages_are_hidden_for_partners_below_three_answers(as_role, partner_member, answers):
    rows = {row.label: row for row in as_role("partner_member").get(url(answers)).context["by_type"]}
    # Two NGOs? No: C is the only NGO that answered, the backbone the only municipality.
    assert rows["järjestö"].answers == 1
    assert rows["järjestö"].hidden
    assert rows["järjestö"].belonging is None


def test_coordinators_see_every_score_the_answers_and_the_comments(as_role, coordinator, answers):
    response = as_role("coordinator").get(url(answers))
    rows = {row.organization.name: row for row in response.context["organizations"]}
    assert rows["Organisaatio B"].trust == pytest.approx(1.0)
    assert not rows["Organisaatio B"].hidden
    content = response.content.decode()
    assert "Kommentti: Organisaatio C" in content
    assert "/export/network.graphml" in content
    groups = {row.label: row for row in response.context["by_type"]}
    assert groups["järjestö"].belonging == pytest.approx(2.0)


def test_belonging_and_satisfaction_by_forum(as_role, coordinator, answers, organization_a, organization_c):
    from verkko.ecosystem.models import ForumMember
    from verkko.ecosystem.tests.factories import ForumFactory

    forum = ForumFactory(area=answers.area, name="Nuorten verkosto", slug="nuorten-verkosto")
    ForumMember.objects.create(forum=forum, organization=organization_a)
    ForumMember.objects.create(forum=forum, organization=organization_c)
    rows = as_role("coordinator").get(url(answers)).context["by_forum"]
    assert [(row.label, row.answers, row.belonging) for row in rows] == [("Nuorten verkosto", 2, 3.5)]


def test_the_map_has_a_table_of_the_same_ties_and_filters_by_level(as_role, partner_member, answers):
    response = as_role("partner_member").get(url(answers))
    chart = response.context["chart"]
    assert "<svg" in chart["svg"]
    # Four pairs: backbone–A (mutual), backbone–B, A–C, A–D.
    assert len(chart["rows"]) == 4
    mutual = [row for row in chart["rows"] if "BusinessOulu" in row and "Organisaatio A" in row]
    assert [str(cell) for cell in mutual[0][2:]] == ["integroitu", "molemmat nimesivät toisensa"]
    filtered = as_role("partner_member").get(url(answers, "?level=cooperative")).context
    assert {(pair.first.name, pair.second.name) for pair in filtered["pairs"]} == {
        ("BusinessOulu", "Organisaatio B"),
        ("Organisaatio A", "Organisaatio C"),
    }
    assert len(filtered["chart"]["rows"]) == 2


def test_an_unknown_level_shows_an_error_and_the_whole_map(as_role, partner_member, answers):
    response = as_role("partner_member").get(url(answers, "?level=cosmic"))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert len(response.context["pairs"]) == 4


def test_comparison_with_the_previous_round(as_role, coordinator, previous_answers, answers):
    comparison = as_role("coordinator").get(url(answers)).context["comparison"]
    assert comparison.previous == previous_answers
    # Compared for the backbone, A and C, who answered both rounds (D answered only now).
    assert comparison.both_answered == 3

    def names(changes):
        return [(change.source.name, change.target.name) for change in changes]

    assert names(comparison.new) == [("BusinessOulu", "Organisaatio B"), ("Organisaatio A", "BusinessOulu")]
    assert names(comparison.lost) == [("BusinessOulu", "Organisaatio C")]
    assert names(comparison.strengthened) == [("BusinessOulu", "Organisaatio A")]
    assert names(comparison.weakened) == [("Organisaatio C", "Organisaatio A")]
    assert comparison.density_change == pytest.approx(0.25 - 0.15)
    assert comparison.trust_change == pytest.approx(2.6 - 8 / 3)
    assert comparison.value_change == pytest.approx(2.6 - 8 / 3)


def test_the_first_round_has_nothing_to_compare_with(as_role, partner_member, answers):
    response = as_role("partner_member").get(url(answers))
    assert response.context["comparison"] is None
    assert "ensimmäinen kierros" in response.content.decode()


def test_drafts_do_not_count(as_role, coordinator, answers, organization_b):
    from verkko.survey.tests.conftest import answer

    answer(answers, organization_b, {}, status="draft")
    context = as_role("coordinator").get(url(answers)).context
    assert context["rate"]["answered"] == 4
    assert context["rate"]["drafts"] == 1


def test_a_round_of_another_area_is_not_found(as_role, everyone, other_round):
    assert as_role("coordinator").get(url(other_round)).status_code == 404
    assert as_role("outsider_coordinator").get(url(other_round)).status_code == 404


def test_results_query_budget(as_role, coordinator, previous_answers, answers, django_assert_max_num_queries):
    client = as_role("coordinator")
    with django_assert_max_num_queries(30):
        assert client.get(url(answers)).status_code == 200


def test_results_refuse_post(as_role, coordinator, answers):
    assert as_role("coordinator").post(url(answers)).status_code == 405


def test_load_counts_only_submitted_ties(answers):
    data = results.load(answers)
    assert len(data.ties) == 5
