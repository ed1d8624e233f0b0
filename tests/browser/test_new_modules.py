"""A trainee reads the demo course's modules on hepatitis and TB and on the peer educator's
work on a phone, with their organisation's local help, and completes one with its test."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import ModulePage, ModuleProgress
from quizzes.models import Quiz
from tests.browser.test_foundation import sign_in
from tests.browser.test_learning import answer_test

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def module_url(slug, language):
    return ModulePage.objects.get(slug=slug, locale__language_code=language).url


def test_a_lviv_trainee_completes_the_hepatitis_module_and_reads_lives_in_russian(visit, newcomer):
    page = visit()
    sign_in(page, nickname=newcomer)
    quiz = Quiz.objects.get(
        translations__language_code="uk", translations__title="Тест: гепатити і туберкульоз"
    )

    page.goto(module_url("hepatitis-tb", "uk"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Гепатити В і С, туберкульоз та інші інфекції")
    expect(page.get_by_text("Гепатит С виліковується", exact=True)).to_be_visible()
    expect(page.locator("[data-local-help]")).to_contain_text("Салюс")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Перейти до тесту").click()
    page.get_by_role("button", name=re.compile("Почати тест")).click()
    answer_test(page, quiz, right=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Тест складено!")
    page.get_by_role("link", name="Назад до модуля").click()
    expect(page.get_by_text("Ви завершили цей модуль.")).to_be_visible()
    assert ModuleProgress.objects.filter(user__nickname=newcomer, completed_at__isnull=False).count() == 1

    page.goto(module_url("peer-educator-work", "ru"))
    expect(
        page.get_by_role("heading", level=2, name="Если коллега пережила насилие: шаги LIVES")
    ).to_be_visible()
    expect(page.get_by_text("Я тебе верю. Это не твоя вина.", exact=False)).to_be_visible()
    expect(page.locator("[data-local-help]")).to_contain_text("Салюс")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
