from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    name = "h5p"
    verbose_name = _("Interactive content")
    default_auto_field = "django.db.models.BigAutoField"
