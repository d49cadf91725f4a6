from verkko.news.markdown import render_markdown


def test_markdown_is_rendered():
    html = render_markdown("**Lihava** ja *kursiivi*\n\n- yksi\n- kaksi\n\n[Linkki](https://example.com)")
    assert "<strong>Lihava</strong>" in html
    assert "<em>kursiivi</em>" in html
    assert "<li>yksi</li>" in html
    assert 'href="https://example.com"' in html


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = render_markdown(
        "Hei <script>alert('x')</script>\n\n"
        '<img src="x" onerror="alert(1)">\n\n'
        '<a href="https://example.com" onclick="steal()">klikkaa</a>\n\n'
        '[paha](javascript:alert(1)) ja <a href="JavaScript:alert(2)">toinen</a>'
    )
    lowered = html.lower()
    assert "<script" not in lowered
    assert "alert('x')" not in html
    assert "onerror" not in lowered
    assert "onclick" not in lowered
    assert "javascript:" not in lowered
    assert "<img" not in lowered
    assert "klikkaa" in html


def test_links_open_safely():
    assert 'rel="noopener noreferrer nofollow"' in render_markdown("[x](https://example.com)")


def test_empty_text_renders_to_nothing():
    assert render_markdown("") == ""
