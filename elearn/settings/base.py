"""Settings shared by every environment. Values that differ per machine come from the
environment (or a local `.env` file); see `.env.example` and docs/settings.md."""

import os
import tempfile
from pathlib import Path

import dj_database_url
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent.parent
load_dotenv(BASE_DIR / ".env")


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts",
    "courses",
    "quizzes",
    "h5p",
    "certificates",
    "reports",
    "elearn",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.sites",
    "accounts.apps.AccountsUsersAppConfig",  # wagtail.users with nickname-only forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "parler",
    "wagtail_parler",
    "axes",
    # Two-factor authentication for staff (accounts/two_factor/, docs/two-factor.md).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "elearn.compression.CompressionMiddleware",  # early: it sees the response last
    "elearn.middleware.permissions_policy",
    "elearn.middleware.content_security_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "elearn.sessions.sliding_session",  # inside SessionMiddleware: marks it for saving
    "elearn.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "elearn.csrf.NoReferrerCsrfViewMiddleware",  # Django's, for posts without a Referer
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # whether this session passed the second step
    "accounts.shown_names.ViewerMiddleware",  # other organisations' staff shown unnamed
    "accounts.two_factor.middleware.SecondFactorMiddleware",  # staff: no admin without it
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "elearn.urls"
WSGI_APPLICATION = "elearn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "elearn" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "elearn.context_processors.site_context",
            ],
        },
    },
]

# Database: an SQLite file by default (zero set-up); PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write sessions and progress at once: take the write lock at
    # the start of a transaction and wait for it, instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, else memory of this process. With Redis, sessions are
# read from it and written through to the database (cached_db), so several gunicorn
# instances share them and a Redis restart signs no one out.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "elearn.sessions"  # Django's database sessions, read with less CPU
# Rendered public content (routes, module bodies, whole anonymous pages) is kept in each
# process's memory under the site's content version; the version is shared by every
# process (Redis, else a small file cache) and changes when content is published
# (common/page_cache.py). Nothing in either cache names or describes a person.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
if REDIS_URL:
    CACHES["content_version"] = {**CACHES["default"], "KEY_PREFIX": "content-version"}
else:
    CACHES["content_version"] = {
        "BACKEND": "common.file_cache.PrivateFileCache",
        "LOCATION": env("CONTENT_VERSION_DIR", os.path.join(tempfile.gettempdir(), "elearn-content-version")),
    }
# Throttling counts (common/ratelimit.py) and the day's key behind client pseudonyms
# (common/client_address.py) must be one for every worker, or each worker counts on its own
# and names one address differently: Redis, else file caches every process of the machine
# shares, in a folder only the site's user may use, counting atomically
# (common/file_cache.py). The key has a cache of its own, so that making room for counts
# never drops it. Not a database cache: the key must never be in the database
# (docs/decisions.md). Nothing in either names a person.
LIMITS_CACHE_DIR = env("LIMITS_CACHE_DIR", os.path.join(tempfile.gettempdir(), "elearn-limits"))
if REDIS_URL:
    CACHES["limits"] = {**CACHES["default"], "KEY_PREFIX": "limits"}
    CACHES["client_key"] = {**CACHES["default"], "KEY_PREFIX": "client-key"}
else:
    CACHES["limits"] = {
        "BACKEND": "common.file_cache.CountingFileCache",
        "LOCATION": LIMITS_CACHE_DIR,
        # Past this many entries the expired ones are removed, then a random third.
        "OPTIONS": {"MAX_ENTRIES": 10000},
    }
    CACHES["client_key"] = {
        "BACKEND": "common.file_cache.CountingFileCache",  # for its atomic add: one key a day
        "LOCATION": os.path.join(LIMITS_CACHE_DIR, "client-key"),
    }

