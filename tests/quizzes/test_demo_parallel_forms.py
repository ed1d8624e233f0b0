"""The demo course's pre-test and final test are parallel forms: the same topics, no shared
question, so the knowledge gain does not measure memory of the pre-test."""

from courses.models import CoursePage
from quizzes.demo_content import COURSE_TEST_POOL


def texts(quiz, language):
    questions = quiz.questions.all()
    return {question.safe_translation_getter("text", language_code=language) for question in questions}


def test_the_demo_pre_test_and_final_test_share_no_question(demo):
    for course in CoursePage.objects.all():
        pre, final = course.pre_test, course.final_test
        assert pre.pk != final.pk
        for language in ("uk", "ru"):
            assert texts(pre, language) and texts(final, language)
            assert texts(pre, language) & texts(final, language) == set()


def test_the_demo_pre_test_and_final_test_cover_the_same_topics_once_each(demo):
    course = CoursePage.objects.get(locale__language_code="uk")
    topics = [topic for topic, _pre, _final in COURSE_TEST_POOL]

    assert len(topics) == len(set(topics)) >= 10
    assert course.pre_test.questions.count() == course.final_test.questions.count() == len(topics)
    # Negotiation, emergency contraception, STI testing and online safety are tested.
    assert {"negotiation", "emergency-contraception", "sti-testing", "online-safety"} <= set(topics)
