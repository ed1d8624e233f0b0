"""A trainer in Chromium sets a trainee's password; the trainee, signing in with it in
Russian, is told that staff set it (at every log-in until they choose their own) and chooses their own."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_authoring import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = "meadow-lantern-7"
OWN = "quiet-river-lamp"


def sign_in(page, password):
    page.goto("/ru/accounts/login/")
    page.get_by_label("Псевдоним").fill("trainee-demo")
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/ru/accounts/")


def test_a_trainee_is_told_that_staff_set_their_password_and_changes_it(visit, demo):
    trainer = visit()
    admin_sign_in(trainer, "trainer-lviv")
    trainer.goto("/admin/trainees/")
    trainer.get_by_role("row", name="trainee-demo").get_by_role("link", name="Задати новий пароль").click()
    expect(trainer.get_by_text("Під час наступного входу учасниця чи учасник дізнається")).to_be_visible()
    trainer.locator("input[name=new_password1]").fill(NEW)
    trainer.locator("input[name=new_password2]").fill(NEW)
    trainer.get_by_role("button", name="Зберегти новий пароль").click()
    expect(trainer.get_by_text("Новий пароль для trainee-demo задано.")).to_be_visible()

    trainee = visit(locale="ru-RU")
    sign_in(trainee, NEW)
    notice = trainee.locator(".messages")
    expect(notice).to_contain_text("Сотрудники вашей организации задали вам новый пароль")
    expect(notice).to_contain_text("обратитесь к тренеру")
    notice.get_by_role("link", name="Сменить пароль").click()
    trainee.wait_for_url("**/ru/accounts/password/")
    expect(trainee.locator(".messages")).to_have_count(0)  # not on every page

    trainee.locator("input[name=old_password]").fill(NEW)
    trainee.locator("input[name=new_password1]").fill(OWN)
    trainee.locator("input[name=new_password2]").fill(OWN)
    trainee.get_by_role("button", name="Сохранить новый пароль").click()
    expect(trainee.get_by_text("Ваш пароль изменён.")).to_be_visible()
