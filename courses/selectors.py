"""Reads across progress and pages."""

from .models import DONE, IN_PROGRESS, NOT_STARTED, ModuleProgress


def module_statuses(user, modules) -> dict:
    """translation_key -> not started / in progress / done, in one query."""
    statuses = {module.translation_key: NOT_STARTED for module in modules}
    if not user.is_authenticated or not statuses:
        return statuses
    rows = ModuleProgress.objects.filter(user=user, module_key__in=statuses).values_list(
        "module_key", "completed_at"
    )
    for key, completed_at in rows:
        statuses[key] = DONE if completed_at else IN_PROGRESS
    return statuses


def learning_overview(user, locale):
    """What "My learning" shows: the module to continue, and each course with its modules'
    statuses and progress. A constant number of queries, however many courses and modules."""
    from django.db.models import Q

    from .models import CoursePage, ModulePage, course_percent

    courses = list(
        CoursePage.objects.live()
        .public()
        .filter(locale=locale)
        .filter(Q(organisations__isnull=True) | Q(organisations=user.organisation_id))
        .distinct()
        .order_by("path")
    )
    modules = list(ModulePage.objects.live().public().filter(locale=locale).order_by("path"))
    statuses = module_statuses(user, modules)
    overview = []
    for course in courses:
        course_modules = [m for m in modules if m.path.startswith(course.path)]
        course_statuses = [statuses[m.translation_key] for m in course_modules]
        overview.append(
            {"course": course, "modules": len(course_modules), "percent": course_percent(course_statuses)}
        )

    latest = (
        ModuleProgress.objects.filter(user=user, completed_at__isnull=True)
        .order_by("-last_opened_at")
        .values_list("module_key", flat=True)
        .first()
    )
    modules_by_key = {m.translation_key: m for m in modules}
    return {"courses": overview, "continue_module": modules_by_key.get(latest)}
