"""Readers of the repository's own small JSON-stat and PX files, and their errors."""

from datetime import UTC, date, datetime

import pytest

from verkko.stats.formats import (
    ROLE_AREA,
    ROLE_CONTENT,
    ROLE_OTHER,
    ROLE_TIME,
    Dataset,
    Dimension,
    FormatError,
    detect_format,
    parse_period,
    read_bytes,
    read_file,
)


def test_period_parsing_gives_first_day_and_code():
    assert parse_period("2024M01") == (("2024M01"), date(2024, 1, 1), "M")
    assert parse_period("2024M12").start == date(2024, 12, 1)
    assert parse_period("2024Q3") == ("2024Q3", date(2024, 7, 1), "Q")
    assert parse_period("2024") == ("2024", date(2024, 1, 1), "Y")


def test_period_parsing_reads_px_timeval_forms_with_a_hint():
    assert parse_period("202402", hint="M") == ("2024M02", date(2024, 2, 1), "M")
    assert parse_period("20244", hint="Q") == ("2024Q4", date(2024, 10, 1), "Q")


@pytest.mark.parametrize("code", ["2024M13", "2024M00", "2024Q5", "24", "2024-01", "vuosi"])
def test_period_parsing_rejects_codes_that_are_no_period(code):
    with pytest.raises(FormatError, match="time code"):
        parse_period(code)


# --- PX ---------------------------------------------------------------------------------


@pytest.fixture
def ansi_px(data_dir):
    return read_file(data_dir / "tyonhakijat-ansi.px")[0]


def test_px_reader_reads_ansi_file_as_iso_8859_15(ansi_px):
    assert ansi_px.title == "Työnhakijat kunnittain ja kuukausittain"
    assert ansi_px.source == "Työ- ja elinkeinoministeriö, työnvälitystilasto"
    assert ansi_px.dimension("Tiedot").labels[0] == "Työttömät työnhakijat (lkm.)"


def test_px_reader_keeps_default_language_and_ignores_other_languages(ansi_px):
    assert ansi_px.language == "fi"
    assert [d.code for d in ansi_px.dimensions] == ["Alue", "Kuukausi", "Tiedot"]
    assert ansi_px.dimension("Alue").labels == ["KOKO MAA", "Oulu", "Kempele"]


def test_px_reader_uses_codes_and_finds_roles(ansi_px):
    alue, kuukausi, tiedot = ansi_px.dimensions
    assert alue.codes == ["SSS", "KU564", "KU244"]
    assert (alue.role, kuukausi.role, tiedot.role) == (ROLE_AREA, ROLE_TIME, ROLE_CONTENT)
    assert kuukausi.time_format == "M"
    assert ansi_px.frequency == "M"
    assert alue.elimination_code == "SSS"


def test_px_reader_reads_units_precision_and_last_update(ansi_px):
    tiedot = ansi_px.content_dimension
    assert tiedot.units == {"TYOTTOMAT": "henkilöä", "TYOTOSUUS": "%"}
    assert tiedot.decimals == {"TYOTOSUUS": 1}
    assert ansi_px.decimals == 1
    assert ansi_px.table_id == "tyonv_test"
    # The latest LAST-UPDATED, 20260127 08:00 Finnish time.
    assert ansi_px.updated == datetime(2026, 1, 27, 6, 0, tzinfo=UTC)


def test_px_reader_reads_stub_major_data(ansi_px):
    assert ansi_px.cell(Alue="SSS", Kuukausi="2024M01", Tiedot="TYOTTOMAT") == (250123.0, "")
    assert ansi_px.cell(Alue="SSS", Kuukausi="2024M01", Tiedot="TYOTOSUUS") == (10.2, "")
    assert ansi_px.cell(Alue="KU244", Kuukausi="2024M02", Tiedot="TYOTTOMAT") == (812.0, "")


def test_px_reader_reads_dash_as_true_zero(ansi_px):
    assert ansi_px.cell(Alue="SSS", Kuukausi="2024M02", Tiedot="TYOTTOMAT") == (0.0, "-")
    assert ansi_px.cell(Alue="KU244", Kuukausi="2024M02", Tiedot="TYOTOSUUS") == (0.0, "-")


def test_px_reader_reads_every_missing_value_symbol(ansi_px):
    missing = [(value, status) for *_, value, status in ansi_px.rows() if value is None]
    assert missing == [(None, "."), (None, ".."), (None, "..."), (None, "...."), (None, "....."), (None, "......")]


