"""The rights module follows the trainee's organisation's country, not the page language:
a Lviv trainee reads Ukraine's law and Salus's local help, in Ukrainian and in Russian; a
St Petersburg trainee reads Russia's law and Humanitarian Action's help. A reader without
an organisation picks a country once for the visit."""

import pytest
from playwright.sync_api import expect

from accounts.models import TrainingGroup, User
from courses.models import ModulePage
from elearn.demo.accounts import DEMO_PASSWORD
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RIGHTS = "rights-violence-safety"


def rights_url(language):
    return ModulePage.objects.get(slug=RIGHTS, locale__language_code=language).url


def trainee_of(join_code, nickname):
    group = TrainingGroup.objects.get(join_code=join_code)
    User.objects.create_user(nickname, DEMO_PASSWORD, training_group=group, organisation=group.organisation)
    return nickname


def test_a_lviv_trainee_reads_ukraines_law_and_salus_help_in_both_languages(visit, newcomer):
    page = visit()
    sign_in(page, nickname=newcomer)
    page.goto(rights_url("uk"))
    law, local_help = page.locator("[data-country-section]"), page.locator("[data-local-help]")

    expect(law).to_contain_text("ст. 181-1 Кодексу України про адміністративні правопорушення")
    expect(law).to_contain_text("Перевірено: демо-текст, ще не перевірений юристом організації")
    expect(law).not_to_contain_text("6.11")
    expect(local_help).to_contain_text("Гаряча лінія Салюс (демо)")
    expect(local_help).not_to_contain_text("Гуманітарної дії")

    page.get_by_role("link", name="Русский").click()
    expect(law).to_contain_text("ст. 181-1 Кодекса Украины об административных правонарушениях")
    expect(law).not_to_contain_text("6.11")
    expect(local_help).to_contain_text("Горячая линия Салюс (демо)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_st_petersburg_trainee_reads_russias_law_and_humanitarian_actions_help(visit, demo):
    nickname = trainee_of("M46Y5P9UN", "trainee-spb-new")
    page = visit("ru-RU")
    sign_in(page, lang="ru", nickname=nickname)
    page.goto(rights_url("ru"))
    law, local_help = page.locator("[data-country-section]"), page.locator("[data-local-help]")

    expect(law).to_contain_text("ст. 6.11 Кодекса РФ об административных правонарушениях")
    expect(law).to_contain_text("ст. 51 Конституции РФ")
    expect(law).not_to_contain_text("181-1")
    expect(local_help).to_contain_text("Горячая линия Гуманитарного действия (демо)")
    expect(local_help).not_to_contain_text("Салюс")

    page.get_by_role("link", name="Українська").click()  # the page language does not change the country
    expect(law).to_contain_text("ст. 6.11 Кодексу РФ про адміністративні правопорушення")
    expect(local_help).to_contain_text("Гаряча лінія Гуманітарної дії (демо)")


def test_a_reader_without_an_organisation_picks_a_country_for_the_visit(visit, demo):
    page = visit("ru-RU")
    page.goto(rights_url("ru"))
    law = page.locator("[data-country-section]")
    expect(law).not_to_contain_text("181-1")
    expect(page.locator("[data-local-help]")).to_contain_text("Войдите, чтобы увидеть горячие линии")

    law.get_by_label("В какой стране вы работаете?", exact=False).select_option(label="Украина")
    law.get_by_role("button", name="Показать текст для этой страны").click()
    expect(law).to_contain_text("ст. 181-1 Кодекса Украины")

    page.goto(rights_url("uk"))  # remembered for the visit, in the other language too
    expect(law).to_contain_text("ст. 181-1 Кодексу України")
