"""After a test the trainee always sees the step forward, in the language they read:
the next module, the first module after the pre-test, the final test once every module
is done. A new trainee lands on their course. Switching language on a test page shows
the module in the new language."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from courses.durations import duration_label
from courses.models import ModulePage
from courses.services import module_finish_by_button
from tests.builders import build_quiz
from tests.quizzes.test_taking import answer_all, start


def in_language(page, lang):
    return page.get_translation(Locale.objects.get(language_code=lang))


@pytest.fixture
def quiz(db):
    return build_quiz(pass_mark=75)


@pytest.fixture
def tested_course(course, quiz):
    """The first module holds a required test; the course has a pre-test and a final test."""
    page, modules = course
    pre, final = build_quiz(kind="pre_test", pass_mark=0), build_quiz(kind="final", pass_mark=75)
    for version in page.get_translations(inclusive=True):
        version.pre_test, version.final_test = pre, final
        version.save_revision().publish()
    for module in (modules[0], in_language(modules[0], "ru")):
        module.body.append(("quiz", {"quiz": quiz, "required": True}))
        module.save_revision().publish()
    return page, [ModulePage.objects.get(pk=m.pk) for m in modules], pre, final


def next_steps(html):
    return re.findall(r'<a class="button[^"]*" href="([^"]+)" data-next-step>([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("lang", "label"), [("uk", "Наступний модуль: Модуль 2"), ("ru", "Следующий модуль: Модуль 2 (рос.)")]
)
def test_a_passed_module_test_leads_to_the_next_module(client, trainee, tested_course, quiz, lang, label):
    page, modules, _pre, _final = tested_course
    client.force_login(trainee)

    result = answer_all(client, start(client, quiz, module=in_language(modules[0], lang), lang=lang), quiz)
    steps = next_steps(client.get(result["Location"]).content.decode())

    assert steps[0] == (in_language(modules[1], lang).url, label)
    assert steps[-1][0] == in_language(page, lang).url


@pytest.mark.parametrize(
    ("lang", "label"),
    [("uk", "Почати перший модуль: Модуль 1"), ("ru", "Начать первый модуль: Модуль 1 (рос.)")],
)
def test_the_pre_test_result_leads_to_the_first_module(client, trainee, tested_course, lang, label):
    page, modules, pre, _final = tested_course
    client.force_login(trainee)

    result = answer_all(client, start(client, pre, lang=lang), pre)
    steps = next_steps(client.get(result["Location"]).content.decode())

    assert steps[0] == (in_language(modules[0], lang).url, label)


@pytest.mark.parametrize(
    ("lang", "label"), [("uk", "Пройти фінальний тест"), ("ru", "Пройти финальный тест")]
)
def test_after_the_last_module_the_final_test_is_next(client, trainee, tested_course, quiz, lang, label):
    page, modules, _pre, final = tested_course
    for module in modules[1:]:
        module_finish_by_button(user=trainee, module=module)
    client.force_login(trainee)

    result = answer_all(client, start(client, quiz, module=in_language(modules[0], lang), lang=lang), quiz)
    steps = next_steps(client.get(result["Location"]).content.decode())

    assert steps[0] == (f"/{lang}/tests/{final.pk}/", label)


def test_a_failed_module_test_sends_back_to_the_module_not_on(client, trainee, tested_course, quiz):
    page, modules, _pre, _final = tested_course
    client.force_login(trainee)

    result = answer_all(client, start(client, quiz, module=modules[0]), quiz, right=False)
    html = client.get(result["Location"]).content.decode()

    assert next_steps(html) == []  # the module is not done: back to it, or try again
    assert f'href="{modules[0].url}">Назад до модуля' in html and "Спробувати ще раз" in html


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_test_page_in_the_other_language_shows_the_module_in_that_language(
    client, trainee, tested_course, quiz, lang
):
    page, modules, _pre, _final = tested_course
    client.force_login(trainee)
    other = "ru" if lang == "uk" else "uk"

    # The address the language switch gives: the same query, the other language's prefix.
    html = client.get(
        f"/{lang}/tests/{quiz.pk}/", {"module": in_language(modules[0], other).pk}
    ).content.decode()

    module = in_language(modules[0], lang)
    assert f'href="{module.url}"' in html
    assert f'href="{in_language(modules[0], other).url}"' not in html
    assert f'name="module" value="{module.pk}"' in html


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_new_trainee_lands_on_their_course(client, trainee, course, lang):
    client.force_login(trainee)

    response = client.get(f"/{lang}/learning/start/")

    assert response["Location"] == in_language(course[0], lang).url


@pytest.mark.parametrize(
    ("lang", "meta", "card"),
    [
        ("uk", "3 модулі · приблизно 30 хв", "Приблизно 30 хв"),
        ("ru", "3 модуля · примерно 30 мин", "Примерно 30 мин"),
    ],
)
def test_the_course_length_is_its_modules_added_up(client, course, lang, meta, card):
    page = in_language(course[0], lang)  # estimated_hours says 2; the modules say 3 × 10 min

    assert meta in client.get(page.url).content.decode()
    assert card in client.get(page.get_parent().url).content.decode()


def test_durations_in_hours_and_minutes():
    with translation.override("uk"):
        assert [duration_label(m) for m in (45, 60, 90)] == ["45 хв", "1 год", "1 год 30 хв"]
    with translation.override("ru"):
        assert duration_label(150) == "2 ч 30 мин"
