"""Bytes on the wire per trainee page (tests/pages.py, both languages, signed out and in),
as gunicorn serves them with production settings to a browser that accepts brotli and
gzip: the page, plus on a first visit the CSS, JS and icons it loads. On a repeat visit
the browser keeps static files that were sent with a long max-age (whitenoise's hashed
names), so only the page and any other file travel again. Response bodies only; headers
add a few hundred bytes a request.

Budget: a module page, first visit, signed in: 12 KB (ARCHITECTURE.md). Exits non-zero
over budget.
Run: .venv/bin/python bench/page_weight.py (DATABASE_URL=... to use that database; by
default a fresh SQLite file. Either way it migrates and loads the demo.)"""

import functools
import http.client
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import django_shell, gunicorn, manage, prepare, production_env  # noqa: E402
from bench.throughput import sign_in  # noqa: E402

BUDGET = 12 * 1024
ACCEPT_ENCODING = "gzip, deflate, br"
KEPT_FOR = 24 * 3600  # a static file sent with at least this max-age is not fetched again
ASSET = re.compile(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"')

LIST_PAGES = """
import json
from courses.models import ModulePage
from tests.pages import trainee_pages
pages = {lang: trainee_pages(lang) for lang in ("uk", "ru")}
modules = [m.url for m in ModulePage.objects.live()]
print(json.dumps({"pages": pages, "modules": modules}))
"""


def fetch(port, path, cookie=None, encoding=ACCEPT_ENCODING) -> tuple[int, bytes, dict]:
    headers = {"Accept-Encoding": encoding, **({"Cookie": cookie} if cookie else {})}
    for attempt in range(3):  # a busy machine may drop a connection: ask again
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()  # as sent: http.client does not decompress
            connection.close()
            return response.status, body, {name.lower(): value for name, value in response.getheaders()}
        except (OSError, http.client.HTTPException):
            if attempt == 2:
                raise
            time.sleep(1)


@functools.cache
def fetch_asset(port, path) -> tuple[int, bool]:
    """(bytes sent, kept by the browser) for a static file: the same for every page."""
    _status, body, headers = fetch(port, path)
    return len(body), kept_by_browser(headers)


def kept_by_browser(headers) -> bool:
    found = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
    return bool(found) and int(found.group(1)) >= KEPT_FOR


def weigh(port, path, cookie) -> tuple[int, int]:
    """(first visit, repeat visit) bytes for the page at `path`."""
    _status, html, _headers = fetch(port, path, cookie)
    first = repeat = len(html)
    _status, plain, _headers = fetch(port, path, cookie, encoding="identity")  # what it loads
    for asset in sorted(set(ASSET.findall(plain))):
        size, kept = fetch_asset(port, asset.decode())
        first += size
        if not kept:
            repeat += size
    return first, repeat


def main():
    env = production_env()  # DATABASE_URL from the environment, else a fresh SQLite file
    prepare({**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"})
    manage("collectstatic", "--noinput", env=env)
    listed = json.loads(django_shell(LIST_PAGES, {**env, "DJANGO_SETTINGS_MODULE": "elearn.settings.dev"}))
    modules = set(listed["modules"])

    rows, worst_module = [], 0
    with gunicorn(env) as port:
        cookie = sign_in(port)
        for public, signed_in in listed["pages"].values():
            for who, urls, page_cookie in (("anonymous", public, None), ("trainee", signed_in, cookie)):
                for url in urls:
                    first, repeat = weigh(port, url, page_cookie)
                    rows.append((url, who, first, repeat))
                    if who == "trainee" and url in modules:
                        worst_module = max(worst_module, first)

    print(f"{'page':64} {'who':9} {'first B':>8} {'repeat B':>8}")
    for url, who, first, repeat in rows:
        print(f"{url:64} {who:9} {first:8d} {repeat:8d}")
    print(f"heaviest module page, signed in, first visit: {worst_module} B of {BUDGET} B budget")
    return 0 if worst_module <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
