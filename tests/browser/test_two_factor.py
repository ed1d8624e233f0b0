"""Two-factor authentication in Chromium. A coordinator signs in with the code their
authenticator app would show (a wrong one first); an administrator without a second step
is sent to set one up, types the secret into "their app", confirms it with a code and gets
the backup codes once; a trainer is offered it on the dashboard."""

from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from elearn.demo.accounts import DEMO_PASSWORD
from tests.browser.two_factor import code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def type_password(page, nickname):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(nickname)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form.login-form button[type=submit]").click()


def path_of(page):
    return urlsplit(page.url).path


def test_a_coordinator_signs_in_with_the_code_from_their_app(visit, demo):
    page = visit()
    page.goto("/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Вхід до панелі керування Conecta eLearn")
    expect(page.get_by_label("Пароль")).to_be_visible()

    type_password(page, "coordinator-lviv")

    page.wait_for_url("**/admin/two-factor/verify/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Введіть код із застосунку")
    page.goto("/admin/reports/")  # nothing else opens before the code
    assert path_of(page) == "/admin/two-factor/verify/"

    right = code_for("coordinator-lviv")
    page.get_by_label("Код").fill("000000" if right != "000000" else "111111")
    page.get_by_role("button", name="Продовжити").click()
    expect(page.locator(".error-message")).to_contain_text("Цей код не підходить.")
    expect(page.locator(".error-message")).to_be_visible()

    page.wait_for_timeout(1200)  # one wrong code: the next try waits a second
    page.get_by_label("Код").fill(right)
    page.get_by_role("button", name="Продовжити").click()

    page.wait_for_url("**/admin/reports/")  # where they were going
    expect(page.locator("figure.report-chart svg").first).to_be_visible()


def test_an_administrator_without_a_second_step_sets_one_up_before_the_admin_opens(visit, demo):
    TOTPDevice.objects.filter(user__nickname="admin").delete()
    page = visit()

    type_password(page, "admin")

    page.wait_for_url("**/admin/two-factor/set-up/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("Налаштувати двофакторну автентифікацію")
    expect(
        page.get_by_role("img", name="QR-код із секретним ключем для вашого застосунку-автентифікатора")
    ).to_be_visible()
    page.goto("/admin/users/")
    assert path_of(page) == "/admin/two-factor/set-up/"

    # The administrator types the key into their app (instead of scanning); it shows a code.
    secret = page.locator("[data-secret]").inner_text().replace(" ", "")
    app = TOTP(b32decode(secret))
    page.get_by_label("Код із застосунку").fill(f"{app.token():06d}")
    page.get_by_role("button", name="Увімкнути двофакторну автентифікацію").click()

    page.wait_for_url("**/admin/two-factor/backup-codes/")
    codes = page.locator("[data-backup-codes] li")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="Коди збережено. Продовжити").click()
    page.wait_for_url("**/admin/users/")  # where they were going
    page.reload()  # still signed in, no second question
    assert path_of(page) == "/admin/users/"
    page.goto("/admin/two-factor/backup-codes/")
    assert path_of(page) == "/admin/two-factor/"  # the codes were shown once
    expect(page.get_by_text("У вас 10 невикористаних резервних кодів.")).to_be_visible()


def test_a_trainer_is_offered_a_second_step_on_the_dashboard(visit, demo):
    page = visit()

    type_password(page, "trainer-lviv")

    page.wait_for_url("**/admin/")
    expect(page.get_by_role("heading", name="Захистіть свій обліковий запис")).to_be_visible()
    page.get_by_role("link", name="Налаштувати двофакторну автентифікацію").click()
    page.wait_for_url("**/admin/two-factor/set-up/")
