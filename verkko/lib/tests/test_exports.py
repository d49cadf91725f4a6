import io

from openpyxl import load_workbook

from verkko.lib.exports import tabular_response, write_xlsx


def test_xlsx_keeps_text_that_looks_like_a_formula_as_text():
    buffer = io.BytesIO()
    write_xlsx(buffer, ["nimi", "arvo"], [['=HYPERLINK("http://example.com")', 1.5], ["Oulu", None]])
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [("nimi", "arvo"), ('=HYPERLINK("http://example.com")', 1.5), ("Oulu", None)]
    assert sheet["A2"].data_type == "s"


def test_csv_download_is_utf8_with_a_byte_order_mark():
    response = tabular_response("luvut", ["kunta", "työttömät"], [["Hailuoto", 35], ["Ii", 410]], "csv")
    assert response["Content-Disposition"] == 'attachment; filename="luvut.csv"'
    assert response.content.decode("utf-8-sig").splitlines() == ["kunta,työttömät", "Hailuoto,35", "Ii,410"]
