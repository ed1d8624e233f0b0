"""Two gunicorn instances on different ports sharing one database and Redis, as behind a
load balancer: a trainee signs in on the first and is still signed in on the second.
Exits non-zero if not. CI runs it against PostgreSQL and the Redis at 127.0.0.1:6379.

Run: DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/15 \
     .venv/bin/python bench/two_instances.py"""

import http.client
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import gunicorn, manage, prepare, production_env  # noqa: E402


def request(port, method, path, cookies, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"http://127.0.0.1:{port}"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";")[0]
    return response.status, response.read().decode()


def main():
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL (and DATABASE_URL for PostgreSQL): the instances must share them.")
    env = production_env(ALLOWED_HOSTS="127.0.0.1", BENCH_BARE_BODY=os.devnull)
    prepare({**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"})
    manage("collectstatic", "--noinput", env=env)  # production settings serve the manifest
    with gunicorn(env, workers=1) as first, gunicorn(env, workers=1) as second:
        cookies = {}
        _status, page = request(first, "GET", "/uk/accounts/login/", cookies)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urlencode(
            {"csrfmiddlewaretoken": token, "username": "trainee-demo", "password": "conecta-demo-2026"}
        )
        status, _ = request(first, "POST", "/uk/accounts/login/", cookies, body=form)
        if status != 302 or "sessionid" not in cookies:
            sys.exit(f"could not sign in on the first instance (status {status})")
        status, page = request(second, "GET", "/uk/accounts/", cookies)
        if status != 200 or "trainee-demo" not in page:
            sys.exit(f"the second instance did not know the session (status {status})")
    print(f"signed in on :{first}, still signed in on :{second}: sessions are shared")


if __name__ == "__main__":
    main()
