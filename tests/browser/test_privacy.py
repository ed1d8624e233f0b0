"""In Chromium at 360×740: the demo trainee downloads their data, reads the file with no
network at all, then deletes their account and cannot log in again."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from certificates.models import Certificate
from courses.models import ModulePage
from elearn.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import PHONE
from tests.browser.test_accessibility import AXE
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_demo_trainee_reads_their_data_offline_and_deletes_their_account(visit, demo, browser, tmp_path):
    code = Certificate.objects.get(user__nickname="trainee-demo").code
    module = ModulePage.objects.filter(locale__language_code="uk").first()
    page = visit()
    sign_in(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Завантажити мої дані").click()
    assert download.value.suggested_filename == "my-data.html"
    saved = tmp_path / "my-data.html"
    download.value.save_as(saved)

    offline = browser.new_context(viewport=PHONE, offline=True)
    reader = offline.new_page()
    asked = []
    reader.on("request", lambda request: asked.append(request.url))
    reader.goto(saved.as_uri())
    expect(reader.get_by_role("heading", level=1)).to_have_text("Усе, що цей сайт зберігає про вас")
    for heading in ("Ваш обліковий запис", "Модулі", "Тести", "Сертифікати"):
        expect(reader.get_by_role("heading", level=2, name=heading)).to_be_visible()
    text = reader.locator("body").inner_text()
    assert "trainee-demo" in text and module.title in text and code in text
    assert asked == [saved.as_uri()]  # one file: nothing else to load
    assert reader.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    reader.evaluate(AXE)
    assert reader.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)") == []
    offline.close()

    page.goto("/uk/accounts/")
    page.get_by_role("link", name="Видалити мій обліковий запис").click()
    expect(page.get_by_role("heading", name="Що буде стерто")).to_be_visible()
    page.get_by_label("Ваш пароль").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Видалити обліковий запис назавжди").click()
    expect(page.get_by_text("Ваш обліковий запис видалено.")).to_be_visible()
    assert not User.objects.filter(nickname="trainee-demo").exists()

    page.goto("/uk/accounts/login/")
    page.get_by_label("Псевдонім").fill("trainee-demo")
    page.get_by_label("Пароль").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Увійти").click()
    expect(page.get_by_text("Псевдонім і пароль не підходять")).to_be_visible()
    page.goto(f"/uk/certificates/verify/{code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Сертифікат дійсний")
    assert "trainee-demo" not in page.locator("main").inner_text()