def test_px_reader_gives_tidy_rows_with_period_after_the_codes(ansi_px):
    rows = list(ansi_px.rows())
    assert len(rows) == 12
    assert rows[0] == ("SSS", "TYOTTOMAT", "2024M01", 250123.0, "")
    assert rows[-1] == ("KU244", "TYOTOSUUS", "2024M02", 0.0, "-")


def test_px_reader_reads_utf8_file_with_heading_of_two_variables(data_dir):
    dataset = read_file(data_dir / "befolkning-utf8.px")[0]
    assert dataset.language == "sv"
    assert dataset.dimension("Område").labels == ["Åland", "Närpes"]
    assert dataset.dimension("År").role == ROLE_TIME
    assert dataset.dimension("Område").role == ROLE_AREA
    assert dataset.dimension("Kön").role == ROLE_OTHER
    assert dataset.dimension("Kön").elimination_code == "SSS"
    assert dataset.cell(Område="MK21", Kön="SSS", År="2024") == (30541.0, "")
    assert dataset.cell(Område="KU545", Kön="2", År="2023") == (4675.0, "")


def test_px_reader_hands_cells_on_in_batches_of_the_asked_size(ansi_px):
    batches = list(ansi_px.batches(size=4))
    assert [batch.start for batch in batches] == [0, 4, 8]
    assert all(len(batch.values) == 4 for batch in batches)


def test_px_reader_batches_keep_aligned_blocks_whole(ansi_px):
    batches = list(ansi_px.batches(size=5, align=4))
    assert [len(batch.values) for batch in batches] == [4, 4, 4]


def _px(text: str) -> bytes:
    return text.encode("utf-8")


GOOD_PX = """CODEPAGE="utf-8";
LANGUAGE="fi";
STUB="Alue";
HEADING="Vuosi";
VALUES("Alue")="Oulu","Ii";
VALUES("Vuosi")="2023","2024";
DATA=
1 2
3 4;
"""


def test_px_reader_reads_a_minimal_file():
    dataset = read_bytes(_px(GOOD_PX))[0]
    assert list(dataset.rows()) == [
        ("Oulu", "2023", 1.0, ""),
        ("Oulu", "2024", 2.0, ""),
        ("Ii", "2023", 3.0, ""),
        ("Ii", "2024", 4.0, ""),
    ]


def test_px_reader_accepts_commas_between_data_values():
    dataset = read_bytes(_px(GOOD_PX.replace("1 2\n3 4;", "1,2,\n3,4;")))[0]
    assert [row[2] for row in dataset.rows()] == [1.0, 2.0, 3.0, 4.0]


def test_px_reader_reports_truncated_file():
    truncated = GOOD_PX[: GOOD_PX.index("3 4;")]
    with pytest.raises(FormatError, match="truncated") as error:
        list(read_bytes(_px(truncated))[0].batches())
    assert error.value.line == 9


def test_px_reader_reports_file_without_data():
    with pytest.raises(FormatError, match="no DATA"):
        read_bytes(_px(GOOD_PX[: GOOD_PX.index("DATA")]))


def test_px_reader_reports_too_few_values_with_line():
    with pytest.raises(FormatError, match="DATA has 3 values but its variables need 4") as error:
        list(read_bytes(_px(GOOD_PX.replace("3 4;", "3;")))[0].batches())
    assert error.value.line == 9


def test_px_reader_reports_too_many_values_with_line():
    with pytest.raises(FormatError, match="more than the 4 values") as error:
        list(read_bytes(_px(GOOD_PX.replace("3 4;", "3 4\n5;")))[0].batches())
    assert error.value.line == 10


def test_px_reader_reports_a_value_that_is_no_number():
    with pytest.raises(FormatError, match="'x'.*neither a number") as error:
        list(read_bytes(_px(GOOD_PX.replace("3 4;", "3 x;")))[0].batches())
    assert error.value.line == 9


@pytest.mark.parametrize(
    ("broken", "problem", "line"),
    [
        ('VALUES("Vuosi")="2023","2024";', 'VALUES("Vuosi"="2023","2024";', 6),
        ('STUB="Alue";', 'STUB="Alue"\n', 3),
        ('HEADING="Vuosi";', 'HEADING=="Vuosi";', 4),
        ('VALUES("Alue")="Oulu","Ii";', 'VALUES("Alue")="Oulu""Ii",;', 5),
        ('VALUES("Alue")="Oulu","Ii";', 'VALUES("Alue")="Oulu,"Ii";', 5),
    ],
)
def test_px_reader_reports_unknown_keyword_syntax_with_its_line(broken, problem, line):
    with pytest.raises(FormatError) as error:
        read_bytes(_px(GOOD_PX.replace(broken, problem)))
    assert error.value.line == line


