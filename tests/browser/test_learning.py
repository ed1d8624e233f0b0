import pytest
from playwright.sync_api import expect

from courses.models import ModuleProgress
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_trainee_reads_a_module_finishes_it_and_sees_progress_in_both_languages(visit, demo):
    page = visit()
    sign_in(page)

    page.get_by_role("link", name="Моє навчання").click()
    page.get_by_role("link", name="Базовий курс для рівних консультанток і консультантів").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Базовий курс для рівних консультанток і консультантів"
    )
    page.get_by_role("link", name="ВІЛ: як передається, тестування, лікування").click()

    # Reading: a question opens on tap, without any script of ours.
    page.get_by_text("Як часто робити тест на ВІЛ?").click()
    expect(page.get_by_text("щонайменше раз на 3–6 місяців")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("button", name="Готово, модуль пройдено").click()

    expect(page.get_by_text("Чудово! Цей модуль пройдено.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "ІПСШ: поширені інфекції, ознаки, тестування, лікування"
    )
    assert ModuleProgress.objects.filter(completed_at__isnull=False).count() == 1

    page.get_by_role("link", name="Моє навчання").click()
    expect(page.get_by_text("Пройдено 25%")).to_be_visible()
    expect(
        page.get_by_role("link", name="ІПСШ: поширені інфекції, ознаки, тестування, лікування")
    ).to_be_visible()

    page.get_by_role("link", name="Русский").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Моё обучение")
    expect(page.get_by_text("Пройдено 25%")).to_be_visible()
    page.get_by_role("link", name="Базовый курс для равных консультанток и консультантов").click()
    done = page.locator(".module-list li").filter(has_text="ВИЧ: как передаётся, тестирование, лечение")
    expect(done.locator(".status--done")).to_have_text("Пройдено")


def test_anonymous_visitor_reads_a_module_and_is_invited_gently_to_log_in(visit, demo):
    page = visit("ru-RU")
    page.goto("/ru/courses/peer-educator-basic-course/condoms-and-negotiation/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Презервативы, лубриканты и переговоры с клиентами"
    )
    expect(page.get_by_text("Читать всё можно без учётной записи.")).to_be_visible()
    expect(page.get_by_role("button", name="Готово, модуль пройден")).to_have_count(0)
    assert ModuleProgress.objects.count() == 0
