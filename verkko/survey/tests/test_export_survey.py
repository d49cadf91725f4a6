import io
import json

import networkx as nx
import openpyxl
import pytest
from django.core.management import CommandError

from verkko.ecosystem.tests.helpers import run_command


@pytest.mark.parametrize("file_format", ["graphml", "gexf"])
def test_the_network_to_a_file_reads_back_with_networkx(answers, tmp_path, file_format):
    path = tmp_path / f"verkosto.{file_format}"
    output = run_command("export_survey", str(answers.pk), "--format", file_format, "--output", str(path))
    assert str(path) in output
    graph = nx.read_graphml(path) if file_format == "graphml" else nx.read_gexf(path)
    assert graph.number_of_nodes() == 5
    assert graph.number_of_edges() == 5


def test_kumu_to_standard_output_by_uuid(answers):
    data = json.loads(run_command("export_survey", str(answers.uuid), "--format", "kumu"))
    assert len(data["elements"]) == 5
    assert len(data["connections"]) == 5


def test_csv_tables(answers):
    output = run_command("export_survey", str(answers.pk), "--format", "csv", "--table", "metrics")
    assert output.splitlines()[0].startswith("organisation,organisation_type,answered,degree")
    assert len(output.splitlines()) == 6


def test_xlsx_needs_a_file(answers, tmp_path):
    with pytest.raises(CommandError):
        run_command("export_survey", str(answers.pk), "--format", "xlsx")
    path = tmp_path / "vastaukset.xlsx"
    run_command("export_survey", str(answers.pk), "--format", "xlsx", "--table", "answers", "--output", str(path))
    rows = list(openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active.iter_rows(values_only=True))
    assert rows[0][0] == "organisation"
    assert len(rows) == 6


@pytest.mark.parametrize("round_id", ["999", "ei-tunnus", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_round_is_an_error(db, round_id):
    with pytest.raises(CommandError):
        run_command("export_survey", round_id)
