"""Course completion becomes a recorded fact. Record it for those who had already reached
it: every live module of the course done (at the last one's date), or a certificate for
the course (at its date, if earlier)."""

from django.db import migrations


def record(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    ModulePage = apps.get_model("courses", "ModulePage")
    ModuleProgress = apps.get_model("courses", "ModuleProgress")
    CourseCompletion = apps.get_model("courses", "CourseCompletion")
    Certificate = apps.get_model("certificates", "Certificate")

    completed = {}  # (user id, course key) -> completed at
    for course in CoursePage.objects.all():
        keys = set(
            ModulePage.objects.filter(
                path__startswith=course.path, depth=course.depth + 1, live=True
            ).values_list("translation_key", flat=True)
        )
        if not keys:
            continue
        done = {}
        for user_id, key, when in ModuleProgress.objects.filter(
            module_key__in=keys, completed_at__isnull=False
        ).values_list("user_id", "module_key", "completed_at"):
            done.setdefault(user_id, {})[key] = when
        for user_id, modules in done.items():
            if set(modules) >= keys:
                moment = max(modules.values())
                target = (user_id, course.translation_key)
                completed[target] = min(completed.get(target, moment), moment)
    for user_id, course_key, issued_at in Certificate.objects.filter(user__isnull=False).values_list(
        "user_id", "course_key", "issued_at"
    ):
        target = (user_id, course_key)
        completed[target] = min(completed.get(target, issued_at), issued_at)
    CourseCompletion.objects.bulk_create(
        [CourseCompletion(user_id=u, course_key=k, completed_at=when) for (u, k), when in completed.items()],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("courses", "0005_course_completion"), ("certificates", "0001_initial")]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
