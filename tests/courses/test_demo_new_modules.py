"""The demo course's two later modules (issue #17, item 6): hepatitis and TB, and the peer
educator's work. Each is in both languages, long enough to teach, has its own test, and comes
before the final test: the final test stays locked until they are complete too."""

import re

import pytest
from django.utils import timezone

from accounts.models import User
from courses.access import final_test_lock
from courses.models import CoursePage, ModulePage, ModuleProgress
from tests.courses.test_demo_course import module_text

NEW = ["hepatitis-tb", "peer-educator-work"]


def course(language):
    return CoursePage.objects.get(locale__language_code=language)


def module_quiz(module):
    return next(block.value["quiz"] for block in module.body if block.block_type == "quiz")


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_both_new_modules_are_live_in_each_language_with_800_words(demo, language):
    for slug in NEW:
        module = ModulePage.objects.live().get(locale__language_code=language, slug=slug)
        assert len(re.findall(r"\w+", module_text(module))) >= 800, slug
        assert module.get_parent().pk == course(language).pk


def test_the_new_modules_sit_after_the_sti_module_and_at_the_end(demo):
    slugs = [module.slug for module in course("uk").modules()]

    assert slugs.index("hepatitis-tb") == slugs.index("sti") + 1
    assert slugs[-1] == "peer-educator-work"
    assert [m.slug for m in course("ru").modules()] == slugs


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_each_new_module_has_a_required_test_of_four_to_six_explained_scenarios(demo, language):
    for slug in NEW:
        module = ModulePage.objects.get(locale__language_code=language, slug=slug)
        block = next(block for block in module.body if block.block_type == "quiz")
        questions = list(module_quiz(module).questions.all())

        assert block.value["required"], slug
        assert 4 <= len(questions) <= 6, slug
        for question in questions:
            assert question.safe_translation_getter("text", language_code=language, any_language=False)
            assert question.safe_translation_getter("explanation", language_code=language, any_language=False)
            assert any(choice.is_correct for choice in question.choices.all())


def test_the_final_test_stays_locked_until_the_new_modules_are_done_too(demo):
    demo_trainee = User.objects.get(nickname="trainee-demo")  # has finished the course
    trainee = User.objects.create_user(
        "trainee-new",
        "a-long-demo-password",
        training_group=demo_trainee.training_group,
        organisation=demo_trainee.organisation,
    )
    now = timezone.now()
    uk_course = course("uk")
    for module in uk_course.modules().exclude(slug__in=NEW):
        ModuleProgress.objects.update_or_create(
            user=trainee,
            module_key=module.translation_key,
            defaults={"first_opened_at": now, "last_opened_at": now, "completed_at": now},
        )

    lock = final_test_lock(trainee, uk_course.final_test_id)

    assert lock is not None
    assert {title for title, _url in lock.modules_left} == {
        ModulePage.objects.get(locale__language_code="uk", slug=slug).title for slug in NEW
    }
