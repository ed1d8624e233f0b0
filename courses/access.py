"""Who may take a course that is limited to some organisations: the one rule, used by
every route to a course's content (docs/access.md, "Courses for some organisations").

A course with organisations is for their trainees and staff, and for admins; a course
without any is for everyone, signed in or not. Everything inside the course follows it:
its modules, their tests and interactive activities, its pre-test and final test, and
the learning pipeline that completes and certifies it.

The limit belongs to the course, not to one language version of it. Progress counts
across languages (translation_key), and wagtail-localize copies the field to a
translation only when the translation is synced, so for a while the versions may
differ: a course is closed to someone when any of its versions leaves them out."""

from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language
from wagtail.models import Page

from accounts.access import sees_every_organisation
from common import page_cache
from common.content_access import QuizLock

from .completion import final_test_open
from .models import CourseCompletion, CoursePage, ModulePage, ModuleProgress


def closed_courses(user) -> QuerySet[CoursePage]:
    """Every course page (any language, live or not) limited to organisations that do not
    include `user`'s."""
    if sees_every_organisation(user):
        return CoursePage.objects.none()
    named = CoursePage.organisations.through.objects.filter(coursepage_id=OuterRef("pk"))
    limited = CoursePage.objects.filter(Exists(named))
    if user.is_authenticated and user.organisation_id is not None:
        limited = limited.exclude(Exists(named.filter(organisation_id=user.organisation_id)))
    return limited


def _closed_keys(user) -> QuerySet:
    return closed_courses(user).values("translation_key")


def courses_open_to(user, courses: QuerySet) -> QuerySet:
    """`courses` without the ones `user` may not take: for every list of courses."""
    if sees_every_organisation(user) or _closes_nothing(user):
        return courses
    return courses.exclude(translation_key__in=_closed_keys(user))


def courses_open_among(user, courses: list[CoursePage]) -> list[CoursePage]:
    """The courses of a list (read from the content cache, say) that `user` may take;
    without a query in the usual case."""
    if sees_every_organisation(user) or _closes_nothing(user) or not courses:
        return courses
    listed = CoursePage.objects.filter(pk__in=[course.pk for course in courses])
    open_ids = set(courses_open_to(user, listed).values_list("pk", flat=True))
    return [course for course in courses if course.pk in open_ids]


def may_take_course(user, course: CoursePage) -> bool:
    return not closed_courses(user).filter(translation_key=course.translation_key).exists()


def may_open(user, page: Page) -> bool:
    """A course, or a page inside one (a module), is open to `user`. One query."""
    if sees_every_organisation(user):
        return True
    containing = CoursePage.objects.ancestor_of(page, inclusive=True)
    return not containing.filter(translation_key__in=_closed_keys(user)).exists()


def _course_limits() -> tuple[list, list]:
    """Every course page (any language, live or not) as (tree path, translation key), and
    each limited version's (translation key, organisations' ids)."""
    courses = list(CoursePage.objects.values_list("path", "translation_key"))
    named = CoursePage.organisations.through.objects.values_list(
        "coursepage__translation_key", "coursepage_id", "organisation_id"
    )
    versions = {}
    for key, page_id, organisation_id in named:
        versions.setdefault((key, page_id), set()).add(organisation_id)
    return courses, [(key, frozenset(ids)) for (key, _page_id), ids in versions.items()]


def may_open_cached(user, page: Page) -> bool:
    """may_open, with the courses' limits read from the content cache: no query."""
    if sees_every_organisation(user):
        return True
    courses, limits = page_cache.get_or_build(_course_limits, "course-limits")
    organisation_id = user.organisation_id if user.is_authenticated else None
    closed = {key for key, ids in limits if organisation_id not in ids}
    return not any(page.path.startswith(path) and key in closed for path, key in courses)


def _closes_nothing(user) -> bool:
    """No course (any version, live or not) leaves `user` out: the usual case, answered
    from the content cache without a query, so that a test's routes and the learning
    pipeline do not build the closed-courses subqueries on every answer."""
    _courses, limits = page_cache.get_or_build(_course_limits, "course-limits")
    organisation_id = user.organisation_id if user.is_authenticated else None
    return all(organisation_id in ids for _key, ids in limits)


def _under(paths) -> Q:
    """Pages inside any of the pages at these tree paths."""
    inside = Q(pk__in=[])
    for path in paths:
        inside |= Q(path__startswith=path)
    return inside


def _closed_versions(user) -> QuerySet[CoursePage]:
    """Every language version of the courses closed to `user`: a version not yet synced
    (organisations still empty) holds the same modules, tests and documents."""
    return CoursePage.objects.filter(translation_key__in=_closed_keys(user))


def modules_open_to(user, modules: QuerySet) -> QuerySet:
    """`modules` without the ones in courses `user` may not take, in any language."""
    if sees_every_organisation(user) or _closes_nothing(user):
        return modules
    paths = list(_closed_versions(user).values_list("path", flat=True))
    return modules.exclude(_under(paths)) if paths else modules


