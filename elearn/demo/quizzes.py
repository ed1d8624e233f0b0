"""Demo tests: one per module (required), the course's pre-test and final test, and a few
attempts by the demo trainee."""

from wagtail.models import Locale

from accounts.models import User
from courses.models import CoursePage, ModulePage
from elearn.demo.courses import resync_translations
from quizzes.demo_content import FINAL_TEST, MODULE_QUIZZES, PRE_TEST, TITLES
from quizzes.models import Attempt, Choice, Question, Quiz
from quizzes.services import attempt_start, attempt_submit


def _translated(obj, **texts_by_language):
    for language, texts in texts_by_language.items():
        obj.set_current_language(language)
        for field, value in texts.items():
            setattr(obj, field, value)
    return obj


def build_quiz(titles, questions, **settings) -> Quiz:
    existing = Quiz.objects.filter(translations__language_code="uk", translations__title=titles[0]).first()
    if existing:
        return existing
    quiz = _translated(Quiz(**settings), uk={"title": titles[0]}, ru={"title": titles[1]})
    quiz.save()
    for order, (kind, text, explanation, choices) in enumerate(questions):
        question = Question(quiz=quiz, kind=kind, order=order)
        _translated(
            question,
            uk={"text": text[0], "explanation": explanation[0]},
            ru={"text": text[1], "explanation": explanation[1]},
        ).save()
        for position, (uk, ru, correct) in enumerate(choices):
            choice = Choice(question=question, is_correct=correct, order=position)
            _translated(choice, uk={"text": uk}, ru={"text": ru}).save()
    return quiz


def attach(module: ModulePage, quiz: Quiz) -> None:
    """Add the test to the end of the Ukrainian module and sync the Russian translation."""
    if any(block.block_type == "quiz" for block in module.body):
        return
    module.body.append(("quiz", {"quiz": quiz, "required": True}))
    module.save_revision().publish()
    resync_translations(module)


def load(course: CoursePage) -> None:
    for module in ModulePage.objects.child_of(course).filter(locale=course.locale):
        quiz = build_quiz(
            TITLES[module.slug],
            MODULE_QUIZZES[module.slug],
            kind=Quiz.Kind.POST_TEST,
            pass_mark=80,
            feedback=Quiz.Feedback.AFTER_EACH,
        )
        attach(ModulePage.objects.get(pk=module.pk), quiz)

    pre = build_quiz(
        TITLES["pre_test"],
        PRE_TEST,
        kind=Quiz.Kind.PRE_TEST,
        pass_mark=0,
        layout=Quiz.Layout.ALL_ON_ONE_PAGE,
        max_attempts=1,
    )
    final = build_quiz(
        TITLES["final"],
        FINAL_TEST,
        kind=Quiz.Kind.FINAL,
        pass_mark=75,
        layout=Quiz.Layout.ALL_ON_ONE_PAGE,
        max_attempts=3,
    )
    course = CoursePage.objects.get(pk=course.pk)
    if course.pre_test_id is None:
        course.pre_test, course.final_test = pre, final
        course.save_revision().publish()
        resync_translations(course)

    trainee = User.objects.filter(nickname="trainee-demo").first()
    if trainee and not Attempt.objects.filter(user=trainee).exists():
        answer_quiz(trainee, pre, right=5)  # before the course: about half right
        hiv = ModulePage.objects.get(slug="hiv", locale=Locale.objects.get(language_code="uk"))
        hiv_quiz = next(block.value["quiz"] for block in hiv.body if block.block_type == "quiz")
        answer_quiz(trainee, hiv_quiz, right=2, module=hiv)  # a first try that did not pass


def answer_quiz(trainee, quiz, right, module=None):
    """Submit an attempt with the first `right` questions answered correctly."""
    answers = {}
    for number, key in enumerate(quiz.question_keys()):
        chosen = sorted(key.correct if number < right else key.choices - key.correct)
        answers[key.id] = frozenset(chosen if key.kind == "multiple" else chosen[:1])
    module_key = module.translation_key if module else None
    attempt = attempt_start(user=trainee, quiz=quiz, language="uk", module_key=module_key)
    attempt_submit(attempt=attempt, answers=answers)