def test_px_reader_reports_values_and_codes_of_different_length():
    text = GOOD_PX.replace("DATA=", 'CODES("Alue")="KU564";\nDATA=')
    with pytest.raises(FormatError, match="2 VALUES but 1 CODES") as error:
        read_bytes(_px(text))
    assert error.value.line == 7


def test_px_reader_reports_invalid_utf8_with_its_line():
    data = _px(GOOD_PX).replace(b'"Oulu"', b'"Oulu\xe4"')
    with pytest.raises(FormatError, match="not valid utf-8") as error:
        read_bytes(data)
    assert error.value.line == 5


def test_px_reader_reports_utf8_text_in_a_file_that_declares_ansi():
    text = 'CHARSET="ANSI";\n' + GOOD_PX.replace('CODEPAGE="utf-8";\n', "").replace('"Ii"', '"Ähtäri"')
    with pytest.raises(FormatError, match="declares iso-8859-15 but its text is UTF-8") as error:
        read_bytes(text.encode("utf-8"))
    assert error.value.line == 5


# --- JSON-stat ----------------------------------------------------------------------------


def test_jsonstat2_reader_reads_array_index_and_status_array(data_dir):
    dataset = read_file(data_dir / "tyonhakijat-jsonstat2-array-index.json")[0]
    assert dataset.table_id == "tyonv_test"
    assert dataset.updated == datetime(2026, 1, 27, 6, 0, tzinfo=UTC)
    assert dataset.dimension("alue").codes == ["KU564", "SSS"]
    assert dataset.dimension("kuukausi").labels == ["2025M11", "2025M12", "2026M01"]
    assert dataset.cell(alue="SSS", kuukausi="2026M01", tiedot="TYOTOSUUS") == (10.4, "")
    assert dataset.cell(alue="KU564", kuukausi="2026M01", tiedot="TYOTTOMAT") == (None, "..")
    assert dataset.content_dimension.units == {"TYOTTOMAT": "lkm", "TYOTOSUUS": "%"}
    assert dataset.content_dimension.decimals == {"TYOTTOMAT": 0, "TYOTOSUUS": 1}
    assert dataset.area_dimension.elimination_code == "SSS"


def test_jsonstat2_reader_hands_cells_on_in_batches_with_their_statuses(data_dir):
    dataset = read_file(data_dir / "tyonhakijat-jsonstat2-array-index.json")[0]
    batches = list(dataset.batches(size=4))
    assert [batch.start for batch in batches] == [0, 4, 8]
    assert batches[1].values == [None, None, 250010, 9.8]
    assert batches[1].statuses == ["..", "..", "", ""]


def test_jsonstat2_reader_reads_object_index_sparse_values_and_status_object(data_dir):
    dataset = read_file(data_dir / "vaesto-jsonstat2-object-index.json")[0]
    assert dataset.dimension("alue_23_20260101").codes == ["KU072", "KU244"]
    assert dataset.dimension("sukupuoli").codes == ["SSS"]
    assert dataset.frequency == "Q"
    assert list(dataset.rows()) == [
        ("KU072", "SSS", "vaesto", "2025Q3", 931, ""),
        ("KU072", "SSS", "vaesto", "2025Q4", 929, ""),
        ("KU244", "SSS", "vaesto", "2025Q3", None, "..."),
        ("KU244", "SSS", "vaesto", "2025Q4", 20170, ""),
    ]


def test_jsonstat1_reader_reads_every_dataset_of_a_bundle(data_dir):
    first, second = read_file(data_dir / "jsonstat1-bundle.json")
    assert first.title == "Yritysten aloitukset"
    assert first.time_dimension.code == "Vuosi"
    assert first.area_dimension.code == "Alue"  # from its name: the bundle gives no geo role
    assert first.cell(Alue="KU139", Vuosi="2024", Tiedot="aloitukset") == (41, "")
    assert list(second.rows()) == [("KU564", "2023", 977, ""), ("KU564", "2024", 1012.0, "")]