def _holds_quiz(courses, modules, quiz_id: int) -> bool:
    return any(quiz_id in (course.pre_test_id, course.final_test_id) for course in courses) or any(
        quiz_id in module.quiz_ids() for module in modules
    )


def closed_quiz_ids(user) -> set[int]:
    """The tests closed to `user` wherever they are opened from (the admin's lists and
    screens): those that belong only to courses closed to them, as may_take_quiz says
    for one test taken from no module."""
    if sees_every_organisation(user) or _closes_nothing(user):
        return set()  # the usual case, without a query
    closed = list(_closed_versions(user).only("path", "translation_key", "pre_test_id", "final_test_id"))
    if not closed:
        return set()
    in_closed = _under(course.path for course in closed)
    held = _quiz_ids(closed, ModulePage.objects.filter(in_closed).only("body"))
    if not held:
        return set()
    open_courses = CoursePage.objects.live().exclude(translation_key__in=[c.translation_key for c in closed])
    open_modules = ModulePage.objects.live().exclude(in_closed).only("body")
    return held - _quiz_ids(open_courses.only("pre_test_id", "final_test_id"), open_modules)


def _quiz_ids(courses, modules) -> set[int]:
    ids = {quiz_id for course in courses for quiz_id in (course.pre_test_id, course.final_test_id)}
    ids.update(quiz_id for module in modules for quiz_id in module.quiz_ids())
    return ids - {None}


def may_take_quiz(user, quiz_id: int, *, module_key: UUID | None = None) -> bool:
    """A test is closed to `user` when it is taken from a module of a course closed to
    them, or when it belongs (as a module's test, a pre-test or a final test) only to
    courses closed to them. A test shared with a course they may take stays open, and so
    does a test that belongs to no course."""
    if sees_every_organisation(user) or _closes_nothing(user):
        return True  # the usual case, without a query
    closed = list(_closed_versions(user).only("path", "translation_key", "pre_test_id", "final_test_id"))
    if not closed:
        return True
    in_closed = _under(course.path for course in closed)
    if module_key is not None and ModulePage.objects.filter(in_closed, translation_key=module_key).exists():
        return False
    if not _holds_quiz(closed, ModulePage.objects.filter(in_closed).only("body"), quiz_id):
        return True
    # Only now, for a test of a closed course, read the courses that are open.
    open_courses = CoursePage.objects.live().exclude(translation_key__in=[c.translation_key for c in closed])
    open_modules = ModulePage.objects.live().exclude(in_closed).only("body")
    return _holds_quiz(open_courses.only("pre_test_id", "final_test_id"), open_modules, quiz_id)


def final_test_lock(user, quiz_id: int) -> QuizLock | None:
    """Why `user` cannot start this test yet: it is the final test of courses they may
    take, and none of them has every module complete for them. The modules left are
    those of the course in the visitor's language."""
    if not user.is_authenticated:
        return None  # the test's page asks them to log in
    holding = CoursePage.objects.live().filter(final_test_id=quiz_id).select_related("locale")
    courses = list(courses_open_to(user, holding))
    if not courses:
        return None
    completed = set(CourseCompletion.objects.filter(user=user).values_list("course_key", flat=True))
    progress = ModuleProgress.objects.filter(user=user, completed_at__isnull=False)
    done = set(progress.values_list("module_key", flat=True))
    courses.sort(key=lambda course: course.locale.language_code != get_language())
    left = None
    for course in courses:
        modules = list(course.modules())
        keys = [module.translation_key for module in modules]
        if final_test_open(
            course_completed=course.translation_key in completed, module_keys=keys, completed_module_keys=done
        ):
            return None
        if left is None:
            left = tuple((m.title, m.url) for m in modules if m.translation_key not in done)
    return QuizLock(modules_left=left)


class CourseContentRule:
    """The answers common.content_access gives the apps below courses (quizzes, h5p)."""

    def may_open_page(self, user, page_id: int) -> bool:
        page = Page.objects.filter(pk=page_id).only("path").first()
        return page is None or may_open(user, page)  # a missing page is the route's own 404

    def open_page_ids(self, user, page_ids: set[int]) -> set[int]:
        if sees_every_organisation(user) or _closes_nothing(user) or not page_ids:
            return set(page_ids)
        return set(modules_open_to(user, Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))

    def may_take_quiz(self, user, quiz_id: int, *, module_key: UUID | None = None) -> bool:
        return may_take_quiz(user, quiz_id, module_key=module_key)

    def quiz_lock(self, user, quiz_id: int) -> QuizLock | None:
        return final_test_lock(user, quiz_id)

    def closed_quiz_ids(self, user) -> set[int]:
        return closed_quiz_ids(user)


RULE = CourseContentRule()
