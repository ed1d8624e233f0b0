"""Help in the admin: the trainer opens Help → Guides from the sidebar and reads a guide in
their language, served by the site (no link to Wagtail's English guide on another host)."""

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import User
from tests.browser.test_authoring import DESKTOP, admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SAY = {
    "uk": {
        "help": "Допомога",
        "guides": "Посібники",
        "guide": "Як перекласти модуль і надіслати переклад на перевірку",
        "step": "Зберегти й надіслати на перевірку",
    },
    "ru": {
        "help": "Помощь",
        "guides": "Руководства",
        "guide": "Как перевести модуль и отправить перевод на проверку",
        "step": "Сохранить и отправить на проверку",
    },
}
OTHER_HOSTS = """() => [...document.querySelectorAll('a[href]')]
    .map(a => a.href).filter(href => href.startsWith('http') && new URL(href).host !== location.host)"""


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_trainer_finds_a_guide_in_the_help_menu(visit, demo, lang):
    say = SAY[lang]
    profile = UserProfile.get_for_user(User.objects.get(nickname="trainer-lviv"))
    profile.preferred_language = lang
    profile.save()
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "trainer-lviv")
    assert page.evaluate(OTHER_HOSTS) == []

    sidebar = page.locator(".sidebar")
    sidebar.get_by_role("button", name=say["help"]).click()
    sidebar.get_by_role("link", name=say["guides"]).click()
    page.get_by_role("link", name=say["guide"]).click()

    expect(page.get_by_role("heading", name=say["guide"])).to_be_visible()
    expect(page.locator("[data-guide] ol").first).to_contain_text(say["step"])
    assert page.evaluate(OTHER_HOSTS) == []
