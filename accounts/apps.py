from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"


class AccountsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know users have only a nickname, for admins
    only (accounts/user_admin_guard.py)."""

    user_viewset = "accounts.user_admin_guard.AdminsOnlyUserViewSet"
