from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ElearnConfig(AppConfig):
    name = "elearn"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The admin in the trainer's language: listing counts with the right plural
        # ("7 тестів", not "7 тести"), and English that Wagtail writes into code or data.
        from . import admin_counts, admin_language

        admin_counts.install()
        admin_language.label_report_filters()
        post_migrate.connect(admin_language.rename_root_page, sender=self, dispatch_uid="elearn_root_title")
