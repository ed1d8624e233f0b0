"""The demo trainee finishes the course in Chromium at 360×740 and gets the certificate."""

import io

import pypdfium2
import pytest
from playwright.sync_api import expect

from accounts.models import User
from certificates.models import Certificate
from courses.models import CoursePage, ModuleProgress
from quizzes.models import Attempt, Quiz
from tests.browser.test_foundation import sign_in
from tests.browser.test_learning import answer_test

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def undo_the_last_steps():
    """The demo trainee has finished the course; take back the last module and the final
    test so that the test walks through them."""
    trainee = User.objects.get(nickname="trainee-demo")
    course = CoursePage.objects.get(locale__language_code="uk")
    last = list(course.modules())[-1]
    Certificate.objects.filter(user=trainee).delete()
    Attempt.objects.filter(user=trainee, quiz=course.final_test).delete()
    Attempt.objects.filter(user=trainee, module_key=last.translation_key).delete()
    ModuleProgress.objects.filter(user=trainee, module_key=last.translation_key).update(completed_at=None)
    return course, last


def answer_all_on_one_page(page, quiz):
    for key in quiz.question_keys():
        for choice_id in key.correct:
            page.check(f"input[name='q{key.id}'][value='{choice_id}']")


def test_the_demo_trainee_finishes_the_course_and_gets_a_verifiable_certificate(visit, demo, tmp_path):
    course, last = undo_the_last_steps()
    module_quiz = next(block.value["quiz"] for block in last.body if block.block_type == "quiz")
    page = visit()
    sign_in(page)

    page.goto(last.url)
    page.get_by_role("link", name="Перейти до тесту").click()
    page.get_by_role("button", name="Почати тест").click()
    answer_test(page, module_quiz, right=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Тест складено!")

    page.goto(course.url)
    page.locator("section", has_text="Фінальний тест").get_by_role("link", name="Перейти до тесту").click()
    page.get_by_role("button", name="Почати тест").click()
    answer_all_on_one_page(page, Quiz.objects.get(pk=course.final_test_id))
    page.get_by_role("button", name="Завершити тест").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Вітаємо!")
    certificate = Certificate.objects.get(user__nickname="trainee-demo")
    assert certificate.final_score == 100
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    with page.expect_download() as download:
        page.get_by_role("button", name="Завантажити сертифікат (PDF)").click()
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    text = pypdfium2.PdfDocument(io.BytesIO(saved.read_bytes()))[0].get_textpage().get_text_range()
    assert certificate.code in text and course.title in text

    page.locator(f'a[href$="/certificates/verify/{certificate.code}/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сертифікат дійсний")
    expect(page.get_by_text(course.title)).to_be_visible()
    assert "trainee-demo" not in page.locator("main").inner_text()
