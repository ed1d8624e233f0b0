from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common import content_access


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # quizzes and h5p sit below courses: they ask common.content_access, which answers
        # with the courses' rule for organisations (courses/access.py).
        from . import access

        content_access.answer_with(access.RULE)
