"""No personal data in logs: the access log names the request and its status, never who
made it, and the app logs no user."""

import importlib.util
import logging
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_access_log_has_no_address_user_cookie_or_referrer():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    config = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config)

    for field in ("%(h)s", "%(u)s", "%(f)s", "%(a)s", "%({cookie}i)s", "%({x-forwarded-for}i)s"):
        assert field not in config.access_log_format


def test_signing_in_and_using_the_site_logs_no_nickname(client, trainee, caplog, home_pages):
    with caplog.at_level(logging.DEBUG):
        client.post("/uk/accounts/login/", {"username": trainee.nickname, "password": "wrong"})
        client.force_login(trainee)
        client.get("/uk/accounts/")
        client.get("/uk/no-such-page/")

    assert trainee.nickname not in caplog.text
