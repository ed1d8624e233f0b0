"""The step forward after a test, for its result page (asked through common.next_steps):
the next module once this one is done, the first module after the pre-test, the final test
once every module is done, and always the way back to the course. Pages in the trainee's
language when they exist."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.next_steps import NextStep

from .models import DONE, NOT_STARTED, CoursePage, ModulePage, course_completed, module_statuses


def _in_language(pages):
    pages = pages.live().public()
    return pages.filter(locale__language_code=get_language()).first() or pages.first()


def _course_and_module(quiz_id, module_key):
    if module_key is not None:
        module = _in_language(ModulePage.objects.filter(translation_key=module_key))
        if module is not None:
            return module.get_parent().specific, module
    course = _in_language(CoursePage.objects.filter(Q(pre_test_id=quiz_id) | Q(final_test_id=quiz_id)))
    return course, None


def after_test(user, *, quiz_id, module_key, passed) -> list[NextStep]:
    course, module = _course_and_module(quiz_id, module_key)
    if course is None:
        return []
    modules = list(course.modules())
    statuses = module_statuses(user, modules, course_completed=course_completed(user, course))
    if module is not None and statuses.get(module.translation_key) != DONE:
        return []  # the module itself is the next step ("Back to the module")
    after = [m for m in modules if module is None or m.path > module.path]
    todo = next((m for m in after if statuses[m.translation_key] != DONE), None) or next(
        (m for m in modules if statuses[m.translation_key] != DONE), None
    )
    steps = []
    if todo is not None and quiz_id != course.final_test_id:
        if module is not None:
            label = _("Next module: %(title)s")
        elif all(status == NOT_STARTED for status in statuses.values()):
            label = _("Start the first module: %(title)s")
        else:
            label = _("Continue with the module: %(title)s")
        steps.append(NextStep(label % {"title": todo.title}, todo.url))
    elif todo is None and course.final_test_id and quiz_id != course.final_test_id:
        final_test = reverse("quizzes:detail", args=[course.final_test_id])
        steps.append(NextStep(_("Take the final test"), final_test))
    steps.append(NextStep(_("Back to the course"), course.url))
    return steps
