from courses.services import module_finish_by_button
from quizzes.services import attempt_start, attempt_submit


def take_final(user, final, right=True):
    answers = {key.id: (key.correct if right else key.choices - key.correct) for key in final.question_keys()}
    attempt = attempt_start(user=user, quiz=final, language="uk")
    return attempt_submit(attempt=attempt, answers=answers).attempt


def finish_modules(user, modules):
    """The test courses' modules have no required activity: each is finished by its button."""
    for module in modules:
        module_finish_by_button(user=user, module=module)
