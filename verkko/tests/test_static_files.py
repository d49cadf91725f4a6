"""Production serves hashed static files (WhiteNoise): collecting them must work, and every file a
page asks for must be in the manifest, or the page answers 500 with DEBUG off."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

from verkko.tests.test_settings import PRODUCTION_SECRET, run_manage

MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # The production storage without its compression step, which only adds .gz and .br files.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}


def test_production_settings_serve_compressed_hashed_static_files_through_whitenoise():
    show = (
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND']);"
        "print(settings.MIDDLEWARE[settings.MIDDLEWARE.index('django.middleware.security.SecurityMiddleware') + 1])"
    )
    result = run_manage(
        "shell", "--verbosity=0", "-c", show, DEBUG="0", SECRET_KEY=PRODUCTION_SECRET, ALLOWED_HOSTS="verkko.example.fi"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "verkko/verkko.css",
        "verkko/charts.js",
        "vendor/htmx/htmx.min.js",
        "vendor/vega/vega.min.js",
        "vendor/vega-interpreter/vega-interpreter.min.js",
        "vendor/vega-lite/vega-lite.min.js",
        "vendor/vega-embed/vega-embed.min.js",
    ],
)
def test_collected_static_files_have_hashed_names(collected, path):
    with override_settings(STORAGES=MANIFEST, STATIC_ROOT=collected):
        name = static(path)
    stem, extension = path.rsplit(".", 1)
    assert name.startswith("/static/" + stem + ".")
    assert name.endswith("." + extension)
    assert name != "/static/" + path


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STORAGES=MANIFEST, STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root
