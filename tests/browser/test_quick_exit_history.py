"""Quick exit leaves no readable trace in the tab: the site keeps a single entry in the
tab's history (elearn/static/js/navigation.js), so after a quick exit Back goes to the page
the trainee was on before the site, not to a course page. And the tip about private tabs
shows until it is hidden, with the Shift tip only where there is a keyboard."""

from urllib.parse import urlsplit

import pytest
from django.core.signals import request_started
from playwright.sync_api import expect

from certificates.models import Certificate
from courses.models import CoursePage
from elearn.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import NEUTRAL_HOST, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OUTSIDE = "https://elsewhere.example/recipes"  # a page that is not the site, before it
WORDS = {
    "uk": {
        "nickname": "Псевдонім",
        "log_in": "Увійти",
        "account": "Мій обліковий запис",
        "quick_exit": "Швидкий вихід",
    },
    "ru": {
        "nickname": "Псевдоним",
        "log_in": "Войти",
        "account": "Моя учётная запись",
        "quick_exit": "Быстрый выход",
    },
}


def start_outside(page) -> int:
    """The tab was somewhere else first (the trainee then types the site's address).
    Returns how many entries the tab's history has before the site."""
    outside_page = "<title>Recipes</title><p>Soup</p>"
    page.route(
        "https://elsewhere.example/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=outside_page),
    )
    page.goto(OUTSIDE)
    return history_length(page)


def ready(page):
    """Wait until this page's navigation.js replaces history: a tap before that is an
    ordinary navigation (after a form's result is written in place, its scripts run anew)."""
    page.wait_for_selector("html[data-navigation='ready']", state="attached")


