"""Reads across progress and pages."""

from .access import courses_open_to
from .models import CourseCompletion, CoursePage, ModulePage, ModuleProgress, course_percent, module_statuses


def learning_overview(user, locale):
    """What "My learning" shows: the module to continue, and each course with its modules'
    statuses and progress. A constant number of queries, however many courses and modules."""
    courses = list(
        courses_open_to(user, CoursePage.objects.live().public().filter(locale=locale)).order_by("path")
    )
    modules = [
        module
        for module in ModulePage.objects.live().public().filter(locale=locale).order_by("path")
        if any(module.path.startswith(course.path) for course in courses)  # none of a closed course
    ]
    statuses = module_statuses(user, modules)
    completed = set(CourseCompletion.objects.filter(user=user).values_list("course_key", flat=True))
    overview = []
    for course in courses:
        course_modules = [m for m in modules if m.path.startswith(course.path)]
        percent = course_percent([statuses[m.translation_key] for m in course_modules])
        if course.translation_key in completed:  # modules added since do not undo it
            percent = 100
        overview.append({"course": course, "modules": len(course_modules), "percent": percent})

    latest = (
        ModuleProgress.objects.filter(user=user, completed_at__isnull=True)
        .order_by("-last_opened_at")
        .values_list("module_key", flat=True)
        .first()
    )
    modules_by_key = {m.translation_key: m for m in modules}
    return {"courses": overview, "continue_module": modules_by_key.get(latest)}


def translations_to_publish(user) -> list:
    """Pages whose wagtail-localize translation holds text newer than what is live, that
    this user may publish. The translation editor offers translators no "submit for
    review", so publishers find their work here (the admin dashboard)."""
    from django.db.models import Max
    from wagtail.models import Page
    from wagtail_localize.models import StringTranslation, Translation

    targets = {
        (str(key), locale_id)
        for key, locale_id in Translation.objects.filter(enabled=True).values_list(
            "source__object_id", "target_locale_id"
        )
    }
    if not targets:
        return []
    keys = {key for key, _locale_id in targets}
    translated_at = {
        (str(row["context__object_id"]), row["locale_id"]): row["latest"]
        for row in StringTranslation.objects.filter(context__object_id__in=keys)
        .values("context__object_id", "locale_id")
        .annotate(latest=Max("updated_at"))
    }
    waiting = []
    for page in Page.objects.filter(translation_key__in=keys).order_by("title"):
        target = (str(page.translation_key), page.locale_id)
        latest = translated_at.get(target)
        if target not in targets or latest is None:
            continue  # a source page, or nothing translated yet
        newer_than_live = page.last_published_at is None or latest > page.last_published_at
        if newer_than_live and page.permissions_for_user(user).can_publish():
            waiting.append(page)
    return waiting
