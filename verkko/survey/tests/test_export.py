"""Downloads of a round: the tables as CSV and XLSX, the network as GraphML, GEXF and Kumu JSON,
read back with networkx, json and openpyxl."""

import csv
import io
import json

import networkx as nx
import openpyxl
import pytest

from verkko.survey.tests.conftest import by_role


def url(survey_round, kind, file_format):
    return f"/fi/oulu/survey/rounds/{survey_round.uuid}/export/{kind}.{file_format}"


@pytest.mark.parametrize(("role", "status"), by_role(200, 403, 403, 403, 302, 404, 404, 404))
def test_only_coordinators_download(as_role, everyone, answers, role, status):
    assert as_role(role).get(url(answers, "network", "graphml")).status_code == status
    assert as_role(role).get(url(answers, "answers", "csv")).status_code == status


def test_graphml_reads_back_with_networkx(as_role, coordinator, answers, organization_a, backbone_organization):
    response = as_role("coordinator").get(url(answers, "network", "graphml"))
    assert response["Content-Disposition"].endswith('.graphml"')
    graph = nx.read_graphml(io.BytesIO(response.content))
    assert graph.is_directed()
    assert graph.number_of_nodes() == 5
    assert graph.number_of_edges() == 5
    assert nx.density(graph) == pytest.approx(0.25)
    node = graph.nodes[organization_a.slug]
    assert node["label"] == "Organisaatio A"
    assert node["in_degree"] == 3
    assert node["trust"] == pytest.approx(3.0)
    edge = graph.edges[backbone_organization.slug, organization_a.slug]
    assert edge["level"] == "integrated"
    assert edge["trust"] == pytest.approx(4.0)


def test_gexf_reads_back_with_networkx(as_role, coordinator, answers, organization_a):
    response = as_role("coordinator").get(url(answers, "network", "gexf"))
    graph = nx.read_gexf(io.BytesIO(response.content))
    assert graph.number_of_nodes() == 5
    assert graph.number_of_edges() == 5
    assert nx.reciprocity(graph) == pytest.approx(0.4)


def test_kumu_json_has_elements_and_connections(as_role, coordinator, answers, organization_a, backbone_organization):
    response = as_role("coordinator").get(url(answers, "network", "kumu"))
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert {element["label"] for element in data["elements"]} == {
        "BusinessOulu",
        "Organisaatio A",
        "Organisaatio B",
        "Organisaatio C",
        "Organisaatio D",
    }
    assert len(data["connections"]) == 5
    mutual = [
        c for c in data["connections"] if c["from"] == backbone_organization.slug and c["to"] == organization_a.slug
    ]
    assert mutual[0]["direction"] == "mutual"
    assert mutual[0]["type"] == "integrated"
    ids = {element["_id"] for element in data["elements"]}
    assert all(c["from"] in ids and c["to"] in ids for c in data["connections"])


def test_answers_as_csv(as_role, coordinator, answers):
    response = as_role("coordinator").get(url(answers, "answers", "csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_name = {row["organisation"]: row for row in rows}
    assert len(rows) == 5
    assert by_name["Organisaatio A"]["belonging"] == "5"
    assert by_name["Organisaatio A"]["status"] == "submitted"
    assert by_name["Organisaatio B"]["status"] == "not_started"
    assert by_name["Organisaatio C"]["comments"] == "Kommentti: Organisaatio C"


def test_ties_and_metrics_as_xlsx(as_role, coordinator, answers):
    client = as_role("coordinator")
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url(answers, "ties", "xlsx")).content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("from", "to", "frequency", "level")
    assert len(rows) == 6
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url(answers, "metrics", "xlsx")).content)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    header = rows["organisation"]
    organisation_a = dict(zip(header, rows["Organisaatio A"], strict=True))
    assert organisation_a["in_degree"] == 3
    assert organisation_a["raters"] == 3
    assert organisation_a["trust_given_by_others"] == pytest.approx(3.0)


@pytest.mark.parametrize(("kind", "file_format"), [("network", "csv"), ("answers", "graphml"), ("people", "xlsx")])
def test_unknown_exports_are_not_found(as_role, coordinator, answers, kind, file_format):
    assert as_role("coordinator").get(url(answers, kind, file_format)).status_code == 404


def test_an_empty_round_exports_too(as_role, coordinator, open_round):
    response = as_role("coordinator").get(url(open_round, "network", "graphml"))
    assert nx.read_graphml(io.BytesIO(response.content)).number_of_edges() == 0


def test_export_refuses_post(as_role, coordinator, answers):
    assert as_role("coordinator").post(url(answers, "network", "gexf")).status_code == 405
