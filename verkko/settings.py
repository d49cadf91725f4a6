"""Settings for Verkko, read from environment variables.

Locally everything has a working default (SQLite under var/, debug on, e-mail to the console).
In production (DEBUG=0) the site refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VERKKO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "verkko-local-development-key-not-for-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set SECRET_KEY (at least 50 random characters) when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names) when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Verkko's own apps first, in the order their imports run (DESIGN.md): where their
    # translations and Django's admin translate the same words, Verkko's wording wins.
    "verkko.lib",
    "verkko.accounts",
    "verkko.ecosystem",
    "verkko.stats",
    "verkko.goals",
    "verkko.situation",
    "verkko.news",
    "verkko.survey",
    "verkko.processes",
    "verkko.reports",
    "verkko.api",
    # Before the admin, as django-modeltranslation asks; it reads every app's translation.py.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "auditlog",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id.
    "verkko.lib.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "verkko.lib.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the language and the user: the area of the address, and its URLconf.
    "verkko.areas.AreaMiddleware",
    # A partner-only address opened by a visitor who is not signed in asks them to sign in.
    "verkko.lib.access.PartnerOnlyMiddleware",
    # After the user and the area, so that its 400 page is the site's own.
    "verkko.lib.middleware.RejectNulMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # In production WhiteNoise serves the collected static files (right after SecurityMiddleware,
    # as its documentation asks); locally runserver does.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

ROOT_URLCONF = "verkko.urls"
WSGI_APPLICATION = "verkko.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "verkko" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "verkko.accounts.context_processors.verkko",
                "verkko.news.context_processors.news",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite database lives here
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'verkko.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out sign-in never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Throttling of failed sign-ins (django-axes, verkko/accounts/throttling.py): a lock per e-mail
# address and client address after AXES_FAILURE_LIMIT failures, and per client address alone after
# AXES_IP_FAILURE_LIMIT failures at any accounts (password spraying).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_IP_FAILURE_LIMIT = int(os.environ.get("AXES_IP_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "verkko.accounts.throttling.AccountAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "verkko.accounts.throttling.client_address"
# How many proxies (load balancers) in front of the app append to X-Forwarded-For; 0: none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form keeps Django's field name for the e-mail
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
# Content (names and descriptions of goals, forums, areas …) in the three languages: one
# mechanism for every model (django-modeltranslation, the apps' translation.py); a text
# not given in Swedish or English falls back to Finnish (verkko.lib.translated marks it).
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi",)
# A text given without a language (Goal(title=…)) is always kept in Finnish too, so that code
# running on a Swedish or English page never leaves the Finnish text empty.
MODELTRANSLATION_AUTO_POPULATE = "default"
LOCALE_PATHS = [BASE_DIR / "verkko" / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end packages come from npm (package-lock.json); only their built files are served.
STATICFILES_DIRS = [BASE_DIR / "verkko" / "static"] + [
    (prefix, NODE_MODULES / path)
    for prefix, path in [
        ("vendor/htmx", "htmx.org/dist"),
        ("vendor/vega", "vega/build"),
        ("vendor/vega-lite", "vega-lite/build"),
        ("vendor/vega-embed", "vega-embed/build"),
        ("vendor/vega-interpreter", "vega-interpreter/build"),
        # Number and date formats for the interactive charts (fi-FI, sv-SE, en-GB).
        ("vendor/d3-format-locale", "d3-format/locale"),
        ("vendor/d3-time-format-locale", "d3-time-format/locale"),
    ]
    if (NODE_MODULES / path).is_dir()
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The cache: Redis when several app servers share it (REDIS_URL), else a folder on this host
# (CACHE_DIR), else each process's memory (development and tests).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "TIMEOUT": None,
            "KEY_PREFIX": "verkko",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache"
            if os.environ.get("CACHE_DIR")
            else "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": os.environ.get("CACHE_DIR", "verkko"),
            "TIMEOUT": None,
            # Pages and charts per area, language and audience: far more than Django's 300 entries.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
        }
    }

# The jobs that import data draw the pages they changed at once (verkko.lib.warming).
WARM_PAGES = env_bool("WARM_PAGES", True)

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "verkko@localhost")
# The site's own address, for links in e-mail (invitations), without a trailing slash.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# How long an invitation's link works.
INVITATION_DAYS = int(os.environ.get("INVITATION_DAYS", "7"))

# Statistics Finland's PxWeb API (v1); the client reads limits and metadata at run time.
STATFIN_API_URL = os.environ.get("STATFIN_API_URL", "https://pxdata.stat.fi/PxWeb/api/v1")
# Optional link pattern to a table's page at Statistics Finland, with {table_id}.
STATFIN_TABLE_URL = os.environ.get("STATFIN_TABLE_URL", "")
# Bounds on what a statistics file or answer may cost (README: configuration): the most cells one
# table may declare, the longest answer read, and the client's retries, timeout and deadlines (s).
STATISTICS_MAX_CELLS = int(os.environ.get("STATISTICS_MAX_CELLS", "10000000"))
STATISTICS_MAX_RESPONSE_BYTES = int(os.environ.get("STATISTICS_MAX_RESPONSE_BYTES", str(200 * 1024 * 1024)))
STATISTICS_RETRIES = int(os.environ.get("STATISTICS_RETRIES", "3"))
STATISTICS_REQUEST_TIMEOUT = float(os.environ.get("STATISTICS_REQUEST_TIMEOUT", "20"))
STATISTICS_SOURCE_DEADLINE = float(os.environ.get("STATISTICS_SOURCE_DEADLINE", "45"))
STATISTICS_REFRESH_DEADLINE = float(os.environ.get("STATISTICS_REFRESH_DEADLINE", "1200"))

# The national service catalogue's (Palvelutietovaranto, PTV) open API, version 11, for the optional
# import of an organisation's services (verkko/processes/ptv_v11.py holds the mapping).
PTV_API_URL = os.environ.get("PTV_API_URL", "https://api.palvelutietovaranto.suomi.fi/api/v11").rstrip("/")
# How many days before a process's or agreement's review date its coordinators are reminded.
REVIEW_REMINDER_DAYS = int(os.environ.get("REVIEW_REMINDER_DAYS", "14"))

# How long contact people's data is kept after they leave an organisation (README: personal data).
PERSON_RETENTION_DAYS = int(os.environ.get("PERSON_RETENTION_DAYS", str(2 * 365)))

# The open API (verkko/api, /api/v1/): tokens or the session; limits per token and per address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "verkko.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "verkko.api.permissions.SignedInToWrite",
        "verkko.api.permissions.ReadOnlyTokensRead",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "verkko.api.throttling.TokenRateThrottle",
        "verkko.api.throttling.AddressRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "token": os.environ.get("API_RATE_PER_TOKEN", "1200/hour"),
        "address": os.environ.get("API_RATE_PER_ADDRESS", "600/hour"),
    },
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser", "rest_framework.parsers.FormParser"],
    "DEFAULT_PAGINATION_CLASS": "verkko.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "verkko.api.errors.handle",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Verkko API",
    "DESCRIPTION": (
        "The open data of Verkko's employment areas, under the same rules as the pages. Each area's data is "
        "under /api/v1/<area slug>/ (e.g. /api/v1/oulu/goals/). Public data needs no sign-in; the rest needs "
        "a personal token (Authorization: Bearer <token>, created on your profile page) or the session."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "verkko.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "verkko.goals.models.Action.Status",
        "SignalStatusEnum": "verkko.situation.models.Signal.Status",
        "NewsAudienceEnum": "verkko.news.models.Audience",
        "ServiceAudienceEnum": "verkko.processes.models.Audience",
        "VisibilityEnum": "verkko.ecosystem.models.Visibility",
        "IndicatorSourceEnum": "verkko.goals.models.Indicator.Source",
        "TableSourceEnum": "verkko.stats.models.Table.Source",
        "IndicatorStatusEnum": "verkko.goals.models.Status",
    },
}

# Security headers and cookies (issue 17). Every script is a static file of the site's own (no
# inline script, no event handler attribute, no eval: Vega's expressions run in vega-interpreter).
# Styles allow 'unsafe-inline': Vega's SVG and vega-embed's tooltip carry style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script reads the cookie
# A session ends after this many seconds (default 8 hours) from sign-in.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Structured logs (verkko/lib/log.py): JSON lines in production, key=value lines locally; each
# carries the request id (verkko.lib.middleware.RequestIdMiddleware).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "keyvalue" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "verkko.lib.log.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "verkko.lib.log.JsonFormatter"},
        "keyvalue": {"()": "verkko.lib.log.KeyValueFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "keyvalue",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # WeasyPrint and fontTools report every PDF's progress at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The optional error reporter: Sentry (or a compatible service such as GlitchTip), only when its
# address is set. Personal data is not sent (send_default_pii off); the request id goes as a tag.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production" if not DEBUG else "development"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