def history_length(page):
    return page.evaluate("history.length")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_after_a_quick_exit_back_leaves_the_site(visit, demo, lang):
    words = WORDS[lang]
    course = CoursePage.objects.get(locale__language_code=lang)
    module = list(course.modules())[0]
    page = visit("uk-UA" if lang == "uk" else "ru-RU", neutral_site=True)
    before_the_site = start_outside(page)

    page.goto(f"/{lang}/accounts/login/")
    page.get_by_label(words["nickname"]).fill("trainee-demo")
    page.get_by_label("Пароль").fill(DEMO_PASSWORD)
    ready(page)
    page.get_by_role("button", name=words["log_in"]).click()  # a POST, and its redirect
    page.wait_for_url(f"**/{lang}/accounts/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["account"])

    ready(page)
    page.get_by_role("link", name="Conecta eLearn").click()  # home
    page.wait_for_url(f"**/{lang}/")
    ready(page)
    page.get_by_role("link", name=course.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    ready(page)
    page.get_by_role("link", name=module.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    ready(page)
    page.locator(".quiz-card").first.get_by_role("link").click()  # the module's test
    page.wait_for_url("**/tests/**")
    ready(page)
    page.get_by_role("link", name=words["account"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["account"])
    assert history_length(page) == before_the_site + 1  # one entry for the whole site

    page.get_by_role("button", name=words["quick_exit"]).click()
    page.wait_for_url(f"https://{NEUTRAL_HOST}/")
    assert history_length(page) == before_the_site + 1  # the neutral site took its place

    page.go_back()
    assert page.url == OUTSIDE
    assert page.title() == "Recipes"


@pytest.fixture
def posts():
    """What the live server received with every POST during the test."""
    received = []

    def record(sender, environ, **kwargs):
        if environ["REQUEST_METHOD"] == "POST":
            received.append(environ)

    request_started.connect(record)
    yield received
    request_started.disconnect(record)


def test_every_kind_of_move_inside_the_site_replaces_the_entry(visit, demo, posts):
    """A GET form, the skip link, the language switch, a POST form that comes back with an
    error and one that redirects; a file download is left to the browser. Forms sent by
    the script, like the browser's own, say nothing of the page they were sent from."""
    certificate = Certificate.objects.get(user__nickname="trainee-demo")
    page = visit()
    before_the_site = start_outside(page)
    page.goto("/uk/certificates/verify/")

    page.get_by_label("Код сертифіката").fill(certificate.code)
    ready(page)
    page.get_by_role("button", name="Перевірити").click()  # a GET form
    expect(page.get_by_role("heading", level=1)).to_have_text("Сертифікат дійсний")
    ready(page)  # the result is written in place: its scripts run anew
    page.get_by_role("link", name="Перейти до змісту").focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    ready(page)
    page.get_by_role("link", name="Русский").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    ready(page)
    page.get_by_role("link", name="Українська").click()
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    ready(page)
    page.get_by_role("link", name="Увійти").first.click()
    page.get_by_label("Псевдонім").fill("trainee-demo")
    page.get_by_label("Пароль").fill("not-the-password")
    ready(page)
    page.get_by_role("button", name="Увійти").click()  # comes back with the form and an error
    expect(page.locator(".errorlist")).to_be_visible()
    page.get_by_label("Пароль").fill(DEMO_PASSWORD)
    ready(page)
    page.get_by_role("button", name="Увійти").click()
    page.wait_for_url("**/uk/accounts/")
    with page.expect_download() as download:
        ready(page)
        page.get_by_role("link", name="Завантажити мої дані").click()
    assert download.value.suggested_filename.startswith("my-data.")  # a file, saved

    assert page.url.endswith("/uk/accounts/")
    assert history_length(page) == before_the_site + 1  # one entry for the whole site
    assert len(posts) == 2 and not any("HTTP_REFERER" in post for post in posts)
    assert {post["HTTP_SEC_FETCH_SITE"] for post in posts} == {"same-origin"}


@pytest.fixture
def touch_phone(browser, live_server, live_server_requests):
    """A phone with a touch screen and no mouse or keyboard, checked like `visit`'s tabs:
    no request to another host, nothing blocked by the Content-Security-Policy."""
    own_host = urlsplit(live_server.url).netloc
    foreign, violations = [], []

    def route(route):
        host = urlsplit(route.request.url).netloc
        if host == own_host:
            route.continue_()
        elif host == NEUTRAL_HOST:
            route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>")
        else:
            foreign.append(route.request.url)
            route.abort()

    context = browser.new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, locale="ru-RU", base_url=live_server.url
    )
    context.route("**/*", route)
    page = context.new_page()

    def console(message):
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", console)
    yield page
    context.close()
    live_server_requests.wait_until_quiet()
    assert foreign == [] and violations == []


def test_private_tab_tip_shows_until_hidden_and_no_shift_tip_on_a_touch_phone(touch_phone, demo):
    page = touch_phone
    page.goto("/ru/")
    tip = page.get_by_role("complementary", name="Совет")
    expect(tip).to_contain_text("Открывайте сайт в приватной вкладке (режим инкогнито)")
    expect(page.get_by_text("Нажмите «Быстрый выход», чтобы сразу уйти.")).to_be_visible()
    expect(page.get_by_text("трижды нажать Shift")).to_be_hidden()

    tip.get_by_role("button", name="Скрыть совет").tap()
    expect(tip).to_be_hidden()
    page.get_by_role("link", name="Войти").first.tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Войти")
    page.wait_for_load_state("load")  # the new page's privacy-tip.js has run
    expect(tip).to_be_hidden()

    # The note that it was hidden does not outlive a quick exit: the tip is back after one.
    page.get_by_role("button", name="Быстрый выход").tap()
    page.wait_for_url(f"https://{NEUTRAL_HOST}/")
    page.goto("/ru/")
    expect(page.get_by_role("complementary", name="Совет")).to_be_visible()


def test_shift_tip_shows_where_there_is_a_keyboard(visit, demo):
    page = visit()  # headless Chromium: a mouse and a keyboard

    page.goto("/uk/")

    expect(page.get_by_text("На клавіатурі можна також тричі натиснути Shift.")).to_be_visible()
    expect(page.get_by_role("complementary", name="Порада")).to_be_visible()
