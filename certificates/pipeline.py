"""The learning pipeline: what a learning event means for a trainee.

quizzes, h5p and courses record their own facts and report them as signals in the same
transaction (common/learning_events.py): a test attempt finished, an H5P activity
completed, a module finished with its button. This module receives them, gathers what
the rules need, asks the pure rules in courses/completion.py, and records what follows:
the module completed, the course completed, the certificate issued (here and nowhere
else). Each event answers with an Outcome that the sending view acts on. A page view
records only that a module was opened (courses.services.module_open)."""

from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import get_language

from common import page_cache
from common.learning_events import NOTHING_NEW, Outcome
from courses import completion
from courses.access import courses_open_among, modules_open_to
from courses.models import CourseCompletion, CoursePage, ModulePage, ModuleProgress
from courses.services import course_complete_record, module_complete_record
from courses.signals import module_finished_by_trainee
from h5p.selectors import completed_block_ids
from h5p.signals import activity_completed
from quizzes.selectors import best_passed_percent, passed_quiz_ids
from quizzes.signals import attempt_finished

from .services import certificate_issue


@receiver(attempt_finished, dispatch_uid="pipeline-attempt-finished")
def on_attempt_finished(sender, *, attempt, **_facts) -> Outcome:
    if not attempt.passed or attempt.user_id is None:
        return NOTHING_NEW
    return learning_event_record(
        user=attempt.user, module_key=attempt.module_key, passed_quiz_id=attempt.quiz_id
    )


@receiver(activity_completed, dispatch_uid="pipeline-activity-completed")
def on_activity_completed(sender, *, user, module_key, **_facts) -> Outcome:
    return learning_event_record(user=user, module_key=module_key)


@receiver(module_finished_by_trainee, dispatch_uid="pipeline-module-finished")
def on_module_finished(sender, *, user, module, **_facts) -> Outcome:
    return learning_event_record(user=user, module_key=module.translation_key, by_button=True)


@transaction.atomic(savepoint=False)  # part of the transaction that recorded the event
@page_cache.one_version()  # the course structure below is read under one content version
def learning_event_record(*, user, module_key=None, passed_quiz_id=None, by_button=False) -> Outcome:
    """One event: a module (by translation_key) that may now be complete, and/or a test the
    trainee has just passed. A test taken outside any module may be a course's final test.
    Only courses the trainee may take are completed or certified (courses/access.py)."""
    final_of = []
    if module_key is None and passed_quiz_id is not None:
        final_of = _courses_with_final_test(user, passed_quiz_id)
    modules = [] if final_of else _modules_concerned(user, module_key, passed_quiz_id)
    completed_modules = [
        module for module in modules if _module_now_complete(user, module, by_button, passed_quiz_id)
    ]

    course_completed, certificate_id = False, None
    for course in final_of + [_course_of(module) for module in completed_modules]:
        complete, just_now = _course_completion(user, course)
        course_completed |= just_now
        # A certificate can become due only when the course or its final test is done now.
        if complete and (just_now or passed_quiz_id == course.final_test_id):
            certificate = _certificate_if_due(user, course)
            certificate_id = certificate_id or (certificate.pk if certificate else None)
    return Outcome(
        module_completed=bool(completed_modules),
        course_completed=course_completed,
        certificate_id=certificate_id,
    )


def _in_trainee_language(pages) -> list:
    """One page per translation_key: the trainee's language where there is one."""
    chosen = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale.language_code == get_language():
            chosen[page.translation_key] = page
    return list(chosen.values())


def _courses_with_final_test(user, quiz_id) -> list[CoursePage]:
    # Which courses end with this test is content, the same for everyone: kept in the
    # content cache (common/page_cache.py) until content changes.
    courses = page_cache.get_or_build(
        lambda: list(CoursePage.objects.live().filter(final_test_id=quiz_id).select_related("locale")),
        "courses-with-final-test",
        quiz_id,
    )
    return _in_trainee_language(courses_open_among(user, courses))


def _modules_concerned(user, module_key, passed_quiz_id) -> list[ModulePage]:
    live = modules_open_to(user, ModulePage.objects.live().select_related("locale"))
    if module_key is not None:
        return _in_trainee_language(live.filter(translation_key=module_key))
    if passed_quiz_id is not None:  # a module's test opened outside its module still completes it
        return [m for m in _in_trainee_language(live) if passed_quiz_id in m.required_quiz_ids()]
    return []


def _course_of(module) -> CoursePage:
    return page_cache.get_or_build(
        lambda: CoursePage.objects.parent_of(module).select_related("locale").get(), "course-of", module.pk
    )


def _live_module_keys(course) -> list:
    """The translation keys of the course's live modules: content, kept in the content cache."""
    return page_cache.get_or_build(
        lambda: list(ModulePage.objects.child_of(course).live().values_list("translation_key", flat=True)),
        "course-module-keys",
        course.pk,
    )


def _module_now_complete(user, module, by_button, just_passed) -> bool:
    """Record the module as complete if the rules say so; True if it was completed now."""
    quizzes, blocks = module.required_quiz_ids(), module.required_h5p_block_ids()
    if by_button:
        complete = completion.finishable_by_button(required_quizzes=quizzes, required_blocks=blocks)
    else:
        others = set(quizzes) - {just_passed}  # the test just passed needs no reading
        complete = completion.module_complete(
            required_quizzes=quizzes,
            passed_quizzes={just_passed} | (passed_quiz_ids(user=user, quiz_ids=others) if others else set()),
            required_blocks=blocks,
            completed_blocks=completed_block_ids(user=user, module_key=module.translation_key)
            if blocks
            else set(),
        )
    return complete and module_complete_record(user=user, module_key=module.translation_key)


def _course_completion(user, course) -> tuple[bool, bool]:
    """(complete, completed just now): recorded before, or every module it has now done.
    The course's live modules come from the content cache; one query reads which of them
    the trainee has done and whether the course was completed before (the course's key
    among the keys found)."""
    module_keys = _live_module_keys(course)
    done = ModuleProgress.objects.filter(user=user, module_key__in=module_keys, completed_at__isnull=False)
    recorded = CourseCompletion.objects.filter(user=user, course_key=course.translation_key)
    done, recorded = done.values_list("module_key", flat=True), recorded.values_list("course_key", flat=True)
    found = set(done.union(recorded, all=True))
    if course.translation_key in found:
        return True, False
    if not completion.course_complete(module_keys=set(module_keys), completed_module_keys=found):
        return False, False
    course_complete_record(user=user, course_key=course.translation_key)
    return True, True


def _certificate_if_due(user, course):
    """The certificate issued now, if the completed course has just become due one."""
    if not course.final_test_id:
        return None
    best = best_passed_percent(user=user, quiz_id=course.final_test_id)
    if not completion.certificate_due(course_completed=True, final_test_passed=best is not None):
        return None
    certificate, created = certificate_issue(user=user, course=course, final_score=best)
    return certificate if created else None
