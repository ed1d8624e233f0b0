import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def production_env():
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is no part of a deployment.
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "elearn.settings.production",
        "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-0123456789",
        "ALLOWED_HOSTS": "learn.example.org",
        "DATABASE_URL": "sqlite:////tmp/elearn-deploy-check.sqlite3",
        "WAGTAILADMIN_BASE_URL": "https://learn.example.org",
    }


@pytest.mark.slow  # runs manage.py in a new process
def test_production_settings_pass_the_deploy_check_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRINT_COOKIE_SETTINGS = """
from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.module_loading import import_string
for kind in ("SESSION", "CSRF"):
    print(*(getattr(settings, f"{kind}_COOKIE_{part}") for part in ("NAME", "SECURE", "DOMAIN", "PATH")))
middleware = [import_string(path) for path in settings.MIDDLEWARE]
print(any(isinstance(each, type) and issubclass(each, CsrfViewMiddleware) for each in middleware))
"""


@pytest.mark.slow
def test_production_cookies_cannot_be_planted_by_another_host_or_over_http():
    """elearn/csrf.py lets a post without an origin through to the token check; the
    token's cookie must then be one that only this host, over HTTPS, can set."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PRINT_COOKIE_SETTINGS],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.splitlines() == [
        "__Host-sessionid True None /",
        "__Host-csrftoken True None /",
        "True",
    ]


@pytest.mark.slow
def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "elearn.settings.production", "SECRET_KEY": ""}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_settings_the_issue_fixes():
    assert settings.LANGUAGE_CODE == "uk"
    assert [code for code, _ in settings.LANGUAGES] == ["uk", "ru"]
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE == 30 * 60
