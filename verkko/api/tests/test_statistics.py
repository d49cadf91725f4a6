"""Statistics for other tools: tidy rows (JSON, CSV), a JSON-stat 2.0 dataset, the area's figures."""

import io
import json
from datetime import date

import pandas as pd
import pytest
from pyjstat import pyjstat

from verkko.stats.models import Observation, Series, Table

MONTHS = [(date(2026, 1, 1), "2026M01"), (date(2026, 2, 1), "2026M02")]


@pytest.fixture
def table(area, other_area):
    table = Table.objects.create(
        source=Table.Source.STATFIN,
        table_id="12r5",
        title="Työnvälitystilasto",
        frequency="M",
        dimensions=[
            {"code": "Alue", "label": "Alue", "role": "area", "values": []},
            {"code": "Tiedot", "label": "Tiedot", "role": "content", "values": []},
            {"code": "Kuukausi", "label": "Kuukausi", "role": "time", "values": []},
        ],
    )
    figures = {
        # Kempele's February unemployed are missing: the area's sum for February is incomplete.
        ("KU564", "TYOTTOMATLOPUSSA"): [1000, 1100],
        ("KU244", "TYOTTOMATLOPUSSA"): [100, None],
        ("KU564", "TYOVOIMATK"): [10000, 10000],
        ("KU244", "TYOVOIMATK"): [1000, 1000],
        ("SSS", "TYOTTOMATLOPUSSA"): [300000, 310000],
        ("SSS", "TYOVOIMATK"): [2700000, 2700000],
        # Another area's municipality: not among this area's cells.
        ("KU678", "TYOTTOMATLOPUSSA"): [50, 60],
    }
    for (area_code, measure), values in figures.items():
        series = Series.objects.create(
            table=table,
            key=f"Alue={area_code};Tiedot={measure}",
            codes={"Alue": area_code, "Tiedot": measure},
            labels={"Alue": area_code, "Tiedot": measure.lower()},
            area_code=area_code,
            measure_code=measure,
        )
        for (period, code), value in zip(MONTHS, values, strict=True):
            Observation.objects.create(series=series, period=period, period_code=code, value=value)
    return table


def test_observations_as_tidy_json_rows(api_for, table):
    data = api_for(None).get(f"/api/v1/oulu/statistics/tables/{table.pk}/observations/?measure=TYOTTOMATLOPUSSA").json()
    rows = data["results"]
    assert {row["area_code"] for row in rows} == {"KU564", "KU244", "SSS"}
    assert data["count"] == 6
    assert {"table", "series", "area_code", "measure_code", "period", "period_code", "value", "status"} == set(rows[0])


def test_observations_as_csv_for_excel(api_for, table):
    response = api_for(None).get(f"/api/v1/oulu/statistics/tables/{table.pk}/observations/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert len(frame) == 12
    assert "KU678" not in set(frame["area_code"])


def test_observations_as_json_stat_read_by_pyjstat(api_for, table):
    response = api_for(None).get(f"/api/v1/oulu/statistics/tables/{table.pk}/jsonstat/?period_from=2026-02-01")
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == "2.0"
    assert data["class"] == "dataset"
    assert data["id"] == ["Alue", "Tiedot", "period"]
    assert data["role"] == {"time": ["period"], "geo": ["Alue"], "metric": ["Tiedot"]}
    assert data["extension"]["provenance"]["table_id"] == "12r5"
    frame = pyjstat.Dataset.read(json.dumps(data)).write("dataframe")
    assert len(frame) == 3 * 2 * 1
    oulu = frame[(frame["Alue"] == "KU564") & (frame["Tiedot"] == "tyottomatlopussa")]
    assert oulu["value"].tolist() == [1100]
    kempele = frame[(frame["Alue"] == "KU244") & (frame["Tiedot"] == "tyottomatlopussa")]
    assert kempele["value"].isna().all()


def test_area_figures_with_incomplete_marks_and_provenance(api_for, table):
    response = api_for(None).get("/api/v1/oulu/figures/?month=2026-02-15")
    assert response.status_code == 200
    figures = {row["measure"]: row for row in response.json()}
    unemployed = figures["TYOTTOMATLOPUSSA"]
    assert unemployed["month"] == "2026-02-01"
    assert unemployed["current"] == {"value": 1100.0, "complete": False}
    assert unemployed["previous"] == {"value": 1100.0, "complete": True}
    assert unemployed["complete"] is False
    assert unemployed["provenance"]["area_codes"] == ["KU244", "KU564"]
    rate = figures["TYOTOSUUS"]
    assert rate["is_rate"] is True
    assert rate["previous"]["value"] == pytest.approx(1100 / 11000 * 100)


def test_figures_default_to_the_latest_month(api_for, table):
    rows = api_for(None).get("/api/v1/oulu/figures/").json()
    assert rows[0]["month"] == "2026-02-01"


def test_series_of_the_area(api_for, table):
    rows = api_for(None).get(f"/api/v1/oulu/statistics/tables/{table.pk}/series/").json()["results"]
    assert {row["area_code"] for row in rows} == {"KU564", "KU244", "SSS"}


def test_unknown_table_is_a_404(api_for, area):
    assert api_for(None).get("/api/v1/oulu/statistics/tables/999999/observations/").status_code == 404
