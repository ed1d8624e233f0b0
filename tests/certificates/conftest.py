import pytest

from courses.services import module_complete
from quizzes.services import attempt_start, attempt_submit
from tests.builders import build_quiz


@pytest.fixture
def final_course(course):
    """The test course with a final test (pass mark 75%) in both languages."""
    page, modules = course
    final = build_quiz(kind="final", pass_mark=75)
    for translation in page.get_translations(inclusive=True):
        translation.final_test = final
        translation.save_revision().publish()
    page.refresh_from_db()
    return page, modules, final


def take_final(user, final, right=True):
    answers = {key.id: (key.correct if right else key.choices - key.correct) for key in final.question_keys()}
    attempt = attempt_start(user=user, quiz=final, language="uk")
    return attempt_submit(attempt=attempt, answers=answers)


def finish_modules(user, modules):
    for module in modules:
        module_complete(user=user, module=module)
