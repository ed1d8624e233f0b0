"""Trainers and coordinators in Chromium. A trainer writes a module with an H5P activity
and submits it, a coordinator approves it, a visitor reads it (a broken package is refused
on the way). A trainer translates a module into Russian with wagtail-localize, a
coordinator publishes the translation, a Russian-speaking visitor reads it."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from courses.models import CoursePage, ModulePage
from elearn.demo.courses import publish_child
from h5p.models import H5PContent
from h5p.packaging import check_content, pack
from tests.browser.sessions import sign_in_without_the_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Як говорити про тестування"
RUSSIAN_TEXT = "Вы имеете право знать, кто вас проверяет."
DESKTOP = {"width": 1280, "height": 900}  # trainers write on a computer


def admin_sign_in(page, nickname):
    # Leave the current page first, still signed in: an admin page that goes away sends a
    # request (the editor releases its editing session). Sent without cookies, its answer
    # could set a new CSRF cookie after the log-in page's, and the log-in then fails.
    # Signed in without the form, second step passed (tests/browser/sessions.py);
    # test_two_factor.py signs in with it.
    page.goto("about:blank")
    page.context.clear_cookies()
    sign_in_without_the_form(page, nickname)
    page.goto("/admin/")
    page.wait_for_url("**/admin/")


def upload(page, path, title):
    page.goto("/admin/interactive/")
    page.locator("input[name=title]").fill(title)
    page.locator("select[name=language]").select_option("uk")
    page.locator("input[name=package]").set_input_files(path)
    page.get_by_role("button", name="Перевірити й додати").click()


def choose_package(page, title, another=False):
    """Fills the first package field still empty; `another`: in a new row of the list."""
    if another:
        page.locator("button[data-streamfield-list-add]").last.click()
    page.get_by_role("button", name="Обрати інтерактивний матеріал").first.click()
    page.get_by_role("dialog").get_by_role("link", name=title).click()
    expect(page.get_by_role("dialog")).to_be_hidden()


def test_a_trainer_writes_a_module_with_an_activity_and_a_coordinator_publishes_it(visit, demo, tmp_path):
    broken = tmp_path / "broken.h5p"
    broken.write_text("not a zip")
    package = tmp_path / "testing.h5p"
    question = check_content("Чи можна пройти тест на ВІЛ анонімно?", [("Так", True), ("Ні", False)])
    package.write_bytes(pack("Тестування", question, language="uk"))
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "trainer-lviv")

    # A broken package: a translated reason, nothing stored.
    packages_before = H5PContent.objects.count()
    upload(page, broken, "Зламаний")
    expect(page.get_by_text("Цей файл не пакет H5P: це не ZIP-архів.")).to_be_visible()
    assert H5PContent.objects.count() == packages_before

    upload(page, package, "Тестування: анонімно?")
    expect(page.get_by_text("«Тестування: анонімно?» готове до використання.")).to_be_visible()

    # The module: a text and the activity, a list of packages: the Ukrainian one and the
    # demo's Russian one.
    course_page = CoursePage.objects.get(locale__language_code="uk")
    page.goto(f"/admin/pages/{course_page.pk}/")
    page.get_by_role("link", name="Додати дочірню сторінку").first.click()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Як запропонувати тест на ВІЛ без тиску.")
    page.locator("#id_estimated_minutes").fill("10")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст", exact=True).click()
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("Тест на ВІЛ можна пройти безкоштовно й анонімно.")
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Інтерактивне завдання (H5P)").click()
    page.locator("input[id$='-value-title']").fill("Перевірте себе")
    choose_package(page, "Тестування: анонімно?")
    choose_package(page, "Какой лубрикант безопасен?", another=True)
    page.get_by_role("button", name="Більше дій").click()
    page.get_by_role("button", name="Надіслати в Перевірка перед публікацією").click()
    # Wagtail autosaves a new page as a draft twice a second, so the page may already exist
    # when the trainer sends it: then it says "sent" rather than "created and sent".
    sent = re.compile(f"Сторінку '{re.escape(TITLE)}' (створено і направлено|надіслано) на модерацію.")
    expect(page.get_by_text(sent)).to_be_visible()

    # Not live until a coordinator approves.
    course = "/uk/courses/peer-educator-basic-course/"
    page.goto(course)
    expect(page.get_by_text(TITLE)).to_have_count(0)

    admin_sign_in(page, "coordinator-lviv")
    review = page.locator("#awaiting-review-section tr", has_text=TITLE)
    review.get_by_role("button", name="Дії").click()
    review.get_by_role("button", name="Схвалити", exact=True).click()
    expect(review).to_have_count(0)  # nothing left to review

    page.context.clear_cookies()
    page.goto(course)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Тест на ВІЛ можна пройти безкоштовно й анонімно.")).to_be_visible()
    expect(page.get_by_role("button", name="Відкрити завдання")).to_be_visible()
    activity = next(b for b in ModulePage.objects.get(title=TITLE).body if b.block_type == "h5p")
    assert [package.language for package in activity.value["packages"]] == ["uk", "ru"]


def test_a_trainer_translates_a_module_and_a_coordinator_publishes_the_russian_version(visit, demo):
    course_uk = CoursePage.objects.get(locale__language_code="uk")
    module = publish_child(
        course_uk,
        ModulePage(
            title="Ваші права під час перевірки документів",
            slug="document-checks",
            summary="Що можна і чого не можна вимагати.",
            estimated_minutes=5,
            body=[("text", RichText("<p>Ви маєте право знати, хто вас перевіряє.</p>"))],
        ),
    )
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "trainer-lviv")

    page.goto(f"/admin/pages/{course_uk.pk}/")
    row = page.locator("tr", has_text=module.title)
    row.get_by_role("button", name=f"Більше опцій для '{module.title}'").click()
    row.get_by_role("link", name="Перекладіть цю сторінку").click()
    page.get_by_label("Русский").check()
    page.get_by_role("button", name="Застосувати").click()
    expect(page.get_by_text("успішно надіслано для перекладу на Русский")).to_be_visible()
    for russian in ["Ваши права при проверке документов", "Что можно и чего нельзя требовать.", RUSSIAN_TEXT]:
        page.get_by_role("button", name="Перекласти").first.click()
        page.locator("main textarea").fill(russian)
        page.get_by_role("button", name="Зберегти", exact=True).click()
        expect(page.get_by_text(russian)).to_be_visible()

    # The trainer's translation waits as a draft; a coordinator finds it on the dashboard.
    course_ru = "/ru/courses/peer-educator-basic-course/"
    page.context.clear_cookies()
    page.goto(course_ru)
    expect(page.get_by_role("link", name="Ваши права при проверке документов")).to_have_count(0)
    expect(page.get_by_role("link", name=module.title)).to_have_count(0)  # nor the Ukrainian copy
    admin_sign_in(page, "coordinator-lviv")
    waiting = page.locator("#translations-to-publish-section")
    expect(waiting).to_contain_text("Переклади, що чекають на публікацію")
    waiting.get_by_role("link", name="Ваши права при проверке документов").click()
    page.get_by_role("button", name="Опублікувати: Русский").click()
    # (The slug, on the Promote tab, keeps the Ukrainian page's: wagtail-localize says so.)
    expect(page.get_by_text("Опубліковано 'Ваши права при проверке документов' в Русский")).to_be_visible()

    page.context.clear_cookies()
    page.goto(course_ru)
    page.get_by_role("link", name="Ваши права при проверке документов").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ваши права при проверке документов")
    expect(page.get_by_text(RUSSIAN_TEXT)).to_be_visible()
