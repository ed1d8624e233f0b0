"""A trainer writes a test's questions in Chromium, in Ukrainian (on a laptop) and in
Russian (on a 360 px phone): the new test opens on its questions; a multiple-choice
question gets a fifth answer, loses one and has one moved up, all in place; a
true-or-false question has its two answers written in both languages as soon as the type
is chosen; the test is previewed as trainees see it in either language, and nothing is
recorded. Humanitarian Action's trainer then finds nothing of it once it is a test of a
course kept for Salus."""

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import Organisation, User
from courses.models import CoursePage, ModulePage
from quizzes.models import Attempt, Quiz
from tests.browser.test_admin_language import SEEN_TEXT, data_words, english_words
from tests.browser.test_authoring import DESKTOP, admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TEXTS = {
    "uk": {
        "created": "Тест «Захист від ВІЛ» створено. Тепер додайте до нього питання.",
        "add multiple": "Додати питання: кілька правильних відповідей",
        "add single": "Додати питання: одна правильна відповідь",
        "true or false": "Правда чи неправда",
        "add answer": "Додати відповідь",
        "up": "Вище",
        "remove": "Прибрати",
        "save": "Зберегти питання",
        "saved": "Питання збережено.",
        "preview": "Переглянути: Українська",
        "notice": "Попередній перегляд: так тест бачать учасниці й учасники.",
        "notice other": "Предпросмотр: так тест видят участницы и участники.",
        "answers": ["Правда", "Неправда"],
        "two questions": "2 питання",
    },
    "ru": {
        "created": "Тест «Защита от ВИЧ» создан. Теперь добавьте в него вопросы.",
        "add multiple": "Добавить вопрос: несколько правильных ответов",
        "add single": "Добавить вопрос: один правильный ответ",
        "true or false": "Правда или неправда",
        "add answer": "Добавить ответ",
        "up": "Выше",
        "remove": "Убрать",
        "save": "Сохранить вопрос",
        "saved": "Вопрос сохранён.",
        "preview": "Просмотр: Русский",
        "notice": "Предпросмотр: так тест видят участницы и участники.",
        "notice other": "Попередній перегляд: так тест бачать учасниці й учасники.",
        "answers": ["Правда", "Неправда"],
        "two questions": "2 вопроса",
    },
}
ANSWERS = ["Презерватив", "ПрЕП", "Перерваний статевий акт", "Душ після сексу"]
OTHER = {"uk": "ru", "ru": "uk"}


def speaking(nickname, lang):
    profile = UserProfile.get_for_user(User.objects.get(nickname=nickname))
    profile.preferred_language = lang
    profile.save()


def fill_in_its_tab(page, name, text):
    """A field of the test's form, in the tab of its language (wagtail-parler)."""
    field = page.locator(f"[name={name}]")
    panel = field.evaluate("el => el.closest('[role=tabpanel]').id")
    page.locator(f"[role=tab][aria-controls='{panel}']").click()
    field.fill(text)


def no_english(page):
    assert english_words(page.evaluate(SEEN_TEXT), data_words()) == [], page.url


