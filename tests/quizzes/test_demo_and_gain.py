from courses.models import CoursePage, ModulePage
from quizzes.models import Attempt, Question, Quiz
from quizzes.selectors import missing_translations
from quizzes.services import attempt_start, attempt_submit
from reports.data import report_data
from reports.indicators import counts
from reports.scope import ReportScope
from tests.builders import build_quiz
from tests.factories import TraineeFactory


def test_every_demo_module_has_a_required_bilingual_test_with_explanations(demo):
    for module in ModulePage.objects.all():
        quizzes = module.required_quiz_ids()
        assert len(quizzes) == 1, module.url
        quiz = Quiz.objects.get(pk=quizzes[0])
        assert quiz.questions.count() >= 5
        assert missing_translations(quiz) == {"uk": 0, "ru": 0}
        assert {q.kind for q in quiz.questions.all()} >= {"single", "multiple", "true_false"}
        for question in quiz.questions.all():
            for language in ("uk", "ru"):
                assert question.safe_translation_getter("explanation", language_code=language)


def test_demo_course_has_a_pre_test_a_final_test_and_twenty_questions(demo):
    for course in CoursePage.objects.all():
        assert course.pre_test.kind == Quiz.Kind.PRE_TEST
        assert course.final_test.kind == Quiz.Kind.FINAL
    assert Question.objects.count() >= 20
    assert Attempt.objects.filter(user__nickname="trainee-demo").count() >= 2


def test_knowledge_gain_uses_the_first_pre_test_and_the_best_final_test(course, group):
    pre, final = build_quiz(kind="pre_test", pass_mark=0), build_quiz(kind="final")
    final.answer_key = Quiz.AnswerKey.ALWAYS  # so that a passed final test can be taken again
    final.save()
    course_page = course[0]
    course_page.pre_test, course_page.final_test = pre, final

    def take(user, quiz, right):
        keys = quiz.question_keys()
        answers = {k.id: (k.correct if n < right else frozenset()) for n, k in enumerate(keys)}
        attempt_submit(attempt=attempt_start(user=user, quiz=quiz, language="uk"), answers=answers)

    ann, bo, only_pre = (TraineeFactory(training_group=group) for _ in range(3))
    take(ann, pre, right=1)  # 1 of 4 points: 25%
    take(ann, pre, right=3)  # a second pre-test does not count
    take(ann, final, right=2)  # 75%
    take(ann, final, right=3)  # best: 100%
    take(bo, pre, right=2)  # 75%
    take(bo, final, right=2)  # 75%
    take(only_pre, pre, right=0)

    data = report_data(ReportScope(course=course_page))
    facts = {person.id: person for person in data.trainees}
    gain = counts(data.trainees)

    assert (facts[ann.pk].pre, facts[ann.pk].post) == (25, 100)
    assert (gain.both, gain.pre_mean, gain.post_mean, gain.gain) == (2, 50.0, 87.5, 37.5)


def test_knowledge_gain_of_a_course_without_tests_is_empty(course, group):
    TraineeFactory(training_group=group)
    assert counts(report_data(ReportScope(course=course[0])).trainees).both == 0
