"""Assessment that measures learning, on a phone (issue #17): a trainee who fails the final
test sees no answer key; the final test cannot be started before the modules are done,
and trying spends no attempt; a trainer gives a trainee one more attempt."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from courses.models import CoursePage, ModuleProgress
from quizzes.models import Attempt, AttemptGrant
from tests.browser.test_authoring import admin_sign_in
from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "uk": {
        "final": "Фінальний тест",
        "go": "Перейти до тесту",
        "start": "Почати тест",
        "again": "Спробувати ще раз",
        "finish": "Завершити тест",
        "failed": "Поки не складено",
        "no_key": "Правильні відповіді з'являться, коли ви складете цей тест",
        "locked": "Поки що закрито",
        "left": "Залишилася 1 спроба",
    },
    "ru": {
        "final": "Финальный тест",
        "go": "Перейти к тесту",
        "start": "Начать тест",
        "again": "Попробовать ещё раз",
        "finish": "Завершить тест",
        "failed": "Пока не сдан",
        "no_key": "Правильные ответы появятся, когда вы сдадите этот тест",
        "locked": "Пока закрыто",
        "left": "Осталась 1 попытка",
    },
}


def demo_course(lang="uk"):
    return CoursePage.objects.get(locale__language_code=lang)


def modules_done(nickname):
    """The trainee has completed every module of the demo course."""
    user, now = User.objects.get(nickname=nickname), timezone.now()
    for module in demo_course().modules():
        ModuleProgress.objects.update_or_create(
            user=user,
            module_key=module.translation_key,
            defaults={"first_opened_at": now, "last_opened_at": now, "completed_at": now},
        )


def open_final_test(page, lang):
    page.goto(demo_course(lang).url)
    page.locator("section", has_text=WORDS[lang]["final"]).get_by_role("link", name=WORDS[lang]["go"]).click()


def answer_wrong_on_one_page(page, quiz):
    for key in quiz.question_keys():
        wrong = sorted(key.choices - key.correct) or sorted(key.correct)[:1]
        for choice_id in wrong if key.kind == "multiple" else wrong[:1]:
            page.check(f"input[name='q{key.id}'][value='{choice_id}']")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_trainee_who_fails_the_final_test_sees_no_answer_key(visit, newcomer, lang):
    modules_done(newcomer)
    final = demo_course().final_test
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    sign_in(page, lang=lang, nickname=newcomer)

    open_final_test(page, lang)
    page.get_by_role("button", name=WORDS[lang]["start"]).click()
    answer_wrong_on_one_page(page, final)
    page.get_by_role("button", name=WORDS[lang]["finish"]).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(WORDS[lang]["failed"])
    expect(page.get_by_text(WORDS[lang]["no_key"])).to_be_visible()
    expect(page.locator(".review, .review__right, .review__explanation")).to_have_count(0)
    expect(page.get_by_role("button", name=WORDS[lang]["again"])).to_be_visible()
    assert Attempt.objects.get(user__nickname=newcomer, quiz=final).passed is False
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_final_test_cannot_be_started_before_the_modules_are_complete(visit, newcomer):
    first = next(iter(demo_course().modules()))
    page = visit()
    sign_in(page, nickname=newcomer)

    open_final_test(page, "uk")

    expect(page.get_by_role("heading", name=WORDS["uk"]["locked"])).to_be_visible()
    expect(page.get_by_role("button", name=WORDS["uk"]["start"])).to_have_count(0)
    page.locator(".quiz-lock").get_by_role("link", name=first.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first.title)
    assert not Attempt.objects.filter(user__nickname=newcomer).exists()


def test_a_trainer_gives_a_trainee_who_used_every_attempt_one_more(visit, newcomer):
    modules_done(newcomer)
    final = demo_course().final_test
    trainee = User.objects.get(nickname=newcomer)
    for _ in range(final.max_attempts):
        Attempt.objects.create(
            user=trainee, quiz=final, language="uk", finished_at=timezone.now(), percent=40
        )

    staff = visit()
    admin_sign_in(staff, "trainer-lviv")
    staff.goto(f"/admin/tests/{final.pk}/attempts/")
    staff.get_by_role("button", name=f"Ще одна спроба для {newcomer}").click()
    expect(staff.get_by_text(f"Для {newcomer} додано ще одну спробу.")).to_be_visible()
    assert AttemptGrant.objects.get(user=trainee, quiz=final).granted_by.nickname == "trainer-lviv"

    page = visit("ru-RU")
    sign_in(page, lang="ru", nickname=newcomer)
    open_final_test(page, "ru")
    expect(page.get_by_text(WORDS["ru"]["left"])).to_be_visible()
    page.get_by_role("button", name=WORDS["ru"]["again"]).click()
    expect(page.get_by_role("button", name=WORDS["ru"]["finish"])).to_be_visible()
