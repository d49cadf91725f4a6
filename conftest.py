"""Shared fixtures: one employment area and the named people every view is tested with.

- coordinator: coordinates the area (backbone organisation)
- partner_editor: partner editor of organisation A
- partner_member: partner member of organisation A
- editor_b: partner editor of organisation B
- the anonymous public: an unauthenticated client
- the outsiders: outsider_member, outsider_editor and outsider_coordinator hold those roles in
  another area (other_area) and must get here exactly what a signed-in visitor without a role gets
"""

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from verkko.accounts.models import Membership
from verkko.ecosystem.tests.factories import EmploymentAreaFactory, MunicipalityFactory, OrganizationFactory, member_of

PASSWORD = "salasana-testi-123"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real password hashing is slow by design; tests only need it to work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_warming_unless_asked(settings):
    """Imports warm every page of every area in three languages; the tests of warming turn it on."""
    settings.WARM_PAGES = False


@pytest.fixture(autouse=True)
def finnish_first():
    """Every test starts in Finnish, the site's default: a request in another language leaves its
    language active in the thread, and modeltranslation reads `name` in the active language."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Pages are cached by their area's content version, which each test's rolled-back database
    starts again: every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def area(db):
    area = EmploymentAreaFactory(name="Oulun työllisyysalue", slug="oulu", name_sv="Uleåborgs sysselsättningsområde")
    oulu = MunicipalityFactory(code="564", name_fi="Oulu", name_sv="Uleåborg", area=area)
    MunicipalityFactory(code="244", name_fi="Kempele", name_sv="Kempele", area=area)
    area.host_municipality = oulu
    area.save()
    return area


@pytest.fixture
def backbone_organization(area):
    return OrganizationFactory(name="BusinessOulu", area=area, type="municipality", municipality=area.host_municipality)


@pytest.fixture
def organization_a(area):
    return OrganizationFactory(name="Organisaatio A", area=area, type="education")


@pytest.fixture
def organization_b(area):
    return OrganizationFactory(name="Organisaatio B", area=area, type="ngo")


@pytest.fixture
def coordinator(backbone_organization):
    return member_of(backbone_organization, Membership.Role.COORDINATOR, email="coordinator@example.com")


@pytest.fixture
def partner_editor(organization_a):
    return member_of(organization_a, Membership.Role.EDITOR, email="editor@example.com")


@pytest.fixture
def partner_member(organization_a):
    return member_of(organization_a, Membership.Role.MEMBER, email="member@example.com")


@pytest.fixture
def editor_b(organization_b):
    return member_of(organization_b, Membership.Role.EDITOR, email="editor-b@example.com")


@pytest.fixture
def other_area(db):
    """A second employment area: its roles count for nothing in the first one."""
    other = EmploymentAreaFactory(
        name="Rannikon työllisyysalue", slug="rannikko", name_sv="Kustens sysselsättningsområde"
    )
    raahe = MunicipalityFactory(code="678", name_fi="Raahe", name_sv="Brahestad", area=other)
    MunicipalityFactory(code="748", name_fi="Siikajoki", name_sv="Siikajoki", area=other)
    other.host_municipality = raahe
    other.save()
    return other


@pytest.fixture
def other_organization(other_area):
    return OrganizationFactory(name="Rannikon kehitys", area=other_area, type="municipality")


@pytest.fixture
def outsider_member(other_organization):
    return member_of(other_organization, Membership.Role.MEMBER, email="outsider-member@example.com")


@pytest.fixture
def outsider_editor(other_organization):
    return member_of(other_organization, Membership.Role.EDITOR, email="outsider-editor@example.com")


@pytest.fixture
def outsider_coordinator(other_organization):
    return member_of(other_organization, Membership.Role.COORDINATOR, email="outsider-coordinator@example.com")


OUTSIDERS = ["outsider_member", "outsider_editor", "outsider_coordinator"]


@pytest.fixture
def client_for(db):
    """client_for(user) gives a test client signed in as that user; client_for(None) is the public."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


# Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.
CHROMIUM = os.environ.get("VERKKO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium_browser():
    if not Path(CHROMIUM).exists():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("VERKKO_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
    # meanwhile are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def browser_page(chromium_browser, live_server):
    """A fresh browser page whose relative addresses go to the live test server."""
    context = chromium_browser.new_context(base_url=live_server.url, locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def sign_in_browser():
    """sign_in_browser(page, user) signs in through the real sign-in form."""

    def sign_in(page, user, password=PASSWORD):
        page.goto("/fi/accounts/login/")
        page.get_by_label("Sähköpostiosoite").fill(user.email)
        page.get_by_label("Salasana").fill(password)
        page.get_by_role("button", name="Kirjaudu sisään").click()
        page.wait_for_load_state()
        assert page.get_by_role("button", name="Kirjaudu ulos").is_visible(), f"{user.email} could not sign in"

    return sign_in


@pytest.fixture
def assert_accessible():
    """assert_accessible(page) runs axe-core on the page: no serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        assert not serious, f"{page.url}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}" for v in serious
        )

    return check
