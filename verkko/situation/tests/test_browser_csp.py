"""The interactive charts under the Content-Security-Policy (issue 17): no violation, no eval, and
vega-embed still redraws the chart with its tooltips (expressions run in vega-interpreter)."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_a_chart_page_raises_no_policy_violation_and_the_chart_is_interactive(table, browser_page):
    errors = []
    browser_page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.add_init_script(WATCH_VIOLATIONS)
    response = browser_page.goto("/fi/oulu/situation/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
    chart = browser_page.locator("[data-vega-spec][data-enhanced='true']").first
    chart.wait_for(state="attached")
    chart.locator("svg .mark-symbol.role-mark path").last.hover()
    browser_page.locator("#vg-tooltip-element.visible").wait_for(state="visible")
    assert browser_page.evaluate("window.__violations") == []
    assert not [error for error in errors if "Content Security Policy" in error or "unsafe-eval" in error], errors


def test_an_interactive_chart_stays_one_image_named_in_the_pages_language(table, browser_page):
    browser_page.goto("/fi/oulu/situation/?measure=TYOTOSUUS")
    chart = browser_page.locator("[data-vega-spec][data-enhanced='true']").first
    chart.wait_for(state="attached")
    assert chart.get_attribute("role") == "img"
    assert chart.get_attribute("aria-label") == "Työttömyysaste kuukausittain"
    assert chart.get_attribute("aria-roledescription") is None  # Vega's English "visualization"
    assert chart.locator("svg").first.get_attribute("aria-hidden") == "true"
    chart.locator("svg .mark-symbol.role-mark path").last.hover()
    tooltip = browser_page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert "10/2026" in text
    assert re.search(r"1[12],\d\b", text), text  # one decimal, a comma: the measure's format in Finnish