# Accounts: a nickname and a password, nothing else required.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # 8 characters, and 12 for staff (accounts/passwords.py).
    {"NAME": "accounts.passwords.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
# A new trainee starts learning: their course (accounts may not name the courses app).
SIGNUP_REDIRECT_URL = "courses:start"
LOGOUT_REDIRECT_URL = "/"

# A shared phone must not stay signed in: the session ends with the browser and after
# 30 minutes without a request.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 30 * 60
# The idle timeout slides forward at most every few minutes (elearn/sessions.py).
SESSION_SAVE_EVERY_REQUEST = False
# The CSRF cookie ends with the browser too, and log-out deletes it (accounts/views.py).
CSRF_COOKIE_AGE = None

# Failed log-ins (django-axes, accounts/login_throttle.py) lock for 15 minutes, counted per
# nickname from any address, and per address across nicknames with a higher limit, so that
# one NGO office behind one address is not locked out by a few mistyping trainees. Both
# locks answer alike; trainers can unlock a trainee (admin → Trainees).
AXES_HANDLER = "accounts.login_throttle.LoginThrottleHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))  # per nickname, from any address
AXES_ADDRESS_FAILURE_LIMIT = int(env("AXES_ADDRESS_FAILURE_LIMIT", "50"))  # per address
AXES_COOLOFF_TIME = 0.25  # hours; accounts/locked_out.html says "15 minutes"
# Tries while locked do not push the end of the lock back: "wait 15 minutes" stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The "address" axes keeps is a keyed pseudonym of it (behind our proxy, the forwarded one).
AXES_CLIENT_IP_CALLABLE = "common.client_address.client_pseudonym"
AXES_USERNAME_FORM_FIELD = "username"  # the login form field, whatever USERNAME_FIELD is
AXES_USERNAME_CALLABLE = "accounts.login_throttle.nickname_for_throttle"  # case-insensitive
AXES_RESET_ON_SUCCESS = True  # the nickname's failures only (accounts/login_throttle.py)
AXES_DISABLE_ACCESS_LOG = True  # no record of successful logins
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Sign-ups that create no account (a wrong group code, a taken nickname...), as
# (tries, seconds): per client address (pseudonymous) and per working group code from any
# address. More and the sign-up answers "too many tries, try again later" (429).
SIGNUP_LIMIT_PER_ADDRESS = (int(env("SIGNUP_LIMIT_PER_ADDRESS", "20")), 15 * 60)
SIGNUP_LIMIT_PER_CODE = (int(env("SIGNUP_LIMIT_PER_CODE", "30")), 60 * 60)

# Languages: Ukrainian first (Wagtail makes its default locale from LANGUAGE_CODE).
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", "Українська"), ("ru", "Русский")]
# Letters that only one of LANGUAGES uses (courses/translation_check.py): a page showing
# another language's letters outside quotations holds text left untranslated. A language
# missing here is simply not letter-checked: its pages are not checked for other letters,
# nor others for its letters (as for English, which has no letters of its own here).
LANGUAGE_OWN_LETTERS = {"uk": "іїєґ", "ru": "ыэъё"}
# Ours first; then the admin strings Wagtail's own catalogs leave untranslated.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Kyiv"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "Conecta eLearn"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to gravatar.com, ever
# The admin's log-in form in whole translated sentences (accounts/admin_login.py). Staff
# have no email, so there is no "forgotten password" by email: an administrator sets a new one.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.admin_login.StaffLoginForm"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Two-factor authentication (django-otp): the name authenticator apps show for our codes.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# wagtail-localize would publish a new translation of a live page at once, still in the
# source language: Russian readers would meet a Ukrainian module. It starts as a draft.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Words in Ukrainian and Russian side by side: PostgreSQL's "simple" configuration folds case
# and does not stem, as SQLite's FTS5 does (courses/search.py); an English one would drop
# English stop words and stem only English.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}

PARLER_DEFAULT_LANGUAGE_CODE = "uk"
PARLER_LANGUAGES = {
    None: (
        {"code": "uk", "fallbacks": ["ru"]},
        {"code": "ru", "fallbacks": ["uk"]},
    ),
    "default": {"hide_untranslated": False},
}

# Static files: hashed and compressed by whitenoise; media through Django's storage API.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "elearn.static_bundles.BundleFinder",  # js/site.js, the pages' small scripts joined
]
STATICFILES_DIRS = [
    # The apps' own static/ folders are found by the app finder. The H5P player,
    # installed by `npm ci` (package.json pins it), is served as it is.
    ("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
]
# whitenoise sends `Access-Control-Allow-Origin: *` on static files (its default), which the
# sandboxed H5P player, an opaque origin, needs for the fonts it loads.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # whitenoise's hashed, pre-compressed files, our own JS and CSS minified first.
    "staticfiles": {"BACKEND": "elearn.static_storage.MinifiedStaticFilesStorage"},
}
# Media on S3-compatible storage when a bucket is named, so that several instances share
# uploads and H5P packages (docs/deploy.md). Files stay private: their URLs are signed.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Uploaded audio, video and captions are Wagtail documents; these play in the page, every
# other type downloads.
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp3", "m4a", "ogg", "oga", "opus", "mp4", "webm", "vtt"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]

