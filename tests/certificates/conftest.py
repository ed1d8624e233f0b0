from courses.services import module_complete
from quizzes.services import attempt_start, attempt_submit


def take_final(user, final, right=True):
    answers = {key.id: (key.correct if right else key.choices - key.correct) for key in final.question_keys()}
    attempt = attempt_start(user=user, quiz=final, language="uk")
    return attempt_submit(attempt=attempt, answers=answers)


def finish_modules(user, modules):
    for module in modules:
        module_complete(user=user, module=module)
