"""Someone types group codes on the sign-up page until the site says to try again later."""

import pytest
from playwright.sync_api import expect

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "uk": {
        "locale": "uk-UA",
        "code": "Код групи",
        "nickname": "Псевдонім",
        "password": "Пароль",
        "again": "Пароль ще раз",
        "join": "Приєднатися до групи",
        "wrong": "Цей код групи не підходить. Можливо, в ньому помилка або групу закрито. "
        "Перевірте код із тренеркою або тренером.",
        "later": "Забагато спроб. Будь ласка, спробуйте пізніше.",
    },
    "ru": {
        "locale": "ru-RU",
        "code": "Код группы",
        "nickname": "Псевдоним",
        "password": "Пароль",
        "again": "Пароль ещё раз",
        "join": "Присоединиться к группе",
        "wrong": "Этот код группы не подходит. Возможно, в нём ошибка или группа закрыта. "
        "Проверьте код у тренера.",
        "later": "Слишком много попыток. Пожалуйста, попробуйте позже.",
    },
}


def try_code(page, words, code):
    page.get_by_label(words["code"]).fill(code)
    page.get_by_label(words["nickname"]).fill("trainee-demo")  # taken: never said while the code is wrong
    page.get_by_label(words["password"], exact=True).fill("quiet-river-lamp")
    page.get_by_label(words["again"]).fill("quiet-river-lamp")
    # Wait for the answer: the previous answer already shows the same error.
    with page.expect_navigation():
        page.get_by_role("button", name=words["join"]).click()


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_wrong_codes_until_try_again_later(visit, demo, settings, lang):
    settings.SIGNUP_LIMIT_PER_ADDRESS = (3, 15 * 60)  # the default is 20: fewer tries to type here
    words = WORDS[lang]
    page = visit(words["locale"])
    page.goto(f"/{lang}/accounts/signup/")

    for guess in ("ABC-DEF-GHJ", "ABC-DEF-GHK", "ABC-DEF-GHM"):
        try_code(page, words, guess)
        expect(page.get_by_text(words["wrong"])).to_be_visible()
        expect(page.get_by_text(words["later"])).to_have_count(0)
        expect(page.locator(".errorlist")).to_have_count(1)  # nothing about the nickname
        expect(page.get_by_label(words["code"])).to_have_value(guess)

    try_code(page, words, "ABC-DEF-GHN")
    expect(page.get_by_role("alert")).to_have_text(words["later"])
    expect(page.get_by_text(words["wrong"])).to_have_count(0)

    # Even the right code waits now, and nothing is created.
    page.get_by_label(words["code"]).fill("tve-4gn-6zr")
    page.get_by_label(words["nickname"]).fill("zirka")
    page.get_by_label(words["password"], exact=True).fill("quiet-river-lamp")
    page.get_by_label(words["again"]).fill("quiet-river-lamp")
    page.get_by_role("button", name=words["join"]).click()
    expect(page.get_by_role("alert")).to_have_text(words["later"])
    assert page.url.endswith(f"/{lang}/accounts/signup/")
    assert not User.objects.filter(nickname="zirka").exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