# H5P packages: limits checked before anything is unpacked (see h5p/validation.py).
H5P_MAX_TOTAL_SIZE = int(env("H5P_MAX_TOTAL_SIZE", str(100 * 1024 * 1024)))
H5P_MAX_FILE_SIZE = int(env("H5P_MAX_FILE_SIZE", str(50 * 1024 * 1024)))
H5P_MAX_FILES = int(env("H5P_MAX_FILES", "2000"))
H5P_MAX_COMPRESSION_RATIO = int(env("H5P_MAX_COMPRESSION_RATIO", "100"))
H5P_MAX_PATH_LENGTH = 255
H5P_MAX_JSON_SIZE = 5 * 1024 * 1024
# Seconds a player's signed file URLs stay valid, counted from the start of the day they
# were given out: the same addresses all day (cacheable), valid to the end of the next.
H5P_ASSET_MAX_AGE = 2 * 24 * 3600
H5P_MAX_STATEMENT_SIZE = 32 * 1024  # bytes of one xAPI statement a browser may send
H5P_MAX_STATE_SIZE = 64 * 1024  # bytes of resume state kept per trainee and activity

# `manage.py housekeeping`, run daily (elearn/housekeeping.py, docs/deploy.md): trainees'
# accounts not used for this many days are deleted as if they had deleted them (0: never,
# else at least 30); H5P saved progress not touched for this many days is dropped.
INACTIVE_ACCOUNT_DAYS = int(env("INACTIVE_ACCOUNT_DAYS", "365"))
H5P_STATE_KEEP_DAYS = int(env("H5P_STATE_KEEP_DAYS", "180"))

# Public certificate checks per client address (hashed): at most this many per window (s).
CERTIFICATE_VERIFY_LIMIT = (int(env("CERTIFICATE_VERIFY_LIMIT", "30")), 600)

# Reports: aggregate cells for fewer people than this are shown as "<5" (TRAINING_REPORT.md).
REPORT_SMALL_CELL_THRESHOLD = int(env("REPORT_SMALL_CELL_THRESHOLD", "5"))

# Quick exit: where the button sends the visitor. Discreet mode (on unless a deployment
# turns it off) gives every page a neutral title and icon, and the public home page says
# nothing about who learns here.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", "https://www.google.com/")
DISCREET_MODE = env_bool("DISCREET_MODE", True)

X_FRAME_OPTIONS = "DENY"
# When HTTPS is enforced (production), the container's health check still speaks plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
# No page tells the next one, or another site, where the visitor came from. Forms then post
# with `Origin: null`; elearn/csrf.py checks them by fetch metadata and token.
SECURE_REFERRER_POLICY = "no-referrer"

# Nothing here logs who a visitor is: Django's request log names paths, not users.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# `load_demo` creates accounts with published passwords: never on a real server.
DEMO_DATA_ALLOWED = env_bool("DEMO_DATA_ALLOWED", True)
