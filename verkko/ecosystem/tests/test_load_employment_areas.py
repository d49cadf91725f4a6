"""manage.py load_employment_areas: Statistics Finland's 45 employment areas and their 292 municipalities."""

import csv

import pytest
from django.core.management import CommandError
from django.utils import translation

from verkko.ecosystem.classification import CLASSIFICATION_CSV, COLUMNS
from verkko.ecosystem.models import Municipality, ReferenceArea
from verkko.ecosystem.tests.helpers import run_command as run


def shipped_rows():
    with CLASSIFICATION_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_classification(path, rows, columns=COLUMNS):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def snapshot():
    """Everything the command writes, to compare before and after."""
    areas = list(ReferenceArea.objects.order_by("code").values_list("code", "name_fi", "name_sv", "host_status"))
    hosts = list(ReferenceArea.objects.order_by("code").values_list("code", "host_municipality__code"))
    municipalities = list(Municipality.objects.order_by("code").values_list("code", "name_fi", "reference_area__code"))
    return areas, hosts, municipalities


def test_the_shipped_file_loads_45_areas_and_292_municipalities(db):
    output = run("load_employment_areas")
    assert ReferenceArea.objects.count() == 45
    assert Municipality.objects.count() == 292
    assert not Municipality.objects.filter(reference_area__isnull=True).exists()
    assert "45" in output
    assert "292" in output
    oulu_region = ReferenceArea.objects.get(code="24")
    assert (oulu_region.name_fi, oulu_region.name_sv) == ("Oulun seutu", "Uleåborgregionen")
    assert oulu_region.host_municipality.name_fi == "Oulu"
    assert oulu_region.municipalities.filter(code="244", name_fi="Kempele").exists()


def test_running_again_changes_nothing(db):
    run("load_employment_areas")
    first = snapshot()
    run("load_employment_areas")
    assert snapshot() == first


def test_the_areas_running_here_keep_their_municipalities(area):
    """Which municipalities belong to an area running on the installation is not the classification's business."""
    run("load_employment_areas")
    oulu = Municipality.objects.get(code="564")
    assert oulu.area == area
    assert oulu.name_fi == "Oulu"
    assert oulu.reference_area.code == "24"


def test_a_new_classification_moves_a_municipality_and_drops_an_area(db, tmp_path):
    run("load_employment_areas")
    rows = shipped_rows()
    dropped = rows[0]["area_code"]
    dropped_municipalities = [row["municipality_code"] for row in rows if row["area_code"] == dropped]
    moved = next(row for row in rows if row["municipality_code"] == "072")  # Hailuoto, in Oulun seutu
    destination = next(row for row in rows if row["area_code"] not in (dropped, moved["area_code"]))
    moved.update({key: destination[key] for key in ("area_code", "area_name_fi", "area_name_sv", "host_municipality")})
    moved["host_status"] = destination["host_status"]
    kept = [row for row in rows if row["area_code"] != dropped]
    run("load_employment_areas", write_classification(tmp_path / "2026.csv", kept))
    assert Municipality.objects.get(code="072").reference_area.code == destination["area_code"]
    assert not ReferenceArea.objects.filter(code=dropped).exists()
    assert ReferenceArea.objects.count() == 44
    assert not Municipality.objects.filter(code__in=dropped_municipalities, reference_area__isnull=False).exists()
    assert ReferenceArea.objects.get(code="24").municipalities.filter(code="564").exists()


def bad_files():
    """(what is wrong, rows or columns to write, the line and words the error names)."""
    return [
        ("a missing column", "columns", "Line 1: the columns municipality_code are missing."),
        ("a bad municipality code", {"municipality_code": "12a"}, "Line 3: a municipality code has three digits"),
        ("a duplicate municipality", {"municipality_code": "049"}, "Line 3: municipality 049 is already on line 2."),
        ("a missing area name", {"area_name_fi": ""}, "Line 3: the area's code and name are needed."),
        ("an unknown host status", {"host_status": "perhaps"}, "Line 3: unknown host status “perhaps”."),
    ]


@pytest.mark.parametrize(("problem", "change", "message"), bad_files(), ids=[case[0] for case in bad_files()])
def test_a_bad_file_names_the_line_and_changes_nothing(db, tmp_path, problem, change, message):
    run("load_employment_areas")
    before = snapshot()
    rows = shipped_rows()
    if change == "columns":
        path = write_classification(tmp_path / "bad.csv", rows, [c for c in COLUMNS if c != "municipality_code"])
    else:
        rows[1].update(change)  # line 3 of the file: the header is line 1
        path = write_classification(tmp_path / "bad.csv", rows)
    with translation.override("en"), pytest.raises(CommandError) as error:
        run("load_employment_areas", path)
    assert message in str(error.value)
    assert "Nothing was changed." in str(error.value)
    assert snapshot() == before


def test_a_bad_file_on_an_empty_installation_saves_nothing(db, tmp_path):
    rows = shipped_rows()
    rows[-1]["municipality_code"] = rows[0]["municipality_code"]
    with pytest.raises(CommandError):
        run("load_employment_areas", write_classification(tmp_path / "bad.csv", rows))
    assert not ReferenceArea.objects.exists()
    assert not Municipality.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Rivi 3: kunta 049 on jo rivillä 2. Mitään ei muutettu."),
        ("sv", "Rad 3: kommunen 049 finns redan på rad 2. Ingenting ändrades."),
    ],
)
def test_the_errors_are_in_the_users_language(db, tmp_path, language, message):
    rows = shipped_rows()
    rows[1]["municipality_code"] = "049"
    path = write_classification(tmp_path / "bad.csv", rows)
    with translation.override(language), pytest.raises(CommandError) as error:
        run("load_employment_areas", path)
    assert message in str(error.value)


def test_an_empty_or_missing_file_is_an_error(db, tmp_path):
    with translation.override("en"), pytest.raises(CommandError, match="The file has no rows."):
        run("load_employment_areas", write_classification(tmp_path / "empty.csv", []))
    with translation.override("en"), pytest.raises(CommandError, match="cannot be read"):
        run("load_employment_areas", str(tmp_path / "missing.csv"))
    assert not ReferenceArea.objects.exists()


def test_the_summary_is_in_finnish(db):
    with translation.override("fi"):
        assert "45 työllisyysaluetta, 292 kuntaa." in run("load_employment_areas")