def answer_rows(page):
    return page.locator("[data-answer]:visible")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_trainer_writes_questions_in_place_and_previews_the_test(visit, demo, lang):
    say = TEXTS[lang]
    speaking("trainer-lviv", lang)
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    if lang == "uk":
        page.set_viewport_size(DESKTOP)  # ru stays at 360 px
    admin_sign_in(page, "trainer-lviv")

    # A new test opens on its (no) questions.
    page.goto("/admin/snippets/quizzes/quiz/add/")
    fill_in_its_tab(page, "translations_uk_title", "Захист від ВІЛ")
    fill_in_its_tab(page, "translations_ru_title", "Защита от ВИЧ")
    page.locator("button.action-save").first.click()
    expect(page.get_by_text(say["created"])).to_be_visible()
    quiz = Quiz.objects.get(translations__title="Захист від ВІЛ")
    assert page.url.endswith(f"/admin/tests/{quiz.pk}/questions/")
    no_english(page)

    # Multiple choice: four rows ready, a fifth added, the second removed, the last moved up.
    page.get_by_role("link", name=say["add multiple"]).click()
    page.locator("[name=text_uk]").fill("Що захищає від ВІЛ?")
    page.locator("[name=text_ru]").fill("Что защищает от ВИЧ?")
    expect(answer_rows(page)).to_have_count(4)
    no_english(page)
    for row, text in enumerate(ANSWERS):
        page.locator(f"[name=choices-{row}-text_uk]").fill(text)
    page.get_by_role("button", name=say["add answer"]).click()
    expect(answer_rows(page)).to_have_count(5)
    expect(page.locator("[name=choices-4-text_uk]")).to_be_focused()
    page.locator("[name=choices-4-text_uk]").fill("Тест на ВІЛ")
    answer_rows(page).nth(3).get_by_role("button", name=say["remove"]).click()  # "Душ після сексу"
    expect(answer_rows(page)).to_have_count(4)
    answer_rows(page).nth(3).get_by_role(
        "button", name=say["up"]
    ).click()  # "Тест на ВІЛ" above "Перерваний…"
    expect(answer_rows(page).nth(2).locator("[data-answer-number]")).to_have_text("3")
    expect(answer_rows(page).nth(2).locator("[name$=text_uk]")).to_have_value("Тест на ВІЛ")
    for row in (0, 1):
        answer_rows(page).nth(row).locator("[name$=is_correct]").check()
    page.get_by_role("button", name=say["save"], exact=True).click()
    expect(page.get_by_text(say["saved"])).to_be_visible()

    question = quiz.questions.get()
    assert [
        (c.safe_translation_getter("text", language_code="uk"), c.is_correct) for c in question.choices.all()
    ] == [("Презерватив", True), ("ПрЕП", True), ("Тест на ВІЛ", False), ("Перерваний статевий акт", False)]

    # True or false: choosing the type writes its two answers, in both languages.
    page.get_by_role("link", name=say["add single"]).click()
    page.locator("[name=text_uk]").fill("ВІЛ передається через поцілунок.")
    page.locator("[name=text_ru]").fill("ВИЧ передаётся через поцелуй.")
    page.locator("[name=kind]").select_option(label=say["true or false"])
    expect(answer_rows(page)).to_have_count(2)
    for row in (0, 1):  # each language's words, whatever the admin's language
        expect(page.locator(f"[name=choices-{row}-text_uk]")).to_have_value(TEXTS["uk"]["answers"][row])
        expect(page.locator(f"[name=choices-{row}-text_ru]")).to_have_value(TEXTS["ru"]["answers"][row])
    correct = page.locator("[name$=is_correct]")
    correct.nth(0).check()
    correct.nth(1).check()  # one correct answer: the first is unticked
    expect(correct.nth(0)).not_to_be_checked()
    page.get_by_role("button", name=say["save"], exact=True).click()
    expect(page.get_by_text(say["saved"])).to_be_visible()
    true_false = quiz.questions.get(kind="true_false")
    assert [
        (c.safe_translation_getter("text", language_code="ru"), c.is_correct)
        for c in true_false.choices.all()
    ] == [
        ("Правда", False),
        ("Неправда", True),
    ]

    # The preview, in the trainer's language and in the other one; nothing recorded.
    page.get_by_role("link", name=say["preview"]).click()
    expect(page.get_by_text(say["notice"])).to_be_visible()
    no_english(page)
    expect(
        page.get_by_text("Що захищає від ВІЛ?" if lang == "uk" else "Что защищает от ВИЧ?")
    ).to_be_visible()
    page.goto(f"/admin/tests/{quiz.pk}/preview/{OTHER[lang]}/")
    expect(page.get_by_text(say["notice other"])).to_be_visible()
    expect(page.get_by_role("radio", name="Неправда")).to_be_visible()
    page.get_by_role("radio", name="Неправда").check()
    assert Attempt.objects.filter(quiz=quiz).count() == 0

    # The test's own page leads back to its questions in one click.
    page.goto(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")
    page.get_by_role("link", name=say["two questions"]).click()
    question_text = "Що захищає від ВІЛ?" if lang == "uk" else "Что защищает от ВИЧ?"
    expect(page.get_by_role("link", name=question_text)).to_be_visible()
    no_english(page)

    # Kept for Salus: Humanitarian Action's trainer finds neither questions nor preview.
    salus = Organisation.objects.get(slug="salus")
    course = CoursePage.objects.get(slug="peer-educator-basic-course", locale__language_code="uk")
    for version in course.get_translations(inclusive=True):
        version.organisations.set([salus])
        version.save_revision().publish()
    module = ModulePage.objects.filter(path__startswith=course.path).first()
    for version in ModulePage.objects.filter(translation_key=module.translation_key):
        version.body.append(("quiz", {"quiz": quiz}))
        version.save_revision().publish()
    speaking("trainer-spb", lang)
    admin_sign_in(page, "trainer-spb")
    for url in (
        f"/admin/tests/{quiz.pk}/questions/",
        f"/admin/tests/{quiz.pk}/questions/{question.pk}/",
        f"/admin/tests/{quiz.pk}/preview/{lang}/",
        f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
    ):
        assert page.goto(url).status == 404, url
    expect(page.get_by_text("Що захищає від ВІЛ?")).to_have_count(0)


def test_without_javascript_the_editor_still_takes_four_answers_in_order(visit, demo):
    speaking("trainer-lviv", "uk")
    page = visit("uk-UA", javascript=False)
    admin_sign_in(page, "trainer-lviv")
    quiz = Quiz.objects.order_by("pk").first()

    page.goto(f"/admin/tests/{quiz.pk}/questions/new/?kind=multiple")

    expect(page.get_by_role("button", name="Додати відповідь")).to_be_hidden()
    expect(page.locator("[data-answer]")).to_have_count(4)
    expect(page.locator("[name=choices-3-order]")).to_be_visible()
    expect(page.locator("[name=choices-3-DELETE]")).to_be_visible()
