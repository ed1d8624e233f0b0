"""A module a trainee opened stays readable without a connection (elearn/offline/), and
quick exit leaves nothing of it on the phone: no service worker, no Cache Storage."""

import time

import pytest
from playwright.sync_api import expect

from courses.models import ModulePage
from elearn.demo.accounts import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

KEEP_SWITCH = "Зберігати на цьому телефоні модулі, які я відкриваю, щоб читати їх без інтернету"
OFFLINE_NOTE = "Немає з'єднання з інтернетом. Це копія модуля, збережена на цьому телефоні."


def neutral_site_answered(page):
    page.context.route(
        "https://neutral.example/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Weather</p>"),
    )


def sign_in(page, nickname):
    page.goto("/uk/accounts/login/")
    page.get_by_label("Псевдонім").fill(nickname)
    page.get_by_label("Пароль").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_url("**/uk/accounts/")


def kept_pages(page) -> list[str]:
    return page.evaluate(
        """async () => {
            if (!(await caches.has('notes-pages'))) return [];
            const cache = await caches.open('notes-pages');
            return (await cache.keys()).map((request) => new URL(request.url).pathname);
        }"""
    )


def wait_until(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_trainee_reads_an_opened_module_offline_and_quick_exit_removes_the_copy(visit, newcomer):
    module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
    # Service workers allowed; no request interception (it makes Chromium bypass them)
    # until the quick exit's neutral site is answered.
    page = visit("uk-UA", service_workers="allow")
    sign_in(page, newcomer)
    page.goto(module.url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # the worker is active
    page.reload()  # now through the worker, which keeps the page
    wait_until(lambda: module.url in kept_pages(page))
    expect(page.get_by_text(OFFLINE_NOTE)).to_be_hidden()

    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    expect(page.get_by_text(OFFLINE_NOTE)).to_be_visible()
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 0  # its style file, kept too

    page.context.set_offline(False)
    neutral_site_answered(page)
    page.get_by_role("button", name="Швидкий вихід").click()
    page.wait_for_url("https://neutral.example/**")
    page.goto("/static/css/site.css")  # the site's origin, with no script of the site running
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)") == 0
    assert page.evaluate("caches.keys()") == []


def test_turned_off_on_the_account_page_nothing_is_kept(visit, newcomer):
    module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
    page = visit("uk-UA", service_workers="allow")
    sign_in(page, newcomer)
    switch = page.get_by_label(KEEP_SWITCH)
    expect(switch).to_be_checked()
    switch.uncheck()

    page.goto(module.url)
    page.reload()
    page.wait_for_timeout(500)
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)") == 0
    assert kept_pages(page) == []
