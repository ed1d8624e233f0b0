"""Local development: debug on, a fixed secret that is useless anywhere else."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the app folders, without collectstatic.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `runserver` serves static files itself, before any middleware, so without the CORS
# header the sandboxed H5P player needs for its fonts: whitenoise serves them, as in production.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
