"""Trainees always see the step forward, in their language, on a 360 px phone: sign-up
lands on the course; the pre-test's result leads to the first module and a passed module
test to the next one; the language switch on a test page keeps the same test and module;
every control is a tap target of at least 44 px."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from certificates.models import Certificate
from courses.models import ModulePage
from quizzes.models import Quiz
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = {
    "uk": "Базовий курс для рівних консультанток і консультантів",
    "ru": "Базовый курс для равных консультанток и консультантов",
}
WORDS = {
    "uk": {
        "code": "Код групи",
        "nickname": "Псевдонім",
        "password": "Пароль",
        "again": "Пароль ще раз",
        "join": "Приєднатися до групи",
        "to_test": "Перейти до тесту",
        "save": "Зберегти",
        "start_test": "Почати тест",
        "first": "Почати перший модуль: ",
        "next": "Наступний модуль: ",
        "other": "Русский",
        "duration": r"модул\S* · приблизно \d",
    },
    "ru": {
        "code": "Код группы",
        "nickname": "Псевдоним",
        "password": "Пароль",
        "again": "Пароль ещё раз",
        "join": "Присоединиться к группе",
        "to_test": "Перейти к тесту",
        "save": "Сохранить",
        "start_test": "Начать тест",
        "first": "Начать первый модуль: ",
        "next": "Следующий модуль: ",
        "other": "Українська",
        "duration": r"модул\S* · примерно \d",
    },
}
JOIN_CODE = {"uk": "TVE-4GN-6ZR", "ru": "M46-Y5P-9UN"}

# Every control a trainee taps. A tick box or a radio button counts with its label.
SMALL_CONTROLS = """() => {
    const small = [];
    for (const el of document.querySelectorAll(
        'main a.button, main button, main input:not([type=hidden]), main select, main textarea, '
        + 'header a, header button, nav a, .pager a, .actions a, .quick-exit'
    )) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
        let box = el.getBoundingClientRect();
        if (el.matches('input[type=checkbox], input[type=radio]')) {
            const label = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
            if (label) box = label.getBoundingClientRect();
        }
        if (box.height < 44) small.push(`${el.outerHTML.slice(0, 80)}: ${Math.round(box.height)} px`);
    }
    return small;
}"""


STYLESHEET_APPLIED = """() => document.readyState === 'complete' && [...document.styleSheets].some(
    (sheet) => (sheet.href || '').includes('/static/css/site.css') && sheet.cssRules.length > 0)"""


def assert_tap_targets(page):
    # A page written in place (navigation.js) loads the stylesheet again: measuring before it
    # applies finds every control small (seen in whole runs). It must apply within the timeout.
    page.wait_for_function(STYLESHEET_APPLIED)
    assert page.evaluate(SMALL_CONTROLS) == []


def click_and_wait(page, locator):
    """Click, then wait for the next page: a link loads it, a form's answer is written in
    place of this one (elearn/static/js/navigation.js). Either way the old root goes.
    Wait for "complete", not just parsed: a written page loads its stylesheet again, and
    measuring tap targets before it applies finds every control small (a whole-run flake)."""
    page.evaluate("document.documentElement.dataset.previous = '1'")
    locator.click()
    page.wait_for_function(
        "() => !document.documentElement.dataset.previous && document.readyState === 'complete'"
    )


def answer_test(page, keys=None):
    """Answer until the result page: the right answers when `keys` (the test's answer
    keys) are given, else the first choice of every question; any layout, with or
    without feedback after each question."""
    for _ in range(40):
        if page.url.endswith("/result/"):
            return
        inputs = page.locator("form.form input[name^=q]")
        if inputs.count():
            assert_tap_targets(page)
            names = inputs.evaluate_all("els => [...new Set(els.map(e => e.name))]")
            for name in names:
                if keys is None:
                    page.locator(f'input[name="{name}"]').first.check()
                    continue
                for choice_id in sorted(keys[int(name[1:])].correct):
                    page.locator(f'input[name="{name}"][value="{choice_id}"]').check()
            click_and_wait(page, page.locator("form.form button[type=submit]"))
        else:
            click_and_wait(page, page.locator("main a.button").first)  # "Next question"
    raise AssertionError(f"no result page, stuck at {page.url}")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_new_trainee_signs_up_lands_on_the_course_and_is_led_from_the_pre_test_to_a_module(
    visit, demo, lang
):
    words = WORDS[lang]
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    page.goto(f"/{lang}/accounts/signup/")
    assert_tap_targets(page)
    page.get_by_label(words["code"]).fill(JOIN_CODE[lang])
    page.get_by_label(words["nickname"]).fill(f"zirka-{lang}")
    page.get_by_label(words["password"], exact=True).fill("quiet-river-lamp")
    page.get_by_label(words["again"]).fill("quiet-river-lamp")
    page.get_by_role("button", name=words["join"]).click()
    page.wait_for_url(lambda url: "/signup/" not in url)
    if "/about-you/" in page.url:  # the organisation's optional questions come first
        assert_tap_targets(page)
        page.get_by_role("button", name=words["save"]).click()
        page.wait_for_url(lambda url: "/about-you/" not in url)

    expect(page.get_by_role("heading", level=1)).to_have_text(COURSE[lang])
    expect(page.locator("p.meta").first).to_have_text(re.compile(words["duration"]))
    assert_tap_targets(page)

    page.get_by_role("link", name=words["to_test"]).first.click()  # the pre-test
    click_and_wait(page, page.get_by_role("button", name=words["start_test"]))
    answer_test(page)

    step = page.locator("[data-next-step]").first
    expect(step).to_contain_text(words["first"])
    assert_tap_targets(page)
    title = step.inner_text().removeprefix(words["first"])
    step.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert f"/{lang}/" in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_passed_module_test_offers_the_next_module_and_the_language_switch_keeps_the_test(
    visit, newcomer, lang
):
    words = WORDS[lang]
    other = "ru" if lang == "uk" else "uk"
    page = visit()
    sign_in(page, nickname=newcomer)
    quiz = Quiz.objects.get(translations__language_code="uk", translations__title="Тест: ВІЛ")
    module = next(
        m for m in ModulePage.objects.filter(locale__language_code=other) if quiz.pk in m.quiz_ids()
    )

    # Opened from the other language's module, then switched: the module is in this language.
    page.goto(f"/{other}/tests/{quiz.pk}/?module={module.pk}")
    page.get_by_role("link", name="Русский" if lang == "ru" else "Українська").click()
    crumb = page.locator("nav.breadcrumb a")
    expect(crumb).to_have_attribute("href", re.compile(f"^/{lang}/"))
    own = module.get_translation(Locale.objects.get(language_code=lang))
    expect(crumb).to_have_text(own.title)
    assert_tap_targets(page)

    click_and_wait(page, page.get_by_role("button", name=words["start_test"]))
    answer_test(page, keys={key.id: key for key in quiz.question_keys()})

    step = page.locator("[data-next-step]").first
    expect(step).to_contain_text(words["next"])
    assert_tap_targets(page)
    click_and_wait(page, step)
    assert f"/{lang}/" in page.url
    expect(page.get_by_role("heading", level=1)).not_to_have_text(own.title)


def test_certificate_tick_boxes_are_big_enough_to_tap(visit, demo):
    page = visit()
    sign_in(page, nickname="trainee-demo")
    certificate = Certificate.objects.filter(user__nickname="trainee-demo").first()
    page.goto(f"/uk/certificates/{certificate.pk}/")

    expect(page.locator("input[type=checkbox]").first).to_be_visible()
    assert_tap_targets(page)
