"""Browser tests: Playwright driving Debian's chromium at a phone's size (360×740).

Every request a page makes is checked: anything not for the test server that a test did
not answer itself is recorded, and the test fails if there was any (no CDN, font,
analytics or embed), or if the Content-Security-Policy had to block anything. Chromium
resolves no host but this machine, so such a request never leaves it. (Requests are
watched, not intercepted: Playwright's interception turns Chromium's HTTP cache off, and
every page then loaded every script and style sheet anew, a third of these tests' time.)"""

import os
import shutil
import threading
import time
from urllib.parse import urlsplit

import pytest
from django.core.signals import request_finished, request_started
from playwright.sync_api import expect

# CI runs the SQLite and PostgreSQL suites side by side on two cores: a page that answers
# within a second alone can take longer than expect()'s default 5 s there.
expect.set_options(timeout=15_000)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No host but this machine's resolves: a request for any other fails before it is sent.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
PHONE = {"width": 360, "height": 740}
NEUTRAL_HOST = "neutral.example"  # settings.test QUICK_EXIT_URL


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI"):
        # CI runs two suites side by side on a shared 2-core machine: a browser journey that
        # fails there is run once more (as Playwright's own runner does on CI), and the log
        # says RERUN with the first failure. A missing chromium still fails.
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(pytest.mark.flaky(reruns=1))
        return
    if shutil.which(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"no chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def restorable_database(django_db_setup, request):
    """Browser tests flush the database after each test (the live server sees committed data
    only) and rely on serialized rollback to bring the migrated rows back. Playwright's sync
    API keeps an event loop running in this thread, so Django's connection handler, an
    asgiref Local, may hand out another connection object than the one serialized at set-up,
    and the rollback then silently restores nothing. Give the current one the copy
    tests/conftest.py took; if an earlier transactional test left the database empty before
    this one could, restore the copy now."""
    from django.db import connections
    from wagtail.models import Locale

    from tests.conftest import MIGRATED_ROWS

    connection = connections["default"]
    connection._test_serialized_contents = request.config.stash[MIGRATED_ROWS]
    if not Locale.objects.exists():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A phone-sized browser tab on the live server, with the requests it made. With
    `neutral_site`, the quick exit's neutral site answers (through Playwright's
    interception, which also turns Chromium's HTTP cache off). Service workers are not
    registered unless the test allows them (the reading copy's tests)."""

    def __init__(self, browser, base_url, locale, javascript, neutral_site=False, service_workers="block"):
        self.base_url = base_url
        self.own_host = urlsplit(base_url).netloc
        self.foreign_requests = []
        self.context = browser.new_context(
            viewport=PHONE,
            locale=locale,
            base_url=base_url,
            java_script_enabled=javascript,
            service_workers=service_workers,
        )
        # Another host's request fails (nothing but this machine resolves) unless a test's
        # own route answers it; one that reached a server was not refused either.
        self.context.on("requestfailed", self._foreign)
        self.context.on("requestfinished", self._answered)
        if neutral_site:
            self.context.route(f"https://{NEUTRAL_HOST}/**", self._neutral)
        self.page = self.context.new_page()
        self.page.site_url = base_url  # for tests/browser/sessions.py
        self.policy_violations = self.page.policy_violations = []  # a test may expect some
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.policy_violations.append(message.text)

    def _is_foreign(self, url):
        host = urlsplit(url).netloc
        return host not in (self.own_host, NEUTRAL_HOST) and not url.startswith(("data:", "blob:", "about:"))

    def _foreign(self, request):
        if self._is_foreign(request.url):
            self.foreign_requests.append(request.url)

    def _answered(self, request):
        if self._is_foreign(request.url) and (response := request.response()) and response.server_addr():
            self.foreign_requests.append(request.url)

    @staticmethod
    def _neutral(route):
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>")

    def close(self):
        self.context.close()


class LiveServerRequests:
    """Requests the live server is answering. A page that goes away still sends some (the
    page editor releases its editing session from `pagehide`); one answered while the test's
    database is being flushed and restored, on the same SQLite connection, broke the restore
    for every later test. So a test ends only once the server has been quiet a moment."""

    QUIET_SECONDS = 0.3

    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = 0
        self.last_seen = time.monotonic()
        request_started.connect(self.started, dispatch_uid="browser_tests_requests_started")
        request_finished.connect(self.finished, dispatch_uid="browser_tests_requests_finished")

    def started(self, **kwargs):
        with self.lock:
            self.in_flight += 1
            self.last_seen = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.in_flight = max(0, self.in_flight - 1)
            self.last_seen = time.monotonic()

    def wait_until_quiet(self, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not self.in_flight and time.monotonic() - self.last_seen > self.QUIET_SECONDS:
                    return
            time.sleep(0.05)


@pytest.fixture(scope="session")
def live_server_requests():
    return LiveServerRequests()


@pytest.fixture
def visit(browser, live_server, live_server_requests):
    visits = []

    def open_visit(locale="uk-UA", javascript=True, neutral_site=False, service_workers="block"):
        opened = Visit(browser, live_server.url, locale, javascript, neutral_site, service_workers)
        visits.append(opened)
        return opened.page

    yield open_visit
    foreign = [url for opened in visits for url in opened.foreign_requests]
    violations = [text for opened in visits for text in opened.policy_violations]
    for opened in visits:
        opened.close()
    live_server_requests.wait_until_quiet()
    assert foreign == [], f"pages asked third-party hosts: {foreign}"
    assert violations == [], f"the Content-Security-Policy blocked something: {violations}"


@pytest.fixture
def newcomer(demo):
    """A trainee in the demo's Lviv group who has done nothing yet (the demo trainee has
    finished the course). Signs in with the demo password."""
    from accounts.models import TrainingGroup, User
    from elearn.demo.accounts import DEMO_PASSWORD

    group = TrainingGroup.objects.get(join_code="TVE4GN6ZR")
    user = User.objects.create_user(
        "trainee-new", DEMO_PASSWORD, training_group=group, organisation=group.organisation
    )
    return user.nickname
