from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common import content_access, next_steps


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # quizzes and h5p sit below courses: they ask common.content_access, which answers
        # with the courses' rule for organisations (courses/access.py).
        from . import access, page_cache_signals  # noqa: F401  (connects its receivers)
        from . import next_steps as course_next_steps

        content_access.answer_with(access.RULE)
        # A test's result page (quizzes) asks what comes next: a module, the final test.
        next_steps.answer_with(course_next_steps.after_test)
        # Wagtail's lists of pages (admin API, search count, reports, site history) leave
        # out courses kept for other organisations (courses/admin_access.py).
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .admin_access import OpenPagesPermissionPolicy

        register_permission_policy(Page, OpenPagesPermissionPolicy(Page))
