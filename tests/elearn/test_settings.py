import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_check_without_warnings():
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is no part of a deployment.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "elearn.settings.production",
        "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-0123456789",
        "ALLOWED_HOSTS": "learn.example.org",
        "DATABASE_URL": "sqlite:////tmp/elearn-deploy-check.sqlite3",
        "WAGTAILADMIN_BASE_URL": "https://learn.example.org",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


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
