import pytest


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/fi/accounts/login/", "Kirjaudu sisään"),
        ("/sv/accounts/login/", "Logga in"),
        ("/en/accounts/login/", "Sign in"),
    ],
)
def test_pages_speak_the_language_of_their_prefix(client, db, path, expected):
    content = client.get(path).content.decode()
    assert f"<h1>{expected}</h1>" in content


def test_language_switcher_links_to_the_same_page_in_each_language(client, db):
    content = client.get("/fi/accounts/login/").content.decode()
    for language in ["fi", "sv", "en"]:
        assert f'href="/{language}/accounts/login/"' in content


def test_finnish_number_format_uses_a_space_and_a_decimal_comma(settings):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("fi"):
        rendered = Template('{{ value|floatformat:"1g" }}').render(Context({"value": 12345.64}))
    assert rendered == "12\xa0345,6"
