"""A coordinator in Chromium switches a question off for their organisation: a new
trainee is no longer asked it, and the report no longer breaks numbers down by it."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.test_authoring import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_coordinator_stops_asking_age_and_no_one_is_asked_or_counted_by_it(visit, demo):
    coordinator = visit()
    admin_sign_in(coordinator, "coordinator-lviv")
    coordinator.goto("/admin/reports/")
    expect(coordinator.locator("select[name=age_band]")).to_have_count(1)

    coordinator.goto("/admin/questions-for-trainees/")
    coordinator.get_by_role("checkbox", name="Вік").uncheck()
    coordinator.get_by_role("button", name="Зберегти").click()
    # Nothing is erased before the coordinator has read what will be.
    expect(coordinator.get_by_text("буде стерто назавжди")).to_be_visible()
    assert User.objects.get(nickname="trainee-demo").age_band == "25-29"
    coordinator.get_by_role("button", name="Вимкнути й стерти відповіді").click()
    expect(
        coordinator.get_by_text("Відповіді ваших учасниць і учасників на вимкнені питання стерто.")
    ).to_be_visible()
    assert User.objects.get(nickname="trainee-demo").age_band == ""

    trainee = visit()
    trainee.goto("/uk/accounts/signup/")
    trainee.get_by_label("Код групи").fill("TVE-4GN-6ZR")
    trainee.get_by_label("Псевдонім").fill("zirka")
    trainee.get_by_label("Пароль", exact=True).fill("quiet-river-lamp")
    trainee.get_by_label("Пароль ще раз").fill("quiet-river-lamp")
    trainee.get_by_role("button", name="Приєднатися до групи").click()
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Про вас (необов'язково)")
    expect(trainee.get_by_label("Гендер")).to_be_visible()
    expect(trainee.get_by_label("Вік")).to_have_count(0)
    trainee.get_by_label("Де ви здебільшого працюєте").select_option("online")
    trainee.get_by_role("button", name="Зберегти").click()
    trainee.wait_for_url(lambda url: "/about-you/" not in url)  # on to learning
    assert User.objects.get(nickname="zirka").work_setting == "online"
    trainee.goto("/uk/accounts/")
    expect(trainee.locator("dl.facts")).not_to_contain_text("Вік")
    expect(trainee.locator("dl.facts")).to_contain_text("Онлайн")

    coordinator.goto("/admin/reports/")
    expect(coordinator.locator("select[name=gender]")).to_have_count(1)
    expect(coordinator.locator("select[name=age_band]")).to_have_count(0)
    expect(coordinator.locator("caption", has_text="Гендер")).to_have_count(1)
    expect(coordinator.locator("caption", has_text="Вік")).to_have_count(0)
    expect(coordinator.locator("caption", has_text="Вікова група")).to_have_count(0)
