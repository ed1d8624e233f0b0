"""A coordinator in Chromium, in Ukrainian and in Russian: a period of a few days shows
no breakdown by who people are (the dashboard shows the last ended quarter's, and says
so); one click on an ended quarter shows them for that quarter."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import User
from reports.scope import ended_quarters
from tests.browser.test_authoring import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "uk": {
        "nickname": "coordinator-lviv",
        "show": "Показати",
        "last_quarter": "Показано за останній завершений квартал",
        "quarter": "{number} квартал {year}",
        "work": "Місце роботи",
        "note": "Розподіл за гендером, віком і місцем роботи показано лише за завершені квартали",
    },
    "ru": {
        "nickname": "coordinator-spb",
        "show": "Показать",
        "last_quarter": "Показано за последний завершённый квартал",
        "quarter": "{number} квартал {year}",
        "work": "Место работы",
        "note": "Распределение по гендеру, возрасту и месту работы показано только за завершённые кварталы",
    },
}


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_coordinator_gets_the_breakdowns_for_an_ended_quarter_in_one_click(visit, demo, lang):
    words = WORDS[lang]
    profile = UserProfile.get_for_user(User.objects.get(nickname=words["nickname"]))
    profile.preferred_language = lang
    profile.save()
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    admin_sign_in(page, words["nickname"])

    page.goto("/admin/reports/")
    today = timezone.localdate()
    page.locator("input[name=since]").fill(today.replace(day=1).isoformat())
    page.locator("input[name=until]").fill(today.isoformat())
    page.get_by_role("button", name=words["show"], exact=True).click()
    since, until = ended_quarters(count=1)[0]
    expect(page.get_by_text(words["last_quarter"])).to_contain_text(f"{since} – {until}")
    expect(page.locator("caption", has_text=words["work"])).to_contain_text(f"{since} – {until}")

    page.goto(page.url.replace("/admin/reports/?", "/admin/reports/training-report/?"))
    expect(page.get_by_text(words["note"])).to_be_visible()
    expect(page.locator("caption", has_text=words["work"])).to_have_count(0)

    page.go_back()
    label = words["quarter"].format(number=(since.month + 2) // 3, year=since.year)
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(f"**until={until}**")
    expect(page.locator("caption", has_text=words["work"])).to_have_text(words["work"])
    expect(page.get_by_text(words["last_quarter"])).to_have_count(0)