def test_jsonstat_reader_reports_truncated_json_with_line_and_column(data_dir):
    text = (data_dir / "tyonhakijat-jsonstat2-array-index.json").read_bytes()
    with pytest.raises(FormatError, match="not valid JSON") as error:
        read_bytes(text[:500])
    # The data ends on line 14; that is where the reader noticed.
    assert (error.value.line, error.value.column) == (14, 62)


def test_jsonstat_reader_reports_text_that_is_not_utf8_with_line_and_column(data_dir):
    text = (data_dir / "tyonhakijat-jsonstat2-array-index.json").read_bytes()
    broken = text.replace("Työnhakijat kunnittain".encode(), "Työnhakijat kunnittain".encode("iso-8859-15"))
    with pytest.raises(FormatError, match="not valid UTF-8 \\(byte 0xf6\\)") as error:
        read_bytes(broken)
    assert (error.value.line, error.value.column) == (4, 15)  # the ö of "Työnhakijat"


def test_px_reader_reports_keys_data_it_does_not_read():
    with pytest.raises(FormatError, match="KEYS"):
        read_bytes(_px(GOOD_PX.replace("DATA=", 'KEYS("Alue")=CODES;\nDATA=')))


def test_jsonstat_reader_reports_values_that_do_not_match_the_sizes(data_dir):
    text = (data_dir / "tyonhakijat-jsonstat2-array-index.json").read_bytes()
    with pytest.raises(FormatError, match="^line 29, column 3: 'value' has 11 entries but the sizes multiply to 12"):
        read_bytes(text.replace(b"265003, 10.4]", b"265003]"))


def test_jsonstat_reader_reports_a_dimension_whose_categories_do_not_match_its_size(data_dir):
    text = (data_dir / "tyonhakijat-jsonstat2-array-index.json").read_bytes()
    with pytest.raises(FormatError, match="^line 8, column 3: dimension 'alue' has 2 categories but 'size' says 3"):
        read_bytes(text.replace(b'"size": [2, 3, 2]', b'"size": [3, 3, 2]'))


def test_jsonstat_reader_reports_json_that_is_not_jsonstat():
    with pytest.raises(FormatError, match="not JSON-stat"):
        read_bytes(b'{"error": "Bad request"}')


def test_jsonstat_reader_reports_a_bad_category_index(data_dir):
    text = (data_dir / "vaesto-jsonstat2-object-index.json").read_bytes()
    with pytest.raises(FormatError, match="'dimension.alue_23_20260101.category.index' gives a bad position") as error:
        read_bytes(text.replace(b'"KU244": 1', b'"KU244": 0'))
    assert (error.value.line, error.value.column) == (12, 42)  # "KU072", the second to claim position 0


def test_format_detection_tells_json_from_px():
    assert detect_format(b'\n {"version": "2.0"}') == "jsonstat"
    assert detect_format(b'CHARSET="ANSI";') == "px"


# --- Building datasets in Python -----------------------------------------------------------


def _demo_dimensions():
    return [
        Dimension("alue", "Alue", ["KU564", "SSS"], ["Oulu", "KOKO MAA"], role=ROLE_AREA),
        Dimension("kuukausi", "Kuukausi", ["2026M01", "2026M02"], ["2026M01", "2026M02"], role=ROLE_TIME),
    ]


def test_dataset_from_cells_fills_unnamed_cells_as_missing():
    dataset = Dataset.from_cells(
        _demo_dimensions(), {("KU564", "2026M01"): 10, ("SSS", "2026M02"): (None, "..")}, table_id="demo"
    )
    assert list(dataset.rows()) == [
        ("KU564", "2026M01", 10, ""),
        ("KU564", "2026M02", None, ""),
        ("SSS", "2026M01", None, ""),
        ("SSS", "2026M02", None, ".."),
    ]


def test_dataset_from_cells_rejects_an_unknown_code():
    with pytest.raises(FormatError, match="unknown code"):
        Dataset.from_cells(_demo_dimensions(), {("KU999", "2026M01"): 1})


def test_dataset_from_values_rejects_a_wrong_number_of_values():
    dataset = Dataset.from_values(_demo_dimensions(), [1, 2, 3])
    with pytest.raises(FormatError, match="has 3 values but its dimensions \\(2 × 2\\) need 4"):
        list(dataset.batches())


def test_dimension_rejects_repeated_codes():
    with pytest.raises(FormatError, match="repeats"):
        Dimension("alue", "Alue", ["KU564", "KU564"], ["Oulu", "Oulu"])
