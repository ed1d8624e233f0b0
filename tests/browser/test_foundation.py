import pytest
from django.core.signals import request_started
from playwright.sync_api import expect

from accounts.models import User
from elearn.demo.accounts import DEMO_PASSWORD
from tests.browser.sessions import sign_in_without_the_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_home_page_in_both_languages(visit, demo):
    page = visit("ru-RU")

    page.goto("/")  # the browser asks for Russian
    assert page.url.endswith("/ru/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Обучение для равных консультанток и консультантов"
    )

    page.get_by_role("link", name="Українська").click()
    assert page.url.endswith("/uk/")
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Навчання для рівних консультанток і консультантів"
    )
    expect(page.get_by_role("button", name="Швидкий вихід")).to_be_visible()


def test_language_switch_stays_on_the_same_page(visit, demo):
    page = visit()
    page.goto("/uk/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Увійти")

    page.get_by_role("link", name="Русский").click()

    assert page.url.endswith("/ru/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Войти")


def test_page_fits_a_360px_phone_without_sideways_scrolling(visit, demo):
    page = visit()
    for path in ("/uk/", "/uk/accounts/signup/", "/ru/accounts/login/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path


def test_sign_up_with_a_join_code(visit, demo):
    page = visit()
    page.goto("/uk/")
    page.get_by_role("link", name="Приєднатися за кодом групи").first.click()

    page.get_by_label("Код групи").fill("tve-4gn-6zr")
    page.get_by_label("Псевдонім").fill("zirka")
    page.get_by_label("Пароль", exact=True).fill("quiet-river-lamp")
    page.get_by_label("Пароль ще раз").fill("quiet-river-lamp")
    page.get_by_role("button", name="Приєднатися до групи").click()

    # The optional questions come next, those the group's organisation asks.
    expect(page.get_by_text("Вітаємо! Ви приєдналися до групи «Львів — група 1».")).to_be_visible()
    page.get_by_label("Вік").select_option("25-29")
    page.get_by_role("button", name="Зберегти").click()
    page.wait_for_url(lambda url: "/about-you/" not in url)  # on to learning
    user = User.objects.get(nickname="zirka")
    assert user.training_group.join_code == "TVE4GN6ZR" and user.age_band == "25-29"


def test_wrong_join_code_shows_a_clear_message_and_creates_nothing(visit, demo):
    page = visit("ru-RU")
    page.goto("/ru/accounts/signup/")

    page.get_by_label("Код группы").fill("WRONG123")
    page.get_by_label("Псевдоним").fill("zirka")
    page.get_by_label("Пароль", exact=True).fill("quiet-river-lamp")
    page.get_by_label("Пароль ещё раз").fill("quiet-river-lamp")
    page.get_by_role("button", name="Присоединиться к группе").click()

    expect(
        page.get_by_text(
            "Этот код группы не подходит. Возможно, в нём ошибка или группа закрыта. Проверьте код у тренера."
        )
    ).to_be_visible()
    assert not User.objects.filter(nickname="zirka").exists()


def sign_in_with_the_form(page, lang="uk", nickname="trainee-demo"):
    page.goto(f"/{lang}/accounts/login/")
    page.get_by_label("Псевдонім" if lang == "uk" else "Псевдоним").fill(nickname)
    page.get_by_label("Пароль").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Увійти" if lang == "uk" else "Войти").click()
    page.wait_for_url(f"**/{lang}/accounts/")
    expect_the_account_page(page, lang)


def sign_in(page, lang="uk", nickname="trainee-demo"):
    """Signed in (tests/browser/sessions.py), on the account page as after the form."""
    sign_in_without_the_form(page, nickname)
    page.goto(f"/{lang}/accounts/")
    expect_the_account_page(page, lang)


def expect_the_account_page(page, lang):
    account = "Мій обліковий запис" if lang == "uk" else "Моя учётная запись"
    expect(page.get_by_role("heading", level=1)).to_have_text(account)


def test_no_page_tells_the_next_where_the_trainee_came_from_and_forms_still_work(visit, demo):
    """Referrer-Policy: no-referrer. Chromium then posts forms with `Origin: null` and no
    Referer, which Django's own CSRF check would refuse (elearn/csrf.py). With JavaScript
    the site's navigation.js sends forms with fetch, which names the site's own origin
    (tests/browser/test_quick_exit_history.py); the browser's own post is the case here."""
    posts = []

    def record_posts(sender, environ, **kwargs):
        if environ["REQUEST_METHOD"] == "POST":
            posts.append(environ)

    request_started.connect(record_posts)
    try:
        page = visit(javascript=False)
        page.goto("/uk/")
        page.get_by_role("link", name="Увійти").first.click()
        page.wait_for_url("**/uk/accounts/login/")
        assert page.evaluate("document.referrer") == ""
        sign_in_with_the_form(page)
    finally:
        request_started.disconnect(record_posts)

    [login] = posts
    assert login["HTTP_ORIGIN"] == "null" and "HTTP_REFERER" not in login
    assert login["HTTP_SEC_FETCH_SITE"] == "same-origin"


def assert_exited(page):
    page.wait_for_url("https://neutral.example/")
    assert page.context.cookies() == []
    # Back on the site, the trainee is signed out.
    page.goto("/uk/accounts/")
    assert "/uk/accounts/login/" in page.url


def test_quick_exit_button_blanks_the_page_ends_the_session_and_replaces_the_location(visit, demo):
    page = visit(neutral_site=True)
    sign_in(page)
    page.goto("/uk/")
    history_length = page.evaluate("history.length")

    page.get_by_role("button", name="Швидкий вихід").click()

    # Ask the history only once the neutral page has loaded: asking mid-navigation fails.
    page.wait_for_url("https://neutral.example/")
    assert page.evaluate("history.length") == history_length  # replaced, not pushed
    assert_exited(page)


def test_quick_exit_blanks_the_page_at_once(visit, demo):
    page = visit()
    page.goto("/uk/")
    # Hold the server's answer so the blank page can be seen before the navigation.
    page.route("**/quick-exit/", lambda route: None)

    page.get_by_role("button", name="Швидкий вихід").click()

    expect(page.locator("body")).to_be_hidden()
    assert page.title() == ""


def test_pressing_shift_three_times_exits(visit, demo):
    page = visit("ru-RU", neutral_site=True)
    sign_in(page, lang="ru")

    for _ in range(3):
        page.keyboard.press("Shift")

    assert_exited(page)


def test_quick_exit_works_without_javascript(visit, demo):
    page = visit(javascript=False, neutral_site=True)
    sign_in(page)

    page.get_by_role("button", name="Швидкий вихід").click()

    assert_exited(page)
